"""The report's two languages, from the one catalogue: a name for every code the report shows,
and numbers, money, percentages and dates written the way each language writes them (Babel's
CLDR forms: no-break spaces in Swedish figures)."""

from __future__ import annotations

from datetime import date

import pytest

from eacheck import i18n
from eacheck.output.report import labels
from eacheck.output.report.context import Formats

NBSP = "\u00a0"


def test_every_code_the_report_shows_has_a_name():
    """A name for every reason, class, field, severity, status, metric and figure the report
    dict can hold, so no template meets an unknown code."""
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
        "severity_column": SEVERITIES,
        "severity": SEVERITIES,
        "status": [*ACTIVE_STATUSES, "planned", "retired"],
        "metric": METRICS,
        "principle": ["schema", "exception-expired"],
    }
    for table, values in codes.items():
        assert set(values) <= labels.TABLES[table].keys(), (table, set(values) - labels.TABLES[table].keys())


def test_the_movement_figures_all_have_names(repository):
    from eacheck import api
    from eacheck.analysis.movement import headline_figures

    figures = api.figures(api.open_repository(repository()), date(2026, 11, 27))
    assert set(headline_figures(figures)) <= labels.FIGURES.keys()


def test_every_name_is_translated_into_swedish():
    with i18n.using("sv"):
        swedish = labels.translated_tables()
    with i18n.using("en"):
        english = labels.translated_tables()
    for table, names in swedish.items():
        for code, name in names.items():
            assert name and name != english[table][code], (table, code, name)
    assert swedish["reason"]["phase-out"] == "under avveckling"
    assert english["reason"]["phase-out"] == "being phased out"


@pytest.mark.parametrize(
    ("language", "money", "percent", "day", "points", "quarter"),
    [
        ("sv", f"1{NBSP}234{NBSP}567{NBSP}kr", f"45{NBSP}%", "27 november 2026", "-1,5 procentenheter", "kvartal 2 2027"),
        ("en", f"SEK{NBSP}1,234,567", "45%", "27 November 2026", "-1.5 percentage points", "Q2 2027"),
    ],
)
def test_formats(language, money, percent, day, points, quarter):
    fmt = Formats(language)
    with i18n.using(language):
        assert fmt.money(1234567) == money
        assert fmt.percent(0.45) == percent
        assert fmt.date(date(2026, 11, 27)) == day
        assert fmt.date("2026-11-27") == day
        assert fmt.points(-0.015) == points
        assert fmt.quarter("2027-Q2") == quarter


def test_numbers():
    sv, en = Formats("sv"), Formats("en")
    assert [sv.number(n) for n in (0, 999, 1000, 35460000)] == ["0", "999", f"1{NBSP}000", f"35{NBSP}460{NBSP}000"]
    assert en.number(35460000) == "35,460,000"
    assert (sv.number(4.75, 1), en.number(4.75, 1)) == ("4,8", "4.8")  # half up, as people round
    assert sv.percent(0.675) == f"68{NBSP}%" and sv.percent(0.4697) == f"47{NBSP}%"
    assert (sv.number(3, signed=True), sv.number(-3, signed=True), sv.number(0, signed=True)) == ("+3", "-3", "0")
    with i18n.using("sv"):
        assert sv.points(0.0403) == "+4,0 procentenheter"
        assert sv.points(-0.03, signed=False) == "3,0 procentenheter"
    assert sv.points_number(0.0) == "0,0"  # no change is neither + nor -


def test_changes_in_money_carry_a_sign():
    assert Formats("sv").money(-140000, signed=True) == f"-140{NBSP}000{NBSP}kr"
    assert Formats("en").money(140000, signed=True) == f"+SEK{NBSP}140,000"


def test_a_currency_other_than_crowns_comes_from_cldr():
    assert Formats("sv", "EUR").money(1500) == f"1{NBSP}500{NBSP}€"
    assert Formats("en", "EUR").money(1500) == f"€{NBSP}1,500"


@pytest.mark.parametrize(
    ("language", "count", "expected"),
    [
        ("sv", 1, "Dessutom undantogs 1 avvikelse genom ett beslutat undantag."),
        ("sv", 2, "Dessutom undantogs 2 avvikelser genom beslutade undantag."),
        ("en", 1, "In addition, 1 finding was waived by a decided exception."),
        ("en", 2, "In addition, 2 findings were waived by decided exceptions."),
    ],
)
def test_the_templates_choose_the_plural_form_by_the_count(repository, language, count, expected):
    """`ngettext` in the templates: one waived finding is not 'findings were'."""
    from eacheck import api
    from eacheck.output.report import render

    report = api.report(repository(), date(2026, 11, 27), language=language)
    report["findings"]["total"]["waived"] = count
    for format_name in ("md", "html"):
        assert expected in render(format_name, report)


def test_no_english_label_is_left_in_the_templates():
    """Every text of the templates goes through the catalogue: rendering in Swedish leaves no
    message id of the catalogue untranslated."""
    from babel.messages.pofile import read_po

    from conftest import PROJECT_ROOT

    with (PROJECT_ROOT / "eacheck/locale/sv/LC_MESSAGES/eacheck.po").open("rb") as handle:
        catalogue = read_po(handle, locale="sv")
    report_messages = [m for m in catalogue if m.id and any("output/report" in path or "templates/report" in path
                                                            for path, _ in m.locations)]
    assert len(report_messages) > 100, "few report messages found: the extraction no longer sees the templates"
    assert all(m.string and (m.string if isinstance(m.string, str) else m.string[0]) for m in report_messages)
