"""`eacheck import`: the inventory the group already has, from a spreadsheet or an ArchiMate model."""

from __future__ import annotations

import time

import click

from eacheck.cli.common import argument, command, emit, handle_errors, language_option, note, option
from eacheck.i18n import msg

# Progress is shown only when the import takes long enough to make someone wonder.
_QUIET_SECONDS = 1.5


class _Progress:
    """Rows read so far, on standard error, once the import has taken over a second or two."""

    def __init__(self) -> None:
        self.started = time.monotonic()
        self.shown = 0.0

    def __call__(self, table: str, row: int) -> None:
        now = time.monotonic()
        if now - self.started < _QUIET_SECONDS or now - self.shown < 1.0:
            return
        self.shown = now
        if row < 0:
            note(msg("checking the imported entities against the repository …"))
        else:
            note(msg("reading {table}: row {row} …", table=table, row=row))


@command("import")
@argument("source", type=click.Path(dir_okay=False))
@argument("path", default=".", type=click.Path(file_okay=False))
@option("--mapping", metavar="MAPPING", default=None,
        help="YAML file saying which sheet becomes which kind and which column fills which key "
             "(docs/import.md). Needed for .xlsx and .csv, not for ArchiMate models.")
@option("--dry-run", is_flag=True, default=False,
        help="Show what would be created and changed; write nothing.")
@option("--update", is_flag=True, default=False,
        help="Also change the keys in which existing entities differ from the source, in place, "
             "keeping comments, key order and the other documents of each file.")
@language_option
@handle_errors
def command(source: str, path: str, mapping: str | None, dry_run: bool, update: bool,
            language: str | None) -> None:
    """Import SOURCE into the repository at PATH.

    SOURCE is an Excel workbook (.xlsx) or a CSV file (UTF-8 or Windows-1252, ';' or ','),
    read through --mapping, or an ArchiMate 3.1 exchange file (.xml) from Archi or `eacheck
    graph --format archimate`. Every row is checked like a file; every problem is listed as
    SHEET:ROW: column 'COL': ..., and when there is any, nothing is written (exit code 1).
    New entities become new files under architecture/; for existing ids the differences are
    listed, and changed in place with --update. Importing the same source twice changes
    nothing.

    Example: eacheck import systemforteckning.xlsx --mapping mapping.yaml --dry-run
    """
    from eacheck import api

    imported = api.import_source(path, source, mapping, dry_run=dry_run, update=update,
                                 progress=_Progress())
    emit(api.render_import(imported))
    click.get_current_context().exit(imported.exit_code)
