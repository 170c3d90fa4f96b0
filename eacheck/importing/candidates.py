"""What an import proposes: one entity per row (or ArchiMate element), with where it came from.

Whatever the input, an import turns into :class:`Candidate` documents: a kind, an id, the values
read, the row they came from and the column behind each key. The rest of the import (ids,
validation, files) works on candidates alone, so spreadsheets and ArchiMate models are checked
and written the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from eacheck.i18n import Message
from eacheck.importing.problems import Problem, Where


@dataclass
class Candidate:
    kind: str
    id: str | None
    where: Where                                   # the row (no column)
    value: dict[str, Any] = field(default_factory=dict)
    # key path -> the column it was read from (for locating problems)
    columns: dict[tuple[str, ...], str] = field(default_factory=dict)
    id_column: str | None = None
    name: str | None = None
    problems: list[Problem] = field(default_factory=list)
    # column -> its place in the sheet, so that a row's problems read from left to right
    column_places: dict[str, int] = field(default_factory=dict)

    def at(self, column: str | None) -> Where:
        where = self.where
        order = (*where.order, self.column_places.get(column, -1) if column else -1)
        return Where(where.source, where.row, column, where.element, order)

    def problem(self, column: str | None, message: Message | str) -> None:
        self.problems.append(Problem(self.at(column), message))

    def column_of(self, path: tuple[Any, ...]) -> str | None:
        """The column behind ``path`` or the nearest key above or below it."""
        steps = tuple(step for step in path if isinstance(step, str))
        for length in range(len(steps), 0, -1):
            column = self.columns.get(steps[:length])
            if column is not None:
                return column
        for known, column in self.columns.items():
            if steps and known[: len(steps)] == steps:
                return column
        return self.id_column if steps == ("id",) else None

    def set(self, path: tuple[str, ...], value: Any, column: str | None) -> None:
        target = self.value
        for step in path[:-1]:
            target = target.setdefault(step, {})
        target[path[-1]] = value
        if column is not None:
            self.columns[path] = column


def leaves(value: dict[str, Any], prefix: tuple[str, ...] = ()) -> dict[tuple[str, ...], Any]:
    """Every value of a document by its key path (nested mappings flattened)."""
    found: dict[tuple[str, ...], Any] = {}
    for key, item in value.items():
        if isinstance(item, dict) and item:
            found.update(leaves(item, (*prefix, key)))
        else:
            found[(*prefix, key)] = item
    return found
