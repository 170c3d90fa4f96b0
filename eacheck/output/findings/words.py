"""What the findings reporters say besides the findings, in the language of the run.

The reporters differ in layout, not in words: a severity, the counts of a summary and what a
baseline changed are said the same way in the text log, the GitHub annotations and the JUnit
report, so they are said here once. Each count is a whole phrase with its own plural form
(`1 varning`, `2 varningar`); a summary lists such phrases, it never glues a number onto a word.
"""

from __future__ import annotations

from eacheck.findings import FindingsResult, Severity
from eacheck.i18n import _, current_language, ngettext, pgettext
from eacheck.model.entities import Principle, localized


def severity(level: Severity) -> str:
    """The severity as a word for people (machine-read values keep `error`, `warning`, `info`)."""
    if level is Severity.ERROR:
        return pgettext("severity", "error")
    if level is Severity.WARNING:
        return pgettext("severity", "warning")
    return pgettext("severity", "info")


def counts(result: FindingsResult) -> str:
    """`13 errors, 10 warnings, 0 info`."""
    summary = result.summary()
    return ", ".join((
        ngettext("{n} error", "{n} errors", summary["error"]).format(n=summary["error"]),
        ngettext("{n} warning", "{n} warnings", summary["warning"]).format(n=summary["warning"]),
        ngettext("{n} info", "{n} info", summary["info"]).format(n=summary["info"]),
    ))


def counts_in_files(result: FindingsResult) -> str:
    """`13 errors, 10 warnings, 0 info in 17 files` (without files when nothing was found)."""
    files = len({finding.file for finding in result.findings})
    if not files:
        return counts(result)
    return ngettext("{counts} in {n} file", "{counts} in {n} files", files).format(
        counts=counts(result), n=files
    )


def waived(result: FindingsResult) -> str | None:
    """`3 waived by exceptions`, or None when no exception waived anything."""
    if not result.waived:
        return None
    return ngettext("{n} waived by an exception", "{n} waived by exceptions", result.waived).format(
        n=result.waived
    )


def new_since(result: FindingsResult) -> str | None:
    """`2 new since main`, or None without a baseline."""
    if result.baseline is None:
        return None
    new = sum(1 for finding in result.findings if finding.new)
    return ngettext("{n} new since {baseline}", "{n} new since {baseline}", new).format(
        n=new, baseline=result.baseline
    )


def baseline_state(new: bool, baseline: str) -> str:
    """Whether one finding is new since the baseline or was already there."""
    if new:
        return _("new since {baseline}").format(baseline=baseline)
    return _("already present at {baseline}").format(baseline=baseline)


def principle_title(principle: Principle | None) -> str | None:
    """The principle's title in the language of the run (None for a principle not in force)."""
    return None if principle is None else localized(principle.title, current_language())
