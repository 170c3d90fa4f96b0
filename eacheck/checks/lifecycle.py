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

from eacheck.checks.base import CheckContext, Violation, contract_ends_soon, params_schema

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


def check(context: CheckContext, params: dict) -> Iterator[Violation]:
    landscape, as_of = context.landscape, context.as_of
    for system in landscape.systems.values():
        if system.status == "phase-out" and system.retire_by is None:
            yield Violation(
                system,
                "is being phased out but has no retire_by date; add lifecycle.retire_by",
                "phase-out-without-retire-by",
                ("lifecycle", "status"),
            )
        if system.is_active and system.retire_by is not None and system.retire_by < as_of:
            yield Violation(
                system,
                f"should have been retired by {system.retire_by.isoformat()} but is still "
                f"{system.status}; retire it, or set a new retire_by date with a decision",
                "retire-by-passed",
                ("lifecycle", "retire_by"),
            )
        if (
            system.status == "active"
            and system.retire_by is None
            and contract_ends_soon(system.contract_end, as_of, params["contract_months"])
        ):
            ends = "ended" if system.contract_end < as_of else "ends"
            yield Violation(
                system,
                f"has a contract that {ends} on {system.contract_end.isoformat()}; decide now: renew "
                "(update contract.end), move to a group-common system, or procure anew",
                "contract-ending",
                ("contract", "end"),
            )
    for integration in landscape.integrations.values():
        if not integration.is_active:
            continue
        for key, system_id in (("from", integration.source), ("to", integration.target), ("via", integration.via)):
            system = landscape.systems.get(system_id) if system_id else None
            if system is not None and system.status in ("retired", "planned"):
                yield Violation(
                    integration,
                    f"is active, but its '{key}' system '{system.id}' is {system.status}; "
                    "set the integration's status to match, or point it at a live system",
                    f"endpoint-{system.status}:{key}",
                    (key,),
                )
