"""`eacheck impact`: what breaks, and who is left without, if a system is retired."""

from __future__ import annotations

import click

from eacheck.cli.common import (
    argument, as_of_option, command, emit, handle_errors, language_option, note, option,
)
from eacheck.i18n import msg_n
from eacheck.cli.completion import ids_of

FORMATS = ("text", "json")


@command("impact")
@argument("system", shell_complete=ids_of("system"))
@argument("path", default=".", type=click.Path(file_okay=True, dir_okay=True))
@option("--format", "format_name", type=click.Choice(FORMATS), default="text", show_default=True,
              help="text for people, json for other tools.")
@as_of_option
@language_option
@handle_errors
def command(system: str, path: str, format_name: str, as_of, language: str | None) -> None:
    """Show what happens if SYSTEM is retired, in the repository at PATH.

    Lists the active integrations that break (SYSTEM as from, to or via), the systems upstream
    and downstream of it with their distance in hops, the organizations that lose it, and the
    capabilities left with no active system, each with its group-common alternative if there
    is one. Exit code 0, or 2 when SYSTEM or PATH is unknown.

    Example: eacheck impact integrationsplattform . --format json
    """
    from eacheck import api

    result, problems = api.impact(path, system, as_of)
    if problems:
        note(msg_n(
            "note: {n} problem in the files; what it concerns is left out of this answer "
            "(run `eacheck validate` to see it)",
            "note: {n} problems in the files; what they concern is left out of this answer "
            "(run `eacheck validate` to see them)",
            problems,
        ))
    emit(api.render_impact(format_name, result))
