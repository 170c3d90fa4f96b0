"""Data completeness (SPEC §4): how much of what the other figures need is actually written down.

Transparency is only as good as the data behind it: an index over systems without costs or
owners looks precise and is not.
"""

from __future__ import annotations

from dataclasses import dataclass

from eacheck.analysis.ratios import ratio
from eacheck.model.entities import System
from eacheck.model.landscape import Landscape

# field -> does the system have it; the order is the order the report shows them in
FIELDS = {
    "system_owner": lambda system: bool(system.system_owner),
    "annual_cost": lambda system: system.annual_cost is not None,
    # model, locations and jurisdiction, after the on-premises defaults
    "hosting": lambda system: system.hosting.is_known,
    "assessment": lambda system: system.is_assessed,
}


@dataclass(frozen=True, slots=True)
class Completeness:
    active_systems: int
    complete: int  # active systems with every field
    present: dict[str, int]  # field -> active systems that have it, in FIELDS order
    missing: tuple[tuple[str, tuple[str, ...]], ...]  # (system, fields it lacks), by system id

    @property
    def share(self) -> float:
        return ratio(self.complete, self.active_systems)

    def field_share(self, name: str) -> float:
        return ratio(self.present[name], self.active_systems)


def missing_fields(system: System) -> tuple[str, ...]:
    return tuple(name for name, has in FIELDS.items() if not has(system))


def completeness(landscape: Landscape) -> Completeness:
    systems = sorted(landscape.active_systems, key=lambda s: s.id)
    missing = [(system.id, missing_fields(system)) for system in systems]
    return Completeness(
        active_systems=len(systems),
        complete=sum(not lacks for _, lacks in missing),
        present={name: sum(has(system) for system in systems) for name, has in FIELDS.items()},
        missing=tuple((system, lacks) for system, lacks in missing if lacks),
    )
