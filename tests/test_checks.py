"""Every built-in check, driven by its fixture file in tests/checks/ (compliant and failing cases).

A fixture lists cases; each adds YAML documents to the base landscape (tests/checks/_base.yaml),
binds the check under test with optional params, and says exactly which findings it expects as
"subject code" strings. Every case must also be free of schema problems, so a fixture cannot
pass by being invalid.

A case that finds something also says what people read: ``messages_en`` lists every message in
English (the fixtures' language), and some cases ``messages_sv`` too, so that the Swedish
sentences, their dates, countries and lists are pinned down as well.
"""

from __future__ import annotations

import textwrap
from datetime import date
from pathlib import Path

import pytest
import yaml

from eacheck import api, checks

FIXTURES = Path(__file__).parent / "checks"
BASE = (FIXTURES / "_base.yaml").read_text(encoding="utf-8")


def _cases():
    for check_name in checks.names():
        fixture = yaml.safe_load((FIXTURES / f"{check_name}.yaml").read_text(encoding="utf-8"))
        assert fixture["check"] == check_name
        for case in fixture["cases"]:
            yield pytest.param(check_name, case, id=f"{check_name}: {case['name']}")


def test_every_check_has_a_fixture_with_passing_and_failing_cases():
    for check_name in checks.names():
        cases = yaml.safe_load((FIXTURES / f"{check_name}.yaml").read_text())["cases"]
        assert any(case["expect"] for case in cases), check_name
        assert any(not case["expect"] for case in cases), check_name


def _principle(check_name: str, params: dict | None) -> str:
    document = {
        "kind": "principle", "id": "under-test", "title": "Under test", "statement": "s",
        "rationale": "r", "implications": "i", "check": check_name, "severity": "error",
    }
    if params:
        document["params"] = params
    return yaml.safe_dump(document, allow_unicode=True)


@pytest.mark.parametrize(("check_name", "case"), list(_cases()))
def test_check_fixture(check_name, case, tmp_path):
    (tmp_path / "architecture").mkdir()
    (tmp_path / "principles").mkdir()
    (tmp_path / "architecture" / "base.yaml").write_text(BASE, encoding="utf-8")
    (tmp_path / "architecture" / "case.yaml").write_text(textwrap.dedent(case.get("landscape", "")), encoding="utf-8")
    (tmp_path / "principles" / "under-test.yaml").write_text(_principle(check_name, case.get("params")), encoding="utf-8")
    as_of = case.get("as_of", date(2026, 11, 27))
    result = api.check(tmp_path, as_of=as_of)
    schema = [f.message for f in result.findings if f.principle == "schema"]
    assert not schema, schema
    under_test = [f for f in result.findings if f.principle == "under-test"]
    found = sorted(f"{f.subject} {f.code}" for f in under_test)
    assert found == sorted(case["expect"])
    for language in ("en", "sv"):
        if f"messages_{language}" in case:
            assert sorted(f.message.render(language) for f in under_test) == sorted(case[f"messages_{language}"])


def test_every_case_that_finds_something_says_it_in_english():
    for check_name in checks.names():
        for case in yaml.safe_load((FIXTURES / f"{check_name}.yaml").read_text())["cases"]:
            assert not case["expect"] or len(case.get("messages_en", ())) == len(case["expect"]), case["name"]
