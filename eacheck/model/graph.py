"""The integration graph: the landscape as one networkx graph, built once per run.

``Landscape.graph`` calls :func:`build_graph`; the exports (``eacheck graph``, the site's
diagrams) read that one graph. What the checks and the report need of it is only the flow legs,
so those come first and on their own: ``Landscape.legs`` (:func:`flow_legs_of`) is the list of
:class:`Leg` the graph's flow edges are made from, built in plain Python without networkx, which
`check` and `report` then never import nor pay a million edges for. The graph's flow edges are
exactly these legs, attribute for attribute.

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
that uses the platform reachable from every other. :func:`active_flows` gives those of the
integrations that can run.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from collections.abc import Mapping

    import networkx as nx

    from eacheck.model.entities import Integration
    from eacheck.model.landscape import Landscape

FLOW, OWNS, USES, SERVES, PART_OF = "flow", "owns", "uses", "serves", "part-of"


class Leg(NamedTuple):
    """One leg of an integration (see ``flow`` above): data moves from ``tail`` to ``head``.
    Its other fields are the flow edge's attributes in the graph, by the same names.

    A named tuple, not a frozen dataclass: a national group has 600,000 legs, and a tuple is
    made about five times faster."""

    tail: str
    head: str
    integration: str
    status: str
    method: str  # "" when not given
    source: str
    target: str
    via: str  # "" without a platform
    into: str  # "to" or "via": the role of the system at the head

    def attributes(self) -> dict[str, str]:
        """The leg's attributes as the graph's flow edge carries them."""
        return {"kind": FLOW, "integration": self.integration, "status": self.status,
                "method": self.method, "source": self.source, "target": self.target,
                "via": self.via, "into": self.into}


def flow_legs_of(landscape: Landscape) -> list[Leg]:
    """Every flow leg of the landscape, in the order the integrations were read (a platform's
    leg before the leg out of it). Not sorted: at national scale, visiting the integrations in
    the order they lie in memory is several times faster than in the order of their ids, and
    what needs that order (the graph, :func:`active_flows`) sorts."""
    systems = landscape.systems
    legs = []
    add = legs.append
    for integration in landscape.integrations.values():
        source = integration.source
        if source not in systems:
            continue
        via, target = integration.via or "", integration.target
        tail = source
        for head, into in leg_heads(integration, systems):
            add(Leg(tail, head, integration.id, integration.status, integration.method or "",
                    source, target, via, into))
            tail = head
    return legs


def leg_heads(integration: Integration, systems: Mapping[str, object]) -> list[tuple[str, str]]:
    """(head, into) of each leg of an integration whose ``from`` is in ``systems``: the systems
    its data is brought into, the `via` platform first. The rule of the legs in one place, for
    the check that needs only the heads (it need not make 600,000 legs to look at the few that
    carry protected data)."""
    heads = []
    via, target = integration.via, integration.target
    if via and via in systems:
        heads.append((via, "via"))
    if target and target in systems:
        heads.append((target, "to"))
    return heads


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

    # Sorted by integration id, stably: an integration's legs stay in their order.
    for leg in sorted(landscape.legs, key=_by_integration):
        graph.add_edge(leg.tail, leg.head, key=f"{leg.integration}:{leg.into}", **leg.attributes())
    return graph


def _by_integration(leg: Leg) -> str:
    return leg.integration


def _link(graph, tail: str, head: str, kind: str) -> None:
    # Edge keys are unique in the whole graph, not just per pair, so that they can serve as
    # edge ids in GraphML. Entity ids hold no ':', so these keys cannot collide.
    graph.add_edge(tail, head, key=f"{kind}:{tail}:{head}", kind=kind)


class Flow(NamedTuple):
    """One integration as a logical flow: data from ``source`` to ``target``, maybe via a platform.
    (A named tuple for the same reason as :class:`Leg`.)"""

    integration: str
    source: str
    target: str
    via: str


def active_flows(landscape: Landscape, ordered: bool = True) -> list[Flow]:
    """Active integrations whose from and to are active systems, sorted by integration id
    (unless not ``ordered``: as the integrations were read, for a caller that only counts).

    An active integration into or out of a retired or planned system cannot run (the lifecycle
    check reports it), so it carries nothing here. ``via`` is kept only when the platform is an
    active system too. (Such an integration always has its legs: its from and to are systems.)
    """
    active = {system.id for system in landscape.active_systems}
    flows = [
        Flow(integration.id, integration.source, integration.target,
             integration.via if integration.via in active else "")
        for integration in landscape.integrations.values()
        if integration.status == "active" and integration.source in active and integration.target in active
    ]
    # Ids are unique, so the tuples sort on the id alone.
    return sorted(flows) if ordered else flows
