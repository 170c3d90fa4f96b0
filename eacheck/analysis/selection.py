"""What a diagram shows: the part of the landscape that `eacheck graph`'s filters select."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from eacheck.model.graph import FLOW
from eacheck.model.references import unknown_id_message

if TYPE_CHECKING:
    import networkx as nx

    from eacheck.model.landscape import Landscape


@dataclass(frozen=True)
class Selection:
    """What a diagram shows: systems, the integrations among them, and their context.

    ``systems`` are the chosen systems plus any platform a chosen integration passes via (so the
    route stays visible); ``integrations`` are the non-retired integrations whose from and to are
    both chosen; ``organizations`` own or use a shown system; ``capabilities`` are served by one.
    All sorted by id.
    """

    systems: tuple[str, ...]
    integrations: tuple[str, ...]
    organizations: tuple[str, ...]
    capabilities: tuple[str, ...]


def select(
    landscape: Landscape,
    organization: str | None = None,
    capability: str | None = None,
    group_common: bool = False,
) -> Selection:
    """The part of the landscape a diagram shows. Retired systems and integrations are history,
    not landscape, and are left out. Filters combine (all must hold):

    - ``organization``: systems it owns or uses (``owner`` or ``used_by``);
    - ``capability``: systems serving it or a capability below it in the capability map;
    - ``group_common``: group-common systems only.

    Unknown ids raise :class:`~eacheck.errors.UsageError` with a did-you-mean.
    """
    from eacheck.errors import UsageError

    for value, collection, kind, option in (
        (organization, landscape.organizations, "organization", "--organization"),
        (capability, landscape.capabilities, "capability", "--capability"),
    ):
        if value is not None and value not in collection:
            raise UsageError(f"{option}: {unknown_id_message(landscape, value, kind)}")

    wanted_capabilities = landscape.capability_and_below(capability) if capability else None
    chosen = set()
    for system in landscape.systems.values():
        if system.status == "retired":
            continue
        if organization is not None and organization not in system.organizations:
            continue
        if wanted_capabilities is not None and not wanted_capabilities & set(system.capabilities):
            continue
        if group_common and not system.group_common:
            continue
        chosen.add(system.id)

    integrations, shown = [], set(chosen)
    for integration in landscape.integrations.values():
        if integration.status == "retired":
            continue
        if integration.source in chosen and integration.target in chosen:
            integrations.append(integration.id)
            if integration.via in landscape.systems:
                shown.add(integration.via)

    organizations, capabilities = set(), set()
    for system_id in shown:
        system = landscape.systems[system_id]
        organizations.update(org for org in system.organizations if org in landscape.organizations)
        capabilities.update(c for c in system.capabilities if c in landscape.capabilities)
    return Selection(
        tuple(sorted(shown)), tuple(sorted(integrations)),
        tuple(sorted(organizations)), tuple(sorted(capabilities)),
    )


def selection_graph(landscape: Landscape, selection: Selection) -> nx.MultiDiGraph:
    """The subgraph of ``landscape.graph`` that ``selection`` covers: its nodes, the flow legs of
    its integrations, and the owns/uses/serves/part-of edges among its nodes."""
    import networkx as nx

    graph = landscape.graph
    nodes = {*selection.systems, *selection.organizations, *selection.capabilities}
    integrations = set(selection.integrations)
    sub = nx.MultiDiGraph()
    sub.add_nodes_from((node, graph.nodes[node]) for node in sorted(nodes))
    for tail, head, key, attributes in sorted(graph.edges(keys=True, data=True), key=lambda e: e[:3]):
        if tail in nodes and head in nodes and (
            attributes["kind"] != FLOW or attributes["integration"] in integrations
        ):
            sub.add_edge(tail, head, key=key, **attributes)
    return sub
