"""Import from spreadsheets and ArchiMate models (SPEC §7), export to Excel."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from eacheck.api.repository import PathLike, open_repository, repository_language, run_checks
from eacheck.errors import UsageError, reason
from eacheck.i18n import msg
from eacheck.loading import WorkingTree


@dataclass
class Imported:
    """What `eacheck import` found and did: the plan, and the files written (none on problems)."""

    plan: Any
    written: list[str]
    dry_run: bool
    update: bool

    @property
    def exit_code(self) -> int:
        return 0 if self.plan.ok else 1


SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm", ".csv")
MODEL_SUFFIXES = (".xml",)


def import_plan(source, table: Path, mapping: PathLike | None, language: str, progress):
    from eacheck import importing

    suffix = table.suffix.lower()
    if suffix in MODEL_SUFFIXES:
        if mapping is not None:
            raise UsageError(msg("an ArchiMate model needs no --mapping; leave it out"))
        return importing.archimate_model(source, table, language, progress)
    if suffix not in SPREADSHEET_SUFFIXES:
        raise UsageError(msg("{file}: eacheck imports .xlsx workbooks, .csv files and ArchiMate "
                             "models (.xml); save the inventory in one of those", file=str(table)))
    if mapping is None:
        raise UsageError(msg("a spreadsheet needs --mapping MAPPING: which sheet and column becomes "
                             "which key (docs/import.md)"))
    mapping_path = Path(mapping)
    if not mapping_path.exists():
        raise UsageError(msg("{file}: no such mapping file", file=str(mapping)))
    readable_file(mapping_path)
    return importing.spreadsheet(source, table, mapping_path, progress)


def readable_file(path: Path) -> Path:
    """``path``, when it is a regular file (or a link to one); a usage error naming what it is
    otherwise: a FIFO would hang the import, a device never end."""
    from eacheck.safe_write import what_it_is

    try:
        found = path.stat()
    except OSError:
        raise UsageError(msg("{file}: no such file", file=str(path))) from None
    if not stat.S_ISREG(found.st_mode):
        raise UsageError(msg("{path} is {what}, not a file; give the path of a file",
                             path=str(path), what=what_it_is(found.st_mode)))
    return path


def import_source(
    path: PathLike = ".",
    source: PathLike = "",
    mapping: PathLike | None = None,
    dry_run: bool = False,
    update: bool = False,
    progress=None,
) -> Imported:
    """Import ``source`` (a spreadsheet with ``mapping``, or an ArchiMate model) into the
    repository at ``path`` (SPEC §7). All or nothing: with any problem nothing is written.

    New entities are written unless ``dry_run``; differences in existing ones are written only
    with ``update``. ``progress(table, row)`` is called now and then on large inputs.
    """
    from eacheck.importing import writing

    table = readable_file(Path(source))
    tree = WorkingTree(path)
    plan = import_plan(tree, table, mapping, repository_language(path), progress)
    written: list[str] = []
    if plan.ok and not dry_run:
        written = writing.apply(plan, Path(path), update)
        flush()
    return Imported(plan, written, dry_run, update)


def render_import(imported: Imported) -> str:
    from eacheck.importing import summary

    return summary.text(imported.plan, imported.dry_run, imported.update, imported.written)


def flush() -> None:
    # New files are written without an fsync each (an import of 10,000 systems would spend
    # most of its time waiting for the disk); one sync at the end, and a failed import removes
    # what it created.
    if hasattr(os, "sync"):
        os.sync()


EXPORT_FORMATS = ("xlsx",)
DEFAULT_EXPORT = "reports/landskap.xlsx"


@dataclass(frozen=True)
class Exported:
    workbook: Path
    mapping: Path


def export(
    path: PathLike = ".",
    format_name: str = "xlsx",
    out: PathLike | None = None,
    as_of: date | None = None,
    language: str | None = None,
) -> Exported:
    """Write the repository as a workbook, with the mapping that imports it back beside it
    (``NAME.mapping.yaml``); the findings sheet is as of ``as_of``, which also dates the
    workbook's properties, so the same repository gives the same bytes."""
    from eacheck import i18n
    from eacheck import safe_write
    from eacheck.output import workbook

    if format_name not in EXPORT_FORMATS:
        raise UsageError(msg("unknown export format '{name}'; use one of: {formats}",
                             name=format_name, formats=", ".join(EXPORT_FORMATS)))
    as_of = as_of or date.today()
    repository = open_repository(path)
    landscape = repository.landscape
    documents: dict[str, list[dict]] = {}
    names: dict[str, str] = {}
    for file, located in sorted(repository.located.items()):
        if not file.startswith("architecture/"):
            continue
        for positions in located:
            value = positions.value
            if not isinstance(value, dict) or not isinstance(value.get("id"), str):
                continue
            if landscape.get(value["id"]) is None:
                continue  # a document with problems: the findings sheet lists them
            documents.setdefault(value.get("kind"), []).append(value)
            name = value.get("name", value.get("title"))
            if isinstance(name, str):
                names.setdefault(value["id"], name)
    for kind in documents:
        documents[kind].sort(key=lambda document: document["id"])
    target = Path(out) if out is not None else Path(path) / DEFAULT_EXPORT
    if target.is_dir():
        raise UsageError(msg("{path}: is a folder; give a file name for the workbook", path=str(target)))
    outcome = run_checks(repository, as_of)
    with i18n.using(language or landscape.settings.language):
        findings = [finding.to_json() for finding in outcome.findings]
        data = workbook.workbook(documents, names, findings, as_of)
        mapping_text = workbook.mapping_text()
    mapping_target = target.with_name(target.stem + ".mapping.yaml")
    inside = Path(path) if out is None else None  # the default place is in the repository
    try:
        for each in (target, mapping_target):  # neither written when either is refused
            safe_write.check(each, inside=inside)
        safe_write.make_folder(target.parent, inside=inside)
        safe_write.write(target, data, inside=inside)
        safe_write.write(mapping_target, mapping_text, inside=inside)
    except OSError as error:
        raise UsageError(msg("{path}: cannot write the file: {error}", path=str(target),
                             error=reason(error))) from None
    return Exported(target, mapping_target)
