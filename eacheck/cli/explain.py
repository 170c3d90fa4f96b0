"""`eacheck explain`: one principle in full."""

from __future__ import annotations

import click

from eacheck.cli.common import CommandFailed, emit, handle_errors, path_argument
from eacheck.cli.completion import ids_of
from eacheck.cli.principles import language_option
from eacheck.model.suggestions import closest, did_you_mean


@click.command("explain")
@click.argument("principle_id", metavar="ID", shell_complete=ids_of("principle"))
@path_argument
@language_option
@handle_errors
def command(principle_id: str, path: str, lang: str | None) -> None:
    """Explain principle ID of the repository at PATH in full.

    Prints the statement, rationale and implications, what its check finds, and the
    parameters in force.

    Example: eacheck explain cloud-and-legal --lang en
    """
    from eacheck import api
    from eacheck.output.principles_text import principle_markdown

    bindings = {principle.id: (principle, check) for principle, check in api.principles_in_force(path)}
    if principle_id not in bindings:
        hint = did_you_mean(closest(principle_id, list(bindings), n=1)) or "run `eacheck principles` for the list"
        raise CommandFailed(f"no principle '{principle_id}' is in force; {hint}")
    principle, check = bindings[principle_id]
    emit(principle_markdown(principle, check, lang or api.repository_language(path), level=1) + "\n")
