"""`eacheck import MODEL.xml`: ArchiMate 3.1 exchange files from eacheck's own export and from Archi."""

from __future__ import annotations

import shutil
import textwrap
import uuid
import xml.etree.ElementTree as ET

from conftest import PROJECT_ROOT
from importing_helpers import empty_repository, snapshot

from eacheck import api

NS = "http://www.opengroup.org/xsd/archimate/3.0/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _graph(run, root) -> str:
    result = run("graph", root, "--format", "archimate")
    assert result.exit_code == 0, result.output
    return result.stdout


def _entities_and_relations(text: str) -> tuple[set, set]:
    """What an ArchiMate model says, independent of identifiers and order: elements by type,
    name and properties; relationships by type and the names of their ends."""
    model = ET.fromstring(text)
    definitions = {d.get("identifier"): d.find(f"{{{NS}}}name").text
                   for d in model.iter(f"{{{NS}}}propertyDefinition")}

    def properties(element) -> tuple:
        return tuple(sorted((definitions[p.get("propertyDefinitionRef")], p.find(f"{{{NS}}}value").text)
                            for p in element.iter(f"{{{NS}}}property")))

    names = {}
    entities = set()
    for element in model.iter(f"{{{NS}}}element"):
        name = element.find(f"{{{NS}}}name").text
        names[element.get("identifier")] = name
        entities.add((element.get(f"{{{XSI}}}type"), name, properties(element)))
    relations = set()
    for relation in model.iter(f"{{{NS}}}relationship"):
        named = relation.find(f"{{{NS}}}name")
        relations.add((relation.get(f"{{{XSI}}}type"), names[relation.get("source")], names[relation.get("target")],
                       None if named is None else named.text, properties(relation)))
    return entities, relations


def test_export_import_into_an_empty_repository_export_gives_the_same_entities_and_relations(run, tmp_path):
    exported = tmp_path / "landskap.xml"
    exported.write_text(_graph(run, PROJECT_ROOT), encoding="utf-8")
    empty = empty_repository(tmp_path / "tom")
    result = run("import", exported, empty, "--lang", "en")
    assert result.exit_code == 0, result.output
    assert not api.validate(empty).findings
    again = _graph(run, empty)
    assert _entities_and_relations(again) == _entities_and_relations(exported.read_text(encoding="utf-8"))
    # and importing the model again changes nothing
    before = snapshot(empty)
    assert "0 new, 0 with differences" in run("import", exported, empty, "--update", "--lang", "en").output
    assert snapshot(empty) == before


def test_the_model_imported_back_into_the_repository_it_came_from_changes_nothing(run, tmp_path):
    """The model states every capability's sharing and every integration's status, defaults
    included; a file that leaves such a key out says the same, so nothing differs."""
    root = tmp_path / "kustlunda"
    for name in ("architecture", "principles"):
        shutil.copytree(PROJECT_ROOT / name, root / name)
    model = tmp_path / "landskap.xml"
    model.write_text(_graph(run, root), encoding="utf-8")
    before = snapshot(root)
    result = run("import", model, root, "--update", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "landskap.xml: 0 new, 0 with differences," in result.output
    assert snapshot(root) == before


def _as_archi_writes_it(text: str) -> str:
    """The model as Archi exports it after importing it: its own identifiers ("id-" and a UUID),
    property definitions numbered "propid-N" in the order of their names with a plain <name>,
    folders of its own, and styles on the diagram's nodes."""
    ET.register_namespace("", NS)
    ET.register_namespace("xsi", XSI)
    model = ET.fromstring(text)
    new_ids = {}
    for element in model.iter():
        identifier = element.get("identifier")
        if identifier:
            new_ids[identifier] = "id-" + uuid.uuid5(uuid.NAMESPACE_URL, identifier).hex
    definitions = sorted(model.iter(f"{{{NS}}}propertyDefinition"), key=lambda d: d.find(f"{{{NS}}}name").text)
    for number, definition in enumerate(definitions, start=1):
        new_ids[definition.get("identifier")] = f"propid-{number}"
        name = definition.find(f"{{{NS}}}name")
        name.attrib.pop(XML_LANG, None)
    for element in model.iter():
        for attribute in ("identifier", "identifierRef", "source", "target", "elementRef",
                          "relationshipRef", "propertyDefinitionRef"):
            if element.get(attribute) in new_ids:
                element.set(attribute, new_ids[element.get(attribute)])
        if element.tag == f"{{{NS}}}node":
            style = ET.SubElement(element, f"{{{NS}}}style")
            ET.SubElement(style, f"{{{NS}}}fillColor", {"r": "181", "g": "255", "b": "255"})
    for label in model.iter(f"{{{NS}}}label"):
        label.text = {"Organisationer": "Business", "System": "Application", "Förmågor": "Strategy",
                      "Relationer": "Relations", "Vyer": "Views"}.get(label.text, label.text)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(model, encoding="unicode")


def test_an_archi_export_of_the_same_model_round_trips(run, tmp_path):
    original = _graph(run, PROJECT_ROOT)
    archi = tmp_path / "archi.xml"
    archi.write_text(_as_archi_writes_it(original), encoding="utf-8")
    empty = empty_repository(tmp_path / "tom")
    result = run("import", archi, empty, "--lang", "en")
    assert result.exit_code == 0, result.output
    assert _entities_and_relations(_graph(run, empty)) == _entities_and_relations(original)


ARCHI_MODEL = """\
<?xml version="1.0" encoding="UTF-8"?>
<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" identifier="id-m">
  <name xml:lang="sv">Norrvik</name>
  <elements>
    <element identifier="id-1" xsi:type="BusinessActor"><name xml:lang="sv">Stadshus AB</name></element>
    <element identifier="id-2" xsi:type="BusinessActor"><name xml:lang="sv">Norrviks Bostäder AB</name></element>
    <element identifier="id-3" xsi:type="BusinessActor"><name xml:lang="sv">Socialförvaltningen</name></element>
    <element identifier="id-4" xsi:type="Capability"><name xml:lang="sv">Ekonomi</name></element>
    <element identifier="id-5" xsi:type="ApplicationComponent"><name xml:lang="sv">Ekonomisystem</name>
      <properties><property propertyDefinitionRef="propid-1"><value xml:lang="sv">phase-out</value></property></properties>
    </element>
    <element identifier="id-6" xsi:type="ApplicationComponent"><name xml:lang="sv">Hyressystem</name></element>
    <element identifier="id-7" xsi:type="Node"><name xml:lang="sv">Server</name></element>
  </elements>
  <relationships>
    <relationship identifier="id-r1" source="id-1" target="id-2" xsi:type="Aggregation"/>
    <relationship identifier="id-r2" source="id-3" target="id-5" xsi:type="Association"/>
    <relationship identifier="id-r3" source="id-5" target="id-2" xsi:type="Serving"/>
    <relationship identifier="id-r4" source="id-5" target="id-4" xsi:type="Realization"/>
    <relationship identifier="id-r5" source="id-6" target="id-2" xsi:type="Serving"/>
    <relationship identifier="id-r6" source="id-6" target="id-4" xsi:type="Realization"/>
    <relationship identifier="id-r7" source="id-6" target="id-5" xsi:type="Flow"><name xml:lang="sv">Hyror</name></relationship>
    <relationship identifier="id-r8" source="id-7" target="id-5" xsi:type="Serving"/>
  </relationships>
  <propertyDefinitions>
    <propertyDefinition identifier="propid-1" type="string"><name>Status</name></propertyDefinition>
  </propertyDefinitions>
</model>
"""


def test_a_model_drawn_in_archi_without_eacheck_properties(run, tmp_path):
    model = tmp_path / "norrvik.xml"
    model.write_text(ARCHI_MODEL, encoding="utf-8")
    root = empty_repository(tmp_path / "repo")
    result = run("import", model, root, "--lang", "en")
    assert result.exit_code == 0, result.output
    assert ("note: the model does not say what type of organization these are, so eacheck guessed; check them: "
            "norrviks-bostader-ab (company), socialforvaltningen (administration), stadshus-ab (holding)") in result.output
    assert "imported as active: hyressystem" in result.output
    assert not api.validate(root).findings
    assert (root / "architecture/systems/socialforvaltningen/ekonomisystem.yaml").read_text(encoding="utf-8") == textwrap.dedent("""\
        kind: system
        id: ekonomisystem
        name: Ekonomisystem
        owner: socialforvaltningen
        used_by: [norrviks-bostader-ab]
        capabilities: [ekonomi]
        lifecycle:
          status: phase-out
        """)
    # the only organization it serves owns the system that has no association
    assert "owner: norrviks-bostader-ab" in (root / "architecture/systems/norrviks-bostader-ab/hyressystem.yaml").read_text()
    integration = (root / "architecture/integrations/hyror.yaml").read_text(encoding="utf-8")
    assert "from: hyressystem\nto: ekonomisystem\n" in integration


def test_a_model_with_problems_names_its_elements_and_writes_nothing(run, tmp_path):
    model = tmp_path / "trasig.xml"
    model.write_text(ARCHI_MODEL.replace('<relationship identifier="id-r6" source="id-6" target="id-4" xsi:type="Realization"/>', "")
                     .replace("phase-out", "avvecklas"), encoding="utf-8")
    root = empty_repository(tmp_path / "repo")
    before = snapshot(root)
    result = run("import", model, root, "--lang", "en")
    assert result.exit_code == 1
    assert "trasig.xml: element 'Hyressystem' (id-6): system 'hyressystem' needs the key 'capabilities'" in result.output
    assert ("trasig.xml: element 'Ekonomisystem' (id-5): 'lifecycle.status' in system 'ekonomisystem' must be "
            "'planned', 'active', 'phase-out' or 'retired'") in result.output
    assert snapshot(root) == before


def test_an_entity_bomb_in_a_model_is_refused(run, tmp_path):
    model = tmp_path / "bomb.xml"
    model.write_text('<?xml version="1.0"?><!DOCTYPE model [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
                     '<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/"><name>&b;</name></model>')
    root = empty_repository(tmp_path / "repo")
    result = run("import", model, root, "--lang", "en")
    assert result.exit_code == 1
    assert "bomb.xml: the file declares XML entities or external references" in result.output


def test_a_file_that_is_not_an_archimate_model(run, tmp_path):
    model = tmp_path / "annat.xml"
    model.write_text("<rss><channel/></rss>")
    root = empty_repository(tmp_path / "repo")
    result = run("import", model, root, "--lang", "en")
    assert result.exit_code == 1
    assert "annat.xml: this is not an ArchiMate exchange file" in result.output


def test_an_element_without_a_name_is_reported_not_a_crash(run, tmp_path):
    """Archi exports an element drawn but never named with no <name> at all; relationships to
    it must not carry its missing id into other entities."""
    model = tmp_path / "namnlos.xml"
    model.write_text(ARCHI_MODEL.replace(
        '<element identifier="id-7" xsi:type="Node"><name xml:lang="sv">Server</name></element>',
        '<element identifier="id-9" xsi:type="ApplicationComponent"/>'
        '<element identifier="id-10" xsi:type="BusinessActor"/>').replace(
        "</relationships>", '<relationship identifier="id-r9" source="id-9" target="id-2" xsi:type="Serving"/>'
                            '<relationship identifier="id-r10" source="id-10" target="id-6" xsi:type="Association"/>'
                            '<relationship identifier="id-r11" source="id-9" target="id-5" xsi:type="Flow"/>'
                            "</relationships>"), encoding="utf-8")
    root = empty_repository(tmp_path / "repo")
    before = snapshot(root)
    result = run("import", model, root, "--lang", "en")
    assert result.exit_code == 1, result.output
    assert "namnlos.xml: element '' (id-9): the element has neither a name nor an eacheck id; name it" in result.output
    assert "namnlos.xml: element '' (id-10): the element has neither a name nor an eacheck id; name it" in result.output
    assert "internal error" not in result.output
    assert snapshot(root) == before


def test_a_flow_through_a_junction_is_named_not_dropped_unseen(run, tmp_path):
    """Archi draws a flow that forks with a junction: no integration eacheck can write, so the
    import says which flows it left out."""
    model = tmp_path / "korsning.xml"
    model.write_text(ARCHI_MODEL.replace(
        '<element identifier="id-7" xsi:type="Node"><name xml:lang="sv">Server</name></element>',
        '<element identifier="id-j" xsi:type="AndJunction"/>').replace(
        "</relationships>", '<relationship identifier="id-f1" source="id-6" target="id-j" xsi:type="Flow">'
                            '<name xml:lang="sv">Hyresavier</name></relationship>'
                            '<relationship identifier="id-f2" source="id-j" target="id-5" xsi:type="Flow"/>'
                            "</relationships>"), encoding="utf-8")
    root = empty_repository(tmp_path / "repo")
    result = run("import", model, root, "--lang", "en")
    assert result.exit_code == 0, result.output
    assert ("note: 2 flows start or end at elements eacheck does not import (junctions, nodes, interfaces …), "
            "so they are no integrations; draw them between the two systems: 'Hyresavier' (id-f1), id-f2") in result.output
    assert sorted(path.name for path in (root / "architecture/integrations").iterdir()) == ["hyror.yaml"]


def test_control_characters_and_line_breaks_in_a_model_are_problems_as_in_a_cell(run, tmp_path):
    """A name from a model reaches the files, the terminal and GitHub's log as a cell does: a
    newline could start a workflow command there, a bidirectional override reorders the text."""
    model = tmp_path / "fientlig.xml"
    model.write_text(ARCHI_MODEL.replace(">Hyressystem<", ">Hyres\nsystem::error file=x,line=1::pwn<")
                     .replace(">Ekonomisystem<", ">Ekonomi\u202esystem<")
                     .replace(">phase-out<", ">phase-out\x9b31m<"), encoding="utf-8")  # C1 CSI: XML allows it
    root = empty_repository(tmp_path / "repo")
    before = snapshot(root)
    result = run("import", model, root, "--lang", "en")
    assert result.exit_code == 1, result.output
    output = result.output
    assert "(id-6): the name holds a line break; write it on one line in the model" in output
    assert "(id-5): the name holds the control character '\\u202e'" in output
    assert "(id-5): the property 'status' holds the control character '\\x9b'" in output
    assert not any(line.startswith("system::error") for line in output.splitlines())
    assert "\u202e" not in output and "\x9b" not in output
    assert snapshot(root) == before
