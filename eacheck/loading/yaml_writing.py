"""YAML as an architect writes it: the values eacheck writes into files (`new`, `import`).

Every scalar is written plain when it reads back as the same value, in eacheck's YAML 1.2 and in
the YAML 1.1 tools many editors and pipelines still use; otherwise it is double-quoted. So `SE`
and `Lönesystem` stay plain, while `NO` (a boolean to YAML 1.1), `1_000` (a number to YAML 1.1),
`12:30` (sexagesimal to YAML 1.1), `2026-01-01` in a text (a timestamp to YAML 1.1) and `2027`
(a number, where text is meant) are quoted. Dates — the values of keys the schema declares as
dates — are written plain, as dates. Keys follow the order of the kind's JSON Schema, which is the order
docs/format.md documents.
"""

from __future__ import annotations

import datetime
import functools
import json
import re
import textwrap
from typing import Any

# Words that YAML 1.1 tools read as booleans: quoted so that every tool reads the same text.
_YAML_11_BOOLEANS = {"y", "n", "yes", "no", "on", "off", "true", "false"}
# Numbers only YAML 1.1 sees: digits with underscores, sexagesimal (1:20), binary (0b101).
_YAML_11_NUMBERS = re.compile(
    r"[-+]?(?:[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?|[0-9][0-9_]*_[0-9_]*(?:\.[0-9_]*)?|0b[01_]+)\Z"
)
# Timestamps of YAML 1.1 (and of PyYAML, ruamel's default): a date, or a date and a time. Plain,
# they read as a date or a date-time there, never as the text an id or a name means.
_YAML_11_TIMESTAMP = re.compile(
    r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?"
    r"(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)?\Z"
)
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")
WIDTH = 88


def yaml_value(value: Any) -> str:
    """``value`` (text or a list of texts) as a YAML 1.2 scalar or flow list that reads back the same."""
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(yaml_value(item) for item in value) + "]"
    text = str(value)
    if _plain_is_safe(text):
        return text
    # A JSON string is a valid YAML double-quoted scalar.
    return json.dumps(text, ensure_ascii=False)


# Most values are names and ids: letters, digits, spaces and a few marks, starting with a
# letter. Such a text is plain YAML unless it is one of the words YAML gives a meaning.
_PLAIN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ][A-Za-z0-9À-ÖØ-öø-ÿ .,()/&+'-]*[A-Za-z0-9À-ÖØ-öø-ÿ.)]\Z|[A-Za-zÀ-ÖØ-öø-ÿ]\Z")
_MEANINGFUL = _YAML_11_BOOLEANS | {"null", "nan", "inf"}


@functools.lru_cache(maxsize=65536)
def _plain_is_safe(text: str) -> bool:
    if _PLAIN.match(text) and " #" not in text and text.lower() not in _MEANINGFUL:
        return True
    return (
        text.lower() not in _YAML_11_BOOLEANS
        and not _YAML_11_NUMBERS.match(text)
        and not _YAML_11_TIMESTAMP.match(text)
        and _reads_back(text, text)
    )


def yaml_folded(value: str, indent: int = 2) -> str:
    """Long text as a folded block (``>-``) wrapped for reading, when it reads back the same."""
    if len(value) > 60 and "\n" not in value:
        lines = textwrap.wrap(value, width=WIDTH - indent, break_long_words=False, break_on_hyphens=False)
        block = ">-\n" + "\n".join(" " * indent + line for line in lines)
        if _reads_back(block, value):
            return block
    if "\n" in value:
        block = "|-\n" + "\n".join((" " * indent + line) if line else "" for line in value.split("\n"))
        if _reads_back(block, value):
            return block
    return yaml_value(value)


def scalar(value: Any, indent: int = 2, date: bool = False) -> str:
    """Any value of a document as YAML: true/false, numbers, dates, text, flow lists.

    ``date``: the value is a date (its key is one), so `YYYY-MM-DD` text is written plain, as a
    date; anywhere else such text is quoted, because YAML 1.1 tools would read a date.
    """
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if date and isinstance(value, str) and _ISO_DATE.match(value):
        return value
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(scalar(item, date=date) for item in value) + "]"
    if value is None:
        return "null"
    text = str(value)
    return yaml_folded(text, indent) if len(text) > 60 or "\n" in text else yaml_value(text)


def _reads_back(written: str, expected: Any) -> bool:
    from eacheck.loading import yaml_parser

    if written != written.strip() and not written.startswith((">-", "|-")):
        return False
    parsed = yaml_parser.parse(f"key: {written}\n")
    return not parsed.problems and [d.value for d in parsed.documents] == [{"key": expected}]


def key_order(schema: dict[str, Any]) -> list[str]:
    """The keys of a mapping schema in documented order."""
    return list(schema.get("properties", {}))


def document(kind: str, value: dict[str, Any]) -> str:
    """One entity as a YAML document: keys in the order of its schema, nested mappings as
    blocks, lists of plain values in flow style (``[a, b]``), lists of mappings as blocks."""
    from eacheck.model.schema_validation import schema_for

    lines: list[str] = []
    _mapping(lines, value, schema_for(kind), 0)
    return "\n".join(lines) + "\n"


def _ordered(value: dict[str, Any], schema: dict[str, Any]) -> list[str]:
    order = {key: index for index, key in enumerate(key_order(schema))}
    return sorted(value, key=lambda key: (order.get(key, len(order)), key))


def _mapping(lines: list[str], value: dict[str, Any], schema: dict[str, Any], indent: int) -> None:
    pad = " " * indent
    properties = schema.get("properties", {})
    for key in _ordered(value, schema):
        item = value[key]
        inner = properties.get(key, {})
        name = yaml_value(key)
        if isinstance(item, dict):
            lines.append(f"{pad}{name}:")
            _mapping(lines, item, inner, indent + 2)
        elif isinstance(item, list) and any(isinstance(entry, dict) for entry in item):
            lines.append(f"{pad}{name}:")
            for entry in item:
                entry_lines: list[str] = []
                _mapping(entry_lines, entry, inner.get("items", {}), indent + 4)
                entry_lines[0] = f"{pad}  - {entry_lines[0][indent + 4:]}"
                lines.extend(entry_lines)
        else:
            is_date = inner.get("format") == "date" or inner.get("items", {}).get("format") == "date"
            lines.append(f"{pad}{name}: {scalar(item, indent + 2, date=is_date)}")
