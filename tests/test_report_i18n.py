"""The report's two languages: the same labels in both, and numbers, money, percentages and
dates written the way each language writes them."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from eacheck.i18n import LANGUAGES
from eacheck.output.report.i18n import CATALOGUE, Locale

TEMPLATES = Path(__file__).resolve().parent.parent / "eacheck" / "output" / "templates" / "report"


def test_both_languages_have_the_same_labels():
    assert set(LANGUAGES) == set(CATALOGUE)
    assert CATALOGUE["sv"].keys() == CATALOGUE["en"].keys()


def test_every_label_has_the_same_placeholders_in_both_languages():
    for key, swedish in CATALOGUE["sv"].items():
        assert set(re.findall(r"{(\w+)}", swedish)) == set(re.findall(r"{(\w+)}", CATALOGUE["en"][key])), key


def test_every_label_the_templates_name_exists():
    named = set()
    for template in TEMPLATES.glob("*.j2"):
        named |= set(re.findall(r"""\bt\(\s*["']([\w.-]+)["']""", template.read_text(encoding="utf-8")))
    fixed = {key for key in named if not key.endswith(".")}
    assert len(fixed) > 50, "few labels found: the pattern no longer matches the templates"
    assert fixed <= CATALOGUE["sv"].keys(), fixed - CATALOGUE["sv"].keys()


def test_every_code_the_report_shows_has_a_label():
    """Labels built from a prefix and a code (``t("reason." ~ code)``) exist for every code."""
    from eacheck.analysis.completeness import FIELDS
    from eacheck.analysis.decommissioning import REASONS
    from eacheck.analysis.principle_findings import SEVERITIES
    from eacheck.analysis.targets import METRICS
    from eacheck.analysis.time_classes import CLASSES, UNASSESSED
    from eacheck.model.entities import ACTIVE_STATUSES

    codes = {
        "type": ["administration", "company", "holding", "external"],
        "reason": REASONS,
        "time": [*CLASSES, UNASSESSED],
        "time_help": [*CLASSES, UNASSESSED],
        "field": FIELDS,
        "severity": SEVERITIES,
        "level": SEVERITIES,
        "status": [*ACTIVE_STATUSES, "planned", "retired"],
        "metric": METRICS,
        "metric_help": METRICS,
        "figure": ["active_systems", "shared_systems", "cross_boundary_systems", "annual_cost",
                   "duplicated_capabilities", "alternative_cost", "decommission_candidates", "completeness"],
    }
    for prefix, values in codes.items():
        for value in values:
            assert f"{prefix}.{value}" in CATALOGUE["sv"], f"{prefix}.{value}"


def test_the_movement_figures_all_have_labels(repository):
    from eacheck.analysis.movement import headline_figures
    from eacheck import api

    figures = api.figures(api.open_repository(repository()), date(2026, 11, 27))
    assert {f"figure.{name}" for name in headline_figures(figures)} <= CATALOGUE["en"].keys()


@pytest.mark.parametrize(
    ("language", "money", "percent", "day", "points"),
    [
        ("sv", "1 234 567 kr", "45 %", "27 november 2026", "\u22121,5 procentenheter"),
        ("en", "SEK 1,234,567", "45%", "27 November 2026", "-1.5 percentage points"),
    ],
)
def test_formats(language, money, percent, day, points):
    fmt = Locale(language)
    assert fmt.money(1234567) == money
    assert fmt.percent(0.45) == percent
    assert fmt.date(date(2026, 11, 27)) == day
    assert fmt.date("2026-11-27") == day
    assert fmt.points(-0.015) == points


def test_numbers():
    sv, en = Locale("sv"), Locale("en")
    assert [sv.number(n) for n in (0, 999, 1000, 35460000)] == ["0", "999", "1 000", "35 460 000"]
    assert en.number(35460000) == "35,460,000"
    assert (sv.number(4.75, 1), en.number(4.75, 1)) == ("4,8", "4.8")  # half up, as people round
    assert sv.percent(0.675) == "68 %" and sv.percent(0.4697) == "47 %"
    assert (sv.signed(3), sv.signed(-3), sv.signed(0)) == ("+3", "\u22123", "0")
    assert sv.points(0.0403) == "+4,0 procentenheter"
    assert sv.points(-0.03, signed=False) == "3,0 procentenheter"


def test_changes_in_money_carry_a_sign():
    assert Locale("sv").money(-140000, signed=True) == "\u2212140 000 kr"
    assert Locale("en").money(140000, signed=True) == "SEK +140,000"


def test_currency_other_than_crowns_is_written_as_its_code():
    assert Locale("sv", "EUR").money(1500) == "1 500 EUR"
    assert Locale("en", "EUR").money(1500) == "EUR 1,500"


def test_quarters():
    assert Locale("sv").quarter("2027-Q2") == "kvartal 2 2027"
    assert Locale("en").quarter("2027-Q2") == "Q2 2027"
