"""Findings per principle (the report's view of `eacheck check`): how many, how serious."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from eacheck.findings import Finding

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True, slots=True)
class PrincipleCount:
    principle: str
    counts: dict[str, int]  # severity -> findings, in SEVERITIES order

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def count_by_principle(findings: list[Finding]) -> tuple[PrincipleCount, ...]:
    """One entry per principle that has findings, by principle id."""
    counted = Counter((finding.principle, str(finding.severity)) for finding in findings)
    principles = sorted({finding.principle for finding in findings})
    return tuple(
        PrincipleCount(principle, {severity: counted[(principle, severity)] for severity in SEVERITIES})
        for principle in principles
    )


def totals(findings: list[Finding], waived: int) -> dict[str, int]:
    counted = Counter(str(finding.severity) for finding in findings)
    return {**{severity: counted[severity] for severity in SEVERITIES}, "waived": waived}
