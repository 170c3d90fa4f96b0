"""What the report templates receive: the report dict, the language, and views derived from the
dict for reading (names, orderings, chart geometry). Nothing here reads the repository."""

from __future__ import annotations

from typing import Any

from eacheck import __version__
from eacheck.analysis.decommissioning import REASONS
from eacheck.analysis.targets import METRICS
from eacheck.analysis.time_classes import CLASSES as TIME_CLASSES
from eacheck.output.report import charts
from eacheck.output.report.i18n import Locale


def template_context(report: dict[str, Any]) -> dict[str, Any]:
    fmt = Locale(report["language"], report["currency"])
    names = report["names"]

    def name(kind: str, entity_id: str) -> str:
        return names[kind].get(entity_id, entity_id)

    def principle_title(entry: dict[str, Any]) -> str:
        key = f"principle.{entry['principle']}"
        return entry["title"] or (fmt.t(key) if fmt.has(key) else entry["principle"])

    shared_use = report["shared_use"]
    organizations = sorted(shared_use["by_organization"], key=lambda o: (-o["index"], o["organization"]))
    return {
        "report": report,
        "fmt": fmt,
        "t": fmt.t,
        "version": __version__,
        "group": report["group"] or fmt.t("group_fallback"),
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
        "names_list": lambda ids: ", ".join(name("systems", i) for i in ids) if ids else "–",
        "money_text": lambda amount: fmt.t("unknown") if amount is None else fmt.money(amount),
        "percent_text": lambda value: fmt.t("not_present") if value is None else fmt.percent(value),
        "points_text": lambda value: fmt.t("not_present") if value is None else fmt.signed(value * 100, 1),
        "bar_text": _text_bar,
    }


def _text_bar(fraction: float, width: int = 20) -> str:
    """A bar of block characters for Markdown tables, where there is no SVG."""
    filled = int(round(max(0.0, min(fraction, 1.0)) * width))
    return "█" * filled + "░" * (width - filled)


def _metric(report: dict[str, Any], metric: str, fmt: Locale) -> dict[str, Any]:
    """One index with its target, status and the pace to the next target, ready to show."""
    shared_use = report["shared_use"]
    status = report["targets"][metric]
    actual, target = status["actual"], status["target"]
    if metric == "spend_index":
        shared, total = fmt.money(shared_use["shared_annual_cost"]), fmt.money(shared_use["annual_cost"])
    else:
        count = "shared_systems" if metric == "shared_use_index" else "cross_boundary_systems"
        shared, total = fmt.number(shared_use[count]), fmt.number(shared_use["active_systems"])
    upcoming = status["next"]
    return {
        "key": metric,
        "label": fmt.t(f"metric.{metric}"),
        "actual": actual,
        "target": target,
        "met": status["met"],
        "help": fmt.t(f"metric_help.{metric}", shared=shared, total=total),
        "gap": None if target is None else fmt.points(actual - target),
        "next": upcoming,
        "pace": None if upcoming is None or upcoming["pace"] <= 0 else fmt.points(upcoming["pace"]),
        "gauge": charts.gauge(actual, target),
    }


def _organization_chart(report, organizations, fmt: Locale, name) -> charts.BarChart:
    index = report["shared_use"]["index"]
    lines = [(index, fmt.t("chart_group", value=fmt.percent(index)), "refline")]
    target = report["targets"]["shared_use_index"]["target"]
    if target is not None:
        lines.append((target, fmt.t("chart_target", value=fmt.percent(target)), "target"))
    rows = [
        (name("organizations", org["organization"]), org["index"], fmt.percent(org["index"]),
         org["type"] in ("company", "holding"))
        for org in organizations
    ]
    return charts.bar_chart(rows, lines, fmt.percent)
