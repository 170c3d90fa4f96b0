"""What the templates call most, done in Python once rather than in Jinja on every call.

A site of 10,000 systems has some 40,000 pages and a million links; a Jinja macro per link, and a
catalogue lookup per word per page, would cost most of the build. So:

- :class:`Links` makes the link to an entity once per folder depth and remembers it. The name
  is escaped here with markupsafe, exactly as autoescaping would; ids are ``[a-z0-9-]``.
- :func:`translated_labels` translates the words for the files' values once per build.
- :func:`gettext` and :func:`ngettext` replace Jinja's "newstyle" wrappers with the same
  behaviour (the translation is markup, values are escaped into it) and a cache.
"""

from __future__ import annotations

from functools import lru_cache
from types import SimpleNamespace
from typing import Any

from markupsafe import Markup, escape

from eacheck import i18n
from eacheck.safe_text import shorten
from eacheck.output.site import labels


class Passages:
    """``passage(text)``: free text from the repository (a description, a reason, a principle's
    statement) marked with the language it is written in when that is not the site's
    (WCAG 3.1.2, language of parts): an English site of a Swedish repository says which
    passages are Swedish, so that a screen reader reads them as Swedish. Names are proper
    names and stay unmarked.

    Plain text is in the repository's language (``language`` in eacheck.yaml); a principle's
    text given per language is in the site's language when it has it, else in the first it
    has (as :func:`~eacheck.model.entities.localized` picks it)."""

    def __init__(self, site_language: str, repository_language: str) -> None:
        self._site = site_language
        self._repository = repository_language

    def __call__(self, text) -> Markup:
        if isinstance(text, dict):
            if text.get(self._site):
                return escape(text[self._site])
            language, value = next(iter(text.items()))
        else:
            language, value = self._repository, text
        if language == self._site:
            return escape(value)
        return Markup('<span lang="%s">%s</span>') % (language, value)


class Links:
    """``links("system", "x")`` -> ``<a href="../system/x.html">Name</a>``, or the id alone
    when the entity has no page (its file did not load). The templates use it through the
    filters ``link``, ``links`` and ``some`` (see :func:`~eacheck.output.site.templating.environment`)."""

    def __init__(self, views, root: str) -> None:
        self._views = views
        self._root = root
        self._made: dict[tuple[str, str], Markup] = {}

    def __call__(self, kind: str, entity_id: str) -> Markup:
        key = (kind, entity_id)
        made = self._made.get(key)
        if made is None:
            made = self._made[key] = self._make(kind, entity_id)
        return made

    def _make(self, kind: str, entity_id: str) -> Markup:
        if not self._views.has_page(kind, entity_id):
            return escape(entity_id)
        # A link names the entity in at most SHOWN_LENGTH characters; its own page has the
        # whole name. A megabyte-long name linked from a thousand pages made a site of
        # gigabytes (69 integrations of one system: 415 MB).
        name = escape(shorten(self._views.name(kind, entity_id)))
        # Formatted, not Markup % (...): that escapes each value through a wrapper object, a
        # third of the cost of a link, and a site makes 80,000 of them. `kind` is ours.
        href = f"{self._root}{kind}/{escape(entity_id)}.html"
        language = self._views.principle_language(entity_id) if kind == "principle" else None
        if language:
            # A principle's title in another language than the site's says which (WCAG 3.1.2).
            return Markup(f'<a href="{href}" lang="{escape(language)}">{name}</a>')
        return Markup(f'<a href="{href}">{name}</a>')

    def many(self, kind: str, ids) -> Markup:
        """Every one, separated by commas; a dash for none."""
        return Markup(", ").join(self(kind, entity_id) for entity_id in ids) if ids else Markup("–")

    def some(self, kind: str, ids, limit: int = 5) -> Markup:
        """The first ``limit``, and how many more (a list on a page stays short)."""
        shown = self.many(kind, ids[:limit])
        rest = len(ids) - limit
        if rest <= 0:
            return shown
        more = ngettext("and %(count)s more", "and %(count)s more", rest, count=_number(rest))
        return shown + Markup(" ") + more


def _number(value: int) -> str:
    from eacheck.output.site.templating import number

    return number(value)


def translated_labels() -> SimpleNamespace:
    """Every table of :mod:`labels`, each word translated into the language of the run and
    escaped once here, so that a page does not escape the same words again for every row."""
    return SimpleNamespace(**{
        name: {key: escape(i18n._(text)) for key, text in table.items()}
        for name, table in vars(labels).items()
        if isinstance(table, dict) and not name.startswith("_")
    })


@lru_cache(maxsize=None)
def _translated(language: str, message: str) -> Markup:
    return Markup(i18n.translations(language).gettext(message))


@lru_cache(maxsize=None)
def _translated_plural(language: str, singular: str, plural: str, form: int) -> Markup:
    return Markup(i18n.translations(language).ngettext(singular, plural, form))


def gettext(message: str, **values) -> Markup:
    """``_()`` in the templates: the translation (a template's own text, so markup), with
    ``values`` escaped into its ``%(name)s`` places."""
    text = _translated(i18n.current_language(), message)
    return text % values if values else text


def ngettext(singular: str, plural: str, n: int, **values) -> Markup:
    # Swedish and English both have two forms: one, and everything else.
    text = _translated_plural(i18n.current_language(), singular, plural, 1 if n == 1 else 2)
    return text % {"num": n, **values}


# The overview pages the navigation links to; on one of them its own link says "this page".
NAVIGATION_FILES = frozenset({"index.html", "capabilities.html", "organizations.html", "systems.html",
                              "integrations.html", "procurements.html", "exceptions.html", "principles.html"})


class Chrome:
    """The banner and footer of every page, rendered once per kind of page and remembered."""

    def __init__(self, env) -> None:
        self._env = env
        self._headers: dict[tuple[str, str, str | None], Markup] = {}
        self._footer: Markup | None = None

    def header(self, root: str, section: str, path: str) -> Markup:
        key = (root, section, path if path in NAVIGATION_FILES else None)
        made = self._headers.get(key)
        if made is None:
            made = Markup(self._env.get_template("site/header.html.j2").render(section=section, path=path))
            self._headers[key] = made
        return made

    def footer(self) -> Markup:
        if self._footer is None:
            self._footer = Markup(self._env.get_template("site/footer.html.j2").render())
        return self._footer


class Rows:
    """``item|row("integration")``: the row of a list for ``item``, from the macro
    ``integration_row`` of site/rows.html.j2, rendered once per environment (folder depth) and
    remembered. An integration's row is on its list page and on the pages of the systems it
    joins, a system's on its owner's, users' and capabilities' pages: the same markup each time."""

    # What makes two items the same row.
    _KEYS = {
        "serving": lambda pair: (pair[0].id, pair[1].id),
        "finding": id,  # findings have no id; each is one object for the whole build
        "duplicate": lambda entry: entry.capability,
        "candidate": lambda candidate: candidate.system,
    }

    def __init__(self, env) -> None:
        self._env = env
        self._macros = None
        self._made: dict[tuple[str, Any], Markup] = {}

    def __call__(self, item, kind: str) -> Markup:
        key = (kind, self._KEYS.get(kind, _entity_id)(item))
        made = self._made.get(key)
        if made is None:
            made = self._made[key] = self._render(item, kind)
        return made

    def _render(self, item, kind: str) -> Markup:
        if self._macros is None:
            self._macros = self._env.get_template("site/rows.html.j2").module
        return Markup(getattr(self._macros, f"{kind}_row")(item))


class RowsAtTheRoot(Rows):
    """The rows of the pages at the root of the site, made from the rows of the pages one folder
    down (``deeper``) by taking the ``../`` off their links. The same markup as rendering them
    again, for a fraction of the time: a row's only relative addresses are its links
    (:class:`Links`), and text from the files cannot write ``href="`` (autoescaping turns the
    quote into ``&#34;``). tests/test_site.py renders every row both ways."""

    def __init__(self, deeper: Rows) -> None:
        super().__init__(None)
        self._deeper = deeper

    def _render(self, item, kind: str) -> Markup:
        # str.replace: Markup's own would escape its arguments.
        return Markup(str.replace(self._deeper(item, kind), 'href="../', 'href="'))


def _entity_id(entity) -> str:
    return entity.id
