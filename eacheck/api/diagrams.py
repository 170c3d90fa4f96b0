"""The integration graph as a diagram, and what retiring one system would break."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from eacheck.api.repository import PathLike, open_repository

if TYPE_CHECKING:
    from eacheck.analysis.impact import Impact
    from eacheck.i18n import Message


@dataclass(frozen=True)
class Answer:
    """Text for the reader, and how many problems in the files left something out of it."""

    text: str
    problems: int
    # Said on standard error beside the text: a Mermaid diagram past Mermaid's default limits.
    warnings: tuple[Message, ...] = ()


def graph(
    path: PathLike = ".",
    format_name: str = "mermaid",
    organization: str | None = None,
    capability: str | None = None,
    group_common: bool = False,
) -> Answer:
    """The landscape (or the part the filters select) as a diagram in ``format_name``."""
    from eacheck.analysis.selection import select
    from eacheck.output.graph import render

    from eacheck.output.graph.mermaid import size_warning

    repository = open_repository(path)
    landscape = repository.landscape
    selection = select(landscape, organization=organization, capability=capability, group_common=group_common)
    text = render(format_name, landscape, selection)
    warning = size_warning(text) if format_name == "mermaid" else None
    return Answer(text, len(repository.problems), (warning,) if warning else ())


def impact(path: PathLike, system: str, as_of: date | None = None) -> tuple[Impact, int]:
    """What retiring ``system`` would break, and how many problems in the files there are."""
    from eacheck.analysis.impact import impact as impact_of

    repository = open_repository(path)
    return impact_of(repository.landscape, system, as_of), len(repository.problems)


def render_impact(format_name: str, result: Impact) -> str:
    from eacheck.output.impact import render

    return render(format_name, result)
