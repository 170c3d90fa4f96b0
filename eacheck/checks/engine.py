"""Run the principles in force over a landscape: bind, check, stamp, locate, waive.

The engine owns everything a check should not care about: which principle asked for the check
and with which severity, the file and line of each finding, and the exceptions that waive them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from types import ModuleType
from typing import Any

from eacheck import checks
from eacheck.checks.base import CheckContext, Violation, add_months, defaults
from eacheck.findings import SCHEMA, Finding, Severity
from eacheck.i18n import Message, msg, msg_n
from eacheck.loading import LoadedRepository
from eacheck.loading.repository import problem_code
from eacheck.model import schema_validation
from eacheck.model.entities import Origin, Principle
from eacheck.model.naming import the

EXCEPTION_EXPIRED = "exception-expired"
# An exception decided for longer than eacheck.yaml's max_exception_months allows. An error:
# a waiver that runs for decades is a principle switched off without saying so. It still
# waives (it was decided); the finding asks for a shorter decision. As "today" only moves
# forward the distance only shrinks, so it never appears by itself in an unrelated change.
EXCEPTION_TOO_LONG = "exception-too-long"


@dataclass(frozen=True)
class Binding:
    principle: Principle
    check: ModuleType
    params: dict[str, Any]


@dataclass
class CheckRun:
    findings: list[Finding]
    waived: int
    # What each waived finding would have been, as Finding.fingerprint: with a baseline, a
    # finding that an exception waives now is not one the change fixed.
    waived_fingerprints: Counter = field(default_factory=Counter)


@dataclass
class CheckOutcome:
    """Everything one run of the principles over a loaded repository produced."""

    findings: list[Finding]  # sorted; problems of loading and binding included
    waived: int
    bindings: list[Binding]
    waived_fingerprints: Counter = field(default_factory=Counter)  # see CheckRun

    @property
    def principles(self) -> dict[str, Principle]:
        return {binding.principle.id: binding.principle for binding in self.bindings}

    def params_of(self, check_name: str) -> dict[str, Any]:
        """The parameters the first enabled principle using ``check_name`` runs it with, or the
        check's defaults when no principle does: figures that follow a principle's rule (the
        report's contract-ending reason) then agree with what `check` says."""
        for binding in self.bindings:
            if binding.check.NAME == check_name:
                return binding.params
        return defaults(checks.get(check_name).PARAMS)


def check_repository(repository: LoadedRepository, as_of: date) -> CheckOutcome:
    """Bind the repository's principles and run them; every finding, sorted."""
    bindings, binding_problems = bind(repository)
    run_ = run(repository, bindings, as_of)
    findings = [*repository.problems, *binding_problems, *run_.findings]
    return CheckOutcome(sorted(findings, key=Finding.sort_key), run_.waived, bindings, run_.waived_fingerprints)


def bind(repository: LoadedRepository) -> tuple[list[Binding], list[Finding]]:
    """The enabled principles with their checks and parameters, and problems binding them.

    A principle left out of the landscape for other problems (an unknown key, a missing
    title) has its check and parameters checked all the same, wherever they can be read, so
    that one run reports all that is wrong with it.
    """
    bindings: list[Binding] = []
    problems: list[Finding] = []

    def problem(subject: str, origin: Origin, path: tuple, message: Message) -> None:
        line, column = repository.locate(origin, path)
        problems.append(
            Finding(SCHEMA, Severity.ERROR, subject, "principle", message,
                    origin.file, line, column, code=problem_code(message))
        )

    def checked(subject: str, origin: Origin, check_name: str, params: dict[str, Any]) -> ModuleType | None:
        """The check, when it exists and ``params`` suit it; its problems reported."""
        try:
            check = checks.get(check_name)
        except checks.UnknownCheck as unknown:
            problem(subject, origin, ("check",), unknown.message)
            return None
        schema_name = f"params:{check.NAME}"
        schema_validation.register(schema_name, check.PARAMS)
        whole = msg("the params of {principle}", principle=the("principle", subject))
        issues = schema_validation.validate(schema_name, params, whole=whole)
        for issue in issues:
            problem(subject, origin, ("params", *issue.path),
                    msg("{problem} (params of check '{check}')", problem=issue.message, check=check.NAME))
        return None if issues else check

    for principle in sorted(repository.landscape.principles.values(), key=lambda p: p.id):
        check = checked(principle.id, principle.origin, principle.check, principle.params)
        if check is not None and principle.enabled:
            bindings.append(Binding(principle, check, {**defaults(check.PARAMS), **principle.params}))
    for origin, value in repository.unloaded_principles:
        check_name, params = value.get("check"), value.get("params", {})
        if isinstance(check_name, str) and isinstance(params, dict):
            subject = value.get("id")
            checked(subject if isinstance(subject, str) else origin.file, origin, check_name, params)
    return bindings, problems


def run(repository: LoadedRepository, bindings: list[Binding], as_of: date) -> CheckRun:
    landscape = repository.landscape
    context = CheckContext(landscape, as_of)
    waivers = {
        (waiver.principle, waiver.subject)
        for waiver in landscape.exceptions.values()
        if waiver.holds_on(as_of)
    }
    found: list[tuple[Principle, Severity, Violation]] = []
    waived = 0
    waived_fingerprints: Counter = Counter()
    for binding in bindings:
        principle = binding.principle
        severity = Severity.parse(principle.severity)
        for violation in binding.check.check(context, binding.params):
            if (principle.id, violation.subject.id) in waivers:
                waived += 1
                subject = violation.subject
                waived_fingerprints[(principle.id, subject.kind, subject.id, violation.code)] += 1
            else:
                found.append((principle, severity, violation))
    expired = [waiver for waiver in landscape.exceptions.values() if not waiver.holds_on(as_of)]
    longest = add_months(as_of, landscape.settings.max_exception_months)
    too_long = sorted(
        (waiver for waiver in landscape.exceptions.values() if waiver.expires > longest),
        key=lambda waiver: waiver.id,
    )
    # Positions last, only for what is reported: waived findings never need a line.
    positions = iter(repository.locate_all(
        [(violation.subject.origin, violation.path) for _, _, violation in found]
        + [(waiver.origin, ("expires",)) for waiver in [*expired, *too_long]]
    ))
    findings: list[Finding] = []
    for principle, severity, violation in found:
        subject = violation.subject
        line, column = next(positions)
        message = violation.message.with_values(subject=the(subject.kind, subject.id))
        findings.append(
            Finding(principle.id, severity, subject.id, subject.kind, message,
                    subject.origin.file, line, column, code=violation.code)
        )
    for waiver in expired:
        line, column = next(positions)
        findings.append(
            Finding(
                EXCEPTION_EXPIRED, Severity.WARNING, waiver.id, "exception",
                msg(
                    "{subject} expired on {expires} and waives nothing any more; fix what it "
                    "waived ({principle} on '{waived}'), renew it with a new decision, or delete it",
                    subject=the("exception", waiver.id), expires=waiver.expires,
                    principle=waiver.principle, waived=waiver.subject,
                ),
                waiver.origin.file, line, column, code="expired",
            )
        )
    months = landscape.settings.max_exception_months
    for waiver in too_long:
        line, column = next(positions)
        findings.append(
            Finding(
                EXCEPTION_TOO_LONG, Severity.ERROR, waiver.id, "exception",
                msg_n(
                    "{subject} expires on {expires}, more than {n} month after {as_of}, and "
                    "exceptions are time-limited decisions; decide it again with an expiry on or "
                    "before {longest}, or raise max_exception_months in eacheck.yaml if the group "
                    "allows longer exceptions",
                    "{subject} expires on {expires}, more than {n} months after {as_of}, and "
                    "exceptions are time-limited decisions; decide it again with an expiry on or "
                    "before {longest}, or raise max_exception_months in eacheck.yaml if the group "
                    "allows longer exceptions",
                    months, subject=the("exception", waiver.id), expires=waiver.expires,
                    as_of=as_of, longest=longest,
                ),
                waiver.origin.file, line, column, code="too-long",
            )
        )
    return CheckRun(findings, waived, waived_fingerprints)
