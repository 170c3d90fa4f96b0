"""Text from the repository, made safe to show: cut to a readable length, control characters
escaped, XML-illegal characters replaced.

Everything eacheck reads may come from a hostile pull request, and every message, annotation
and report shows some of it. Three helpers, used everywhere such text is shown:

- :func:`shorten` for a value quoted inside a message: a 1 MB string aliased 300 times must not
  make 300 MB of output, so a long value is cut with an ellipsis;
- :func:`printable` for every human-readable format (the terminal, GitHub's log, Markdown): a
  newline inside a value must not start a line of its own (GitHub runners execute a line
  ``::error ...`` as a workflow command), and ESC or OSC sequences must not reach a terminal;
- :func:`xml_text` for XML formats: XML 1.0 cannot carry most control characters even escaped,
  and a document holding one does not parse.
"""

from __future__ import annotations

import re
from functools import cache

# Long enough for any id (at most 100 characters), a name or a date; short enough that a
# message stays a readable line.
SHOWN_LENGTH = 200
ELLIPSIS = "…"

# C0 and C1 controls and DEL; the line and paragraph separators some terminals and editors
# break lines at; the bidirectional embeddings, overrides and isolates that reorder what a
# reader sees ("Trojan Source"); the byte-order mark, invisible in the middle of a text.
_OTHERS = "\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff"
_UNPRINTABLE = re.compile(f"[\x00-\x1f{_OTHERS}]")
_UNPRINTABLE_IN_LINES = re.compile(f"[\x00-\x08\x0b-\x1f{_OTHERS}]")  # keeps tab and line feed
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
# Compiled when first used (its ranges take milliseconds to compile): only the XML formats need it.
_NOT_XML_PATTERN = "[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"


def shorten(value: object, limit: int = SHOWN_LENGTH) -> str:
    """``value`` as text, cut to ``limit`` characters with an ellipsis when it is longer."""
    text = value if isinstance(value, str) else str(value)
    if len(text) <= limit:
        return text
    return text[: limit - 1] + ELLIPSIS


def _escape(match: re.Match[str]) -> str:
    character = match[0]
    if character in _NAMED:
        return _NAMED[character]
    code = ord(character)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def printable(text: str, *, lines: bool = False) -> str:
    """``text`` with every control character written as a visible escape (``\\x1b``, ``\\n``).

    With ``lines``, line breaks and tabs are kept (a principle's implications are a list); a
    carriage return, ESC and the other controls are still escaped.
    """
    if _plainly_printable(text, lines):  # the common case: nothing to do, no copy
        return text
    pattern = _UNPRINTABLE_IN_LINES if lines else _UNPRINTABLE
    if pattern.search(text) is None:
        return text
    return pattern.sub(_escape, text)


def _plainly_printable(text: str, lines: bool) -> bool:
    """True when ``text`` holds none of the characters :func:`printable` escapes, decided fast.

    ``str.isprintable`` scans in C, several times faster than a regular expression over a page
    of the site, and rejects every character escaped here (C0 and C1 controls and DEL are
    category Cc, the line and paragraph separators Zl and Zp, the bidirectional controls and the
    byte-order mark Cf). It also rejects characters that are fine as they are: the no-break
    spaces numbers are grouped with, and with ``lines`` the line feed and tab; those are made
    plain spaces for the test. False says only "maybe": the regular expression then decides.
    """
    plain = text.replace("\u00a0", " ").replace("\u202f", " ")
    if lines:
        plain = plain.replace("\n", " ").replace("\t", " ")
    return plain.isprintable()


def xml_text(text: str) -> str:
    """``text`` with every character XML 1.0 cannot carry replaced by U+FFFD."""
    return _not_xml().sub("\ufffd", text)


@cache
def _not_xml() -> re.Pattern[str]:
    return re.compile(_NOT_XML_PATTERN)
