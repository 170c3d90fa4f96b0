"""Figures of the integration graph for the report: fan-in, fan-out and single points of failure."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import TYPE_CHECKING

from eacheck.model.graph import active_flows

if TYPE_CHECKING:
    from eacheck.model.landscape import Landscape


def system_figures(landscape: Landscape) -> list[dict]:
    """Fan-in, fan-out and single-point-of-failure status of each active system, sorted by id.

    Counted over :func:`active_flows` (active integrations between active systems):

    - ``fan_in``: the active flows that deliver data into the system — as their ``to``, or as
      the platform they pass ``via`` (data enters the platform too);
    - ``fan_out``: the active flows that take data out of it — as their ``from`` or ``via``.

    ``single_point_of_failure`` (for flows between organizations): take the undirected graph
    whose nodes are the active systems and whose edges are the active flows, a flow via a
    platform running from → platform → to (the platform physically carries it). A system X is a
    single point of failure when there are two other systems U and V with different owners that
    are connected in that graph and are no longer connected once X is removed. Such an X is an
    articulation point of the graph; an articulation point is one exactly when the other systems
    of its connected component do not all have the same owner (any two parts it separates then
    hold a pair with different owners). So a chain a–b–c with a and c under different owners
    makes b one; a triangle has none; a hub whose every neighbour has one owner is not one.
    """
    import networkx as nx

    flows = active_flows(landscape)
    active = sorted(system.id for system in landscape.active_systems)
    fan_in: dict[str, int] = defaultdict(int)
    fan_out: dict[str, int] = defaultdict(int)
    undirected = nx.Graph()
    undirected.add_nodes_from(active)
    for flow in flows:
        fan_out[flow.source] += 1
        fan_in[flow.target] += 1
        if flow.via:
            fan_in[flow.via] += 1
            fan_out[flow.via] += 1
            undirected.add_edge(flow.source, flow.via)
            undirected.add_edge(flow.via, flow.target)
        else:
            undirected.add_edge(flow.source, flow.target)
    undirected.remove_edges_from(list(nx.selfloop_edges(undirected)))

    owners = {system.id: system.owner for system in landscape.active_systems}
    # Owners counted per connected component once, so each articulation point costs O(1).
    component_of: dict[str, int] = {}
    owner_counts: list[Counter[str]] = []
    for number, component in enumerate(nx.connected_components(undirected)):
        owner_counts.append(Counter(owners[system] for system in component))
        component_of.update(dict.fromkeys(component, number))
    failure_points = set()
    for point in nx.articulation_points(undirected):
        others = owner_counts[component_of[point]].copy()
        others[owners[point]] -= 1
        if sum(1 for count in others.values() if count > 0) > 1:
            failure_points.add(point)
    return [
        {
            "system": system,
            "fan_in": fan_in[system],
            "fan_out": fan_out[system],
            "single_point_of_failure": system in failure_points,
        }
        for system in active
    ]
