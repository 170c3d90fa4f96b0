"""The Jinja2 environments of the report: HTML with autoescaping, Markdown with escaping of its
own, so that no text from the repository (a system name, a principle title) becomes markup, and
no control character reaches the reader.

Both speak through `jinja2.ext.i18n` with eacheck's own gettext callables (newstyle: `_()`
and `{% trans %}` take their values as keywords and escape them like any other value). The
callables read the language of the run in progress, so one environment serves both languages:
render inside ``i18n.using(language)``.
"""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined, pass_context
from markupsafe import Markup

from eacheck import i18n
from eacheck.output.markdown import markdown_escape
from eacheck.safe_text import printable

__all__ = ["environment", "markdown_escape"]


def _html_value(value):
    """What autoescaping then escapes: text without control characters (line breaks kept).
    Markup is the template's own (the charts, a translated sentence), already safe."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return printable(value, lines=True)
    return value


def _translating(clean):
    """Newstyle gettext callables (as `jinja2.ext` makes them) whose values pass ``clean`` first:
    in HTML a sentence from the catalogue is Markup, which `finalize` leaves alone, so the
    values a sentence carries (a name from the files) are cleaned on the way in."""

    def values(variables: dict) -> dict:
        return {name: clean(value) for name, value in variables.items()}

    @pass_context
    def gettext(__context, __string: str, **variables):
        text = __context.call(i18n._, __string)
        if __context.eval_ctx.autoescape:
            text = Markup(text)
        return text % values(variables)

    @pass_context
    def ngettext(__context, __singular: str, __plural: str, __num: int, **variables):
        variables.setdefault("num", __num)
        text = __context.call(i18n.ngettext, __singular, __plural, __num)
        if __context.eval_ctx.autoescape:
            text = Markup(text)
        return text % values(variables)

    @pass_context
    def pgettext(__context, __context_name: str, __string: str, **variables):
        variables.setdefault("context", __context_name)
        text = __context.call(i18n.pgettext, __context_name, __string)
        if __context.eval_ctx.autoescape:
            text = Markup(text)
        return text % values(variables)

    return {"gettext": gettext, "ngettext": ngettext, "pgettext": pgettext}


@cache
def environment(kind: str) -> Environment:
    loader = PackageLoader("eacheck", "output/templates")
    common = {"loader": loader, "undefined": StrictUndefined, "trim_blocks": True,
              "lstrip_blocks": True, "keep_trailing_newline": True, "extensions": ["jinja2.ext.i18n"]}
    if kind == "html":
        env = Environment(autoescape=True, finalize=_html_value, **common)
        clean = _html_value
    elif kind == "md":
        # `finalize` runs on every {{ }} value, a translated sentence with its values included:
        # the Markdown counterpart of autoescaping.
        env = Environment(autoescape=False, finalize=markdown_escape, **common)
        clean = lambda value: value  # noqa: E731 (finalize escapes the whole sentence)
    else:
        raise ValueError(kind)
    # As scripts/catalogues.py extracts them: whitespace in a {% trans %} block collapsed, and
    # values passed as keywords (newstyle).
    env.policies["ext.i18n.trimmed"] = True
    env.newstyle_gettext = True  # type: ignore[attr-defined]
    env.globals.update(_translating(clean))
    return env
