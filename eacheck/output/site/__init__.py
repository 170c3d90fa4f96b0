"""The landscape as a static website (SPEC §9): `eacheck site`.

:func:`render` turns the figures of one repository into every file of the site, in memory:
HTML pages, one stylesheet, the search script and its index. Nothing here opens a repository
(the API does) and nothing is written until everything is rendered; :func:`write` then puts the
files in place (see :mod:`eacheck.output.site.writing`).

The pages link to each other relatively and fetch nothing from the network, so the folder works
from a file share, an intranet server, GitLab Pages or GitHub Pages. Sorted everywhere and
without a clock: the same repository and as-of date give the same bytes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from importlib import resources
from typing import Any

from eacheck import __version__, i18n
from eacheck.analysis.figures import Figures
from eacheck.model.entities import localized
from eacheck.output.site import labels, search_index, writing
from eacheck.output.site.pages import all_pages
from eacheck.output.site.templating import environment
from eacheck.output.site.views import Views
from eacheck.output.site.writing import MARKER, write

__all__ = ["render", "write", "writing", "MARKER"]

STATIC_FILES = ("style.css", "search.js")


@dataclass(frozen=True, slots=True)
class SiteInfo:
    """What every page says about the site as a whole."""

    group: str
    as_of: date
    version: str
    language: str
    currency: str


def render(figures: Figures, report: dict[str, Any], language: str) -> dict[str, bytes]:
    """Every file of the site by its path in the site (``system/x.html``), sorted by path.

    ``report`` is the report's document for the same figures (:mod:`eacheck.analysis.report_data`):
    the start page shows the indexes against their targets exactly as the report does.
    """
    with i18n.using(language):
        views = Views(figures, report, language)
        settings = figures.landscape.settings
        site = SiteInfo(settings.name or i18n._("The municipal group"), figures.as_of, __version__,
                        language, settings.currency)
        env = environment()
        common = {"site": site, "v": views, "labels": labels,
                  "localized": lambda text: localized(text, language)}
        files: dict[str, bytes] = {}
        for page in all_pages(views):
            template = env.get_template(page.template)
            files[page.path] = template.render(root=page.root, path=page.path, **common, **page.context).encode("utf-8")
        folder = resources.files("eacheck") / "output" / "templates" / "site"
        for name in STATIC_FILES:
            files[name] = (folder / name).read_bytes()
        files["search-index.js"] = search_index.script(views).encode("utf-8")
        files[MARKER] = _marker(sorted(files)).encode("utf-8")
    return dict(sorted(files.items()))


def _marker(paths: list[str]) -> str:
    """The file that tells the next build this folder is a site eacheck wrote, and what is in it."""
    return "\n".join([
        "# Written by `eacheck site`. The next build replaces this folder as a whole;",
        "# do not keep other files in it. The files of this build:",
        *paths,
    ]) + "\n"
