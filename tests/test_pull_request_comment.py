"""The pull-request comment (SPEC §8, issue #14): `eacheck check --baseline REV --format markdown`,
and the same figure changes under "figures" in `--format json`.

The main case runs the installed eacheck as CI does, on the example group in a real git
repository: a branch adds a third payroll system with a cost. The figures it must report are
worked out here from the YAML files, by a few lines of independent arithmetic (SPEC §4), not by
eacheck's own code.
"""

from __future__ import annotations

import json
import re
import shutil
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
import yaml

from conftest import PROJECT_ROOT
from gitrepo import GitRepository, eacheck

AS_OF = "2026-11-27"
NBSP = "\u00a0"
LIMIT = 65_536  # GitHub's limit on a comment

NEW_PAYROLL = """\
    kind: system
    id: lonesystem-hamn
    name: Lönesystem Hamnen
    owner: hamn
    system_owner: HR-chef, Kustlunda Hamn AB
    capabilities: [payroll]
    lifecycle: {status: active, since: 2026-11-01}
    hosting: {model: saas, provider: Lön AB, provider_jurisdiction: SE, data_location: [SE]}
    cost: {annual: 900000}
    """


# -- independent arithmetic -------------------------------------------------------------------


def documents(root: Path) -> list[dict]:
    found = []
    for path in sorted((root / "architecture").rglob("*.yaml")):
        found += [doc for doc in yaml.safe_load_all(path.read_text(encoding="utf-8")) if isinstance(doc, dict)]
    return found


def indexes(root: Path) -> dict[str, float]:
    """SPEC §4, from the files: using organizations are the owner and used_by, external ones
    left out; active means active or phase-out."""
    docs = documents(root)
    types = {d["id"]: d["type"] for d in docs if d["kind"] == "organization"}
    active = [d for d in docs if d["kind"] == "system" and d["lifecycle"]["status"] in ("active", "phase-out")]
    shared = cross = 0
    shared_cost = known_cost = 0
    for system in active:
        users = {system["owner"], *system.get("used_by", [])}
        users = {org for org in users if types[org] != "external"}
        is_shared = len(users) >= 2
        shared += is_shared
        kinds = {types[org] for org in users}
        cross += "administration" in kinds and bool(kinds & {"company", "holding"})
        cost = system.get("cost", {}).get("annual")
        if cost is not None:
            known_cost += cost
            shared_cost += cost if is_shared else 0
    return {
        "shared_use_index": shared / len(active),
        "spend_index": shared_cost / known_cost,
        "cross_boundary_index": cross / len(active),
    }


def percent_sv(fraction: float) -> str:
    """One decimal, as the comment shows indexes beside their change in tenths of points."""
    value = Decimal(repr(fraction * 100)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return f"{value}".replace(".", ",") + f"{NBSP}%"


def points_sv(delta: float) -> str:
    value = Decimal(repr(delta * 100)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    sign = "+" if value > 0 else ("-" if value < 0 else "")
    return f"{sign}{abs(value)}".replace(".", ",") + " procentenheter"


# -- the repository ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def branch(tmp_path_factory) -> GitRepository:
    """The example group on main; a branch that adds a payroll system for the port company."""
    repo = GitRepository(tmp_path_factory.mktemp("pr") / "kustlunda")
    for name in ("architecture", "principles"):
        shutil.copytree(PROJECT_ROOT / name, repo.root / name)
    shutil.copy(PROJECT_ROOT / "eacheck.yaml", repo.root / "eacheck.yaml")
    repo.commit("Koncernen")
    repo.git("checkout", "--quiet", "-b", "lon-hamnen")
    repo.write({"architecture/systems/hamn/lonesystem-hamn.yaml": NEW_PAYROLL})
    repo.commit("Eget lönesystem för hamnbolaget")
    return repo


def comment(repo: GitRepository, *args: str) -> tuple[int, str]:
    completed = eacheck("check", "--as-of", AS_OF, "--baseline", "main", "--format", "markdown", *args,
                        cwd=repo.root)
    assert completed.returncode in (0, 1), completed.stderr
    assert "Traceback" not in completed.stderr
    return completed.returncode, completed.stdout


def figures_json(repo: GitRepository, *args: str) -> dict:
    completed = eacheck("check", "--as-of", AS_OF, "--baseline", "main", "--format", "json", *args, cwd=repo.root)
    assert completed.returncode in (0, 1), completed.stderr
    return json.loads(completed.stdout)


def test_the_comment_names_the_new_duplicate_its_cost_and_what_it_does_to_the_indexes(branch):
    code, text = comment(branch)
    assert code == 1  # the new system breaks shared-over-unique: the group-common payroll exists
    # The duplicate, by name, in a newly duplicated capability ("Lön"), the kept system named.
    [row] = [line for line in text.splitlines() if line.startswith("| Lön |")]
    assert "nytt dubblerat" in row and "Lönesystem Hamnen" in row
    assert f"0{NBSP}kr → 900{NBSP}000{NBSP}kr" in row
    # The group's alternative cost moves by exactly the new system's cost: it is not the kept one.
    git = branch.git
    git("checkout", "--quiet", "main")
    try:
        before = indexes(branch.root)
    finally:
        git("checkout", "--quiet", "lon-hamnen")
    after = indexes(branch.root)
    assert "| Alternativkostnad (varje system en gång) |" in text
    assert f"| +900{NBSP}000{NBSP}kr |" in text
    for metric, label in (("shared_use_index", "Delningsindex"), ("spend_index", "Kostnadsviktat delningsindex"),
                          ("cross_boundary_index", "Gränsöverskridande index")):
        delta = round(after[metric], 4) - round(before[metric], 4)
        expected = (f"| {label} | {percent_sv(before[metric])} | {percent_sv(after[metric])} | "
                    f"{points_sv(delta)} |")
        assert expected in text, (expected, text)
    assert before["shared_use_index"] != after["shared_use_index"]  # the case really moves an index


def test_json_carries_the_same_figure_changes(branch):
    document = figures_json(branch)
    figures = document["figures"]
    assert figures["baseline"] == "main" and figures["as_of"] == AS_OF and figures["changed"] is True
    assert figures["alternative_cost"]["delta"] == 900_000
    assert figures["alternative_cost"]["now"] == figures["alternative_cost"]["then"] + 900_000
    branch.git("checkout", "--quiet", "main")
    try:
        before = indexes(branch.root)
    finally:
        branch.git("checkout", "--quiet", "lon-hamnen")
    after = indexes(branch.root)
    for metric, change in figures["indexes"].items():
        # The report's exact fractions on both sides (one implementation), rounded only where shown.
        assert change["then"] == before[metric] and change["now"] == after[metric]
        assert change["delta"] == pytest.approx(after[metric] - before[metric], abs=1e-12)
    [payroll] = [entry for entry in figures["duplication"] if entry["capability"] == "payroll"]
    assert payroll["then"] is None and payroll["systems_added"] == ["lonesystem-hamn"]
    assert payroll["now"]["kept"] != "lonesystem-hamn" and payroll["now"]["alternative_cost"] == 900_000
    assert figures["names"]["systems"]["lonesystem-hamn"] == "Lönesystem Hamnen"
    assert figures["names"]["capabilities"]["payroll"] == "Lön"
    # Without a baseline there are no figure changes to carry.
    plain = json.loads(eacheck("check", "--as-of", AS_OF, "--format", "json", cwd=branch.root).stdout)
    assert "figures" not in plain


def test_the_comment_lists_what_the_change_introduces_with_links_to_the_lines(branch):
    _, text = comment(branch, "--link-base", "https://github.com/kustlunda/arkitektur/blob/abc123")
    assert text.startswith("<!-- eacheck:pull-request-comment -->\n")
    verdict = text.splitlines()[3]
    assert verdict.startswith("❌ **Stoppad:**") and "Nya: 1;" in verdict
    introduced = text.split("#### Nya avvikelser i ändringen (1)")[1].split("####")[0]
    [row] = [line for line in introduced.splitlines() if "lonesystem-hamn" in line]
    assert "| shared-over-unique | lonesystem-hamn |" in row
    line = next(number for number, text_line in enumerate(NEW_PAYROLL.splitlines(), 1) if "capabilities" in text_line)
    link = f"https://github.com/kustlunda/arkitektur/blob/abc123/architecture/systems/hamn/lonesystem-hamn.yaml#L{line}"
    assert f"](" + link + ")" in row
    assert "#### Avvikelser som ändringen åtgärdar (0)" in text


def test_the_comment_speaks_the_language_asked_for(branch):
    _, text = comment(branch, "--lang", "en")
    assert "❌ **Blocked:** 1 new finding fails the check." in text
    assert "#### What it does to the group's figures" in text
    assert f"| +SEK{NBSP}900,000 |" in text and "| Payroll |" not in text  # names stay as written
    assert "| Lön | newly duplicated | Lönesystem Hamnen |" in text


def test_a_change_that_moves_no_figure_says_so(branch):
    branch.git("checkout", "--quiet", "-b", "beskrivning", "main")
    try:
        path = branch.root / "architecture/systems/ksf/ekonomisystem.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace(
            "description: Koncernens ekonomisystem", "description: Hela koncernens ekonomisystem"), encoding="utf-8")
        code, text = comment(branch)
        assert code == 0
        assert "✅ **Godkänd:** Inget nytt stoppar ändringen." in text
        assert "Ingen påverkan på koncernens siffror." in text
        assert "\nNo effect on the figures.\n" in comment(branch, "--lang", "en")[1]  # as SPEC §8 says it
        assert figures_json(branch)["figures"]["changed"] is False
    finally:
        branch.git("checkout", "--quiet", "--", ".")
        branch.git("checkout", "--quiet", "lon-hamnen")


def test_fixed_findings_and_a_candidate_that_goes(branch):
    """Deleting an old system that is a decommissioning candidate: its findings are fixed, and
    it is no longer a candidate."""
    branch.git("checkout", "--quiet", "-b", "stada", "main")
    try:
        branch.write({"architecture/systems/kff/foreningsbokning-gammal.yaml": None})
        _, text = comment(branch, "--lang", "en")
        fixed = text.split("#### Findings this change fixes")[1].split("####")[0]
        assert "foreningsbokning-gammal" in fixed
        assert "Föreningsbokning (äldre) | no longer a candidate |" in text
    finally:
        branch.git("checkout", "--quiet", "--", ".")
        branch.git("checkout", "--quiet", "lon-hamnen")


def test_a_finding_an_exception_now_waives_is_not_fixed(branch):
    """Renewing the expired exception for kh-ekonomisystem waives its two shared-over-unique
    findings again: the comment lists them as waived by the change, not as fixed (they are still
    there). Only the exception's own expiry finding is fixed."""
    branch.git("checkout", "--quiet", "-b", "undantag", "main")
    try:
        path = branch.root / "architecture/exceptions/undantag-kh-ekonomisystem.yaml"
        branch.write({"architecture/exceptions/undantag-kh-ekonomisystem.yaml":
                      path.read_text(encoding="utf-8").replace("expires: 2026-03-31", "expires: 2027-03-31")})
        _, text = comment(branch, "--lang", "en")
        fixed = text.split("#### Findings this change fixes")[1].split("####")[0]
        waived = text.split("#### Findings this change waives by an exception (2)")[1].split("####")[0]
        assert "| shared-over-unique | kh-ekonomisystem |" in waived
        assert "| shared-over-unique |" not in fixed
        assert fixed.startswith(" (1)") and "| exception-expired | undantag-kh-ekonomisystem |" in fixed
        _, swedish = comment(branch)
        assert "#### Avvikelser som ändringen undantar genom beslut (2)" in swedish
    finally:
        branch.git("checkout", "--quiet", "--", ".")
        branch.git("checkout", "--quiet", "lon-hamnen")


def test_a_link_base_that_is_not_a_web_address_is_refused(branch):
    for bad in ("javascript:alert(1)", "https://example.org/a b", "https://example.org/x)(y",
                "https://example.org/a|b"):
        completed = eacheck("check", "--baseline", "main", "--format", "markdown", "--link-base", bad,
                            cwd=branch.root)
        assert completed.returncode == 2, completed.stdout
        assert "--link-base" in completed.stderr and "Traceback" not in completed.stderr


def test_the_link_base_comes_from_the_environment_too(branch):
    import os
    import subprocess
    import sys

    from gitrepo import GIT_ENV

    completed = subprocess.run(
        [sys.executable, "-m", "eacheck", "check", "--as-of", AS_OF, "--baseline", "main", "--format", "markdown"],
        cwd=branch.root, env={**GIT_ENV, "EACHECK_LINK_BASE": "https://gitlab.example.org/g/p/-/blob/abc"},
        capture_output=True, text=True, check=False,
    )
    assert "](https://gitlab.example.org/g/p/-/blob/abc/architecture/" in completed.stdout
    assert os.environ.get("EACHECK_LINK_BASE") is None


def test_links_name_the_files_from_the_top_of_the_git_repository(tmp_path):
    """The architecture repository in a folder of a larger git repository (a monorepo): the
    forge's address of a file starts at the top, so the folder goes into every link, once, also
    when the CI file already put it into --link-base."""
    repo = GitRepository(tmp_path / "mono")
    folder = repo.root / "ea (koncern)"
    for name in ("architecture", "principles"):
        shutil.copytree(PROJECT_ROOT / name, folder / name)
    shutil.copy(PROJECT_ROOT / "eacheck.yaml", folder / "eacheck.yaml")
    repo.commit("Koncernen")
    repo.git("checkout", "--quiet", "-b", "lon-hamnen")
    repo.write({"ea (koncern)/architecture/systems/hamn/lonesystem-hamn.yaml": NEW_PAYROLL})
    repo.commit("Eget lönesystem för hamnbolaget")
    base = "https://gitlab.example.org/g/p/-/blob/abc"
    expected = f"]({base}/ea%20%28koncern%29/architecture/systems/hamn/lonesystem-hamn.yaml#L"
    for cwd, path, link_base in ((repo.root, "ea (koncern)", base), (folder, ".", base),
                                 (folder, ".", f"{base}/ea%20%28koncern%29/")):
        completed = eacheck("check", path, "--as-of", AS_OF, "--baseline", "main", "--format", "markdown",
                            "--link-base", link_base, cwd=cwd)
        assert completed.returncode == 1, completed.stderr
        assert expected in completed.stdout, (cwd, path, link_base)


def test_a_baseline_from_before_architecture_existed_is_a_change_from_zero(tmp_path):
    repo = GitRepository(tmp_path / "ny")
    repo.write({"README.md": "Innan eacheck.\n"})
    repo.commit("Start")
    for name in ("architecture", "principles"):
        shutil.copytree(PROJECT_ROOT / name, repo.root / name)
    shutil.copy(PROJECT_ROOT / "eacheck.yaml", repo.root / "eacheck.yaml")
    figures = figures_json(repo)["figures"]
    assert figures["changed"] is True
    now = indexes(repo.root)
    for metric, change in figures["indexes"].items():
        assert change == {"then": 0.0, "now": now[metric], "delta": now[metric]}
    assert figures["alternative_cost"]["then"] == 0 and figures["alternative_cost"]["delta"] > 0
    assert all(entry["then"] is None for entry in figures["duplication"])
    assert figures["decommission_candidates"]["removed"] == []


def test_a_baseline_that_does_not_exist_exits_2(branch):
    completed = eacheck("check", "--baseline", "finns-inte", "--format", "markdown", cwd=branch.root)
    assert completed.returncode == 2
    assert "finns-inte" in completed.stderr and "Traceback" not in completed.stderr
    assert completed.stdout == ""


# -- size and hostile text --------------------------------------------------------------------


def test_a_national_scale_change_still_fits_in_one_comment(tmp_path):
    """Every finding of a generated 2,000-system group is new against a baseline from before
    eacheck: the lists are cut with a count of the rest, and the comment stays under GitHub's
    limit."""
    import sys

    sys.path.insert(0, str(PROJECT_ROOT / "benchmarks"))
    import generate

    repo = GitRepository(tmp_path / "stor")
    repo.write({"README.md": "Innan eacheck.\n"})
    repo.commit("Start")
    generate.generate(repo.root / "group", 2000)
    completed = eacheck("check", "group", "--as-of", AS_OF, "--baseline", "main", "--format", "markdown",
                        cwd=repo.root)
    assert completed.returncode == 1, completed.stderr
    text = completed.stdout
    assert len(text) < LIMIT
    [introduced] = re.findall(r"#### Nya avvikelser i ändringen \(([\d\u00a0]+)\)", text)
    count = int(introduced.replace(NBSP, ""))
    assert count > 500
    assert f"… och {count - 50:,}".replace(",", NBSP) + " till" in text.replace("\\", "")


def _result_with(findings, figures=None):
    from eacheck.findings import FindingsResult

    return FindingsResult(findings, date(2026, 11, 27), baseline="main", figures=figures)


def test_absurdly_long_values_are_cut_to_fit(tmp_path):
    """Thousands of findings whose every value is as long as a file allows: the comment gives up
    rows first, then cuts at a line, and never passes the limit."""
    from eacheck.findings import Finding, Severity
    from eacheck.i18n import using
    from eacheck.output.findings.markdown_format import BUDGET, render

    huge = "x" * 100_000
    findings = [Finding("p" * 5000, Severity.ERROR, huge + str(i), "system", huge, f"architecture/{huge}.yaml", i,
                        new=True) for i in range(3000)]
    names = {f"s{i}": huge for i in range(5000)}
    figures = {
        "baseline": "main", "as_of": "2026-11-27", "currency": "SEK", "changed": True,
        "indexes": {m: {"then": 0.1, "now": 0.2, "delta": 0.1}
                    for m in ("shared_use_index", "spend_index", "cross_boundary_index")},
        "alternative_cost": {"then": 0, "now": 1, "delta": 1},
        "completeness": {"then": 0.5, "now": 0.5, "delta": 0.0},
        "duplication": [{"capability": f"c{i}", "then": None,
                         "now": {"systems": list(names), "kept": "s0", "alternative_cost": 1},
                         "systems_added": list(names), "systems_removed": []} for i in range(2000)],
        "decommission_candidates": {"added": [{"system": f"s{i}", "reasons": ["phase-out"]} for i in range(5000)],
                                    "removed": []},
        "names": {"systems": names, "capabilities": {f"c{i}": huge for i in range(2000)}},
    }
    with using("sv"):
        text = render(_result_with(findings, figures))
    assert len(text) <= BUDGET < LIMIT
    assert text.startswith("<!-- eacheck:pull-request-comment -->")


def test_text_from_the_files_cannot_become_markup_or_control_sequences():
    from eacheck.findings import Finding, Severity
    from eacheck.i18n import using
    from eacheck.output.findings.markdown_format import render

    hostile = "**<img src=x onerror=alert(1)>** | [länk](javascript:alert(2))\n# rubrik\x1b[31m\u202e"
    finding = Finding("clear-ownership", Severity.ERROR, hostile, "system", hostile, "architecture/x.yaml", 3,
                      new=True)
    with using("en"):
        text = render(_result_with([finding]))
    assert re.search(r"(?<!\\)<img", text) is None and "\\<img" in text
    assert "\x1b" not in text and "\u202e" not in text and "\\x1b" in text and "\\u202e" in text
    assert re.search(r"(?<!\\)\]\(javascript", text) is None  # the brackets are escaped: no link
    body = text.split("\n", 1)[1]
    assert "<" not in body.replace("<sub>", "").replace("</sub>", "").replace("\\<", "")
    assert not any(line.startswith("# rubrik") for line in text.splitlines())


def test_text_from_the_files_mentions_nobody_and_links_nowhere_on_github():
    """The comment is posted by the pipeline's account: a name must not notify a person or a
    team, reference an issue (or a GitLab merge request), or become a link through autolinks."""
    from eacheck.findings import Finding, Severity
    from eacheck.i18n import using
    from eacheck.output.findings.markdown_format import render

    hostile = "@säkerhet @org/security-team #12 !13 https://evil.example www.evil.example ops@evil.example"
    finding = Finding("clear-ownership", Severity.ERROR, hostile, "system", "x", "architecture/x.yaml", 3, new=True)
    with using("en"):
        text = render(_result_with([finding]), link_base="https://github.com/o/r/blob/abc")
    row = next(line for line in text.splitlines() if "evil" in line)
    for reference in ("@org", "#12", "!13", "https://evil", "www.evil", "@evil", "@s"):
        assert reference not in row
    assert "@&#8203;org/security-team" in row and "#&#8203;12" in row and "https:&#8203;//evil.example" in row
    assert "www&#8203;.evil.example" in row and "ops@&#8203;evil.example" in row
    assert "(https://github.com/o/r/blob/abc/architecture/x.yaml#L3)" in row  # our own link stays


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_comment_speaks_one_language(branch, language):
    """The team's detector (tests/language.py) on the whole comment, fixed findings and all."""
    from language import foreign_words

    _, text = comment(branch, "--lang", language, "--link-base", "https://github.com/kustlunda/arkitektur/blob/abc")
    assert foreign_words(re.sub(r"\\(.)", r"\1", text), language, branch.root) == []
