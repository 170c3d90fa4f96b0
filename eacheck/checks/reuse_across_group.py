"""Reuse across the group: look at what the group already runs before buying, and share both ways.

Finds:

- a procurement (by default `proposed` or `approved`) for a `group` capability that an active
  system already serves, when `alternatives_considered` does not name that system with a reason.
  Examining the existing system is what makes reuse possible: between the municipality and its
  wholly owned companies the in-house exemption (LOU 3 kap. 11–16 §§) can allow it without a new
  procurement, or a joint procurement can serve several parts of the group at once;
- an active group-common system used only by administrations, or only by companies (the holding
  company counts as a company): shared infrastructure that stops at the boundary between
  förvaltningar and bolag.
"""

from __future__ import annotations

from collections.abc import Iterator

from eacheck.checks.base import FEWER, CheckContext, Violation, gated_statuses_param, params_schema
from eacheck.i18n import msg

NAME = "reuse-across-group"
PARAMS = params_schema({"gated_statuses": gated_statuses_param()})
LOOSENED_BY = {"gated_statuses": FEWER}


def check(context: CheckContext, params: dict) -> Iterator[Violation]:
    landscape = context.landscape
    for procurement in landscape.procurements.values():
        if procurement.status not in params["gated_statuses"]:
            continue
        examined = {
            alternative.system
            for alternative in procurement.alternatives_considered
            if alternative.reason and alternative.reason.strip()
        }
        reported: set[str] = set()
        for index, capability in enumerate(procurement.capabilities):
            if not landscape.is_group_capability(capability):
                continue
            for system in landscape.active_systems_by_capability.get(capability, ()):
                if system.id in examined or system.id in reported:
                    continue
                reported.add(system.id)
                yield Violation(
                    procurement,
                    msg("{subject} does not examine '{system}' ({name}), which already serves "
                        "'{capability}' in the group; add it to alternatives_considered with the "
                        "reason it cannot serve, or reuse it",
                        system=system.id, name=system.name, capability=capability),
                    f"unexamined:{system.id}",
                    ("capabilities", index),
                )
    for system in landscape.active_systems:
        if not system.group_common:
            continue
        users = [landscape.organizations[org] for org in landscape.using_organizations(system)]
        if not users:
            continue
        if all(org.type == "administration" for org in users):
            side = "administrations"
            message = msg("{subject} is group-common but used only by administrations; offer it "
                          "to the companies of the group and list them in used_by as they join")
        elif all(org.is_company_side for org in users):
            side = "companies"
            message = msg("{subject} is group-common but used only by companies; offer it to "
                          "the administrations of the group and list them in used_by as they join")
        else:
            continue
        yield Violation(
            system,
            message,
            f"one-side:{side}",
            ("used_by",) if system.used_by else ("group_common",),
        )
