"""Findings for people: `file:line:col: severity [principle] message`, grouped by file, with
control characters from the repository escaped."""

from __future__ import annotations

import click

from eacheck.findings import FindingsResult
from eacheck.i18n import _
from eacheck.output.findings import words
from eacheck.safe_text import printable

_COLOURS = {"error": "red", "warning": "yellow", "info": "blue"}


def render(result: FindingsResult, **context) -> str:
    lines: list[str] = []
    previous_file = None
    for finding in result.findings:
        if previous_file is not None and finding.file != previous_file:
            lines.append("")
        previous_file = finding.file
        marker = click.style(words.severity(finding.severity), fg=_COLOURS[str(finding.severity)], bold=True)
        new = " " + _("(new)") if finding.new else ""
        # One finding, one line: a line break or a terminal escape inside a value from the
        # repository is shown, never obeyed (GitHub runs a line `::error ...` as a command).
        lines.append(
            f"{printable(finding.file)}:{finding.line}:{finding.column}: {marker} "
            f"[{printable(finding.principle)}] {printable(finding.text)}{new}"
        )
    if lines:
        lines.append("")
    lines.append(_summary_line(result))
    return "\n".join(lines) + "\n"


def _summary_line(result: FindingsResult) -> str:
    clauses = [words.counts_in_files(result), words.waived(result), words.new_since(result)]
    verdict = _("FAILED") if result.exit_code else _("passed")
    colour = "red" if result.exit_code else "green"
    return f"{click.style(verdict, fg=colour, bold=True)}: {'; '.join(c for c in clauses if c)}"
