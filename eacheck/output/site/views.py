"""Everything the site's pages read, indexed once from the figures.

Each page shows an entity with what points at it: a system's integrations, findings, exceptions
and the procurements that considered it; an organization's systems; a capability's systems and
sub-capabilities. Looking that up per page would make the site quadratic in the landscape, so
every reverse index is built here in one pass, and every list is sorted so that the same input
gives the same bytes.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from eacheck.analysis.decommissioning import Candidate, all_dependents
from eacheck.analysis.duplication import DuplicatedCapability
from eacheck.analysis.figures import Figures
from eacheck.analysis.shared_use import OrganizationUse, SystemUse
from eacheck.analysis.time_classes import time_class
from eacheck.checks.engine import EXCEPTION_EXPIRED
from eacheck.findings import SCHEMA, Finding
from eacheck.model.entities import (
    Capability,
    DataClassification,
    Integration,
    Organization,
    Procurement,
    System,
    localized,
)
from eacheck.model.landscape import Landscape

# Findings that belong to no principle of the repository, each shown on a page of its own like one.
PSEUDO_PRINCIPLES = (SCHEMA, EXCEPTION_EXPIRED)

# How each `group` capability is served (the capability map's colours).
GROUP_COMMON, DUPLICATED, SERVED_ONCE, NOT_SERVED, THROUGH_PARTS, LOCAL = (
    "group-common", "duplicated", "served-once", "not-served", "through-parts", "local")
SERVICE_STATES = (GROUP_COMMON, DUPLICATED, SERVED_ONCE, NOT_SERVED, THROUGH_PARTS, LOCAL)

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def by_name(entity) -> tuple[str, str]:
    return (entity.name.casefold(), entity.id)


@dataclass
class Views:
    """The figures of one repository, with the indexes the pages need."""

    figures: Figures
    report: dict[str, Any]
    language: str
    landscape: Landscape = field(init=False)

    def __post_init__(self) -> None:
        self.landscape = self.figures.landscape

    # -- names and links ---------------------------------------------------------------------

    def work_out_everything(self) -> None:
        """Work out every index now rather than on first use: before the processes that render
        a large site start, so that each does not work them out again."""
        for name, attribute in vars(type(self)).items():
            if isinstance(attribute, cached_property):
                getattr(self, name)

    @cached_property
    def collections(self) -> dict[str, dict[str, Any]]:
        landscape = self.landscape
        return {
            "organization": landscape.organizations,
            "capability": landscape.capabilities,
            "system": landscape.systems,
            "integration": landscape.integrations,
            "procurement": landscape.procurements,
            "exception": landscape.exceptions,
            "principle": self.principles,
        }

    def has_page(self, kind: str, entity_id: str) -> bool:
        collection = self.collections.get(kind)
        return collection is not None and entity_id in collection

    def name(self, kind: str, entity_id: str) -> str:
        """What a reader calls the entity: its name, a procurement's title, else its id."""
        entity = self.collections.get(kind, {}).get(entity_id)
        if entity is None:
            return entity_id
        if kind == "principle":
            return self.principle_title(entity_id)
        if kind == "procurement":
            return entity.title
        return getattr(entity, "name", None) or entity_id

    # -- principles --------------------------------------------------------------------------

    @cached_property
    def principles(self) -> dict[str, Any]:
        """The repository's principles by id, plus the two kinds of finding that have none."""
        found = dict(sorted(self.landscape.principles.items()))
        for pseudo in PSEUDO_PRINCIPLES:
            found.setdefault(pseudo, None)
        return found

    def principle_title(self, principle_id: str) -> str:
        from eacheck.i18n import _

        principle = self.landscape.principles.get(principle_id)
        if principle is not None:
            return localized(principle.title, self.language)
        if principle_id == SCHEMA:
            return _("File format and references")
        if principle_id == EXCEPTION_EXPIRED:
            return _("Expired exceptions")
        return principle_id

    def principle_language(self, principle_id: str) -> str | None:
        """The language of the principle's title when it is not the site's (a principle written
        in Swedish only, on an English site), so that the page can say so; else None."""
        principle = self.landscape.principles.get(principle_id)
        if principle is None:
            return None
        title = principle.title
        if isinstance(title, dict):
            language = self.language if title.get(self.language) else next(iter(title))
        else:
            language = self.landscape.settings.language
        return None if language == self.language else language

    # -- findings ----------------------------------------------------------------------------

    @cached_property
    def findings(self) -> list[Finding]:
        """Most serious first, then where they are (file and line)."""
        return sorted(self.figures.findings, key=lambda f: (SEVERITY_ORDER[str(f.severity)], f.sort_key()))

    @cached_property
    def finding_texts(self) -> dict[int, str]:
        """Each finding's message, rendered once in the language of the site."""
        return {id(finding): finding.text for finding in self.findings}

    def finding_text(self, finding: Finding) -> str:
        return self.finding_texts[id(finding)]

    @cached_property
    def findings_by_subject(self) -> dict[tuple[str, str], list[Finding]]:
        grouped: dict[tuple[str, str], list[Finding]] = defaultdict(list)
        for finding in self.findings:
            grouped[(finding.kind, finding.subject)].append(finding)
        return dict(grouped)

    @cached_property
    def findings_by_principle(self) -> dict[str, list[Finding]]:
        grouped: dict[str, list[Finding]] = defaultdict(list)
        for finding in self.findings:
            grouped[finding.principle].append(finding)
        return dict(grouped)

    def findings_of(self, kind: str, entity_id: str) -> list[Finding]:
        return self.findings_by_subject.get((kind, entity_id), [])

    # -- exceptions --------------------------------------------------------------------------

    @cached_property
    def exceptions_by_subject(self) -> dict[str, list]:
        grouped: dict[str, list] = defaultdict(list)
        for waiver in sorted(self.landscape.exceptions.values(), key=lambda w: w.id):
            grouped[waiver.subject].append(waiver)
        return dict(grouped)

    @cached_property
    def exceptions_by_principle(self) -> dict[str, list]:
        grouped: dict[str, list] = defaultdict(list)
        for waiver in sorted(self.landscape.exceptions.values(), key=lambda w: w.id):
            grouped[waiver.principle].append(waiver)
        return dict(grouped)

    # -- organizations -----------------------------------------------------------------------

    @cached_property
    def organizations(self) -> list[Organization]:
        return sorted(self.landscape.organizations.values(), key=by_name)

    @cached_property
    def child_organizations(self) -> dict[str, list[Organization]]:
        grouped: dict[str, list[Organization]] = defaultdict(list)
        for organization in self.organizations:
            if organization.parent:
                grouped[organization.parent].append(organization)
        return dict(grouped)

    @cached_property
    def systems_owned(self) -> dict[str, list[System]]:
        grouped: dict[str, list[System]] = defaultdict(list)
        for system in self.systems:
            grouped[system.owner].append(system)
        return dict(grouped)

    @cached_property
    def systems_used(self) -> dict[str, list[System]]:
        """Organization -> systems it uses that another organization owns."""
        grouped: dict[str, list[System]] = defaultdict(list)
        for system in self.systems:
            for user in dict.fromkeys(system.used_by):
                if user != system.owner:
                    grouped[user].append(system)
        return dict(grouped)

    @cached_property
    def organization_use(self) -> dict[str, OrganizationUse]:
        return {use.organization: use for use in self.figures.shared_use.by_organization}

    @cached_property
    def procurements_by_organization(self) -> dict[str, list[Procurement]]:
        grouped: dict[str, list[Procurement]] = defaultdict(list)
        for procurement in self.procurements:
            grouped[procurement.requested_by].append(procurement)
        return dict(grouped)

    @cached_property
    def _duplicated_by_system(self) -> dict[str, list[int]]:
        """System -> the positions (in capability order) of the duplicated capabilities it serves."""
        grouped: dict[str, list[int]] = defaultdict(list)
        for position, entry in enumerate(self.duplication.values()):
            for system_id in entry.systems:
                grouped[system_id].append(position)
        return dict(grouped)

    def duplicates_of_organization(self, organization_id: str) -> list[DuplicatedCapability]:
        """Duplicated capabilities in which the organization owns or uses one of the systems."""
        entries = list(self.duplication.values())
        positions = {position for system_id in self.systems_involving(organization_id)
                     for position in self._duplicated_by_system.get(system_id, ())}
        return [entries[position] for position in sorted(positions)]

    def candidates_of_organization(self, organization_id: str) -> list[Candidate]:
        involved = self.systems_involving(organization_id)
        return [self.candidates[system_id] for system_id in sorted(involved) if system_id in self.candidates]

    def systems_involving(self, organization_id: str) -> set[str]:
        return {system.id for system in self.systems_owned.get(organization_id, [])} | {
            system.id for system in self.systems_used.get(organization_id, [])
        }

    # -- capabilities ------------------------------------------------------------------------

    @cached_property
    def capabilities(self) -> list[Capability]:
        return sorted(self.landscape.capabilities.values(), key=by_name)

    @cached_property
    def child_capabilities(self) -> dict[str | None, list[Capability]]:
        """Parent id (None for the top) -> its sub-capabilities, by name. A parent that does not
        exist (its file failed) puts the capability at the top, so nothing is lost."""
        grouped: dict[str | None, list[Capability]] = defaultdict(list)
        known = self.landscape.capabilities
        for capability in self.capabilities:
            parent = capability.parent if capability.parent in known else None
            grouped[parent].append(capability)
        return dict(grouped)

    def capability_path(self, capability_id: str) -> list[Capability]:
        """The capability's ancestors, the top first (the loader has refused parent cycles)."""
        path, seen = [], {capability_id}
        parent = self.landscape.capabilities[capability_id].parent
        while parent in self.landscape.capabilities and parent not in seen:
            seen.add(parent)
            path.append(self.landscape.capabilities[parent])
            parent = self.landscape.capabilities[parent].parent
        return path[::-1]

    def descendants(self, capability_id: str) -> list[Capability]:
        found, stack = [], list(reversed(self.child_capabilities.get(capability_id, [])))
        seen = {capability_id}
        while stack:
            capability = stack.pop()
            if capability.id in seen:
                continue
            seen.add(capability.id)
            found.append(capability)
            stack.extend(reversed(self.child_capabilities.get(capability.id, [])))
        return found

    @cached_property
    def systems_by_capability(self) -> dict[str, list[System]]:
        """Capability -> every system serving it, any status, by name."""
        grouped: dict[str, list[System]] = defaultdict(list)
        for system in self.systems:
            for capability in dict.fromkeys(system.capabilities):
                grouped[capability].append(system)
        return dict(grouped)

    @cached_property
    def service_state(self) -> dict[str, str]:
        """How each capability is served (SPEC §9): a `group` capability by one group-common
        system, by more than one active system (duplicated), by one other system, or by none;
        a `local` one accepts unique solutions and is not judged.

        A capability that only groups others (it has parts, no active system of its own, and
        some active system serves a part) is served *through its parts*: an area of the map is
        rarely bought as such, and painting every area "not served" would drown the real gaps.
        The hierarchy is not rolled up otherwise (SPEC §4).
        """
        serving = self.landscape.active_systems_by_capability
        states = {}
        for capability in self.capabilities:
            systems = serving.get(capability.id, [])
            if capability.sharing != "group":
                states[capability.id] = LOCAL
            elif not systems and any(serving.get(part.id) for part in self.descendants(capability.id)):
                states[capability.id] = THROUGH_PARTS
            elif not systems:
                states[capability.id] = NOT_SERVED
            elif len(systems) > 1:
                states[capability.id] = DUPLICATED
            elif systems[0].group_common:
                states[capability.id] = GROUP_COMMON
            else:
                states[capability.id] = SERVED_ONCE
        return states

    def active_count(self, capability_id: str) -> int:
        return len(self.landscape.active_systems_by_capability.get(capability_id, []))

    @cached_property
    def duplication(self) -> dict[str, DuplicatedCapability]:
        return {entry.capability: entry for entry in self.figures.duplication.capabilities}

    @cached_property
    def procurements_by_capability(self) -> dict[str, list[Procurement]]:
        grouped: dict[str, list[Procurement]] = defaultdict(list)
        for procurement in self.procurements:
            for capability in dict.fromkeys(procurement.capabilities):
                grouped[capability].append(procurement)
        return dict(grouped)

    # -- systems -----------------------------------------------------------------------------

    @cached_property
    def systems(self) -> list[System]:
        return sorted(self.landscape.systems.values(), key=by_name)

    @cached_property
    def system_use(self) -> dict[str, SystemUse]:
        return {use.system: use for use in self.figures.shared_use.systems}

    @cached_property
    def candidates(self) -> dict[str, Candidate]:
        return {candidate.system: candidate for candidate in self.figures.candidates}

    @cached_property
    def graph_figures(self) -> dict[str, dict[str, Any]]:
        return {entry["system"]: entry for entry in self.report["graph"]["systems"]}

    def time_class(self, system: System) -> str | None:
        return time_class(system)

    @cached_property
    def _dependents(self) -> dict[str, tuple[str, ...]]:
        return all_dependents(self.landscape)

    def dependents(self, system_id: str) -> tuple[str, ...]:
        return self._dependents.get(system_id, ())

    @cached_property
    def integrations(self) -> list[Integration]:
        return sorted(self.landscape.integrations.values(), key=lambda i: i.id)

    @cached_property
    def integrations_by_system(self) -> dict[str, list[Integration]]:
        """System -> the integrations it takes part in, as from, to or via, by id."""
        grouped: dict[str, list[Integration]] = defaultdict(list)
        for integration in self.integrations:
            for system_id in dict.fromkeys(filter(None, (integration.source, integration.target, integration.via))):
                grouped[system_id].append(integration)
        return dict(grouped)

    def integration_data(self, integration: Integration) -> DataClassification:
        """The data an integration carries: its own keys, the rest from its `from` system."""
        source = self.landscape.systems.get(integration.source)
        return DataClassification.from_yaml(integration.data_overrides, source.data if source else None)

    @cached_property
    def considered_in(self) -> dict[str, list[Procurement]]:
        """System -> procurements that name it among the alternatives they considered."""
        grouped: dict[str, list[Procurement]] = defaultdict(list)
        for procurement in self.procurements:
            for system_id in dict.fromkeys(a.system for a in procurement.alternatives_considered):
                grouped[system_id].append(procurement)
        return dict(grouped)

    # -- procurements ------------------------------------------------------------------------

    @cached_property
    def procurements(self) -> list[Procurement]:
        return sorted(self.landscape.procurements.values(), key=lambda p: (p.title.casefold(), p.id))

    @cached_property
    def exceptions(self) -> list:
        return sorted(self.landscape.exceptions.values(), key=lambda w: w.id)

    def subject_kind(self, entity_id: str) -> str | None:
        entity = self.landscape.get(entity_id)
        return None if entity is None else entity.kind
