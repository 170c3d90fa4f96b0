"""The quarterly shared-use report as one plain dict: the JSON document of SPEC §5.

The renderers (HTML, Markdown) read only this dict, so every format says the same thing and the
JSON is the full record. docs/report.md documents every key.
"""

from __future__ import annotations

from typing import Any

from eacheck.analysis.figures import Figures
from eacheck.analysis.integration_figures import system_figures
from eacheck.analysis.figure_changes import candidate_changes, duplication_changes
from eacheck.analysis.movement import Change, Movement, movement
from eacheck.analysis.principle_findings import count_by_principle, totals
from eacheck.analysis.targets import quarter_of, target_statuses
from eacheck.findings import Finding
from eacheck.i18n import using
from eacheck.model.entities import localized
from eacheck.model.plain import plain



def report_data(now: Figures, then: Figures | None = None, revision: str | None = None,
                language: str = "sv", history: tuple[list, list] | None = None) -> dict[str, Any]:
    """The report in ``language``: its few texts (finding messages, principle titles) are
    rendered in it, everything else is codes and numbers. ``history``: the points of the
    trend and the tags left out (:mod:`eacheck.analysis.history`), when asked for."""
    with using(language):
        return _report_data(now, then, revision, language, history)


def _report_data(now: Figures, then: Figures | None, revision: str | None, language: str,
                 history: tuple[list, list] | None) -> dict[str, Any]:
    settings = now.landscape.settings
    moved = movement(then, now, revision) if then is not None else None
    return {
        "as_of": now.as_of.isoformat(),
        "quarter": quarter_of(now.as_of),
        "group": settings.name,
        "language": language,
        "currency": settings.currency,
        "shared_use": _shared_use(now),
        "duplication": _duplication(now),
        "duplication_total": _duplication_total(now),
        "decommission_candidates": _candidates(now),
        # The horizon of the contract-ending reason: the lifecycle principle's contract_months.
        "contract_months": now.contract_months,
        "time": _time(now),
        "completeness": _completeness(now),
        "targets": _targets(now),
        "findings": _findings(now, language),
        "graph": {"systems": system_figures(now.landscape)},
        "movement": _movement(moved) if moved else None,
        # The trend over the quarters, oldest first, now last; the tags left out, by name.
        "history": history[0] if history else None,
        "history_skipped": history[1] if history else None,
        "names": _names(now, then),
    }


# The figures of SPEC §4 are exact fractions here (the same division always gives the same
# float, so the bytes are still stable). They are rounded only where they are shown: a spend
# index of 1 249 / 9 993 = 0.12499 is 12 %, and rounding it to 0.125 first would show 13 %.


def _shared_use(figures: Figures) -> dict[str, Any]:
    return plain(figures.shared_use)


def _duplication(figures: Figures) -> list[dict[str, Any]]:
    return plain(figures.duplication.capabilities)


def _duplication_total(figures: Figures) -> dict[str, Any]:
    duplication = figures.duplication
    return {
        "capabilities": len(duplication.capabilities),
        "systems": list(duplication.not_kept),
        "alternative_cost": duplication.total_alternative_cost,
    }


def _candidates(figures: Figures) -> list[dict[str, Any]]:
    return plain(figures.candidates)


def _time(figures: Figures) -> dict[str, Any]:
    return {
        "counts": figures.time.counts(),
        "systems": plain(figures.time.systems),
        "unassessed": list(figures.time.unassessed),
    }


def _completeness(figures: Figures) -> dict[str, Any]:
    completeness = figures.completeness
    return {
        "active_systems": completeness.active_systems,
        "complete": completeness.complete,
        "share": completeness.share,
        "fields": {
            name: {"count": count, "share": completeness.field_share(name)}
            for name, count in completeness.present.items()
        },
        "incomplete": [{"system": system, "missing": list(missing)} for system, missing in completeness.missing],
    }


def _targets(figures: Figures) -> dict[str, Any]:
    statuses = target_statuses(figures.indexes, figures.landscape.settings.targets, figures.as_of)
    return {
        status.metric: {
            "actual": status.actual,
            "target": status.target,
            "met": status.met,
            "next": None if status.next is None else {
                "quarter": status.next.quarter,
                "target": status.next.target,
                "quarters": status.next.quarters,
                "pace": status.next.pace,
            },
        }
        for status in statuses
    }


def _findings(figures: Figures, language: str) -> dict[str, Any]:
    principles = figures.landscape.principles
    return {
        "total": totals(figures.findings, figures.waived),
        "by_principle": [
            {
                "principle": count.principle,
                # schema and exception-expired are not principles; renderers name them
                "title": localized(principles[count.principle].title, language)
                if count.principle in principles else None,
                **count.counts,
                "total": count.total,
            }
            for count in count_by_principle(figures.findings)
        ],
    }


def _finding(finding: Finding) -> dict[str, Any]:
    return {key: value for key, value in finding.to_json().items() if key != "new"}


def change(value: Change) -> dict[str, float | None]:
    """``{"then", "now", "delta"}`` exactly (``None`` where a side does not exist): the movement
    is shown beside the report's own figures, so it is rounded only where shown, as they are.
    (The pull-request figures round to four decimals: :func:`figure_changes.change`.)"""
    then, now = value.then, value.now
    return {"then": then, "now": now, "delta": None if then is None or now is None else now - then}


def _movement(moved: Movement) -> dict[str, Any]:
    return {
        "revision": moved.revision,
        "indexes": {name: change(value) for name, value in moved.indexes.items()},
        "figures": {name: change(value) for name, value in moved.figures.items()},
        "by_organization": [
            {"organization": org, **{name: change(value) for name, value in changes.items()}}
            for org, changes in moved.by_organization
        ],
        "systems_added": list(moved.added),
        "systems_removed": list(moved.removed),
        # SPEC §4 "systems added and retired": those whose status became retired since then.
        "systems_retired": [change.system for change in moved.status_changes if change.after == "retired"],
        "status_changes": [
            {"system": change.system, "from": change.before, "to": change.after}
            for change in moved.status_changes
        ],
        "findings_opened": [_finding(finding) for finding in moved.opened],
        "findings_closed": [_finding(finding) for finding in moved.closed],
        "duplication": duplication_changes(moved),
        "decommission_candidates": candidate_changes(moved),
    }


def _names(now: Figures, then: Figures | None) -> dict[str, dict[str, str]]:
    """Display names of every organization, capability and system the report may mention,
    including systems that exist only at the earlier revision."""
    landscapes = [now.landscape] + ([then.landscape] if then is not None else [])
    names: dict[str, dict[str, str]] = {"organizations": {}, "capabilities": {}, "systems": {}}
    for landscape in landscapes:
        for kind, collection in (("organizations", landscape.organizations),
                                 ("capabilities", landscape.capabilities),
                                 ("systems", landscape.systems)):
            for entity_id, entity in collection.items():
                names[kind].setdefault(entity_id, entity.name)
    return {kind: dict(sorted(by_id.items())) for kind, by_id in names.items()}
