"""Dates that contradict each other, and exceptions that are not time-limited, are findings."""

from __future__ import annotations

import json

import pytest

SYSTEM = """\
    kind: system
    id: hr-system
    name: HR-system
    owner: ks
    system_owner: HR-chef
    capabilities: [ekonomi]
    lifecycle:
      status: {status}
      {lifecycle}
    contract:
      supplier: Leverantören AB
      {contract}
    """


def _findings(run, root, *args) -> list[dict]:
    result = run(*args[:1], root, *args[1:], "--format", "json")
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)["findings"]


def _system(status="active", lifecycle="since: 2020-01-01", contract="end: 2029-12-31") -> str:
    return SYSTEM.format(status=status, lifecycle=lifecycle, contract=contract)


@pytest.mark.parametrize(
    ("status", "lifecycle", "contract", "expected"),
    [
        # since after retire_by: at retire_by, the later key in the file (line 10)
        ("phase-out", "since: 2027-01-01\n      retire_by: 2026-06-30", "end: 2029-12-31",
         [(10, "'lifecycle.since' (2027-01-01) is after 'lifecycle.retire_by' (2026-06-30)")]),
        # the same written the other way round: at since, again the later key
        ("phase-out", "retire_by: 2026-06-30\n      since: 2027-01-01", "end: 2029-12-31",
         [(10, "'lifecycle.since' (2027-01-01) is after 'lifecycle.retire_by' (2026-06-30)")]),
        ("active", "since: 2020-01-01", "start: 2027-01-01\n      end: 2026-12-31",
         [(13, "'contract.start' (2027-01-01) is after 'contract.end' (2026-12-31) in system 'hr-system', so "
               "the contract would end before it starts; correct one of the dates")]),
    ],
)
def test_dates_that_contradict_each_other_are_schema_findings(repository, run, status, lifecycle, contract, expected):
    root = repository({"architecture/systems/hr.yaml": _system(status, lifecycle, contract)})
    findings = [f for f in _findings(run, root, "validate", "--lang", "en") if f["principle"] == "schema"]
    assert [(f["line"], f["message"][: len(text)]) for f, (_, text) in zip(findings, expected)] == expected
    assert len(findings) == len(expected)
    assert all(f["file"] == "architecture/systems/hr.yaml" and f["subject"] == "hr-system" for f in findings)
    assert run("validate", root).exit_code == 1


def test_contradicting_dates_are_said_in_swedish_too(repository, run):
    root = repository({"architecture/systems/hr.yaml": _system("active", "since: 2020-01-01",
                                                               "start: 2027-01-01\n      end: 2026-12-31")})
    [finding] = _findings(run, root, "validate", "--lang", "sv")
    assert finding["message"] == (
        "'contract.start' (2027-01-01) är senare än 'contract.end' (2026-12-31) i systemet 'hr-system', så avtalet "
        "skulle sluta innan det börjar; rätta ett av datumen")


def test_contradicting_dates_are_said_with_the_documents_other_problems(repository, run):
    """Every problem in one run: a misspelt key elsewhere in the system does not hide the
    contradiction; a malformed date is its own problem, never one side of a contradiction."""
    text = _system("phase-out", "since: 2027-01-01\n      retire_by: 2026-06-30",
                   "start: 2027-01-01\n      end: 31/12 2026").replace("system_owner:", "sytem_owner:")
    root = repository({"architecture/systems/hr.yaml": text})
    messages = sorted(f["message"] for f in _findings(run, root, "validate", "--lang", "en"))
    assert len(messages) == 3, messages
    assert messages[0].startswith("'contract.end' in system 'hr-system': '31/12 2026' is not a date")
    assert messages[1].startswith("'lifecycle.since' (2027-01-01) is after 'lifecycle.retire_by' (2026-06-30)")
    assert messages[2].startswith("unknown key 'sytem_owner'")


@pytest.mark.parametrize(
    ("status", "lifecycle", "contract"),
    [
        ("phase-out", "since: 2026-06-30\n      retire_by: 2026-06-30", "start: 2026-01-01\n      end: 2026-01-01"),
        # retired late: since is the day it was retired, after the retire_by it missed
        ("retired", "since: 2027-03-01\n      retire_by: 2026-12-31", "end: 2026-12-31"),
        ("active", "since: 2020-01-01", "end: 2029-12-31"),  # only one date of each pair
    ],
)
def test_dates_in_order_or_alone_pass(repository, run, status, lifecycle, contract):
    root = repository({"architecture/systems/hr.yaml": _system(status, lifecycle, contract)})
    assert _findings(run, root, "validate") == []


EXCEPTION = """\
    kind: exception
    id: undantag-hr
    principle: clear-ownership
    subject: ekonomisystem
    reason: Beslutat av koncernledningen.
    decided_by: KS
    expires: {expires}
    """


def test_an_exception_beyond_the_maximum_length_is_an_error_at_its_expires_line(repository, run):
    root = repository({"architecture/exceptions/hr.yaml": EXCEPTION.format(expires="2060-12-31")})
    findings = _findings(run, root, "check", "--as-of", "2026-11-27", "--lang", "en")
    [finding] = [f for f in findings if f["principle"] == "exception-too-long"]
    assert (finding["severity"], finding["subject"], finding["kind"]) == ("error", "undantag-hr", "exception")
    assert (finding["file"], finding["line"], finding["column"]) == ("architecture/exceptions/hr.yaml", 7, 1)
    assert finding["message"] == (
        "exception 'undantag-hr' expires on 31 December 2060, more than 36 months after 27 November "
        "2026, and exceptions are time-limited decisions; decide it again with an expiry on or before "
        "27 November 2029, or raise max_exception_months in eacheck.yaml if the group allows longer "
        "exceptions"
    )
    assert run("check", root, "--as-of", "2026-11-27").exit_code == 1
    [swedish] = [f for f in _findings(run, root, "check", "--as-of", "2026-11-27", "--lang", "sv")
                 if f["principle"] == "exception-too-long"]
    assert swedish["message"].startswith("undantaget 'undantag-hr' gäller till den 31 december 2060")
    assert "senast den 27 november 2029" in swedish["message"]


@pytest.mark.parametrize(("expires", "settings", "too_long"), [
    ("2029-11-27", "", False),                             # exactly 36 months: allowed
    ("2029-11-28", "", True),
    ("2027-11-28", "max_exception_months: 12\n", True),
    ("2027-11-27", "max_exception_months: 12\n", False),
    ("2060-12-31", "max_exception_months: 480\n", False),
])
def test_the_maximum_length_comes_from_eacheck_yaml(repository, run, expires, settings, too_long):
    root = repository({"architecture/exceptions/hr.yaml": EXCEPTION.format(expires=expires),
                       "eacheck.yaml": settings or "name: Koncernen\n"})
    principles = {f["principle"] for f in _findings(run, root, "check", "--as-of", "2026-11-27")}
    assert ("exception-too-long" in principles) is too_long


def test_the_maximum_must_be_a_positive_whole_number_of_months(repository, run):
    root = repository({"eacheck.yaml": "max_exception_months: 0\n"})
    [finding] = _findings(run, root, "validate")
    assert finding["file"] == "eacheck.yaml" and "max_exception_months" in finding["message"]


@pytest.mark.parametrize(("months", "english", "swedish"), [
    (1, "more than 1 month after", "mer än 1 månad efter"),
    (2, "more than 2 months after", "mer än 2 månader efter"),
])
def test_the_maximum_length_is_said_in_the_plural_form_of_its_count(repository, run, months, english, swedish):
    root = repository({"architecture/exceptions/hr.yaml": EXCEPTION.format(expires="2060-12-31"),
                       "eacheck.yaml": f"max_exception_months: {months}\n"})
    for language, expected in (("en", english), ("sv", swedish)):
        [finding] = [f for f in _findings(run, root, "check", "--as-of", "2026-11-27", "--lang", language)
                     if f["principle"] == "exception-too-long"]
        assert expected in finding["message"]
