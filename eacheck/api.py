"""The Python API behind every command: the CLI only parses arguments and prints results."""

from __future__ import annotations

import os
from collections import Counter
from datetime import date

from eacheck.findings import Finding, FindingsResult, Severity
from eacheck.loading import GitRevision, LoadedRepository, WorkingTree, load

PathLike = str | os.PathLike[str]


def open_repository(path: PathLike = ".", revision: str | None = None) -> LoadedRepository:
    """Load the repository at ``path``, from its working tree or, with ``revision``, from git."""
    # `is not None`, not truth: an empty revision must be refused by GitRevision, never read
    # as "the working tree" (that would compare a pull request with itself and pass it).
    source = GitRevision(path, revision) if revision is not None else WorkingTree(path)
    return load(source)


def validate(path: PathLike = ".", as_of: date | None = None) -> FindingsResult:
    """Schema and reference problems only (principle ``schema``), principle files included."""
    from eacheck.checks import engine

    repository = open_repository(path)
    _, binding_problems = engine.bind(repository)
    findings = sorted([*repository.problems, *binding_problems], key=Finding.sort_key)
    return FindingsResult(findings=findings, as_of=as_of or date.today())


def findings_of(repository: LoadedRepository, as_of: date) -> tuple[list[Finding], int]:
    """Every finding of a loaded repository, sorted, and how many exceptions waived."""
    findings, waived, _ = _run_principles(repository, as_of)
    return findings, waived


def _run_principles(repository: LoadedRepository, as_of: date) -> tuple[list[Finding], int, list]:
    """Findings (sorted), the number waived, and the principle bindings that ran."""
    from eacheck.checks import engine

    bindings, binding_problems = engine.bind(repository)
    run = engine.run(repository, bindings, as_of)
    findings = [*repository.problems, *binding_problems, *run.findings]
    return sorted(findings, key=Finding.sort_key), run.waived, bindings


def check(
    path: PathLike = ".",
    as_of: date | None = None,
    baseline: str | None = None,
    fail_on: str = "error",
) -> FindingsResult:
    """All principles in force; with ``baseline``, each finding is marked new or not."""
    as_of = as_of or date.today()
    repository = open_repository(path)
    findings, waived, bindings = _run_principles(repository, as_of)
    if baseline is not None:
        from eacheck.checks.principle_changes import weakened

        earlier = open_repository(path, baseline)
        before, _ = findings_of(earlier, as_of)
        findings = mark_new(findings, before)
        findings = sorted([*findings, *weakened(repository, earlier, baseline)], key=Finding.sort_key)
    principles = {binding.principle.id: binding.principle for binding in bindings}
    return FindingsResult(findings, as_of, Severity.parse(fail_on), waived, baseline, principles)


def mark_new(findings: list[Finding], before: list[Finding]) -> list[Finding]:
    """Mark each finding new unless the baseline had it: same principle, subject and problem.

    Matching counts occurrences, so a second identical problem on the same subject is new.
    """
    remaining = Counter(finding.fingerprint for finding in before)
    marked = []
    for finding in findings:
        known = remaining[finding.fingerprint] > 0
        if known:
            remaining[finding.fingerprint] -= 1
        marked.append(finding.with_new(not known))
    return marked


def principles_in_force(path: PathLike | None = ".") -> list:
    """(principle, check module) for every principle of the repository, by id, disabled ones too.

    Principles whose check or parameters are wrong are left out; `validate` reports them.
    With ``path`` None: the defaults eacheck ships.
    """
    from eacheck import checks
    from eacheck.checks import engine
    from eacheck.loading.sources import EmptyRepository

    source = EmptyRepository() if path is None else WorkingTree(path)
    repository = load(source, principles_only=True)
    _, problems = engine.bind(repository)
    broken = {problem.subject for problem in problems}
    return [
        (principle, checks.get(principle.check))
        for principle in sorted(repository.landscape.principles.values(), key=lambda p: p.id)
        if principle.id not in broken
    ]


def repository_language(path: PathLike = ".") -> str:
    """The language eacheck.yaml asks for (sv when it says nothing or cannot be read)."""
    from eacheck.loading.repository import read_settings

    return read_settings(WorkingTree(path)).language


def report(
    path: PathLike = ".",
    as_of: date | None = None,
    compare_to: str | None = None,
    language: str | None = None,
) -> dict:
    """The quarterly shared-use report as one plain dict (SPEC §5; docs/report.md)."""
    from eacheck.analysis.report_data import build_report

    return build_report(path, as_of=as_of, compare_to=compare_to, language=language)
