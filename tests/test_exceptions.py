"""Exceptions waive one principle for one subject until they expire (SPEC §2)."""

from __future__ import annotations

import json

import pytest

NO_OWNER = """\
    kind: capability
    id: felanmalan-tjanst
    name: Felanmälan
    ---
    kind: system
    id: felanmalan
    name: Felanmälan
    owner: ks
    capabilities: [felanmalan-tjanst]
    lifecycle: {status: active}
    """


def exception(expires: str, principle: str = "clear-ownership", subject: str = "felanmalan") -> str:
    return f"""\
        kind: exception
        id: undantag
        principle: {principle}
        subject: {subject}
        reason: Systemet ersätts under våren.
        decided_by: IT-rådet
        decision_ref: KS 2026/0042
        expires: {expires}
        """


def check(run, root, *extra):
    result = run("check", root, "--as-of", "2026-11-27", "--format", "json", "--fail-on", "warning", *extra)
    return result.exit_code, json.loads(result.stdout)


@pytest.mark.parametrize("expires", ["2026-11-27", "2027-06-30"])
def test_a_current_exception_waives_and_is_counted(repository, run, expires):
    root = repository({"architecture/s.yaml": NO_OWNER, "architecture/e.yaml": exception(expires)})
    code, report = check(run, root)
    assert code == 0
    assert report["findings"] == []
    assert report["summary"] == {"error": 0, "warning": 0, "info": 0, "waived": 1}


def test_an_expired_exception_waives_nothing_and_is_reported_at_its_expiry(repository, run):
    root = repository({"architecture/s.yaml": NO_OWNER, "architecture/e.yaml": exception("2026-11-26")})
    code, report = check(run, root)
    assert code == 1
    found = {(f["principle"], f["subject"], f["severity"], f["line"]) for f in report["findings"]}
    assert found == {
        ("clear-ownership", "felanmalan", "warning", 5),
        ("exception-expired", "undantag", "warning", 8),
    }
    assert report["summary"]["waived"] == 0


def test_an_exception_waives_only_its_own_principle(repository, run):
    root = repository({"architecture/s.yaml": NO_OWNER,
                       "architecture/e.yaml": exception("2027-06-30", principle="lifecycle")})
    _, report = check(run, root)
    assert [f["principle"] for f in report["findings"]] == ["clear-ownership"]
    assert report["summary"]["waived"] == 0


@pytest.mark.parametrize(
    ("principle", "subject", "message"),
    [
        ("no-such-principle", "felanmalan",
         "'principle' in exception 'undantag' refers to 'no-such-principle', but no principle has that id"),
        ("clear-ownership", "no-such-system",
         "'subject' in exception 'undantag' refers to 'no-such-system', but no entity has that id"),
    ],
)
def test_a_dangling_exception_is_a_schema_error(repository, run, principle, subject, message):
    root = repository({"architecture/s.yaml": NO_OWNER,
                       "architecture/e.yaml": exception("2027-06-30", principle, subject)})
    code, report = check(run, root, "--lang", "en")
    assert code == 1
    assert any(f["principle"] == "schema" and f["file"] == "architecture/e.yaml" and message in f["message"]
               for f in report["findings"]), report


def test_fail_on_decides_which_severities_fail(repository, run):
    root = repository({"architecture/s.yaml": NO_OWNER})
    assert run("check", root, "--as-of", "2026-11-27").exit_code == 0  # a warning only
    assert run("check", root, "--as-of", "2026-11-27", "--fail-on", "warning").exit_code == 1
