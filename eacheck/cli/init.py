"""`eacheck init`: start a new architecture repository."""

from __future__ import annotations

import click

from eacheck.cli.common import command, handle_errors, option
from eacheck.i18n import DEFAULT_LANGUAGE, LANGUAGES


@command("init")
@click.argument("directory", default=".", type=click.Path(file_okay=False))
@option("--lang", type=click.Choice(LANGUAGES), default=DEFAULT_LANGUAGE, show_default=True,
              help="Language of the README, the comments, the examples and the editor help.")
@handle_errors
def command(directory: str, lang: str) -> None:
    """Start a new architecture repository in DIRECTORY (created if missing).

    Writes eacheck.yaml, the default principles, a small commented example of every kind under
    architecture/, a README for the architects, a CI workflow, a pre-commit configuration, a
    CODEOWNERS template, and editor settings with JSON Schemas for completion and hover help.
    The examples pass validate and check as they are. Existing files are never overwritten:
    they are kept and listed, so init is safe to run again.

    Example: eacheck init landskap --lang sv
    """
    from eacheck import api

    result = api.init(directory, lang)
    for relative in result.created:
        click.echo(f"created  {relative}")
    for relative in result.kept:
        click.echo(f"kept existing {relative}")
    for folder in result.left_alone:
        click.echo(f"kept existing {folder} as it is: it already holds YAML files, so no examples were added")
    where = "" if directory == "." else f"cd {directory}\n  "
    click.echo(
        f"\n{len(result.created)} files created, {len(result.kept)} kept. Next:\n"
        f"  {where}eacheck validate && eacheck check && eacheck report\n"
        "Then replace the examples under architecture/ with your own (see README.md)."
    )
