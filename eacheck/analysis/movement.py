"""Movement since an earlier revision (SPEC §4): the same figures then and now, what changed in
the landscape, and which findings were opened and closed."""

from __future__ import annotations

from dataclasses import dataclass

from eacheck.analysis.figures import Figures
from eacheck.checks.baseline import unmatched
from eacheck.findings import Finding


@dataclass(frozen=True, slots=True)
class Change:
    then: float | None  # None: it did not exist then (a new organization)
    now: float | None  # None: it no longer exists


@dataclass(frozen=True, slots=True)
class StatusChange:
    system: str
    before: str
    after: str


@dataclass(frozen=True)
class Movement:
    revision: str
    indexes: dict[str, Change]  # the group's three indexes
    figures: dict[str, Change]  # counts and money behind them
    by_organization: tuple[tuple[str, dict[str, Change]], ...]  # organization -> its indexes
    added: tuple[str, ...]
    removed: tuple[str, ...]
    status_changes: tuple[StatusChange, ...]
    opened: tuple[Finding, ...]
    closed: tuple[Finding, ...]


def headline_figures(figures: Figures) -> dict[str, float]:
    group = figures.shared_use.group
    return {
        "active_systems": group.systems,
        "shared_systems": group.shared,
        "cross_boundary_systems": group.cross_boundary,
        "annual_cost": group.known_cost,
        "duplicated_capabilities": len(figures.duplication.capabilities),
        "alternative_cost": figures.duplication.total_alternative_cost,
        "decommission_candidates": len(figures.candidates),
        "completeness": figures.completeness.share,
    }


def _organization_indexes(figures: Figures) -> dict[str, dict[str, float]]:
    return {
        use.organization: {
            "index": use.indexes.index,
            "spend_index": use.indexes.spend_index,
            "cross_boundary_index": use.indexes.cross_boundary_index,
        }
        for use in figures.shared_use.by_organization
    }


def _changes(then: dict[str, float], now: dict[str, float]) -> dict[str, Change]:
    return {name: Change(then.get(name), now.get(name)) for name in now}


def movement(then: Figures, now: Figures, revision: str) -> Movement:
    before, after = then.landscape.systems, now.landscape.systems
    then_orgs, now_orgs = _organization_indexes(then), _organization_indexes(now)
    empty = dict.fromkeys(("index", "spend_index", "cross_boundary_index"))
    return Movement(
        revision=revision,
        indexes=_changes(then.indexes, now.indexes),
        figures=_changes(headline_figures(then), headline_figures(now)),
        by_organization=tuple(
            (org, {name: Change(then_orgs.get(org, empty)[name], now_orgs.get(org, empty)[name]) for name in empty})
            for org in sorted(then_orgs.keys() | now_orgs.keys())
        ),
        added=tuple(sorted(after.keys() - before.keys())),
        removed=tuple(sorted(before.keys() - after.keys())),
        status_changes=tuple(
            StatusChange(system, before[system].status, after[system].status)
            for system in sorted(before.keys() & after.keys())
            if before[system].status != after[system].status
        ),
        opened=unmatched(now.findings, then.findings),
        closed=unmatched(then.findings, now.findings),
    )
