"""Figures and answers as plain JSON values: one helper instead of a `to_json` per class.

Dataclass fields are named as their JSON keys, so the document is the dataclass, field for field,
in field order. Two exceptions, declared on the field rather than in a renaming layer:

- ``json_name``: the key when it cannot be a Python name (``from``, ``to``);
- ``json: False``: a field that is for people, not for other tools (a list of display names).

Dates become ISO text; tuples and lists become lists.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from functools import cache
from typing import Any


def key(name: str) -> dict[str, Any]:
    """Field metadata for a JSON key that is not a valid Python name: ``field(metadata=key("from"))``."""
    return {"json_name": name}


NOT_IN_JSON: dict[str, Any] = {"json": False}


# Leaves, by exact type: most of a report's values, answered before any other test.
_LEAVES = frozenset({str, int, float, bool, type(None)})


def plain(value: Any) -> Any:
    """``value`` as dicts, lists, strings, numbers, booleans and None."""
    kind = type(value)
    if kind in _LEAVES:
        return value
    fields = _json_fields(kind)
    if fields is not None:
        return {name: plain(getattr(value, attribute)) for name, attribute in fields}
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {name: plain(item) for name, item in value.items()}
    if isinstance(value, date):
        return value.isoformat()
    return value


@cache
def _json_fields(kind: type) -> tuple[tuple[str, str], ...] | None:
    """(JSON key, attribute) of each field a dataclass shows in JSON; None for other types.
    Once per class: a national group's report serialises millions of values."""
    if not dataclasses.is_dataclass(kind):
        return None
    return tuple((field.metadata.get("json_name", field.name), field.name)
                 for field in dataclasses.fields(kind) if field.metadata.get("json", True))
