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
from typing import Any


def key(name: str) -> dict[str, Any]:
    """Field metadata for a JSON key that is not a valid Python name: ``field(metadata=key("from"))``."""
    return {"json_name": name}


NOT_IN_JSON: dict[str, Any] = {"json": False}


def plain(value: Any) -> Any:
    """``value`` as dicts, lists, strings, numbers, booleans and None."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            field.metadata.get("json_name", field.name): plain(getattr(value, field.name))
            for field in dataclasses.fields(value)
            if field.metadata.get("json", True)
        }
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {name: plain(item) for name, item in value.items()}
    if isinstance(value, date):
        return value.isoformat()
    return value
