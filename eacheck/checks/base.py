"""What a check receives and what it yields."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from typing import Any

from eacheck.i18n import Message
from eacheck.model.entities import Entity
from eacheck.model.landscape import Landscape


@dataclass(frozen=True, slots=True)
class Violation:
    """One thing a check found wrong with ``subject``.

    ``message`` says what is wrong and what to do, as a :class:`~eacheck.i18n.Message` whose
    text starts with ``{subject}``: the engine fills in the subject ("system 'x'", "systemet
    'x'"), and the message is translated where it is shown. ``code`` says what is wrong in a
    stable way (no wording, no line numbers) so that a finding can be matched against a
    baseline in any language; ``path`` points at the offending key for the line number.
    """

    subject: Entity
    message: Message
    code: str
    path: tuple[Any, ...] = ()


@dataclass
class CheckContext:
    landscape: Landscape
    as_of: date


def organization_name(landscape: Landscape, organization_id: str) -> str:
    """An organization as people know it, by name (its id when the landscape lacks it:
    validation reports the dangling reference)."""
    organization = landscape.organizations.get(organization_id)
    return organization.name if organization is not None and organization.name else organization_id


def defaults(params_schema: dict[str, Any]) -> dict[str, Any]:
    return {
        key: spec["default"]
        for key, spec in params_schema.get("properties", {}).items()
        if "default" in spec
    }


def add_months(day: date, months: int) -> date:
    """``day`` moved by whole months, clamped to the end of shorter months."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def contract_ends_soon(contract_end: date | None, as_of: date, months: int) -> bool:
    """The contract ends within ``months`` of ``as_of``, or has already ended."""
    return contract_end is not None and contract_end <= add_months(as_of, months)


def gated_statuses_param() -> dict[str, Any]:
    return {
        "type": "array",
        "items": {"enum": ["proposed", "approved", "rejected", "awarded"]},
        "uniqueItems": True,
        "default": ["proposed", "approved"],
        "description": "Procurement statuses the check applies to.",
    }


# Which way a parameter loosens its check (``LOOSENED_BY`` in each check module), so that
# `check --baseline` can tell a pull request that loosens a principle from one that tightens it
# (eacheck.checks.principle_changes).
MORE = "more"  # items added to a list, a number raised
FEWER = "fewer"  # items taken out of a list, a number lowered
OFF = "off"  # true turned to false
ANY = "any"  # any change can let more through (a capability id that marks platforms)


def loosens(direction: str, before: Any, after: Any) -> bool:
    """Whether changing a parameter from ``before`` to ``after`` lets more through."""
    if direction == ANY:
        return before != after
    if direction == OFF:
        return before is True and after is False
    if isinstance(before, list) and isinstance(after, list):
        added, removed = set(map(str, after)) - set(map(str, before)), set(map(str, before)) - set(map(str, after))
        return bool(added if direction == MORE else removed)
    if isinstance(before, (int, float)) and isinstance(after, (int, float)):
        return after > before if direction == MORE else after < before
    return before != after


def params_schema(properties: dict[str, Any]) -> dict[str, Any]:
    return {"type": "object", "additionalProperties": False, "properties": properties}
