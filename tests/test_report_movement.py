"""Movement since last quarter (`--compare-to`), in a real git repository with two quarters of
history: figures then and now, systems added, removed and changed, findings opened and closed."""

from __future__ import annotations

import json
import textwrap

import pytest

from conftest import BASE_LANDSCAPE, write_repository
from gitrepo import GitRepository

AS_OF = "2026-11-27"

LAST_QUARTER = {
    "architecture/capabilities-extra.yaml": """\
        kind: capability
        id: arenden
        name: Ärendehantering
        """,
    # active, not group-common, and its capability has a group-common system: shared-over-unique
    "architecture/systems/gammal.yaml": """\
        kind: system
        id: gammal
        name: Gammalt ekonomisystem
        owner: bostad
        system_owner: Ekonomichef
        capabilities: [ekonomi]
        lifecycle: {status: active}
        hosting: {model: on-premises}
        cost: {annual: 100}
        """,
    "architecture/systems/arende.yaml": """\
        kind: system
        id: arende
        name: Ärendesystem
        owner: ks
        system_owner: Registrator
        capabilities: [arenden]
        lifecycle: {status: active}
        hosting: {model: on-premises}
        """,
    # no system owner: a clear-ownership finding that goes away with the system
    "architecture/systems/borttagen.yaml": """\
        kind: system
        id: borttagen
        name: Borttaget system
        owner: ks
        capabilities: [arenden]
        lifecycle: {status: active}
        hosting: {model: on-premises}
        """,
    # no system owner in both quarters: the same finding, though its line moves
    "architecture/systems/kvar.yaml": """\
        kind: system
        id: kvar
        name: Kvarvarande system
        owner: ks
        capabilities: [arenden]
        lifecycle: {status: active}
        hosting: {model: on-premises}
        """,
}

THIS_QUARTER = {
    "architecture/systems/e-arkiv.yaml": """\
        kind: system
        id: e-arkiv
        name: E-arkiv
        owner: ks
        system_owner: Arkivarie
        used_by: [bostad]
        capabilities: [arenden]
        lifecycle: {status: active}
        hosting: {model: on-premises}
        """,
    "architecture/systems/gammal.yaml": LAST_QUARTER["architecture/systems/gammal.yaml"].replace(
        "status: active", "status: retired"
    ),
    # phase-out without retire_by: a lifecycle finding opened this quarter
    "architecture/systems/arende.yaml": LAST_QUARTER["architecture/systems/arende.yaml"].replace(
        "status: active", "status: phase-out"
    ),
    "architecture/systems/borttagen.yaml": None,
    "architecture/systems/kvar.yaml": "# Flyttad rad: fyndet ska följa med.\n\n"
    + LAST_QUARTER["architecture/systems/kvar.yaml"],
}


@pytest.fixture
def two_quarters(tmp_path):
    root = tmp_path / "arkiv"
    write_repository(root, LAST_QUARTER)
    git = GitRepository(root)
    git.commit("Läget efter kvartal 3")
    git.git("tag", "rapport-2026-Q3")
    git.write(THIS_QUARTER)
    git.commit("Läget efter kvartal 4")
    return git


def test_movement_since_last_quarter(two_quarters, run):
    git = two_quarters
    before = git.state()
    result = run("report", git.root, "--as-of", AS_OF, "--compare-to", "rapport-2026-Q3",
                 "--format", "json", "--out", "-")
    assert result.exit_code == 0, result.output
    assert git.state() == before  # the working tree is untouched: no checkout, no file written
    movement = json.loads(result.stdout)["movement"]
    assert movement["revision"] == "rapport-2026-Q3"
    # then: ekonomisystem, gammal, arende, borttagen, kvar active; only ekonomisystem shared
    # now: ekonomisystem, arende (phase-out), kvar, e-arkiv; ekonomisystem and e-arkiv shared
    assert movement["indexes"]["shared_use_index"] == {"then": 0.2, "now": 0.5, "delta": 0.3}
    assert movement["indexes"]["cross_boundary_index"] == {"then": 0.2, "now": 0.5, "delta": 0.3}
    assert movement["figures"]["active_systems"] == {"then": 5, "now": 4, "delta": -1}
    # ekonomi (gammal beside ekonomisystem) and arenden then; arenden alone now
    assert movement["figures"]["duplicated_capabilities"] == {"then": 2, "now": 1, "delta": -1}
    assert movement["systems_added"] == ["e-arkiv"]
    assert movement["systems_removed"] == ["borttagen"]
    assert movement["systems_retired"] == ["gammal"]  # SPEC §4: systems added and retired
    assert movement["status_changes"] == [
        {"system": "arende", "from": "active", "to": "phase-out"},
        {"system": "gammal", "from": "active", "to": "retired"},
    ]
    opened = {(f["principle"], f["subject"]) for f in movement["findings_opened"]}
    closed = {(f["principle"], f["subject"]) for f in movement["findings_closed"]}
    assert ("lifecycle", "arende") in opened
    assert {("shared-over-unique", "gammal"), ("clear-ownership", "borttagen")} <= closed
    # kvar's finding moved two lines down but is the same finding: neither opened nor closed
    assert all(subject != "kvar" for _, subject in opened | closed)
    by_org = {entry["organization"]: entry for entry in movement["by_organization"]}
    assert by_org["bostad"]["index"] == {"then": 0.5, "now": 1.0, "delta": 0.5}


def test_movement_in_the_readable_reports(two_quarters, run):
    root = two_quarters.root
    args = ("report", root, "--as-of", AS_OF, "--compare-to", "HEAD~1", "--out", "-")
    markdown = run(*args, "--format", "md", "--lang", "en").stdout
    assert "## Movement since last quarter" in markdown
    assert "| Shared-use index | 20% | 50% | +30.0 |" in markdown
    assert "**Systems added:** E-arkiv" in markdown
    assert "**Systems removed:** Borttaget system" in markdown
    assert "**Systems retired:** Gammalt ekonomisystem" in markdown
    assert "Gammalt ekonomisystem (active → retired)" in markdown
    html = run(*args, "--format", "html").stdout
    assert 'id="movement"' in html and "Förändring sedan förra kvartalet" in html
    assert "<h3>Avvecklade system</h3>\n<p>Gammalt ekonomisystem</p>" in html
    assert "Ärendesystem: i drift → under avveckling" in html  # the glossary's words for the statuses


def test_without_compare_to_there_is_no_movement(two_quarters, run):
    result = run("report", two_quarters.root, "--as-of", AS_OF, "--format", "md", "--out", "-")
    assert "Förändring sedan" not in result.stdout


def test_compare_to_outside_git_exits_2(repository, run):
    result = run("report", repository(), "--as-of", AS_OF, "--compare-to", "HEAD", "--out", "-")
    assert result.exit_code == 2
    assert "git" in result.output


def test_movement_shows_the_figures_as_the_report_does(tmp_path, run):
    """The movement's "now" is the report's own figure, rounded once where shown: a spend index
    of 1 249 / 9 993 = 12.499 % is 12 % in both tables (rounded to four decimals first, the
    movement showed 13 %)."""
    def quarter(shared_cost: int, other_cost: int) -> dict[str, str]:
        return {
            "architecture/systems/ekonomi.yaml": textwrap.dedent(BASE_LANDSCAPE["architecture/systems/ekonomi.yaml"])
            + f"cost: {{annual: {shared_cost}}}\n",
            "architecture/systems/lokal.yaml": f"""\
                kind: system
                id: lokal
                name: Lokalt system
                owner: ks
                system_owner: Chef
                capabilities: [ekonomi]
                lifecycle: {{status: active}}
                hosting: {{model: on-premises}}
                cost: {{annual: {other_cost}}}
                """,
        }

    root = tmp_path / "arkiv"
    write_repository(root, quarter(1000, 9000))
    git = GitRepository(root)
    git.commit("Kvartal 3")
    git.write(quarter(1249, 8744))
    git.commit("Kvartal 4")
    args = ("report", root, "--as-of", AS_OF, "--compare-to", "HEAD~1", "--out", "-")
    document = json.loads(run(*args, "--format", "json").stdout)
    assert "schema" not in {entry["principle"] for entry in document["findings"]["by_principle"]}
    spend = document["movement"]["indexes"]["spend_index"]
    assert spend["now"] == document["shared_use"]["spend_index"] == pytest.approx(1249 / 9993, rel=1e-12)
    assert spend["then"] == pytest.approx(0.1, rel=1e-12)
    assert spend["delta"] == pytest.approx(1249 / 9993 - 0.1, rel=1e-9)
    markdown = run(*args, "--format", "md", "--lang", "en").stdout
    assert "| **Spend-weighted index** | **12%** |" in markdown
    assert "| Spend-weighted index | 10% | 12% | +2.5 |" in markdown
