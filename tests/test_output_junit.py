"""`check --format junit`: a test report GitLab and Jenkins read, failing exactly where the check fails."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from datetime import date

from conftest import PROJECT_ROOT
from gitrepo import eacheck, example_with_new_procurement

from eacheck import api
from eacheck.findings import Finding, FindingsResult, Severity
from eacheck.output.findings import render

AS_OF = "2026-11-27"


def parse(text: str) -> ET.Element:
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == "testsuites"
    return root


def assert_counts_consistent(root: ET.Element) -> None:
    total_tests = total_failures = 0
    for suite in root.findall("testsuite"):
        cases = suite.findall("testcase")
        failures = [case for case in cases if case.find("failure") is not None]
        assert int(suite.get("tests")) == len(cases) >= 1
        assert int(suite.get("failures")) == len(failures)
        assert suite.get("errors") == "0" and suite.get("skipped") == "0"
        for case in cases:
            assert case.get("classname") == suite.get("name")
        names = [case.get("name") for case in cases]
        assert len(names) == len(set(names)), "GitLab drops test cases with a repeated name"
        total_tests += len(cases)
        total_failures += len(failures)
    assert int(root.get("tests")) == total_tests
    assert int(root.get("failures")) == total_failures


def test_the_example_group_fails_exactly_its_errors(run):
    result = run("check", PROJECT_ROOT, "--as-of", AS_OF, "--format", "junit")
    report = json.loads(run("check", PROJECT_ROOT, "--as-of", AS_OF, "--format", "json").stdout)
    assert result.exit_code == 1
    root = parse(result.stdout)
    assert_counts_consistent(root)
    assert int(root.get("failures")) == report["summary"]["error"]
    failures = root.findall(".//failure")
    assert {failure.get("type") for failure in failures} == {"error"}
    failed = {(case.get("classname"), case.get("file")) for case in root.iter("testcase")
              if case.find("failure") is not None}
    errors = {(f["principle"], f["file"]) for f in report["findings"] if f["severity"] == "error"}
    assert failed == errors
    # Warnings are listed, passing, with their message where GitLab shows it.
    outputs = "\n".join(out.text for out in root.iter("system-out"))
    for finding in report["findings"]:
        if finding["severity"] == "warning":
            assert finding["message"] in outputs


def test_every_principle_in_force_is_a_suite_and_a_clean_one_passes(run):
    root = parse(run("check", PROJECT_ROOT, "--as-of", AS_OF, "--format", "junit", "--lang", "en").stdout)
    suites = {suite.get("name"): suite for suite in root.findall("testsuite")}
    in_force = api.check(PROJECT_ROOT, as_of=date.fromisoformat(AS_OF)).principles
    assert set(suites) == {*in_force, "schema", "exception-expired", "exception-too-long"}
    [clean] = suites["schema"].findall("testcase")  # the example group is valid
    assert clean.get("name") == "no findings" and list(clean) == []
    title = suites["shared-over-unique"].find("properties/property[@name='title']")
    assert title.get("value") == "Shared before unique"


def test_fail_on_warning_makes_warnings_failures(run):
    result = run("check", PROJECT_ROOT, "--as-of", AS_OF, "--format", "junit", "--fail-on", "warning")
    root = parse(result.stdout)
    assert_counts_consistent(root)
    summary = json.loads(run("check", PROJECT_ROOT, "--as-of", AS_OF, "--format", "json").stdout)["summary"]
    assert int(root.get("failures")) == summary["error"] + summary["warning"]
    assert {failure.get("type") for failure in root.iter("failure")} == {"error", "warning"}


def test_with_a_baseline_only_new_findings_fail(tmp_path):
    repo = example_with_new_procurement(tmp_path / "exempel")
    completed = eacheck("check", "--as-of", AS_OF, "--baseline", "HEAD", "--format", "junit", "--lang", "en",
                        cwd=repo.root)
    assert completed.returncode == 1, completed.stderr
    root = parse(completed.stdout)
    assert_counts_consistent(root)
    failed = [case for case in root.iter("testcase") if case.find("failure") is not None]
    assert failed and {case.get("name").split(" ")[0] for case in failed} == {"upph-ny"}
    old = [case for case in root.iter("testcase") if "upph-ekonomisystem-kustlundahem" in case.get("name")]
    assert old and all(case.find("failure") is None for case in old)
    assert all("already present at HEAD" in case.find("system-out").text for case in old)


def test_the_report_speaks_the_language_of_the_run(run):
    root = parse(run("check", PROJECT_ROOT, "--as-of", AS_OF, "--format", "junit", "--lang", "sv").stdout)
    suites = {suite.get("name"): suite for suite in root.findall("testsuite")}
    [clean] = suites["schema"].findall("testcase")
    assert clean.get("name") == "inga avvikelser"
    assert suites["shared-over-unique"].find("properties/property[@name='title']").get("value") == (
        "Gemensamt före unikt"
    )
    [case, *_] = suites["clear-ownership"].findall("testcase")
    lines = case.find("system-out").text.splitlines()
    assert lines[0].startswith("varning [clear-ownership] systemet '")
    assert lines[1].startswith("i architecture/") and lines[2].startswith("gäller: systemet '")
    assert lines[3] == "princip: Tydligt ägarskap"


def finding(message: str, subject: str = "arkiv", severity: Severity = Severity.ERROR, **changes) -> Finding:
    fields = dict(principle="clear-ownership", severity=severity, subject=subject, kind="system",
                  message=message, file="architecture/arkiv.yaml", line=3, column=1)
    return Finding(**{**fields, **changes})


def test_markup_and_control_characters_are_escaped():
    nasty = 'system \'a<b&c"d\' &amp; <![CDATA[ ]]> is wrong\nsecond line \x01'
    result = FindingsResult([finding(nasty), finding("plain", severity=Severity.WARNING)], date(2026, 11, 27))
    root = parse(render("junit", result))
    assert_counts_consistent(root)
    [failure] = root.iter("failure")
    assert failure.get("message") == nasty.replace("\x01", "\ufffd")
    assert 'a<b&c"d' in failure.text and "&amp;" in failure.text


def test_same_subject_and_line_get_distinct_names():
    result = FindingsResult([finding("one problem"), finding("another problem")], date(2026, 11, 27))
    root = parse(render("junit", result))
    assert_counts_consistent(root)
    names = [case.get("name") for case in root.iter("testcase") if case.get("classname") == "clear-ownership"]
    assert names == ["arkiv (architecture/arkiv.yaml:3)", "arkiv (architecture/arkiv.yaml:3) #2"]


def test_the_report_is_deterministic(run):
    first = run("check", PROJECT_ROOT, "--as-of", AS_OF, "--format", "junit").stdout
    assert first == run("check", PROJECT_ROOT, "--as-of", AS_OF, "--format", "junit").stdout
