"""Lifecycle: systems and contracts are managed, not left to run out.

Finds:

- a `phase-out` system without `lifecycle.retire_by`: a phase-out with no date is a wish;
- a system still `active` or `phase-out` whose `retire_by` date has passed;
- an active integration whose `from`, `to` or `via` is a `retired` or `planned` system;
- an `active` system without `retire_by` whose `contract.end` falls within `contract_months`
  of the as-of date (or has passed): the contract's end is the moment to decide between
  renewing, moving to a group-common system and procuring anew. Framework agreements may run
  at most four years under LOU, so the date is a real decision point. Renewing means updating
  `contract.end`.
"""

from __future__ import annotations

from collections.abc import Iterator

from eacheck.checks.base import FEWER, CheckContext, Violation, contract_ends_soon, params_schema
from eacheck.i18n import msg
from eacheck.model.naming import the

NAME = "lifecycle"
PARAMS = params_schema(
    {
        "contract_months": {
            "type": "integer",
            "minimum": 0,
            # A hundred years: more is no contract, and would move dates past year 9999.
            "maximum": 1200,
            "default": 12,
            "description": "How many months ahead a contract end counts as soon.",
        }
    }
)
# A shorter horizon: fewer contracts end "soon".
LOOSENED_BY = {"contract_months": FEWER}


def check(context: CheckContext, params: dict) -> Iterator[Violation]:
    landscape, as_of = context.landscape, context.as_of
    for system in landscape.systems.values():
        if system.status == "phase-out" and system.retire_by is None:
            yield Violation(
                system,
                msg("{subject} is being phased out but has no date by which it is retired; add "
                    "lifecycle.retire_by"),
                "phase-out-without-retire-by",
                ("lifecycle", "status"),
            )
        if system.is_active and system.retire_by is not None and system.retire_by < as_of:
            if system.status == "phase-out":
                message = msg(
                    "{subject} should have been retired by {retire_by} but is still being phased "
                    "out; finish retiring it, or decide on a new date and set it in "
                    "lifecycle.retire_by", retire_by=system.retire_by,
                )
            else:
                message = msg(
                    "{subject} should have been retired by {retire_by} but is still in operation; "
                    "retire it, or decide on a new date and set it in lifecycle.retire_by",
                    retire_by=system.retire_by,
                )
            yield Violation(system, message, "retire-by-passed", ("lifecycle", "retire_by"))
        if (
            system.status == "active"
            and system.retire_by is None
            and contract_ends_soon(system.contract_end, as_of, params["contract_months"])
        ):
            if system.contract_end < as_of:
                message = msg(
                    "{subject} has a contract that ended on {end}; decide now: renew it (update "
                    "contract.end), move to a group-common system, or procure anew",
                    end=system.contract_end,
                )
            else:
                message = msg(
                    "{subject} has a contract that ends on {end}; decide now: renew it (update "
                    "contract.end), move to a group-common system, or procure anew",
                    end=system.contract_end,
                )
            yield Violation(
                system,
                message,
                "contract-ending",
                ("contract", "end"),
            )
    for integration in landscape.integrations.values():
        if not integration.is_active:
            continue
        for key, system_id in (("from", integration.source), ("to", integration.target), ("via", integration.via)):
            system = landscape.systems.get(system_id) if system_id else None
            if system is not None and system.status in ("retired", "planned"):
                if system.status == "retired":
                    message = msg(
                        "{subject} is active, but {system} in '{key}' is retired; set the "
                        "integration's status to match, or point it at a system in operation",
                        system=the("system", system.id), key=key,
                    )
                else:
                    message = msg(
                        "{subject} is active, but {system} in '{key}' is only planned; set the "
                        "integration's status to match, or point it at a system in operation",
                        system=the("system", system.id), key=key,
                    )
                yield Violation(integration, message, f"endpoint-{system.status}:{key}", (key,))
