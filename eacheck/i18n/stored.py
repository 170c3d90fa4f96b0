"""Messages as plain data, and back: for the cache of checked files and for worker processes.

The per-file stage (:mod:`eacheck.loading.pipeline`) keeps what it found in a ``marshal`` cache
and sends it between processes, and marshal takes only plain values. :func:`dump` turns a
:class:`~eacheck.i18n.Message` into tagged tuples of plain values; :func:`load` rebuilds it.

The cache is a file on disk that something other than eacheck could have written, so
:func:`load` trusts nothing: every tuple must have exactly its tag's shape, a formatted value
must be one of the classes of :data:`FORMATTED` (by name, never looked up anywhere else) with
fields of the types they declare, and anything else raises :class:`ValueError`. A crafted
entry can at worst make a message that says something odd; it cannot make eacheck build an
object of any other class.

The forms (values recursively in the same forms):

- ``("M", text, ((name, value), ...), plural or None, count)`` a message;
- ``("T", (value, ...))`` a tuple, ``("S", (value, ...))`` a frozenset;
- ``("D", "2026-11-27")`` a date;
- ``("F", class name, (field value, ...))`` a formatted value (:mod:`eacheck.i18n.formats`);
- ``str``, ``int``, ``float``, ``bool`` and ``None`` as themselves.

The same plain form, written as JSON, is a message's language-free identity: :func:`code`.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from typing import Any

from eacheck.i18n import Message
from eacheck.i18n import formats

# The formatted values a stored message may hold: every subclass of Formatted, by name.
FORMATTED: dict[str, type[formats.Formatted]] = {
    cls.__name__: cls
    for cls in (formats.Number, formats.Money, formats.Percent, formats.Either, formats.Quoted,
                formats.Country, formats.Chain, formats.Named)
}
# What each declared field type may hold when loaded (the annotations are strings: the
# module uses postponed evaluation).
_FIELD_TYPES: dict[str, tuple[type, ...]] = {
    "float": (int, float), "int": (int,), "bool": (bool,), "str": (str,), "tuple": (tuple,),
}
_PLAIN = (str, int, float, bool, type(None))
# Nested messages are a handful of levels deep; a stored value much deeper was not written by
# eacheck, and must not exhaust the stack.
MAX_DEPTH = 20


def dump(value: Any) -> Any:
    """``value`` (a message, or anything a message may hold) as plain data; TypeError for a
    value no message holds."""
    if isinstance(value, Message):
        return ("M", value.text, tuple((name, dump(item)) for name, item in value.values),
                value.plural, value.count)
    if type(value) in _PLAIN:
        return value
    if isinstance(value, tuple):
        return ("T", tuple(dump(item) for item in value))
    if isinstance(value, frozenset):
        return ("S", tuple(sorted((dump(item) for item in value), key=repr)))
    if type(value) is date:
        return ("D", value.isoformat())
    if type(value).__name__ in FORMATTED and FORMATTED[type(value).__name__] is type(value):
        return ("F", type(value).__name__,
                tuple(dump(getattr(value, field.name)) for field in dataclasses.fields(value)))
    raise TypeError(f"a message cannot be stored with a value of type {type(value).__name__}")


def load(data: Any) -> Message:
    """The message :func:`dump` made of ``data``; ValueError when ``data`` is not exactly that."""
    found = _value(data, 0)
    if not isinstance(found, Message):
        raise ValueError("not a stored message")
    return found


def code(message: Message, leave_out: frozenset[str] = frozenset()) -> str:
    """What ``message`` says, independent of the language it is shown in: its English text
    (the message id) and values, as compact JSON. Values named in ``leave_out`` are left out
    at every depth (positions, suggestions: what must not make a finding count as another)."""
    return json.dumps(dump(_without(message, leave_out)), ensure_ascii=False, separators=(",", ":"))


def _without(value: Any, leave_out: frozenset[str]) -> Any:
    if isinstance(value, Message):
        values = tuple((name, _without(item, leave_out)) for name, item in value.values if name not in leave_out)
        return Message(value.text, values, value.plural, value.count)
    if isinstance(value, tuple):
        return tuple(_without(item, leave_out) for item in value)
    return value


def _value(data: Any, depth: int) -> Any:
    if type(data) in _PLAIN:
        return data
    if type(data) is not tuple or not data or depth > MAX_DEPTH:
        raise ValueError("not a stored value")
    tag = data[0]
    if tag == "M" and len(data) == 5:
        _, text, values, plural, count = data
        if (type(text) is not str or type(values) is not tuple or type(count) is not int
                or (plural is not None and type(plural) is not str)):
            raise ValueError("not a stored message")
        pairs = []
        for pair in values:
            if type(pair) is not tuple or len(pair) != 2 or type(pair[0]) is not str:
                raise ValueError("not a stored value of a message")
            pairs.append((pair[0], _value(pair[1], depth + 1)))
        return Message(text, tuple(pairs), plural, count)
    if tag in ("T", "S") and len(data) == 2 and type(data[1]) is tuple:
        items = tuple(_value(item, depth + 1) for item in data[1])
        return items if tag == "T" else frozenset(items)
    if tag == "D" and len(data) == 2 and type(data[1]) is str:
        return date.fromisoformat(data[1])
    if tag == "F" and len(data) == 3 and type(data[1]) is str and type(data[2]) is tuple:
        cls = FORMATTED.get(data[1])
        fields = dataclasses.fields(cls) if cls is not None else ()
        if cls is None or len(data[2]) != len(fields):
            raise ValueError("not a stored formatted value")
        values = [_value(item, depth + 1) for item in data[2]]
        for field, item in zip(fields, values):
            if type(item) not in _FIELD_TYPES.get(field.type, ()):
                raise ValueError(f"not a stored {data[1]}")
        return cls(*values)
    raise ValueError("not a stored value")
