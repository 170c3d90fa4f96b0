"""The Jinja2 environments of the report: HTML with autoescaping, Markdown with escaping of its
own, so that no text from the repository (a system name, a principle title) becomes markup.

Both speak through `jinja2.ext.i18n` with eacheck's own gettext callables (newstyle: `_()`
and `{% trans %}` take their values as keywords and escape them like any other value). The
callables read the language of the run in progress, so one environment serves both languages:
render inside ``i18n.using(language)``.
"""

from __future__ import annotations

import re
from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined

from eacheck import i18n

# Characters that make Markdown syntax anywhere in a line: emphasis, code, links and images,
# raw HTML and entities, table cells, strikethrough. CommonMark allows a backslash before any ASCII
# punctuation, and an escaped `<` cannot open raw HTML.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")
_BREAKING_SPACE = re.compile(r"[^\S\u00a0\u202f]+")
# ...and those that make syntax only at the start of a line (headings, lists, quotes).
_LINE_START = re.compile(r"^(#|>|[-+](?=\s)|\d+[.)](?=\s|$)|[=-](?=[=-]*$))")


def markdown_escape(value) -> str:
    if value is None:
        return ""
    # A line break would end a table row; no-break spaces (Swedish thousands, `47 %`) stay.
    text = _BREAKING_SPACE.sub(" ", str(value)).strip()
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    return _LINE_START.sub(lambda match: match[0][:-1] + "\\" + match[0][-1], text)


@cache
def environment(kind: str) -> Environment:
    loader = PackageLoader("eacheck", "output/templates")
    common = {"loader": loader, "undefined": StrictUndefined, "trim_blocks": True,
              "lstrip_blocks": True, "keep_trailing_newline": True, "extensions": ["jinja2.ext.i18n"]}
    if kind == "html":
        env = Environment(autoescape=True, **common)
    elif kind == "md":
        # `finalize` runs on every {{ }} value: the Markdown counterpart of autoescaping.
        env = Environment(autoescape=False, finalize=markdown_escape, **common)
    else:
        raise ValueError(kind)
    # As scripts/catalogues.py extracts them: whitespace in a {% trans %} block collapsed.
    env.policies["ext.i18n.trimmed"] = True
    env.install_gettext_callables(i18n._, i18n.ngettext, newstyle=True, pgettext=i18n.pgettext)
    return env
