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

Names are ``<name xml:lang="…">`` in the language of the run (``--lang``, else the group's
``language`` in ``eacheck.yaml``); the few words that are not names from the files (folder
labels, "owns", the property names) come from the translation catalogue. An
``<organizations>`` tree files the concepts into folders (organizations, systems by owner,
capabilities, relationships, views), and a default view lays out the systems and their flows
so that Archi opens the model with something to look at.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass

from eacheck.i18n import current_language, pgettext

from eacheck.safe_text import xml_text

NAMESPACE = "http://www.opengroup.org/xsd/archimate/3.0/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XSI_TYPE = f"{{{XSI}}}type"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SCHEMA_LOCATION = f"{NAMESPACE} http://www.opengroup.org/xsd/archimate/3.1/archimate3_Diagram.xsd"

# The properties a system or a flow carries, in the order their definitions are written.
_PROPERTY_KEYS = ("id", "method", "sharing", "status", "type")

# Default view layout: a grid of system boxes, ordered by owner then id.
_COLUMNS, _WIDTH, _HEIGHT, _GAP_X, _GAP_Y, _MARGIN = 6, 160, 55, 40, 45, 20


def _words() -> dict[str, str]:
    """The words of the model that are not names from the files, in the language of the run."""
    return {
        "model": pgettext("archimate", "Application landscape"),
        "owns": pgettext("archimate", "owns"),
        "organizations": pgettext("archimate", "Organizations"),
        "systems": pgettext("archimate", "Systems"),
        "capabilities": pgettext("archimate", "Capabilities"),
        "relations": pgettext("archimate", "Relations"),
        "views": pgettext("archimate", "Views"),
        "view": pgettext("archimate", "Integrations"),
        "id": pgettext("archimate", "eacheck id"),
        "status": pgettext("archimate", "Status"),
        "method": pgettext("archimate", "Method"),
        "type": pgettext("archimate", "Type"),
        "sharing": pgettext("archimate", "Sharing"),
    }


@dataclass(frozen=True, slots=True)
class Relationship:
    """One ``<relationship>``: its identifier, ArchiMate type, the identifiers of its source
    and target elements, its name if it has one, and its properties (key, value)."""

    identifier: str
    type: str
    source: str
    target: str
    name: str | None = None
    properties: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class _Flow:
    """A flow leg as the default view draws it: its relationship and the two systems."""

    relationship: str
    tail: str
    head: str


def identifier(prefix: str, *parts: str) -> str:
    """A deterministic, collision-free NCName for ``prefix`` and the entity ids in ``parts``."""
    def spell(part: str) -> str:
        return "".join(c if (c.isascii() and c.isalnum()) or c == "-" else f"_{ord(c):x}_" for c in part)

    return ".".join([prefix, *(spell(part) for part in parts)])


def _tag(name: str) -> str:
    return f"{{{NAMESPACE}}}{name}"


class _Writer:
    """Writes names and properties with the language of the run as their ``xml:lang``."""

    def __init__(self) -> None:
        self.language = current_language()
        self.words = _words()

    def named(self, parent, tag: str, text: str, **attributes) -> ET.Element:
        element = ET.SubElement(parent, _tag(tag), attributes)
        self.name(element, text)
        return element

    def name(self, element: ET.Element, text: str, tag: str = "name") -> None:
        # ElementTree writes a control character as it is, and the file would not parse.
        ET.SubElement(element, _tag(tag), {XML_LANG: self.language}).text = xml_text(text)

    def properties(self, element: ET.Element, values) -> None:
        values = [(key, value) for key, value in values if value]
        if values:
            container = ET.SubElement(element, _tag("properties"))
            for key, value in values:
                prop = ET.SubElement(container, _tag("property"), {"propertyDefinitionRef": identifier("prop", key)})
                ET.SubElement(prop, _tag("value"), {XML_LANG: self.language}).text = xml_text(value)


def render(landscape, selection) -> str:
    """The selection as an ArchiMate exchange document: elements, relationships, folders,
    property definitions and the default view, in the order the schema wants them."""
    from eacheck.output.graph import systems_by_owner

    ET.register_namespace("", NAMESPACE)
    ET.register_namespace("xsi", XSI)
    writer = _Writer()
    model = ET.Element(_tag("model"), {
        f"{{{XSI}}}schemaLocation": SCHEMA_LOCATION,
        "identifier": identifier("model", "eacheck"),
    })
    writer.name(model, landscape.settings.name or writer.words["model"])

    _write_elements(model, writer, landscape, selection)
    flows = list(_flows(landscape, selection))
    relationships = sorted(
        [flow for flow, _ in flows] + list(_structure(landscape, selection, writer.words["owns"])),
        key=lambda relationship: relationship.identifier,
    )
    _write_relationships(model, writer, relationships)

    grouped, loose = systems_by_owner(landscape, selection)
    view_id = identifier("view", "integrations")
    _write_folders(model, writer, landscape, selection, (grouped, loose), relationships, view_id)
    _write_property_definitions(model, writer)
    if selection.systems:
        in_view = [s for systems in grouped.values() for s in systems] + loose
        _default_view(model, writer, view_id, in_view, [drawn for _, drawn in flows])

    ET.indent(model, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(model, encoding="unicode") + "\n"


def _write_elements(model, writer: _Writer, landscape, selection) -> None:
    """Organizations (with their id and type), systems (with their id and status) and
    capabilities (with their id and sharing)."""
    elements = ET.SubElement(model, _tag("elements"))
    for org_id in selection.organizations:
        organization = landscape.organizations[org_id]
        element = writer.named(elements, "element", organization.name,
                               identifier=identifier("org", org_id), **{XSI_TYPE: "BusinessActor"})
        writer.properties(element, [("id", org_id), ("type", organization.type)])
    for system_id in selection.systems:
        system = landscape.systems[system_id]
        element = writer.named(elements, "element", system.name, identifier=identifier("sys", system_id),
                               **{XSI_TYPE: "ApplicationComponent"})
        writer.properties(element, [("id", system.id), ("status", system.status)])
    for capability_id in selection.capabilities:
        capability = landscape.capabilities[capability_id]
        element = writer.named(elements, "element", capability.name,
                               identifier=identifier("cap", capability_id), **{XSI_TYPE: "Capability"})
        writer.properties(element, [("id", capability_id), ("sharing", capability.sharing)])
    if not len(elements):
        model.remove(elements)  # the schema wants at least one element inside <elements>


def _flows(landscape, selection) -> Iterator[tuple[Relationship, _Flow]]:
    """A ``Flow`` per leg of each shown integration, in the order the view draws them."""
    from eacheck.output.graph import flow_edges

    for tail, head, leg in flow_edges(landscape, selection):
        integration = leg["integration"]
        relationship = Relationship(
            identifier("flow", integration, leg["into"]), "Flow",
            identifier("sys", tail), identifier("sys", head),
            name=landscape.integrations[integration].name or integration,
            properties=(("id", integration), ("status", leg["status"]), ("method", leg["method"])),
        )
        yield relationship, _Flow(relationship.identifier, tail, head)


def _structure(landscape, selection, owns: str) -> Iterator[Relationship]:
    """Who owns and uses each system, what it realizes, and the two hierarchies, each between
    shown elements only (the module docstring says why each has the type it has)."""
    shown_orgs, shown_caps = set(selection.organizations), set(selection.capabilities)
    for system_id in selection.systems:
        system = landscape.systems[system_id]
        if system.owner in shown_orgs:
            yield Relationship(identifier("owns", system.owner, system_id), "Association",
                               identifier("org", system.owner), identifier("sys", system_id), owns)
        for org_id in system.organizations:
            if org_id in shown_orgs:
                yield Relationship(identifier("serves", system_id, org_id), "Serving",
                                   identifier("sys", system_id), identifier("org", org_id))
        for capability_id in dict.fromkeys(system.capabilities):
            if capability_id in shown_caps:
                yield Relationship(identifier("realizes", system_id, capability_id), "Realization",
                                   identifier("sys", system_id), identifier("cap", capability_id))
    for capability_id in selection.capabilities:
        parent = landscape.capabilities[capability_id].parent
        if parent in shown_caps:
            yield Relationship(identifier("composes", parent, capability_id), "Composition",
                               identifier("cap", parent), identifier("cap", capability_id))
    for org_id in selection.organizations:
        parent = landscape.organizations[org_id].parent
        if parent in shown_orgs:
            yield Relationship(identifier("aggregates", parent, org_id), "Aggregation",
                               identifier("org", parent), identifier("org", org_id))


def _write_relationships(model, writer: _Writer, relationships: list[Relationship]) -> None:
    if not relationships:
        return
    container = ET.SubElement(model, _tag("relationships"))
    for relationship in relationships:
        attributes = {"identifier": relationship.identifier, "source": relationship.source,
                      "target": relationship.target, XSI_TYPE: relationship.type}
        if relationship.type == "Association":
            attributes["isDirected"] = "true"  # owner → system reads one way only
        element = ET.SubElement(container, _tag("relationship"), attributes)
        if relationship.name:
            writer.name(element, relationship.name)
        writer.properties(element, relationship.properties)


def _write_folders(model, writer: _Writer, landscape, selection, by_owner, relationships,
                   view_id: str) -> None:
    """The ``<organizations>`` tree: a folder per kind of concept, systems by their owner."""
    grouped, loose = by_owner
    words = writer.words
    folders = [
        (words["organizations"], [identifier("org", o) for o in selection.organizations], []),
        (words["systems"], [identifier("sys", s) for s in loose],
         [(landscape.organizations[owner].name, [identifier("sys", s) for s in systems])
          for owner, systems in grouped.items()]),
        (words["capabilities"], [identifier("cap", c) for c in selection.capabilities], []),
        (words["relations"], [relationship.identifier for relationship in relationships], []),
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


def _write_property_definitions(model, writer: _Writer) -> None:
    definitions = ET.SubElement(model, _tag("propertyDefinitions"))
    for key in _PROPERTY_KEYS:
        writer.named(definitions, "propertyDefinition", writer.words[key],
                     identifier=identifier("prop", key), type="string")


def _default_view(model, writer: _Writer, view_id: str, systems: list[str], flows: list[_Flow]) -> None:
    """One diagram with every shown system in a grid and its flows drawn between them."""
    views = ET.SubElement(model, _tag("views"))
    diagrams = ET.SubElement(views, _tag("diagrams"))
    view = writer.named(diagrams, "view", writer.words["view"], identifier=view_id, **{XSI_TYPE: "Diagram"})
    nodes = {}
    for index, system_id in enumerate(systems):
        row, column = divmod(index, _COLUMNS)
        nodes[system_id] = identifier("node", system_id)
        ET.SubElement(view, _tag("node"), {
            "identifier": nodes[system_id], "elementRef": identifier("sys", system_id),
            XSI_TYPE: "Element",
            "x": str(_MARGIN + column * (_WIDTH + _GAP_X)), "y": str(_MARGIN + row * (_HEIGHT + _GAP_Y)),
            "w": str(_WIDTH), "h": str(_HEIGHT),
        })
    for flow in flows:
        ET.SubElement(view, _tag("connection"), {
            "identifier": identifier("conn", flow.relationship), "relationshipRef": flow.relationship,
            XSI_TYPE: "Relationship", "source": nodes[flow.tail], "target": nodes[flow.head],
        })
