"""The integration graph: the landscape as one networkx graph, built once per run.

``Landscape.graph`` calls :func:`build_graph`; every graph consumer (the cloud-and-legal data-flow
rule, ``eacheck impact``, ``eacheck graph``, the report's graph figures) reads that one graph.

Nodes are keyed by entity id (ids are unique across kinds) and always carry ``kind`` and ``name``:

=============  =========================================================================
kind           further attributes
=============  =========================================================================
organization   ``type`` (administration, company, holding, external)
capability     ``sharing`` (group, local)
system         ``status``, ``owner``, ``group_common`` (bool)
=============  =========================================================================

It is a ``MultiDiGraph``: two systems may be joined by several integrations. Every edge carries
``kind``:

``flow``
    One leg of an integration, in the direction the data moves. An integration without ``via``
    is one leg from → to; one that passes a platform is two legs, from → via and via → to, so the
    platform is a node on the route: what passes through it is its in- and out-edges, and what
    it would carry into a hosting it must not have is visible on the leg that enters it. Each leg
    carries the integration's ``integration`` id, ``status``, ``method`` ("" when not given),
    ``source``, ``target`` and ``via`` (the integration's from, to and platform; ``via`` is ""
    without one) and ``into``: ``"to"`` or ``"via"``, the role of the system the leg enters.
    Legs join the consecutive stops of from, via, to that are systems in the landscape; an
    integration whose ``from`` is not one (a system whose own file failed its schema) has no
    legs, since nothing can be said about what it carries.
``owns`` / ``uses``
    organization → system, from ``owner`` and ``used_by``.
``serves``
    system → capability.
``part-of``
    capability → parent capability, organization → parent organization.

Every attribute value is a str or bool — never None — so the graph writes to GraphML as is.
Edge keys are unique across the whole graph (``<integration>:<into>`` for a flow leg,
``<kind>:<tail>:<head>`` for the others), so they can serve as edge ids.

The *logical* flows (one per integration: from → to) are what reachability is computed over:
a platform carries flows, it does not join them, so walking its legs would make every system
that uses the platform reachable from every other. :func:`active_flows` reads them back off
the legs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import networkx as nx

    from eacheck.model.landscape import Landscape

FLOW, OWNS, USES, SERVES, PART_OF = "flow", "owns", "uses", "serves", "part-of"


def build_graph(landscape: Landscape) -> nx.MultiDiGraph:
    """The whole landscape as a graph; see the module docstring for what it holds."""
    import networkx as nx

    graph = nx.MultiDiGraph()
    for org in sorted(landscape.organizations.values(), key=lambda o: o.id):
        graph.add_node(org.id, kind="organization", name=org.name, type=org.type)
    for capability in sorted(landscape.capabilities.values(), key=lambda c: c.id):
        graph.add_node(capability.id, kind="capability", name=capability.name, sharing=capability.sharing)
    for system in sorted(landscape.systems.values(), key=lambda s: s.id):
        graph.add_node(
            system.id, kind="system", name=system.name, status=system.status,
            owner=system.owner, group_common=system.group_common,
        )

    for entity in sorted([*landscape.organizations.values(), *landscape.capabilities.values()], key=lambda e: e.id):
        if entity.parent and entity.parent in graph and graph.nodes[entity.parent]["kind"] == entity.kind:
            _link(graph, entity.id, entity.parent, PART_OF)
    for system in sorted(landscape.systems.values(), key=lambda s: s.id):
        if system.owner in landscape.organizations:
            _link(graph, system.owner, system.id, OWNS)
        for user in system.used_by:
            if user in landscape.organizations and user != system.owner:
                _link(graph, user, system.id, USES)
        for capability in system.capabilities:
            if capability in landscape.capabilities:
                _link(graph, system.id, capability, SERVES)

    for integration in sorted(landscape.integrations.values(), key=lambda i: i.id):
        if integration.source not in landscape.systems:
            continue
        stops = [(integration.source, "from")]
        for system_id, role in ((integration.via, "via"), (integration.target, "to")):
            if system_id and system_id in landscape.systems:
                stops.append((system_id, role))
        for (tail, _), (head, role) in zip(stops, stops[1:]):
            graph.add_edge(
                tail, head, key=f"{integration.id}:{role}", kind=FLOW,
                integration=integration.id, status=integration.status,
                method=integration.method or "", source=integration.source,
                target=integration.target, via=integration.via or "", into=role,
            )
    return graph


def _link(graph, tail: str, head: str, kind: str) -> None:
    # Edge keys are unique in the whole graph, not just per pair, so that they can serve as
    # edge ids in GraphML. Entity ids hold no ':', so these keys cannot collide.
    graph.add_edge(tail, head, key=f"{kind}:{tail}:{head}", kind=kind)


def flow_legs(graph: nx.MultiDiGraph, status: str | None = None):
    """(tail, head, attributes) of every flow leg, optionally only those of one status."""
    for tail, head, attributes in graph.edges(data=True):
        if attributes["kind"] == FLOW and (status is None or attributes["status"] == status):
            yield tail, head, attributes


@dataclass(frozen=True, slots=True)
class Flow:
    """One integration as a logical flow: data from ``source`` to ``target``, maybe via a platform."""

    integration: str
    source: str
    target: str
    via: str


def active_flows(landscape: Landscape) -> list[Flow]:
    """Active integrations whose from and to are active systems, sorted by integration id.

    An active integration into or out of a retired or planned system cannot run (the lifecycle
    check reports it), so it carries nothing here. ``via`` is kept only when the platform is an
    active system too.
    """
    graph = landscape.graph
    active = {system.id for system in landscape.active_systems}
    flows: dict[str, Flow] = {}
    for _, _, leg in flow_legs(graph, "active"):
        if leg["source"] in active and leg["target"] in active:
            via = leg["via"] if leg["via"] in active else ""
            flows[leg["integration"]] = Flow(leg["integration"], leg["source"], leg["target"], via)
    return [flows[key] for key in sorted(flows)]
