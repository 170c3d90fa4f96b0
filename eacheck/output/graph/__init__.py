"""Diagram exporters for `eacheck graph`, one module per format, chosen by name.

Each module has ``render(landscape, selection) -> str``: the part of the landscape that the
:class:`~eacheck.analysis.selection.Selection` covers, in that format, sorted so that the same input
gives the same bytes. A flow via a platform is drawn as its two legs (from → platform → to), as
the integration graph holds it, so a diagram shows what passes through the platform.
"""

from __future__ import annotations

from importlib import import_module

FORMATS = ("mermaid", "dot", "graphml", "archimate")


def render(format_name: str, landscape, selection) -> str:
    if format_name not in FORMATS:
        raise KeyError(f"unknown graph format '{format_name}'; use one of {', '.join(FORMATS)}")
    return import_module(f"eacheck.output.graph.{format_name}").render(landscape, selection)


def flow_edges(landscape, selection):
    """(tail, head, leg attributes) of every flow leg the selection shows, sorted."""
    from eacheck.model.graph import FLOW
    from eacheck.analysis.selection import selection_graph

    graph = selection_graph(landscape, selection)
    legs = [(tail, head, attributes) for tail, head, attributes in graph.edges(data=True) if attributes["kind"] == FLOW]
    # By integration, and along the route: into the platform before out of it.
    return sorted(legs, key=lambda leg: (leg[2]["integration"], leg[2]["into"] != "via"))


def systems_by_owner(landscape, selection) -> tuple[dict[str, list[str]], list[str]]:
    """Shown systems grouped by their owner when the owner is shown, and the rest."""
    grouped: dict[str, list[str]] = {}
    loose: list[str] = []
    organizations = set(selection.organizations)
    for system_id in selection.systems:
        owner = landscape.systems[system_id].owner
        if owner in organizations:
            grouped.setdefault(owner, []).append(system_id)
        else:
            loose.append(system_id)
    return {owner: grouped[owner] for owner in sorted(grouped)}, loose
