"""The principles in force are watched too: a pull request must not weaken the rules unnoticed.

Findings of the built-in principle ``principles-in-force``:

- with ``--baseline``, each principle that was in force at the baseline and that the change
  removes, disables, lowers in severity or binds to another check. Its severity is
  ``principle_change_severity`` in ``eacheck.yaml`` (default ``warning``), the stricter of the
  baseline's and the change's own setting, so that a pull request cannot lower it for itself.
  The finding is always new: the change makes it. Reviewers named in CODEOWNERS for
  ``principles/`` see it on the pull request;
- in every run, when ``principles/`` exists but puts no principle in force (the loader says
  so, see :mod:`eacheck.loading.repository`).
"""

from __future__ import annotations

from eacheck.findings import PRINCIPLES_IN_FORCE, Finding, Severity
from eacheck.loading import LoadedRepository
from eacheck.model.entities import Principle


def weakened(now: LoadedRepository, before: LoadedRepository, revision: str) -> list[Finding]:
    """A finding for each principle in force at ``before`` that ``now`` weakens.

    A baseline from before the repository held anything (the first commit, or one from before
    eacheck came in) had nothing in force that a group decided on: nothing to weaken.
    """
    if before.used_default_principles and _is_empty(before):
        return []
    severity = max(
        Severity.parse(now.landscape.settings.principle_change_severity),
        Severity.parse(before.landscape.settings.principle_change_severity),
    )
    current = now.landscape.principles
    findings = []
    for principle_id, then in sorted(before.landscape.principles.items()):
        if not then.enabled:
            continue
        found = current.get(principle_id)
        if found is None:
            findings.append(_finding(
                before, then, (), severity, "removed",
                f"principle '{principle_id}' was in force at {revision} ({then.origin.file}) and "
                "this change removes it; the group's reviewers of principles/ must approve that "
                "decision, or put the principle back",
            ))
        elif not found.enabled:
            findings.append(_finding(
                now, found, ("enabled",), severity, "disabled",
                f"principle '{principle_id}' was in force at {revision} and this change disables "
                "it; the group's reviewers of principles/ must approve that decision, or set "
                "enabled back to true",
            ))
        elif Severity.parse(found.severity) < Severity.parse(then.severity):
            findings.append(_finding(
                now, found, ("severity",), severity, f"severity:{then.severity}->{found.severity}",
                f"principle '{principle_id}' had severity {then.severity} at {revision} and this "
                f"change lowers it to {found.severity}; the group's reviewers of principles/ must "
                "approve that decision, or restore the severity",
            ))
        elif found.check != then.check:
            findings.append(_finding(
                now, found, ("check",), severity, f"check:{then.check}->{found.check}",
                f"principle '{principle_id}' ran the check {then.check} at {revision} and this "
                f"change makes it run {found.check}; the group's reviewers of principles/ must "
                "approve that decision, or restore the check",
            ))
    return findings


def _is_empty(repository: LoadedRepository) -> bool:
    landscape = repository.landscape
    return not (landscape.organizations or landscape.capabilities or landscape.systems
                or landscape.integrations or landscape.procurements or landscape.exceptions)


def _finding(repository: LoadedRepository, principle: Principle, path: tuple, severity: Severity,
             code: str, message: str) -> Finding:
    line, column = repository.locate(principle.origin, path)
    return Finding(PRINCIPLES_IN_FORCE, severity, principle.id, "principle", message,
                   principle.origin.file, line, column, code=code, new=True)
