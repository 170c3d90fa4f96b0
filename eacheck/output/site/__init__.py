"""The landscape as a static website (SPEC §9): `eacheck site`.

:func:`render` turns the figures of one repository into every file of the site, in memory:
HTML pages, one stylesheet, the search script and its index. Nothing here opens a repository
(the API does). :func:`build` renders the same files into a new folder, each process writing
the pages it renders, and the new folder then takes the target's place as a whole (see
:mod:`eacheck.output.site.writing`).

The pages link to each other relatively and fetch nothing from the network, so the folder works
from a file share, an intranet server, GitLab Pages or GitHub Pages. Sorted everywhere and
without a clock: the same repository and as-of date give the same bytes.
"""

from __future__ import annotations

import marshal
import multiprocessing
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2.runtime import new_context

from eacheck import __version__, i18n
from eacheck.analysis.figures import Figures
from eacheck.output.report.labels import reason_words
from eacheck.output.site import diagram, search_index, writing
from eacheck.output.site.helpers import Chrome, Links, Passages, RowsAtTheRoot, translated_labels
from eacheck.output.site.pages import Page, plans
from eacheck.output.site.templating import environment
from eacheck.output.site.views import Views
from eacheck.output.site.writing import MARKER
from eacheck.safe_text import printable

__all__ = ["render", "build", "writing", "MARKER"]

STATIC_FILES = ("style.css", "search.js")


@dataclass(frozen=True, slots=True)
class SiteInfo:
    """What every page says about the site as a whole."""

    group: str
    as_of: date
    version: str
    language: str
    currency: str


def render(figures: Figures, report: dict[str, Any], language: str, jobs: int = 1) -> dict[str, bytes]:
    """Every file of the site by its path in the site (``system/x.html``), sorted by path.

    ``report`` is the report's document for the same figures (:mod:`eacheck.analysis.report_data`):
    the start page shows the indexes against their targets exactly as the report does. With
    ``jobs`` above 1, a large site's pages are rendered by that many processes (see
    :func:`_render_all`); the bytes are the same either way.
    """
    with i18n.using(language):
        build = _prepare(figures, report, language)
        files = dict(_render_all(build, jobs))
        files.update(_the_rest(build, files))
    return dict(sorted(files.items()))


def build(target: Path, figures: Figures, report: dict[str, Any], language: str, jobs: int = 1,
          inside: Path | None = None) -> Path:
    """Render the site into a new folder that then replaces ``target`` (see :func:`writing.replace`):
    the files of :func:`render`, each page written by the process that rendered it as soon as
    it is rendered, so that a large site is not held in memory twice nor written after it is
    rendered. With ``inside``, ``target`` must lead nowhere outside that folder."""
    return writing.replace(target, lambda folder: _render_into(folder, figures, report, language, jobs),
                           jobs, inside)


def _render_into(folder: Path, figures: Figures, report: dict[str, Any], language: str, jobs: int) -> None:
    with i18n.using(language):
        build = _prepare(figures, report, language)
        writing.make_folders(folder, sorted({f"{kind}/" for kind, _, _ in build.plans if kind}))
        build.folder = str(folder)
        paths = _render_all(build, jobs)
        for path, content in _the_rest(build, paths).items():
            writing.create(build.folder, path, content)


def _prepare(figures: Figures, report: dict[str, Any], language: str) -> _Build:
    views = Views(figures, report, language)
    settings = figures.landscape.settings
    site = SiteInfo(settings.name or i18n._("The municipal group"), figures.as_of, __version__,
                    language, settings.currency)
    words = translated_labels()
    words.reason = reason_words(report.get("contract_months", 12))  # the report's, one horizon
    common = {"site": site, "v": views, "L": words, "svg": diagram.svg,
              "passage": Passages(language, settings.language)}
    deeper = environment(language, Links(views, "../"), root="../", **common)
    envs = {"": environment(language, Links(views, ""), rows=RowsAtTheRoot(deeper.filters["row"]), root="", **common),
            "../": deeper}
    return _Build(language, envs, plans(views), {root: Chrome(env) for root, env in envs.items()}, views)


def _the_rest(build: _Build, pages) -> dict[str, bytes]:
    """The files besides the pages: the stylesheet, the search and its index, the marker that
    lists every file (``pages``: the paths of the pages)."""
    folder = resources.files("eacheck") / "output" / "templates" / "site"
    files = {name: (folder / name).read_bytes() for name in STATIC_FILES}
    files["search-index.js"] = search_index.script(build.views).encode("utf-8")
    files[MARKER] = _marker(sorted([*pages, *files])).encode("utf-8")
    return files


@dataclass
class _Build:
    """Everything a page needs to be rendered: set up once, then shared (by forked workers too)."""

    language: str
    envs: dict[str, Any]  # by the way back to the root: "" or "../"
    plans: list  # pages.plans: what makes the pages
    chrome: dict[str, Chrome]
    views: Views
    folder: str | None = None  # when set, each page is written there once rendered
    _flat_globals: dict[int, dict[str, Any]] = field(default_factory=dict)
    _templates: dict[tuple[int, str], Any] = field(default_factory=dict)

    def render(self, page: Page) -> bytes:
        env = self.envs[page.root]
        template = self._template(env, page.template)
        # What Template.render does, less the copy of the globals into every page's context
        # (a chain of mappings, slow to copy 40,000 times): the context is made from a plain
        # dict of the globals and the page's values (shared=True), and without the template's
        # globals, which only an {% import %} in a page reads (the pages import nothing: the
        # macros are globals).
        values = {**self._globals(env), "path": page.path, "chrome": self.chrome[page.root], **page.context}
        context = new_context(env, template.name, template.blocks, values, shared=True)
        text = env.concat(template.root_render_func(context))
        # Control characters from the files (ESC, a bidirectional override) are shown as escapes,
        # as in the report: text from a name, a description, a finding or a file name reaches a
        # page through many ways, and the templates write none themselves (lines kept).
        return printable(text, lines=True).encode("utf-8")

    def _template(self, env, name: str):
        key = (id(env), name)
        template = self._templates.get(key)
        if template is None:
            template = self._templates[key] = env.get_template(name)
        return template

    def _globals(self, env) -> dict[str, Any]:
        cached = self._flat_globals.get(id(env))
        if cached is None:
            cached = self._flat_globals[id(env)] = dict(env.globals)
        return cached


# Below this many pages, starting a worker costs more than it saves (a worker is forked, so this
# never happens for a small site, nor in a process that may hold threads it should not fork).
PARALLEL_THRESHOLD = 3000

# The build in progress; forked workers inherit it instead of receiving it.
_BUILD: _Build | None = None


def _render_chunk(indexes: list[int]) -> bytes:
    build = _BUILD
    assert build is not None
    with i18n.using(build.language):
        # marshal, not pickle, for the way back: faster for a list of bytes.
        return marshal.dumps(_render_some(build, indexes))


def _render_some(build: _Build, indexes) -> list:
    """The pages the plans at ``indexes`` make, each as (path, bytes); for a build with a folder,
    each written there as soon as it is rendered, and only its path returned."""
    made: list = []
    for index in indexes:
        _, make, arguments = build.plans[index]
        for page in make(*arguments):
            content = build.render(page)
            if build.folder is None:
                made.append((page.path, content))
            else:
                writing.create(build.folder, page.path, content)
                made.append(page.path)
    return made


def _render_all(build: _Build, jobs: int) -> list:
    """Every page made and rendered (see :func:`_render_some`), in this process or, for a large
    site, split between ``jobs`` forked processes (as the loader does with files,
    :mod:`eacheck.loading.pipeline`): the pages are independent, and making and rendering them is
    most of the work of a large site."""
    count = len(build.plans)
    if jobs < 2 or count < PARALLEL_THRESHOLD or "fork" not in multiprocessing.get_all_start_methods():
        return _render_some(build, range(count))
    global _BUILD
    # Before forking, once for all: every index of the views, every template compiled, the
    # shared macros set up.
    build.views.work_out_everything()
    for env in build.envs.values():
        for template in env.list_templates(filter_func=lambda name: name.startswith("site/") and name.endswith(".j2")):
            build._template(env, template)
    # Every worker gets every jobs-th plan: neighbours in the list are alike (all systems, all
    # integrations), so each worker gets a fair share of every kind.
    chunks = [list(range(start, count, jobs)) for start in range(jobs)]
    _BUILD = build
    try:
        with multiprocessing.get_context("fork").Pool(jobs - 1) as pool:
            others = pool.map_async(_render_chunk, chunks[1:])
            made = _render_some(build, chunks[0])
            for data in others.get():
                made += marshal.loads(data)
        return made
    finally:
        _BUILD = None


def _marker(paths: list[str]) -> str:
    """The file that tells the next build this folder is a site eacheck wrote, and what is in it."""
    return "\n".join([
        "# Written by `eacheck site`. The next build replaces this folder as a whole;",
        "# do not keep other files in it. The files of this build:",
        *paths,
    ]) + "\n"
