"""Duplication (SPEC §4): `group` capabilities served by more than one active system, the system
to keep, and the alternative cost of keeping the others."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from eacheck.model.entities import System
from eacheck.model.landscape import Landscape


@dataclass(frozen=True, slots=True)
class DuplicatedCapability:
    capability: str
    systems: tuple[str, ...]  # every active system serving it, by id
    kept: str
    annual_cost: int  # known cost of all of them
    alternative_cost: int  # known cost of all but the kept one, each counted whole
    systems_without_cost: tuple[str, ...]  # systems other than the kept one whose cost is unknown

    @property
    def others(self) -> tuple[str, ...]:
        return tuple(system for system in self.systems if system != self.kept)


@dataclass(frozen=True, slots=True)
class Duplication:
    capabilities: tuple[DuplicatedCapability, ...]  # by capability id
    not_kept: tuple[str, ...]  # systems not kept in at least one duplicated capability, by id
    total_alternative_cost: int  # known cost of `not_kept`, each system once


def kept_system(landscape: Landscape, systems: list[System]) -> System:
    """Most using organizations among the group-common systems if there are any, else among all.

    A tie goes to the system in operation longest (the earliest ``lifecycle.since``; one without
    ``since`` after every one with it), then to the lowest id: a system just added, or one whose
    history is unknown, never displaces an established one because of how its id sorts.
    """
    pool = [system for system in systems if system.group_common] or systems
    return min(
        pool,
        key=lambda system: (
            -len(landscape.using_organizations(system)),
            system.since is None,
            system.since or date.max,
            system.id,
        ),
    )


def _known_cost(systems: list[System]) -> int:
    return sum(system.annual_cost for system in systems if system.annual_cost is not None)


def duplication(landscape: Landscape) -> Duplication:
    duplicated = []
    not_kept: dict[str, System] = {}
    # No roll-up: a system serving a child capability does not serve its parent.
    for capability, systems in sorted(landscape.active_systems_by_capability.items()):
        if len(systems) < 2 or not landscape.is_group_capability(capability):
            continue
        kept = kept_system(landscape, systems)
        others = [system for system in systems if system.id != kept.id]
        not_kept.update((system.id, system) for system in others)
        duplicated.append(
            DuplicatedCapability(
                capability=capability,
                systems=tuple(system.id for system in systems),
                kept=kept.id,
                annual_cost=_known_cost(systems),
                alternative_cost=_known_cost(others),
                systems_without_cost=tuple(system.id for system in others if system.annual_cost is None),
            )
        )
    return Duplication(
        capabilities=tuple(duplicated),
        not_kept=tuple(sorted(not_kept)),
        total_alternative_cost=_known_cost(list(not_kept.values())),
    )
