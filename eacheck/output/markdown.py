"""Text from the repository as Markdown that shows exactly that text: no markup, no raw HTML,
no links or images it did not ask for, no control characters.

Used by the Markdown report (every ``{{ }}`` value), by the pull-request comment
(`check --format markdown`) and by SARIF's ``help.markdown``, which GitHub renders for every
rule, principle texts included.
"""

from __future__ import annotations

import re

from eacheck.safe_text import printable

# Characters that make Markdown syntax anywhere in a line: emphasis, code, links and images,
# raw HTML and entities, table cells, strikethrough. CommonMark allows a backslash before any ASCII
# punctuation, and an escaped `<` cannot open raw HTML.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")
# ...and those that make syntax only at the start of a line (headings, lists, quotes).
_LINE_START = re.compile(r"^(#|>|[-+](?=\s)|\d+[.)](?=\s|$)|[=-](?=[=-]*$))")
# Every run of breaking white space; no-break spaces stay (Babel writes Swedish figures with
# them, `1 200 000 kr`, `47 %`, so that a figure never breaks across lines).
_BREAKING_SPACE = re.compile(r"[^\S\u00a0\u202f]+")


def markdown_escape(value) -> str:
    """One line of literal text: whitespace runs (line breaks too) become one space."""
    if value is None:
        return ""
    text = printable(_BREAKING_SPACE.sub(" ", str(value)).strip())  # a line break would end a table row
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    return _LINE_START.sub(lambda match: match[0][:-1] + "\\" + match[0][-1], text)


_ITEM = re.compile(r"(?:[-*+]|\d+[.)])\s")


def markdown_lines(value) -> str:
    """Literal text that keeps its paragraphs and list items: each escaped as
    :func:`markdown_escape` does, each item on a line of its own (a hard break), and a wrapped
    line joined to the one it continues, as Markdown would."""
    if value is None:
        return ""
    paragraphs = []
    for paragraph in str(value).strip().split("\n\n"):
        lines: list[str] = []
        for line in paragraph.splitlines():
            text = line.strip()
            if not text:
                continue
            if lines and not _ITEM.match(text):
                lines[-1] += " " + text
            else:
                lines.append(text)
        paragraphs.append("  \n".join(markdown_escape(line) for line in lines))
    return "\n\n".join(paragraphs)
