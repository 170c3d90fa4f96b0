"""What happens if a system is retired: the flows that break, who depends on it, what is left.

Definitions (docs/graph.md explains them for architects):

- **A system not in operation** (``planned`` or ``retired``) breaks nothing when it is retired
  or dropped: it takes part in no flow, serves no capability today and no organization uses it
  yet or any more. Its answer lists only the **stale integrations**, data to clean up: those
  that still claim a flow through it (``active`` ones, and for a retired system ``planned``
  ones too, since that flow will never run either).
- **Broken integrations**: the active integrations that have the system as ``from``, ``to`` or
  ``via``, whatever the status of the systems at their other ends.
- **Upstream / downstream**: the systems whose data reaches the system, and the systems its data
  reaches, transitively over the active flows (:func:`eacheck.model.graph.active_flows`:
  active integrations between active systems), each with its distance in hops. A flow is one
  hop from its ``from`` to its ``to``; the platform it passes ``via`` is not a hop, because a
  platform carries flows without joining them (counting it would make everything that uses
  the platform depend on everything else that does). When the system *is* the platform of a
  flow, that flow's ``from`` is upstream and its ``to`` downstream, one hop away. A system
  reachable both ways is listed in both.
- **Organizations that lose it**: its using organizations (SPEC §4: owner and ``used_by``,
  external organizations left out).
- **Capabilities left uncovered**: the capabilities it serves that no other active system
  serves. The others are listed with the active systems that keep serving them.
- **Alternatives** for an uncovered capability, since by definition no *active* system serves it:
  1. ``planned-group-common``: a planned group-common system that serves the capability — the
     group's designated shared solution on its way;
  2. ``parent-group-common``: the active (not phase-out) group-common systems, other than the
     one retired, that serve the nearest broader capability (walking up ``parent``) that has
     any — the shared solution for the wider need, worth asking whether it covers this one.
  Phase-out systems are never offered: they are on their way out too.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from eacheck.model.graph import active_flows
from eacheck.model.references import unknown_id_message
from eacheck.errors import UsageError
from eacheck.model.landscape import Landscape
from eacheck.model.plain import NOT_IN_JSON, key

PLANNED_GROUP_COMMON = "planned-group-common"
PARENT_GROUP_COMMON = "parent-group-common"
IN_OPERATION = ("active", "phase-out")


@dataclass(frozen=True, slots=True)
class BrokenIntegration:
    integration: str
    source: str = field(metadata=key("from"))
    target: str = field(metadata=key("to"))
    via: str | None
    role: str  # how the retired system takes part: "from", "to" or "via"



@dataclass(frozen=True, slots=True)
class StaleIntegration:
    integration: str
    source: str = field(metadata=key("from"))
    target: str = field(metadata=key("to"))
    via: str | None
    role: str  # how the system takes part: "from", "to" or "via"
    status: str  # the integration's own status: active or planned



@dataclass(frozen=True, slots=True)
class Reached:
    system: str
    hops: int



@dataclass(frozen=True, slots=True)
class StillServed:
    capability: str
    systems: tuple[str, ...]



@dataclass(frozen=True, slots=True)
class Alternative:
    system: str
    kind: str  # PLANNED_GROUP_COMMON or PARENT_GROUP_COMMON
    capability: str  # the capability the alternative serves (the parent, for parent-group-common)
    since: date | None = None



@dataclass(frozen=True, slots=True)
class Uncovered:
    capability: str
    alternatives: tuple[Alternative, ...] = ()



@dataclass(frozen=True)
class Impact:
    """The answer of :func:`impact`; every list is sorted so the same input gives the same bytes."""

    as_of: date
    system: str
    name: str
    status: str
    broken_integrations: tuple[BrokenIntegration, ...] = ()
    upstream: tuple[Reached, ...] = ()
    downstream: tuple[Reached, ...] = ()
    organizations: tuple[str, ...] = ()
    # The same organizations by name, sorted by name: how a person reads them (JSON has the ids).
    organization_names: tuple[str, ...] = field(default=(), metadata=NOT_IN_JSON)
    capabilities_still_served: tuple[StillServed, ...] = ()
    capabilities_left_uncovered: tuple[Uncovered, ...] = ()
    stale_integrations: tuple[StaleIntegration, ...] = ()

    @property
    def in_operation(self) -> bool:
        return self.status in IN_OPERATION



def impact(landscape: Landscape, system_id: str, as_of: date | None = None) -> Impact:
    """What retiring ``system_id`` breaks; an unknown id raises UsageError with a did-you-mean."""
    system = landscape.systems.get(system_id)
    if system is None:
        raise UsageError(unknown_id_message(landscape, system_id, "system"))
    if system.status not in IN_OPERATION:
        return Impact(system=system.id, name=system.name, status=system.status,
                      as_of=as_of or date.today(), stale_integrations=_stale(landscape, system))

    broken = []
    for integration in sorted(landscape.integrations.values(), key=lambda i: i.id):
        if not integration.is_active:
            continue
        roles = [role for role, other in (("from", integration.source), ("to", integration.target),
                                          ("via", integration.via)) if other == system_id]
        if roles:
            broken.append(BrokenIntegration(
                integration.id, integration.source, integration.target, integration.via, roles[0]
            ))

    downstream_of, upstream_of = _flow_neighbours(landscape, system_id)
    users = landscape.using_organizations(system)
    others_serving = _others_serving(landscape, system)
    return Impact(
        system=system.id,
        name=system.name,
        status=system.status,
        as_of=as_of or date.today(),
        broken_integrations=tuple(broken),
        upstream=_reach(system_id, upstream_of),
        downstream=_reach(system_id, downstream_of),
        organizations=tuple(sorted(users)),
        organization_names=tuple(sorted((_name_of(landscape, org) for org in users), key=str.casefold)),
        capabilities_still_served=tuple(
            StillServed(capability, tuple(others))
            for capability, others in others_serving.items() if others
        ),
        capabilities_left_uncovered=tuple(
            Uncovered(capability, _alternatives(landscape, system.id, capability))
            for capability, others in others_serving.items() if not others
        ),
    )


def _name_of(landscape: Landscape, organization_id: str) -> str:
    return landscape.organizations[organization_id].name or organization_id


def _stale(landscape: Landscape, system) -> tuple[StaleIntegration, ...]:
    """Integrations that still claim a flow through a system not in operation."""
    claiming = ("active", "planned") if system.status == "retired" else ("active",)
    stale = []
    for integration in sorted(landscape.integrations.values(), key=lambda i: i.id):
        if integration.status not in claiming:
            continue
        roles = [role for role, other in (("from", integration.source), ("to", integration.target),
                                          ("via", integration.via)) if other == system.id]
        if roles:
            stale.append(StaleIntegration(integration.id, integration.source, integration.target,
                                          integration.via, roles[0], integration.status))
    return tuple(stale)


def _flow_neighbours(landscape: Landscape, system_id: str):
    """Direct downstream and upstream systems of every system over the active flows.

    A flow via ``system_id`` also joins its from and to to ``system_id`` itself: retiring the
    platform cuts exactly those flows. Via no other system does a flow add a hop.
    """
    downstream: dict[str, set[str]] = defaultdict(set)
    upstream: dict[str, set[str]] = defaultdict(set)
    for flow in active_flows(landscape):
        links = [(flow.source, flow.target)]
        if flow.via == system_id:
            links += [(flow.source, system_id), (system_id, flow.target)]
        for tail, head in links:
            downstream[tail].add(head)
            upstream[head].add(tail)
    return downstream, upstream


def _reach(start: str, neighbours: dict[str, set[str]]) -> tuple[Reached, ...]:
    """Every system reachable from ``start`` with its fewest hops."""
    import networkx as nx

    graph = nx.DiGraph((tail, head) for tail, heads in neighbours.items() for head in heads)
    graph.add_node(start)
    hops = nx.single_source_shortest_path_length(graph, start)
    del hops[start]
    return tuple(Reached(system, distance) for system, distance in sorted(hops.items(), key=lambda i: (i[1], i[0])))


def _others_serving(landscape: Landscape, system) -> dict[str, list[str]]:
    """Each capability the system serves -> the other active systems serving it (sorted)."""
    serving = landscape.active_systems_by_capability
    return {
        capability: [other.id for other in serving.get(capability, ()) if other.id != system.id]
        for capability in sorted(set(system.capabilities))
    }


def _alternatives(landscape: Landscape, retired: str, capability_id: str) -> tuple[Alternative, ...]:
    candidates = sorted(landscape.systems.values(), key=lambda s: s.id)
    found = [
        Alternative(other.id, PLANNED_GROUP_COMMON, capability_id, other.since)
        for other in candidates
        if other.status == "planned" and other.group_common and capability_id in other.capabilities
    ]
    for parent in landscape.broader_capabilities(capability_id):
        shared = [
            Alternative(other.id, PARENT_GROUP_COMMON, parent, other.since)
            for other in candidates
            if other.status == "active" and other.group_common and other.id != retired
            and parent in other.capabilities
        ]
        if shared:
            found.extend(shared)
            break
    return tuple(found)
