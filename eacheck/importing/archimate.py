"""ArchiMate 3.1 exchange files (The Open Group's Open Exchange Format) to candidate entities.

Reads what `eacheck graph --format archimate` writes and what Archi writes when it exports a
model of the same elements; it depends on the format alone, never on how eacheck's own exporter
names things. The file is parsed with defusedxml, which refuses entity declarations and
external references.

- ``BusinessActor`` → organization; ``Capability`` → capability; ``ApplicationComponent`` →
  system.
- A system's owner is the organization joined to it by an ``Association`` (the one named
  "owns"/"äger" when there are several); without one, the only organization it serves. Its users
  are the organizations it serves (``Serving``), its capabilities those it realizes or serves.
- ``Aggregation`` or ``Composition`` from one organization or capability to another makes the
  first the parent.
- Each ``Flow`` between application components is an integration; two flows with the same
  eacheck id through a third component are one integration via that component (the platform).

Properties carry what the relationships cannot: the eacheck id, an organization's type, a
capability's sharing, a system's lifecycle status, an integration's status and method. They are
found by the name of their definition, in Swedish or English ("eacheck-id", "Status", "Typ" …).
An element without an id property gets the slug of its name. Without a type, an organization
with a parent is a company, one with children a holding company, and any other an
administration; without a status, a system is active. Each guess is listed in a note.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eacheck.i18n import msg, msg_n
from eacheck.importing.candidates import Candidate
from eacheck.importing.problems import Problem, Where
from eacheck.importing.text import CONTROL, normalized, shown, slug

NAMESPACES = ("http://www.opengroup.org/xsd/archimate/3.0/", "http://www.opengroup.org/xsd/archimate/3.1/")
XSI_TYPE = "{http://www.w3.org/2001/XMLSchema-instance}type"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

_PROPERTY_KEYS = {
    "id": {"eacheck-id", "eacheck id", "eacheck_id", "id"},
    "status": {"status", "livscykelstatus", "lifecycle status", "lifecycle.status"},
    "method": {"metod", "method"},
    "type": {"typ", "type", "organisationstyp", "organization type"},
    "sharing": {"delning", "sharing"},
}
_KEY_OF = {name: key for key, names in _PROPERTY_KEYS.items() for name in names}
_OWNS = {"owns", "äger", "ägare", "owner", "systemägare"}
_KINDS = {"BusinessActor": "organization", "Capability": "capability", "ApplicationComponent": "system"}


@dataclass
class _Concept:
    identifier: str
    type: str
    name: str
    properties: dict[str, str] = field(default_factory=dict)
    source: str = ""
    target: str = ""


def _local(tag: str) -> tuple[str, str]:
    namespace, _, name = tag[1:].partition("}") if tag.startswith("{") else ("", "", tag)
    return namespace, name


def _text(element, tag: str, language: str) -> str:
    """The element's ``tag`` child in ``language`` if there is one, else the first."""
    found = [child for child in element if _local(child.tag)[1] == tag]
    for child in found:
        if child.get(XML_LANG) == language:
            return (child.text or "").strip()
    return (found[0].text or "").strip() if found else ""


def _children(element, tag: str):
    return [child for child in element if _local(child.tag)[1] == tag]


def parse(path: Path, label: str):
    """The model's root element; raises :class:`ValueError` with a message when it cannot be read."""
    import defusedxml.ElementTree as SafeTree
    from defusedxml import DefusedXmlException

    try:
        root = SafeTree.parse(path).getroot()
    except DefusedXmlException:
        raise ValueError(msg("the file declares XML entities or external references, which no ArchiMate "
                             "tool writes (a hostile file?); eacheck does not read it")) from None
    except SafeTree.ParseError as error:
        line, column = getattr(error, "position", (1, 1))
        raise ValueError(msg("the file is not well-formed XML (line {line}, column {column}); export the "
                             "model again", line=line, column=column)) from None
    namespace, name = _local(root.tag)
    if name != "model" or namespace not in NAMESPACES:
        raise ValueError(msg("this is not an ArchiMate exchange file (its root is not <model> in the "
                             "namespace {namespace}); in Archi, use File > Export > Model to Open "
                             "Exchange File", namespace=NAMESPACES[0]))
    return root


def read(path: Path, label: str, language: str) -> tuple[list[Candidate], list[Problem], list]:
    """(candidates, problems, notes) of the model at ``path``."""
    try:
        root = parse(path, label)
    except ValueError as error:
        return [], [Problem(Where(label, order=(-1,)), error.args[0])], []
    definitions = {}
    for container in _children(root, "propertyDefinitions"):
        for definition in _children(container, "propertyDefinition"):
            key = _KEY_OF.get(normalized(_text(definition, "name", language)))
            if key:
                definitions[definition.get("identifier")] = key

    def concept(element) -> _Concept:
        found = _Concept(element.get("identifier") or "", element.get(XSI_TYPE) or "",
                         _text(element, "name", language), {},
                         element.get("source") or "", element.get("target") or "")
        for properties in _children(element, "properties"):
            for prop in _children(properties, "property"):
                key = definitions.get(prop.get("propertyDefinitionRef"))
                if key:
                    found.properties[key] = _text(prop, "value", language)
        return found

    elements = {c.identifier: c for container in _children(root, "elements")
                for c in map(concept, _children(container, "element")) if c.type in _KINDS}
    relationships = [concept(r) for container in _children(root, "relationships")
                     for r in _children(container, "relationship")]
    return _Builder(label, language, elements, relationships).build()


def _check_text(candidate: Candidate, concept: _Concept) -> None:
    """What a spreadsheet cell may not hold, a model's names and properties may not either: a
    control character (bidirectional overrides included), or a line break in a one-line value."""
    for key, text in [(None, concept.name), *sorted(concept.properties.items())]:
        found = CONTROL.search(text.replace("\r\n", "\n").replace("\r", "\n"))
        if found and key is None:
            candidate.problem(None, msg("the name holds the control character {character}, which no text "
                                        "needs; delete it in the model", character=repr(found[0])))
        elif found:
            candidate.problem(None, msg("the property '{property}' holds the control character {character}, "
                                        "which no text needs; delete it in the model",
                                        property=key, character=repr(found[0])))
        elif "\n" in text and key is None:
            candidate.problem(None, msg("the name holds a line break; write it on one line in the model"))
        elif "\n" in text:
            candidate.problem(None, msg("the property '{property}' holds a line break; write it on one "
                                        "line in the model", property=key))


class _Builder:
    def __init__(self, label: str, language: str, elements: dict[str, _Concept], relationships: list[_Concept]):
        self.label = label
        self.language = language
        self.elements = elements
        self.relationships = [r for r in relationships if r.source in elements and r.target in elements]
        self.candidates: dict[str, Candidate] = {}
        self.ids: dict[str, str] = {}
        self.notes: list = []
        # A flow that starts or ends at something eacheck does not import (a junction, a node, an
        # interface) is no integration eacheck can write; say so rather than drop it unseen.
        left_out = sorted(f"'{shown(r.name)}' ({shown(r.identifier)})" if r.name else shown(r.identifier)
                          for r in relationships if r.type == "Flow"
                          and (r.source not in elements or r.target not in elements))
        if left_out:
            shown_flows = ", ".join(left_out[:10]) + (f" (+{len(left_out) - 10})" if len(left_out) > 10 else "")
            self.notes.append(msg_n(
                "note: {n} flow starts or ends at an element eacheck does not import (a junction, a node, "
                "an interface …), so it is no integration; draw it between the two systems: {flows}",
                "note: {n} flows start or end at elements eacheck does not import (junctions, nodes, "
                "interfaces …), so they are no integrations; draw them between the two systems: {flows}",
                len(left_out), flows=shown_flows))

    def kind(self, identifier: str) -> str:
        return _KINDS[self.elements[identifier].type]

    def between(self, types: set[str], source_kind: str, target_kind: str):
        return [r for r in self.relationships if r.type in types
                and self.kind(r.source) == source_kind and self.kind(r.target) == target_kind]

    def build(self):
        for order, element in enumerate(sorted(self.elements.values(), key=lambda e: (e.type, e.name, e.identifier))):
            entity_id = element.properties.get("id") or slug(element.name) or None
            where = Where(self.label, element=f"element '{shown(element.name)}' ({shown(element.identifier)})",
                          order=(order,))
            candidate = Candidate(_KINDS[element.type], entity_id, where, id_column=None, name=element.name)
            _check_text(candidate, element)
            candidate.value = {"kind": candidate.kind, "id": entity_id}
            if element.name:
                candidate.value["name"] = element.name
            if entity_id is None:
                candidate.problem(None, msg("the element has neither a name nor an eacheck id; name it"))
            self.candidates[element.identifier] = candidate
            self.ids[element.identifier] = entity_id
        # An element without an id is reported above; relationships to it are left out, so no
        # other entity refers to what does not exist.
        self.relationships = [r for r in self.relationships
                              if self.ids[r.source] is not None and self.ids[r.target] is not None]
        self._parents()
        self._organizations()
        self._capabilities()
        self._systems()
        integrations = self._integrations()
        candidates = [c for c in self.candidates.values() if c.id is not None] + integrations
        problems = [p for c in self.candidates.values() if c.id is None for p in c.problems]
        return candidates, problems, self.notes

    def _parents(self) -> None:
        for kind in ("organization", "capability"):
            for relation in self.between({"Aggregation", "Composition"}, kind, kind):
                child = self.candidates[relation.target]
                if "parent" in child.value and child.value["parent"] != self.ids[relation.source]:
                    child.problem(None, msg("'parent': the element is a part of more than one other; keep one"))
                child.value["parent"] = self.ids[relation.source]

    def _organizations(self) -> None:
        parents = {r.source for r in self.between({"Aggregation", "Composition"}, "organization", "organization")}
        guessed = []
        for identifier, candidate in self.candidates.items():
            if candidate.kind != "organization" or candidate.id is None:
                continue
            given = self.elements[identifier].properties.get("type")
            if given:
                candidate.value["type"] = given
                continue
            guess = "company" if "parent" in candidate.value else "holding" if identifier in parents else "administration"
            candidate.value["type"] = guess
            guessed.append(f"{candidate.id} ({guess})")
        if guessed:
            self.notes.append(msg("note: the model does not say what type of organization these are, so "
                                  "eacheck guessed; check them: {organizations}", organizations=", ".join(sorted(guessed))))

    def _capabilities(self) -> None:
        for identifier, candidate in self.candidates.items():
            sharing = self.elements[identifier].properties.get("sharing")
            if candidate.kind == "capability" and sharing:
                candidate.value["sharing"] = sharing

    def _systems(self) -> None:
        associations = defaultdict(list)
        for relation in self.relationships:
            if relation.type != "Association":
                continue
            ends = {self.kind(relation.source): relation.source, self.kind(relation.target): relation.target}
            if set(ends) == {"organization", "system"}:
                associations[ends["system"]].append((ends["organization"], relation))
        serving = defaultdict(set)
        for relation in self.between({"Serving"}, "system", "organization"):
            serving[relation.source].add(self.ids[relation.target])
        capabilities = defaultdict(set)
        for relation in self.between({"Realization", "Serving"}, "system", "capability"):
            capabilities[relation.source].add(self.ids[relation.target])
        defaulted = []
        for identifier, candidate in self.candidates.items():
            if candidate.kind != "system" or candidate.id is None:
                continue
            owner = self._owner(candidate, associations[identifier], serving[identifier])
            if owner:
                candidate.value["owner"] = owner
            users = sorted(serving[identifier] - {owner})
            if users:
                candidate.value["used_by"] = users
            if capabilities[identifier]:
                candidate.value["capabilities"] = sorted(capabilities[identifier])
            status = self.elements[identifier].properties.get("status")
            if not status:
                status = "active"
                defaulted.append(candidate.id)
            candidate.value["lifecycle"] = {"status": status}
        if defaulted:
            self.notes.append(msg("note: the model gives no lifecycle status for these systems, so they are "
                                  "imported as active: {systems}", systems=", ".join(sorted(defaulted))))

    def _owner(self, candidate: Candidate, associations, served: set[str]) -> str | None:
        if len(associations) > 1:
            named = [(org, r) for org, r in associations if normalized(r.name) in _OWNS]
            associations = named if len(named) == 1 else associations
        if len(associations) == 1:
            return self.ids[associations[0][0]]
        if len(associations) > 1:
            candidate.problem(None, msg("'owner': associated with more than one organization ({organizations}); "
                                        "name the owner's association \"owns\"",
                                        organizations=", ".join(sorted(self.ids[o] for o, _ in associations))))
            return None
        if len(served) == 1:
            return next(iter(served))
        return None  # the loader says that the system needs an owner

    def _integrations(self) -> list[Candidate]:
        flows = self.between({"Flow"}, "system", "system")
        groups: dict[str, list[_Concept]] = defaultdict(list)
        for flow in flows:
            groups[flow.properties.get("id") or flow.identifier].append(flow)
        found = []
        word = "till" if self.language == "sv" else "to"
        for order, (key, legs) in enumerate(sorted(groups.items())):
            legs.sort(key=lambda leg: leg.identifier)
            where = Where(self.label, element=f"relationship '{shown(legs[0].name or key)}' ({shown(legs[0].identifier)})",
                          order=(len(self.elements) + order,))
            if len(legs) == 1:
                source, target, via = legs[0].source, legs[0].target, None
            elif len(legs) == 2 and (legs[0].target == legs[1].source or legs[1].target == legs[0].source):
                first, second = legs if legs[0].target == legs[1].source else legs[::-1]
                source, target, via = first.source, second.target, first.target
            else:
                candidate = Candidate("integration", None, where)
                candidate.problem(None, msg("{count} flows carry the eacheck id '{id}' but do not pass through one "
                                            "platform; give each flow its own id", count=len(legs), id=key))
                found.append(candidate)
                continue
            properties = legs[0].properties
            entity_id = properties.get("id") or slug(legs[0].name) or slug(
                f"{self.ids[source]}-{word}-{self.ids[target]}")
            candidate = Candidate("integration", entity_id, where)
            _check_text(candidate, legs[0])
            value: dict[str, Any] = {"kind": "integration", "id": entity_id}
            if legs[0].name and legs[0].name != entity_id:
                value["name"] = legs[0].name
            value.update({"from": self.ids[source], "to": self.ids[target]})
            if via:
                value["via"] = self.ids[via]
            for key_name in ("method", "status"):
                if properties.get(key_name):
                    value[key_name] = properties[key_name]
            candidate.value = value
            found.append(candidate)
        return found
