"""The whole landscape of a group: every valid entity by kind and id, plus the settings."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from eacheck.model.entities import (
    Capability,
    Integration,
    Organization,
    Principle,
    Procurement,
    Settings,
    System,
    Waiver,
)


@dataclass
class Landscape:
    settings: Settings = field(default_factory=Settings)
    organizations: dict[str, Organization] = field(default_factory=dict)
    capabilities: dict[str, Capability] = field(default_factory=dict)
    systems: dict[str, System] = field(default_factory=dict)
    integrations: dict[str, Integration] = field(default_factory=dict)
    procurements: dict[str, Procurement] = field(default_factory=dict)
    exceptions: dict[str, Waiver] = field(default_factory=dict)
    principles: dict[str, Principle] = field(default_factory=dict)

    def add(self, entity) -> None:
        getattr(self, _COLLECTION[entity.kind])[entity.id] = entity

    def get(self, entity_id: str):
        """The architecture entity with this id (principles have ids of their own)."""
        for name in _COLLECTION.values():
            if name == "principles":
                continue
            entity = getattr(self, name).get(entity_id)
            if entity is not None:
                return entity
        return None

    @cached_property
    def active_systems(self) -> list[System]:
        return [system for system in self.systems.values() if system.is_active]

    @cached_property
    def active_systems_by_capability(self) -> dict[str, list[System]]:
        """Capability id -> active systems serving it, sorted by id."""
        serving: dict[str, list[System]] = defaultdict(list)
        for system in sorted(self.active_systems, key=lambda s: s.id):
            for capability in system.capabilities:
                serving[capability].append(system)
        return dict(serving)

    @cached_property
    def legs(self):
        """The flow legs of every integration (:class:`eacheck.model.graph.Leg`), in the order the
        integrations were read: all the checks and the report need of the integration graph."""
        from eacheck.model.graph import flow_legs_of

        return flow_legs_of(self)

    @cached_property
    def graph(self):
        """The integration graph (``networkx.MultiDiGraph``), built once; see eacheck.model.graph.

        Imported here, not at the top, so commands that never walk the graph don't load networkx.
        """
        from eacheck.model.graph import build_graph

        return build_graph(self)

    @cached_property
    def capability_map(self):
        """The capability hierarchy alone (``networkx.DiGraph``), each edge child → parent.

        Walking it answers "what lies below" (``networkx.ancestors``: whatever reaches a
        capability) and "what is broader, nearest first" (shortest path lengths upward); a
        ``parent`` cycle, which `validate` reports, cannot make either walk endless.
        """
        import networkx as nx

        hierarchy = nx.DiGraph()
        hierarchy.add_nodes_from(sorted(self.capabilities))
        hierarchy.add_edges_from(
            (capability.id, capability.parent)
            for capability in sorted(self.capabilities.values(), key=lambda c: c.id)
            if capability.parent in self.capabilities
        )
        return hierarchy

    def capability_and_below(self, capability_id: str) -> set[str]:
        """The capability and every capability under it in the capability map."""
        import networkx as nx

        return {capability_id, *nx.ancestors(self.capability_map, capability_id)}

    def broader_capabilities(self, capability_id: str) -> list[str]:
        """The capabilities above ``capability_id``, nearest first (its parent, then its parent's)."""
        import networkx as nx

        distances = nx.single_source_shortest_path_length(self.capability_map, capability_id)
        return sorted((c for c in distances if c != capability_id), key=lambda c: (distances[c], c))

    @cached_property
    def active_group_common_by_capability(self) -> dict[str, list[str]]:
        """Capability id -> ids of the active group-common systems serving it, sorted."""
        return {
            capability: ids
            for capability, systems in self.active_systems_by_capability.items()
            if (ids := [system.id for system in systems if system.group_common])
        }

    @cached_property
    def _using(self) -> dict[str, tuple[str, ...]]:
        return {}

    def using_organizations(self, system: System) -> tuple[str, ...]:
        """Owner and users inside the group (SPEC §4): external organizations left out.

        Remembered per system: shared use, duplication and decommissioning each ask for every
        active system, and the pull-request comment asks for two landscapes."""
        known = self._using.get(system.id)
        if known is None:
            known = self._using[system.id] = tuple(
                org
                for org in system.organizations
                if org in self.organizations and not self.organizations[org].is_external
            )
        return known

    def is_group_capability(self, capability_id: str) -> bool:
        capability = self.capabilities.get(capability_id)
        return capability is not None and capability.sharing == "group"


_COLLECTION = {
    "organization": "organizations",
    "capability": "capabilities",
    "system": "systems",
    "integration": "integrations",
    "procurement": "procurements",
    "exception": "exceptions",
    "principle": "principles",
}
