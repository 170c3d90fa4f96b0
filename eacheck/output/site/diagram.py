"""The integrations of one system as a diagram, laid out here: no Graphviz, no layout in the
browser.

The system stands in the middle. Each integration is one row: what sends data to the system on
the left, what it sends to on the right, and for a platform the flows that pass through it on
both sides. A row's line is solid for an active integration, dashed for a planned one and dotted
for a retired one; the label on the line says how (the method, the platform it passes). Only
numbers and texts are computed here; the template writes the SVG, so every label is autoescaped
like any other text. The same integrations are listed in a table beside it, with links: the
diagram adds the picture, never a fact of its own.
"""

from __future__ import annotations

from dataclasses import dataclass

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
