"""`eacheck report` as a user runs it: formats, languages, where it writes and how it fails."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import PROJECT_ROOT, write_repository

AS_OF = "2026-11-27"

HOSTILE = {
    "eacheck.yaml": 'name: "<img src=x onerror=alert(2)>"\n',
    "architecture/systems/elak.yaml": """\
        kind: system
        id: elak
        name: "<script>alert(1)</script>"
        description: "**fet** [länk](https://example.org) | tabell"
        owner: ks
        system_owner: "<b>Chef</b>"
        used_by: [bostad]
        capabilities: [ekonomi]
        lifecycle: {status: phase-out, retire_by: 2027-06-30}
        cost: {annual: 1234567}
        """,
}


def files_under(root: Path) -> set[str]:
    return {str(path.relative_to(root)) for path in root.rglob("*")}


def report(run, root, *args: str) -> str:
    result = run("report", root, "--as-of", AS_OF, "--out", "-", *args)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_documents_left_out_of_the_figures_are_noted(repository, run, tmp_path):
    """A document that fails validation is left out of the figures: the report is written, and
    standard error says so, so that nobody reads incomplete figures unawares."""
    root = repository({"architecture/trasig.yaml": "kind: system\nid: trasig\nname: Trasig\n",
                       "architecture/ogiltig.yaml": "kind: organization\nid: ogiltig\nname: O\ntype: bolag\n"})
    result = run("report", root, "--as-of", AS_OF, "--out", "-", "--format", "json", "--lang", "en")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["shared_use"]["active_systems"] == 1  # the base landscape's only
    assert result.stderr.strip() == ("note: 4 problems in the files leave part of the landscape out of the "
                                     "figures; `eacheck validate` shows them")
    swedish = run("report", root, "--as-of", AS_OF, "--out", "-", "--format", "md")
    assert swedish.stderr.strip().startswith("obs: 4 fel i filerna gör att en del av landskapet saknas")
    clean = run("report", write_repository(tmp_path / "ren", {}), "--as-of", AS_OF, "--out", "-", "--format", "md")
    assert clean.stderr == ""


# -- where it writes -------------------------------------------------------------------------


def test_default_file_is_written_under_reports_and_nothing_else(repository, run):
    root = repository()
    before = files_under(root)
    result = run("report", root, "--as-of", AS_OF)
    assert result.exit_code == 0, result.output
    written = root / "reports" / "2026-Q4-shared-use.html"
    assert files_under(root) - before == {"reports", "reports/2026-Q4-shared-use.html"}
    assert result.stderr.strip() == f"rapporten är skriven till {written}"  # Swedish: no language set
    english = run("report", root, "--as-of", AS_OF, "--lang", "en")
    assert english.stderr.strip() == f"the report is written to {written}"
    assert written.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.parametrize(("as_of", "name"), [("2027-01-01", "2027-Q1"), ("2027-06-30", "2027-Q2")])
def test_default_file_is_named_after_the_quarter(repository, run, as_of, name):
    root = repository()
    assert run("report", root, "--as-of", as_of, "--format", "md").exit_code == 0
    assert (root / "reports" / f"{name}-shared-use.md").is_file()


def test_out_writes_where_told(repository, run, tmp_path):
    root = repository()
    target = tmp_path / "elsewhere" / "rapport.json"
    target.parent.mkdir()
    result = run("report", root, "--as-of", AS_OF, "--format", "json", "--out", target)
    assert result.exit_code == 0, result.output
    assert json.loads(target.read_text(encoding="utf-8"))["as_of"] == AS_OF
    assert not (root / "reports").exists()


def test_out_dash_prints_only_the_report(repository, run):
    root = repository()
    result = run("report", root, "--as-of", AS_OF, "--format", "json", "--out", "-")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["quarter"] == "2026-Q4"  # nothing but the document on stdout
    assert not (root / "reports").exists()


# -- atomic writing (more in test_safe_write.py) --------------------------------------------------------------------------


def test_a_rendering_error_leaves_the_previous_report_untouched(repository, run, monkeypatch):
    from eacheck.output.report import context

    root = repository()
    assert run("report", root, "--as-of", AS_OF).exit_code == 0
    written = root / "reports" / "2026-Q4-shared-use.html"
    good = written.read_bytes()
    listing = files_under(root)

    def broken(self, amount):
        raise RuntimeError("money formatting broke half-way through the template")

    monkeypatch.setattr(context.Formats, "money", broken)
    result = run("report", root, "--as-of", "2026-12-01", "--lang", "en")  # same quarter, same file name
    assert result.exit_code == 2
    assert "internal error" in result.output
    assert written.read_bytes() == good
    assert files_under(root) == listing  # no temporary file left behind


# -- exit codes ------------------------------------------------------------------------------


def test_a_missing_folder_exits_2(run, tmp_path):
    result = run("report", tmp_path / "finns-inte", "--out", "-")
    assert result.exit_code == 2
    assert "finns-inte: mappen finns inte" in result.output
    assert "finns-inte: no such folder" in run("report", tmp_path / "finns-inte", "--out", "-", "--lang", "en").output


def test_an_unknown_revision_exits_2(repository, run):
    from gitrepo import GitRepository

    root = repository()
    git = GitRepository(root)
    git.commit("första")
    result = run("report", root, "--as-of", AS_OF, "--compare-to", "finns-inte", "--out", "-", "--lang", "en")
    assert result.exit_code == 2
    assert "finns-inte" in result.output and "no such git revision" in result.output


def test_an_out_folder_that_does_not_exist_exits_2(repository, run, tmp_path):
    result = run("report", repository(), "--as-of", AS_OF, "--out", tmp_path / "saknas" / "r.md", "--lang", "en")
    assert result.exit_code == 2
    assert "does not exist" in result.output


def test_a_file_where_the_reports_folder_belongs_exits_2(repository, run):
    root = repository({"reports": "not a folder"})
    result = run("report", root, "--as-of", AS_OF, "--lang", "en")
    assert result.exit_code == 2
    assert "is a file, not a folder" in result.output
    assert (root / "reports").read_text(encoding="utf-8") == "not a folder"


def test_help_ends_with_an_example(run):
    result = run("report", "--lang", "en", "--help")
    assert result.exit_code == 0
    assert "Example: eacheck report" in result.output


# -- determinism and languages ---------------------------------------------------------------


@pytest.mark.parametrize("format_name", ["html", "md", "json"])
def test_same_input_gives_the_same_bytes(run, format_name):
    first = report(run, PROJECT_ROOT, "--format", format_name)
    second = report(run, PROJECT_ROOT, "--format", format_name)
    assert first == second


def test_swedish_by_default_english_on_request(run):
    swedish = report(run, PROJECT_ROOT, "--format", "md")
    english = report(run, PROJECT_ROOT, "--format", "md", "--lang", "en")
    assert "## Delad användning per organisation" in swedish
    assert "## Shared use per organization" in english
    # Babel's forms: no-break spaces between thousands, before kr and before %
    assert "3\u00a0270\u00a0000\u00a0kr" in swedish and "SEK\u00a03,270,000" in english
    assert "27 november 2026" in swedish and "27 November 2026" in english
    assert "| **Delningsindex** | **47\u00a0%** |" in swedish
    assert "| **Shared-use index** | **47%** |" in english
    assert "Shared" not in swedish.split("## Metod")[0]


def test_language_comes_from_the_settings(repository, run):
    root = repository({"eacheck.yaml": "language: en\ncurrency: EUR\n"})
    english = report(run, root, "--format", "md")
    assert "# Shared use" in english
    assert "# Delad användning" in report(run, root, "--format", "md", "--lang", "sv")
    assert json.loads(report(run, root, "--format", "json"))["currency"] == "EUR"


# -- content ---------------------------------------------------------------------------------


def test_json_has_every_section_of_the_contract(run):
    document = json.loads(report(run, PROJECT_ROOT, "--format", "json"))
    assert list(document) == [
        "as_of", "quarter", "group", "language", "currency", "shared_use", "duplication",
        "duplication_total", "decommission_candidates", "contract_months", "time", "completeness", "targets",
        "findings", "graph", "movement", "history", "history_skipped", "names",
    ]
    figures = {entry["system"]: entry for entry in document["graph"]["systems"]}
    assert len(figures) == 66
    # The platform carries most flows; a flow via it counts in and out of it.
    platform = figures["integrationsplattform"]
    assert platform["fan_in"] > 50 and platform["fan_out"] > 50
    assert platform["single_point_of_failure"] is True
    shared = document["shared_use"]
    assert {"active_systems", "shared_systems", "index", "spend_index", "cross_boundary_index",
            "by_organization", "systems"} <= shared.keys()
    assert len(shared["systems"]) == shared["active_systems"] == 66
    assert [s["system"] for s in shared["systems"]] == sorted(s["system"] for s in shared["systems"])
    for entry in document["duplication"]:
        assert entry.keys() >= {"capability", "systems", "kept", "annual_cost", "alternative_cost"}
        assert entry["systems"] == sorted(entry["systems"]) and entry["kept"] in entry["systems"]
    for candidate in document["decommission_candidates"]:
        assert candidate["reasons"] == sorted(candidate["reasons"])
        assert candidate["dependents"] == sorted(set(candidate["dependents"]))
        assert candidate["system"] not in candidate["dependents"]
    assert document["movement"] is None
    assert document["history"] is None and document["history_skipped"] is None  # only with --history
    assert document["names"]["systems"]["ekonomisystem"] == "Ekonomisystem Kassaboken"
    for value in (shared["index"], shared["spend_index"], document["completeness"]["share"]):
        assert 0 <= value <= 1


def test_markdown_reads_as_a_report(run):
    text = report(run, PROJECT_ROOT, "--format", "md", "--lang", "en")
    assert text.startswith("# Shared use – Kustlunda kommunkoncern\n")
    for heading in ("Indexes against targets", "Shared use per organization", "Duplication and alternative cost",
                    "Decommissioning candidates", "TIME classification", "Findings per principle",
                    "Data completeness", "Method"):
        assert f"\n## {heading}\n" in text
    assert "Alternative cost for the group (each system once): SEK\u00a03,270,000 a year." in text
    assert "| **Shared-use index** | **47%** | 50% (Below target by 3.0 percentage points) |" in text
    assert "+4.0 percentage points per quarter" in text  # (55 % - 46.97 %) / 2 quarters
    assert "| Ekonomisystem Kustlundahem | AB Kustlundahem | SEK\u00a0680,000 | covered by a group-common system" in text
    assert "| **Total** | **13** | **10** | **0** |" in text
    assert "In addition, 3 findings were waived" in text


def test_nothing_from_the_yaml_becomes_html(repository, run):
    html = report(run, repository(HOSTILE), "--format", "html")
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(2)&gt;" in html
    assert "<script" not in html.lower()  # the page has no script of its own either


def test_nothing_from_the_yaml_becomes_markdown(repository, run):
    text = report(run, repository(HOSTILE), "--format", "md")
    assert r"\<script\>alert(1)\</script\>" in text
    assert r"\<img src=x onerror=alert(2)\>" in text
    assert re.search(r"(?<!\\)<", text) is None  # not one `<` that could open HTML


def test_html_is_self_contained(run):
    html = report(run, PROJECT_ROOT, "--format", "html")
    assert '<html lang="sv">' in html
    assert "@page" in html and "@media print" in html
    assert "<caption>" in html and '<th scope="col"' in html and '<th scope="row"' in html
    assert "<svg" in html
    # nothing to fetch: no external URL, stylesheet, script, image or font
    assert "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "https://" not in html and "<link" not in html and "<img" not in html and "url(" not in html
