"""The Jinja2 environment of the site: autoescaping everywhere, the gettext catalogue through
``jinja2.ext.i18n``, and filters that format values in the language of the run.

No template marks text from the repository ``|safe``: a system name like ``<script>`` is shown
as those characters. The only markup that is not autoescaped is what the templates write
themselves.
"""

from __future__ import annotations

from datetime import date
from functools import cache, lru_cache

from jinja2 import Environment, PackageLoader, StrictUndefined

from eacheck import i18n
from eacheck.i18n import formats


@lru_cache(maxsize=4096)
def _number(value: float, language: str, decimals: int) -> str:
    return formats.number(value, language, decimals)


@lru_cache(maxsize=4096)
def _money(amount: int, language: str, currency: str) -> str:
    return formats.money(amount, language, currency)


@lru_cache(maxsize=4096)
def _percent(fraction: float, language: str) -> str:
    return formats.percent(fraction, language)


@lru_cache(maxsize=4096)
def _date(day: date, language: str) -> str:
    return formats.long_date(day, language)


def number(value: float, decimals: int = 0) -> str:
    return _number(value, i18n.current_language(), decimals)


def money(amount: int, currency: str = "SEK") -> str:
    return _money(amount, i18n.current_language(), currency)


def percent(fraction: float) -> str:
    return _percent(fraction, i18n.current_language())


def long_date(day: date | str) -> str:
    return _date(date.fromisoformat(day) if isinstance(day, str) else day, i18n.current_language())


def quarter(text: str) -> str:
    """``2027-Q2`` as people write it: "kvartal 2 2027", "Q2 2027"."""
    year, number = text.split("-Q")
    return i18n._("quarter {number} {year}").format(number=number, year=year)


def join(items) -> str:
    return formats.join([str(item) for item in items], i18n.current_language())


@cache
def environment() -> Environment:
    """One environment per process; the language is the run's, read at every call."""
    env = Environment(
        loader=PackageLoader("eacheck", "output/templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.i18n"],
    )
    env.install_gettext_callables(  # type: ignore[attr-defined]
        gettext=i18n._, ngettext=i18n.ngettext, pgettext=i18n.pgettext, newstyle=True,
    )
    env.filters.update(number=number, money=money, percent=percent, long_date=long_date, joined=join, quarter=quarter)
    return env
