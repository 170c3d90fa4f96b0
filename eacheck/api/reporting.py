"""The quarterly report: figures, movement since a revision, and the history across tagged quarters."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from eacheck.api.repository import PathLike, open_repository, run_checks
from eacheck.errors import UsageError
from eacheck.findings import Severity
from eacheck.i18n import msg
from eacheck.loading import LoadedRepository

if TYPE_CHECKING:
    from eacheck.analysis.figures import Figures


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
            trend = history_of(path, history, now)
    return report_data(now, then, compare_to, language, trend)


def history_of(path: PathLike, pattern: str, now: Figures) -> tuple[list[dict], list[dict]]:
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


def left_out_notes(report_document: dict[str, Any], settings_problems: int = 0) -> list:
    """A note for the reader (standard error) when documents with schema problems are left out
    of the figures: the report is still written, but its figures lack them.

    ``settings_problems``: how many of the schema problems are eacheck.yaml's, which leave no
    document out (a wrong setting takes its default and has a note of its own)."""
    from eacheck.i18n import msg_n

    errors = sum(entry.get("error", 0) for entry in report_document["findings"]["by_principle"]
                 if entry["principle"] == "schema") - settings_problems
    if errors <= 0:
        return []
    return [msg_n("note: {n} problem in the files leaves part of the landscape out of the figures; "
                  "`eacheck validate` shows it",
                  "note: {n} problems in the files leave part of the landscape out of the figures; "
                  "`eacheck validate` shows them", errors)]


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
