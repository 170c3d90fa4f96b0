"""The report of the example group (Kustlunda), against figures its data author worked out
independently from the YAML files."""

from __future__ import annotations

from datetime import date

import pytest

from eacheck import api

from conftest import PROJECT_ROOT


@pytest.fixture(scope="module")
def report():
    return api.report(PROJECT_ROOT, date(2026, 11, 27))


def test_shared_use_indexes(report):
    shared = report["shared_use"]
    assert (shared["active_systems"], shared["shared_systems"], shared["cross_boundary_systems"]) == (66, 31, 20)
    assert shared["index"] == pytest.approx(31 / 66, rel=1e-12)
    assert (shared["shared_annual_cost"], shared["annual_cost"]) == (35_460_000, 52_530_000)
    assert shared["spend_index"] == pytest.approx(35_460_000 / 52_530_000, rel=1e-12)
    assert shared["cross_boundary_index"] == pytest.approx(20 / 66, rel=1e-12)
    organizations = {entry["organization"] for entry in shared["by_organization"]}
    assert "norrbacks-kommun" not in organizations and "skatteverket" not in organizations
    assert len(organizations) == 14  # the holding company, 5 companies, 8 administrations


def test_duplication(report):
    assert [entry["capability"] for entry in report["duplication"]] == sorted([
        "finance", "supplier-invoices", "document-case-management", "booking", "e-signature",
        "property-management",
    ])
    kept = {entry["capability"]: entry["kept"] for entry in report["duplication"]}
    assert kept["finance"] == kept["supplier-invoices"] == "ekonomisystem"
    # kh-ekonomisystem loses in both finance and supplier-invoices but is counted once
    assert report["duplication_total"]["alternative_cost"] == 3_270_000
    assert sum(entry["alternative_cost"] for entry in report["duplication"]) == 3_270_000 + 680_000


def test_targets_for_the_quarter(report):
    shared = report["targets"]["shared_use_index"]
    assert (shared["target"], shared["met"]) == (0.5, False)
    assert shared["next"]["quarter"] == "2027-Q2" and shared["next"]["quarters"] == 2
    assert shared["next"]["pace"] == pytest.approx((0.55 - 31 / 66) / 2, rel=1e-12)
    assert report["targets"]["cross_boundary_index"]["met"] is True  # 30.3 % against 30 %


def test_findings_agree_with_check(report):
    assert report["findings"]["total"] == {"error": 13, "warning": 10, "info": 0, "waived": 3}


def test_decommissioning_candidates_have_a_primary_reason(report):
    primary = {"phase-out", "retire-by-passed", "covered-by-group-common", "time-eliminate"}
    candidates = {entry["system"]: entry for entry in report["decommission_candidates"]}
    assert candidates, "the example has systems to decommission"
    for entry in candidates.values():
        assert primary & set(entry["reasons"]), entry
    assert "covered-by-group-common" in candidates["kh-ekonomisystem"]["reasons"]
    assert "integrationsplattform" not in candidates["kh-ekonomisystem"]["dependents"]
