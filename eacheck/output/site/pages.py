"""Which pages the site has, where each one lives, and what its template receives.

Every page is a :class:`Page`: a path relative to the site's root (``system/x.html``), a
template and a context. The pages of entities live in a folder per kind, the overview pages at
the root; links between them are relative, so the site works wherever it is put.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Any, Callable

from eacheck.analysis.targets import METRICS
from eacheck.i18n import _
from eacheck.output.report import charts
from eacheck.output.report.context import Formats, history_charts
from eacheck.output.site import diagram, labels
from eacheck.output.site.paging import Listing, split
from eacheck.output.site.views import SERVICE_STATES, Views, by_name

# The findings each principle shows on the start page; its own page lists them all.
FINDINGS_ON_START = 3


@dataclass(frozen=True, slots=True)
class Page:
    path: str
    template: str
    context: dict[str, Any]

    @property
    def root(self) -> str:
        """The way back to the site's root from this page ("" or "../")."""
        return "../" * self.path.count("/")


def plans(views: Views) -> list[tuple[str, Callable[..., list[Page]], tuple]]:
    """What makes every page of the site, in a fixed order: (folder, function, arguments), each
    call giving the pages of one entity (in its kind's folder), or the overview pages at the
    root (folder ""). Making them all gives every page once; a large site's processes each make
    and render their share."""
    return [
        # The overview pages are made here (they are few and quick to make), each its own plan:
        # a list of 30,000 integrations is 300 pages, to be shared out like the others.
        *(("", _made, (page,)) for page in overview_pages(views)),
        *(("organization", organization_pages, (views, organization)) for organization in views.organizations),
        *(("capability", capability_pages, (views, capability)) for capability in views.capabilities),
        *(("system", system_pages, (views, system)) for system in views.systems),
        *(("integration", integration_pages, (views, integration)) for integration in views.integrations),
        *(("procurement", procurement_pages, (views, procurement)) for procurement in views.procurements),
        *(("exception", exception_pages, (views, waiver)) for waiver in views.exceptions),
        *(("principle", principle_pages, (views, principle_id, principle))
          for principle_id, principle in views.principles.items()),
    ]


def _made(page: Page) -> list[Page]:
    return [page]


def overview_pages(views: Views) -> list[Page]:
    """The pages at the site's root: the start page, the capability map, the search and the lists."""
    return [
        start_page(views),
        Page("capabilities.html", "site/capability_map.html.j2", capability_map(views)),
        Page("search.html", "site/search.html.j2", {"section": "search"}),
        *_list_pages("systems", "systems", views.systems, _("Systems"), "systems"),
        Page("organizations.html", "site/organizations.html.j2",
             {"section": "organizations", "by_type": _organizations_by_type(views)}),
        *_list_pages("integrations", "integrations", views.integrations, _("Integrations"), "integrations"),
        *_list_pages("procurements", "procurements", views.procurements, _("Procurements"), "procurements"),
        *_list_pages("exceptions", "exceptions", views.exceptions, _("Exceptions"), "exceptions"),
        Page("principles.html", "site/principles.html.j2", {"section": "principles"}),
    ]


def _more_pages(listings: list[Listing], folder: str, title: str, back: tuple[str, str] | None,
                section: str) -> list[Page]:
    """The second and later pages of a list (the first one is part of its owner's page)."""
    prefix = f"{folder}/" if folder else ""
    return [
        Page(prefix + listing.files[listing.number - 1], "site/more.html.j2",
             {"section": section, "listing": listing, "title": title, "back": back})
        for listing in listings[1:]
    ]


def _list_pages(name: str, rows: str, items, title: str, section: str) -> list[Page]:
    listings = split(rows, items, f"{name}.html", name)
    first = Page(f"{name}.html", "site/more.html.j2",
                 {"section": section, "listing": listings[0], "title": title, "back": None})
    return [first, *_more_pages(listings, "", title, None, section)]


def _findings(views: Views, kind: str, entity_id: str, folder: str, name: str,
              back: tuple[str, str], section: str) -> tuple[Listing, list[Page]]:
    """The findings whose subject is the entity: the first page of them for the entity's own
    page, and the pages that continue the list (one finding per capability a system serves,
    or per document that repeats an id, can make it long)."""
    listings = split("findings", views.findings_of(kind, entity_id), f"{entity_id}.html", f"{entity_id}.findings")
    more = _more_pages(listings, folder, _("Findings on %(name)s") % dict(name=name), back, section)
    return listings[0], more


def _organizations_by_type(views: Views) -> list[tuple[str, list]]:
    grouped = []
    for kind in labels.organization_type:
        members = [o for o in views.organizations if o.type == kind]
        if members:
            grouped.append((kind, members))
    return grouped


# -- the start page and the capability map --------------------------------------------------------


def start_page(views: Views) -> Page:
    report = views.report
    landscape = views.landscape
    findings = [
        {
            "principle": principle_id,
            "counts": {severity: sum(1 for f in found if str(f.severity) == severity)
                       for severity in labels.severity},
            "total": len(found),
            "latest": found[:FINDINGS_ON_START],
        }
        for principle_id, found in sorted(views.findings_by_principle.items())
    ]
    statuses = {status: 0 for status in labels.status}
    for system in views.systems:
        statuses[system.status] += 1
    return Page("index.html", "site/index.html.j2", {
        "section": "index",
        "metrics": [_metric(report, metric) for metric in METRICS],
        # The trend over the tagged quarters, when asked for: the report's figures and charts.
        # Now alone (no tag yet) is no trend: the indexes above say it.
        "history": history_charts(report, Formats(views.language, report["currency"]))
        if len(report.get("history") or []) > 1 else None,
        "points": report.get("history") or [],
        "statuses": statuses,
        "counts": {
            "organizations": len(landscape.organizations),
            "capabilities": len(landscape.capabilities),
            "systems": len(landscape.systems),
            "integrations": len(landscape.integrations),
            "procurements": len(landscape.procurements),
            "exceptions": len(landscape.exceptions),
        },
        "findings": findings,
        "totals": report["findings"]["total"],
        "duplication": report["duplication_total"],
        "candidates": len(views.figures.candidates),
        "organizations_by_type": _organizations_by_type(views),
        "top_capabilities": views.child_capabilities.get(None, []),
    })


def _metric(report: dict[str, Any], metric: str) -> dict[str, Any]:
    """One index against its target, from the report's figures (one implementation of both)."""
    status = report["targets"][metric]
    actual, target = status["actual"], status["target"]
    return {
        "key": metric,
        "actual": actual,
        "target": target,
        "met": status["met"],
        "next": status["next"],
        "gauge": charts.gauge(actual, target),
    }


def capability_map(views: Views) -> dict[str, Any]:
    counts = {state: 0 for state in SERVICE_STATES}
    for state in views.service_state.values():
        counts[state] += 1
    return {"section": "capabilities", "top": views.child_capabilities.get(None, []), "state_counts": counts}


# -- entity pages ---------------------------------------------------------------------------------


def organization_pages(views: Views, organization) -> list[Page]:
    path = f"organization/{organization.id}.html"
    stem = organization.id
    first = f"{stem}.html"
    owned = split("systems", views.systems_owned.get(organization.id, []), first, f"{stem}.owned")
    used = split("systems", views.systems_used.get(organization.id, []), first, f"{stem}.used")
    duplicates = split("duplicates", views.duplicates_of_organization(organization.id), first, f"{stem}.duplicates")
    candidates = split("candidates", views.candidates_of_organization(organization.id), first, f"{stem}.candidates")
    procurements = split("procurements", views.procurements_by_organization.get(organization.id, []), first,
                         f"{stem}.procurements")
    name = organization.name
    back = (first, name)
    findings, more_findings = _findings(views, "organization", organization.id, "organization", name, back,
                                        "organizations")
    page = Page(path, "site/organization.html.j2", {
        "section": "organizations",
        "o": organization,
        "use": views.organization_use.get(organization.id),
        "children": views.child_organizations.get(organization.id, []),
        "owned": owned[0],
        "used": used[0],
        "duplicates": duplicates[0],
        "candidates": candidates[0],
        "procurements": procurements[0],
        "findings": findings,
    })
    more = [
        (owned, _("Systems that %(name)s owns")),
        (used, _("Systems that %(name)s uses")),
        (duplicates, _("Duplicated capabilities that concern %(name)s")),
        (candidates, _("Decommissioning candidates among the systems %(name)s owns or uses")),
        (procurements, _("Procurements that %(name)s requested")),
    ]
    pages = [page, *more_findings]
    for listings, title in more:
        pages += _more_pages(listings, "organization", title % dict(name=name), back, "organizations")
    return pages


def capability_pages(views: Views, capability) -> list[Page]:
    stem = capability.id
    descendants = views.descendants(capability.id)
    below = [(system, sub) for sub in descendants for system in views.systems_by_capability.get(sub.id, [])]
    serving = split("systems", views.systems_by_capability.get(capability.id, []), f"{stem}.html", f"{stem}.serving")
    beneath = split("serving", below, f"{stem}.html", f"{stem}.below")
    procurements = split("procurements", views.procurements_by_capability.get(capability.id, []), f"{stem}.html",
                         f"{stem}.procurements")
    back = (f"{stem}.html", capability.name)
    findings, more_findings = _findings(views, "capability", capability.id, "capability", capability.name, back,
                                        "capabilities")
    page = Page(f"capability/{stem}.html", "site/capability.html.j2", {
        "section": "capabilities",
        "c": capability,
        "ancestors": views.capability_path(capability.id),
        "children": views.child_capabilities.get(capability.id, []),
        "state": views.service_state[capability.id],
        "active": views.active_count(capability.id),
        "serving": serving[0],
        "below": beneath[0],
        "duplicated": views.duplication.get(capability.id),
        "procurements": procurements[0],
        "findings": findings,
    })
    return [
        page,
        *more_findings,
        *_more_pages(serving, "capability", _("Systems serving %(name)s") % dict(name=capability.name), back, "capabilities"),
        *_more_pages(procurements, "capability", _("Procurements for %(name)s") % dict(name=capability.name), back,
                     "capabilities"),
        *_more_pages(beneath, "capability", _("Systems serving capabilities below %(name)s") % dict(name=capability.name),
                     back, "capabilities"),
    ]


def system_pages(views: Views, system) -> list[Page]:
    stem = system.id
    integrations = views.integrations_by_system.get(system.id, [])
    listings = split("integrations", integrations, f"{stem}.html", f"{stem}.integrations")
    first = f"{stem}.html"
    dependents = views.dependents(system.id) if system.is_active else ()
    dependent_systems = split("systems", sorted((views.landscape.systems[d] for d in dependents), key=by_name), first, f"{stem}.dependents")
    considered = split("procurements", views.considered_in.get(system.id, []), first, f"{stem}.considered")
    back = (first, system.name)
    findings, more_findings = _findings(views, "system", system.id, "system", system.name, back, "systems")
    page = Page(f"system/{stem}.html", "site/system.html.j2", {
        "section": "systems",
        "s": system,
        "use": views.system_use.get(system.id),
        "time": views.time_class(system),
        "candidate": views.candidates.get(system.id),
        "dependents": dependent_systems[0],
        "graph": views.graph_figures.get(system.id),
        "integrations": listings[0],
        # Laid out when the page is rendered (by a worker, for a large site), not when planned.
        "diagram": partial(_diagram, views, system, integrations),
        "considered_in": considered[0],
        "findings": findings,
    })
    name = dict(name=system.name)
    return [
        page,
        *more_findings,
        *_more_pages(listings, "system", _("Integrations of %(name)s") % name, back, "systems"),
        *_more_pages(dependent_systems, "system", _("Systems that depend on %(name)s") % name, back, "systems"),
        *_more_pages(considered, "system", _("Procurements that considered %(name)s as an alternative") % name,
                     back, "systems"),
    ]


def _diagram(views: Views, system, integrations) -> diagram.Diagram | None:
    return diagram.layout(
        system.id, system.name, integrations, lambda s: views.name("system", s),
        lambda s: views.has_page("system", s), lambda integration: _line_label(views, integration, system.id),
    )


def _line_label(views: Views, integration, drawn_for: str) -> str:
    """How the data goes: the method, and the platform it passes (unless the diagram is the
    platform's own)."""
    method = _(labels.method[integration.method]) if integration.method else ""
    if integration.via and integration.via != drawn_for:
        via = _("via %(platform)s") % dict(platform=views.name("system", integration.via))
        return f"{method}, {via}" if method else via
    return method


def integration_pages(views: Views, integration) -> list[Page]:
    name = integration.name or integration.id
    findings, more = _findings(views, "integration", integration.id, "integration", name,
                               (f"{integration.id}.html", name), "integrations")
    return [Page(f"integration/{integration.id}.html", "site/integration.html.j2", {
        "section": "integrations",
        "i": integration,
        "data": views.integration_data(integration),
        "findings": findings,
    }), *more]


def procurement_pages(views: Views, procurement) -> list[Page]:
    findings, more = _findings(views, "procurement", procurement.id, "procurement", procurement.title,
                               (f"{procurement.id}.html", procurement.title), "procurements")
    return [Page(f"procurement/{procurement.id}.html", "site/procurement.html.j2",
                 {"section": "procurements", "p": procurement, "findings": findings}), *more]


def exception_pages(views: Views, waiver) -> list[Page]:
    findings, more = _findings(views, "exception", waiver.id, "exception", waiver.id,
                               (f"{waiver.id}.html", waiver.id), "exceptions")
    return [Page(f"exception/{waiver.id}.html", "site/exception.html.j2",
                 {"section": "exceptions", "e": waiver, "holds": waiver.holds_on(views.figures.as_of),
                  "findings": findings}), *more]


def principle_pages(views: Views, principle_id: str, principle) -> list[Page]:
    stem = principle_id
    findings = split("findings", views.findings_by_principle.get(principle_id, []), f"{stem}.html", f"{stem}.findings")
    title = views.principle_title(principle_id)
    waivers = split("exceptions", views.exceptions_by_principle.get(principle_id, []), f"{stem}.html",
                    f"{stem}.exceptions")
    page = Page(f"principle/{stem}.html", "site/principle.html.j2", {
        "section": "principles",
        "principle_id": principle_id,
        "p": principle,
        "title": title,
        "findings": findings[0],
        "exceptions": waivers[0],
    })
    back = (f"{stem}.html", title)
    return [
        page,
        *_more_pages(findings, "principle", _("Findings: %(title)s") % dict(title=title), back, "principles"),
        *_more_pages(waivers, "principle", _("Exceptions from %(title)s") % dict(title=title), back, "principles"),
    ]
