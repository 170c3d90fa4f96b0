"""Geometry for the HTML report's inline SVG charts.

Only numbers are computed here; the template writes the elements, so every label goes through
the template's autoescaping like any other text from the repository.
"""

from __future__ import annotations

from dataclasses import dataclass

# Rough width of one character at the chart's font size, to size the label column so long
# Swedish organization names are not cut off.
_CHAR_WIDTH = 7.6
_ROW = 30
_BAR = 20


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    value: float  # 0..1
    text: str  # the value as formatted text
    company_side: bool
    y: float
    width: float


@dataclass(frozen=True, slots=True)
class Line:
    x: float
    text: str
    style: str  # CSS class
    anchor: str  # SVG text-anchor: the label sits left ("end"), right ("start") or centred


@dataclass(frozen=True, slots=True)
class BarChart:
    width: float
    height: float
    label_width: float
    bar_x: float
    bar_span: float
    bar_height: float
    bars: tuple[Bar, ...]
    lines: tuple[Line, ...]  # vertical reference lines (the group's index, the target)
    axis_y: float
    ticks: tuple[tuple[float, str], ...]  # (x, label)


def bar_chart(rows: list[tuple[str, float, str, bool]], lines: list[tuple[float, str, str]],
              tick_text) -> BarChart:
    """Horizontal bars of fractions: ``rows`` are (label, value, value text, company side),
    ``lines`` (value, label, CSS class) are vertical reference lines, at most two."""
    label_width = min(max([len(label) for label, *_ in rows] + [10]) * _CHAR_WIDTH + 16, 430)
    bar_x, bar_span = label_width, 360
    top = 24  # room for the reference lines' labels
    bars = tuple(
        Bar(label, value, text, company, top + index * _ROW, max(value, 0.0) * bar_span)
        for index, (label, value, text, company) in enumerate(rows)
    )
    axis_y = top + len(rows) * _ROW
    return BarChart(
        width=bar_x + bar_span + 110,  # room for the value text and a line label at 100 %
        height=axis_y + 26,
        label_width=label_width,
        bar_x=bar_x,
        bar_span=bar_span,
        bar_height=_BAR,
        bars=bars,
        # Two labels on one row never collide: the lower value's goes left of its line, the
        # higher value's right of its own.
        lines=tuple(
            Line(bar_x + value * bar_span, text, style,
                 "middle" if len(lines) == 1 else ("end" if rank == 0 else "start"))
            for rank, (value, text, style) in enumerate(sorted(lines, key=lambda line: line[0]))
        ),
        axis_y=axis_y,
        ticks=tuple((bar_x + step / 4 * bar_span, tick_text(step / 4)) for step in range(5)),
    )


@dataclass(frozen=True, slots=True)
class Gauge:
    """One index on a 0-100 % track, with the quarter's target as a tick."""

    width: float
    actual_width: float
    target_x: float | None


def gauge(actual: float, target: float | None, width: float = 300) -> Gauge:
    return Gauge(width, max(actual, 0.0) * width, None if target is None else target * width)
