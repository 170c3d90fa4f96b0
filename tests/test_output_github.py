"""`check --format github`: workflow commands that annotate the files of a pull request."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest
from conftest import PROJECT_ROOT

from eacheck import i18n
from eacheck.findings import Finding, FindingsResult, Severity
from eacheck.output.findings import render
from eacheck.output.findings.github_format import escape_data, escape_property

AS_OF = "2026-11-27"
COMMAND = re.compile(r"^::(error|warning|notice) (.*?)::(.*)$")


@pytest.fixture(autouse=True)
def _in_english():
    """These tests read the words of the annotations in English (the language is explicit)."""
    with i18n.using("en"):
        yield


def unescape(text: str) -> str:
    for escaped, plain in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(escaped, plain)
    return text


def parse(line: str) -> tuple[str, dict[str, str], str]:
    match = COMMAND.match(line)
    assert match, line
    level, properties, message = match.groups()
    pairs = dict(pair.split("=", 1) for pair in properties.split(","))
    return level, {key: unescape(value) for key, value in pairs.items()}, unescape(message)


def test_data_escapes_percent_and_line_breaks_only():
    assert escape_data("100% klart\r\nnästa: a,b") == "100%25 klart%0D%0Anästa: a,b"


def test_properties_also_escape_colon_and_comma():
    assert escape_property("a:b,c%d\ne") == "a%3Ab%2Cc%25d%0Ae"
    assert escape_property("%3A") == "%253A"  # escaped text is not unescaped by accident


def finding(severity: Severity, subject: str, **changes) -> Finding:
    fields = dict(principle="clear-ownership", severity=severity, subject=subject, kind="system",
                  message=f"system '{subject}' is wrong", file="architecture/arkiv.yaml", line=3, column=2)
    return Finding(**{**fields, **changes})


def test_levels_follow_severity_and_every_part_round_trips():
    nasty = finding(Severity.ERROR, "a", message="50% klart\nrad två, med: kolon",
                    file="architecture/a,b:c.yaml", line=7, column=5)
    result = FindingsResult(
        [nasty, finding(Severity.WARNING, "b"), finding(Severity.INFO, "c")], date(2026, 11, 27)
    )
    *annotations, summary = render("github", result).splitlines()
    parsed = [parse(line) for line in annotations]
    assert [level for level, _, _ in parsed] == ["error", "warning", "notice"]
    level, properties, message = parsed[0]
    assert properties["file"] == "architecture/a,b:c.yaml"
    assert (properties["line"], properties["col"]) == ("7", "5")
    assert message == "50% klart\nrad två, med: kolon"
    assert "\n" not in annotations[0]
    assert not summary.startswith("::") and "FAILED" in summary


def test_with_a_baseline_old_findings_are_notices_and_blocking_ones_come_first():
    old_error = finding(Severity.ERROR, "gammal", line=1).with_new(False)
    new_warning = finding(Severity.WARNING, "ny-varning", line=2).with_new(True)
    new_error = finding(Severity.ERROR, "ny", line=9).with_new(True)
    result = FindingsResult([old_error, new_warning, new_error], date(2026, 11, 27), baseline="origin/main")
    *annotations, summary = render("github", result).splitlines()
    parsed = [parse(line) for line in annotations]
    assert [(level, message.split("'")[1]) for level, _, message in parsed] == [
        ("error", "ny"), ("notice", "gammal"), ("warning", "ny-varning"),
    ]
    assert "already present at origin/main" in parsed[1][1]["title"]
    assert "already present" not in parsed[0][1]["title"]
    assert "2 new since origin/main" in summary and "1 blocking finding" in summary


def test_a_passing_run_says_so():
    result = FindingsResult([finding(Severity.WARNING, "b")], date(2026, 11, 27))
    assert render("github", result).splitlines()[-1].endswith("passed (--fail-on error)")


def test_the_example_group_gives_one_annotation_per_finding(run):
    result = run("check", PROJECT_ROOT, "--as-of", AS_OF, "--format", "github", "--lang", "en")
    report = json.loads(run("check", PROJECT_ROOT, "--as-of", AS_OF, "--format", "json", "--lang", "en").stdout)
    assert result.exit_code == 1
    *annotations, summary = result.stdout.splitlines()
    parsed = [parse(line) for line in annotations]
    assert len(parsed) == len(report["findings"])
    expected = {(f["file"], str(f["line"]), f["message"]) for f in report["findings"]}
    assert {(p["file"], p["line"], message) for _, p, message in parsed} == expected
    levels = [level for level, _, _ in parsed]
    assert levels.count("error") == report["summary"]["error"]
    assert levels.index("warning") > max(i for i, level in enumerate(levels) if level == "error")
    titles = {p["title"] for _, p, _ in parsed}
    assert "error: Shared before unique [shared-over-unique]" in titles


def test_a_finding_outside_the_repository_is_annotated_without_a_file():
    shipped = finding(Severity.ERROR, "lifecycle", file="<eacheck defaults>/principles/lifecycle.yaml")
    [annotation, _] = render("github", FindingsResult([shipped], date(2026, 11, 27))).splitlines()
    level, properties, _ = parse(annotation)
    assert level == "error" and set(properties) == {"title"}
