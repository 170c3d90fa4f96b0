"""`eacheck export --format xlsx`, read back with openpyxl, and imported back as a no-op; the
sample inventory of the docs, from spreadsheet to a valid repository."""

from __future__ import annotations

import datetime
import shutil

import pytest
from conftest import PROJECT_ROOT
from importing_helpers import snapshot
from openpyxl import load_workbook

from eacheck import api

EXAMPLES = PROJECT_ROOT / "docs" / "examples"


@pytest.fixture(scope="module")
def example_copy(tmp_path_factory):
    """The example group, copied so that an import could never touch the project's own files."""
    root = tmp_path_factory.mktemp("kustlunda")
    for name in ("architecture", "principles"):
        shutil.copytree(PROJECT_ROOT / name, root / name)
    shutil.copy(PROJECT_ROOT / "eacheck.yaml", root / "eacheck.yaml")
    return root


def test_the_workbook_has_a_sheet_per_kind_every_key_and_the_findings(run, example_copy, tmp_path):
    out = tmp_path / "landskap.xlsx"
    result = run("export", example_copy, "--out", out, "--as-of", "2026-11-27", "--lang", "en")
    assert result.exit_code == 0, result.output
    book = load_workbook(out)
    assert book.sheetnames == ["Organizations", "Capabilities", "Systems", "Integrations", "Procurements",
                               "Exceptions", "Findings"]
    systems = book["Systems"]
    header = [cell.value for cell in systems[1]]
    assert header[:8] == ["id", "name", "description", "owner", "owner (name)", "system_owner", "used_by",
                          "used_by (name)"]
    assert "lifecycle.status" in header and "hosting.data_location" in header and "assessment.criticality" in header
    rows = {row[0]: dict(zip(header, row)) for row in systems.iter_rows(min_row=2, values_only=True)}
    landscape = api.open_repository(example_copy).landscape
    assert set(rows) == set(landscape.systems)
    ekonomi = rows["ekonomisystem"]
    assert ekonomi["owner"] == landscape.systems["ekonomisystem"].owner
    assert ekonomi["owner (name)"] == landscape.organizations[ekonomi["owner"]].name
    assert isinstance(ekonomi["cost.annual"], int)
    assert isinstance(rows["avtalssystem"]["contract.end"], datetime.datetime)
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref and sheet.auto_filter.ref.startswith("A1:")
        widths = [sheet.column_dimensions[letter].width for letter in ("A", "B")]
        assert all(6 <= width <= 64 for width in widths)
    findings = list(book["Findings"].iter_rows(values_only=True))
    assert findings[0] == ("Principle", "Severity", "Subject", "Kind", "Message", "File", "Line", "Column")
    checked = api.check(example_copy, as_of=datetime.date(2026, 11, 27))
    assert len(findings) - 1 == len(checked.findings)
    assert book.properties.created == datetime.datetime(2026, 11, 27)


def test_the_same_repository_gives_the_same_bytes(run, example_copy, tmp_path):
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    assert run("export", example_copy, "--out", first, "--as-of", "2026-11-27").exit_code == 0
    assert run("export", example_copy, "--out", second, "--as-of", "2026-11-27").exit_code == 0
    assert first.read_bytes() == second.read_bytes()
    assert (tmp_path / "a.mapping.yaml").read_text() == (tmp_path / "b.mapping.yaml").read_text()


@pytest.mark.parametrize("language", ["sv", "en"])
def test_importing_an_export_changes_nothing(run, example_copy, tmp_path, language):
    out = tmp_path / "landskap.xlsx"
    assert run("export", example_copy, "--out", out, "--as-of", "2026-11-27", "--lang", language).exit_code == 0
    before = snapshot(example_copy)
    result = run("import", out, "--mapping", tmp_path / "landskap.mapping.yaml", example_copy, "--update", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "0 new, 0 with differences" in result.output
    assert snapshot(example_copy) == before


MULTILINE = """\
kind: organization
id: ksf
name: KSF
type: administration
---
kind: capability
id: lon
name: Lön
---
kind: system
id: lonesystem
name: Lönesystem
description: |
  Lön och tidrapportering.
  Chefsstöd för hela koncernen.
owner: ksf
capabilities: [lon]
lifecycle:
  status: active
"""


def test_a_description_on_several_lines_imports_back_unchanged_and_updates_as_lines(run, tmp_path):
    """`|` keeps the description's last line break, which a cell (trimmed) cannot: the same text
    all the same. Edited in the workbook, it is written back as lines, not one quoted string."""
    root = tmp_path / "repo"
    (root / "architecture").mkdir(parents=True)
    (root / "architecture/allt.yaml").write_text(MULTILINE, encoding="utf-8")
    out = tmp_path / "landskap.xlsx"
    assert run("export", root, "--out", out, "--lang", "en").exit_code == 0
    mapping = tmp_path / "landskap.mapping.yaml"
    before = snapshot(root)
    result = run("import", out, "--mapping", mapping, root, "--update", "--lang", "en")
    assert "0 new, 0 with differences, 3 unchanged" in result.output, result.output
    assert snapshot(root) == before
    book = load_workbook(out)
    sheet = book["Systems"]
    sheet.cell(row=2, column=[cell.value for cell in sheet[1]].index("description") + 1).value = (
        "Lön och tidrapportering.\nChefsstöd för kommunen.")
    book.save(out)
    result = run("import", out, "--mapping", mapping, root, "--update", "--lang", "en")
    assert "0 new, 1 with differences" in result.output, result.output
    assert "description: |-\n  Lön och tidrapportering.\n  Chefsstöd för kommunen.\nowner: ksf\n" in (
        root / "architecture/allt.yaml").read_text(encoding="utf-8")


def test_an_edited_export_changes_exactly_the_edited_cells(run, example_copy, tmp_path):
    out = tmp_path / "landskap.xlsx"
    assert run("export", example_copy, "--out", out, "--as-of", "2026-11-27", "--lang", "en").exit_code == 0
    book = load_workbook(out)
    sheet = book["Systems"]
    header = [cell.value for cell in sheet[1]]
    for row in sheet.iter_rows(min_row=2):
        if row[0].value == "ekonomisystem":
            row[header.index("cost.annual")].value = 1234567
            row[header.index("system_owner")].value = "Ny ekonomichef"
    book.save(out)
    repository = tmp_path / "repo"
    shutil.copytree(example_copy, repository)
    result = run("import", out, "--mapping", tmp_path / "landskap.mapping.yaml", repository, "--update", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "0 new, 1 with differences" in result.output
    changed = [path for path, digest in snapshot(repository).items() if snapshot(example_copy).get(path) != digest]
    assert changed == ["architecture/systems/ksf/ekonomisystem.yaml"]


def test_the_sample_inventory_becomes_a_valid_repository_in_two_commands(run, tmp_path):
    target = tmp_path / "landskap"
    result = run("init", target, "--from", EXAMPLES / "systemforteckning.xlsx", "--mapping", EXAMPLES / "mapping.yaml")
    assert result.exit_code == 0, result.output
    assert run("validate", target).exit_code == 0
    assert not (target / "architecture/systems/bostader/fastighetssystem.yaml").read_text(encoding="utf-8").startswith("#")
    assert (target / "principles/lifecycle.yaml").is_file() and (target / "eacheck.yaml").is_file()
    # The CSV export of the System sheet (a Swedish Excel's: ';', Windows-1252) says the same.
    before = snapshot(target)
    again = run("import", EXAMPLES / "systemforteckning.csv", "--mapping", EXAMPLES / "mapping-csv.yaml", target,
                "--update", "--lang", "en")
    assert again.exit_code == 0, again.output
    assert "0 new, 0 with differences, 9 unchanged" in again.output
    assert snapshot(target) == before


def test_init_from_a_sheet_with_problems_writes_nothing_at_all(run, tmp_path):
    target = tmp_path / "landskap"
    result = run("init", target, "--from", EXAMPLES / "systemforteckning.csv", "--mapping", EXAMPLES / "mapping-csv.yaml",
                 "--lang", "en")
    assert result.exit_code == 1
    assert "neither in the import nor in the repository" in result.output
    assert not target.exists()


def test_the_sample_files_are_the_ones_the_script_writes(tmp_path, monkeypatch):
    import importlib.util

    spec = importlib.util.spec_from_file_location("examples", PROJECT_ROOT / "scripts" / "make-import-examples.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setattr(module, "EXAMPLES", tmp_path)
    module.main()
    for name in ("systemforteckning.xlsx", "systemforteckning.csv"):
        assert (tmp_path / name).read_bytes() == (EXAMPLES / name).read_bytes(), f"run scripts/make-import-examples.py ({name})"


def test_the_findings_sheet_speaks_the_language_of_the_run(run, example_copy, tmp_path):
    """The findings sheet is for reading, not for import: its headers, severities and kinds are
    words of the run's language (SPEC §6), while principle ids, subjects and files stay as written."""
    from language import assert_speaks

    for language, header, severities, kinds in (
        ("sv", ("Princip", "Allvarlighetsgrad", "Gäller", "Sort", "Beskrivning", "Fil", "Rad", "Kolumn"),
         {"fel", "varning"}, {"system", "integration", "upphandling", "undantag"}),
        ("en", ("Principle", "Severity", "Subject", "Kind", "Message", "File", "Line", "Column"),
         {"error", "warning"}, {"system", "integration", "procurement", "exception"}),
    ):
        out = tmp_path / f"{language}.xlsx"
        assert run("export", example_copy, "--out", out, "--as-of", "2026-11-27", "--lang", language).exit_code == 0
        rows = list(load_workbook(out).worksheets[-1].iter_rows(values_only=True))
        assert rows[0] == header
        assert {row[1] for row in rows[1:]} == severities
        assert {row[3] for row in rows[1:]} <= kinds
        assert all(isinstance(row[6], int) and isinstance(row[7], int) for row in rows[1:])
        assert_speaks("\n".join(str(cell) for row in rows for cell in row if cell is not None), language,
                      example_copy)
