"""`eacheck report`: the quarterly shared-use report for group management."""

from __future__ import annotations

import click

from eacheck.cli.common import (as_of_option, command, emit, handle_errors, language_option, note, option,
                                path_argument, revision, settings_notes)
from eacheck.i18n import msg

FORMATS = ("html", "md", "json")
HISTORY_TAGS = "report-*"


@command("report")
@path_argument
@option("--format", "format_name", type=click.Choice(FORMATS), default="html", show_default=True,
              help="html (one self-contained page), md (wiki or pull-request comment) or json.")
@option("--out", metavar="FILE", default=None,
              help="Where to write; '-' prints to standard output. "
                   "Default: reports/<year>-Q<n>-shared-use.<format> under PATH.")
@option("--compare-to", metavar="REV", default=None, callback=revision,
              help="Show the movement since this git revision, e.g. the tag of last quarter's report.")
@option("--history", metavar="PATTERN", is_flag=False, flag_value=HISTORY_TAGS, default=None,
        help="Show each index quarter by quarter: the figures at every git tag matching PATTERN "
             "(default report-*) that names a quarter, as of its last day, and now.")
@language_option
@as_of_option
@handle_errors
def command(path: str, format_name: str, out: str | None, compare_to: str | None, history: str | None,
            language: str | None, as_of) -> None:
    """Write the shared-use report of the repository at PATH.

    Shared use, duplication and its alternative cost, decommissioning candidates, TIME
    classes, findings per principle, data completeness and progress against the group's
    targets; with --compare-to, the movement since that revision. The file is replaced
    atomically; its path is printed on standard error.

    With --history, the indexes at the end of every quarter that has a tag such as
    report-2026-Q3, against the targets (tags that name no quarter are left out, with a note).

    Example: eacheck report --compare-to report-2026-Q3 --history --as-of 2026-11-27
    """
    from eacheck import api

    data = api.report(path, as_of=as_of, compare_to=compare_to, language=language, history=history)
    if out == "-":
        emit(api.render_report(path, format_name, data=data))
    else:
        written = api.write_report(path, format_name, out, data=data)
        note(msg("the report is written to {path}", path=str(written)))
    wrong_settings = settings_notes(path)
    for message in [*api.left_out_notes(data, wrong_settings), *api.history_notes(data)]:
        note(message)
