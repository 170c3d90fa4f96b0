"""The Jinja2 environments of the report: HTML with autoescaping, Markdown with escaping of its
own, so that no text from the repository (a system name, a principle title) becomes markup.

Both speak through `jinja2.ext.i18n` with eacheck's own gettext callables (newstyle: `_()`
and `{% trans %}` take their values as keywords and escape them like any other value). The
callables read the language of the run in progress, so one environment serves both languages:
render inside ``i18n.using(language)``.
"""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined

from eacheck import i18n
from eacheck.output.markdown import escape as markdown_escape


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
