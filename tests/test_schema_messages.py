"""The schema explainer: one function per JSON Schema keyword, a message for every keyword the
schemas use, and every message naming what it is about, in both languages (SPEC §6)."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from eacheck import checks
from eacheck.i18n import msg
from eacheck.model import schema_validation
from eacheck.model.naming import subject_of, the

# The keywords that only say where other keywords apply, or describe: they never fail.
STRUCTURE = {"$schema", "$id", "$ref", "definitions", "properties", "patternProperties", "items",
             "title", "description", "default", "examples", "$comment", "markdownDescription"}


def _keywords(schema, found: set[str]) -> set[str]:
    """The keywords of ``schema`` and of every schema inside it (property names are no keywords)."""
    if not isinstance(schema, dict):
        return found
    found.update(schema)
    for key in ("properties", "patternProperties", "definitions"):
        for inner in schema.get(key, {}).values():
            _keywords(inner, found)
    for key in ("items", "additionalProperties"):
        _keywords(schema.get(key), found)
    for key in ("oneOf", "anyOf", "allOf"):
        for inner in schema.get(key, []):
            _keywords(inner, found)
    return found


def _every_schema():
    folder = resources.files("eacheck.model").joinpath("schemas")
    for entry in folder.iterdir():
        if entry.name.endswith(".schema.json"):
            yield entry.name, json.loads(entry.read_text(encoding="utf-8"))
    mapping = resources.files("eacheck.importing").joinpath("mapping.schema.json")
    yield "mapping", json.loads(mapping.read_text(encoding="utf-8"))
    for name in checks.names():
        yield f"params of {name}", checks.get(name).PARAMS


@pytest.mark.parametrize("name, schema", list(_every_schema()), ids=lambda value: value if isinstance(value, str) else "")
def test_every_keyword_the_schemas_use_has_an_explainer(name, schema):
    assert _keywords(schema, set()) - STRUCTURE <= set(schema_validation.EXPLAINERS), name


SYSTEM = the("system", "ekonomi")

# keyword: (schema, a document that breaks it, what the English message says)
CASES = {
    "additionalProperties": ({"type": "object", "properties": {"owner": {}}, "additionalProperties": False},
                             {"ownr": "ks"}, "unknown key 'ownr' in system 'ekonomi'; did you mean 'owner'?"),
    "required": ({"type": "object", "required": ["owner"]}, {}, "system 'ekonomi' needs the key 'owner'; add it"),
    "type": ({"type": "object", "properties": {"n": {"type": "integer"}}}, {"n": "12 st"},
             "'n' in system 'ekonomi' must be a whole number, not the text '12 st'; write 12 without"),
    "enum": ({"type": "object", "properties": {"s": {"enum": ["active", "retired"]}}}, {"s": "activ"},
             "'s' in system 'ekonomi' must be 'active' or 'retired', not the text 'activ'; did you mean 'active'?"),
    "const": ({"type": "object", "properties": {"kind": {"const": "system"}}}, {"kind": "sys"},
              "'kind' in system 'ekonomi' must be 'system', not the text 'sys'"),
    "pattern": ({"type": "object", "properties": {"id": {"pattern": "^[a-z0-9][a-z0-9-]*$"}}}, {"id": "Ekonomi"},
                "'id' in system 'ekonomi': 'Ekonomi' is not a valid id"),
    "format": ({"type": "object", "properties": {"d": {"type": "string", "format": "date"}}}, {"d": "2026-02-30"},
               "'d' in system 'ekonomi': '2026-02-30' is not a real date"),
    "minimum": ({"type": "object", "properties": {"n": {"minimum": 0}}}, {"n": -1},
                "'n' in system 'ekonomi' must be at least 0, not -1"),
    "maximum": ({"type": "object", "properties": {"n": {"minimum": 0, "maximum": 5}}}, {"n": 7},
                "'n' in system 'ekonomi' must be between 0 and 5, not 7"),
    "minItems": ({"type": "object", "properties": {"l": {"minItems": 1}}}, {"l": []},
                 "'l' in system 'ekonomi' needs at least 1 entry; add one"),
    "uniqueItems": ({"type": "object", "properties": {"l": {"uniqueItems": True}}}, {"l": ["a", "a"]},
                    "'l' in system 'ekonomi' lists 'a' more than once"),
    "minLength": ({"type": "object", "properties": {"t": {"minLength": 1}}}, {"t": ""},
                  "'t' in system 'ekonomi' must not be empty"),
    "minProperties": ({"type": "object", "properties": {"t": {"minProperties": 1}}}, {"t": {}},
                      "'t' in system 'ekonomi' must not be empty"),
    "maxLength": ({"type": "object", "properties": {"t": {"maxLength": 3}}}, {"t": "abcd"},
                  "'t' in system 'ekonomi' is longer than 3 characters"),
    "oneOf": ({"type": "object", "properties": {"t": {"oneOf": [{"type": "string"}, {"type": "object"}]}}},
              {"t": 1}, "'t' in system 'ekonomi' must be text, or a mapping with 'sv' and/or 'en' texts"),
    "anyOf": ({"type": "object", "properties": {"t": {"anyOf": [{"type": "string"}, {"type": "object"}]}}},
              {"t": 1}, "'t' in system 'ekonomi' must be text, or a mapping"),
}


def test_every_explainer_is_tried_here():
    assert set(CASES) == set(schema_validation.EXPLAINERS)


@pytest.mark.parametrize("keyword", sorted(CASES))
def test_each_keyword_names_its_subject_in_both_languages(keyword):
    schema, document, english = CASES[keyword]
    schema_validation.register(f"test:{keyword}", schema)
    issues = schema_validation.validate(f"test:{keyword}", document, whole=SYSTEM)
    assert [issue for issue in issues if english in issue.message.render("en")], \
        [issue.message.render("en") for issue in issues]
    for issue in issues:
        assert "system 'ekonomi'" in issue.message.render("en")
        assert "systemet 'ekonomi'" in issue.message.render("sv")
        assert issue.message.render("sv") != issue.message.render("en")


def test_many_repeated_items_are_counted_and_ten_named():
    schema_validation.register("test:many", {"type": "object", "properties": {"l": {"uniqueItems": True}}})
    [issue] = schema_validation.validate("test:many", {"l": [f"v{n:02}" for n in range(12)] * 2}, whole=SYSTEM)
    assert issue.message.render("en") == (
        "'l' in system 'ekonomi' lists 12 values more than once, among them 'v00', 'v01', 'v02', 'v03', "
        "'v04', 'v05', 'v06', 'v07', 'v08' and 'v09'; keep one of each")
    assert issue.message.render("sv").startswith("'l' i systemet 'ekonomi' innehåller 12 värden mer än en gång")


def test_an_unexplained_keyword_still_says_what_and_where():
    schema_validation.register("test:not", {"type": "object", "properties": {"t": {"not": {"type": "string"}}}})
    [issue] = schema_validation.validate("test:not", {"t": "x"}, whole=SYSTEM)
    assert issue.path == ("t",)
    assert issue.message.render("en") == (
        "'t' in system 'ekonomi' does not fit the file format (JSON Schema keyword 'not')")
    assert issue.message.render("sv").startswith("'t' i systemet 'ekonomi' följer inte filformatet")


def test_a_document_without_a_usable_id_is_named_by_its_kind_and_file():
    assert subject_of("system", {"id": 5}, "a.yaml").render("en") == "the system in 'a.yaml'"
    assert subject_of("system", {"id": "x"}, "a.yaml").render("sv") == "systemet 'x'"
    assert subject_of("settings", {}, "eacheck.yaml").render("sv") == "dokumentet"
    assert schema_validation.validate("system", {"kind": "system"})[0].message.render("en").startswith(
        "the document needs the key")
    assert msg("the document").render("sv") == "dokumentet"


def test_a_quarter_with_a_wrong_target_is_one_problem_not_also_an_unknown_key():
    """`2027-Q2: 50` (a percentage for a fraction) is a value out of range; `2027-Q5` is the one
    unknown key beside it."""
    schema_validation.register("test:quarters", {"type": "object", "additionalProperties": False,
                                                 "patternProperties": {"^[0-9]{4}-Q[1-4]$": {"maximum": 1}}})
    issues = schema_validation.validate("test:quarters", {"2027-Q2": 50, "2027-Q5": 0.5}, whole=SYSTEM)
    assert sorted((issue.path, issue.message.render("en")) for issue in issues) == [
        (("2027-Q2",), "'2027-Q2' in system 'ekonomi' must be at most 1, not 50"),
        (("2027-Q5",), "unknown key '2027-Q5' in system 'ekonomi'; quarters are written like 2027-Q2"),
    ]
