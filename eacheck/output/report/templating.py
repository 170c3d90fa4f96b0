"""The Jinja2 environments of the report: HTML with autoescaping, Markdown with escaping of its
own, so that no text from the repository (a system name, a principle title) becomes markup."""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from eacheck.output.markdown import markdown_escape
from eacheck.safe_text import printable

__all__ = ["environment", "markdown_escape"]


def _html_value(value):
    """What autoescaping then escapes: text without control characters (line breaks kept).
    Markup is the template's own (the charts), already safe."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return printable(value, lines=True)
    return value


@cache
def environment(kind: str) -> Environment:
    loader = PackageLoader("eacheck", "output/templates")
    if kind == "html":
        return Environment(loader=loader, autoescape=True, undefined=StrictUndefined,
                           finalize=_html_value, trim_blocks=True, lstrip_blocks=True,
                           keep_trailing_newline=True)
    if kind == "md":
        # `finalize` runs on every {{ }} value: the Markdown counterpart of autoescaping.
        return Environment(loader=loader, autoescape=False, undefined=StrictUndefined,
                           finalize=markdown_escape, trim_blocks=True, lstrip_blocks=True,
                           keep_trailing_newline=True)
    raise ValueError(kind)
