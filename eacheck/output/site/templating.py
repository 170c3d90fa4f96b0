"""The Jinja2 environments of the site: autoescaping everywhere, the gettext catalogue through
``jinja2.ext.i18n``, and filters that format values in the language of the run.

No template marks text from the repository ``|safe``: a system name like ``<script>`` is shown
as those characters. The only markup that is not autoescaped is what the templates write
themselves.

One environment per language, and its templates are translated when they are compiled: a call
``_("literal", name=value)`` becomes the translated literal (the template's own markup) with
the values escaped into it, so that 40,000 pages do not look up the same words 40,000 times.
Message extraction reads the template sources, where the ``_()`` calls stay as written.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from jinja2 import Environment, PackageLoader, StrictUndefined, Template, nodes
from jinja2.visitor import NodeTransformer
from markupsafe import Markup, escape

from eacheck import i18n
from eacheck.i18n import formats


@lru_cache(maxsize=4096)
def _number(value: float, language: str, decimals: int) -> str:
    return formats.number(value, language, decimals)


@lru_cache(maxsize=4096)
def _money(amount: int, language: str, currency: str) -> str:
    return formats.money(amount, language, currency)


@lru_cache(maxsize=4096)
def _percent(fraction: float, language: str) -> str:
    return formats.percent(fraction, language)


@lru_cache(maxsize=4096)
def _date(day: date, language: str) -> str:
    return formats.long_date(day, language)


def number(value: float, decimals: int = 0) -> str:
    return _number(value, i18n.current_language(), decimals)


def money(amount: int, currency: str = "SEK") -> str:
    return _money(amount, i18n.current_language(), currency)


def percent(fraction: float) -> str:
    return _percent(fraction, i18n.current_language())


def long_date(day: date | str) -> str:
    return _date(date.fromisoformat(day) if isinstance(day, str) else day, i18n.current_language())


def as_written(value: str | float) -> str:
    """A value the file gives as text or as a number (an effect goal's target): text as it is,
    a number in the language's notation with the decimals the file gave it (0.5 -> "0,5")."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    written = repr(value)
    decimals = len(written.split(".")[1]) if "." in written and "e" not in written else 0
    return number(value, decimals)


@lru_cache(maxsize=1024)
def _country(code: str, language: str) -> str:
    return formats.Country(code).format(language)


def country(code: str) -> str:
    """A country by its ISO code, named in the language of the run: SE is "Sverige", "Sweden"."""
    return _country(code, i18n.current_language())


def countries(codes) -> str:
    return join([country(code) for code in codes])


def quarter(text: str) -> str:
    """``2027-Q2`` as people write it: "kvartal 2 2027", "Q2 2027"."""
    year, number = text.split("-Q")
    return i18n._("quarter {number} {year}").format(number=number, year=year)


def join(items) -> str:
    return formats.join([str(item) for item in items], i18n.current_language())


class _Translate(NodeTransformer):
    """Replaces ``_("literal", ...)`` by its translation in ``language``."""

    def __init__(self, language: str) -> None:
        self.language = language

    def visit_Call(self, node: nodes.Call) -> nodes.Node:
        node = self.generic_visit(node)
        literal = (isinstance(node.node, nodes.Name) and node.node.name == "_" and len(node.args) == 1
                   and isinstance(node.args[0], nodes.Const) and isinstance(node.args[0].value, str)
                   and node.dyn_args is None and node.dyn_kwargs is None)
        if not literal:
            return node
        text = i18n.translations(self.language).gettext(node.args[0].value)
        translated = nodes.MarkSafe(nodes.Const(text, lineno=node.lineno), lineno=node.lineno)
        if not node.kwargs:
            return translated
        values = nodes.Dict([nodes.Pair(nodes.Const(keyword.key), keyword.value, lineno=node.lineno)
                             for keyword in node.kwargs], lineno=node.lineno)
        return nodes.Mod(translated, values, lineno=node.lineno)


def _escape(value):
    """markupsafe's ``escape``, but markup as it is. MarkupSafe 3 checks a value for
    ``__html__`` and wraps the result in a new Markup even when it already is one; a page
    outputs a hundred values, most of them markup already (links, translations, rows), and
    that was a tenth of the time of rendering a page. Same result for every value."""
    if type(value) is Markup:
        return value
    return escape(value)


class _Template(Template):
    """A template whose autoescaping calls :func:`_escape`. The compiled module of a template
    names ``escape`` as a global of its own; this replaces it there, and nothing else."""

    @classmethod
    def _from_namespace(cls, environment, namespace, globals):
        namespace["escape"] = _escape
        return super()._from_namespace(environment, namespace, globals)


class _TranslatingEnvironment(Environment):
    language = "sv"
    template_class = _Template

    def _parse(self, source, name, filename):
        return _Translate(self.language).visit(super()._parse(source, name, filename))


def environment(language: str, links=None, rows=None, **globals_) -> Environment:
    """A fresh environment for one build in ``language`` (its templates are compiled
    translated, see above), with the build's ``globals_`` (the views, the labels), so that the
    shared macros are set up once per build rather than once per page.

    ``links`` (:class:`~eacheck.output.site.helpers.Links`) gives the filters ``id|link(kind)``,
    ``ids|links(kind)`` and ``ids|some(kind)``. Links are relative, so they depend on the folder
    a page is in: a build has one environment per folder depth, each with its own. Filters,
    because Jinja calls a filter directly, and a page has hundreds of links. ``rows`` makes the
    filter ``item|row(kind)``, by default :class:`~eacheck.output.site.helpers.Rows` of this
    environment.
    """
    env = _TranslatingEnvironment(
        loader=PackageLoader("eacheck", "output/templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.i18n"],
        auto_reload=False,  # one build, templates that do not change under it: no stat per page
    )
    from eacheck.output.site.helpers import gettext, ngettext

    # Not "newstyle": these two already behave so (the text is markup, values are escaped
    # into its %(name)s places), without a wrapper per call (see helpers).
    env.install_gettext_callables(gettext=gettext, ngettext=ngettext, newstyle=False)  # type: ignore[attr-defined]
    env.language = language
    env.globals.update(globals_)
    from eacheck.output.site.helpers import Rows

    env.filters["row"] = Rows(env) if rows is None else rows
    if links is not None:
        env.filters.update(link=lambda entity_id, kind: links(kind, entity_id),
                           links=lambda ids, kind: links.many(kind, ids),
                           some=lambda ids, kind, limit=5: links.some(kind, ids, limit))
    env.filters.update(number=number, money=money, percent=percent, long_date=long_date, joined=join, quarter=quarter,
                       as_written=as_written, country=country, countries=countries)
    # The shared macros are globals, `m` (site/macros.html.j2) and `r` (site/rows.html.j2), set
    # up once here: an `{% import %}` in a page compares the page's globals with the macros'
    # on every page, an eighth of the time of a small page.
    env.globals["m"] = env.get_template("site/macros.html.j2").module
    env.globals["r"] = env.get_template("site/rows.html.j2").module
    return env
