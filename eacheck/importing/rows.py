"""Rows of a spreadsheet to candidate entities, through the mapping (SPEC §7).

Two passes. The first gives every row its id (and name), so that the second can resolve
lookups against every row of the import as well as the repository: a system's owner may be an
organization on another sheet of the same workbook. Every cell that cannot be read becomes a
problem at its sheet, row and column; the row goes on, so that one run reports everything.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eacheck.i18n import msg
from eacheck.i18n.formats import Either
from eacheck.importing import cells
from eacheck.importing.candidates import Candidate
from eacheck.importing.mapping import FieldSpec, Mapping, TableSpec, required_paths
from eacheck.importing.problems import Problem, Where
from eacheck.importing.sheets import RawTable, SourceError, Workbook, column_indexes, read_csv
from eacheck.importing.text import CONTROL, closest, normalized, shown, slug, trim
from eacheck.model.naming import a, kind_name

# Keys whose text may run over several lines.
_MULTILINE = {("description",)}


# -- reading the tables the mapping names --------------------------------------------------------


def read_tables(mapping: Mapping, source: Path, label: str, progress=None
                ) -> tuple[list[tuple[TableSpec, RawTable]], list[Problem]]:
    """Each table of the mapping with its sheet as read; problems where they cannot be paired."""
    problems: list[Problem] = []

    def at_mapping(line: int, message) -> None:
        problems.append(Problem(Where(mapping.label, line, order=(-1, line)), message))

    def at_source(message) -> None:
        problems.append(Problem(Where(label, order=(-1,)), message))

    found: list[tuple[TableSpec, RawTable]] = []
    if source.suffix.lower() == ".csv":
        for table in mapping.tables:
            if table.sheet is not None:
                at_mapping(table.line, msg(
                    "the table names the sheet '{sheet}', but {file} is a CSV file, which has no "
                    "sheets; leave out 'sheet', or import the workbook", sheet=table.sheet, file=label))
                continue
            try:
                raw = read_csv(source, label, table.header_row, [c.name for c in table.columns()], progress)
            except SourceError as error:
                at_source(error.message)
                return [], problems
            found.append((table, raw))
    else:
        try:
            workbook = Workbook(source)
        except SourceError as error:
            at_source(error.message)
            return [], problems
        try:
            read: dict[tuple[str, int], RawTable] = {}
            # Every table of one sheet and header row reads it once, keeping the columns of all.
            wanted: dict[tuple[str, int], list[str]] = {}
            for table in mapping.tables:
                sheet = _sheet_named(table.sheet, workbook.sheet_names) if table.sheet is not None else None
                if sheet is not None:
                    wanted.setdefault((sheet, table.header_row), []).extend(c.name for c in table.columns())
            for table in mapping.tables:
                if table.sheet is None:
                    at_mapping(table.line, msg(
                        "the table names no sheet; add e.g. 'sheet: {sheet}' (the workbook's sheets: "
                        "{sheets})", sheet=workbook.sheet_names[0], sheets=_listed(workbook.sheet_names)))
                    continue
                sheet = _sheet_named(table.sheet, workbook.sheet_names)
                if sheet is None:
                    hint = _hint(table.sheet, workbook.sheet_names)
                    at_mapping(table.line, msg(
                        "{file} has no sheet '{sheet}'; its sheets are {sheets}{hint}", file=label,
                        sheet=table.sheet, sheets=_listed(workbook.sheet_names), hint=hint))
                    continue
                key = (sheet, table.header_row)
                if key not in read:
                    try:
                        read[key] = workbook.table(sheet, table.header_row, progress, wanted[key])
                    except SourceError as error:
                        problems.append(Problem(Where(sheet, order=(table.index,)), error.message))
                        continue
                found.append((table, read[key]))
        finally:
            workbook.close()
    for table, raw in found:
        problems += _missing_columns(table, raw, mapping.label)
    return found, problems


def _sheet_named(name: str, names: list[str]) -> str | None:
    if name in names:
        return name
    matches = [candidate for candidate in names if normalized(candidate) == normalized(name)]
    return matches[0] if len(matches) == 1 else None


def _listed(names: Iterable[str]) -> str:
    return ", ".join(f"'{shown(name)}'" for name in names) or "-"


def _hint(wanted: str, names: list[str]):
    close = closest(wanted, {name: name for name in names}, n=1)
    return msg("; did you mean '{name}'?", name=close[0]) if close else ""


def _missing_columns(table: TableSpec, raw: RawTable, mapping_label: str) -> list[Problem]:
    problems = []
    where = f"'{raw.label}'"
    if not raw.header:
        return [Problem(Where(mapping_label, table.line, order=(-1, table.line)), msg(
            "{sheet} has nothing in row {row}, where the mapping expects the column names; the sheet is "
            "empty, or set 'header_row' to the row with the names", sheet=where, row=table.header_row))]
    indexes = column_indexes(raw.header)
    names = [text for _, text in raw.header]
    for column in table.columns():
        found = indexes.get(normalized(column.name), [])
        if not found:
            problems.append(Problem(Where(mapping_label, column.line, order=(-1, column.line)), msg(
                "{sheet} has no column '{column}' in row {row}; its columns are {columns}{hint}",
                sheet=where, column=column.name, row=table.header_row, columns=_listed(names),
                hint=_hint(column.name, names))))
        elif len(found) > 1:
            problems.append(Problem(Where(mapping_label, column.line, order=(-1, column.line)), msg(
                "{sheet} has {count} columns named '{column}'; rename all but one",
                sheet=where, count=len(found), column=column.name)))
    return problems


# -- lookups -------------------------------------------------------------------------------------


@dataclass
class _Entry:
    ids: dict[str, str]                  # normalized id -> id
    names: dict[str, set[str]]           # normalized name -> ids
    shown_names: dict[str, str]          # id -> name


# "Did you mean" compares a value with every id and name of its kind: thousands of failed
# lookups among thousands of names would cost time squared (4,000 rows with an unknown parent
# took 169 s). The comparisons of one import are budgeted; past the budget, a failed lookup
# still says what is wrong, without suggestions. A real inventory's typos stay far below it.
HINT_BUDGET = 500_000


class Names:
    """Ids and names of every entity a lookup may find: the repository's and the import's."""

    def __init__(self) -> None:
        self._kinds: dict[str, _Entry] = {}
        self._hints: dict[tuple[str, str], list[str]] = {}
        self._hint_work = 0

    def _suggest(self, kind: str, text: str, entry: _Entry) -> list[str]:
        key = (kind, normalized(text))
        if key not in self._hints:
            size = len(entry.ids) + len(entry.shown_names)
            if self._hint_work + size > HINT_BUDGET:
                return []
            self._hint_work += size
            spellings = {**{entity_id: entity_id for entity_id in entry.ids.values()},
                         **{name: entity_id for entity_id, name in entry.shown_names.items()}}
            self._hints[key] = closest(text, spellings)
        return self._hints[key]

    def add(self, kind: str, entity_id: str, name: Any) -> None:
        entry = self._kinds.setdefault(kind, _Entry({}, {}, {}))
        entry.ids.setdefault(normalized(entity_id), entity_id)
        if isinstance(name, str) and name.strip():
            entry.names.setdefault(normalized(name), set()).add(entity_id)
            entry.shown_names.setdefault(entity_id, name)

    def resolve(self, kind: str, text: str) -> str:
        entry = self._kinds.get(kind, _Entry({}, {}, {}))
        folded = normalized(text)
        if folded in entry.ids:
            return entry.ids[folded]
        named = entry.names.get(folded, set())
        if len(named) == 1:
            return next(iter(named))
        if named:
            raise cells.CellError(msg("'{value}' is the name of more than one {kind}: {ids}; write the id "
                                      "instead", value=shown(text), kind=kind_name(kind),
                                      ids=", ".join(sorted(named))))
        options = self._suggest(kind, text, entry)
        if options:
            shown_options = tuple(
                f"'{option}'" + (f" ({shown(entry.shown_names[option])})" if option in entry.shown_names else "")
                for option in options)
            raise cells.CellError(msg(
                "{a_kind} with the id or name '{value}' is neither in the import nor in the repository; "
                "did you mean {options}?", a_kind=a(kind), value=shown(text), options=Either(shown_options)))
        raise cells.CellError(msg(
            "{a_kind} with the id or name '{value}' is neither in the import nor in the repository; check "
            "the spelling, or add it to the import", a_kind=a(kind), value=shown(text)))


# -- rows to candidates --------------------------------------------------------------------------


@dataclass
class _Row:
    table: TableSpec
    raw: RawTable
    number: int
    values: dict[int, Any]
    candidate: Candidate
    columns: dict[str, int | None]      # column name -> index in the sheet


def candidates(tables: list[tuple[TableSpec, RawTable]], names: Names) -> list[Candidate]:
    """Every non-blank row as a candidate, its problems on it; ``names`` gains the import's."""
    rows: list[_Row] = []
    for table, raw in tables:
        indexes = {normalized(text): index for index, text in raw.header}
        columns = {c.name: indexes.get(normalized(c.name)) for c in table.columns()}
        used = {index for index in columns.values() if index is not None}
        column_names = {index: name for name, index in columns.items() if index is not None}
        places = {name: index for name, index in columns.items() if index is not None}
        problems_by_row: dict[int, list[tuple[int, Any]]] = {}
        for row, column, message in raw.cell_problems:
            if column in used:
                problems_by_row.setdefault(row, []).append((column, message))
        for number, values in raw.rows:
            if not any(index in values for index in used) and number not in problems_by_row:
                continue  # a blank row, or one with notes only in columns the mapping leaves alone
            where = Where(raw.label, number, order=(table.index, number))
            candidate = Candidate(table.kind, None, where, column_places=places)
            for column, message in problems_by_row.get(number, ()):
                candidate.problem(column_names[column], message)
            row = _Row(table, raw, number, {i: v for i, v in values.items() if i in used}, candidate, columns)
            _identify(row)
            if candidate.id is not None:
                names.add(table.kind, candidate.id, candidate.name)
            rows.append(row)
        # A merged range on a blank row is still a problem worth showing.
        for number, found in problems_by_row.items():
            if not any(row.number == number and row.table is table for row in rows):
                where = Where(raw.label, number, order=(table.index, number))
                orphan = Candidate(table.kind, None, where)
                for column, message in found:
                    orphan.problem(column_names[column], message)
                rows.append(_Row(table, raw, number, {}, orphan, columns))
    for row in rows:
        if row.candidate.id is not None:
            _fill(row, names)
    return [row.candidate for row in rows]


def _cell(row: _Row, column_name: str | None) -> Any:
    """The trimmed cell of ``column_name`` (None when empty)."""
    if column_name is None:
        return None
    index = row.columns.get(column_name)
    value = row.values.get(index) if index is not None else None
    if isinstance(value, str):
        value = trim(value)
        return value or None
    return value


def _identify(row: _Row) -> None:
    spec, candidate = row.table.id, row.candidate
    candidate.id_column = spec.column.name if spec.column else spec.slug_from[0].name
    for field in row.table.fields:
        if field.path == ("name",) and field.column is not None:
            name = _cell(row, field.column.name)
            candidate.name = cells.text(name) if name is not None else None
    given = _cell(row, spec.column.name) if spec.column else None
    if given is not None:
        text = cells.text(given)
        if _control(candidate, spec.column.name, text, multiline=False):
            return
        candidate.id = slug(text) if spec.slug else text
        if spec.slug and not candidate.id:
            candidate.problem(spec.column.name, msg("'{value}' gives no id (no letters or digits)",
                                                    value=shown(text)))
            candidate.id = None
        return
    parts = [cells.text(value) for column in spec.slug_from if (value := _cell(row, column.name)) is not None]
    if spec.slug_from and parts:
        candidate.id_column = spec.slug_from[0].name
        derived = slug(" ".join(parts))
        if derived:
            candidate.id = derived
            return
        candidate.problem(candidate.id_column, msg("'{value}' gives no id (no letters or digits)",
                                                   value=shown(" ".join(parts))))
        return
    names = [column.name for column in ([spec.column] if spec.column else []) + list(spec.slug_from)]
    candidate.problem(candidate.id_column, msg("the row has no id: {columns} empty",
                                               columns=Either(tuple(f"'{name}'" for name in names))))


def _control(candidate: Candidate, column: str | None, text: str, multiline: bool) -> bool:
    """Report control characters, and line breaks where the key is one line; True if found."""
    found = CONTROL.search(text.replace("\r\n", "\n").replace("\r", "\n"))
    if found:
        candidate.problem(column, msg("the cell holds the control character {character}, which no "
                                      "text needs; delete it", character=repr(found[0])))
        return True
    if not multiline and "\n" in text.strip():
        candidate.problem(column, msg("the cell holds a line break; write the value on one line"))
        return True
    return False


def _fill(row: _Row, names: Names) -> None:
    candidate = row.candidate
    candidate.value = {"kind": candidate.kind, "id": candidate.id}
    required = set(required_paths(candidate.kind))
    for field in row.table.fields:
        column = field.column.name if field.column else None
        raw = field.value if field.column is None else _cell(row, column)
        if raw is None or raw == "" or raw == []:
            if field.path in required:
                candidate.problem(column, msg("the cell is empty, and {a_kind} needs '{key}'",
                                              a_kind=a(candidate.kind), key=field.key))
            continue
        try:
            value = _value(field, raw, candidate, column, names)
        except cells.CellError as error:
            candidate.problem(column, error.message)
            continue
        except _Reported:
            continue
        if value is not None:
            candidate.set(field.path, value, column)


class _Reported(Exception):
    """A problem was recorded on the candidate already."""


def _value(field: FieldSpec, raw: Any, candidate: Candidate, column: str | None, names: Names) -> Any:
    if isinstance(raw, list):  # a constant list from the mapping
        items = raw
    elif isinstance(raw, str):
        text = raw.replace("\r\n", "\n").replace("\r", "\n")
        split = field.split is not None
        if _control(candidate, column, text, multiline=split or field.path in _MULTILINE):
            raise _Reported
        if split:
            items = [trim(part) for line in text.split("\n") for part in line.split(field.split)]
            items = [item for item in items if item]
        else:
            items = [text]
    else:
        items = [raw]
    converted = [_item(field, item, names) for item in items]
    if field.is_list:
        return converted
    return converted[0] if converted else None


def _item(field: FieldSpec, item: Any, names: Names) -> Any:
    if field.choices is not None:
        key = normalized(cells.text(item))
        if key not in field.choices:
            hint = closest(cells.text(item), {text: text for text in field.choice_texts}, n=1)
            raise cells.CellError(msg(
                "'{value}' is not one of the values the mapping knows for '{key}': {choices}{hint}",
                value=shown(cells.text(item)), key=field.key,
                choices=", ".join(field.choice_texts),
                hint=msg("; did you mean '{name}'?", name=hint[0]) if hint else ""))
        value = field.choices[key]
    elif field.lookup is None and not isinstance(item, (list, dict)):
        value = cells.convert(item, field.type)
    else:
        value = item
    if field.lookup is not None:
        value = names.resolve(field.lookup, cells.text(value))
    return value
