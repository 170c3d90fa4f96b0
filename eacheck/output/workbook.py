"""`eacheck export --format xlsx`: the repository as a workbook for the people who work in Excel.

One sheet per kind, one row per entity (sorted by id) and every key of the kind as a column, in
the documented order, with the key itself as the header (``lifecycle.status``), so that nothing
is lost in translation. A reference is followed by a column with the name it refers to
(``owner (namn)``), for reading; the import reads the ids. Lists are written as ``a, b``, dates
as date cells, amounts and levels as numbers, true and false as Excel's booleans. A sheet of the
findings at the as-of date closes the workbook. Every sheet has its header row frozen, a filter
on every column, and columns wide enough for what they hold.

The workbook comes with its mapping (:func:`mapping_text`), which `eacheck import` reads it back
with: importing an export changes nothing. Procurements and exceptions are exported for reading;
SPEC §7's import covers organizations, capabilities, systems and integrations.

The same repository gives the same bytes: the document properties carry the as-of date instead
of the time of the run, and every part of the zip archive the same fixed timestamp.
"""

from __future__ import annotations

import datetime
import io
import json
import re
import zipfile
from typing import Any

from eacheck.i18n import _, pgettext
from eacheck.model.references import EACH, REFERENCES
from eacheck.model.naming import kind_name
from eacheck.model.schema_validation import leaf_paths, schema_for
from eacheck.output.report.labels import SEVERITIES
from eacheck.safe_text import printable, shorten, xml_text

KINDS = ("organization", "capability", "system", "integration", "procurement", "exception")
IMPORTABLE = ("organization", "capability", "system", "integration")
# Written out, one call each, so that the catalogue sees every sheet name.
_SHEETS = {
    "organization": lambda: pgettext("sheet", "Organizations"),
    "capability": lambda: pgettext("sheet", "Capabilities"),
    "system": lambda: pgettext("sheet", "Systems"),
    "integration": lambda: pgettext("sheet", "Integrations"),
    "procurement": lambda: pgettext("sheet", "Procurements"),
    "exception": lambda: pgettext("sheet", "Exceptions"),
}
_WIDEST = 60
_LIST_SEPARATOR = ", "
# Fixed times for the archive: zip timestamps start in 1980.
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")
# What a worksheet cannot hold (openpyxl refuses it): C0 controls but tab, line feed and
# carriage return.
_NOT_IN_A_CELL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
# A text starting with one of these is a formula to Excel once someone edits the cell, or to a
# program that reads the sheet as CSV: "formula injection" (OWASP's list).
CELL_LENGTH = 32_767
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def sheet_title(kind: str) -> str:
    return _SHEETS[kind]()


def findings_title() -> str:
    return pgettext("sheet", "Findings")


def _reference_paths(kind: str) -> dict[tuple[str, ...], str | None]:
    """Key path (lists as the key itself) -> the kind it refers to."""
    found = {}
    for path, target in REFERENCES.get(kind, ()):
        steps = tuple(step for step in path if step != EACH)
        if len(steps) == len(path) or path[-1] == EACH:
            found[steps] = target
    return found


def columns(kind: str) -> list[tuple[str, tuple[str, ...], bool]]:
    """(header, key path, is a name column) of the kind's sheet."""
    references = _reference_paths(kind)
    found = [("id", ("id",), False)]
    for path in leaf_paths(kind):
        found.append((".".join(path), path, False))
        if path in references:
            found.append((_("{key} (name)").format(key=".".join(path)), path, True))
    return found


def _at(value: dict[str, Any], path: tuple[str, ...]) -> Any:
    for step in path:
        value = value.get(step) if isinstance(value, dict) else None
    return value


def _cell(value: Any) -> Any:
    """A value as Excel holds it."""
    if value is None or isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, list):
        if all(isinstance(item, (str, int, float)) for item in value):
            return _LIST_SEPARATOR.join(str(item) for item in value)
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            return value
    return value


def _name_cell(value: Any, names: dict[str, str]) -> Any:
    if isinstance(value, list):
        return _LIST_SEPARATOR.join(names.get(item, "") for item in value if isinstance(item, str)) or None
    return names.get(value) if isinstance(value, str) else None


def _text_width(value: Any) -> int:
    if value is None:
        return 0
    if isinstance(value, datetime.date):
        return 10
    return max((len(line) for line in str(value).split("\n")), default=0)


def workbook(documents: dict[str, list[dict[str, Any]]], names: dict[str, str],
             findings: list[dict[str, Any]], as_of: datetime.date) -> bytes:
    """The workbook's bytes. ``documents``: kind -> its documents as written (by id);
    ``names``: id -> name or title; ``findings``: as `check --format json` lists them."""
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.active)
    for kind in KINDS:
        sheet = book.create_sheet(sheet_title(kind))
        layout = columns(kind)
        rows = [[header for header, _, _ in layout]]
        for document in documents.get(kind, []):
            rows.append([
                _name_cell(_at(document, path), names) if is_name else _cell(_at(document, path))
                for _, path, is_name in layout
            ])
        _fill(sheet, rows, get_column_letter)
    sheet = book.create_sheet(findings_title())
    _fill(sheet, _findings_rows(findings), get_column_letter)
    return deterministic(book, as_of)


def text_cell(value: str) -> str:
    """A text as a cell can hold it: the control characters a worksheet cannot carry shown as
    escapes (``\\x1b``), as in every other output; what XML cannot carry replaced; cut to the
    32,767 characters Excel holds in a cell (a longer one makes Excel "repair" the workbook)."""
    if _NOT_IN_A_CELL.search(value):
        value = _NOT_IN_A_CELL.sub(lambda match: printable(match[0]), value)
    return shorten(xml_text(value), CELL_LENGTH)


def _findings_rows(findings: list[dict[str, Any]]) -> list[list[Any]]:
    """The findings sheet, for reading (it is not imported): headers and words in the language
    of the run; principle, subject and file as written."""
    header = [pgettext("finding", "Principle"), pgettext("finding", "Severity"), pgettext("finding", "Subject"),
              pgettext("finding", "Kind"), pgettext("finding", "Message"), pgettext("finding", "File"),
              pgettext("finding", "Line"), pgettext("finding", "Column")]
    rows = [header]
    for finding in findings:
        severity, kind = finding.get("severity"), finding.get("kind")
        rows.append([
            finding.get("principle"),
            _(SEVERITIES[severity]) if severity in SEVERITIES else severity,
            finding.get("subject"),
            str(kind_name(kind)) if kind else None,
            finding.get("message"),
            finding.get("file"),
            finding.get("line"),
            finding.get("column"),
        ])
    return rows


def _fill(sheet, rows: list[list[Any]], letter) -> None:
    from openpyxl.styles import Font

    for row in rows:
        sheet.append([text_cell(value) if isinstance(value, str) else value for value in row])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, datetime.date):
                cell.number_format = "yyyy-mm-dd"
            elif isinstance(cell.value, str):
                # Text from the repository is text: openpyxl would store "=..." as a formula and
                # "#N/A" as an error. The quote prefix keeps it text when someone edits the cell.
                cell.data_type = "s"
                if cell.value.startswith(_FORMULA_START):
                    cell.quotePrefix = True
    sheet.freeze_panes = "A2"
    count = len(rows[0])
    sheet.auto_filter.ref = f"A1:{letter(count)}{max(len(rows), 1)}"
    for index in range(count):
        widest = max(_text_width(row[index]) for row in rows)
        # a little room for the filter button beside the header
        sheet.column_dimensions[letter(index + 1)].width = min(max(widest, 6) + 4, _WIDEST)


def deterministic(book, as_of: datetime.date) -> bytes:
    """``book`` saved with the same bytes for the same content: its properties dated
    ``as_of``, every part of the archive with one fixed timestamp."""
    moment = datetime.datetime.combine(as_of, datetime.time())
    book.properties.created = moment
    book.properties.modified = moment
    book.properties.creator = "eacheck"
    book.properties.lastModifiedBy = "eacheck"
    saved = io.BytesIO()
    book.save(saved)
    fixed = io.BytesIO()
    with zipfile.ZipFile(saved) as source, zipfile.ZipFile(fixed, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            info = zipfile.ZipInfo(member.filename, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            data = source.read(member.filename)
            if member.filename == "docProps/core.xml":  # openpyxl stamps the time of saving
                data = _MODIFIED.sub(b"\\g<1>" + moment.strftime("%Y-%m-%dT%H:%M:%SZ").encode() + b"\\g<2>", data)
            target.writestr(info, data)
    return fixed.getvalue()


def mapping_text(language_note: str | None = None) -> str:
    """The mapping that imports the workbook back (docs/import.md)."""
    lines = [
        "# " + _("Mapping for `eacheck import` of this workbook (written by `eacheck export`)."),
        "# " + _("Importing the workbook unchanged changes nothing; with --update, edited cells change their keys."),
        "tables:",
    ]
    for kind in IMPORTABLE:
        references = _reference_paths(kind)
        lines += [f"  - sheet: {json.dumps(sheet_title(kind), ensure_ascii=False)}", f"    kind: {kind}",
                  "    id: {from: id}", "    fields:"]
        for header, path, is_name in columns(kind):
            if is_name or path == ("id",):
                continue
            spec = [f"from: {json.dumps(header)}"]
            node = schema_for(kind)
            for step in path:
                node = node.get("properties", {}).get(step, {})
            if node.get("type") == "array":
                spec.append(f"split: {json.dumps(_LIST_SEPARATOR.strip())}")
            if path in references and references[path] in IMPORTABLE:
                spec.append(f"lookup: {references[path]}")
            lines.append(f"      {header}: {{{', '.join(spec)}}}")
    return "\n".join(lines) + "\n"
