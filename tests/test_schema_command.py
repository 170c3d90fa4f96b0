"""`eacheck schema`: editor schemas in Swedish and English, meaning the same as eacheck's own."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import jsonschema
import pytest
import yaml
from conftest import PROJECT_ROOT

from eacheck import checks, i18n
from eacheck.model.schema_validation import KINDS, schema_for
from eacheck.scaffold import editor_schemas

NAMES = editor_schemas.NAMES


def SV(text: str) -> str:
    """``text`` as the Swedish catalogue has it."""
    with i18n.using("sv"):
        return i18n._(text)


def _untranslated(english: set[str]) -> list[str]:
    return sorted(text for text in english if SV(text) == text)


def test_every_schema_text_has_a_swedish_translation():
    """Every title and description an editor shows comes from the catalogue in Swedish. A text
    rewritten in English is a new message: it shows up here as untranslated until `make i18n`
    has collected it and someone has translated it (the old translation does not live on)."""
    untranslated = _untranslated(editor_schemas.english_texts())
    assert not untranslated, (
        "run `make i18n` and translate these in eacheck/locale/sv/LC_MESSAGES/eacheck.po: "
        + json.dumps(untranslated, ensure_ascii=False)
    )


def test_a_rewritten_english_description_shows_up_as_untranslated(monkeypatch):
    import copy as copying

    packaged = schema_for("system")
    changed = copying.deepcopy(packaged)
    changed["properties"]["owner"]["description"] = packaged["properties"]["owner"]["description"] + " Rewritten."
    monkeypatch.setattr(editor_schemas, "schema_for", lambda name: changed if name == "system" else schema_for(name))
    assert _untranslated(editor_schemas.english_texts()) == [changed["properties"]["owner"]["description"]]
    swedish = editor_schemas.editor_schema("system", "sv")
    assert swedish["properties"]["owner"]["description"] == changed["properties"]["owner"]["description"]


def _without_texts(schema):
    if isinstance(schema, dict):
        return {
            key: _without_texts(value)
            for key, value in schema.items()
            if not (key in ("title", "description") and isinstance(value, str))
        }
    if isinstance(schema, list):
        return [_without_texts(item) for item in schema]
    return schema


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_written_schemas_validate_exactly_as_eacheck_does(lang):
    for name in (*KINDS, "settings"):
        assert _without_texts(editor_schemas.editor_schema(name, lang)) == _without_texts(schema_for(name))
    entity = editor_schemas.editor_schema("entity", lang)
    for kind in KINDS:
        packaged = copy.deepcopy(schema_for(kind))
        del packaged["$schema"], packaged["$id"]
        assert _without_texts(entity["definitions"][kind]) == _without_texts(packaged)
    # The principle schema only adds what binding a principle checks anyway.
    principle = editor_schemas.editor_schema("principle", lang)
    assert principle["properties"]["check"]["enum"] == list(checks.names())
    del principle["properties"]["check"]["enum"], principle["allOf"]
    assert _without_texts(principle) == _without_texts(schema_for("principle"))


def _validator(name: str, lang: str = "en") -> jsonschema.Draft7Validator:
    schema = editor_schemas.editor_schema(name, lang)
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema)


def _example_documents():
    """The example group's documents as eacheck reads them (YAML 1.2: NO stays a string)."""
    from eacheck.loading import yaml_parser

    for path in sorted((PROJECT_ROOT / "architecture").rglob("*.yaml")):
        for document in yaml_parser.parse(path.read_text(encoding="utf-8")).documents:
            if document.value is not None:
                yield path, document.value


def test_the_entity_schema_accepts_the_example_group_and_dispatches_on_kind():
    entity = _validator("entity")
    documents = list(_example_documents())
    assert {document["kind"] for _, document in documents} == set(KINDS)
    for path, document in documents:
        assert not list(entity.iter_errors(document)), (path, document["id"])

    system = {"kind": "system", "id": "x", "name": "X", "owner": "a", "capabilities": ["b"],
              "lifecycle": {"status": "active"}}
    assert entity.is_valid(system)
    assert not entity.is_valid({**system, "type": "company"})  # an organization's key
    assert not entity.is_valid({**system, "kind": "principle"})  # belongs in principles/
    assert not entity.is_valid({"id": "x"})  # no kind
    errors = list(entity.iter_errors({**system, "lifecycle": {"status": "live"}}))
    assert [list(error.absolute_path) for error in errors] == [["lifecycle", "status"]]


def test_the_principle_schema_knows_the_parameters_of_each_check():
    principle = _validator("principle")
    for path in sorted((PROJECT_ROOT / "eacheck/defaults/principles").glob("*.yaml")):
        assert principle.is_valid(yaml.safe_load(path.read_text(encoding="utf-8"))), path.name
    base = {"kind": "principle", "id": "p", "title": "T", "statement": "S", "rationale": "R",
            "implications": "I", "check": "lifecycle"}
    assert principle.is_valid({**base, "params": {"contract_months": 18}})
    assert not principle.is_valid({**base, "params": {"contract_months": "18"}})
    assert not principle.is_valid({**base, "params": {"platform_capability": "x"}})
    assert principle.is_valid({**base, "check": "integration-platform", "params": {"platform_capability": "x"}})
    assert not principle.is_valid({**base, "check": "no-such-check"})


def test_schema_out_writes_every_schema_in_the_chosen_language(tmp_path, run):
    result = run("schema", "--out", tmp_path / "s", "--lang", "sv")
    assert result.exit_code == 0, result.output
    written = sorted(p.name for p in (tmp_path / "s").iterdir())
    assert written == sorted(f"{name}.schema.json" for name in NAMES)
    system = json.loads((tmp_path / "s/system.schema.json").read_text(encoding="utf-8"))
    owner = schema_for("system")["properties"]["owner"]["description"]
    assert system["properties"]["owner"]["description"] == SV(owner) != owner
    assert system["title"] == SV(schema_for("system")["title"]) == "eacheck: system"
    entity = json.loads((tmp_path / "s/entity.schema.json").read_text(encoding="utf-8"))
    assert entity["definitions"]["system"]["properties"]["owner"]["description"] == SV(owner)
    principle = json.loads((tmp_path / "s/principle.schema.json").read_text(encoding="utf-8"))
    months = checks.get("lifecycle").PARAMS["properties"]["contract_months"]["description"]
    lifecycle = next(rule for rule in principle["allOf"]
                     if rule["if"]["properties"]["check"]["const"] == "lifecycle")
    assert lifecycle["then"]["properties"]["params"]["properties"]["contract_months"]["description"] == SV(months) != months

    english = run("schema", "--out", tmp_path / "s", "--lang", "en")
    assert english.exit_code == 0
    system = json.loads((tmp_path / "s/system.schema.json").read_text(encoding="utf-8"))
    assert system["properties"]["owner"]["description"] == owner


def test_schema_output_is_the_same_bytes_every_time(tmp_path, run):
    run("schema", "--out", tmp_path / "a")
    run("schema", "--out", tmp_path / "b")
    for path in (tmp_path / "a").iterdir():
        assert path.read_bytes() == (tmp_path / "b" / path.name).read_bytes()


def test_schema_name_prints_one_schema_and_no_name_lists_them(run):
    printed = run("schema", "settings", "--lang", "en")
    assert printed.exit_code == 0
    assert json.loads(printed.stdout)["title"] == schema_for("settings")["title"]
    listing = run("schema")
    assert listing.exit_code == 0
    for name in NAMES:
        assert f"{name}.schema.json" in listing.output
    assert "architecture/**/*.yaml" in listing.output


def test_schema_language_defaults_to_the_repository_language(tmp_path, run, monkeypatch):
    monkeypatch.chdir(tmp_path)
    title = schema_for("system")["title"]
    assert json.loads(run("schema", "system").stdout)["title"] == SV(title) != title
    Path("eacheck.yaml").write_text("language: en\n", encoding="utf-8")
    assert json.loads(run("schema", "system").stdout)["title"] == title


def test_schema_refuses_unknown_names_and_languages(run):
    assert run("schema", "systems").exit_code == 2
    assert run("schema", "--lang", "de").exit_code == 2


def test_the_cli_lists_the_same_schema_names_as_the_scaffold():
    from eacheck.cli.schema import SCHEMA_NAMES
    from eacheck.scaffold.editor_schemas import NAMES

    assert SCHEMA_NAMES == NAMES
