"""Shared use (SPEC §4): which active systems are shared, which cross the boundary between
administrations and companies, and the three indexes for the group and per organization."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from eacheck.analysis.ratios import ratio
from eacheck.model.entities import System
from eacheck.model.landscape import Landscape


@dataclass(frozen=True, slots=True)
class SystemUse:
    system: str
    owner: str
    organizations: tuple[str, ...]  # using organizations, sorted
    shared: bool
    cross_boundary: bool
    annual_cost: int | None


def _counts(uses: list[SystemUse]) -> dict[str, int | float]:
    """The counts, costs and three indexes over one set of active systems."""
    costed = [use for use in uses if use.annual_cost is not None]
    systems = len(uses)
    shared = sum(use.shared for use in uses)
    cross_boundary = sum(use.cross_boundary for use in uses)
    annual_cost = sum(use.annual_cost for use in costed)
    shared_annual_cost = sum(use.annual_cost for use in costed if use.shared)
    return {
        "systems": systems,
        "shared": shared,
        "cross_boundary": cross_boundary,
        "index": ratio(shared, systems),
        "spend_index": ratio(shared_annual_cost, annual_cost),
        "cross_boundary_index": ratio(cross_boundary, systems),
        "annual_cost": annual_cost,  # of the systems whose cost is known
        "shared_annual_cost": shared_annual_cost,  # of the shared ones among them
        "systems_without_cost": systems - len(costed),
    }


@dataclass(frozen=True, slots=True)
class OrganizationUse:
    """One organization's shared use, over the active systems it owns or uses (the report's
    `shared_use.by_organization[]`, field for field)."""

    organization: str
    type: str
    systems: int
    shared: int
    cross_boundary: int
    index: float
    spend_index: float
    cross_boundary_index: float
    annual_cost: int
    shared_annual_cost: int
    systems_without_cost: int


@dataclass(frozen=True, slots=True)
class SharedUse:
    """The group's shared use (the report's `shared_use`, field for field; SPEC §5 names the
    group's counts `active_systems`, `shared_systems`, `cross_boundary_systems`)."""

    active_systems: int
    shared_systems: int
    cross_boundary_systems: int
    index: float
    spend_index: float
    cross_boundary_index: float
    annual_cost: int  # of the active systems whose cost is known
    shared_annual_cost: int
    systems_without_cost: int
    by_organization: tuple[OrganizationUse, ...]  # one per organization inside the group, by id
    systems: tuple[SystemUse, ...]  # one per active system, by id


def system_use(landscape: Landscape, system: System) -> SystemUse:
    organizations = landscape.using_organizations(system)
    kinds = {landscape.organizations[org].is_company_side for org in organizations}
    return SystemUse(
        system=system.id,
        owner=system.owner,
        organizations=tuple(sorted(organizations)),
        shared=system.is_active and len(organizations) >= 2,
        # One administration and one company-side organization make both values of `kinds`.
        cross_boundary=system.is_active and kinds == {True, False},
        annual_cost=system.annual_cost,
    )


def shared_use(landscape: Landscape) -> SharedUse:
    uses = [system_use(landscape, system) for system in sorted(landscape.active_systems, key=lambda s: s.id)]
    # Each system's uses filed under its organizations in one pass: asking every organization
    # to scan every system would grow with their product.
    used_by_organization: dict[str, list[SystemUse]] = defaultdict(list)
    for use in uses:
        for organization in use.organizations:
            used_by_organization[organization].append(use)
    by_organization = tuple(
        OrganizationUse(organization.id, organization.type, **_counts(used_by_organization.get(organization.id, [])))
        for organization in sorted(landscape.organizations.values(), key=lambda o: o.id)
        if not organization.is_external
    )
    group = _counts(uses)
    return SharedUse(
        active_systems=group.pop("systems"),
        shared_systems=group.pop("shared"),
        cross_boundary_systems=group.pop("cross_boundary"),
        **group,
        by_organization=by_organization,
        systems=tuple(uses),
    )
