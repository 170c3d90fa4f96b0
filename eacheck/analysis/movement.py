"""Movement since an earlier revision (SPEC §4, §8): the same figures then and now, what changed in
the landscape, and which findings were opened and closed.

One implementation for the quarterly report (`report --compare-to`) and the pull request
(`check --baseline`): both compute :class:`~eacheck.analysis.figures.Figures` for the two
revisions with the same as-of date and compare them here.
"""

from __future__ import annotations

from dataclasses import dataclass

from eacheck.analysis.duplication import DuplicatedCapability
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


@dataclass(frozen=True, slots=True)
class DuplicationChange:
    """A capability whose duplication differs: newly duplicated (``then`` None), no longer
    duplicated (``now`` None), or duplicated on both sides with other systems, another kept
    system or another alternative cost. ``systems_added`` and ``systems_removed`` compare the
    active systems serving it on both sides (a capability that becomes duplicated had one)."""

    capability: str
    then: DuplicatedCapability | None
    now: DuplicatedCapability | None
    systems_added: tuple[str, ...]
    systems_removed: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CandidateChange:
    """A system that became a decommissioning candidate (``then`` None) or stopped being one
    (``now`` None); each side holds its reasons."""

    system: str
    then: tuple[str, ...] | None
    now: tuple[str, ...] | None


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
    duplication: tuple[DuplicationChange, ...] = ()  # by capability id
    candidates: tuple[CandidateChange, ...] = ()  # by system id

    @property
    def moves_the_figures(self) -> bool:
        """Whether anything a reader of the group's figures would notice changed: an index, the
        alternative cost, data completeness, a duplication or a decommissioning candidate."""
        changes = [*self.indexes.values(), self.figures["alternative_cost"], self.figures["completeness"]]
        return (any(_rounded(change.then) != _rounded(change.now) for change in changes)
                or bool(self.duplication) or bool(self.candidates))


# Indexes and shares are compared and shown with four decimals (the report's JSON): a change
# finer than that moves nothing a reader can see.
DECIMALS = 4


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, DECIMALS)


def headline_figures(figures: Figures) -> dict[str, float]:
    group = figures.shared_use
    return {
        "active_systems": group.active_systems,
        "shared_systems": group.shared_systems,
        "cross_boundary_systems": group.cross_boundary_systems,
        "annual_cost": group.annual_cost,
        "duplicated_capabilities": len(figures.duplication.capabilities),
        "alternative_cost": figures.duplication.total_alternative_cost,
        "decommission_candidates": len(figures.candidates),
        "completeness": figures.completeness.share,
    }


def _organization_indexes(figures: Figures) -> dict[str, dict[str, float]]:
    return {
        use.organization: {
            "index": use.index,
            "spend_index": use.spend_index,
            "cross_boundary_index": use.cross_boundary_index,
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
        duplication=duplication_changes(then, now),
        candidates=candidate_changes(then, now),
    )


def duplication_changes(then: Figures, now: Figures) -> tuple[DuplicationChange, ...]:
    before = {entry.capability: entry for entry in then.duplication.capabilities}
    after = {entry.capability: entry for entry in now.duplication.capabilities}
    changes = []
    for capability in sorted(before.keys() | after.keys()):
        if _shown(before.get(capability)) == _shown(after.get(capability)):
            continue
        serving_then = {s.id for s in then.landscape.active_systems_by_capability.get(capability, ())}
        serving_now = {s.id for s in now.landscape.active_systems_by_capability.get(capability, ())}
        changes.append(DuplicationChange(capability, before.get(capability), after.get(capability),
                                         tuple(sorted(serving_now - serving_then)),
                                         tuple(sorted(serving_then - serving_now))))
    return tuple(changes)


def _shown(entry: DuplicatedCapability | None) -> tuple | None:
    # What a reader sees of a duplication; the kept system's own cost is not part of it.
    return None if entry is None else (entry.systems, entry.kept, entry.alternative_cost)


def candidate_changes(then: Figures, now: Figures) -> tuple[CandidateChange, ...]:
    before = {candidate.system: candidate.reasons for candidate in then.candidates}
    after = {candidate.system: candidate.reasons for candidate in now.candidates}
    return tuple(
        CandidateChange(system, before.get(system), after.get(system))
        for system in sorted(before.keys() ^ after.keys())
    )
