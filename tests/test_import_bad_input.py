"""Bad input to `eacheck import` (issue #15): each is reported with sheet, row and column (or the
mapping's line), the exit code is 1, and the repository is left exactly as it was."""

from __future__ import annotations

import resource
import subprocess
import sys
import time
import zipfile

import pytest
from importing_helpers import (
    CAPABILITIES,
    ORG_MAPPING,
    ORGANIZATIONS,
    SYSTEM_HEADER,
    SYSTEMS,
    empty_repository,
    inventory,
    mapping,
    snapshot,
    workbook,
)


@pytest.fixture
def repo(tmp_path):
    root = empty_repository(tmp_path / "repo")
    (root / "architecture/befintlig.yaml").write_text(
        "kind: organization\nid: befintlig\nname: Befintlig\ntype: administration\n", encoding="utf-8")
    return root


def _systems(*rows):
    return [SYSTEMS[0], [], SYSTEM_HEADER, *rows]


def _row(**cells):
    """A valid system row with some cells replaced."""
    row = dict(zip(SYSTEM_HEADER, [None, "Lönesystem", "ksf", None, "Lön", "I drift", None, None, None, None]))
    row.update(cells)
    return [row[column] for column in SYSTEM_HEADER]


def _fails(run, repo, *args) -> str:
    before = snapshot(repo)
    result = run("import", *args, repo, "--lang", "en")
    assert result.exit_code == 1, result.output
    assert "nothing was written" in result.output
    assert snapshot(repo) == before
    return result.output


def test_a_sheet_the_mapping_names_but_the_workbook_lacks(tmp_path, repo, run):
    source = workbook(tmp_path / "w.xlsx", {"Organisationer": ORGANIZATIONS, "Förmågor": CAPABILITIES,
                                            "Systemlista": _systems(_row())})
    output = _fails(run, repo, source, "--mapping", mapping(tmp_path))
    assert (f"{tmp_path / 'mapping.yaml'}".replace("\\", "/") + ":14: w.xlsx has no sheet 'System'; its sheets are "
            "'Organisationer', 'Förmågor', 'Systemlista'; did you mean 'Systemlista'?") in output


def test_a_column_the_mapping_names_but_the_sheet_lacks(tmp_path, repo, run):
    header = ["Id", "Systemnamn", "Ägarorg", *SYSTEM_HEADER[3:]]
    source = inventory(tmp_path, [SYSTEMS[0], [], header, _row()])
    output = _fails(run, repo, source, "--mapping", mapping(tmp_path))
    assert ("mapping.yaml:20: 'System' has no column 'Ägare' in row 3; its columns are 'Id', 'Systemnamn', "
            "'Ägarorg', 'Används av'") in output
    assert "did you mean 'Ägarorg'?" in output


@pytest.mark.parametrize("cost, expected", [
    ("1,2 mnkr", "System:4: column 'Årskostnad': '1,2 mnkr' is not an amount; write the whole number, "
                 "without 'ca' or units other than kr, e.g. 1200000"),
    ("ca 500 000", "System:4: column 'Årskostnad': 'ca 500 000' is not an amount; write the whole number, "
                   "without 'ca' or units other than kr, e.g. 500000"),
    ("mycket", "System:4: column 'Årskostnad': 'mycket' is not an amount; write a whole number such as "
               "1200000 or 1 200 000 kr"),
    (1234.5, "System:4: column 'Årskostnad': '1234.5' is not an amount"),
    ("1 200 000:-", "System:4: column 'Årskostnad': '1 200 000:-' is not an amount; write the whole number, "
                    "without 'ca' or units other than kr, e.g. 1200000"),
])
def test_a_cost_that_is_not_a_whole_amount(tmp_path, repo, run, cost, expected):
    output = _fails(run, repo, inventory(tmp_path, _systems(_row(Årskostnad=cost))), "--mapping", mapping(tmp_path))
    assert expected in output


@pytest.mark.parametrize("written", ["31/3 2027", "31 mars 2027", "den 31 mars 2027", "2027-03-31 00:00",
                                     "2027-3-31", "2027/03/31"])
def test_a_date_written_the_swedish_way(tmp_path, repo, run, written):
    """As people write dates, and as a CSV file from a Swedish Excel shows a long date or a
    date-time cell: an error (SPEC §7 reads date cells and YYYY-MM-DD), with the date to write."""
    output = _fails(run, repo, inventory(tmp_path, _systems(_row(Avtalsslut=written))), "--mapping", mapping(tmp_path))
    assert (f"System:4: column 'Avtalsslut': '{written}' is not a date as eacheck reads them; write YYYY-MM-DD, "
            "e.g. 2027-03-31") in output


def test_yes_and_no_as_a_swedish_excel_saves_them_in_csv(tmp_path, repo, run):
    """Swedish Excel writes TRUE and FALSE as SANT and FALSKT in a CSV file."""
    (repo / "architecture/ksf.yaml").write_text(
        "kind: organization\nid: ksf\nname: KSF\ntype: administration\n---\n"
        "kind: capability\nid: lon\nname: Lön\n", encoding="utf-8")
    source = tmp_path / "system.csv"
    source.write_text("Systemnamn;Koncerngemensamt\nLönesystem;SANT\nLön B;falskt\n", encoding="utf-8")
    rules = mapping(tmp_path, """\
        tables:
          - kind: system
            id: {from: Systemnamn, slug: true}
            fields:
              name: Systemnamn
              owner: {value: ksf}
              capabilities: {value: [lon]}
              lifecycle.status: {value: active}
              group_common: {from: Koncerngemensamt, type: boolean}
        """, "csv.yaml")
    result = run("import", source, "--mapping", rules, repo, "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "group_common: true\n" in (repo / "architecture/systems/ksf/lonesystem.yaml").read_text(encoding="utf-8")
    assert "group_common: false\n" in (repo / "architecture/systems/ksf/lon-b.yaml").read_text(encoding="utf-8")


def test_a_value_not_in_the_map(tmp_path, repo, run):
    output = _fails(run, repo, inventory(tmp_path, _systems(_row(Status="I  drift!"), _row(Systemnamn="B", Status="Avveckla"))),
                    "--mapping", mapping(tmp_path))
    assert ("System:4: column 'Status': 'I  drift!' is not one of the values the mapping knows for "
            "'lifecycle.status': I drift, Under avveckling, Avvecklad, Planerad; did you mean 'I drift'?") in output
    assert "System:5: column 'Status': 'Avveckla' is not one of" in output
    assert "did you mean 'Avvecklad'?" in output


def test_a_name_no_lookup_finds_names_the_closest(tmp_path, repo, run):
    output = _fails(run, repo, inventory(tmp_path, _systems(_row(Ägare="Socialförvaltninge"),
                                                            _row(Systemnamn="B", Ägare="Gatukontoret"))),
                    "--mapping", mapping(tmp_path))
    assert ("System:4: column 'Ägare': an organization with the id or name 'Socialförvaltninge' is neither in the "
            "import nor in the repository; did you mean 'sof' (Socialförvaltningen)") in output
    assert ("System:5: column 'Ägare': an organization with the id or name 'Gatukontoret' is neither in the import "
            "nor in the repository; check the spelling, or add it to the import") in output


def test_two_rows_slugging_to_the_same_id_are_both_reported(tmp_path, repo, run):
    output = _fails(run, repo, inventory(tmp_path, _systems(_row(Systemnamn="Lönesystem"), _row(),
                                                            _row(Systemnamn="LÖNESYSTEM!"))),
                    "--mapping", mapping(tmp_path))
    # The id comes from the name when the Id cell is empty: the name's column is the one to fix.
    assert ("System:4: column 'Systemnamn': the id 'lonesystem' is also the id of System:5, System:6; ids must be "
            "unique, so give each its own") in output
    assert "System:5: column 'Systemnamn': the id 'lonesystem' is also the id of System:4, System:6" in output
    assert "System:6: column 'Systemnamn': the id 'lonesystem' is also the id of System:4, System:5" in output


def test_an_id_the_repository_gives_to_another_kind(tmp_path, repo, run):
    output = _fails(run, repo, inventory(tmp_path, _systems(_row(Id="befintlig"))), "--mapping", mapping(tmp_path))
    assert ("System:4: column 'Id': the id 'befintlig' is already used by an organization in "
            "architecture/befintlig.yaml:2") in output


def test_merged_cells(tmp_path, repo, run):
    rows = _systems(_row(Systemnamn="A"), _row(Systemnamn="B"), _row(Systemnamn="C"))
    source = workbook(tmp_path / "inventering.xlsx", {"Organisationer": ORGANIZATIONS, "Förmågor": CAPABILITIES,
                                                      "System": rows}, merged={"System": ["C4:C6", "A1:J1"]})
    output = _fails(run, repo, source, "--mapping", mapping(tmp_path))
    assert ("System:4: column 'Ägare': the cells C4:C6 are merged; unmerge them and fill in every row") in output
    assert "A1:J1" not in output  # a merged title above the header is no problem


def test_a_formula_without_a_saved_value(tmp_path, repo, run):
    source = inventory(tmp_path, _systems(_row(Årskostnad="=1000*1200"), _row(Systemnamn="B", Årskostnad=5)))
    output = _fails(run, repo, source, "--mapping", mapping(tmp_path))
    assert ("System:4: column 'Årskostnad': the cell holds a formula whose value was never saved; open the "
            "workbook in a spreadsheet program and save it, or type the value") in output


def test_a_formula_with_a_saved_value_is_read_as_its_value(tmp_path, repo, run):
    source = inventory(tmp_path, _systems(_row(Årskostnad="=1000*1200")))
    # Write the value a spreadsheet program would have saved with the formula.
    patched = tmp_path / "saved.xlsx"
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(patched, "w") as copy:
        for member in original.infolist():
            data = original.read(member.filename)
            if b"<f>1000*1200</f>" in data:
                data = data.replace(b"<f>1000*1200</f><v></v>", b"<f>1000*1200</f><v>1200000</v>")
                data = data.replace(b"<f>1000*1200</f><v />", b"<f>1000*1200</f><v>1200000</v>")
                if b"<v>1200000</v>" not in data:
                    data = data.replace(b"<f>1000*1200</f>", b"<f>1000*1200</f><v>1200000</v>")
            copy.writestr(member, data)
    result = run("import", patched, "--mapping", mapping(tmp_path), repo)
    assert result.exit_code == 0, result.output
    assert "annual: 1200000" in (repo / "architecture/systems/ksf/lonesystem.yaml").read_text(encoding="utf-8")


def test_an_empty_workbook(tmp_path, repo, run):
    source = workbook(tmp_path / "tom.xlsx", {"Organisationer": [], "Förmågor": [], "System": []})
    output = _fails(run, repo, source, "--mapping", mapping(tmp_path))
    assert "mapping.yaml:2: 'Organisationer' has nothing in row 1, where the mapping expects the column names" in output
    assert "mapping.yaml:14: 'System' has nothing in row 3" in output


def test_a_file_that_is_not_a_workbook(tmp_path, repo, run):
    source = tmp_path / "inventering.xlsx"
    source.write_bytes(b"Id;Namn\nx;y\n")
    output = _fails(run, repo, source, "--mapping", mapping(tmp_path))
    assert "inventering.xlsx: this is not an .xlsx workbook (it is not a zip archive)" in output


@pytest.mark.parametrize("data, expected", [
    ("Id;Namn\nsof;Socialförvaltningen\n".encode("utf-16"), "the file is UTF-16"),
    ("Id;Namn\nsof;Förmåga och äldreomsorg\n".encode("cp850"), "the file is neither UTF-8 nor Windows-1252 (it "
                                                               "reads as 'm†g', which looks like an old DOS code page)"),
    (b"Id;Namn\nsof;Social\x81f\n", "the file is neither UTF-8 nor Windows-1252 (byte 0x81"),
])
def test_a_csv_in_an_unknown_encoding(tmp_path, repo, run, data, expected):
    source = tmp_path / "org.csv"
    source.write_bytes(data)
    output = _fails(run, repo, source, "--mapping", mapping(tmp_path, ORG_MAPPING))
    assert f"org.csv: {expected}" in output
    assert "save it as \"CSV UTF-8\"" in output


def test_a_cell_with_a_line_break_or_control_characters(tmp_path, repo, run):
    rows = _systems(_row(Systemnamn="Löne\nsystem"), _row(Systemnamn="C", **{"Används av": "sof\nNorrviks Bostäder AB"}))
    output = _fails(run, repo, inventory(tmp_path, rows), "--mapping", mapping(tmp_path))
    assert "System:4: column 'Systemnamn': the cell holds a line break; write the value on one line" in output
    assert "System:5" not in output  # in a list, a line break separates the items
    # Workbooks cannot hold most control characters; CSV files can.
    source = tmp_path / "org.csv"
    source.write_bytes("Id;Namn\nsof;Social\x07förvaltningen\nksf;KS\x1b[31m röd\n".encode("utf-8"))
    output = _fails(run, repo, source, "--mapping", mapping(tmp_path, ORG_MAPPING, "org.yaml"))
    assert ("org.csv:2: column 'Namn': the cell holds the control character '\\x07', which no text needs; "
            "delete it") in output
    assert "org.csv:3: column 'Namn': the cell holds the control character '\\x1b'" in output
    assert "\x1b" not in output and "\x07" not in output


def test_a_mapping_with_mistakes_is_reported_at_its_lines(tmp_path, repo, run):
    rules = mapping(tmp_path, """\
        tables:
          - sheet: System
            kind: system
            id: {from: Id}
            fields:
              name: Systemnamn
              sytem_owner: Systemägare
              lifecycle: Status
              owner: {from: Ägare, split: ","}
        """)
    output = _fails(run, repo, inventory(tmp_path), "--mapping", rules)
    assert "mapping.yaml:7: 'sytem_owner' is not a key of a system; did you mean 'system_owner'?" in output
    assert "mapping.yaml:8: 'lifecycle' is a group of keys; fill its keys one by one: lifecycle.status" in output
    assert "mapping.yaml:9: 'owner' holds one value, not a list; leave out 'split'" in output
    assert "mapping.yaml:5: the table fills no 'capabilities', which a system needs" in output


def test_a_mapping_that_breaks_its_schema(tmp_path, repo, run):
    rules = mapping(tmp_path, "tables:\n  - sheet: System\n    kind: application\n    id: Id\n    fields: {}\n")
    output = _fails(run, repo, inventory(tmp_path), "--mapping", rules)
    assert ("mapping.yaml:3: 'tables[0].kind' in the mapping must be 'organization', 'capability', 'system' or "
            "'integration', not the text 'application'") in output
    assert "mapping.yaml:5: 'tables[0].fields' in the mapping must not be empty" in output


def test_the_mappings_problems_and_the_sheets_are_reported_in_one_run(tmp_path, repo, run):
    # Each table has a mistake of the mapping's own and one only the workbook shows; the
    # second table's 'sheet' is no text, so its sheet cannot be checked, but the others' can.
    rules = mapping(tmp_path, """\
        tables:
          - sheet: Organisationer
            kind: organization
            id: {from: Kortnamn}
            extra: 1
            fields:
              name: Namne
              type: {from: Typen, map: {Förvaltning: administration}, typ: text}
          - sheet: 5
            kind: capability
            id: Förmåga
            fields:
              nme: Förmåga
          - sheet: Systm
            kind: system
            header_row: 3
            id: Id
            fields:
              name: Systemnamn
              owner: Ägaree
              capabilities: {from: Förmågor, split: ";"}
              lifecycle.status: Status
              sytem_owner: Status
        unknown: 1
        """)
    output = _fails(run, repo, inventory(tmp_path), "--mapping", rules)
    # the mapping's own problems
    assert "mapping.yaml:5: unknown key 'extra' in 'tables[0]' in the mapping" in output
    assert "mapping.yaml:8: unknown key 'typ' in 'tables[0].fields.type' in the mapping" in output
    assert "mapping.yaml:9: 'tables[1].sheet' in the mapping must be text, not 5" in output
    assert "mapping.yaml:13: 'nme' is not a key of a capability; did you mean 'name'?" in output
    assert "mapping.yaml:23: 'sytem_owner' is not a key of a system; did you mean 'system_owner'?" in output
    assert "mapping.yaml:24: unknown key 'unknown' in the mapping" in output
    # and, in the same run, what the workbook shows
    assert "mapping.yaml:7: 'Organisationer' has no column 'Namne' in row 1" in output
    assert "mapping.yaml:8: 'Organisationer' has no column 'Typen' in row 1" in output  # its field is wrong too
    assert ("mapping.yaml:14: inventering.xlsx has no sheet 'Systm'; its sheets are 'Organisationer', "
            "'Förmågor', 'System'; did you mean 'System'?") in output
    assert "10 problems in inventering.xlsx" in output


def test_a_wrong_table_leaves_the_others_checked_against_the_sheets(tmp_path, repo, run):
    rules = mapping(tmp_path, """\
        tables:
          - sheet: Organisationer
            kind: organisation
            id: Kortnamn
            fields:
              name: Namn
          - sheet: Förmågor
            kind: capability
            header_rows: 2
            id: Förmåga
            fields:
              name: Förmåga
          - sheet: System
            kind: system
            header_row: 3
            id: Id
            fields:
              name: Systemnamn
              owner: Ägaree
              capabilities: {from: Förmågor, split: ";"}
              lifecycle.status: Status
        """)
    output = _fails(run, repo, inventory(tmp_path), "--mapping", rules)
    assert "mapping.yaml:3: 'tables[0].kind' in the mapping must be" in output
    assert "mapping.yaml:9: unknown key 'header_rows' in 'tables[1]' in the mapping; did you mean 'header_row'?" in output
    assert "mapping.yaml:19: 'System' has no column 'Ägaree' in row 3" in output
    # a misspelt header_row leaves the header row unknown: no columns reported missing from row 1
    assert "'Förmågor' has no column" not in output
    assert "3 problems in inventering.xlsx" in output


def test_rows_are_checked_like_files_with_the_same_messages(tmp_path, repo, run):
    rules = mapping(tmp_path, """\
        tables:
          - kind: system
            id: {from: Id}
            fields:
              name: Namn
              owner: Ägare
              capabilities: {from: Förmågor, split: ","}
              lifecycle.status: Status
              hosting.provider_jurisdiction: Land
        """)
    source = tmp_path / "s.csv"
    source.write_text("Id;Namn;Ägare;Förmågor;Status;Land\nEkonomi_System;A;befintlig;x;active;UK\n"
                      "b;B;befintlig;x;aktiv;SE\n", encoding="utf-8")
    output = _fails(run, repo, source, "--mapping", rules)
    # The loader's own messages (schema, references, countries), placed at row and column.
    assert "s.csv:2: column 'Id': 'id' in system 'Ekonomi_System': 'Ekonomi_System' is not a valid id" in output
    assert "s.csv:2: column 'Land': 'hosting.provider_jurisdiction' in system 'Ekonomi_System': 'UK' is not an ISO 3166-1 country code" in output
    assert ("s.csv:3: column 'Status': 'lifecycle.status' in system 'b' must be 'planned', 'active', 'phase-out' or "
            "'retired'") in output
    assert "s.csv:3: column 'Förmågor': " in output


# -- hostile workbooks ---------------------------------------------------------------------------

def _with_member(source, name: str, data: bytes, target) -> None:
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as copy:
        for member in original.infolist():
            copy.writestr(member.filename, data if member.filename == name else original.read(member.filename))


def test_an_xml_entity_bomb_inside_the_workbook_is_refused(tmp_path, repo, run):
    source = inventory(tmp_path)
    entities = "".join(f'<!ENTITY e{i} "&e{i - 1};&e{i - 1};&e{i - 1};&e{i - 1};&e{i - 1};">' for i in range(1, 12))
    bomb = (f'<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY e0 "lol">{entities}]>'
            '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1">'
            '<si><t>&e11;</t></si></sst>').encode()
    hostile = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(source) as original:
        names = original.namelist()
    part = "xl/sharedStrings.xml" if "xl/sharedStrings.xml" in names else "xl/workbook.xml"
    _with_member(source, part, bomb, hostile)
    output = _fails(run, repo, hostile, "--mapping", mapping(tmp_path))
    assert "bomb.xlsx: the workbook declares XML entities or external references" in output


def test_a_zip_bomb_is_refused_before_it_is_expanded(tmp_path, repo, run):
    source = inventory(tmp_path)
    hostile = tmp_path / "zipbomb.xlsx"
    # 64 MB of spaces compress to some 60 kB: a thousand times, where sheets compress 5-30 times.
    _with_member(source, "xl/worksheets/sheet3.xml", b" " * (64 << 20), hostile)
    assert hostile.stat().st_size < 1 << 20
    started = time.perf_counter()
    output = _fails(run, repo, hostile, "--mapping", mapping(tmp_path))
    assert "zipbomb.xlsx: the workbook's part xl/worksheets/sheet3.xml expands" in output
    assert "(a zip bomb?)" in output
    print(f"zip bomb refused in {time.perf_counter() - started:.2f} s")


def test_a_workbook_declaring_more_than_the_limit_is_refused(tmp_path, repo, run, monkeypatch):
    from eacheck.importing import sheets

    # The real limit is a gigabyte; a smaller one shows the rule without building one.
    monkeypatch.setattr(sheets, "MAX_UNPACKED", 1 << 16)
    source = inventory(tmp_path)
    big = tmp_path / "big.xlsx"
    _with_member(source, "docProps/app.xml", bytes(range(256)) * 512, big)
    output = _fails(run, repo, big, "--mapping", mapping(tmp_path))
    assert "big.xlsx: the workbook would expand to" in output


# -- size ----------------------------------------------------------------------------------------

def test_a_huge_workbook_is_read_in_bounded_time_and_memory_with_progress(tmp_path, repo, capsys):
    """100,000 rows, read row by row, with progress on standard error once it takes a while. It
    runs as the installed command does; its time and peak memory are printed (pytest -s), never
    asserted: speed is measured in benchmarks/ (RESULTS.md)."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Organisationer")
    sheet.append(["Kortnamn", "Namn", "Typ", "Ingår i"])
    for number in range(100_000):
        sheet.append([f"org-{number}", f"Förvaltning {number}", "Förvaltning" if number % 1000 else "Okänd", None])
    source = tmp_path / "stor.xlsx"
    book.save(source)
    rules = mapping(tmp_path, """\
        tables:
          - sheet: Organisationer
            kind: organization
            id: Kortnamn
            fields:
              name: Namn
              type: {from: Typ, map: {Förvaltning: administration}}
        """, "stor.yaml")
    before = snapshot(repo)
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "eacheck", "import", str(source), "--mapping", str(rules),
                                str(repo), "--lang", "en"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    stdout, stderr = process.communicate()
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    seconds = time.perf_counter() - started
    output, errors = stdout.decode(), stderr.decode()
    assert process.returncode == 1, errors
    assert "100 problems in stor.xlsx; nothing was written" in output
    assert "Organisationer:1002: column 'Typ': 'Okänd' is not one of the values" in output
    assert "Organisationer:99002: column 'Typ'" in output
    assert "reading Organisationer: row " in errors and "Traceback" not in errors
    assert snapshot(repo) == before
    with capsys.disabled():
        print(f"\n100,000 rows: {seconds:.1f} s, peak {usage.ru_maxrss / 1024:.0f} MB "
              f"(workbook {source.stat().st_size / 2**20:.1f} MB)")
