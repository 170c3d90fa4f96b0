"""Numbers, money, percentages, dates and lists as each language writes them, from CLDR (Babel).

The CLDR data travels inside Babel, so the output depends on the Babel release, never on the
locales installed on the machine; `pyproject.toml` keeps Babel within one major release and
tests/test_i18n.py fixes the exact bytes. Swedish as Språkrådet writes it: a (no-break) space
between thousands, a decimal comma, `47 %`, `1 200 000 kr`, `27 november 2026`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from decimal import ROUND_HALF_UP, Decimal

# CLDR locales: Swedish as in Sweden; English as in the UK, the variety closest to Swedish
# public-sector English (day before month, no "mm/dd").
LOCALES = {"sv": "sv_SE", "en": "en_GB"}


@cache
def _locale(language: str):
    """The CLDR locale of ``language``, parsed once (Babel would parse the name on every call,
    and a run formats thousands of values)."""
    from babel import Locale

    return Locale.parse(LOCALES[language])


def _rounded(value: float, decimals: int) -> Decimal:
    # Half up, as people round: 67.5 % shows as 68 %, not the 68 or 67 of float rounding.
    return Decimal(repr(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


@cache
def _pattern(decimals: int, signed: bool):
    """The CLDR number pattern, parsed once (Babel parses a pattern given as text on every call,
    half the time of formatting a number)."""
    from babel.numbers import parse_pattern

    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return parse_pattern(f"+{pattern};-{pattern}" if signed else pattern)


def number(value: float, language: str, decimals: int = 0, signed: bool = False) -> str:
    """``value`` with ``decimals`` decimals; ``signed`` writes + before a positive change."""
    from babel.numbers import format_decimal

    rounded = _rounded(value, decimals)
    text = format_decimal(rounded, _pattern(decimals, signed), locale=_locale(language), decimal_quantization=False)
    return text[1:] if signed and rounded == 0 else text  # no change is neither + nor -


def points(fraction: float, language: str, signed: bool = True) -> str:
    """A difference of two shares in percentage points, one decimal, without the unit: `+4,0`.

    The hundredfold is taken in decimal, so that a difference of 0.0045 shows as 0.5 (half up),
    not as the 0.4 of the float 0.44999….
    """
    hundredfold = float(Decimal(repr(fraction)) * 100)
    return number(hundredfold, language, 1, signed)


def money(amount: int, language: str, currency: str = "SEK", signed: bool = False) -> str:
    """A whole amount with its currency: `1 200 000 kr`, `SEK 1,200,000`."""
    figure = number(amount, language, signed=signed)
    symbol = _currency_symbol(currency, language)
    if language == "sv":
        return f"{figure}\u00a0{symbol}"
    return f"{symbol}\u00a0{figure}" if not figure.startswith(("+", "-")) else f"{figure[0]}{symbol}\u00a0{figure[1:]}"


@cache
def _currency_symbol(currency: str, language: str) -> str:
    from babel.numbers import get_currency_symbol

    return get_currency_symbol(currency, locale=_locale(language))


def percent(fraction: float, language: str, decimals: int = 0) -> str:
    """A share as a percentage: `47 %` in Swedish, `47%` in English (CLDR's patterns)."""
    from babel.numbers import format_percent

    pattern = "#,##0" + ("." + "0" * decimals if decimals else "") + "%"
    localized = "#,##0" + ("." + "0" * decimals if decimals else "") + "\u00a0%" if language == "sv" else pattern
    # The hundredfold in decimal, as in points(): 0.2985 is 29.85 %, which shows as 29.9 %, not
    # as the 29.8 of the float 29.849999….
    hundredfold = (Decimal(repr(fraction)) * 100).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    return format_percent(hundredfold / 100, localized,
                          locale=_locale(language), decimal_quantization=False)


def long_date(day: date, language: str) -> str:
    """A date in running text: `27 november 2026`, `27 November 2026`."""
    from babel.dates import format_date

    return format_date(day, "d MMMM y", locale=_locale(language))


def join(items: list[str], language: str, style: str = "standard") -> str:
    """`a, b och c` (``style`` "or": `a, b eller c`)."""
    from babel.lists import format_list

    if not items:
        return ""
    return format_list(items, style=style, locale=_locale(language))


class Formatted:
    """A value a message formats for its language when rendered."""

    def format(self, language: str) -> str:  # pragma: no cover - every subclass overrides it
        raise NotImplementedError


@dataclass(frozen=True, slots=True)
class Number(Formatted):
    value: float
    decimals: int = 0
    signed: bool = False

    def format(self, language: str) -> str:
        return number(self.value, language, self.decimals, self.signed)


@dataclass(frozen=True, slots=True)
class Money(Formatted):
    amount: int
    currency: str = "SEK"
    signed: bool = False

    def format(self, language: str) -> str:
        return money(self.amount, language, self.currency, self.signed)


@dataclass(frozen=True, slots=True)
class Percent(Formatted):
    fraction: float
    decimals: int = 0

    def format(self, language: str) -> str:
        return percent(self.fraction, language, self.decimals)


@dataclass(frozen=True, slots=True)
class Either(Formatted):
    """Alternatives: `a, b eller c`."""

    items: tuple

    def format(self, language: str) -> str:
        from eacheck.i18n import render

        return join([render(item, language) for item in self.items], language, style="or")


@dataclass(frozen=True, slots=True)
class Quoted(Formatted):
    """Each item in quotes, joined as a list: `'a', 'b' och 'c'` (ids as written in the files)."""

    items: tuple
    style: str = "standard"

    def format(self, language: str) -> str:
        from eacheck.i18n import shorten

        return join([f"'{shorten(str(item))}'" for item in self.items], language, style=self.style)


@dataclass(frozen=True, slots=True)
class Country(Formatted):
    """A country by its ISO 3166-1 code, named in the language: `USA`, `United States` (the
    code itself when CLDR does not know it)."""

    code: str

    def format(self, language: str) -> str:
        return _locale(language).territories.get(self.code, self.code)


@dataclass(frozen=True, slots=True)
class Chain(Formatted):
    """Ids one after another, as a path is followed: `a -> b -> a` (each cut to a readable
    length, never the whole chain cut in the middle of an id)."""

    items: tuple

    def format(self, language: str) -> str:
        from eacheck.i18n import shorten

        return " -> ".join(shorten(str(item)) for item in self.items)


@dataclass(frozen=True, slots=True)
class Named(Formatted):
    """An id in quotes, followed by its name in the reader's language when it has one:
    `'clear-ownership' (Clear ownership)`. ``names`` are (language, text) pairs; a name given
    in one language only (language "") is shown in every language."""

    option: str
    names: tuple = ()

    def format(self, language: str) -> str:
        from eacheck.i18n import shorten

        if not self.names:
            return f"'{shorten(self.option)}'"
        name = dict(self.names).get(language) or self.names[0][1]
        return f"'{shorten(self.option)}' ({shorten(name)})"
