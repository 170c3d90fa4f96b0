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


@dataclass(frozen=True, slots=True)
class Point:
    x: float
    y: float
    label: str  # the quarter
    text: str  # the value as formatted text


@dataclass(frozen=True, slots=True)
class TargetMark:
    x: float
    y: float
    label: str  # the quarter
    text: str  # the target as formatted text


@dataclass(frozen=True, slots=True)
class LineChart:
    width: float
    height: float
    plot_left: float
    plot_top: float
    plot_width: float
    plot_height: float
    segments: tuple[str, ...]  # SVG polyline points, one per unbroken run of values
    points: tuple[Point, ...]
    targets: tuple[TargetMark, ...]
    x_labels: tuple[tuple[float, str], ...]  # (x, label)
    y_ticks: tuple[tuple[float, str], ...]  # (y, label)


def line_chart(labels: list[str], values: list[float | None], targets: list[float | None], tick_text,
               positions: list[int] | None = None, width: float = 420, height: float = 230) -> LineChart:
    """One series of fractions (0..1) over ``labels`` (the quarters, oldest first), with a mark
    where ``targets`` has a value. ``positions`` place the labels on a time axis (quarter
    numbers: a quarter without a tag leaves its gap); by default they are evenly spaced. A value
    of None (a quarter that could not be read) breaks the line rather than bridging it: the
    chart never draws a value nobody measured."""
    plot_left, plot_top, right, bottom = 48.0, 28.0, 16.0, 30.0
    plot_width, plot_height = width - plot_left - right, height - plot_top - bottom
    count = len(labels)
    positions = list(range(count)) if positions is None else positions
    span = (positions[-1] - positions[0]) or 1
    margin = plot_width / (2 * (span + 1))  # half a quarter's room at each end
    xs = [plot_left + margin + (position - positions[0]) / span * (plot_width - 2 * margin)
          if len(positions) > 1 else plot_left + plot_width / 2 for position in positions]

    def y_of(fraction: float) -> float:
        return plot_top + (1 - max(0.0, min(fraction, 1.0))) * plot_height

    segments, run = [], []
    for x, value in zip(xs, values):
        if value is None:
            if run:
                segments.append(run)
            run = []
        else:
            run.append(f"{x:.1f},{y_of(value):.1f}")
    if run:
        segments.append(run)
    return LineChart(
        width=width,
        height=height,
        plot_left=plot_left,
        plot_top=plot_top,
        plot_width=plot_width,
        plot_height=plot_height,
        # A single measured quarter between gaps is shown by its point alone.
        segments=tuple(" ".join(run) for run in segments if len(run) > 1),
        points=tuple(Point(x, y_of(value), label, tick_text(value))
                     for x, value, label in zip(xs, values, labels) if value is not None),
        targets=tuple(TargetMark(x, y_of(target), label, tick_text(target))
                      for x, target, label in zip(xs, targets, labels) if target is not None),
        # With many quarters, every second label keeps them from running into each other.
        x_labels=tuple((x, label) for index, (x, label) in enumerate(zip(xs, labels))
                       if count <= 6 or (count - 1 - index) % 2 == 0),
        y_ticks=tuple((y_of(step_value / 4), tick_text(step_value / 4)) for step_value in range(5)),
    )
