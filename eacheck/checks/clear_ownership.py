"""Clear ownership: every system has an accountable systemägare and an owner inside the group.

Finds:

- an active system (`active` or `phase-out`) without `system_owner`: nobody is accountable for
  its information, its costs, or the decision to share or retire it;
- a system (not retired) whose `owner` is an external organization: the group cannot steer what
  it does not own; name the organization in the group that answers for it, and list the
  external body in `used_by` or as the contract supplier instead.
"""

from __future__ import annotations

from collections.abc import Iterator

from eacheck.checks.base import CheckContext, Violation, params_schema
from eacheck.i18n import msg

NAME = "clear-ownership"
PARAMS = params_schema({})
LOOSENED_BY: dict[str, str] = {}


def check(context: CheckContext, params: dict) -> Iterator[Violation]:
    landscape = context.landscape
    for system in landscape.systems.values():
        if system.is_active and not system.system_owner:
            yield Violation(
                system,
                msg("{subject} has no system owner (system_owner); name the role that is "
                    "accountable for it"),
                "no-system-owner",
            )
        owner = landscape.organizations.get(system.owner)
        if system.status != "retired" and owner is not None and owner.is_external:
            yield Violation(
                system,
                msg("{subject} is owned by '{owner}', which is outside the group; make an "
                    "organization of the group its owner", owner=owner.name or owner.id),
                "external-owner",
                ("owner",),
            )
