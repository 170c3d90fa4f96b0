"""What the report templates receive: the report dict, the formats of its language, the names
of its codes, and views derived from the dict for reading (names, orderings, chart geometry).
Nothing here reads the repository.

Built inside ``i18n.using(report["language"])`` (see :func:`eacheck.output.report.render`):
every word comes from the catalogue in that language, and every number, amount, percentage
and date is written by :mod:`eacheck.i18n.formats`.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from eacheck import __version__
from eacheck.analysis.decommissioning import REASONS
from eacheck.analysis.targets import METRICS, quarters_between
from eacheck.analysis.time_classes import CLASSES as TIME_CLASSES
from eacheck.i18n import _, formats, ngettext, pgettext
from eacheck.output.report import charts
from eacheck.output.report.labels import reason_words, translated_tables

NOT_PRESENT = "–"


class Formats:
    """Numbers, money, percentages and dates of one report, in its language and currency."""

    def __init__(self, language: str, currency: str = "SEK") -> None:
        self.language = language
        self.currency = currency

    def number(self, value: float, decimals: int = 0, signed: bool = False) -> str:
        return formats.number(value, self.language, decimals, signed)

    def money(self, amount: int, signed: bool = False) -> str:
        return formats.money(amount, self.language, self.currency, signed)

    def percent(self, fraction: float) -> str:
        return formats.percent(fraction, self.language)

    def points_number(self, fraction: float) -> str:
        """A difference between two indexes in percentage points, signed, one decimal."""
        return formats.points(fraction, self.language)

    def points(self, fraction: float, signed: bool = True) -> str:
        """The same with its unit: `+4,0 procentenheter`; unsigned for a gap."""
        value = formats.points(fraction if signed else abs(fraction), self.language, signed)
        return _("{value} percentage points").format(value=value)

    def date(self, value: date | str) -> str:
        return formats.long_date(date.fromisoformat(value) if isinstance(value, str) else value, self.language)

    def quarter(self, quarter: str) -> str:
        year, number = quarter.split("-Q")
        return _("Q{quarter} {year}").format(quarter=number, year=year)

    def quarter_short(self, quarter: str) -> str:
        """For a chart's axis, where the quarters stand side by side."""
        year, number = quarter.split("-Q")
        return pgettext("abbreviation", "Q{quarter} {year}").format(quarter=number, year=year)

    # Text for a table cell, where a missing value is a dash or a word.
    def money_text(self, amount: int | None) -> str:
        return _("unknown") if amount is None else self.money(amount)

    def percent_text(self, value: float | None) -> str:
        return NOT_PRESENT if value is None else self.percent(value)

    def points_text(self, value: float | None) -> str:
        return NOT_PRESENT if value is None else self.points_number(value)


def template_context(report: dict[str, Any]) -> dict[str, Any]:
    fmt = Formats(report["language"], report["currency"])
    names = report["names"]
    labels = translated_tables()
    # The horizon is the lifecycle principle's own, so the report says what `check` applies.
    months = report.get("contract_months", 12)
    labels["reason"] = reason_words(months)

    def name(kind: str, entity_id: str) -> str:
        return names[kind].get(entity_id, entity_id)

    def principle_title(entry: dict[str, Any]) -> str:
        return entry["title"] or labels["principle"].get(entry["principle"], entry["principle"])

    shared_use = report["shared_use"]
    organizations = sorted(shared_use["by_organization"], key=lambda o: (-o["index"], o["organization"]))
    return {
        "report": report,
        "fmt": fmt,
        "labels": labels,
        "version": __version__,
        "group": report["group"] or _("The group"),
        "system_name": lambda system_id: name("systems", system_id),
        "organization_name": lambda org_id: name("organizations", org_id),
        "capability_name": lambda capability_id: name("capabilities", capability_id),
        "principle_title": principle_title,
        "metrics": [_metric(report, metric, fmt) for metric in METRICS],
        "organizations": organizations,
        "organization_chart": _organization_chart(report, organizations, fmt, name),
        "duplication": sorted(report["duplication"], key=lambda d: (-d["alternative_cost"], d["capability"])),
        "candidates_cost": sum(c["annual_cost"] or 0 for c in report["decommission_candidates"]),
        "time_classes": TIME_CLASSES,
        "time_systems": {
            klass: [s["system"] for s in report["time"]["systems"] if s["class"] == klass]
            for klass in TIME_CLASSES
        },
        "metric_names": METRICS,
        # The reasons that make a candidate first, then those that only add to them.
        "reasons_in_order": lambda codes: sorted(codes, key=REASONS.index),
        # Plain-text helpers: the Markdown template escapes what they return exactly once.
        "names_list": lambda ids: ", ".join(name("systems", i) for i in ids) if ids else NOT_PRESENT,
        "bar_text": _text_bar,
        "history": history_charts(report, fmt),
        # Sentences both formats show; the templates hold the rest of the text.
        "duplication_total": _duplication_total(report, fmt),
        "completeness_overall": _completeness_overall(report, fmt),
        "method": method_texts(months),
    }


def _duplication_total(report: dict[str, Any], fmt: Formats) -> str:
    total = report["duplication_total"]
    return _(
        "Alternative cost for the group (each system once): {cost} a year. Systems not kept: "
        "{systems}; capabilities with duplicates: {capabilities}."
    ).format(cost=fmt.money(total["alternative_cost"]), systems=fmt.number(len(total["systems"])),
             capabilities=fmt.number(total["capabilities"]))


def _completeness_overall(report: dict[str, Any], fmt: Formats) -> str:
    completeness = report["completeness"]
    return _("{share} of the active systems ({complete} of {total}) have all four facts.").format(
        share=fmt.percent(completeness["share"]), complete=fmt.number(completeness["complete"]),
        total=fmt.number(completeness["active_systems"]),
    )


def _metric_help(metric: str, shared: int, shared_text: str, total_text: str) -> str:
    if metric == "spend_index":
        text = _("{shared} of {total} in known annual cost is in shared systems.")
    elif metric == "shared_use_index":
        text = ngettext("{shared} of {total} active systems is used by at least two organizations.",
                        "{shared} of {total} active systems are used by at least two organizations.", shared)
    else:
        text = ngettext("{shared} of {total} active systems is used by both administrations and companies.",
                        "{shared} of {total} active systems are used by both administrations and companies.",
                        shared)
    return text.format(shared=shared_text, total=total_text)


def method_texts(contract_months: int = 12) -> list[tuple[str, str]]:
    """How every figure is computed, as (figure, explanation): the report's Method section.
    ``contract_months``: the lifecycle principle's horizon, which the report applied."""
    return [
        (_("Active systems"), _("Lifecycle status active or phase-out. Planned and retired systems do not count.")),
        (_("Using organizations"), _(
            "The owner and those listed under used_by. External organizations (neighbouring "
            "municipalities, agencies and the like) do not count.")),
        (_("Shared-use index"), _("The share of active systems used by at least two organizations in the group.")),
        (_("Spend-weighted index"), _(
            "The annual cost of shared active systems divided by the annual cost of all active "
            "systems with a known cost. Systems without a cost do not count.")),
        (_("Cross-boundary index"), _(
            "The share of active systems used by at least one administration and at least one "
            "company (the holding company counts as a company).")),
        (_("Per organization"), _(
            "The same indexes, over the systems the organization owns or uses. An organization "
            "without systems has index 0.")),
        (_("Duplication"), _(
            "For each capability meant to be met once for the group (sharing: group), the active "
            "systems serving exactly that capability; sub-capabilities are not added to their "
            "parent. The kept system is the group-common system with the most using organizations "
            "or, if none is group-common, the system with the most; on a tie, the one in operation "
            "longest (the earliest lifecycle.since), then the lowest id. The "
            "alternative cost is the known annual cost of the other systems, each counted whole. "
            "The group total counts each system once, even when it appears in several capabilities.")),
        (_("Decommissioning candidates"), ngettext(
            "Active systems that are being phased out, are past their retire-by date, whose every "
            "capability is also served by an active group-common system, or that TIME classes as "
            "eliminate. A contract ending within {n} month, or use by a single organization, is "
            "given as a reason only together with one of those.",
            "Active systems that are being phased out, are past their retire-by date, whose every "
            "capability is also served by an active group-common system, or that TIME classes as "
            "eliminate. A contract ending within {n} months, or use by a single organization, is "
            "given as a reason only together with one of those.",
            contract_months).format(n=contract_months)),
        (_("TIME class"), _(
            "Only systems with both functional and technical fit (1–4); 3 and 4 count as high.")),
        (_("Data completeness"), _(
            "The share of active systems with a system owner, a known annual cost, known hosting "
            "(model, data location and the provider's jurisdiction, where the group's own data "
            "centre defaults to the home country) and an assessment with both fits.")),
        (_("Targets"), _(
            "The value is compared with the target for the current quarter. For the next target, "
            "the pace needed is shown: (target − current value) divided by the number of quarters "
            "until then.")),
        (_("Movement"), _(
            "The same figures computed from an earlier git revision with the same date. Findings "
            "are matched on what is wrong and where, not on line numbers.")),
        (_("History"), _(
            "The same figures computed from each git tag that names a quarter (report-2026-Q3), "
            "as of the last day of that quarter, against the targets set now.")),
    ]


def _text_bar(fraction: float, width: int = 20) -> str:
    """A bar of block characters for Markdown tables, where there is no SVG."""
    filled = int(round(max(0.0, min(fraction, 1.0)) * width))
    return "█" * filled + "░" * (width - filled)


def _metric(report: dict[str, Any], metric: str, fmt: Formats) -> dict[str, Any]:
    """One index with its target, status and the pace to the next target, ready to show."""
    shared_use = report["shared_use"]
    status = report["targets"][metric]
    actual, target = status["actual"], status["target"]
    if metric == "spend_index":
        shared, total = shared_use["shared_annual_cost"], shared_use["annual_cost"]
        shared_text, total_text = fmt.money(shared), fmt.money(total)
    else:
        count = "shared_systems" if metric == "shared_use_index" else "cross_boundary_systems"
        shared, total = shared_use[count], shared_use["active_systems"]
        shared_text, total_text = fmt.number(shared), fmt.number(total)
    upcoming = status["next"]
    return {
        "key": metric,
        "actual": actual,
        "target": target,
        "met": status["met"],
        "help": _metric_help(metric, shared, shared_text, total_text),
        "gap": None if target is None else fmt.points(target - actual, signed=False),
        "next": upcoming,
        "pace": None if upcoming is None or upcoming["pace"] <= 0 else fmt.points(upcoming["pace"]),
        "gauge": charts.gauge(actual, target),
    }


def _organization_chart(report, organizations, fmt: Formats, name) -> charts.BarChart:
    index = report["shared_use"]["index"]
    lines = [(index, _("Group {value}").format(value=fmt.percent(index)), "refline")]
    target = report["targets"]["shared_use_index"]["target"]
    if target is not None:
        lines.append((target, _("Target {value}").format(value=fmt.percent(target)), "target"))
    rows = [
        (name("organizations", org["organization"]), org["index"], fmt.percent(org["index"]),
         org["type"] in ("company", "holding"))
        for org in organizations
    ]
    return charts.bar_chart(rows, lines, fmt.percent)


def history_charts(report: dict[str, Any], fmt: Formats) -> dict[str, Any] | None:
    """The trend over the quarters (``report["history"]``), one chart per index (the report's
    and the landscape site's start page)."""
    history = report.get("history")
    if not history:
        return None
    quarters = [fmt.quarter_short(point["quarter"]) for point in history]
    positions = [quarters_between(history[0]["quarter"], point["quarter"]) for point in history]
    result = {"charts": {}}
    for metric in METRICS:
        values = [None if point["missing"] else point["indexes"][metric] for point in history]
        targets = [point["targets"][metric] for point in history]
        result["charts"][metric] = charts.line_chart(quarters, values, targets, fmt.percent, positions)
    return result
