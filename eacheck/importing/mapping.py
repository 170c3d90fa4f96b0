"""The mapping file: which sheet becomes which kind, and which column fills which key (SPEC §7).

It is read with eacheck's own safe YAML parser, which records the line of every key, and checked
against a JSON Schema (``mapping.schema.json``) and against the kinds' own schemas: every key it
fills must be a key of the kind, and every key the kind requires must be filled. Each problem
names the mapping's file and line. The columns it names are kept with their lines, so that a
column the file lacks is reported where the mapping names it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from eacheck.i18n import msg
from eacheck.importing.problems import Problem, Where
from eacheck.importing.text import closest, normalized
from eacheck.loading import yaml_parser
from eacheck.model import schema_validation
from eacheck.model.naming import a

KINDS = ("organization", "capability", "system", "integration")
_SCHEMA_NAME = "import-mapping"


@dataclass(frozen=True, slots=True)
class Column:
    """A column the mapping names, and the line where it names it."""

    name: str
    line: int


@dataclass
class FieldSpec:
    key: str                         # as written: "lifecycle.status"
    path: tuple[str, ...]            # ("lifecycle", "status")
    line: int
    column: Column | None = None
    value: Any = None                # the same value for every row, when no column
    lookup: str | None = None
    split: str | None = None
    choices: dict[str, Any] | None = None   # map: normalized cell text -> value
    choice_texts: tuple[str, ...] = ()      # map's keys as written, for messages
    type: str = "text"
    is_list: bool = False            # the key holds a list


@dataclass
class IdSpec:
    line: int
    column: Column | None = None
    slug: bool = False
    slug_from: tuple[Column, ...] = ()


@dataclass
class TableSpec:
    index: int
    line: int
    kind: str
    id: IdSpec
    sheet: str | None = None
    header_row: int = 1
    fields: list[FieldSpec] = field(default_factory=list)
    # Columns of fields left out for their problems: still looked for in the sheet, so that a
    # missing one is said in the same run.
    unread: list[Column] = field(default_factory=list)

    def columns(self) -> list[Column]:
        """Every column the table names, in the order the mapping names them."""
        named = [self.id.column, *self.id.slug_from, *(spec.column for spec in self.fields), *self.unread]
        return [column for column in named if column is not None]


@dataclass
class Mapping:
    label: str
    tables: list[TableSpec]


@cache
def schema() -> dict[str, Any]:
    text = resources.files("eacheck.importing").joinpath("mapping.schema.json").read_text(encoding="utf-8")
    loaded = json.loads(text)
    schema_validation.register(_SCHEMA_NAME, loaded)
    return loaded


def read(path: Path, label: str) -> tuple[Mapping | None, list[Problem]]:
    """The mapping at ``path`` (shown as ``label``) and every problem with it.

    With problems, the mapping holds only the tables whose sheet and columns can still be
    checked (None when it has no list of tables): the caller checks them, but reads no row.
    """
    def problem(line: int, message) -> Problem:
        return Problem(Where(label, line, order=(-1, line)), message)

    try:
        text = yaml_parser.decode(path.read_bytes())
    except ValueError as error:
        line, _, message = error.args
        return None, [problem(line, message)]
    parsed = yaml_parser.parse(text)
    problems = [problem(p.line, p.message) for p in parsed.problems]
    documents = [document for document in parsed.documents if document.value is not None]
    if problems:
        return None, problems
    if len(documents) != 1:
        line = documents[1].line if documents else 1
        return None, [problem(line, msg("a mapping is one YAML document with 'tables'; see docs/import.md"))]
    document = documents[0]

    def line_of(*steps) -> int:
        found = document.positions.of(steps)
        return found[0] if found else document.line

    schema()
    issues = schema_validation.validate(_SCHEMA_NAME, document.value, whole=msg("the mapping"))
    problems = [problem(line_of(*issue.path), issue.message) for issue in issues]
    raw_tables = document.value.get("tables") if isinstance(document.value, dict) else None
    if not isinstance(raw_tables, list):
        return None, problems
    # A schema problem makes only its own part unusable: a wrong field is left out of its
    # table, a wrong table out of the mapping, and the rest is still checked here and against
    # the sheets, so that one run reports every problem (the rows are read only when none).
    tables = []
    for index, table in enumerate(raw_tables):
        own = [issue.path[2:] for issue in issues if issue.path[:2] == ("tables", index)]
        if not _checkable(table, own):
            continue
        broken = {str(path[1]) for path in own if len(path) >= 2 and path[0] == "fields"}
        spec, found = _table(index, table, lambda *steps, i=index: line_of("tables", i, *steps), broken)
        problems += [problem(line, message) for line, message in found]
        if not any(_hides_the_sheet(path) for path in own):
            tables.append(spec)
    return Mapping(label, tables), problems


_SHEET_KEYS = {"sheet": "sheet", "header_row": "header_row"}


def _hides_the_sheet(path: tuple[Any, ...]) -> bool:
    """Whether a schema issue at ``path`` (inside a table) leaves its sheet or header row
    unknown: a wrong 'sheet' or 'header_row', or an unknown key that may be one misspelt.
    Checking the sheet then would only report problems that are not there."""
    if not path or path[0] == "fields":
        return False
    key = str(path[0])
    return key in _SHEET_KEYS or (len(path) == 1 and key not in ("kind", "id")
                                  and bool(closest(key, _SHEET_KEYS, n=1)))


def _checkable(raw: Any, issues: list[tuple[Any, ...]]) -> bool:
    """Whether a table with these schema issues (paths inside it) says enough to be checked
    further: an object with a kind, an id and fields that the schema takes as they are."""
    if not isinstance(raw, dict) or raw.get("kind") not in KINDS or "id" not in raw:
        return False
    if not isinstance(raw.get("fields"), dict):
        return False
    return not any(path[:1] in (("kind",), ("id",)) or path == ("fields",) for path in issues)


def _column(value: Any, line: int) -> Column:
    return Column(value.strip(), line)


def _table(index: int, raw: dict[str, Any], line_of, broken: set[str] = frozenset()
           ) -> tuple[TableSpec, list[tuple[int, Any]]]:
    """The table's spec and its problems; the ``broken`` fields (which break the schema, said
    already) are left out, but count as filled."""
    problems: list[tuple[int, Any]] = []
    kind = raw["kind"]
    id_spec = _id_spec(raw["id"], line_of, problems)
    table = TableSpec(index, line_of(), kind, id_spec, raw.get("sheet"), raw.get("header_row", 1))
    kind_schema = schema_validation.schema_for(kind)
    leaves = schema_validation.leaf_paths(kind)
    for key, given in raw["fields"].items():
        if key in broken:
            column = given.get("from") if isinstance(given, dict) else given
            if isinstance(column, str) and column.strip():
                line = line_of("fields", key, "from") if isinstance(given, dict) else line_of("fields", key)
                table.unread.append(_column(column, line))
            continue
        spec = _field(key, given, line_of("fields", key), line_of, kind, kind_schema, leaves, problems)
        if spec is not None:
            table.fields.append(spec)
    filled = {spec.path for spec in table.fields} | {tuple(key.split(".")) for key in broken}
    for required in _required_paths(kind_schema):
        if required not in filled and required not in (("kind",), ("id",)):
            problems.append((line_of("fields"), msg(
                "the table fills no '{key}', which {a_kind} needs; add e.g. '{key}: COLUMN' under fields",
                key=".".join(required), a_kind=a(kind))))
    return table, problems


def _id_spec(raw: Any, line_of, problems) -> IdSpec:
    line = line_of("id")
    if isinstance(raw, str):
        return IdSpec(line, _column(raw, line))
    spec = IdSpec(line)
    if "from" in raw:
        spec.column = _column(raw["from"], line_of("id", "from"))
    spec.slug = raw.get("slug", False)
    slug_from = raw.get("slug_from")
    if isinstance(slug_from, str):
        spec.slug_from = (_column(slug_from, line_of("id", "slug_from")),)
    elif slug_from:
        spec.slug_from = tuple(_column(name, line_of("id", "slug_from", i)) for i, name in enumerate(slug_from))
    if spec.column is None and not spec.slug_from:
        problems.append((line, msg("'id' needs 'from' (a column with the ids) or 'slug_from' (a column to "
                                   "derive them from)")))
    if spec.slug and spec.column is None:
        problems.append((line, msg("'slug: true' derives the id from the column in 'from'; add 'from'")))
    return spec


def _field(key: str, given: Any, line: int, line_of, kind: str, kind_schema, leaves, problems) -> FieldSpec | None:
    path = tuple(key.split("."))
    if path in (("kind",), ("id",)):
        problems.append((line, msg("'{key}' is not filled from a column: the table's 'kind' and 'id' "
                                   "say it", key=key)))
        return None
    node = _schema_at(kind_schema, path)
    if node is None:
        close = closest(key, {".".join(leaf): ".".join(leaf) for leaf in leaves}, n=1)
        hint = msg("did you mean '{key}'?", key=close[0]) if close else msg(
            "see docs/format.md for the keys of {a_kind}", a_kind=a(kind))
        problems.append((line, msg("'{key}' is not a key of {a_kind}; {hint}", key=key, a_kind=a(kind), hint=hint)))
        return None
    if node.get("type") == "object":
        inner = ", ".join(f"{key}.{name}" for name in node.get("properties", {}))
        problems.append((line, msg("'{key}' is a group of keys; fill its keys one by one: {keys}",
                                   key=key, keys=inner)))
        return None
    is_list = node.get("type") == "array"
    spec = FieldSpec(key, path, line, is_list=is_list, type=_default_type(path, node))
    if isinstance(given, str):
        spec.column = _column(given, line)
        return spec
    if ("from" in given) == ("value" in given):
        problems.append((line, msg("'{key}' needs either 'from' (a column) or 'value' (the same value "
                                   "for every row)", key=key)))
        return None
    if "from" in given:
        spec.column = _column(given["from"], line_of("fields", key, "from"))
    else:
        spec.value = given["value"]
    spec.lookup = given.get("lookup")
    spec.split = given.get("split")
    if "type" in given:
        spec.type = given["type"]
    if spec.split is not None and not is_list:
        problems.append((line_of("fields", key, "split"), msg(
            "'{key}' holds one value, not a list; leave out 'split'", key=key)))
    if "map" in given:
        if "type" in given:
            problems.append((line_of("fields", key, "type"), msg(
                "'map' gives the values of '{key}'; leave out 'type'", key=key)))
        spec.choices = {}
        for text, value in given["map"].items():
            folded = normalized(str(text))
            if folded in spec.choices:
                problems.append((line_of("fields", key, "map", text), msg(
                    "'{value}' is in the map twice (case and spaces do not count); keep one", value=text)))
            spec.choices[folded] = value
        spec.choice_texts = tuple(str(text) for text in given["map"])
    return spec


def _schema_at(kind_schema: dict[str, Any], path: tuple[str, ...]) -> dict[str, Any] | None:
    node = kind_schema
    for step in path:
        properties = node.get("properties") if isinstance(node, dict) else None
        if not properties or step not in properties:
            return None
        node = properties[step]
    return node


def required_paths(kind: str) -> list[tuple[str, ...]]:
    """Every key ``kind`` requires (nested keys as paths)."""
    return _required_paths(schema_validation.schema_for(kind))


def _required_paths(kind_schema: dict[str, Any], prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = []
    for key in kind_schema.get("required", []):
        node = kind_schema.get("properties", {}).get(key, {})
        if node.get("type") == "object" and node.get("required"):
            found += _required_paths(node, (*prefix, key))
        else:
            found.append((*prefix, key))
    return found


# Keys that hold amounts of money read "1 200 000 kr" as well as 1200000.
_MONEY_KEYS = {("cost", "annual"), ("estimated_annual_cost",)}


def _default_type(path: tuple[str, ...], node: dict[str, Any]) -> str:
    """The type a field has when the mapping names none: the key's own type."""
    if path in _MONEY_KEYS:
        return "money"
    node = node.get("items", node) if node.get("type") == "array" else node
    kinds = node.get("type")
    if kinds == "integer" or "minimum" in node and kinds is None:
        return "integer"
    if kinds == "boolean":
        return "boolean"
    if node.get("format") == "date":
        return "date"
    if kinds is None and "enum" in node and all(isinstance(v, int) for v in node["enum"]):
        return "integer"
    return "text"
