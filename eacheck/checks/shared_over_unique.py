"""Shared before unique: a need the group already meets with a group-common system is met by it.

Finds:

- a procurement (by default `proposed` or `approved`) for a capability that an active
  group-common (koncerngemensam) system already serves;
- an active system that is not group-common serving a `group` capability that an active
  group-common system also serves: a duplicate to migrate away from, or to justify with an
  exception.

Capabilities marked `sharing: local` accept unique solutions for the second rule.
"""

from __future__ import annotations

from collections.abc import Iterator

from eacheck.checks.base import CheckContext, Violation, gated_statuses_param, params_schema

NAME = "shared-over-unique"
PARAMS = params_schema({"gated_statuses": gated_statuses_param()})


def _common_systems(context: CheckContext, capability: str) -> list[str]:
    return context.landscape.active_group_common_by_capability.get(capability, [])


def check(context: CheckContext, params: dict) -> Iterator[Violation]:
    landscape = context.landscape
    for procurement in landscape.procurements.values():
        if procurement.status not in params["gated_statuses"]:
            continue
        for index, capability in enumerate(procurement.capabilities):
            common = _common_systems(context, capability)
            if common:
                yield Violation(
                    procurement,
                    f"asks for '{capability}', which the group-common "
                    f"{_systems(common)} already serves; use it instead, or record a decided "
                    "exception that says why it cannot serve",
                    f"capability-served:{capability}",
                    ("capabilities", index),
                )
    for system in landscape.active_systems:
        if system.group_common:
            continue
        for index, capability in enumerate(system.capabilities):
            if not landscape.is_group_capability(capability):
                continue
            common = [other for other in _common_systems(context, capability) if other != system.id]
            if common:
                next_step = (
                    "finish the move to it and retire this one"
                    if system.status == "phase-out"
                    else "plan a move to it (lifecycle.status: phase-out with a retire_by date)"
                )
                yield Violation(
                    system,
                    f"serves '{capability}', which the group-common {_systems(common)} also "
                    f"serves; {next_step}, or record a decided exception",
                    f"duplicates-group-common:{capability}",
                    ("capabilities", index),
                )


def _systems(ids: list[str]) -> str:
    return ("system " if len(ids) == 1 else "systems ") + ", ".join(f"'{i}'" for i in ids)
