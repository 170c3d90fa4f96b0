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

from eacheck.checks.base import FEWER, CheckContext, Violation, gated_statuses_param, params_schema
from eacheck.i18n import msg_n
from eacheck.i18n.formats import Quoted

NAME = "shared-over-unique"
PARAMS = params_schema({"gated_statuses": gated_statuses_param()})
LOOSENED_BY = {"gated_statuses": FEWER}


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
                    msg_n(
                        "{subject} asks for '{capability}', which the group-common system "
                        "{systems} already serves; use it instead, or record a decided exception "
                        "that says why it cannot serve",
                        "{subject} asks for '{capability}', which the group-common systems "
                        "{systems} already serve; use one of them instead, or record a decided "
                        "exception that says why they cannot serve",
                        len(common), capability=capability, systems=Quoted(common),
                    ),
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
                if system.status == "phase-out":
                    message = msg_n(
                        "{subject} serves '{capability}', which the group-common system "
                        "{systems} also serves; finish the move to it and retire this one, or "
                        "record a decided exception",
                        "{subject} serves '{capability}', which the group-common systems "
                        "{systems} also serve; finish the move to one of them and retire this "
                        "one, or record a decided exception",
                        len(common), capability=capability, systems=Quoted(common),
                    )
                else:
                    message = msg_n(
                        "{subject} serves '{capability}', which the group-common system "
                        "{systems} also serves; plan a move to it (lifecycle.status: phase-out "
                        "with a retire_by date), or record a decided exception",
                        "{subject} serves '{capability}', which the group-common systems "
                        "{systems} also serve; plan a move to one of them (lifecycle.status: "
                        "phase-out with a retire_by date), or record a decided exception",
                        len(common), capability=capability, systems=Quoted(common),
                    )
                yield Violation(
                    system, message, f"duplicates-group-common:{capability}", ("capabilities", index)
                )
