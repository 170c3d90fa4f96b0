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


def fixed_or_waived(gone, waived_now: Counter) -> tuple[list[Finding], list[Finding]]:
    """``gone`` (the baseline's findings this revision does not have, see :func:`unmatched`) split
    into those fixed and those an exception waives now: ``waived_now`` counts the waived
    findings' fingerprints, matched as :func:`mark_new` matches."""
    remaining = Counter(waived_now)
    fixed, waived = [], []
    for finding in gone:
        if remaining[finding.fingerprint] > 0:
            remaining[finding.fingerprint] -= 1
            waived.append(finding)
        else:
            fixed.append(finding)
    return fixed, waived
