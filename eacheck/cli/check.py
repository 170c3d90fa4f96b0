"""`eacheck check`: every principle in force, for people or for CI."""

from __future__ import annotations

import click

from eacheck.cli.common import language_option, as_of_option, command, emit, handle_errors, option, path_argument, revision

FORMATS = ("text", "json", "sarif", "junit", "github")


@command("check")
@path_argument
@option("--format", "format_name", type=click.Choice(FORMATS), default="text", show_default=True,
              help="text for people; json, sarif (code scanning), junit (GitLab, Jenkins) or github (annotations).")
@option("--baseline", metavar="REV", default=None, callback=revision,
              help="Fail only on findings that are not present at this git revision (e.g. main).")
@as_of_option
@language_option
@option("--fail-on", type=click.Choice(["error", "warning", "info"]), default="error", show_default=True,
              help="Lowest severity that makes the command fail.")
@handle_errors
def command(path: str, format_name: str, baseline: str | None, as_of, fail_on: str, language: str | None) -> None:
    """Check the repository at PATH against the principles in force.

    Exit code 0 when nothing at or above --fail-on is found (with --baseline: nothing new),
    1 when something is, 2 when the command cannot run.

    Example: eacheck check --baseline origin/main --format github
    """
    from eacheck import api

    result = api.check(path, as_of=as_of, baseline=baseline, fail_on=fail_on)
    emit(api.render_findings(format_name, result, root=path))
    click.get_current_context().exit(result.exit_code)
