"""JSON Schemas for editors: completion, hover help and inline errors while architects type.

Editors that speak the YAML language server (VS Code with Red Hat's YAML extension, Neovim,
Emacs, JetBrains, Zed ...) pick a schema per file glob. One folder under ``architecture/`` may
hold any kind, so besides one schema per kind there is a combined ``entity`` schema that
dispatches on ``kind`` with draft-07 ``if``/``then``: once ``kind: system`` is typed, the editor
offers the keys of a system and flags any other key, just as ``eacheck validate`` does.

The schemas are the packaged ones that eacheck validates with, unchanged in meaning, with their
titles and descriptions in the chosen language: the English texts are message ids of the
translation catalogue (``scripts/catalogues.py`` collects them from the packaged schemas and
the checks' parameters), translated here with ``_()``. The
principle schema is the one exception, and only by adding what the principle loader checks later
anyway: ``check`` lists the built-in checks, and ``params`` takes the parameters of the chosen
check, with their defaults, so the editor can complete them.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from eacheck import i18n
from eacheck.errors import UsageError, reason
from eacheck.i18n import LANGUAGES, N_, msg
from eacheck.model.schema_validation import KINDS, schema_for

DRAFT_07 = "http://json-schema.org/draft-07/schema#"
ENTITY = "entity"
NAMES = (*KINDS, ENTITY, "principle", "settings")

# The packaged schemas carry this base in their $id; the written ones keep it.
_ID_BASE = "https://eacheck.example/schemas/"
_TEXT_KEYS = ("title", "description")

ENTITY_TITLE = N_("eacheck entity (any kind under architecture/)")
ENTITY_DESCRIPTION = N_(
    "One entity of the landscape. Its kind decides which keys it takes: organization, "
    "capability, system, integration, procurement or exception."
)
KIND_DESCRIPTION = N_(
    "What this document describes: organization, capability, system, integration, "
    "procurement or exception. Principles belong in principles/."
)


def file_name(name: str) -> str:
    return f"{name}.schema.json"


def editor_schemas(lang: str = "sv") -> dict[str, dict[str, Any]]:
    """Every editor schema by name (see :data:`NAMES`), texts in ``lang``."""
    return {name: editor_schema(name, lang) for name in NAMES}


def editor_schema(name: str, lang: str = "sv") -> dict[str, Any]:
    if lang not in LANGUAGES:
        raise UsageError(msg("unknown language '{language}'; use one of: {languages}",
                             language=lang, languages=", ".join(LANGUAGES)))
    if name == ENTITY:
        schema = _entity_schema()
    elif name == "principle":
        schema = _principle_schema()
    elif name in NAMES:
        schema = copy.deepcopy(schema_for(name))
    else:
        raise UsageError(msg("there is no schema '{name}'; use one of: {names}",
                             name=name, names=", ".join(NAMES)))
    return translate(schema, lang)


def render(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def write_schemas(folder: str | Path, lang: str = "sv", names: tuple[str, ...] = NAMES) -> list[Path]:
    """Write the schemas ``names`` into ``folder`` (replacing older ones: they are generated)."""
    from eacheck import safe_write

    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        written = []
        for name in names:
            path = folder / file_name(name)
            safe_write.write(path, render(editor_schema(name, lang)))
            written.append(path)
    except OSError as error:
        raise UsageError(msg("{path}: cannot write the schemas: {reason}",
                             path=str(folder), reason=reason(error))) from None
    return written


def translate(schema: dict[str, Any], lang: str) -> dict[str, Any]:
    """``schema`` with every title and description in ``lang`` (English stays as written)."""
    if lang == "en":
        return schema

    def walk(node: Any) -> Any:
        if isinstance(node, dict):
            return {
                key: i18n._(value) if key in _TEXT_KEYS and isinstance(value, str) else walk(value)
                for key, value in node.items()
            }
        if isinstance(node, list):
            return [walk(item) for item in node]
        return node

    with i18n.using(lang):
        return walk(schema)


def texts(schema: Any) -> Iterator[str]:
    """Every title and description in ``schema``, nested ones included.

    A property may itself be called ``title`` or ``description`` (a principle's title): its
    value is a schema (a mapping), not a text, so only string values count.
    """
    if isinstance(schema, dict):
        for key, value in schema.items():
            if key in _TEXT_KEYS and isinstance(value, str):
                yield value
            else:
                yield from texts(value)
    elif isinstance(schema, list):
        for item in schema:
            yield from texts(item)


def english_texts() -> set[str]:
    """Every text of every editor schema as written in English: what needs a translation."""
    return {text for schema in editor_schemas("en").values() for text in texts(schema)}


def _embedded(kind: str) -> dict[str, Any]:
    schema = copy.deepcopy(schema_for(kind))
    # Inside another schema an $id would move the base URI of every reference below it.
    schema.pop("$schema", None)
    schema.pop("$id", None)
    return schema


def _entity_schema() -> dict[str, Any]:
    return {
        "$schema": DRAFT_07,
        "$id": _ID_BASE + file_name(ENTITY),
        "title": ENTITY_TITLE,
        "description": ENTITY_DESCRIPTION,
        "type": "object",
        "required": ["kind"],
        "properties": {"kind": {"enum": list(KINDS), "description": KIND_DESCRIPTION}},
        # if/then rather than oneOf: an error names the keys of the kind written, not of all six.
        "allOf": [
            {
                "if": {"properties": {"kind": {"const": kind}}, "required": ["kind"]},
                "then": {"$ref": f"#/definitions/{kind}"},
            }
            for kind in KINDS
        ],
        "definitions": {kind: _embedded(kind) for kind in KINDS},
    }


def _principle_schema() -> dict[str, Any]:
    from eacheck import checks

    schema = copy.deepcopy(schema_for("principle"))
    schema["properties"]["check"]["enum"] = list(checks.names())
    schema["allOf"] = [
        {
            "if": {"properties": {"check": {"const": name}}, "required": ["check"]},
            "then": {"properties": {"params": copy.deepcopy(checks.get(name).PARAMS)}},
        }
        for name in checks.names()
    ]
    return schema
