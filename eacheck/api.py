"""The Python API behind every command: the one door the CLI uses.

Each function takes a repository path (and options), opens the repository, runs the layers below
(checks, analysis, output, scaffold) and returns a result or text; the CLI only parses
arguments, calls one of these and prints. Layers below never open a repository themselves:
analysis takes loaded landscapes, output takes figures (docs/architecture.md).

Heavy modules (jsonschema, networkx, jinja2) are imported inside the functions that need them,
so that a command pays only for what it uses.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from eacheck.errors import UsageError, reason
from eacheck.findings import Finding, FindingsResult, Severity
from eacheck.i18n import msg
from eacheck.loading import GitRevision, LoadedRepository, WorkingTree, load

if TYPE_CHECKING:
    from eacheck.analysis.figures import Figures
    from eacheck.analysis.impact import Impact
    from eacheck.i18n import Message
    from eacheck.checks.engine import CheckOutcome

PathLike = str | os.PathLike[str]


def open_repository(path: PathLike = ".", revision: str | None = None) -> LoadedRepository:
    """Load the repository at ``path``, from its working tree or, with ``revision``, from git."""
    # `is not None`, not truth: an empty revision must be refused by GitRevision, never read
    # as "the working tree" (that would compare a pull request with itself and pass it).
    source = GitRevision(path, revision) if revision is not None else WorkingTree(path)
    return load(source)


def check_revision(revision: str) -> str:
    """``revision`` if it can name a git revision; UsageError for an empty or blank one (see
    :func:`eacheck.loading.sources.check_revision`)."""
    from eacheck.loading.sources import check_revision as check

    return check(revision)


def run_checks(repository: LoadedRepository, as_of: date) -> CheckOutcome:
    """Every finding of a loaded repository (sorted), how many were waived, what ran."""
    from eacheck.checks import engine

    return engine.check_repository(repository, as_of)


# -- validate and check --------------------------------------------------------------------------


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
    from eacheck.checks.baseline import mark_new, unmatched

    as_of = as_of or date.today()
    current = open_repository(path)
    outcome = run_checks(current, as_of)
    findings, fixed, changes = outcome.findings, [], None
    if baseline is not None:
        from eacheck.checks.principle_changes import weakened

        previous = open_repository(path, baseline)
        before = run_checks(previous, as_of)
        findings = mark_new(findings, before.findings)
        findings = sorted([*findings, *weakened(current, previous, baseline)], key=Finding.sort_key)
        fixed = list(unmatched(before.findings, outcome.findings))
        if figures:
            from eacheck.analysis.figure_changes import figure_changes
            from eacheck.analysis.figures import figures_of

            changes = figure_changes(figures_of(previous.landscape, before, as_of),
                                     figures_of(current.landscape, outcome, as_of), baseline)
    return FindingsResult(findings, as_of, Severity.parse(fail_on), outcome.waived, baseline,
                          outcome.principles, fixed, changes)


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
    e.g. ``https://github.com/OWNER/REPO/blob/SHA``; each finding then links to its line.
    """
    from eacheck.i18n import using
    from eacheck.output.findings import render

    with using(language):
        return render(format_name, result, root=root, link_base=link_base)


# -- principles ----------------------------------------------------------------------------------


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


def repository_language(path: PathLike = ".") -> str:
    """The language eacheck.yaml asks for (sv when it says nothing or cannot be read)."""
    from eacheck.loading.repository import repository_language as language_of

    return language_of(path)


# -- figures and the report ----------------------------------------------------------------------


def figures(repository: LoadedRepository, as_of: date) -> Figures:
    """Every figure of SPEC §4 for one loaded repository, its principles run for its findings."""
    from eacheck.analysis.figures import figures_of

    return figures_of(repository.landscape, run_checks(repository, as_of), as_of)


def report(
    path: PathLike = ".",
    as_of: date | None = None,
    compare_to: str | None = None,
    language: str | None = None,
    history: str | None = None,
) -> dict[str, Any]:
    """The quarterly shared-use report as one plain dict (SPEC §5; docs/report.md).

    With ``compare_to``, the movement since that git revision (read from git, the working tree
    untouched), computed for the same as-of date. With ``history`` (a tag pattern such as
    ``report-*``), the figures at every tag that names a quarter, each as of that quarter's last
    day, plus now (SPEC §8). ``language`` defaults to the repository's.
    """
    from eacheck.analysis.report_data import report_data
    from eacheck.i18n import LANGUAGES, using

    if language is not None and language not in LANGUAGES:
        raise UsageError(msg("unknown language '{language}'; use one of: {languages}",
                             language=language, languages=", ".join(LANGUAGES)))
    as_of = as_of or date.today()
    now = figures(open_repository(path), as_of)
    then = None if compare_to is None else figures(open_repository(path, compare_to), as_of)
    language = language or now.landscape.settings.language
    trend = None
    if history is not None:
        from eacheck.loading.pipeline import one_run

        # The tags share most of their files: one cache for all of them. A missing quarter's
        # reason is text for the reader, in the report's language.
        with using(language), one_run():
            trend = _history(path, history, now)
    return report_data(now, then, compare_to, language, trend)


def _history(path: PathLike, pattern: str, now: Figures) -> tuple[list[dict], list[dict]]:
    """The points of the report's history and the tags left out (see analysis/history.py).

    Each commit is read once, however many tags point at it; on a machine with several cores
    the commits are read side by side, one process per core (EACHECK_JOBS sets how many).
    """
    from eacheck.analysis import history
    from eacheck.analysis.targets import quarter_of
    from eacheck.i18n import current_language
    from eacheck.loading.git_tags import matching_tags

    tags = [history.Tag(name, commit) for name, commit in matching_tags(path, pattern)]
    chosen, skipped = history.choose(tags, now.as_of)
    targets = now.landscape.settings.targets
    by_commit: dict[str | None, list[tuple[str, str]]] = {}
    for entry in chosen:  # (quarter, tag), oldest first
        by_commit.setdefault(entry.tag.commit, []).append((entry.quarter, entry.tag.name))
    work = [(path, commit, quarters, targets, current_language()) for commit, quarters in by_commit.items()]
    found = {}
    for points in _side_by_side(_tag_points, work):
        found.update((point["quarter"], point) for point in points)
    trend = [found[entry.quarter] for entry in chosen]
    trend.append(history.point(now.landscape, quarter_of(now.as_of), now.as_of, targets))
    return trend, history.skipped_json(skipped)


def _tag_points(path: PathLike, commit: str | None, quarters: list[tuple[str, str]],
                targets: dict, language: str) -> list[dict]:
    """The history's points for the tags on one commit, or each of them missing with why."""
    from eacheck.analysis import history
    from eacheck.i18n import msg, msg_n, using

    with using(language):
        reason = None
        if commit is None:
            reasons = {tag: str(msg("the tag '{tag}' does not point at a commit", tag=tag)) for _, tag in quarters}
            return [history.missing(quarter, history.quarter_end(quarter), tag, None, reasons[tag], targets)
                    for quarter, tag in quarters]
        try:
            repository = open_repository(path, commit)
        except UsageError as error:
            reason = str(error)
        else:
            errors = [problem for problem in repository.problems if problem.severity >= Severity.ERROR]
            if errors:
                first = errors[0]
                reason = str(msg_n(
                    "{n} problem in the files at this tag leaves part of the landscape out (the first: "
                    "{file}:{line}: {problem}); `eacheck validate` at the tag shows it",
                    "{n} problems in the files at this tag leave part of the landscape out (the first: "
                    "{file}:{line}: {problem}); `eacheck validate` at the tag shows them",
                    len(errors), file=first.file, line=first.line, problem=first.message))
        if reason is not None:
            return [history.missing(quarter, history.quarter_end(quarter), tag, commit, reason, targets)
                    for quarter, tag in quarters]
        return [history.point(repository.landscape, quarter, history.quarter_end(quarter), targets, tag, commit)
                for quarter, tag in quarters]


def _side_by_side(function, work: list[tuple]) -> list:
    """``function(*arguments)`` for each of ``work``, in order: in forked processes, one per
    core, when there is more than one item and more than one core; here otherwise."""
    import multiprocessing

    from eacheck.loading.pipeline import jobs

    workers = min(jobs(), len(work))
    if workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [function(*arguments) for arguments in work]
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"),
                             initializer=_one_job_each) as pool:
        return list(pool.map(function, *zip(*work)))


def _one_job_each() -> None:
    # The cores are shared out here already: a worker loads its files without workers of its own.
    os.environ["EACHECK_JOBS"] = "1"


def history_notes(report_document: dict[str, Any]) -> list:
    """Notes for the reader (standard error) on the tags ``report(history=…)`` left out."""
    from eacheck.analysis import history
    from eacheck.i18n import msg

    notes = []
    for entry in report_document.get("history_skipped") or []:
        if entry["reason"] == history.NO_QUARTER:
            notes.append(msg("note: the tag '{tag}' names no quarter (name it like report-2026-Q3); "
                             "the history leaves it out", tag=entry["tag"]))
        elif entry["reason"] == history.NOT_BEFORE:
            notes.append(msg("note: the tag '{tag}' names {quarter}, which is not before the report's "
                             "quarter; the report's own figures stand for it", tag=entry["tag"],
                             quarter=entry["quarter"]))
        elif entry["reason"] == history.SUPERSEDED:
            notes.append(msg("note: the tags '{tag}' and '{instead}' both name {quarter}; the history uses "
                             "'{instead}', the name that sorts last", tag=entry["tag"], instead=entry["instead"],
                             quarter=entry["quarter"]))
    if report_document.get("history") is not None and len(report_document["history"]) == 1:
        notes.append(msg("note: no git tag names an earlier quarter; the history shows only now"))
    return notes


def render_report(path: PathLike = ".", format_name: str = "html", data: dict[str, Any] | None = None,
                  **options) -> str:
    """The report of the repository at ``path`` as text (what `--out -` prints); ``data`` is
    the report dict when the caller has built it already."""
    from eacheck.output.report import render

    return render(format_name, report(path, **options) if data is None else data)


def write_report(
    path: PathLike = ".",
    format_name: str = "html",
    out: PathLike | None = None,
    data: dict[str, Any] | None = None,
    **options,
) -> Path:
    """Build, render and write the report; returns the file written.

    Without ``out`` the file goes to ``reports/`` under ``path`` (created if needed, and never
    through a link out of the repository). The text is rendered in full before anything touches
    the disk, and then written safely (:func:`eacheck.output.report.write`).
    """
    from eacheck.output.report import FORMATS, default_path, render, write

    if format_name not in FORMATS:
        raise UsageError(msg("unknown report format '{name}'; use one of: {formats}",
                             name=format_name, formats=", ".join(FORMATS)))
    data = report(path, **options) if data is None else data
    text = render(format_name, data)
    if out is None:
        return write(default_path(path, data, format_name), text, inside=path)
    return write(Path(out), text)


# -- the site ------------------------------------------------------------------------------------

SITE_DIR = "site"


def render_site(
    path: PathLike = ".",
    as_of: date | None = None,
    language: str | None = None,
    history: str | None = None,
) -> dict[str, bytes]:
    """Every file of the landscape site of the repository at ``path`` (SPEC §9), in memory:
    path in the site (``system/x.html``) -> bytes. The same repository and date give the same
    bytes. ``language`` defaults to the repository's. With ``history`` (a tag pattern such as
    ``report-*``), the start page shows the indexes quarter by quarter, read from the tags
    exactly as ``report(history=…)`` reads them."""
    from eacheck.analysis.report_data import report_data
    from eacheck.i18n import LANGUAGES, using
    from eacheck.loading.pipeline import jobs, one_run
    from eacheck.output import site

    if language is not None and language not in LANGUAGES:
        raise UsageError(msg("unknown language '{language}'; use one of: {languages}",
                             language=language, languages=", ".join(LANGUAGES)))
    as_of = as_of or date.today()
    now = figures(open_repository(path), as_of)
    language = language or now.landscape.settings.language
    trend = None
    if history is not None:
        with using(language), one_run():
            trend = _history(path, history, now)
    return site.render(now, report_data(now, None, None, language, trend), language, jobs=jobs())


def write_site(
    path: PathLike = ".",
    out: PathLike | None = None,
    as_of: date | None = None,
    language: str | None = None,
    history: str | None = None,
) -> Path:
    """Build the site and put it in ``out`` (default: ``site/`` under ``path``); returns the folder.

    Everything is rendered before anything is written, and the folder is then replaced as a
    whole (:mod:`eacheck.output.site.writing`): no half-built site, no stale pages. A folder
    that holds files `eacheck site` did not write is refused, never emptied.
    """
    from eacheck.loading.pipeline import jobs
    from eacheck.output import site

    target = Path(path) / SITE_DIR if out is None else Path(out)
    site.writing.check_target(target)  # before the work, so a wrong --out fails at once
    files = render_site(path, as_of, language, history)
    return site.write(target, files, jobs(), inside=Path(path) if out is None else None)


# -- the integration graph -----------------------------------------------------------------------


@dataclass(frozen=True)
class Answer:
    """Text for the reader, and how many problems in the files left something out of it."""

    text: str
    problems: int
    # Said on standard error beside the text: a Mermaid diagram past Mermaid's default limits.
    warnings: tuple[Message, ...] = ()


def graph(
    path: PathLike = ".",
    format_name: str = "mermaid",
    organization: str | None = None,
    capability: str | None = None,
    group_common: bool = False,
) -> Answer:
    """The landscape (or the part the filters select) as a diagram in ``format_name``."""
    from eacheck.analysis.selection import select
    from eacheck.output.graph import render

    from eacheck.output.graph.mermaid import size_warning

    repository = open_repository(path)
    landscape = repository.landscape
    selection = select(landscape, organization=organization, capability=capability, group_common=group_common)
    text = render(format_name, landscape, selection)
    warning = size_warning(text) if format_name == "mermaid" else None
    return Answer(text, len(repository.problems), (warning,) if warning else ())


def impact(path: PathLike, system: str, as_of: date | None = None) -> tuple[Impact, int]:
    """What retiring ``system`` would break, and how many problems in the files there are."""
    from eacheck.analysis.impact import impact as impact_of

    repository = open_repository(path)
    return impact_of(repository.landscape, system, as_of), len(repository.problems)


def render_impact(format_name: str, result: Impact) -> str:
    from eacheck.output.impact import render

    return render(format_name, result)


# -- starting a repository, adding entities, editor schemas --------------------------------------


def init(directory: PathLike = ".", language: str = "sv"):
    """Start a repository in ``directory``; never overwrites a file (see InitResult)."""
    from eacheck.scaffold.starter_repository import init_repository

    return init_repository(directory, language)


def init_from(directory: PathLike, source: PathLike, mapping: PathLike | None, language: str = "sv",
              progress=None) -> tuple[Any, Imported]:
    """Start a repository in ``directory`` from the group's own inventory: the settings,
    principles and tooling of `init` without its examples, and ``source`` imported into it.

    All or nothing: the import is checked against the repository about to be made first, and
    with any problem nothing at all is written (the result's init part is then None).
    """
    from eacheck.importing import writing
    from eacheck.importing.overlay import Files
    from eacheck.scaffold.starter_repository import init_repository, starter_files

    root = Path(directory)
    if (root / "architecture").is_dir() and any((root / "architecture").rglob("*.y*ml")):
        raise UsageError(msg("{path} already holds a landscape under architecture/; import into it "
                             "with `eacheck import` instead", path=str(root)))
    table = Path(source)
    if not table.is_file():
        raise UsageError(msg("{file}: no such file", file=str(source)))
    planned = _import_plan(Files(starter_files(language, examples=False), str(root)), table, mapping,
                           language, progress)
    if not planned.ok:
        return None, Imported(planned, [], False, False)
    created = init_repository(root, language, examples=False)
    written = writing.apply(planned, root, update=False)
    _flush()
    return created, Imported(planned, written, False, False)


def new_entity_module():
    """The fields, questions and checks of `eacheck new` (:mod:`eacheck.scaffold.new_entity`).

    The interactive command needs them one by one, to ask and re-ask, so it gets the module
    rather than a single call.
    """
    from eacheck.scaffold import new_entity

    return new_entity


def editor_schemas_module():
    """The JSON Schemas for editors (:mod:`eacheck.scaffold.editor_schemas`)."""
    from eacheck.scaffold import editor_schemas

    return editor_schemas


# -- import and export ---------------------------------------------------------------------------


@dataclass
class Imported:
    """What `eacheck import` found and did: the plan, and the files written (none on problems)."""

    plan: Any
    written: list[str]
    dry_run: bool
    update: bool

    @property
    def exit_code(self) -> int:
        return 0 if self.plan.ok else 1


SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm", ".csv")
MODEL_SUFFIXES = (".xml",)


def _import_plan(source, table: Path, mapping: PathLike | None, language: str, progress):
    from eacheck import importing

    suffix = table.suffix.lower()
    if suffix in MODEL_SUFFIXES:
        if mapping is not None:
            raise UsageError(msg("an ArchiMate model needs no --mapping; leave it out"))
        return importing.archimate_model(source, table, language, progress)
    if suffix not in SPREADSHEET_SUFFIXES:
        raise UsageError(msg("{file}: eacheck imports .xlsx workbooks, .csv files and ArchiMate "
                             "models (.xml); save the inventory in one of those", file=str(table)))
    if mapping is None:
        raise UsageError(msg("a spreadsheet needs --mapping MAPPING: which sheet and column becomes "
                             "which key (docs/import.md)"))
    mapping_path = Path(mapping)
    if not mapping_path.is_file():
        raise UsageError(msg("{file}: no such mapping file", file=str(mapping)))
    return importing.spreadsheet(source, table, mapping_path, progress)


def import_source(
    path: PathLike = ".",
    source: PathLike = "",
    mapping: PathLike | None = None,
    dry_run: bool = False,
    update: bool = False,
    progress=None,
) -> Imported:
    """Import ``source`` (a spreadsheet with ``mapping``, or an ArchiMate model) into the
    repository at ``path`` (SPEC §7). All or nothing: with any problem nothing is written.

    New entities are written unless ``dry_run``; differences in existing ones are written only
    with ``update``. ``progress(table, row)`` is called now and then on large inputs.
    """
    from eacheck.importing import writing

    table = Path(source)
    if not table.is_file():
        raise UsageError(msg("{file}: no such file", file=str(source)))
    tree = WorkingTree(path)
    plan = _import_plan(tree, table, mapping, repository_language(path), progress)
    written: list[str] = []
    if plan.ok and not dry_run:
        written = writing.apply(plan, Path(path), update)
        _flush()
    return Imported(plan, written, dry_run, update)


def render_import(imported: Imported) -> str:
    from eacheck.importing import summary

    return summary.text(imported.plan, imported.dry_run, imported.update, imported.written)


def _flush() -> None:
    # New files are written without an fsync each (an import of 10,000 systems would spend
    # most of its time waiting for the disk); one sync at the end, and a failed import removes
    # what it created.
    if hasattr(os, "sync"):
        os.sync()


EXPORT_FORMATS = ("xlsx",)
DEFAULT_EXPORT = "reports/landskap.xlsx"


@dataclass(frozen=True)
class Exported:
    workbook: Path
    mapping: Path


def export(
    path: PathLike = ".",
    format_name: str = "xlsx",
    out: PathLike | None = None,
    as_of: date | None = None,
    language: str | None = None,
) -> Exported:
    """Write the repository as a workbook, with the mapping that imports it back beside it
    (``NAME.mapping.yaml``); the findings sheet is as of ``as_of``, which also dates the
    workbook's properties, so the same repository gives the same bytes."""
    from eacheck import i18n
    from eacheck import safe_write
    from eacheck.output import workbook

    if format_name not in EXPORT_FORMATS:
        raise UsageError(msg("unknown export format '{name}'; use one of: {formats}",
                             name=format_name, formats=", ".join(EXPORT_FORMATS)))
    as_of = as_of or date.today()
    repository = open_repository(path)
    landscape = repository.landscape
    documents: dict[str, list[dict]] = {}
    names: dict[str, str] = {}
    for file, located in sorted(repository.located.items()):
        if not file.startswith("architecture/"):
            continue
        for positions in located:
            value = positions.value
            if not isinstance(value, dict) or not isinstance(value.get("id"), str):
                continue
            if landscape.get(value["id"]) is None:
                continue  # a document with problems: the findings sheet lists them
            documents.setdefault(value.get("kind"), []).append(value)
            name = value.get("name", value.get("title"))
            if isinstance(name, str):
                names.setdefault(value["id"], name)
    for kind in documents:
        documents[kind].sort(key=lambda document: document["id"])
    target = Path(out) if out is not None else Path(path) / DEFAULT_EXPORT
    if target.is_dir():
        raise UsageError(msg("{path}: is a folder; give a file name for the workbook", path=str(target)))
    outcome = run_checks(repository, as_of)
    with i18n.using(language or landscape.settings.language):
        findings = [finding.to_json() for finding in outcome.findings]
        data = workbook.workbook(documents, names, findings, as_of)
        mapping_text = workbook.mapping_text()
    mapping_target = target.with_name(target.stem + ".mapping.yaml")
    inside = Path(path) if out is None else None  # the default place is in the repository
    try:
        safe_write.make_folder(target.parent, inside=inside)
        safe_write.write(target, data, inside=inside)
        safe_write.write(mapping_target, mapping_text, inside=inside)
    except OSError as error:
        raise UsageError(msg("{path}: cannot write the file: {error}", path=str(target),
                             error=reason(error))) from None
    return Exported(target, mapping_target)
