"""Reading tables from a workbook (.xlsx) or a CSV file, safely and in bounded memory.

**Workbooks.** An .xlsx file is a zip archive of XML files, so a hostile one can be a zip bomb
(a few kilobytes that expand to gigabytes) or an XML entity bomb. Before openpyxl opens it, the
archive's directory is read with :mod:`zipfile` and the file is refused when it declares more
than :data:`MAX_UNPACKED` bytes in all, more than :data:`MAX_ENTRIES` files, or a file that
expands more than :data:`MAX_RATIO` times. Only the cells of the columns the mapping names are
kept, and a row of more than :data:`MAX_COLUMNS` cells is refused, so that a sheet a million
cells wide costs no more memory than the few columns an import reads. zipfile never expands a member past the size it
declares (a member that lies fails its checksum), so the declared sizes bound what is read. The
XML itself is parsed by openpyxl through defusedxml, which refuses entity declarations and
external references; eacheck refuses to read workbooks at all if defusedxml is switched off.

Sheets are read in openpyxl's read-only mode, row by row, with the values formulas had when
the file was last saved (openpyxl does not compute formulas). Its row parser is used directly,
so that two things read-only mode otherwise hides are seen: a formula cell that has no saved
value (a file written by a program, never opened in a spreadsheet), and merged cells.

**CSV files** are UTF-8 (with or without a byte-order mark) or Windows-1252, the two encodings
Excel saves in; anything else (UTF-16, an old DOS code page) is refused rather than read as
garbage. The separator, `;` (Swedish Excel) or `,`, is the one under which the header row has
the most of the columns the mapping names.
"""

from __future__ import annotations

import csv
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eacheck.i18n import msg
from eacheck.i18n.formats import Number
from eacheck.importing.text import normalized, shown, trim

MAX_ENTRIES = 10_000
# 256 MiB: a million cells of text, 25 times the XML of 10,000 systems. openpyxl spends about a
# second on each MB of a sheet's or the shared strings' XML and holds every shared string, so
# this bounds the worst workbook (a few MB, packed at a ratio no bomb check can tell from a real
# one) to minutes and a few GB, where 1 GiB allowed a quarter of an hour and ten.
MAX_UNPACKED = 1 << 28
MAX_RATIO = 200                 # real sheets compress 5-30 times; bombs thousands of times
RATIO_FLOOR = 1 << 20           # small members may compress as well as they like
MAX_CSV_BYTES = 1 << 30
MAX_COLUMNS = 16_384            # Excel's last column, XFD: no inventory has more
_CSV_FIELD_LIMIT = 1 << 20      # a cell of a megabyte is not an inventory's

NO_SAVED_VALUE = object()       # a formula whose value was never saved


@dataclass
class RawTable:
    """One sheet (or CSV file) as read: its header, and the cells of the columns asked for."""

    label: str                                   # the sheet's name, or the CSV file's
    header: list[tuple[int, str]]                # (column index, text) of non-empty header cells
    rows: list[tuple[int, dict[int, Any]]] = field(default_factory=list)
    # (row, column index, message) for cells that cannot be read as they stand
    cell_problems: list[tuple[int, int, Any]] = field(default_factory=list)


class SourceError(Exception):
    """The file cannot be read at all; ``message`` says why and what to do."""

    def __init__(self, message) -> None:
        super().__init__(str(message))
        self.message = message


Progress = Callable[[str, int], None]


def column_indexes(header: list[tuple[int, str]]) -> dict[str, list[int]]:
    """Header text (normalized) → the column indexes that carry it."""
    found: dict[str, list[int]] = {}
    for index, text in header:
        found.setdefault(normalized(text), []).append(index)
    return found


# -- workbooks -----------------------------------------------------------------------------------


def check_archive(path: Path) -> None:
    """Refuse a zip bomb before anything is expanded (see the module)."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise SourceError(msg("this is not an .xlsx workbook (it is not a zip archive); save it from "
                              "the spreadsheet program as an Excel workbook (.xlsx)")) from None
    if len(members) > MAX_ENTRIES:
        raise SourceError(msg("the workbook holds {count} files, more than a workbook ever needs; "
                              "eacheck does not open it", count=len(members)))
    total = sum(member.file_size for member in members)
    if total > MAX_UNPACKED:
        raise SourceError(msg("the workbook would expand to {size} MB, more than eacheck reads "
                              "({limit} MB); split it, or save the inventory as CSV",
                              size=total >> 20, limit=MAX_UNPACKED >> 20))
    for member in members:
        if member.file_size > RATIO_FLOOR and member.file_size > MAX_RATIO * max(member.compress_size, 1):
            raise SourceError(msg("the workbook's part {part} expands {ratio} times (a zip bomb?); "
                                  "eacheck does not open it",
                                  part=shown(member.filename),
                                  ratio=member.file_size // max(member.compress_size, 1)))


def _hostile(error: BaseException | None) -> bool:
    """defusedxml refused something, here or in what openpyxl wrapped it in."""
    seen = 0
    while error is not None and seen < 10:
        if type(error).__module__.startswith("defusedxml"):
            return True
        error, seen = error.__cause__ or error.__context__, seen + 1
    return False


def _reader(path: Path):
    """openpyxl's workbook reader, made to read only what an import needs.

    Opening a workbook in read-only mode makes openpyxl look for each sheet's size, and a sheet
    that does not declare it (many programs other than Excel leave it out) is parsed in full
    just for that, before a single row is read. An import reads the sheets it needs, once, so
    the reader here only notes where each sheet is.
    """
    from openpyxl.reader.excel import ExcelReader
    from openpyxl.styles.stylesheet import apply_stylesheet

    class Reader(ExcelReader):
        def read_worksheets(self):
            self.sheet_parts = {}
            for sheet, rel in self.parser.find_sheets():
                if rel.target in self.valid_files:
                    self.sheet_parts[sheet.name] = (rel.target, "chartsheet" in rel.Type)

        def read(self):
            self.read_manifest()
            self.read_strings()
            self.read_workbook()
            apply_stylesheet(self.archive, self.wb)  # which number formats are dates
            self.read_worksheets()

    reader = Reader(path, read_only=True, keep_vba=False, data_only=True, keep_links=False)
    try:
        reader.read()
    except BaseException:
        reader.archive.close()
        raise
    return reader


class Workbook:
    """An .xlsx workbook opened read-only; :meth:`table` reads one sheet."""

    def __init__(self, path: Path) -> None:
        import openpyxl

        if not openpyxl.DEFUSEDXML:
            raise SourceError(msg("openpyxl is not using defusedxml (OPENPYXL_DEFUSEDXML is set to "
                                  "False?); eacheck reads workbooks only with it"))
        check_archive(path)
        self.path = path
        try:
            self.reader = _reader(path)
        except Exception as error:  # openpyxl raises many kinds; each means the file is broken
            raise SourceError(_unreadable(error)) from None
        self.sheet_names = list(self.reader.sheet_parts)

    def close(self) -> None:
        self.reader.archive.close()

    def table(self, sheet: str, header_row: int, progress: Progress | None = None,
              columns: list[str] | None = None) -> RawTable:
        """The header and every row below it, the cells of ``columns`` (header texts; every
        column when None); raises :class:`SourceError` for a broken sheet."""
        part, is_chart = self.reader.sheet_parts[sheet]
        if is_chart:
            raise SourceError(msg("'{sheet}' is a chart, not a sheet of cells", sheet=shown(sheet)))
        table = RawTable(sheet, [])
        wanted: set[int] | None = set() if columns is not None else None  # nothing before the header
        try:
            with self.reader.archive.open(part) as source:
                parser = _parser(source, self.reader)
                for number, cells in parser.parse():
                    if number < header_row:
                        continue
                    if number == header_row:
                        table.header = [(cell["column"], _header_text(cell["value"])) for cell in cells
                                        if _header_text(cell["value"])]
                        wanted = _wanted(table.header, columns)
                        continue
                    values = {}
                    for cell in cells:
                        if wanted is not None and cell["column"] not in wanted:
                            continue
                        value = cell["value"]
                        if value is None:
                            continue
                        if value is NO_SAVED_VALUE:
                            table.cell_problems.append((number, cell["column"], msg(
                                "the cell holds a formula whose value was never saved; open the "
                                "workbook in a spreadsheet program and save it, or type the value")))
                            continue
                        if cell["data_type"] == "e":
                            table.cell_problems.append((number, cell["column"], msg(
                                "the cell shows the error {error}; correct the formula or type the "
                                "value", error=shown(value))))
                            continue
                        values[cell["column"]] = value
                    if values:
                        table.rows.append((number, values))
                    if progress and number % 5000 == 0:
                        progress(sheet, number)
                merged = parser.merged_cells
        except SourceError:
            raise
        except Exception as error:
            raise SourceError(_unreadable(error)) from None
        _merged_problems(table, merged, header_row)
        return table


def _wanted(header: list[tuple[int, str]], columns: list[str] | None) -> set[int] | None:
    """The indexes of the header cells that name one of ``columns`` (all when None)."""
    if columns is None:
        return None
    names = {normalized(column) for column in columns}
    return {index for index, text in header if normalized(text) in names}


def _too_wide(row: int):
    return SourceError(msg("row {row} holds more than {limit} columns, more than a spreadsheet has; "
                           "eacheck does not read it", row=row, limit=Number(MAX_COLUMNS)))


def _header_text(value: Any) -> str:
    from eacheck.importing.cells import text

    return "" if value is None or value is NO_SAVED_VALUE else trim(text(value))


def _parser(source, reader):
    from openpyxl.worksheet._reader import FORMULA_TAG, WorkSheetParser

    class Parser(WorkSheetParser):
        """openpyxl's own row parser, telling a formula without a saved value from an empty cell."""

        def parse_cell(self, element):
            cell = super().parse_cell(element)
            if cell["value"] is None and element.find(FORMULA_TAG) is not None:
                cell["value"] = NO_SAVED_VALUE
            return cell

        def parse_row(self, row):
            if len(row) > MAX_COLUMNS:  # before a dictionary is made for each cell
                raise _too_wide(self.row_counter + 1)
            return super().parse_row(row)

    book = reader.wb
    return Parser(source, reader.shared_strings, data_only=True, epoch=book.epoch,
                  date_formats=book._date_formats, timedelta_formats=book._timedelta_formats)


def _merged_problems(table: RawTable, merged, header_row: int) -> None:
    """Merged cells at or below the header: only the first cell holds the value, so the rows
    under it would silently read as empty. Each range is reported once, at its first row."""
    if merged is None:
        return
    from openpyxl.utils.cell import range_boundaries

    for cell_range in merged.mergeCell:
        try:
            first_column, first_row, last_column, last_row = range_boundaries(cell_range.ref)
        except (TypeError, ValueError):
            continue
        if last_row < header_row:
            continue  # a title above the table
        table.cell_problems.append((max(first_row, header_row), first_column, msg(
            "the cells {range} are merged; unmerge them and fill in every row, since only the "
            "first cell of a merged range holds the value", range=cell_range.ref)))


def _unreadable(error: Exception):
    if _hostile(error):
        return msg("the workbook declares XML entities or external references, which no spreadsheet "
                   "program writes (a hostile file?); eacheck does not read it")
    if isinstance(error, zipfile.BadZipFile):
        return msg("the workbook is damaged ({error}); save it again from the spreadsheet program",
                   error=shown(error))
    return msg("the workbook cannot be read ({error}); save it again from the spreadsheet program "
               "as an Excel workbook (.xlsx)", error=shown(f"{type(error).__name__}: {error}"))


# -- CSV -----------------------------------------------------------------------------------------

_DELIMITERS = (";", ",")
# Windows-1252's bytes 0x80-0x9F are punctuation (€, „, †, ‘…). Between two letters they are
# the mark of another code page (CP437 and CP850 put ä, å, ö there): "F„rm†ga".
_MISREAD = re.compile("[A-Za-zÀ-ÿ][\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
                      "\u2013\u2014\u201a\u201e\u2020\u2021\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
                      "[A-Za-zÀ-ÿ]")


def decode_csv(data: bytes) -> str:
    """The text of a CSV file; :class:`SourceError` when it is in an encoding eacheck does not read."""
    # UTF-16 without a byte-order mark has a zero byte in every other place of Latin text; a
    # stray zero byte in a UTF-8 file is a control character, reported at its cell.
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or data[:4096].count(0) * 4 > len(data[:4096]):
        raise SourceError(msg("the file is UTF-16 (Excel's \"Unicode text\"); save it as \"CSV UTF-8\""))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as bad:
        raise SourceError(msg("the file is neither UTF-8 nor Windows-1252 (byte 0x{byte} at position "
                              "{position}); save it as \"CSV UTF-8\"",
                              byte=format(data[bad.start], "02x"), position=bad.start)) from None
    found = _MISREAD.search(text)
    if found:
        raise SourceError(msg("the file is neither UTF-8 nor Windows-1252 (it reads as '{sample}', "
                              "which looks like an old DOS code page); save it as \"CSV UTF-8\"",
                              sample=shown(found[0])))
    return text


def read_csv(path: Path, label: str, header_row: int, columns: list[str],
             progress: Progress | None = None) -> RawTable:
    """Every record of a CSV file as a table; ``columns`` (the mapping's) pick the separator and
    are the only cells kept."""
    if path.stat().st_size > MAX_CSV_BYTES:
        raise SourceError(msg("the file is larger than {limit} MB; split it", limit=MAX_CSV_BYTES >> 20))
    text = decode_csv(path.read_bytes())
    delimiter = _delimiter(text, header_row, columns)
    table = RawTable(label, [])
    csv.field_size_limit(_CSV_FIELD_LIMIT)
    reader = csv.reader(_not_too_wide(_lines(text), delimiter), delimiter=delimiter, strict=False)
    wanted: list[int] = []
    try:
        for number, record in enumerate(reader, start=1):
            if number < header_row:
                continue
            if number == header_row:
                table.header = [(index, trim(cell)) for index, cell in enumerate(record, start=1) if trim(cell)]
                wanted = sorted(_wanted(table.header, columns) or ())
                continue
            values = {index: record[index - 1] for index in wanted if index <= len(record) and record[index - 1]}
            if values:
                table.rows.append((number, values))
            if progress and number % 5000 == 0:
                progress(label, number)
    except csv.Error as error:
        raise SourceError(msg("record {row} cannot be read ({error}); check its quotes",
                              row=reader.line_num, error=shown(error))) from None
    return table


_LINE = re.compile(r"[^\r\n]*(?:\r\n?|\n)|[^\r\n]+$")


def _lines(text: str):
    """The lines of ``text`` with their endings (``\r\n``, ``\n`` or ``\r``), as a file opened
    with ``newline=""`` gives them, one at a time: a StringIO would hold four bytes a character."""
    for match in _LINE.finditer(text):
        yield match[0]


def _not_too_wide(lines, delimiter: str):
    """The lines, refusing one with more separators than a spreadsheet has columns before the
    CSV reader makes a list of its cells."""
    for number, line in enumerate(lines, start=1):
        if line.count(delimiter) >= MAX_COLUMNS:
            raise _too_wide(number)
        yield line


def _delimiter(text: str, header_row: int, columns: list[str]) -> str:
    lines = _lines(text)
    wanted = {normalized(column) for column in columns}
    best, best_score = _DELIMITERS[0], (-1, -1)
    sample = [line for _, line in zip(range(header_row), lines)]
    if len(sample) < header_row:
        return best
    for delimiter in _DELIMITERS:
        try:
            header = next(csv.reader([sample[-1]], delimiter=delimiter))
        except (csv.Error, StopIteration):
            continue
        score = (len(wanted & {normalized(cell) for cell in header}), len(header))
        if score > best_score:
            best, best_score = delimiter, score
    return best
