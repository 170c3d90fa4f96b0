"""ArchiMate 3.1 in The Open Group's Open Exchange Format, for Archi and other ArchiMate tools.

The exchange format for ArchiMate 3.x uses the namespace http://www.opengroup.org/xsd/archimate/3.0/
(it did not change for 3.1; the 3.1 schema sits at .../archimate/3.1/archimate3_Diagram.xsd);
every element and relationship is an ``<element>`` or ``<relationship>`` whose ``xsi:type``
names its ArchiMate type.

Elements:

- organization → ``BusinessActor`` (with eacheck id and type as properties)
- system → ``ApplicationComponent`` (with eacheck id and lifecycle status as properties)
- capability → ``Capability`` (with eacheck id and sharing as properties)

The properties carry what the relationships cannot, so that `eacheck import` reads the model
back into the same entities (and Archi keeps them through its own import and export).

Relationships, each one the ArchiMate 3.1 relationship table allows between those two types:

- integration → ``Flow`` between ApplicationComponents, one per leg, so a flow via the
  integration platform is two flows through it (the platform is on the route);
- owner → directed ``Association`` from the BusinessActor to the ApplicationComponent, named
  "owns".
  The obvious ``Assignment`` is not allowed from a BusinessActor to an ApplicationComponent
  (the table only permits flow, triggering, serving and association there), and serving would
  say the organization serves the system, so association it is;
- owner and users → ``Serving`` from the ApplicationComponent to each BusinessActor that uses
  it: the system serves the organizations that use it (allowed: application component to
  business actor);
- system serves capability → ``Realization`` from the ApplicationComponent to the Capability
  (an application component realizes a capability; serving is not allowed there);
- capability map → ``Composition`` from the parent Capability to each child;
- organization under a parent (a company under the holding) → ``Aggregation`` from the parent
  BusinessActor: the company is a part of the group but exists on its own, which is what
  aggregation (not composition) says.

Identifiers must be ``xsd:ID`` values (NCName: no leading digit, no colon). Each is a kind prefix
and the entity ids joined by dots, with every character outside [A-Za-z0-9-] spelled out as
``_<hex>_``; eacheck ids hold no dots or underscores, so different inputs never give one
identifier, and the same input always gives the same one.

Names are ``<name xml:lang="…">`` in the group's language (``eacheck.yaml``). An
``<organizations>`` tree files the concepts into folders (organizations, systems by owner,
capabilities, relationships, views), and a default view lays out the systems and their flows
so that Archi opens the model with something to look at.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

NAMESPACE = "http://www.opengroup.org/xsd/archimate/3.0/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SCHEMA_LOCATION = f"{NAMESPACE} http://www.opengroup.org/xsd/archimate/3.1/archimate3_Diagram.xsd"

_WORDS = {
    "sv": {"model": "Applikationslandskap", "owns": "äger", "organizations": "Organisationer",
           "systems": "System", "capabilities": "Förmågor", "relations": "Relationer",
           "views": "Vyer", "view": "Integrationer", "id": "eacheck-id", "status": "Status",
           "method": "Metod", "type": "Typ", "sharing": "Delning"},
    "en": {"model": "Application landscape", "owns": "owns", "organizations": "Organizations",
           "systems": "Systems", "capabilities": "Capabilities", "relations": "Relations",
           "views": "Views", "view": "Integrations", "id": "eacheck id", "status": "Status",
           "method": "Method", "type": "Type", "sharing": "Sharing"},
}

# Default view layout: a grid of system boxes, ordered by owner then id.
_COLUMNS, _WIDTH, _HEIGHT, _GAP_X, _GAP_Y, _MARGIN = 6, 160, 55, 40, 45, 20


def identifier(prefix: str, *parts: str) -> str:
    """A deterministic, collision-free NCName for ``prefix`` and the entity ids in ``parts``."""
    def spell(part: str) -> str:
        return "".join(c if (c.isascii() and c.isalnum()) or c == "-" else f"_{ord(c):x}_" for c in part)

    return ".".join([prefix, *(spell(part) for part in parts)])


def _tag(name: str) -> str:
    return f"{{{NAMESPACE}}}{name}"


class _Writer:
    def __init__(self, landscape) -> None:
        self.language = landscape.settings.language if landscape.settings.language in _WORDS else "en"
        self.words = _WORDS[self.language]

    def named(self, parent, tag: str, text: str, **attributes) -> ET.Element:
        element = ET.SubElement(parent, _tag(tag), attributes)
        self.name(element, text)
        return element

    def name(self, element: ET.Element, text: str, tag: str = "name") -> None:
        ET.SubElement(element, _tag(tag), {XML_LANG: self.language}).text = text

    def properties(self, element: ET.Element, values: list[tuple[str, str]]) -> None:
        values = [(key, value) for key, value in values if value]
        if values:
            container = ET.SubElement(element, _tag("properties"))
            for key, value in values:
                prop = ET.SubElement(container, _tag("property"), {"propertyDefinitionRef": identifier("prop", key)})
                ET.SubElement(prop, _tag("value"), {XML_LANG: self.language}).text = value


def render(landscape, selection) -> str:
    from eacheck.output.graph import flow_edges, systems_by_owner

    ET.register_namespace("", NAMESPACE)
    ET.register_namespace("xsi", XSI)
    writer = _Writer(landscape)
    words = writer.words
    model = ET.Element(_tag("model"), {
        f"{{{XSI}}}schemaLocation": SCHEMA_LOCATION,
        "identifier": identifier("model", "eacheck"),
    })
    writer.name(model, landscape.settings.name or words["model"])

    elements = ET.SubElement(model, _tag("elements"))
    for org_id in selection.organizations:
        organization = landscape.organizations[org_id]
        element = writer.named(elements, "element", organization.name,
                               identifier=identifier("org", org_id), **{f"{{{XSI}}}type": "BusinessActor"})
        writer.properties(element, [("id", org_id), ("type", organization.type)])
    for system_id in selection.systems:
        system = landscape.systems[system_id]
        element = writer.named(elements, "element", system.name, identifier=identifier("sys", system_id),
                               **{f"{{{XSI}}}type": "ApplicationComponent"})
        writer.properties(element, [("id", system.id), ("status", system.status)])
    for capability_id in selection.capabilities:
        capability = landscape.capabilities[capability_id]
        element = writer.named(elements, "element", capability.name,
                               identifier=identifier("cap", capability_id), **{f"{{{XSI}}}type": "Capability"})
        writer.properties(element, [("id", capability_id), ("sharing", capability.sharing)])
    if not len(elements):
        model.remove(elements)  # the schema wants at least one element inside <elements>

    relationships: list[tuple[str, str, str, str, str | None, list]] = []  # id, type, source, target, name, props
    flows = []
    for tail, head, leg in flow_edges(landscape, selection):
        rel_id = identifier("flow", leg["integration"], leg["into"])
        name = landscape.integrations[leg["integration"]].name or leg["integration"]
        relationships.append((rel_id, "Flow", identifier("sys", tail), identifier("sys", head), name,
                              [("id", leg["integration"]), ("status", leg["status"]), ("method", leg["method"])]))
        flows.append((rel_id, tail, head))
    shown_orgs, shown_caps = set(selection.organizations), set(selection.capabilities)
    for system_id in selection.systems:
        system = landscape.systems[system_id]
        if system.owner in shown_orgs:
            relationships.append((identifier("owns", system.owner, system_id), "Association",
                                  identifier("org", system.owner), identifier("sys", system_id), words["owns"], []))
        for org_id in system.organizations:
            if org_id in shown_orgs:
                relationships.append((identifier("serves", system_id, org_id), "Serving",
                                      identifier("sys", system_id), identifier("org", org_id), None, []))
        for capability_id in dict.fromkeys(system.capabilities):
            if capability_id in shown_caps:
                relationships.append((identifier("realizes", system_id, capability_id), "Realization",
                                      identifier("sys", system_id), identifier("cap", capability_id), None, []))
    for capability_id in selection.capabilities:
        parent = landscape.capabilities[capability_id].parent
        if parent in shown_caps:
            relationships.append((identifier("composes", parent, capability_id), "Composition",
                                  identifier("cap", parent), identifier("cap", capability_id), None, []))
    for org_id in selection.organizations:
        parent = landscape.organizations[org_id].parent
        if parent in shown_orgs:
            relationships.append((identifier("aggregates", parent, org_id), "Aggregation",
                                  identifier("org", parent), identifier("org", org_id), None, []))
    relationships.sort(key=lambda r: r[0])

    if relationships:
        container = ET.SubElement(model, _tag("relationships"))
        for rel_id, rel_type, source, target, name, props in relationships:
            attributes = {"identifier": rel_id, "source": source, "target": target, f"{{{XSI}}}type": rel_type}
            if rel_type == "Association":
                attributes["isDirected"] = "true"  # owner → system reads one way only
            element = ET.SubElement(container, _tag("relationship"), attributes)
            if name:
                writer.name(element, name)
            writer.properties(element, props)

    grouped, loose = systems_by_owner(landscape, selection)
    view_id = identifier("view", "integrations")
    folders = [
        (words["organizations"], [identifier("org", o) for o in selection.organizations], []),
        (words["systems"], [identifier("sys", s) for s in loose],
         [(landscape.organizations[owner].name, [identifier("sys", s) for s in systems])
          for owner, systems in grouped.items()]),
        (words["capabilities"], [identifier("cap", c) for c in selection.capabilities], []),
        (words["relations"], [r[0] for r in relationships], []),
        (words["views"], [view_id] if selection.systems else [], []),
    ]
    organizations = ET.SubElement(model, _tag("organizations"))
    for label, refs, subfolders in folders:
        if not refs and not subfolders:
            continue
        folder = ET.SubElement(organizations, _tag("item"))
        writer.name(folder, label, tag="label")
        for sub_label, sub_refs in subfolders:
            subfolder = ET.SubElement(folder, _tag("item"))
            writer.name(subfolder, sub_label, tag="label")
            for ref in sub_refs:
                ET.SubElement(subfolder, _tag("item"), {"identifierRef": ref})
        for ref in refs:
            ET.SubElement(folder, _tag("item"), {"identifierRef": ref})
    if not len(organizations):
        model.remove(organizations)

    definitions = ET.SubElement(model, _tag("propertyDefinitions"))
    for key in ("id", "method", "sharing", "status", "type"):
        writer.named(definitions, "propertyDefinition", words[key], identifier=identifier("prop", key), type="string")

    if selection.systems:
        _default_view(model, writer, view_id, [s for systems in grouped.values() for s in systems] + loose, flows)

    ET.indent(model, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(model, encoding="unicode") + "\n"


def _default_view(model, writer, view_id: str, systems: list[str], flows) -> None:
    """One diagram with every shown system in a grid and its flows drawn between them."""
    views = ET.SubElement(model, _tag("views"))
    diagrams = ET.SubElement(views, _tag("diagrams"))
    view = writer.named(diagrams, "view", writer.words["view"], identifier=view_id, **{f"{{{XSI}}}type": "Diagram"})
    nodes = {}
    for index, system_id in enumerate(systems):
        row, column = divmod(index, _COLUMNS)
        nodes[system_id] = identifier("node", system_id)
        ET.SubElement(view, _tag("node"), {
            "identifier": nodes[system_id], "elementRef": identifier("sys", system_id),
            f"{{{XSI}}}type": "Element",
            "x": str(_MARGIN + column * (_WIDTH + _GAP_X)), "y": str(_MARGIN + row * (_HEIGHT + _GAP_Y)),
            "w": str(_WIDTH), "h": str(_HEIGHT),
        })
    for rel_id, tail, head in flows:
        ET.SubElement(view, _tag("connection"), {
            "identifier": identifier("conn", rel_id), "relationshipRef": rel_id,
            f"{{{XSI}}}type": "Relationship", "source": nodes[tail], "target": nodes[head],
        })
