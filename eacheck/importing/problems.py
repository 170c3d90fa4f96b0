"""Where a problem of an import is, and how it is shown: ``SHEET:ROW: column 'COL': …``.

The places are the spreadsheet's own (the sheet's name or the CSV file's, the row number a
spreadsheet program shows, the column's header), the mapping file's line, or an element of an
ArchiMate model, so that whoever keeps the inventory can go straight to the cell.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from eacheck.i18n import Message, msg, render


@dataclass(frozen=True, slots=True)
class Where:
    """A place in an input: ``source`` (sheet, file), and a row or line, a column or element."""

    source: str
    row: int | None = None
    column: str | None = None
    element: str | None = None
    # How problems are ordered: the table's place in the mapping, the row, the column's place.
    order: tuple = field(default=(), compare=False)

    def prefix(self) -> str:
        place = self.source if self.row is None else f"{self.source}:{self.row}"
        return place if self.element is None else f"{place}: {self.element}"


@dataclass(frozen=True, slots=True)
class Problem:
    where: Where
    message: Message | str

    def render(self) -> str:
        """The problem in the language of the run, on one line."""
        where = self.where
        problem = render(self.message)
        if where.column is not None:
            problem = render(msg("column '{column}': {problem}", column=where.column, problem=problem))
        return f"{where.prefix()}: {problem}"

    def sort_key(self) -> tuple:
        return (self.where.order, self.where.source, self.where.row or 0, self.where.column or "",
                render(self.message))
