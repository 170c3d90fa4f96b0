"""Findings for people: `file:line:col: severity [principle] message`, grouped by file."""

from __future__ import annotations

import click

from eacheck.findings import FindingsResult

_COLOURS = {"error": "red", "warning": "yellow", "info": "blue"}


def render(result: FindingsResult, **context) -> str:
    lines: list[str] = []
    previous_file = None
    for finding in result.findings:
        if previous_file is not None and finding.file != previous_file:
            lines.append("")
        previous_file = finding.file
        severity = str(finding.severity)
        marker = click.style(severity, fg=_COLOURS[severity], bold=True)
        new = " (new)" if finding.new else ""
        lines.append(
            f"{finding.file}:{finding.line}:{finding.column}: {marker} "
            f"[{finding.principle}] {finding.text}{new}"
        )
    if lines:
        lines.append("")
    lines.append(_summary_line(result))
    return "\n".join(lines) + "\n"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _summary_line(result: FindingsResult) -> str:
    summary = result.summary()
    files = len({finding.file for finding in result.findings})
    parts = [
        _plural(summary["error"], "error"),
        _plural(summary["warning"], "warning"),
        f"{summary['info']} info",
    ]
    text = ", ".join(parts)
    if files:
        text += f" in {_plural(files, 'file')}"
    if summary["waived"]:
        text += f"; {summary['waived']} waived by exceptions"
    if result.baseline is not None:
        new = sum(1 for finding in result.findings if finding.new)
        text += f"; {new} new since {result.baseline}"
    verdict = "FAILED" if result.exit_code else "passed"
    colour = "red" if result.exit_code else "green"
    return f"{click.style(verdict, fg=colour, bold=True)}: {text}"
