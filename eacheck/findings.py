"""A finding: one thing wrong, where it is, and what to do about it."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from enum import IntEnum
from typing import TYPE_CHECKING

from eacheck.i18n import Message, stored

if TYPE_CHECKING:
    from eacheck.model.entities import Principle


class Severity(IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, name: str) -> "Severity":
        return cls[name.upper()]

    def __str__(self) -> str:
        return self.name.lower()


SCHEMA = "schema"
# Built in: the principles themselves are weakened, or none is in force.
PRINCIPLES_IN_FORCE = "principles-in-force"


@dataclass(frozen=True, slots=True)
class Finding:
    principle: str
    severity: Severity
    subject: str
    kind: str
    # What is wrong and what to do, rendered in the language of the output that shows it.
    message: Message
    file: str
    line: int
    column: int = 1
    # What is wrong, independent of wording, language and position: baselines match on it,
    # so a finding survives edits to unrelated lines and a run in the other language.
    code: str = field(default="", compare=False)
    new: bool | None = field(default=None, compare=False)

    @property
    def text(self) -> str:
        """The message in the language of the output being written."""
        return str(self.message)

    @property
    def fingerprint(self) -> tuple[str, str, str, str]:
        return (self.principle, self.kind, self.subject, self.code or stored.code(self.message))

    def sort_key(self) -> tuple:
        # The message's id, not its values: the code already holds what tells two problems of
        # one place apart, and findings are sorted several times a run (the values' text form
        # costs as much as the rest of the key). What is left tied keeps the order it was found
        # in, which the same files always give.
        return (self.file, self.line, self.column, self.principle, self.subject, self.code,
                self.message.text)

    def with_new(self, new: bool) -> "Finding":
        return replace(self, new=new)

    def to_json(self) -> dict:
        result = {
            "principle": self.principle,
            "severity": str(self.severity),
            "subject": self.subject,
            "kind": self.kind,
            "message": self.text,
            "file": self.file,
            "line": self.line,
            "column": self.column,
        }
        if self.new is not None:
            result["new"] = self.new
        return result


@dataclass
class FindingsResult:
    """The outcome of `validate` or `check`; it alone decides the exit code."""

    findings: list[Finding]
    as_of: date
    fail_on: Severity = Severity.ERROR
    waived: int = 0
    baseline: str | None = None
    # The principles that ran, by id: reporters that describe rules (SARIF, JUnit) need
    # their titles and statements, and list the ones with nothing to report as passing.
    principles: dict[str, Principle] = field(default_factory=dict)
    # With a baseline: the baseline's findings this revision no longer has (what a pull request
    # fixes), and, when asked for, what it does to the group's figures
    # (:func:`eacheck.analysis.figure_changes.figure_changes`, plain data).
    fixed: list[Finding] = field(default_factory=list)
    figures: dict | None = None
    # With a baseline: the baseline's findings that an exception waives now (not fixed: still
    # there, by a decision the change records).
    waived_here: list[Finding] = field(default_factory=list)

    def summary(self) -> dict[str, int]:
        counts = {"error": 0, "warning": 0, "info": 0}
        for finding in self.findings:
            counts[str(finding.severity)] += 1
        return {**counts, "waived": self.waived}

    @property
    def failing(self) -> list[Finding]:
        """Findings at or above the failing severity; with a baseline, only the new ones."""
        return [
            finding
            for finding in self.findings
            if finding.severity >= self.fail_on and (self.baseline is None or finding.new)
        ]

    @property
    def exit_code(self) -> int:
        return 1 if self.failing else 0
