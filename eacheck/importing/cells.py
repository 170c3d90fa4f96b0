"""One cell to one value: the types of SPEC §7 (text, money, date, boolean, integer).

A cell arrives as openpyxl gives it (text, a whole or decimal number, a date or date-time, true
or false) or as text from a CSV file. Each conversion either returns the value eacheck writes or
raises :class:`CellError` with a message that says what is wrong and, where the cell can be read
as people mean it ("1,2 mnkr", "31/3 2027"), what to write instead. Nothing is guessed into the
files: a guess is only ever offered in the message.
"""

from __future__ import annotations

import datetime
import re
from typing import Any

from eacheck.i18n import Message, msg
from eacheck.importing.text import normalized, shown, trim

TYPES = ("text", "money", "date", "boolean", "integer")


class CellError(Exception):
    def __init__(self, message: Message) -> None:
        super().__init__(message)
        self.message = message


_DIGIT_SPACES = re.compile("[ \u00a0\u2007\u202f]")
_WHOLE = re.compile(r"-?[0-9]+\Z")
_CURRENCY = re.compile(r"(?i)(?:kr\.?|sek)\Z")
_ZERO_DECIMALS = re.compile(r"[.,]0+\Z")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")
# What people write for amounts and dates, read only to suggest what to write instead.
_AMOUNT_GUESS = re.compile(
    r"(?i)(?:ca\.?|cirka|ungefär|~)?\s*([0-9][0-9 \u00a0\u202f]*(?:[.,][0-9]+)?)\s*"
    r"(mnkr|mkr|msek|miljoner|milj\.?|mn|tkr|tsek|ksek|tusen)?\s*(?:kr\.?|sek|kronor|:-)?\Z"
)
_MULTIPLIERS = {"mnkr": 10**6, "mkr": 10**6, "msek": 10**6, "miljoner": 10**6, "milj": 10**6,
                "milj.": 10**6, "mn": 10**6, "tkr": 10**3, "tsek": 10**3, "ksek": 10**3, "tusen": 10**3}
_DATE_GUESS = re.compile(r"([0-9]{1,2})[/.-]([0-9]{1,2})[/.\- ]\s*([0-9]{4})\Z")
# A date and a time, as a CSV file from Excel gives a date-time cell: "2027-03-31 00:00".
_DATE_TIME_GUESS = re.compile(r"([0-9]{4}-[0-9]{2}-[0-9]{2})[ T][0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]*)?)?\Z")
# Year first without the zeros: "2027-3-31", "2027/03/31".
_YEAR_FIRST_GUESS = re.compile(r"([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})\Z")
# A long Swedish date, as Excel shows one: "31 mars 2027", "den 31 mars 2027".
_LONG_DATE_GUESS = re.compile(r"(?i)(?:den\s+)?([0-9]{1,2})\s+([a-zåäö]+)\.?\s+([0-9]{4})\Z")
_MONTHS = {name: number for number, names in enumerate(
    (("januari", "jan"), ("februari", "feb"), ("mars", "mar"), ("april", "apr"), ("maj",), ("juni", "jun"),
     ("juli", "jul"), ("augusti", "aug"), ("september", "sep", "sept"), ("oktober", "okt"),
     ("november", "nov"), ("december", "dec")), start=1) for name in names}
# Swedish Excel writes its booleans as SANT and FALSKT when it saves a sheet as CSV.
_TRUE = {"ja", "true", "x", "sant"}
_FALSE = {"nej", "false", "falskt"}


def convert(value: Any, type_name: str) -> Any:
    """``value`` (never empty) as ``type_name``; :class:`CellError` when it cannot be."""
    return _CONVERTERS[type_name](value)


def text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat(" ")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value if isinstance(value, str) else str(value)


def money(value: Any) -> int:
    if isinstance(value, bool) or isinstance(value, (datetime.date, datetime.time)):
        raise CellError(_not_amount(text(value), None))
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if value.is_integer():
            return int(value)
        raise CellError(_not_amount(text(value), round(value)))
    compact = _CURRENCY.sub("", _DIGIT_SPACES.sub("", value))
    compact = _ZERO_DECIMALS.sub("", compact)
    if _WHOLE.match(compact):
        return int(compact)
    raise CellError(_not_amount(value, _guess_amount(value)))


def _guess_amount(value: str) -> int | None:
    match = _AMOUNT_GUESS.match(trim(value))
    if not match:
        return None
    figure = _DIGIT_SPACES.sub("", match[1]).replace(",", ".")
    try:
        amount = float(figure) * _MULTIPLIERS.get((match[2] or "").lower(), 1)
    except ValueError:
        return None
    return round(amount) if abs(amount - round(amount)) < 1e-6 else None


def _not_amount(value: str, guess: int | None) -> Message:
    if guess is not None:
        return msg("'{value}' is not an amount; write the whole number, without 'ca' or "
                   "units other than kr, e.g. {example}", value=shown(value), example=str(guess))
    return msg("'{value}' is not an amount; write a whole number such as 1200000 or "
               "1 200 000 kr", value=shown(value))


def date(value: Any) -> str:
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, str):
        candidate = trim(value)
        if _ISO_DATE.match(candidate):
            try:
                return datetime.date.fromisoformat(candidate).isoformat()
            except ValueError:
                raise CellError(msg("'{value}' is not a real date; write YYYY-MM-DD",
                                    value=shown(value))) from None
        guess = _guess_date(candidate)
        if guess:
            raise CellError(msg("'{value}' is not a date as eacheck reads them; write YYYY-MM-DD, "
                                "e.g. {example}", value=shown(value), example=guess))
        raise CellError(msg("'{value}' is not a date; write YYYY-MM-DD", value=shown(value)))
    raise CellError(msg("'{value}' is a number, not a date; format the cell as a date or write "
                        "YYYY-MM-DD", value=shown(text(value))))


def _guess_date(value: str) -> str | None:
    if match := _DATE_TIME_GUESS.match(value):
        return _real_date(match[1])
    if match := _LONG_DATE_GUESS.match(value):
        month = _MONTHS.get(match[2].lower())
        if month is None:
            return None
        day, year = int(match[1]), int(match[3])
    elif match := _DATE_GUESS.match(value):
        day, month, year = (int(part) for part in match.groups())
    elif match := _YEAR_FIRST_GUESS.match(value):
        year, month, day = (int(part) for part in match.groups())
    else:
        return None
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None


def _real_date(text: str) -> str | None:
    try:
        return datetime.date.fromisoformat(text).isoformat()
    except ValueError:
        return None


def boolean(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    word = normalized(text(value))
    if word in _TRUE:
        return True
    if word in _FALSE:
        return False
    raise CellError(msg("'{value}' is not yes or no; write ja, nej, true, false or x (an empty "
                        "cell leaves the key out)", value=shown(text(value))))


def integer(value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        compact = _DIGIT_SPACES.sub("", trim(value))
        if _WHOLE.match(compact):
            return int(compact)
    raise CellError(msg("'{value}' is not a whole number; write digits only, e.g. 1200",
                        value=shown(text(value))))


_CONVERTERS = {"text": text, "money": money, "date": date, "boolean": boolean, "integer": integer}
