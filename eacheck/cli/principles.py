"""`eacheck principles`: the principles in force."""

from __future__ import annotations


from eacheck.cli.common import command, emit, handle_errors, language_option, path_argument



@command("principles")
@path_argument
@language_option
@handle_errors
def command(path: str, language: str | None) -> None:
    """List the principles in force in the repository at PATH.

    Shows each principle's id, severity, check and title; disabled ones are marked off.
    A repository without a principles/ folder runs eacheck's defaults.

    Example: eacheck principles --lang en
    """
    from eacheck import api

    emit(api.principles_table(path, language))
