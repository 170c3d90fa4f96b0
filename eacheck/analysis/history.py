"""The report's history (SPEC §8): the group's figures at the end of every quarter a git tag
names, plus now, as a trend against the targets.

Which tags make the history is decided here, from their names alone: a tag names a quarter when
it holds ``YYYY-Qn`` (``report-2026-Q3``); that quarter is read as of its last day. Tags that
name no quarter, name the report's own quarter or a later one, or name a quarter another tag
also names (the tag whose name sorts last wins) are left out, each with a reason code. The API
reads each chosen tag from git (analysis never opens a repository) and hands the landscapes
back to :func:`point`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from eacheck.analysis.completeness import completeness
from eacheck.analysis.duplication import duplication
from eacheck.analysis.shared_use import shared_use
from eacheck.analysis.targets import METRICS, quarter_of, quarters_between
from eacheck.model.landscape import Landscape

_QUARTER_IN_NAME = re.compile(r"(?<!\d)(\d{4})-?[Qq]([1-4])(?!\d)")

# Why a tag that matches the pattern is not a point of the history.
NO_QUARTER = "no-quarter"  # its name holds no YYYY-Qn
NOT_BEFORE = "not-before-as-of"  # it names the report's own quarter or a later one
SUPERSEDED = "superseded"  # another tag names the same quarter and sorts after it


@dataclass(frozen=True, slots=True)
class Tag:
    name: str
    commit: str | None  # None when the tag does not point at a commit


@dataclass(frozen=True, slots=True)
class Chosen:
    quarter: str
    tag: Tag


@dataclass(frozen=True, slots=True)
class Skipped:
    tag: str
    reason: str
    quarter: str | None = None
    instead: str | None = None  # SUPERSEDED: the tag used for that quarter


def quarter_named(tag: str) -> str | None:
    """``YYYY-Qn`` from a tag name such as ``report-2026-Q3``; the last one when it holds several."""
    found = _QUARTER_IN_NAME.findall(tag)
    return f"{found[-1][0]}-Q{found[-1][1]}" if found else None


def quarter_end(quarter: str) -> date:
    """The last day of ``quarter``: 2026-Q3 → 2026-09-30."""
    year, number = int(quarter[:4]), int(quarter[-1])
    first_of_next = date(year + 1, 1, 1) if number == 4 else date(year, number * 3 + 1, 1)
    return first_of_next - timedelta(days=1)


def choose(tags: list[Tag], as_of: date) -> tuple[list[Chosen], list[Skipped]]:
    """The tags that make the history, oldest quarter first, and those left out (by tag name)."""
    current = quarter_of(as_of)
    by_quarter: dict[str, list[Tag]] = {}
    skipped = []
    for tag in sorted(tags, key=lambda t: t.name):
        quarter = quarter_named(tag.name)
        if quarter is None:
            skipped.append(Skipped(tag.name, NO_QUARTER))
        elif quarters_between(quarter, current) <= 0:
            skipped.append(Skipped(tag.name, NOT_BEFORE, quarter))
        else:
            by_quarter.setdefault(quarter, []).append(tag)
    chosen = []
    for quarter in sorted(by_quarter, key=lambda q: quarters_between(current, q)):
        *others, last = by_quarter[quarter]  # sorted by name: the last name wins
        chosen.append(Chosen(quarter, last))
        skipped += [Skipped(other.name, SUPERSEDED, quarter, last.name) for other in others]
    return chosen, sorted(skipped, key=lambda s: s.tag)


def targets_of(quarter: str, targets: dict[str, dict[str, float]]) -> dict[str, float | None]:
    """The group's targets (as set now) for ``quarter``, per metric."""
    return {metric: targets.get(metric, {}).get(quarter) for metric in METRICS}


def point(landscape: Landscape, quarter: str, as_of: date, targets: dict[str, dict[str, float]],
          tag: str | None = None, commit: str | None = None) -> dict[str, Any]:
    """One quarter of the history: the figures the report at that revision shows, computed the
    same way as the report's own (exact fractions, rounded only where they are shown)."""
    group = shared_use(landscape)
    return {
        **_where(quarter, as_of, tag, commit, targets),
        "missing": None,
        "indexes": {
            "shared_use_index": group.index,
            "spend_index": group.spend_index,
            "cross_boundary_index": group.cross_boundary_index,
        },
        "active_systems": group.active_systems,
        "shared_systems": group.shared_systems,
        "alternative_cost": duplication(landscape).total_alternative_cost,
        "completeness": completeness(landscape).share,
    }


def missing(quarter: str, as_of: date, tag: str, commit: str | None, reason: str,
            targets: dict[str, dict[str, float]]) -> dict[str, Any]:
    """A quarter whose tag could not be read: shown, without figures, with the reason."""
    return {
        **_where(quarter, as_of, tag, commit, targets),
        "missing": reason,
        "indexes": None,
        "active_systems": None,
        "shared_systems": None,
        "alternative_cost": None,
        "completeness": None,
    }


def _where(quarter, as_of, tag, commit, targets) -> dict[str, Any]:
    return {
        "quarter": quarter,
        "as_of": as_of.isoformat(),
        "tag": tag,
        "commit": commit,
        "current": tag is None,
        "targets": targets_of(quarter, targets),
    }


def skipped_json(skipped: list[Skipped]) -> list[dict[str, Any]]:
    return [{"tag": s.tag, "reason": s.reason, "quarter": s.quarter, "instead": s.instead} for s in skipped]
