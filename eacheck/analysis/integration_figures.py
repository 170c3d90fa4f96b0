"""Figures of the integration graph for the report: fan-in, fan-out and single points of failure."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
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
    active = sorted(system.id for system in landscape.active_systems)
    fan_in: dict[str, int] = defaultdict(int)
    fan_out: dict[str, int] = defaultdict(int)
    # The graph on the systems' numbers in `active`: sets of small ints hash and compare far
    # faster than ids, and a national group's flow graph has half a million edges.
    number = {system: index for index, system in enumerate(active)}
    neighbours: list[set[int]] = [set() for _ in active]
    for flow in active_flows(landscape, ordered=False):
        fan_out[flow.source] += 1
        fan_in[flow.target] += 1
        source, target = number[flow.source], number[flow.target]
        if flow.via:
            fan_in[flow.via] += 1
            fan_out[flow.via] += 1
            via = number[flow.via]
            stops = ((source, via), (via, target))
        else:
            stops = ((source, target),)
        for one, other in stops:
            if one != other:
                neighbours[one].add(other)
                neighbours[other].add(one)

    owners = [landscape.systems[system].owner for system in active]
    component_of, cut_points = components_and_cut_points(neighbours)
    # Owners counted per connected component once, so each articulation point costs O(1).
    owner_counts: dict[int, Counter[str]] = defaultdict(Counter)
    for system, component in enumerate(component_of):
        owner_counts[component][owners[system]] += 1
    failure_points = set()
    for point in cut_points:
        others = owner_counts[component_of[point]].copy()
        others[owners[point]] -= 1
        if sum(1 for count in others.values() if count > 0) > 1:
            failure_points.add(active[point])
    return [
        {
            "system": system,
            "fan_in": fan_in[system],
            "fan_out": fan_out[system],
            "single_point_of_failure": system in failure_points,
        }
        for system in active
    ]


def components_and_cut_points(neighbours: list[set[int]]) -> tuple[list[int], set[int]]:
    """The connected component (a number) of every node of an undirected graph without loops,
    its nodes numbered 0 to n-1 and given as each one's set of neighbours, and its articulation
    points: the nodes whose removal leaves their component in more pieces.

    What ``networkx.connected_components`` and ``networkx.articulation_points`` answer (a test
    holds them to it on many graphs), in one iterative depth-first search (Hopcroft and Tarjan)
    over plain lists and sets: at national scale the flow graph has half a million edges, and
    building a networkx graph of them alone took longer than this whole search.
    """
    size = len(neighbours)
    order = [-1] * size  # when the search first reached each node
    low = [0] * size  # the earliest node its subtree reaches by one edge back
    component_of = [-1] * size
    cut_points: set[int] = set()
    reached = 0
    components = 0
    for root in range(size):
        if order[root] >= 0:
            continue
        component, components = components, components + 1
        order[root] = low[root] = reached
        reached += 1
        component_of[root] = component
        children_of_root = 0
        stack: list[tuple[int, int, Iterator[int]]] = [(root, -1, iter(neighbours[root]))]
        while stack:
            node, parent, rest = stack[-1]
            for other in rest:
                if order[other] < 0:
                    order[other] = low[other] = reached
                    reached += 1
                    component_of[other] = component
                    stack.append((other, node, iter(neighbours[other])))
                    break
                if other != parent and order[other] < low[node]:
                    low[node] = order[other]
            else:
                stack.pop()
                if not stack:
                    continue
                above = stack[-1][0]
                if low[node] < low[above]:
                    low[above] = low[node]
                if above == root:
                    children_of_root += 1
                elif low[node] >= order[above]:
                    cut_points.add(above)
        if children_of_root > 1:
            cut_points.add(root)
    return component_of, cut_points
