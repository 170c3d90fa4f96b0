"""Findings as GitHub Actions workflow commands: annotations on the files of a pull request.

``::error file=…,line=…,col=…,title=…::message`` (``::warning``, ``::notice`` for info), then a
plain summary line for the log. With --baseline, a finding that was already present at the
baseline is annotated as ``::notice`` whatever its severity, and its title says so: the
pull request did not cause it and it does not fail the check, so it must not look like an
error. GitHub shows only the first ten annotations of each level per step, so the findings
that fail the check come first.
"""

from __future__ import annotations

from eacheck.findings import Finding, FindingsResult, Severity
from eacheck.i18n import _, ngettext
from eacheck.output.findings import words
from eacheck.safe_text import printable

_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """The message part: GitHub would otherwise read ``%`` and line breaks as syntax; other
    control characters (ESC) are shown as escapes, as in the text format."""
    return printable(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(text: str) -> str:
    """A ``key=value`` property: also ``:`` and ``,``, which end the value."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(result: FindingsResult, **context) -> str:
    failing = {id(finding) for finding in result.failing}
    ordered = sorted(result.findings, key=lambda finding: id(finding) not in failing)  # stable
    lines = [_annotation(finding, result) for finding in ordered]
    lines.append(_summary(result))
    return "\n".join(lines) + "\n"


def _annotation(finding: Finding, result: FindingsResult) -> str:
    old = result.baseline is not None and not finding.new
    command = "notice" if old else _COMMANDS[finding.severity]
    title = f"{words.severity(finding.severity)}: {_principle_title(finding, result)}"
    if old:
        title += f" ({words.baseline_state(False, result.baseline)})"
    properties = []
    # Findings in the principles eacheck ships have no file in the repository to annotate.
    if not finding.file.startswith("<"):
        properties += [
            f"file={escape_property(finding.file)}",
            f"line={finding.line}",
            f"col={finding.column}",
        ]
    properties.append(f"title={escape_property(title)}")
    return f"::{command} {','.join(properties)}::{escape_data(finding.text)}"


def _principle_title(finding: Finding, result: FindingsResult) -> str:
    title = words.principle_title(result.principles.get(finding.principle))
    return finding.principle if title is None else f"{title} [{finding.principle}]"


def _summary(result: FindingsResult) -> str:
    text = ", ".join(part for part in (words.counts(result), words.waived(result)) if part)
    new = words.new_since(result)
    if new:
        text += f"; {new}"
    failing = len(result.failing)
    if failing:
        verdict = ngettext("FAILED: {n} blocking finding", "FAILED: {n} blocking findings", failing).format(n=failing)
    else:
        verdict = _("passed")
    return f"eacheck: {text}; {verdict} (--fail-on {result.fail_on})"
