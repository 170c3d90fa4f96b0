"""Text from the repository made safe for Markdown: the report's Markdown and the pull-request
comment both show names, ids and messages that a hostile pull request can choose.

One line (a line break would end a table row or a list item), no control characters (shown as
visible escapes), and every character that makes Markdown syntax escaped, so that a system
called `**<img src=x>**` is shown as written.
"""

from __future__ import annotations

import re

# Characters that make Markdown syntax anywhere in a line: emphasis, code, links and images,
# raw HTML and entities, table cells, strikethrough. CommonMark allows a backslash before any ASCII
# punctuation, and an escaped `<` cannot open raw HTML.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")
# ...and those that make syntax only at the start of a line (headings, lists, quotes).
_LINE_START = re.compile(r"^(#|>|[-+](?=\s)|\d+[.)](?=\s|$)|[=-](?=[=-]*$))")
# Every run of breaking white space becomes one space; no-break spaces (Swedish thousands,
# `47 %`) stay.
_BREAKING_SPACE = re.compile(r"[^\S\u00a0\u202f]+")
# C0 and C1 controls and DEL, line and paragraph separators, bidirectional overrides and
# isolates ("Trojan Source"), and the byte-order mark: never shown raw.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match[0])
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def escape(value) -> str:
    """``value`` as one line of Markdown text that renders exactly as written."""
    if value is None:
        return ""
    text = _BREAKING_SPACE.sub(" ", str(value)).strip()
    text = _UNPRINTABLE.sub(_visible, text)
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    return _LINE_START.sub(lambda match: match[0][:-1] + "\\" + match[0][-1], text)
