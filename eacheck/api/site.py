"""The landscape site (SPEC §9)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from eacheck.api.reporting import figures, history_of
from eacheck.api.repository import PathLike, open_repository
from eacheck.errors import UsageError
from eacheck.i18n import msg

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
    from eacheck.loading.pipeline import jobs
    from eacheck.output import site

    return site.render(*_site_inputs(path, as_of, language, history), jobs=jobs())


def write_site(
    path: PathLike = ".",
    out: PathLike | None = None,
    as_of: date | None = None,
    language: str | None = None,
    history: str | None = None,
) -> Path:
    """Build the site and put it in ``out`` (default: ``site/`` under ``path``); returns the folder.

    The files are those of :func:`render_site`, rendered into a new folder that then replaces
    the old one as a whole (:mod:`eacheck.output.site.writing`): no half-built site, no stale
    pages. A folder that holds files `eacheck site` did not write is refused, never emptied.
    """
    from eacheck.loading.pipeline import jobs
    from eacheck.output import site

    target = Path(path) / SITE_DIR if out is None else Path(out)
    site.writing.check_target(target)  # before the work, so a wrong --out fails at once
    return site.build(target, *_site_inputs(path, as_of, language, history), jobs=jobs(),
                      inside=Path(path) if out is None else None)


def _site_inputs(path: PathLike, as_of: date | None, language: str | None, history: str | None):
    """(figures, the report's document, language) for a site of the repository at ``path``."""
    from eacheck.analysis.report_data import report_data
    from eacheck.i18n import LANGUAGES, using
    from eacheck.loading.pipeline import one_run

    if language is not None and language not in LANGUAGES:
        raise UsageError(msg("unknown language '{language}'; use one of: {languages}",
                             language=language, languages=", ".join(LANGUAGES)))
    as_of = as_of or date.today()
    now = figures(open_repository(path), as_of)
    language = language or now.landscape.settings.language
    trend = None
    if history is not None:
        with using(language), one_run():
            trend = history_of(path, history, now)
    return now, report_data(now, None, None, language, trend), language
