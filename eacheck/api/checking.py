"""`validate`, `check`, the findings formats and the principles in force."""

from __future__ import annotations

from datetime import date

from eacheck.api.repository import PathLike, open_repository, repository_language, run_checks
from eacheck.errors import UsageError
from eacheck.findings import Finding, FindingsResult, Severity
from eacheck.loading import WorkingTree, load


def validate(path: PathLike = ".", as_of: date | None = None) -> FindingsResult:
    """Schema and reference problems only (principle ``schema``), principle files included."""
    from eacheck.checks import engine

    repository = open_repository(path)
    _, binding_problems = engine.bind(repository)
    findings = sorted([*repository.problems, *binding_problems], key=Finding.sort_key)
    return FindingsResult(findings=findings, as_of=as_of or date.today())


def check(
    path: PathLike = ".",
    as_of: date | None = None,
    baseline: str | None = None,
    fail_on: str = "error",
    figures: bool = False,
) -> FindingsResult:
    """All principles in force; with ``baseline``, each finding is marked new or not, and the
    baseline's findings that are gone are listed as fixed.

    With ``figures`` as well, the result carries what the change does to the group's figures
    (SPEC §8): the report's figures computed for both revisions, same as-of date, compared by
    :mod:`eacheck.analysis.figure_changes` — the pull-request comment and the JSON's "figures".
    """
    from eacheck.checks.baseline import fixed_or_waived, mark_new, unmatched

    as_of = as_of or date.today()
    current = open_repository(path)
    outcome = run_checks(current, as_of)
    findings, fixed, waived_here, changes = outcome.findings, [], [], None
    if baseline is not None:
        from eacheck.checks.principle_changes import weakened

        previous = open_repository(path, baseline)
        before = run_checks(previous, as_of)
        findings = mark_new(findings, before.findings)
        findings = sorted([*findings, *weakened(current, previous, baseline)], key=Finding.sort_key)
        fixed, waived_here = fixed_or_waived(unmatched(before.findings, outcome.findings), outcome.waived_fingerprints)
        if figures:
            from eacheck.analysis.figure_changes import figure_changes
            from eacheck.analysis.figures import figures_of

            changes = figure_changes(figures_of(previous.landscape, before, as_of),
                                     figures_of(current.landscape, outcome, as_of), baseline)
    return FindingsResult(findings, as_of, Severity.parse(fail_on), outcome.waived, baseline,
                          outcome.principles, fixed, changes, waived_here)



def link_base(value: str | None) -> str | None:
    """``value`` checked as a --link-base (an http(s) address, see render_findings); a usage
    error otherwise, before any work is done."""
    from eacheck.output.findings.markdown_format import checked_link_base

    return checked_link_base(value)


def render_findings(
    format_name: str, result: FindingsResult, root: PathLike = ".", language: str | None = None,
    link_base: str | None = None,
) -> str:
    """``result`` in one of the findings formats (text, json, sarif, junit, github, markdown),
    its words in ``language`` (default: the language of the run in progress, see
    :func:`eacheck.i18n.using`).

    ``link_base`` (markdown): the web address of the repository's files at the commit checked,
    e.g. ``https://github.com/OWNER/REPO/blob/SHA``; each finding then links to its line. When
    ``root`` sits in a folder of its git work tree (a monorepo), that folder is added, unless
    the address already ends with it: the links name the files as the forge does.
    """
    from eacheck.i18n import using
    from eacheck.output.findings import render

    if link_base and format_name == "markdown":
        link_base = _link_base_in_git(root, link_base)
    with using(language):
        return render(format_name, result, root=root, link_base=link_base)


def _link_base_in_git(root: PathLike, link_base: str) -> str:
    from urllib.parse import quote

    from eacheck.loading.sources import folder_in_git

    base = link_base.rstrip("/")
    folder = folder_in_git(root)
    if not folder:
        return base
    in_url = quote(folder, safe="/")
    return base if base.endswith("/" + in_url) else f"{base}/{in_url}"


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


def principles_table(path: PathLike, language: str | None = None) -> str:
    """The principles in force as a table for people."""
    from eacheck.output.principles_text import principles_table as table

    return table(principles_in_force(path), language or repository_language(path))


def explain(path: PathLike, principle_id: str, language: str | None = None) -> str:
    """One principle in full (Markdown); an id not in force raises :class:`UsageError`."""
    from eacheck.i18n import msg
    from eacheck.model.suggestions import closest
    from eacheck.output.principles_text import principle_markdown

    bindings = {principle.id: (principle, check) for principle, check in principles_in_force(path)}
    if principle_id not in bindings:
        close = closest(principle_id, list(bindings), n=1)
        if close:
            raise UsageError(msg("no principle '{id}' is in force; did you mean '{close}'?",
                                 id=principle_id, close=close[0]))
        raise UsageError(msg("no principle '{id}' is in force; run `eacheck principles` for the list",
                             id=principle_id))
    principle, check = bindings[principle_id]
    return principle_markdown(principle, check, language or repository_language(path), level=1) + "\n"
