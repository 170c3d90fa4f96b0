"""The example group shipped in this repository: valid, and true to its documented debt."""

from __future__ import annotations

import json

from conftest import PROJECT_ROOT


def test_example_group_validates(run):
    result = run("validate", PROJECT_ROOT)
    assert result.exit_code == 0, result.output


def test_example_principles_are_the_shipped_defaults_as_init_writes_them():
    """The example group is Swedish: its principles are what `eacheck init --lang sv` writes."""
    from eacheck.scaffold.starter_repository import starter_files

    written = {path: data for path, data in starter_files("sv").items() if path.startswith("principles/")}
    example = PROJECT_ROOT / "principles"
    assert sorted(f"principles/{p.name}" for p in example.glob("*.yaml")) == sorted(written)
    for path, data in written.items():
        assert (PROJECT_ROOT / path).read_bytes() == data, path


def test_example_group_is_large_enough_to_be_realistic():
    from eacheck import api

    landscape = api.open_repository(PROJECT_ROOT).landscape
    types = [org.type for org in landscape.organizations.values()]
    assert types.count("holding") >= 1 and types.count("administration") >= 7
    assert types.count("company") >= 4 and types.count("external") >= 2
    assert len(landscape.capabilities) >= 30
    assert any(c.sharing == "local" for c in landscape.capabilities.values())
    assert any(c.parent for c in landscape.capabilities.values())
    assert len(landscape.systems) >= 50
    assert len(landscape.integrations) >= 80
    assert len(landscape.procurements) >= 4
    assert len(landscape.exceptions) >= 3


def test_every_check_finds_something_true_in_the_example(run):
    """Each finding listed here was checked by hand against the files (see docs)."""
    result = run("check", PROJECT_ROOT, "--as-of", "2026-11-27", "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    found = {(f["principle"], f["subject"]) for f in report["findings"]}
    assert found == {
        ("exception-expired", "undantag-kh-ekonomisystem"),
        ("integration-platform", "int-hamnsystem-ekonomisystem"),
        ("integration-platform", "int-fastighetssystem-ekonomisystem"),
        ("integration-platform", "int-hemtjanstplanering-lonesystem"),
        ("lifecycle", "int-lonesystem-gammalt-e-arkiv"),
        ("lifecycle", "bibliotekssystem"),
        ("lifecycle", "foreningsbokning-gammal"),
        ("lifecycle", "arendesystem-teknik"),
        ("cloud-and-legal", "int-socialtjanstsystem-sms-utskick"),
        ("cloud-and-legal", "elevhalsojournal"),
        ("cloud-and-legal", "rehabstod"),
        ("cloud-and-legal", "webbenkat"),
        ("reuse-across-group", "upph-bokning-foreningsliv"),
        ("reuse-across-group", "e-arkiv"),
        ("shared-over-unique", "upph-ekonomisystem-kustlundahem"),
        ("shared-over-unique", "kh-ekonomisystem"),
        ("shared-over-unique", "arendesystem-teknik"),
        ("effect-goals", "upph-gasthamnsbokning"),
        ("clear-ownership", "overformyndarsystem"),
        ("clear-ownership", "felanmalan"),
    }
    assert report["summary"] == {"error": 13, "warning": 10, "info": 0, "waived": 3}
