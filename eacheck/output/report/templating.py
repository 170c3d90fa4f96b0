"""The Jinja2 environments of the report: HTML with autoescaping, Markdown with escaping of its
own, so that no text from the repository (a system name, a principle title) becomes markup."""

from __future__ import annotations

import re
from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined

# Characters that make Markdown syntax anywhere in a line: emphasis, code, links and images,
# raw HTML and entities, table cells, strikethrough. CommonMark allows a backslash before any ASCII
# punctuation, and an escaped `<` cannot open raw HTML.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")
# ...and those that make syntax only at the start of a line (headings, lists, quotes).
_LINE_START = re.compile(r"^(#|>|[-+](?=\s)|\d+[.)](?=\s|$)|[=-](?=[=-]*$))")


def markdown_escape(value) -> str:
    if value is None:
        return ""
    text = " ".join(str(value).split())  # a line break would end a table row
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    return _LINE_START.sub(lambda match: match[0][:-1] + "\\" + match[0][-1], text)


@cache
def environment(kind: str) -> Environment:
    loader = PackageLoader("eacheck", "output/templates")
    if kind == "html":
        return Environment(loader=loader, autoescape=True, undefined=StrictUndefined,
                           trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    if kind == "md":
        # `finalize` runs on every {{ }} value: the Markdown counterpart of autoescaping.
        return Environment(loader=loader, autoescape=False, undefined=StrictUndefined,
                           finalize=markdown_escape, trim_blocks=True, lstrip_blocks=True,
                           keep_trailing_newline=True)
    raise ValueError(kind)
