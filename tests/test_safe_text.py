"""safe_text: what reaches a terminal, a log or a page is never a control character.

The fast test (``str.isprintable`` over the text with its harmless no-break spaces made plain)
must never call a text clean that the regular expression would escape: checked here for every
character of Unicode, alone and inside a page-sized text, in both modes.
"""

from __future__ import annotations

import sys

import pytest

from eacheck.safe_text import _UNPRINTABLE, _UNPRINTABLE_IN_LINES, printable, shorten


@pytest.mark.parametrize("lines", [False, True])
def test_the_fast_test_never_lets_through_what_the_expression_escapes(lines):
    pattern = _UNPRINTABLE_IN_LINES if lines else _UNPRINTABLE
    escaped = 0
    for code in range(sys.maxunicode + 1):
        character = chr(code)
        text = "Lönesystem – 1\u00a0200\u00a0kr" + ("\n" if lines else " ") + character + ("\tslut" if lines else " slut")
        expected = pattern.sub(lambda match: "?", text) != text
        shown = printable(text, lines=lines)
        if expected:
            escaped += 1
            assert shown != text, hex(code)
            assert pattern.search(shown) is None, hex(code)
    # C0 (less tab and line feed in lines mode), DEL, C1, U+2028/2029, five embeddings and
    # overrides, four isolates, the byte-order mark
    assert escaped == (32 - 2 if lines else 32) + 1 + 32 + 2 + 5 + 4 + 1


def test_plain_text_comes_back_as_the_same_object():
    page = "<p>Lönesystem kostar 1\u00a0200\u00a0kr – se 10\u202f%</p>\n" * 1000
    assert printable(page, lines=True) is page


@pytest.mark.parametrize("text, lines, shown", [
    ("a\x1b[31mb", False, "a\\x1b[31mb"),
    ("rad 1\nrad 2", False, "rad 1\\nrad 2"),
    ("rad 1\nrad 2\tslut", True, "rad 1\nrad 2\tslut"),
    ("a\r\nb", True, "a\\r\nb"),
    ("höger\u202eväns", True, "höger\\u202eväns"),
    ("\ufeffid", False, "\\ufeffid"),
    ("C1\x85här", True, "C1\\x85här"),
])
def test_control_characters_are_written_as_visible_escapes(text, lines, shown):
    assert printable(text, lines=lines) == shown


def test_a_long_value_is_cut_with_an_ellipsis():
    assert shorten("x" * 500) == "x" * 199 + "…"
    assert shorten("kort") == "kort"
