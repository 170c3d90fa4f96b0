"""Graphviz DOT: `dot -Tsvg landscape.dot > landscape.svg`.

Systems are boxes clustered by owning organization; group-common systems have a bold border,
planned systems and integrations are dashed. Every id and label is a double-quoted DOT string
with backslashes doubled and double quotes escaped, and ampersands in labels written as `&amp;`
(Graphviz decodes entities in labels), so names with quotes, backslashes, `&` or any Unicode
(å ä ö) come out as written. Newlines in a label become spaces.
"""

from __future__ import annotations

from eacheck.i18n import _
from eacheck.output.graph import flow_edges, systems_by_owner
from eacheck.safe_text import printable


def quote(text: str) -> str:
    """A DOT double-quoted string: backslashes doubled, double quotes escaped, one line."""
    text = printable(" ".join(text.split()))  # one line; other control characters shown escaped
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def label(text: str) -> str:
    """A quoted label. Graphviz decodes HTML entities in labels (`&amp;` shows as `&`), so an
    ampersand is written as `&amp;` to show the name exactly as written."""
    return quote(text.replace("&", "&amp;"))


def render(landscape, selection) -> str:
    name = landscape.settings.name or _("landscape")
    # newrank: the classic ranking fails ("trouble in init_rank") on clustered graphs the size of
    # a real landscape; the Graphviz maintainers' workaround is the newer ranking pass.
    lines = [
        f"digraph {quote(name)} {{",
        '  graph [rankdir=LR, newrank=true, charset="UTF-8", fontname="Helvetica"];',
        '  node [shape=box, style="rounded", fontname="Helvetica"];',
        '  edge [fontname="Helvetica", fontsize=10];',
    ]
    grouped, loose = systems_by_owner(landscape, selection)
    for owner, systems in grouped.items():
        lines.append(f"  subgraph {quote('cluster_' + owner)} {{")
        lines.append(f"    label={label(landscape.organizations[owner].name)};")
        lines += [f"    {_system(landscape, s)}" for s in systems]
        lines.append("  }")
    lines += [f"  {_system(landscape, s)}" for s in loose]

    for tail, head, leg in flow_edges(landscape, selection):
        style = ", style=dashed" if leg["status"] == "planned" else ""
        lines.append(f"  {quote(tail)} -> {quote(head)} [label={label(leg['integration'])}{style}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _system(landscape, system_id: str) -> str:
    system = landscape.systems[system_id]
    styles = ["rounded"]
    if system.status == "planned":
        styles.append("dashed")
    if system.group_common:
        styles.append("bold")
    return f"{quote(system_id)} [label={label(system.name)}, style={quote(','.join(styles))}];"
