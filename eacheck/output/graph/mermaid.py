"""Mermaid flowchart, for wikis and pull requests (GitHub, GitLab and Azure DevOps render it).

Systems are grouped in a subgraph per owning organization; integrations are arrows labelled with
their id, dashed when planned. Node ids are the entity id with a kind prefix and every character
outside [a-z0-9] spelled out (see :func:`node_id`); the prefix also keeps Mermaid's pitfalls
away (a node called `end`, an id starting with `o` or `x` right after an arrow). Labels are
always quoted, and every
character that could end the quote, open a shape, start markup or an entity is written as a
Mermaid entity code (`#34;` for `"`).
"""

from __future__ import annotations

from eacheck.i18n import Message, msg
from eacheck.i18n.formats import Number
from eacheck.output.graph import flow_edges, systems_by_owner
from eacheck.safe_text import printable

_ENTITY_CODED = set('#"&<>[](){}|`\\;')
# Mermaid's defaults (`maxTextSize`, `maxEdges`): past either, it draws an error message
# ("Maximum text size in diagram exceeded") instead of the diagram.
MAX_TEXT_SIZE = 50_000
MAX_EDGES = 500
_ARROWS = (" -->|", " -.->|")


def node_id(prefix: str, entity_id: str) -> str:
    """``sys_it_servicedesk`` for ``it-servicedesk``: a hyphen becomes ``_``, and any other
    character outside [a-z0-9] becomes ``_U<hex>_`` (an upper-case U never stands for itself,
    so no two ids meet)."""
    def spell(c: str) -> str:
        if c.isascii() and (c.islower() or c.isdigit()):
            return c
        return "_" if c == "-" else f"_U{ord(c):x}_"

    return prefix + "_" + "".join(spell(c) for c in entity_id)


def label(text: str) -> str:
    text = printable(" ".join(text.split()))  # one line; other control characters shown escaped
    return '"' + "".join(f"#{ord(c)};" if c in _ENTITY_CODED else c for c in text) + '"'


def render(landscape, selection) -> str:
    lines = ["flowchart LR"]
    grouped, loose = systems_by_owner(landscape, selection)
    for owner, systems in grouped.items():
        lines.append(f"  subgraph {node_id('org', owner)}[{label(landscape.organizations[owner].name)}]")
        lines += [f"    {_system(landscape, s)}" for s in systems]
        lines.append("  end")
    lines += [f"  {_system(landscape, s)}" for s in loose]

    for tail, head, leg in flow_edges(landscape, selection):
        arrow = "-.->" if leg["status"] == "planned" else "-->"
        lines.append(f"  {node_id('sys', tail)} {arrow}|{label(leg['integration'])}| {node_id('sys', head)}")

    lines += [
        "  classDef groupCommon stroke-width:3px",
        "  classDef planned stroke-dasharray:5 5",
    ]
    for class_name, members in (
        ("groupCommon", [s for s in selection.systems if landscape.systems[s].group_common]),
        ("planned", [s for s in selection.systems if landscape.systems[s].status == "planned"]),
    ):
        if members:
            lines.append(f"  class {','.join(node_id('sys', s) for s in members)} {class_name}")
    return "\n".join(lines) + "\n"


def size_warning(text: str) -> Message | None:
    """What to tell the reader when Mermaid will refuse ``text`` with its default limits."""
    characters = len(text)
    edges = sum(1 for line in text.splitlines() if any(arrow in line for arrow in _ARROWS))
    if characters <= MAX_TEXT_SIZE and edges <= MAX_EDGES:
        return None
    return msg(
        "warning: the Mermaid diagram has {characters} characters and {edges} edges, more than "
        "Mermaid draws with its default limits ({max_characters} characters, {max_edges} edges); "
        "draw a part of the landscape with --organization ID or --capability ID, or write the "
        "whole of it with --format dot for Graphviz",
        characters=Number(characters), edges=Number(edges),
        max_characters=Number(MAX_TEXT_SIZE), max_edges=Number(MAX_EDGES),
    )


def _system(landscape, system_id: str) -> str:
    return f"{node_id('sys', system_id)}[{label(landscape.systems[system_id].name)}]"
