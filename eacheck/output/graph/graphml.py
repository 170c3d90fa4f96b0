"""GraphML for yEd and Gephi: the selection's part of the integration graph, as it is.

Nodes are the shown organizations, capabilities and systems; edges are the flow legs and the
owns, uses, serves and part-of links among them (eacheck.model.graph documents every
attribute). Each node also gets ``label`` (its name), the attribute Gephi shows; in yEd, map
it with Edit → Properties Mapper. Edge ids are the graph's edge keys, unique in the file.
"""

from __future__ import annotations


def render(landscape, selection) -> str:
    import networkx as nx

    from eacheck.analysis.selection import selection_graph
    from eacheck.safe_text import xml_text

    graph = selection_graph(landscape, selection)
    for _, attributes in graph.nodes(data=True):
        attributes["label"] = attributes["name"]
    # networkx writes a control character as it is, and the file would not parse.
    for attributes in [a for _, a in graph.nodes(data=True)] + [a for *_, a in graph.edges(keys=True, data=True)]:
        for key, value in attributes.items():
            if isinstance(value, str):
                attributes[key] = xml_text(value)
    return "\n".join(nx.generate_graphml(graph, encoding="utf-8", prettyprint=True)) + "\n"
