"""Text from spreadsheets: trimming, the slug rule, matching names, showing cells safely."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

# Trimmed like spaces: Excel and web copies are full of no-break spaces.
_SPACES = " \t\u00a0\u2007\u202f\u200b\ufeff"
_WHITESPACE_RUN = re.compile(f"[\\s{_SPACES}]+")
# C0 and C1 controls and DEL, except tab and line feed; the line and paragraph separators;
# the bidirectional overrides that reorder what a reader sees.
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_SHOWN = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_SLUG_LETTERS = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "ü": "u"})
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
SHOWN_LENGTH = 80


def trim(text: str) -> str:
    """``text`` without surrounding spaces, no-break spaces included."""
    return text.strip(_SPACES + "\r\n")


def normalized(text: str) -> str:
    """How lookups and maps compare: case-folded, every run of whitespace one space, and a
    letter written as a letter plus an accent (as macOS and some PDFs give "ö") the same as the
    one-character letter."""
    return unicodedata.normalize("NFC", _WHITESPACE_RUN.sub(" ", text).strip().casefold())


def slug(text: str) -> str:
    """SPEC §7: lower-case; å, ä → a; ö → o; é → e; ü → u; every run of other characters
    outside [a-z0-9] → one hyphen; no hyphen first or last. An "ö" written as "o" plus a
    combining diaeresis is the letter ö (Unicode NFC), not an o followed by a mark."""
    lowered = unicodedata.normalize("NFC", text).lower()
    return _NOT_SLUG.sub("-", lowered.translate(_SLUG_LETTERS)).strip("-")


def shown(value: object) -> str:
    """A cell's value for a message: control characters and line breaks as visible escapes,
    cut to a readable length (a hostile cell must not reach the terminal as it is)."""
    text = str(value)
    if len(text) > SHOWN_LENGTH:
        text = text[: SHOWN_LENGTH - 1] + "…"
    return _SHOWN.sub(lambda match: repr(match[0])[1:-1], text)


def closest(value: str, spellings: Mapping[str, str], n: int = 3) -> list[str]:
    """Up to ``n`` answers whose spelling is most like ``value``, best first: eacheck's one rule
    for "did you mean" (:mod:`eacheck.model.suggestions`), with runs of spaces read as one.

    ``spellings`` maps each way of writing an answer (an id, a name) to the answer (the id), so
    that a misspelt name finds its entity.
    """
    from eacheck.model.suggestions import closest as suggestions

    return suggestions(normalized(value), {normalized(spelling): answer
                                           for spelling, answer in sorted(spellings.items())}, n)
