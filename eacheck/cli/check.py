"""`eacheck check`: every principle in force, for people or for CI."""

from __future__ import annotations

import click

from eacheck.cli.common import language_option, as_of_option, command, emit, handle_errors, option, path_argument, revision

FORMATS = ("text", "json", "sarif", "junit", "github", "markdown")


@command("check")
@path_argument
@option("--format", "format_name", type=click.Choice(FORMATS), default="text", show_default=True,
              help="text for people; json, sarif (code scanning), junit (GitLab, Jenkins), github (annotations) "
                   "or markdown (the pull-request comment; with --baseline it shows what the change does to "
                   "the group's figures).")
@option("--baseline", metavar="REV", default=None, callback=revision,
              help="Fail only on findings that are not present at this git revision (e.g. main).")
@as_of_option
@language_option
@option("--fail-on", type=click.Choice(["error", "warning", "info"]), default="error", show_default=True,
              help="Lowest severity that makes the command fail.")
@option("--link-base", metavar="URL", default=None, envvar="EACHECK_LINK_BASE",
        help="markdown: the web address of the checked commit's files, e.g. "
             "https://github.com/OWNER/REPO/blob/COMMIT; each finding links to its line. "
             "Also read from EACHECK_LINK_BASE.")
@handle_errors
def command(path: str, format_name: str, baseline: str | None, as_of, fail_on: str, language: str | None,
            link_base: str | None) -> None:
    """Check the repository at PATH against the principles in force.

    Exit code 0 when nothing at or above --fail-on is found (with --baseline: nothing new),
    1 when something is, 2 when the command cannot run.

    Example: eacheck check --baseline origin/main --format github
    """
    from eacheck import api

    link_base = api.link_base(link_base)
    # The figure changes cost the report's figures twice; only the formats that show them ask.
    figures = baseline is not None and format_name in ("markdown", "json")
    result = api.check(path, as_of=as_of, baseline=baseline, fail_on=fail_on, figures=figures)
    emit(api.render_findings(format_name, result, root=path, link_base=link_base))
    click.get_current_context().exit(result.exit_code)
