"""Matching findings across two revisions: what a pull request introduces, what it fixes."""

from __future__ import annotations

from collections import Counter

from eacheck.findings import Finding


def mark_new(findings: list[Finding], before: list[Finding]) -> list[Finding]:
    """Mark each finding new unless the baseline had it: same principle, subject and problem.

    Matching counts occurrences, so a second identical problem on the same subject is new.
    Never on lines or wording: an edit elsewhere in a file, or a run in the other language,
    opens or closes nothing.
    """
    remaining = Counter(finding.fingerprint for finding in before)
    marked = []
    for finding in findings:
        known = remaining[finding.fingerprint] > 0
        if known:
            remaining[finding.fingerprint] -= 1
        marked.append(finding.with_new(not known))
    return marked


def unmatched(findings: list[Finding], others: list[Finding]) -> tuple[Finding, ...]:
    """Findings with no counterpart in ``others``, matched as :func:`mark_new` matches them."""
    return tuple(finding for finding in mark_new(findings, others) if finding.new)
