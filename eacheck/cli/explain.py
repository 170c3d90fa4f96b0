"""`eacheck explain`: one principle in full."""

from __future__ import annotations

import click

from eacheck.cli.common import argument, command, emit, handle_errors, language_option, path_argument
from eacheck.cli.completion import ids_of


@command("explain")
@argument("principle_id", metavar="ID", shell_complete=ids_of("principle"))
@path_argument
@language_option
@handle_errors
def command(principle_id: str, path: str, language: str | None) -> None:
    """Explain principle ID of the repository at PATH in full.

    Prints the statement, rationale and implications, what its check finds, and the
    parameters in force.

    Example: eacheck explain cloud-and-legal --lang en
    """
    from eacheck import api

    emit(api.explain(path, principle_id, language))
