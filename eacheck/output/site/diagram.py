"""The integrations of one system as a diagram, laid out here: no Graphviz, no layout in the
browser.

The system stands in the middle. Each integration is one row: what sends data to the system on
the left, what it sends to on the right, and for a platform the flows that pass through it on
both sides. A row's line is solid for an active integration, dashed for a planned one and dotted
for a retired one; the label on the line says how (the method, the platform it passes). The
same integrations are listed in a table beside it, with links: the diagram adds the picture,
never a fact of its own.

:func:`svg` writes the drawing here rather than in the template: a site of 10,000 systems
draws some 60,000 rows, and the template's hundreds of small expressions per diagram cost more
than the rest of the page. Every text in it (names, labels) goes through markupsafe's
``escape``, exactly as autoescaping would; everything else is numbers and fixed words.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

from markupsafe import Markup, escape

from eacheck.model.entities import Integration

# At most this many rows are drawn; the table lists them all.
MAX_ROWS = 30

WIDTH = 980
BOX_WIDTH = 240
CENTRE_WIDTH = 180
ROW = 46
BOX_HEIGHT = 34
TOP = 12
LEFT_X = 0
CENTRE_X = (WIDTH - CENTRE_WIDTH) / 2
RIGHT_X = WIDTH - BOX_WIDTH
# Characters that fit on one line of a box, and of a label on a line, at the diagram's font sizes.
BOX_CHARACTERS = 30
LABEL_CHARACTERS = 26


def cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(frozen=True, slots=True)
class End:
    """A partner system at one end of a row."""

    system: str
    text: str  # its name, cut to fit the box
    linked: bool  # it has a page of its own
    x: float


@dataclass(frozen=True, slots=True)
class Row:
    integration: str
    y: float  # top of the row's boxes
    line_y: float
    left: End | None  # sends to the centre
    right: End | None  # receives from the centre
    label: str
    status: str  # active, planned, retired: the line's style


@dataclass(frozen=True, slots=True)
class Diagram:
    width: float
    height: float
    centre_x: float
    centre_y: float
    centre_height: float
    centre_text: str
    rows: tuple[Row, ...]
    shown: int
    total: int
    box_width: float = BOX_WIDTH
    centre_width: float = CENTRE_WIDTH
    box_height: float = BOX_HEIGHT
    left_gap: tuple[float, float] = (LEFT_X + BOX_WIDTH, CENTRE_X)
    right_gap: tuple[float, float] = (CENTRE_X + CENTRE_WIDTH, RIGHT_X)


def layout(system_id: str, system_name: str, integrations: list[Integration], name, has_page,
           label) -> Diagram | None:
    """The diagram of ``system_id`` over ``integrations`` (those it is from, to or via, in the
    order to draw them); ``name(system_id)`` and ``has_page(system_id)`` look systems up,
    ``label(integration)`` is the text on a row's line. None when there is nothing to draw."""
    if not integrations:
        return None
    drawn = integrations[:MAX_ROWS]
    rows = []
    for index, integration in enumerate(drawn):
        y = TOP + index * ROW
        left = right = None
        if integration.target == system_id or integration.via == system_id:
            if integration.source != system_id:
                left = _end(integration.source, LEFT_X, name, has_page)
        if integration.source == system_id or integration.via == system_id:
            if integration.target != system_id:
                right = _end(integration.target, RIGHT_X, name, has_page)
        if left is None and right is None:
            # A flow from the system to itself (between two of its parts): drawn as one it sends.
            right = _end(system_id, RIGHT_X, name, has_page)
        rows.append(Row(integration.id, y, y + BOX_HEIGHT / 2, left, right,
                        cut(label(integration), LABEL_CHARACTERS), integration.status))
    body = len(rows) * ROW - (ROW - BOX_HEIGHT)
    centre_height = max(body, BOX_HEIGHT)
    return Diagram(
        width=WIDTH,
        height=TOP * 2 + centre_height,
        centre_x=CENTRE_X,
        centre_y=TOP,
        centre_height=centre_height,
        centre_text=cut(system_name, 24),
        rows=tuple(rows),
        shown=len(drawn),
        total=len(integrations),
    )


def _end(system_id: str, x: float, name, has_page) -> End:
    return End(system_id, cut(name(system_id), BOX_CHARACTERS), has_page(system_id), x)


_HEAD = ('<svg viewBox="0 0 {w} {h}" width="{w}" height="{h}" aria-hidden="true" focusable="false">\n'
         '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" '
         'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" class="arrowhead"/></marker></defs>\n')


@lru_cache(maxsize=1 << 16)  # a partner's name and a line's label recur on many pages; each is cut short
def _escaped(text: str) -> str:
    return str(escape(text))


@cache  # a few dozen distinct coordinates, written 800,000 times in a large site
def _n(value: float) -> str:
    """A coordinate: whole numbers without a decimal point, others with one decimal."""
    return str(int(value)) if value == int(value) else f"{value:.1f}"


def svg(diagram: Diagram, root: str) -> Markup:
    """The diagram as inline SVG; links to partner systems relative to ``root``. The SVG is
    hidden from assistive technology and its links from the keyboard: the table beside it says
    the same, with links."""
    d = diagram
    parts = [
        _HEAD.format(w=_n(d.width), h=_n(d.height)),
        f'<rect class="centre" x="{_n(d.centre_x)}" y="{_n(d.centre_y)}" width="{_n(d.centre_width)}" '
        f'height="{_n(d.centre_height)}" rx="6"/>\n',
        f'<text class="centre-text" x="{_n(d.centre_x + d.centre_width / 2)}" '
        f'y="{_n(d.centre_y + d.centre_height / 2 + 5)}" text-anchor="middle">{_escaped(d.centre_text)}</text>\n',
    ]
    for row in d.rows:
        for end, gap in ((row.left, d.left_gap), (row.right, d.right_gap)):
            if end is None:
                continue
            parts.append(
                f'<line class="flow flow-{_escaped(row.status)}" x1="{_n(gap[0])}" y1="{_n(row.line_y)}" '
                f'x2="{_n(gap[1])}" y2="{_n(row.line_y)}" marker-end="url(#arrow)"/>\n'
                f'<text class="label" x="{_n((gap[0] + gap[1]) / 2)}" y="{_n(row.line_y - 6)}" '
                f'text-anchor="middle">{_escaped(row.label)}</text>\n'
            )
            box = (f'<rect class="box" x="{_n(end.x)}" y="{_n(row.y)}" width="{_n(d.box_width)}" '
                   f'height="{_n(d.box_height)}" rx="4"/><text x="{_n(end.x + 10)}" '
                   f'y="{_n(row.line_y + 5)}">{_escaped(end.text)}</text>')
            if end.linked:
                box = f'<a href="{root}system/{_escaped(end.system)}.html" tabindex="-1">{box}</a>'
            parts.append(box + "\n")
    parts.append("</svg>")
    return Markup("".join(parts))
