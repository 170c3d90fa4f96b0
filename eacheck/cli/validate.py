"""`eacheck validate`: schemas, unique ids and references only."""

from __future__ import annotations

import click

from eacheck.cli.common import language_option, as_of_option, command, emit, handle_errors, option, path_argument


@command("validate")
@path_argument
@option(
    "--format", "format_name", type=click.Choice(["text", "json"]), default="text", show_default=True,
    help="text for people; json for other tools (the same shape as `eacheck check --format json`).",
)
@as_of_option
@language_option
@handle_errors
def command(path: str, format_name: str, as_of, language: str | None) -> None:
    """Check that the files of the repository at PATH are well-formed.

    Reports YAML errors, schema violations, repeated ids and references that do not
    resolve, each with file and line. Exit code 0 when all is well, 1 when something is
    wrong, 2 when the repository cannot be read.

    Example: eacheck validate . --format json
    """
    from eacheck import api

    result = api.validate(path, as_of=as_of)
    emit(api.render_findings(format_name, result))
    click.get_current_context().exit(result.exit_code)
