"""Decommissioning candidates (SPEC §4): active systems with a reason to be switched off, and the
systems that would notice."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from eacheck.analysis.time_classes import time_class
from eacheck.checks.base import contract_ends_soon
from eacheck.model.entities import System
from eacheck.model.landscape import Landscape

# Each of these alone makes a system a candidate.
PHASE_OUT = "phase-out"
RETIRE_BY_PASSED = "retire-by-passed"
COVERED_BY_GROUP_COMMON = "covered-by-group-common"
TIME_ELIMINATE = "time-eliminate"
# These only strengthen a case made by one of the above: a contract that ends, or a system used by
# one organization, is no reason on its own to switch a system off.
CONTRACT_ENDING = "contract-ending"
SINGLE_ORGANIZATION = "single-organization"

REASONS = (PHASE_OUT, RETIRE_BY_PASSED, COVERED_BY_GROUP_COMMON, TIME_ELIMINATE, CONTRACT_ENDING,
           SINGLE_ORGANIZATION)
PRIMARY_REASONS = frozenset(REASONS[:4])


@dataclass(frozen=True, slots=True)
class Candidate:
    system: str
    owner: str
    annual_cost: int | None
    reasons: tuple[str, ...]  # sorted
    dependents: tuple[str, ...]  # sorted


def dependents(landscape: Landscape, system_id: str) -> tuple[str, ...]:
    """Systems joined to ``system_id`` by an active integration, as `from` or `to`.

    The platform a flow passes `via` is left out: it carries the flow but does not depend on it.
    Read off the flow legs that touch the system (:func:`all_dependents`).
    """
    return all_dependents(landscape, {system_id}).get(system_id, ())


def all_dependents(landscape: Landscape, wanted: Collection[str] | None = None) -> dict[str, tuple[str, ...]]:
    """:func:`dependents` of every system (or of the ``wanted`` ones) at once, in one pass over
    the flow legs: the site shows them on every system's page, the report for every candidate,
    and a platform alone may be touched by a hundred thousand legs. A system no active
    integration joins is absent."""
    joined: dict[str, set[str]] = {}
    for leg in landscape.legs:
        if leg.status != "active":
            continue
        for system_id in (leg.tail, leg.head):
            if wanted is not None and system_id not in wanted:
                continue
            if leg.source == system_id:
                joined.setdefault(system_id, set()).add(leg.target)
            if leg.target == system_id:
                joined.setdefault(system_id, set()).add(leg.source)
    return {system_id: tuple(sorted(others - {system_id})) for system_id, others in joined.items()
            if others - {system_id}}


def _covered_by_group_common(landscape: Landscape, system: System) -> bool:
    if system.group_common:
        return False
    common = landscape.active_group_common_by_capability
    # The system itself is not group-common, so any group-common system serving a capability
    # is another one.
    return all(capability in common for capability in system.capabilities)


def reasons(landscape: Landscape, system: System, as_of: date, contract_months: int) -> tuple[str, ...]:
    """Every reason code that applies to an active system, sorted (candidate or not).

    ``contract_months`` is the lifecycle principle's horizon, so the report and `check` agree.
    """
    found = set()
    if system.status == "phase-out":
        found.add(PHASE_OUT)
    if system.retire_by is not None and system.retire_by < as_of:
        found.add(RETIRE_BY_PASSED)
    if _covered_by_group_common(landscape, system):
        found.add(COVERED_BY_GROUP_COMMON)
    if time_class(system) == "eliminate":
        found.add(TIME_ELIMINATE)
    if contract_ends_soon(system.contract_end, as_of, contract_months):
        found.add(CONTRACT_ENDING)
    if len(landscape.using_organizations(system)) == 1:
        found.add(SINGLE_ORGANIZATION)
    return tuple(sorted(found))


def candidates(landscape: Landscape, as_of: date, contract_months: int) -> tuple[Candidate, ...]:
    """The active systems with at least one primary reason, by id."""
    found = []
    for system in sorted(landscape.active_systems, key=lambda s: s.id):
        codes = reasons(landscape, system, as_of, contract_months)
        if PRIMARY_REASONS.intersection(codes):
            found.append((system, codes))
    joined = all_dependents(landscape, {system.id for system, _ in found})
    return tuple(Candidate(system.id, system.owner, system.annual_cost, codes, joined.get(system.id, ()))
                 for system, codes in found)
