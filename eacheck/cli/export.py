"""`eacheck export`: the repository as an Excel workbook, with the mapping that imports it back."""

from __future__ import annotations

import click

from eacheck.cli.common import (
    as_of_option, command, handle_errors, language_option, note, option, path_argument, settings_notes,
)
from eacheck.i18n import msg


@command("export")
@path_argument
@option("--format", "format_name", type=click.Choice(["xlsx"]), default="xlsx", show_default=True,
        help="xlsx: an Excel workbook.")
@option("--out", metavar="FILE", default=None,
        help="Where to write the workbook. Default: reports/landskap.xlsx under PATH. The mapping "
             "is written beside it, as FILE's name with .mapping.yaml.")
@as_of_option
@language_option
@handle_errors
def command(path: str, format_name: str, out: str | None, as_of, language: str | None) -> None:
    """Write the repository at PATH as a workbook for the people who work in Excel.

    One sheet per kind with every key as a column (and the names behind references), and a
    sheet of the findings; header rows frozen, filters on. Beside it, the mapping that
    imports the workbook back: `eacheck import FILE --mapping FILE.mapping.yaml` changes
    nothing until cells are edited. The same repository and --as-of give the same bytes.

    Example: eacheck export --out landskap.xlsx --as-of 2026-11-27
    """
    from eacheck import api

    exported = api.export(path, format_name, out, as_of, language)
    note(msg("the workbook is written to {path}", path=str(exported.workbook)))
    note(msg("the mapping that imports it back is written to {path}", path=str(exported.mapping)))
    settings_notes(path)
