"""`eacheck graph`: the landscape as a diagram (Mermaid, Graphviz DOT, GraphML, ArchiMate)."""

from __future__ import annotations

import click

from eacheck.cli.common import language_option, command, emit, handle_errors, note, option, path_argument
from eacheck.i18n import msg, msg_n
from eacheck.cli.completion import ids_of

FORMATS = ("mermaid", "dot", "graphml", "archimate")


@command("graph")
@path_argument
@option("--format", "format_name", type=click.Choice(FORMATS), default="mermaid", show_default=True,
              help="mermaid (wikis, pull requests), dot (Graphviz), graphml (yEd, Gephi) or "
                   "archimate (Open Exchange Format, for Archi).")
@option("--organization", metavar="ID", default=None, shell_complete=ids_of("organization"),
              help="Only the systems this organization owns or uses, and the integrations among them.")
@option("--capability", metavar="ID", default=None, shell_complete=ids_of("capability"),
              help="Only the systems serving this capability or one below it.")
@option("--group-common", is_flag=True, default=False, help="Only group-common systems.")
@option("--out", metavar="FILE", default="-", show_default=True,
              help="Write to FILE instead of standard output.")
@language_option
@handle_errors
def command(path: str, format_name: str, organization: str | None, capability: str | None,
            group_common: bool, out: str, language: str | None) -> None:
    """Draw the systems and integrations of the repository at PATH.

    Retired systems and integrations are left out; planned ones are dashed. A flow via a
    platform is drawn through the platform. Filters combine. Exit code 0, or 2 when an id
    given to a filter or PATH is unknown.

    Example: eacheck graph . --format mermaid --organization ksf --out ksf.mmd
    """
    from eacheck import api
    from eacheck.errors import UsageError

    answer = api.graph(path, format_name, organization, capability, group_common)
    if answer.problems:
        note(msg_n(
            "note: {n} problem in the files; what it concerns is left out of the diagram "
            "(run `eacheck validate` to see it)",
            "note: {n} problems in the files; what they concern is left out of the diagram "
            "(run `eacheck validate` to see them)",
            answer.problems,
        ))
    for warning in answer.warnings:  # the diagram is still written, and the exit code stays 0
        note(warning)
    text = answer.text
    if out == "-":
        emit(text)
        return
    from eacheck import safe_write

    try:
        safe_write.write(out, text)
    except OSError as error:
        raise UsageError(str(msg("cannot write {path}: {reason}", path=out, reason=error.strerror or str(error)))) from None
