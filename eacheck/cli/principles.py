"""`eacheck principles`: the principles in force."""

from __future__ import annotations

import click

from eacheck.cli.common import emit, handle_errors, path_argument

language_option = click.option(
    "--lang", type=click.Choice(["sv", "en"]), default=None,
    help="Language of the texts (default: the repository's eacheck.yaml, else sv).",
)


@click.command("principles")
@path_argument
@language_option
@handle_errors
def command(path: str, lang: str | None) -> None:
    """List the principles in force in the repository at PATH.

    Shows each principle's id, severity, check and title; disabled ones are marked off.
    A repository without a principles/ folder runs eacheck's defaults.

    Example: eacheck principles --lang en
    """
    from eacheck import api

    emit(api.principles_table(path, lang))
