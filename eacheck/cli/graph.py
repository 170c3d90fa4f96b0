"""`eacheck graph`: the landscape as a diagram (Mermaid, Graphviz DOT, GraphML, ArchiMate)."""

from __future__ import annotations

from pathlib import Path

import click

from eacheck.cli.common import emit, handle_errors, note_problems, path_argument
from eacheck.cli.completion import ids_of

FORMATS = ("mermaid", "dot", "graphml", "archimate")


@click.command("graph")
@path_argument
@click.option("--format", "format_name", type=click.Choice(FORMATS), default="mermaid", show_default=True,
              help="mermaid (wikis, pull requests), dot (Graphviz), graphml (yEd, Gephi) or "
                   "archimate (Open Exchange Format, for Archi).")
@click.option("--organization", metavar="ID", default=None, shell_complete=ids_of("organization"),
              help="Only the systems this organization owns or uses, and the integrations among them.")
@click.option("--capability", metavar="ID", default=None, shell_complete=ids_of("capability"),
              help="Only the systems serving this capability or one below it.")
@click.option("--group-common", is_flag=True, default=False, help="Only group-common systems.")
@click.option("--out", metavar="FILE", default="-", show_default=True,
              help="Write to FILE instead of standard output.")
@handle_errors
def command(path: str, format_name: str, organization: str | None, capability: str | None,
            group_common: bool, out: str) -> None:
    """Draw the systems and integrations of the repository at PATH.

    Retired systems and integrations are left out; planned ones are dashed. A flow via a
    platform is drawn through the platform. Filters combine. Exit code 0, or 2 when an id
    given to a filter or PATH is unknown.

    Example: eacheck graph . --format mermaid --organization ksf --out ksf.mmd
    """
    from eacheck import api
    from eacheck.analysis.selection import select
    from eacheck.errors import UsageError
    from eacheck.output.graph import render

    repository = api.open_repository(path)
    note_problems(repository, "the diagram")
    landscape = repository.landscape
    selection = select(landscape, organization=organization, capability=capability, group_common=group_common)
    text = render(format_name, landscape, selection)
    if format_name == "mermaid":
        from eacheck.output.graph.mermaid import size_warning

        warning = size_warning(text)
        if warning:  # still written, exit code 0: a larger limit may be configured where it is shown
            click.echo(warning, err=True)
    if out == "-":
        emit(text)
        return
    try:
        Path(out).write_text(text, encoding="utf-8")
    except OSError as error:
        raise UsageError(f"cannot write {out}: {error.strerror or error}") from None
