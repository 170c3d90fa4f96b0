"""Targets (SPEC §4): each index against the group's target for the quarter, and the pace needed
to reach the next target."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

METRICS = ("shared_use_index", "spend_index", "cross_boundary_index")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")


def quarter_of(day: date) -> str:
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def _quarter_number(quarter: str) -> int:
    """Quarters since year 0, so that differences count quarters."""
    match = _QUARTER.match(quarter)
    if match is None:
        raise ValueError(f"not a quarter: {quarter!r}")
    return int(match[1]) * 4 + int(match[2]) - 1


def quarters_between(start: str, end: str) -> int:
    return _quarter_number(end) - _quarter_number(start)


@dataclass(frozen=True, slots=True)
class NextTarget:
    quarter: str
    target: float
    quarters: int  # from the as-of quarter; at least 1
    pace: float  # change needed per quarter; negative when the actual is above the target


@dataclass(frozen=True, slots=True)
class TargetStatus:
    metric: str
    actual: float
    quarter: str  # the as-of quarter
    target: float | None  # set for the as-of quarter exactly, if any
    next: NextTarget | None  # the first target quarter after the as-of quarter, if any

    @property
    def met(self) -> bool | None:
        return None if self.target is None else self.actual >= self.target


def target_status(metric: str, actual: float, by_quarter: dict[str, float], as_of: date) -> TargetStatus:
    quarter = quarter_of(as_of)
    later = sorted(
        (q for q in by_quarter if quarters_between(quarter, q) > 0), key=_quarter_number
    )
    upcoming = None
    if later:
        count = quarters_between(quarter, later[0])
        target = by_quarter[later[0]]
        upcoming = NextTarget(later[0], target, count, (target - actual) / count)
    return TargetStatus(metric, actual, quarter, by_quarter.get(quarter), upcoming)


def target_statuses(actuals: dict[str, float], targets: dict[str, dict[str, float]], as_of: date) -> tuple[TargetStatus, ...]:
    """One status per metric in METRICS order, with or without targets set."""
    return tuple(target_status(metric, actuals[metric], targets.get(metric, {}), as_of) for metric in METRICS)
