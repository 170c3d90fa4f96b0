"""`eacheck graph`: every format read back by a real parser, filters, hostile names."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET

import networkx as nx
import pytest
from conftest import PROJECT_ROOT

from eacheck import api

# A name that breaks naive quoting in every format: quotes, markup, entities, brackets of every
# kind, Mermaid's pipe and hash, a backtick, backslashes (one at the very end), Swedish letters.
HOSTILE = 'Hård "citat" <b>&amp;</b> [hak] {klammer} (parentes) |rör| #nr; `tick` bak\\snedstreck\\'
HOSTILE_SYSTEM = 'Sys "end" ]] \\ <x> & #35; å ä ö'

HOSTILE_FILES = {
    "architecture/hostile.yaml": """\
        kind: organization
        id: fientlig
        name: '{org}'
        type: company
        parent: stadshus
        ---
        kind: system
        id: end
        name: '{system}'
        owner: fientlig
        used_by: [ks]
        capabilities: [ekonomi]
        lifecycle: {{status: active}}
        ---
        kind: system
        id: o
        name: Plattform
        owner: ks
        used_by: [stadshus]
        capabilities: [ekonomi]
        group_common: true
        lifecycle: {{status: active}}
        ---
        kind: system
        id: x
        name: Kommande
        owner: fientlig
        capabilities: [ekonomi]
        lifecycle: {{status: planned}}
        ---
        kind: integration
        id: end-till-ekonomi
        from: end
        to: ekonomisystem
        via: o
        ---
        kind: integration
        id: x-till-end
        from: x
        to: end
        status: planned
        """.format(org=HOSTILE.replace("'", "''"), system=HOSTILE_SYSTEM.replace("'", "''")),
}


@pytest.fixture
def hostile(repository):
    root = repository(HOSTILE_FILES)
    assert not api.open_repository(root).problems
    return root


def _graph(run, *args) -> str:
    result = run("graph", *args)
    assert result.exit_code == 0, result.output
    return result.stdout


def _example_shown():
    """What the unfiltered example shows, counted straight from the entities (not via the graph
    layer): non-retired systems, non-retired integrations between them (two legs when via),
    their organizations and capabilities, and the owns/uses/serves/part-of links among them."""
    landscape = api.open_repository(PROJECT_ROOT).landscape
    systems = {s.id for s in landscape.systems.values() if s.status != "retired"}
    integrations = [i for i in landscape.integrations.values()
                    if i.status != "retired" and i.source in systems and i.target in systems]
    organizations = {o for s in systems for o in landscape.systems[s].organizations}
    capabilities = {c for s in systems for c in landscape.systems[s].capabilities}
    legs = sum(2 if i.via else 1 for i in integrations)
    owns = len(systems)
    uses = sum(len(set(landscape.systems[s].used_by) - {landscape.systems[s].owner}) for s in systems)
    serves = sum(len(set(landscape.systems[s].capabilities)) for s in systems)
    part_of = sum(1 for c in capabilities if landscape.capabilities[c].parent in capabilities) + sum(
        1 for o in organizations if landscape.organizations[o].parent in organizations)
    return {
        "landscape": landscape, "systems": systems, "integrations": integrations,
        "organizations": organizations, "capabilities": capabilities,
        "nodes": len(systems) + len(organizations) + len(capabilities),
        "edges": legs + owns + uses + serves + part_of, "legs": legs,
    }


# -- GraphML ----------------------------------------------------------------------------------


def test_graphml_reads_back_with_the_expected_nodes_and_edges(run, tmp_path):
    expected = _example_shown()
    out = tmp_path / "landskap.graphml"
    assert _graph(run, PROJECT_ROOT, "--format", "graphml", "--out", out) == ""
    graph = nx.read_graphml(out, force_multigraph=True)
    assert graph.number_of_nodes() == expected["nodes"]
    assert graph.number_of_edges() == expected["edges"]
    systems = {n for n, a in graph.nodes(data=True) if a["kind"] == "system"}
    assert systems == expected["systems"]
    assert graph.nodes["integrationsplattform"]["group_common"] is True
    assert graph.nodes["ksf"]["label"] == "Kommunstyrelseförvaltningen"
    flows = [a for _, _, a in graph.edges(data=True) if a["kind"] == "flow"]
    assert len(flows) == expected["legs"]


def test_graphml_keeps_hostile_names(run, hostile):
    graph = nx.parse_graphml(_graph(run, hostile, "--format", "graphml"), force_multigraph=True)
    assert graph.nodes["fientlig"]["name"] == HOSTILE
    assert graph.nodes["end"]["name"] == HOSTILE_SYSTEM
    legs = sorted((u, v, a["integration"]) for u, v, a in graph.edges(data=True) if a["kind"] == "flow")
    assert legs == [("end", "o", "end-till-ekonomi"), ("o", "ekonomisystem", "end-till-ekonomi"),
                    ("x", "end", "x-till-end")]


# -- Graphviz DOT -----------------------------------------------------------------------------


def _dot() -> str:
    found = shutil.which("dot")
    if found:
        return found
    if os.environ.get("EACHECK_REQUIRE_TOOLS"):
        pytest.fail("Graphviz `dot` is not installed, and EACHECK_REQUIRE_TOOLS is set")
    pytest.skip("Graphviz `dot` is not installed (scripts/install-test-tools.sh installs it)")


def _render_svg(dot_source: str) -> ET.Element:
    done = subprocess.run([_dot(), "-Tsvg"], input=dot_source.encode("utf-8"), capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr.decode()
    assert done.stderr == b"", done.stderr.decode()  # no warnings either
    return ET.fromstring(done.stdout)


def _svg_texts(svg: ET.Element) -> list[str]:
    return [element.text for element in svg.iter("{http://www.w3.org/2000/svg}text")]


def test_dot_of_the_example_renders_without_warnings(run):
    expected = _example_shown()
    svg = _render_svg(_graph(run, PROJECT_ROOT, "--format", "dot"))
    titles = {element.text for element in svg.iter("{http://www.w3.org/2000/svg}title")}
    assert expected["systems"] <= titles


def test_dot_shows_hostile_names_exactly_as_written(run, hostile):
    texts = _svg_texts(_render_svg(_graph(run, hostile, "--format", "dot")))
    assert HOSTILE in texts  # the cluster label of the owning organization
    assert HOSTILE_SYSTEM in texts


# -- ArchiMate Open Exchange Format -----------------------------------------------------------

NS = "{http://www.opengroup.org/xsd/archimate/3.0/}"
XSI_TYPE = "{http://www.w3.org/2001/XMLSchema-instance}type"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
NCNAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.\-]*$")

# The element and relationship types of the ArchiMate 3.1 exchange-format schema
# (archimate3_Model.xsd, "XSD Version: 3.1", as shipped in archimatetool/archi's
# org.opengroup.archimate.xmlexchange/xsd; the 3.0 copy in archimatetool/OpenGroupXMLExchange
# lacks ValueStream): ElementTypeEnum (which includes the composites and junctions) and
# RelationshipTypeEnum.
ELEMENT_TYPES = {
    "BusinessActor", "BusinessRole", "BusinessCollaboration", "BusinessInterface", "BusinessProcess",
    "BusinessFunction", "BusinessInteraction", "BusinessEvent", "BusinessService", "BusinessObject",
    "Contract", "Representation", "Product", "ApplicationComponent", "ApplicationCollaboration",
    "ApplicationInterface", "ApplicationFunction", "ApplicationInteraction", "ApplicationProcess",
    "ApplicationEvent", "ApplicationService", "DataObject", "Node", "Device", "SystemSoftware",
    "TechnologyCollaboration", "TechnologyInterface", "Path", "CommunicationNetwork",
    "TechnologyFunction", "TechnologyProcess", "TechnologyInteraction", "TechnologyEvent",
    "TechnologyService", "Artifact", "Equipment", "Facility", "DistributionNetwork", "Material",
    "Stakeholder", "Driver", "Assessment", "Goal", "Outcome", "Principle", "Requirement",
    "Constraint", "Meaning", "Value", "Resource", "Capability", "ValueStream", "CourseOfAction",
    "WorkPackage", "Deliverable", "ImplementationEvent", "Plateau", "Gap", "Grouping", "Location",
    "AndJunction", "OrJunction",
}
RELATIONSHIP_TYPES = {
    "Composition", "Aggregation", "Assignment", "Realization", "Serving", "Access", "Influence",
    "Triggering", "Flow", "Specialization", "Association",
}
# From the ArchiMate 3.1 relationship table (Appendix B, as encoded in Archi's relationships.xml
# for 3.1), the pairs this exporter uses: which relationships are allowed from the first element
# type to the second. Note that Assignment is not allowed from a BusinessActor to an
# ApplicationComponent.
ALLOWED = {
    ("BusinessActor", "ApplicationComponent"): {"Flow", "Association", "Triggering", "Serving"},
    ("ApplicationComponent", "BusinessActor"): {"Flow", "Association", "Triggering", "Serving"},
    ("ApplicationComponent", "Capability"): {"Association", "Realization"},
    ("ApplicationComponent", "ApplicationComponent"): {
        "Composition", "Flow", "Aggregation", "Association", "Realization", "Specialization",
        "Triggering", "Serving"},
    ("BusinessActor", "BusinessActor"): {
        "Composition", "Flow", "Aggregation", "Association", "Specialization", "Triggering", "Serving"},
    ("BusinessActor", "Capability"): {"Association", "Realization"},
    ("Capability", "Capability"): {
        "Composition", "Flow", "Aggregation", "Association", "Specialization", "Triggering", "Serving"},
}


def _check_archimate(text: str) -> ET.Element:
    model = ET.fromstring(text)
    assert model.tag == f"{NS}model"
    identifiers = [e.get("identifier") for e in model.iter() if e.get("identifier") is not None]
    assert len(identifiers) == len(set(identifiers)), "identifiers must be unique"
    for identifier in identifiers:
        assert NCNAME.match(identifier), identifier
    elements = {e.get("identifier"): e for e in model.iter(f"{NS}element")}
    for element in elements.values():
        assert element.get(XSI_TYPE) in ELEMENT_TYPES
        assert element.find(f"{NS}name").get(XML_LANG) == "sv"
    for relationship in model.iter(f"{NS}relationship"):
        kind = relationship.get(XSI_TYPE)
        assert kind in RELATIONSHIP_TYPES
        source, target = elements[relationship.get("source")], elements[relationship.get("target")]
        assert kind in ALLOWED[(source.get(XSI_TYPE), target.get(XSI_TYPE))], relationship.attrib
    everything = set(identifiers)
    for element in model.iter():
        for attribute in ("identifierRef", "elementRef", "relationshipRef", "propertyDefinitionRef"):
            if element.get(attribute) is not None:
                assert element.get(attribute) in everything, element.attrib
    return model


def _types(model: ET.Element) -> dict[str, list[ET.Element]]:
    found: dict[str, list[ET.Element]] = {}
    for element in [*model.iter(f"{NS}element"), *model.iter(f"{NS}relationship")]:
        found.setdefault(element.get(XSI_TYPE), []).append(element)
    return found


def test_archimate_of_the_example_is_valid_and_complete(run):
    expected = _example_shown()
    text = _graph(run, PROJECT_ROOT, "--format", "archimate")
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    model = _check_archimate(text)
    types = _types(model)
    assert len(types["BusinessActor"]) == len(expected["organizations"])
    assert len(types["ApplicationComponent"]) == len(expected["systems"])
    assert len(types["Capability"]) == len(expected["capabilities"])
    assert len(types["Flow"]) == expected["legs"]
    assert len(types["Association"]) == len(expected["systems"])  # one owner each
    assert {f.find(f"{NS}name").text for f in types["Flow"]} >= {i.id for i in expected["integrations"]}
    # A default view shows every system.
    nodes = [n for n in model.iter(f"{NS}node")]
    assert len(nodes) == len(expected["systems"])
    assert _graph(run, PROJECT_ROOT, "--format", "archimate") == text  # same bytes every time


def test_archimate_keeps_hostile_names(run, hostile):
    model = _check_archimate(_graph(run, hostile, "--format", "archimate"))
    names = {e.get("identifier"): e.find(f"{NS}name").text for e in model.iter(f"{NS}element")}
    assert names["org.fientlig"] == HOSTILE and names["sys.end"] == HOSTILE_SYSTEM
    flows = sorted((r.get("source"), r.get("target")) for r in _types(model)["Flow"])
    assert flows == [("sys.end", "sys.o"), ("sys.o", "sys.ekonomisystem"), ("sys.x", "sys.end")]
    aggregation = _types(model)["Aggregation"]
    assert [(r.get("source"), r.get("target")) for r in aggregation] == [
        ("org.stadshus", "org.bostad"), ("org.stadshus", "org.fientlig")]


def test_archimate_identifiers_are_ncnames_whatever_the_input():
    from eacheck.output.graph.archimate import identifier

    made = {identifier("sys", value) for value in ("9lives", "a:b", "a.b", "a_b", "a b", "å", "a-b")}
    assert len(made) == 7
    for value in made:
        assert NCNAME.match(value), value


# -- Mermaid ----------------------------------------------------------------------------------

MERMAID_ID = r"[A-Za-z][A-Za-z0-9_]*"
MERMAID_LABEL = r'"[^"]*"'
DECLARATION = re.compile(rf"^\s*(?:subgraph\s+)?({MERMAID_ID})\[({MERMAID_LABEL})\]$")
EDGE = re.compile(rf"^\s*({MERMAID_ID}) (-->|-\.->)\|({MERMAID_LABEL})\| ({MERMAID_ID})$")
CLASS = re.compile(rf"^\s*class ({MERMAID_ID}(?:,{MERMAID_ID})*) ({MERMAID_ID})$")


def _parse_mermaid(text: str):
    """Every line must be a known statement; returns declared ids, labels by id and edges."""
    lines = text.splitlines()
    assert lines[0] == "flowchart LR"
    declared, labels, edges, depth = set(), {}, [], 0
    for line in lines[1:]:
        if match := DECLARATION.match(line):
            assert match.group(1) not in declared
            declared.add(match.group(1))
            labels[match.group(1)] = match.group(2)
            depth += line.strip().startswith("subgraph ")
        elif match := EDGE.match(line):
            edges.append((match.group(1), match.group(2), match.group(3), match.group(4)))
        elif line.strip() == "end":
            depth -= 1
        elif match := CLASS.match(line):
            assert set(match.group(1).split(",")) <= declared
        else:
            assert line.strip().startswith("classDef "), line
    assert depth == 0
    for tail, _, _, head in edges:
        assert tail in declared and head in declared
    assert "end" not in declared
    return declared, labels, edges


def _mermaid_text(label: str) -> str:
    """The text a quoted Mermaid label shows; nothing but entity codes may hide a special."""
    inner = label[1:-1]
    assert not set(re.sub(r"#\d+;", "", inner)) & set('"[](){}<>&|#`\\')
    return re.sub(r"#(\d+);", lambda m: chr(int(m.group(1))), inner)


def test_mermaid_of_the_example_is_well_formed(run):
    expected = _example_shown()
    declared, labels, edges = _parse_mermaid(_graph(run, PROJECT_ROOT))  # mermaid is the default
    systems = {node for node in declared if node.startswith("sys_")}
    assert len(systems) == len(expected["systems"])
    assert _mermaid_text(labels["sys_integrationsplattform"]) == "Integrationsplattform"
    assert len(edges) == expected["legs"]


def test_mermaid_escapes_hostile_names(run, hostile):
    declared, labels, edges = _parse_mermaid(_graph(run, hostile, "--format", "mermaid"))
    assert _mermaid_text(labels["org_fientlig"]) == HOSTILE
    assert _mermaid_text(labels["sys_end"]) == HOSTILE_SYSTEM
    # The planned integration is dashed; the flow via the platform runs through it.
    assert [(t, a, _mermaid_text(label), h) for t, a, label, h in edges] == [
        ("sys_end", "-->", "end-till-ekonomi", "sys_o"),
        ("sys_o", "-->", "end-till-ekonomi", "sys_ekonomisystem"),
        ("sys_x", "-.->", "x-till-end", "sys_end"),
    ]


# -- filters ----------------------------------------------------------------------------------


def _mermaid_systems(run, *args) -> set[str]:
    declared, _, _ = _parse_mermaid(_graph(run, PROJECT_ROOT, "--format", "mermaid", *args))
    return {node.removeprefix("sys_").replace("_", "-") for node in declared if node.startswith("sys_")}


def test_filter_by_organization(run):
    # grep 'used_by:.*hamn' architecture/systems: eleven ksf systems and styrelseportal; hamn
    # itself owns hamnsystem and hamn-passagekontroll (architecture/systems/hamn/).
    assert _mermaid_systems(run, "--organization", "hamn") == {
        "hamn-passagekontroll", "hamnsystem", "styrelseportal", "arendehantering", "avtalssystem",
        "beslutsstod", "ekonomisystem", "identitetshantering", "integrationsplattform",
        "it-servicedesk", "kontorssvit", "lonesystem", "rekryteringssystem", "webbplattform",
    }


def test_filter_by_capability_includes_capabilities_below_it(run, tmp_path):
    # architecture/capabilities/samhallsbyggnad.yaml: community-building has gis, building-permits,
    # environmental-inspection, spatial-planning and permits-licensing under it, served by
    # gis-plattform, bygglovssystem, miljotillsynssystem, planarkiv and tillstandssystem. Among
    # them run int-planarkiv-gis-plattform, int-gis-plattform-bygglovssystem (direct) and
    # int-gis-plattform-miljotillsynssystem (via integrationsplattform, which is then shown).
    assert _mermaid_systems(run, "--capability", "community-building") == {
        "gis-plattform", "bygglovssystem", "miljotillsynssystem", "planarkiv", "tillstandssystem",
        "integrationsplattform",
    }
    out = tmp_path / "cap.graphml"
    _graph(run, PROJECT_ROOT, "--format", "graphml", "--capability", "community-building", "--out", out)
    graph = nx.read_graphml(out, force_multigraph=True)
    flows = sorted((u, v) for u, v, a in graph.edges(data=True) if a["kind"] == "flow")
    assert flows == [("gis-plattform", "bygglovssystem"), ("gis-plattform", "integrationsplattform"),
                     ("integrationsplattform", "miljotillsynssystem"), ("planarkiv", "gis-plattform")]


def test_filter_group_common(run):
    # grep -l 'group_common: true' architecture/systems: fourteen ksf systems and gis-plattform.
    assert _mermaid_systems(run, "--group-common") == {
        "arendehantering", "avtalssystem", "beslutsstod", "e-arkiv", "e-legitimering",
        "e-tjansteplattform", "ekonomisystem", "identitetshantering", "integrationsplattform",
        "it-servicedesk", "kontorssvit", "lonesystem", "rekryteringssystem", "webbplattform",
        "gis-plattform",
    }


def test_filters_combine(run):
    # The two lists above intersected: hamn's own systems and styrelseportal are not group-common.
    assert _mermaid_systems(run, "--group-common", "--organization", "hamn") == {
        "arendehantering", "avtalssystem", "beslutsstod", "ekonomisystem", "identitetshantering",
        "integrationsplattform", "it-servicedesk", "kontorssvit", "lonesystem", "rekryteringssystem",
        "webbplattform",
    }


@pytest.mark.parametrize(("option", "value", "message"), [
    ("--organization", "hamnen", "no organization has the id 'hamnen'; did you mean 'hamn'?"),
    ("--capability", "ksf", "'ksf' is an organization, not a capability"),
    ("--capability", "zzz", "no capability has the id 'zzz'"),
])
def test_unknown_filter_ids_exit_2(run, option, value, message):
    result = run("graph", PROJECT_ROOT, option, value, "--lang", "en")
    assert result.exit_code == 2
    assert message in result.output
    assert result.stdout == ""


def test_broken_files_are_noted_and_left_out(run, repository):
    root = repository({"architecture/broken.yaml": "kind: system\nid: trasig\nname: Trasig\n"})
    result = run("graph", root, "--format", "mermaid", "--lang", "en")
    assert result.exit_code == 0
    assert "problems in the files" in result.stderr and "trasig" not in result.stdout
    assert "sys_ekonomisystem" in result.stdout


def test_out_writes_the_file_and_a_bad_folder_exits_2(run, tmp_path):
    out = tmp_path / "landskap.mmd"
    assert _graph(run, PROJECT_ROOT, "--group-common", "--out", out) == ""
    assert out.read_text(encoding="utf-8") == _graph(run, PROJECT_ROOT, "--group-common")
    result = run("graph", PROJECT_ROOT, "--out", tmp_path / "saknas" / "x.mmd")
    assert result.exit_code == 2 and "kan inte skriva" in result.output
