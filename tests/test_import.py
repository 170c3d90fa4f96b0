"""`eacheck import` from a workbook or CSV file: the files it writes, running it twice, --update,
--dry-run, the layout it follows, and the encodings and separators of CSV files."""

from __future__ import annotations

import textwrap

import pytest
from importing_helpers import (
    ORGANIZATIONS,
    SYSTEM_MAPPING,
    SYSTEMS,
    empty_repository,
    inventory,
    mapping,
    snapshot,
    workbook,
)

from eacheck import api
from eacheck.loading import yaml_parser


@pytest.fixture
def repo(tmp_path):
    return empty_repository(tmp_path / "repo")


def test_a_workbook_becomes_a_valid_repository(tmp_path, repo, run):
    result = run("import", inventory(tmp_path), "--mapping", mapping(tmp_path), repo, "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "inventering.xlsx: 10 new, 0 with differences, 0 unchanged" in result.output
    assert not api.validate(repo).findings
    files = sorted(path.relative_to(repo).as_posix() for path in repo.rglob("*.yaml"))
    assert files == [
        "architecture/capabilities/arendehantering.yaml",
        "architecture/capabilities/ekonomi.yaml",
        "architecture/capabilities/lon.yaml",
        "architecture/organizations/bostader.yaml",
        "architecture/organizations/ksf.yaml",
        "architecture/organizations/sof.yaml",
        "architecture/organizations/stadshus.yaml",
        "architecture/systems/ksf/ekonomisystem.yaml",
        "architecture/systems/ksf/lonesystem.yaml",
        "architecture/systems/sof/arendesystem-soc.yaml",
    ]
    # What an architect would have written: documented key order, no needless quotes, dates as
    # dates, lists in flow style; names looked up to ids, map and types applied.
    assert (repo / "architecture/systems/ksf/ekonomisystem.yaml").read_text(encoding="utf-8") == textwrap.dedent("""\
        kind: system
        id: ekonomisystem
        name: Ekonomisystem
        owner: ksf
        used_by: [sof, bostader]
        capabilities: [ekonomi]
        group_common: true
        lifecycle:
          status: active
        data:
          confidentiality: 1
        cost:
          annual: 1850000
        contract:
          end: 2028-12-31
        """)
    lonesystem = (repo / "architecture/systems/ksf/lonesystem.yaml").read_text(encoding="utf-8")
    assert "cost:\n  annual: 1200000\n" in lonesystem
    assert "group_common: true" in lonesystem
    assert "parent: stadshus" in (repo / "architecture/organizations/bostader.yaml").read_text(encoding="utf-8")


def test_files_created_by_two_threads_are_those_of_one(tmp_path, run, monkeypatch):
    from eacheck.importing import writing

    made = {}
    for threshold in (1000, 2):
        monkeypatch.setattr(writing, "THREADED_FROM", threshold)
        target = empty_repository(tmp_path / f"repo-{threshold}")
        assert run("import", inventory(tmp_path), "--mapping", mapping(tmp_path), target).exit_code == 0
        made[threshold] = snapshot(target)
    assert len(made[2]) >= 10 and made[2] == made[1000]


def test_importing_the_same_workbook_twice_changes_nothing(tmp_path, repo, run):
    source, rules = inventory(tmp_path), mapping(tmp_path)
    assert run("import", source, "--mapping", rules, repo).exit_code == 0
    before = snapshot(repo)
    again = run("import", source, "--mapping", rules, repo, "--update", "--lang", "en")
    assert again.exit_code == 0, again.output
    assert "0 new, 0 with differences, 10 unchanged" in again.output
    assert snapshot(repo) == before


def test_dry_run_writes_nothing_and_says_what_it_would(tmp_path, repo, run):
    before = snapshot(repo)
    result = run("import", inventory(tmp_path), "--mapping", mapping(tmp_path), repo, "--dry-run", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "would create architecture/systems/ksf/lonesystem.yaml (System:5)" in result.output
    assert "Nothing was written (--dry-run)." in result.output
    assert snapshot(repo) == before


def _three_cells_changed():
    rows = [list(row) for row in SYSTEMS]
    rows[3][6] = 1900000               # Årskostnad of ekonomisystem
    rows[3][3] = "sof"                 # Används av: Norrviks Bostäder AB no longer
    rows[5][5] = "Avvecklad"           # Ärendesystem Soc: status
    return rows


def test_three_changed_cells_change_exactly_three_keys_with_update_and_keep_comments(tmp_path, repo, run):
    assert run("import", inventory(tmp_path), "--mapping", mapping(tmp_path), repo).exit_code == 0
    # An architect adds comments and a key of their own after the first import.
    path = repo / "architecture/systems/ksf/ekonomisystem.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("owner: ksf\n", "owner: ksf            # beslut KS 2025/114\n")
    text = "# Koncernens ekonomisystem\n" + text + "user_count: 900\n"
    path.write_text(text, encoding="utf-8")
    (tmp_path / "v2").mkdir()
    changed_source = inventory(tmp_path / "v2", _three_cells_changed())

    listed = run("import", changed_source, "--mapping", mapping(tmp_path), repo, "--lang", "en")
    assert listed.exit_code == 0, listed.output
    assert "cost.annual: 1850000 → 1900000" in listed.output
    assert "used_by: [sof, bostader] → [sof]" in listed.output
    assert "lifecycle.status: phase-out → retired" in listed.output
    assert "run the import again with --update" in listed.output
    assert path.read_text(encoding="utf-8") == text  # listed, not written

    updated = run("import", changed_source, "--mapping", mapping(tmp_path), repo, "--update", "--lang", "en")
    assert updated.exit_code == 0, updated.output
    after = path.read_text(encoding="utf-8")
    changed_lines = [(old, new) for old, new in zip(text.splitlines(), after.splitlines()) if old != new]
    assert changed_lines == [("used_by: [sof, bostader]", "used_by: [sof]"), ("  annual: 1850000", "  annual: 1900000")]
    assert after.startswith("# Koncernens ekonomisystem\n")
    assert "owner: ksf            # beslut KS 2025/114\n" in after and after.endswith("user_count: 900\n")
    other = (repo / "architecture/systems/sof/arendesystem-soc.yaml").read_text(encoding="utf-8")
    assert "status: retired" in other
    assert not api.validate(repo).findings
    # and once more: nothing left to change
    before = snapshot(repo)
    assert "0 with differences" in run("import", changed_source, "--mapping", mapping(tmp_path), repo,
                                       "--update", "--lang", "en").output
    assert snapshot(repo) == before


def test_update_keeps_the_other_documents_of_a_file_and_places_a_new_key_in_documented_order(repository, tmp_path, run):
    root = repository({"architecture/organizations.yaml": """\
        # Koncernens organisationer
        kind: organization
        id: ks
        name: Kommunstyrelseförvaltningen
        type: administration

        ---
        kind: organization
        id: stadshus
        name: Stadshus AB   # moderbolaget
        type: holding
        ---
        kind: organization
        id: bostad
        name: Bostadsbolaget AB
        type: company
        parent: stadshus
        """})
    original = (root / "architecture/organizations.yaml").read_text(encoding="utf-8")
    source = tmp_path / "org.csv"
    source.write_text("Id;Namn;Beskrivning\nstadshus;Kustlunda Stadshus AB;Koncernens moderbolag\n", encoding="utf-8")
    rules = mapping(tmp_path, """\
        tables:
          - kind: organization
            id: Id
            fields:
              name: Namn
              description: Beskrivning
              type: {value: holding}
        """, "org-mapping.yaml")
    result = run("import", source, "--mapping", rules, root, "--update", "--lang", "en")
    assert result.exit_code == 0, result.output
    after = (root / "architecture/organizations.yaml").read_text(encoding="utf-8")
    assert after == original.replace(
        "name: Stadshus AB   # moderbolaget\n",
        "name: Kustlunda Stadshus AB # moderbolaget\ndescription: Koncernens moderbolag\n")


def test_new_files_follow_the_layout_the_repository_uses(repository, tmp_path, run):
    system = """\
        kind: system
        id: {id}
        name: {id}
        owner: {owner}
        capabilities: [ekonomi]
        lifecycle: {{status: active}}
        """
    root = repository({
        "architecture/organizations.yaml": "kind: organization\nid: ks\nname: KS\ntype: administration\n"
                                           "---\nkind: organization\nid: sb\nname: SB\ntype: administration\n",
        # two of the three systems sit in a folder named after their owner
        "architecture/landskap/system/ks/a.yaml": system.format(id="a", owner="ks"),
        "architecture/landskap/system/sb/b.yaml": system.format(id="b", owner="sb"),
        "architecture/kapabiliteter/ekonomi.yaml": "kind: capability\nid: lon\nname: Lön\n",
        "architecture/kapabiliteter/arende.yaml": "kind: capability\nid: arende\nname: Ärende\n",
    }, base=False)
    (root / "architecture/capabilities.yaml").write_text("kind: capability\nid: ekonomi\nname: Ekonomi\n")
    (root / "architecture/systems.yaml").write_text(system.format(id="c", owner="ks").replace("        ", ""))
    source = tmp_path / "in.csv"
    source.write_text("Namn;Ägare;Typ\nFakturaportal;KS;System\nBokning;sb;System\nNämnd;;Förmåga\n", encoding="utf-8")
    rules = mapping(tmp_path, """\
        tables:
          - kind: system
            id: {from: Namn, slug: true}
            fields:
              name: Namn
              owner: {from: Ägare, lookup: organization}
              capabilities: {value: [ekonomi]}
              lifecycle.status: {value: active}
        """, "m.yaml")
    source.write_text("Namn;Ägare\nFakturaportal;KS\nBokning;sb\n", encoding="utf-8")
    result = run("import", source, "--mapping", rules, root, "--lang", "en")
    assert result.exit_code == 0, result.output
    assert (root / "architecture/landskap/system/ks/fakturaportal.yaml").is_file()
    assert (root / "architecture/landskap/system/sb/bokning.yaml").is_file()
    capabilities = tmp_path / "cap.csv"
    capabilities.write_text("Förmåga\nDokumenthantering\n", encoding="utf-8")
    rules = mapping(tmp_path, """\
        tables:
          - kind: capability
            id: {from: Förmåga, slug: true}
            fields:
              name: Förmåga
        """, "c.yaml")
    assert run("import", capabilities, "--mapping", rules, root).exit_code == 0
    assert (root / "architecture/kapabiliteter/dokumenthantering.yaml").is_file()


def test_a_new_file_never_goes_over_an_existing_one(repository, tmp_path, run):
    root = repository({"architecture/organizations/ny.yaml": "# reserverad\n"}, base=False)
    (root / "architecture/organizations/ks.yaml").write_text("kind: organization\nid: ks\nname: KS\ntype: administration\n")
    source = tmp_path / "o.csv"
    source.write_text("Id;Namn\nny;Ny förvaltning\n", encoding="utf-8")
    rules = mapping(tmp_path, "tables:\n  - kind: organization\n    id: Id\n    fields:\n      name: Namn\n"
                              "      type: {value: administration}\n", "o.yaml")
    assert run("import", source, "--mapping", rules, root).exit_code == 0
    assert (root / "architecture/organizations/ny.yaml").read_text() == "# reserverad\n"
    assert "id: ny\n" in (root / "architecture/organizations/ny-2.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("threads", [1, 2])
@pytest.mark.parametrize("appears", ["file", "link"])
def test_a_file_that_appears_between_planning_and_writing_stops_the_import_and_undoes_it(
        tmp_path, repo, monkeypatch, appears, threads):
    """Another program (or a link planted meanwhile) takes the name of a planned file: nothing is
    written over it or through it, and the files already written are removed again, also when
    two threads create the files (as for a large import)."""
    from eacheck.errors import UsageError
    from eacheck.importing import writing

    monkeypatch.setattr(writing, "THREADED_FROM", 1000 if threads == 1 else 2)

    outside = tmp_path / "outside.txt"
    real_apply = writing.apply
    names = []

    def apply_after_the_name_is_taken(plan, root, update):
        taken = root / plan.created[-1].path  # the last one: the others are written first
        names.append(taken)
        taken.parent.mkdir(parents=True, exist_ok=True)
        if appears == "file":
            taken.write_text("# skriven av någon annan\n", encoding="utf-8")
        else:
            taken.symlink_to(outside)
        return real_apply(plan, root, update)

    monkeypatch.setattr(writing, "apply", apply_after_the_name_is_taken)
    with pytest.raises(UsageError, match="appeared while importing|dök upp"):
        api.import_source(repo, inventory(tmp_path), mapping(tmp_path))
    [taken] = names
    assert not outside.exists()
    left = sorted(path.relative_to(repo).as_posix() for path in repo.rglob("*") if path.is_file() or path.is_symlink())
    assert left == [taken.relative_to(repo).as_posix()]  # only what the other program made
    if appears == "file":
        assert taken.read_text(encoding="utf-8") == "# skriven av någon annan\n"


@pytest.mark.parametrize("encoding, delimiter", [("utf-8", ","), ("utf-8-sig", ";"), ("cp1252", ";")])
def test_csv_in_each_encoding_and_separator_reads_the_same(tmp_path, repo, run, encoding, delimiter):
    rows = [["Kortnamn", "Namn", "Typ"], ["ksf", "Kommunstyrelseförvaltningen", "Förvaltning"],
            ["bostader", "Norrviks Bostäder AB", "Bolag"]]
    source = tmp_path / "organisationer.csv"
    source.write_bytes("\r\n".join(delimiter.join(row) for row in rows).encode(encoding) + b"\r\n")
    rules = mapping(tmp_path, """\
        tables:
          - kind: organization
            id: Kortnamn
            fields:
              name: Namn
              type: {from: Typ, map: {Förvaltning: administration, Bolag: company}}
        """, "org.yaml")
    result = run("import", source, "--mapping", rules, repo, "--lang", "en")
    assert result.exit_code == 0, result.output
    text = (repo / "architecture/organizations/bostader.yaml").read_text(encoding="utf-8")
    assert "name: Norrviks Bostäder AB\ntype: company\n" in text


def test_values_that_yaml_1_1_misreads_are_quoted_and_read_back_the_same(tmp_path, repo, run):
    source = tmp_path / "org.csv"
    source.write_text("Id,Namn\nno,NO\nyes-ab,yes\nnummer,1_000\nklocka,12:30\n2026-01-01,2026-01-01\n",
                      encoding="utf-8")
    rules = mapping(tmp_path, """\
        tables:
          - kind: organization
            id: Id
            fields:
              name: Namn
              type: {value: external}
        """, "org.yaml")
    assert run("import", source, "--mapping", rules, repo).exit_code == 0
    written = {path.stem: path.read_text(encoding="utf-8") for path in (repo / "architecture/organizations").iterdir()}
    assert 'name: "NO"\n' in written["no"] and 'name: "yes"\n' in written["yes-ab"]
    assert 'name: "1_000"\n' in written["nummer"] and 'name: "12:30"\n' in written["klocka"]
    # A date where text is meant: YAML 1.1 tools (PyYAML) would read a date, not the id and name.
    assert 'id: "2026-01-01"\nname: "2026-01-01"\n' in written["2026-01-01"]
    import yaml as pyyaml

    for text in written.values():
        assert yaml_parser.parse(text).documents[0].value["name"] in {"NO", "yes", "1_000", "12:30", "2026-01-01"}
        assert pyyaml.safe_load(text)["name"] in {"NO", "yes", "1_000", "12:30", "2026-01-01"}


def test_dates_are_written_as_dates_and_date_like_text_is_quoted(tmp_path, repo, run):
    rows = [row[:] for row in SYSTEMS]
    rows[3][1] = "2026-01-01"  # a system named like a date; its contract end is a real date
    assert run("import", inventory(tmp_path, rows), "--mapping", mapping(tmp_path), repo).exit_code == 0
    text = (repo / "architecture/systems/ksf/ekonomisystem.yaml").read_text(encoding="utf-8")
    assert 'name: "2026-01-01"\n' in text and "  end: 2028-12-31\n" in text


def test_a_name_written_with_combining_accents_slugs_and_looks_up_as_the_letter(tmp_path, repo, run):
    """"Ärendehantering" as macOS or a PDF may give it: A + combining diaeresis."""
    import unicodedata

    capabilities = [["Förmåga"], ["Ekonomi"], ["Lön"], [unicodedata.normalize("NFD", "Ärendehantering")]]
    source = workbook(tmp_path / "nfd.xlsx", {"Organisationer": ORGANIZATIONS, "Förmågor": capabilities,
                                              "System": SYSTEMS})
    result = run("import", source, "--mapping", mapping(tmp_path), repo)
    assert result.exit_code == 0, result.output
    assert (repo / "architecture/capabilities/arendehantering.yaml").is_file()
    assert "capabilities: [arendehantering]" in (
        repo / "architecture/systems/sof/arendesystem-soc.yaml").read_text(encoding="utf-8")


def test_the_systems_of_the_example_group_import_back_unchanged_from_a_csv_export(tmp_path, repo, run):
    """The same systems, once from the workbook and once from a CSV of the System sheet with
    the Swedish Excel's separator and encoding: the second import finds nothing to change."""
    assert run("import", inventory(tmp_path), "--mapping", mapping(tmp_path), repo).exit_code == 0
    lines = [";".join("" if cell is None else str(cell) for cell in row) for row in SYSTEMS]
    source = tmp_path / "system.csv"
    source.write_bytes("\r\n".join(lines).encode("cp1252") + b"\r\n")
    csv_mapping = SYSTEM_MAPPING[SYSTEM_MAPPING.index("  - sheet: System"):].replace("  - sheet: System\n    kind", "  - kind")
    rules = mapping(tmp_path, "tables:\n" + csv_mapping, "csv.yaml")
    before = snapshot(repo)
    result = run("import", source, "--mapping", rules, repo, "--update", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "0 new, 0 with differences, 3 unchanged" in result.output
    assert snapshot(repo) == before


def test_an_update_that_would_break_a_file_is_reported_at_its_cell_and_written_nowhere(repository, tmp_path, run):
    root = repository({"architecture/systems/ks/lon.yaml": """\
        # Lönesystemet
        kind: system
        id: lon
        name: Lönesystem
        owner: ks
        capabilities: [ekonomi]
        lifecycle: {status: active}
        hosting:
          model: saas
          provider_jurisdiction: SE
        """})
    source = tmp_path / "s.csv"
    source.write_text("Id;Land;Ägare\nlon;UK;ks\n", encoding="utf-8")
    rules = mapping(tmp_path, """\
        tables:
          - kind: system
            id: Id
            fields:
              name: {value: Lönesystem}
              owner: Ägare
              capabilities: {value: [ekonomi]}
              lifecycle.status: {value: active}
              hosting.provider_jurisdiction: Land
        """, "m.yaml")
    before = snapshot(root)
    result = run("import", source, "--mapping", rules, root, "--update", "--lang", "en")
    assert result.exit_code == 1
    assert ("s.csv:2: column 'Land': 'hosting.provider_jurisdiction' in system 'lon': 'UK' is not an ISO 3166-1 "
            "country code") in result.output
    assert snapshot(root) == before


@pytest.mark.parametrize("saved_by", ["Windows (CR LF line endings)", "Notepad (a byte-order mark)"])
def test_a_file_keeps_its_line_endings_and_byte_order_mark(repository, tmp_path, run, saved_by):
    """Only the differing key changes; the rest of the file's bytes stay as its editor saved them."""
    root = repository({})
    path = root / "architecture/organizations.yaml"
    if saved_by.startswith("Windows"):
        original, end = path.read_bytes().replace(b"\n", b"\r\n"), b"\r\n"
    else:
        original, end = b"\xef\xbb\xbf" + path.read_bytes(), b"\n"
    path.write_bytes(original)
    source = tmp_path / "o.csv"
    source.write_text("Id;Namn\nks;Kommunstyrelsens förvaltning\n", encoding="utf-8")
    rules = mapping(tmp_path, "tables:\n  - kind: organization\n    id: Id\n    fields:\n      name: Namn\n"
                              "      type: {value: administration}\n", "o.yaml")
    result = run("import", source, "--mapping", rules, root, "--update", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert path.read_bytes() == original.replace(b"name: Kommunstyrelsef\xc3\xb6rvaltningen" + end,
                                                 "name: Kommunstyrelsens förvaltning".encode() + end)


def test_update_of_a_list_keeps_the_comments_on_the_items_that_stay(repository, tmp_path, run):
    root = repository({})
    path = root / "architecture/system.yaml"
    path.write_text(textwrap.dedent("""\
        kind: capability
        id: ekonomi
        name: Ekonomi
        ---
        kind: capability
        id: lon
        name: Lön
        ---
        kind: system
        id: lonesystem
        name: Lönesystem
        owner: ksf
        capabilities:
          - lon        # lön och tidrapportering
          - ekonomi    # bara attestflödet; flyttas 2027
        lifecycle:
          status: active
        """), encoding="utf-8")
    (root / "architecture/hr.yaml").write_text("kind: capability\nid: hr\nname: Personal\n", encoding="utf-8")
    source = tmp_path / "s.csv"
    source.write_text("Id;Förmågor\nlonesystem;hr, lon\n", encoding="utf-8")
    rules = mapping(tmp_path, """\
        tables:
          - kind: system
            id: Id
            fields:
              name: {value: Lönesystem}
              owner: {value: ksf}
              lifecycle.status: {value: active}
              capabilities: {from: Förmågor, split: ",", lookup: capability}
        """, "s.yaml")
    result = run("import", source, "--mapping", rules, root, "--update", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "capabilities:\n  - lon        # lön och tidrapportering\n  - hr\nlifecycle:" in path.read_text(encoding="utf-8")
