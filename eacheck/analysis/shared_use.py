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


@dataclass(frozen=True, slots=True)
class Indexes:
    """The three indexes over one set of active systems (the group's, or one organization's)."""

    systems: int
    shared: int
    cross_boundary: int
    known_cost: int  # annual cost of the systems whose cost is known
    shared_cost: int  # annual cost of the shared ones among them
    unknown_cost: int  # how many systems have no known cost

    @property
    def index(self) -> float:
        return ratio(self.shared, self.systems)

    @property
    def spend_index(self) -> float:
        return ratio(self.shared_cost, self.known_cost)

    @property
    def cross_boundary_index(self) -> float:
        return ratio(self.cross_boundary, self.systems)

    @classmethod
    def over(cls, uses: list[SystemUse]) -> "Indexes":
        costed = [use for use in uses if use.annual_cost is not None]
        return cls(
            systems=len(uses),
            shared=sum(use.shared for use in uses),
            cross_boundary=sum(use.cross_boundary for use in uses),
            known_cost=sum(use.annual_cost for use in costed),
            shared_cost=sum(use.annual_cost for use in costed if use.shared),
            unknown_cost=len(uses) - len(costed),
        )


@dataclass(frozen=True, slots=True)
class OrganizationUse:
    organization: str
    type: str
    indexes: Indexes


@dataclass(frozen=True, slots=True)
class SharedUse:
    systems: tuple[SystemUse, ...]  # one per active system, by id
    group: Indexes
    by_organization: tuple[OrganizationUse, ...]  # one per organization inside the group, by id


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
        OrganizationUse(
            organization.id,
            organization.type,
            Indexes.over(used_by_organization.get(organization.id, [])),
        )
        for organization in sorted(landscape.organizations.values(), key=lambda o: o.id)
        if not organization.is_external
    )
    return SharedUse(tuple(uses), Indexes.over(uses), by_organization)
