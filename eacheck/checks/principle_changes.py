"""The principles in force are watched too: a pull request must not weaken the rules unnoticed.

Findings of the built-in principle ``principles-in-force``:

- with ``--baseline``, each principle that was in force at the baseline and that the change
  removes, disables, lowers in severity or binds to another check, and each of its parameters
  that the change loosens (which way loosens is the check's ``LOOSENED_BY``: a country added to
  ``allowed_locations``, a status taken out of ``gated_statuses``, a threshold raised; a
  parameter left out counts as its default). Its severity is
  ``principle_change_severity`` in ``eacheck.yaml`` (default ``warning``), the stricter of the
  baseline's and the change's own setting, so that a pull request cannot lower it for itself.
  The finding is always new: the change makes it. Reviewers named in CODEOWNERS for
  ``principles/`` see it on the pull request;
- in every run, when ``principles/`` exists but puts no principle in force (the loader says
  so, see :mod:`eacheck.loading.repository`).
"""

from __future__ import annotations

from eacheck import checks
from eacheck.checks.base import FEWER, MORE, defaults, loosens
from eacheck.findings import PRINCIPLES_IN_FORCE, Finding, Severity
from eacheck.i18n import Message, msg
from eacheck.i18n.formats import Quoted
from eacheck.loading import LoadedRepository
from eacheck.model.entities import Principle
from eacheck.model.naming import the
from eacheck.safe_text import shorten


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
        subject = the("principle", principle_id)
        if found is None:
            findings.append(_finding(
                before, then, (), severity, "removed",
                msg("{subject} was in force at {revision} ({file}) and this change removes it; the "
                    "group's reviewers of principles/ must approve that decision, or put the "
                    "principle back", subject=subject, revision=revision, file=then.origin.file),
            ))
        elif not found.enabled:
            findings.append(_finding(
                now, found, ("enabled",), severity, "disabled",
                msg("{subject} was in force at {revision} and this change disables it; the group's "
                    "reviewers of principles/ must approve that decision, or set enabled back to true",
                    subject=subject, revision=revision),
            ))
        elif Severity.parse(found.severity) < Severity.parse(then.severity):
            findings.append(_finding(
                now, found, ("severity",), severity, f"severity:{then.severity}->{found.severity}",
                msg("{subject} had the severity '{before}' at {revision} and this change lowers it to "
                    "'{after}'; the group's reviewers of principles/ must approve that decision, or "
                    "restore the severity", subject=subject, before=then.severity,
                    after=found.severity, revision=revision),
            ))
        elif found.check != then.check:
            findings.append(_finding(
                now, found, ("check",), severity, f"check:{then.check}->{found.check}",
                msg("{subject} ran the check '{before}' at {revision} and this change makes it run "
                    "'{after}'; the group's reviewers of principles/ must approve that decision, or "
                    "restore the check", subject=subject, before=then.check, after=found.check,
                    revision=revision),
            ))
        if found is not None and found.enabled and found.check == then.check:
            findings += _loosened_params(now, then, found, severity, revision)
    return findings


def _loosened_params(now: LoadedRepository, then: Principle, found: Principle, severity: Severity,
                     revision: str) -> list[Finding]:
    try:
        check = checks.get(found.check)
    except checks.UnknownCheck:
        return []  # the engine reports the unknown check
    settled = defaults(check.PARAMS)
    before = {**settled, **then.params} if isinstance(then.params, dict) else settled
    after = {**settled, **found.params} if isinstance(found.params, dict) else settled
    subject = the("principle", found.id)
    findings = []
    for key, direction in sorted(check.LOOSENED_BY.items()):
        old, new = before.get(key), after.get(key)
        if not loosens(direction, old, new):
            continue
        path = ("params", key) if isinstance(found.params, dict) and key in found.params else ("params",)
        if isinstance(old, list) and isinstance(new, list) and direction == MORE:
            message = msg("{subject} had the parameter '{key}' at {revision}, and this change adds {values} "
                          "to it, which lets more through; the group's reviewers of principles/ must approve "
                          "that decision, or take them out again", subject=subject, key=key,
                          values=Quoted(tuple(value for value in new if value not in old)), revision=revision)
        elif isinstance(old, list) and isinstance(new, list) and direction == FEWER:
            message = msg("{subject} had the parameter '{key}' at {revision}, and this change takes {values} "
                          "out of it, which lets more through; the group's reviewers of principles/ must "
                          "approve that decision, or put them back", subject=subject, key=key,
                          values=Quoted(tuple(value for value in old if value not in new)), revision=revision)
        else:
            message = msg("{subject} had the parameter '{key}' set to {before} at {revision}, and this change sets "
                          "it to {after}, which can let more through; the group's reviewers of principles/ must "
                          "approve that decision, or restore the value", subject=subject, key=key,
                          before=_as_written(old), after=_as_written(new), revision=revision)
        findings.append(_finding(now, found, path, severity, f"params:{key}", message))
    return findings


def _as_written(value: object) -> str:
    """A parameter's value as the YAML file writes it, cut short (a pull request's value is
    anything the file says: the engine reports one that breaks the check's schema)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    try:
        return shorten(str(value))
    except ValueError:  # an integer too long to write out
        return "…"


def _is_empty(repository: LoadedRepository) -> bool:
    landscape = repository.landscape
    return not (landscape.organizations or landscape.capabilities or landscape.systems
                or landscape.integrations or landscape.procurements or landscape.exceptions)


def _finding(repository: LoadedRepository, principle: Principle, path: tuple, severity: Severity,
             code: str, message: Message) -> Finding:
    line, column = repository.locate(principle.origin, path)
    return Finding(PRINCIPLES_IN_FORCE, severity, principle.id, "principle", message,
                   principle.origin.file, line, column, code=code, new=True)
