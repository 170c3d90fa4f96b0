"""Validate documents against the JSON Schema of their kind, with messages for people.

Two validators per schema: a compiled one (fastjsonschema) answers "valid?" quickly for the
common case, and only a document that fails is run through ``jsonschema`` to list every problem
with its path. A JSON path alone does not help an architect, so each problem keeps its path and
the loader turns it into a file and line, and its message names the document and the key
("'lifecycle.status' in system 'ekonomi' must be …"). What each JSON Schema keyword means is one
small function per keyword, in the table :data:`EXPLAINERS`.
"""

from __future__ import annotations

import datetime
import itertools
import json
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from eacheck.i18n import Message, N_, msg, msg_n
from eacheck.i18n.formats import Either, Number, Quoted
from eacheck.model.naming import subject_of
from eacheck.model.suggestions import closest, suggestion
from eacheck.safe_text import shorten

KINDS = ("organization", "capability", "system", "integration", "procurement", "exception")
ALL_SCHEMAS = (*KINDS, "principle", "settings")


@dataclass(frozen=True, slots=True)
class SchemaIssue:
    """One problem: where in the document (a JSON path), and what, in words that name the
    document and the key."""

    path: tuple[Any, ...]
    message: Message


_REGISTERED: dict[str, dict[str, Any]] = {}


def register(name: str, schema: dict[str, Any]) -> None:
    """Make ``schema`` available to :func:`validate` under ``name`` (e.g. a check's params)."""
    _REGISTERED[name] = schema


def schema_for(kind: str) -> dict[str, Any]:
    if kind in _REGISTERED:
        return _REGISTERED[kind]
    return _packaged_schema(kind)


@cache
def _packaged_schema(kind: str) -> dict[str, Any]:
    text = resources.files("eacheck.model").joinpath("schemas", f"{kind}.schema.json").read_text(
        encoding="utf-8"
    )
    return json.loads(text)


def _is_real_date(value: Any) -> bool:
    if not isinstance(value, str):
        return True
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return True


@cache
def _fast_validator(kind: str):
    import fastjsonschema

    return fastjsonschema.compile(schema_for(kind), formats={"date": _is_real_date})


@cache
def _full_validator(kind: str):
    import jsonschema

    checker = jsonschema.FormatChecker(formats=())
    checker.checks("date")(_is_real_date)
    # JSON Schema counts 1500000.0 as an integer; money and counts here are whole numbers.
    types = jsonschema.Draft7Validator.TYPE_CHECKER.redefine(
        "integer", lambda _, value: isinstance(value, int) and not isinstance(value, bool)
    )
    validator = jsonschema.validators.extend(
        jsonschema.Draft7Validator, validators={"uniqueItems": _unique_items}, type_checker=types
    )
    return validator(schema_for(kind), format_checker=checker)


def _unique_items(validator, unique: bool, instance: Any, schema: dict[str, Any]):
    """jsonschema's own check compares every pair of items that are mappings or lists: 20,000
    such items in a pull request took minutes. Each item is put in one canonical text form
    instead, once."""
    import jsonschema

    if not unique or not validator.is_type(instance, "array"):
        return
    seen: set[str] = set()
    for item in instance:
        shown = json.dumps(item, sort_keys=True, default=repr)
        if shown in seen:
            yield jsonschema.ValidationError("has items that are not unique")
            return
        seen.add(shown)


@cache
def _integer_paths(kind: str) -> tuple[tuple[str, ...], ...]:
    """Paths of the integer-typed keys of a schema, nested mappings included."""
    found: list[tuple[str, ...]] = []

    def walk(schema: dict[str, Any], prefix: tuple[str, ...]) -> None:
        for key, spec in schema.get("properties", {}).items():
            kinds = spec.get("type")
            if kinds == "integer" or (isinstance(kinds, list) and kinds == ["integer"]):
                found.append((*prefix, key))
            elif kinds == "object":
                walk(spec, (*prefix, key))

    walk(schema_for(kind), ())
    return tuple(found)


def _has_float_integer(kind: str, document: Any) -> bool:
    for path in _integer_paths(kind):
        value = document
        for step in path:
            value = value.get(step) if isinstance(value, dict) else None
        if isinstance(value, float):
            return True
    return False


# No entity written by hand has this many problems; past it, a pull request could make every
# run list (and every CI log hold) a line per item of a list of millions.
MAX_ISSUES_PER_DOCUMENT = 1_000


def validate(kind: str, document: Any, whole: Message | None = None, file: str | None = None) -> list[SchemaIssue]:
    """Every problem of ``document`` against the schema ``kind``, up to
    MAX_ISSUES_PER_DOCUMENT (then one more says that the rest is not listed).

    ``whole`` names the document in the messages ("the settings in 'eacheck.yaml'"); by
    default the entity its ``id`` names, or, without one, its kind and ``file``
    (:func:`~eacheck.model.naming.subject_of`).
    """
    try:
        _fast_validator(kind)(document)
        if not _has_float_integer(kind, document):
            return []
    except Exception:  # any failure: let the thorough validator say exactly what is wrong
        pass
    whole = whole or subject_of(kind, document, file)  # named only when something is wrong
    errors = list(itertools.islice(_full_validator(kind).iter_errors(document), MAX_ISSUES_PER_DOCUMENT + 1))
    # A text that is not a date at all fails both the pattern and the format: say it once.
    not_dates = {tuple(error.absolute_path) for error in errors if error.validator == "pattern"}
    issues: dict[SchemaIssue, None] = {}  # ordered, and each problem once
    for error in errors:
        if error.validator == "format" and tuple(error.absolute_path) in not_dates:
            continue
        issues.update(dict.fromkeys(explain(error, whole)))
    listed = sorted(issues, key=lambda issue: ([str(step) for step in issue.path], issue.message.sort_key))
    if len(listed) > MAX_ISSUES_PER_DOCUMENT:
        listed = listed[:MAX_ISSUES_PER_DOCUMENT]
        listed.append(SchemaIssue((), msg(
            "{subject} has more than {n} problems; the rest are not listed. Fix these and run "
            "eacheck again", subject=whole, n=Number(MAX_ISSUES_PER_DOCUMENT),
        )))
    return listed


def dotted(path: tuple[Any, ...]) -> str:
    text = ""
    for step in path:
        text += f"[{step}]" if isinstance(step, int) else (f".{step}" if text else str(step))
    return text


# -- what each JSON Schema keyword means, for people ----------------------------------------------

# The types of JSON Schema as a value is described in a sentence ("must be a whole number").
_TYPE_NAMES = {
    "integer": N_("a whole number"),
    "number": N_("a number"),
    "string": N_("text"),
    "boolean": N_("true or false"),
    "array": N_("a list"),
    "object": N_("a mapping of keys to values"),
    "null": N_("empty"),
}


@dataclass(frozen=True, slots=True)
class Found:
    """One error of jsonschema, and the name of what it is about: the document itself, or
    "'lifecycle.status' in system 'x'"."""

    error: Any
    path: tuple[Any, ...]
    name: Message

    def issue(self, message: Message, path: tuple[Any, ...] | None = None) -> SchemaIssue:
        return SchemaIssue(self.path if path is None else path, message)


def explain(error: Any, whole: Message) -> list[SchemaIssue]:
    """The problems one jsonschema error stands for, in words (:data:`EXPLAINERS`)."""
    path = tuple(error.absolute_path)
    where = dotted(path)
    name = msg("'{key}' in {subject}", key=shorten(where), subject=whole) if where else whole
    explainer = EXPLAINERS.get(error.validator, _unexplained)
    return explainer(Found(error, path, name))


def _describe(value: Any) -> Message | str:
    """A value as a sentence mentions it: "the text 'yes'", "a list"."""
    if isinstance(value, bool):
        return "true" if value else "false"  # as written in YAML, in every language
    if value is None:
        return msg("nothing (an empty value)")
    if isinstance(value, str):
        return msg("the text '{text}'", text=shorten(value))
    if isinstance(value, dict):
        return msg("a mapping of keys to values")
    if isinstance(value, list):
        return msg("a list")
    return shorten(repr(value))


def _unknown_keys(found: Found) -> list[SchemaIssue]:
    error = found.error
    allowed = sorted(error.schema.get("properties", {}))
    # A key a pattern takes (a quarter in the targets) is not unknown, even when its value is
    # wrong: that is reported on its own.
    patterns = [re.compile(pattern) for pattern in error.schema.get("patternProperties", {})]
    unknown = {key for key in set(error.instance) - set(allowed)
               if not any(pattern.search(str(key)) for pattern in patterns)}
    issues = []
    for key in sorted(unknown)[: MAX_ISSUES_PER_DOCUMENT + 1]:
        shown = shorten(key)
        if error.schema.get("patternProperties"):
            message = msg("unknown key '{key}' in {name}; quarters are written like 2027-Q2",
                          key=shown, name=found.name)
        elif (hint := suggestion(closest(shown, allowed, n=1))) is not None:
            message = msg("unknown key '{key}' in {name}; {suggestion}", key=shown, name=found.name,
                          suggestion=hint)
        else:
            message = msg("unknown key '{key}' in {name}; the keys it takes are {allowed}",
                          key=shown, name=found.name, allowed=Quoted(tuple(allowed)))
        issues.append(found.issue(message, (*found.path, key)))
    return issues


def _missing_keys(found: Found) -> list[SchemaIssue]:
    # jsonschema reports each missing key as an error of its own, each carrying the whole list:
    # name only the keys that error is about.
    error = found.error
    missing = [key for key in error.validator_value if key not in error.instance and repr(key) in error.message]
    return [found.issue(msg("{name} needs the key '{key}'; add it", name=found.name, key=key)) for key in missing]


def _wrong_type(found: Found) -> list[SchemaIssue]:
    expected, value = found.error.validator_value, found.error.instance
    types = [expected] if isinstance(expected, str) else list(expected)
    said = {"name": found.name, "value": _describe(value),
            "wanted": Either(tuple(msg(_TYPE_NAMES[t]) if t in _TYPE_NAMES else t for t in types))}
    if "integer" in types and isinstance(value, str) and any("0" <= ch <= "9" for ch in value):
        # ASCII digits only: str.isdigit() takes '²' too, which is no digit to write.
        digits = "".join(ch for ch in value if "0" <= ch <= "9").lstrip("0") or "0"
        message = msg("{name} must be {wanted}, not {value}; write {digits} without spaces, "
                      "separators or units", digits=shorten(digits, 40), **said)
    elif "boolean" in types and isinstance(value, str):
        message = msg("{name} must be {wanted}, not {value}; YAML 1.2 booleans are only true and false", **said)
    elif "string" in types and isinstance(value, (int, float)) and not isinstance(value, bool):
        message = msg("{name} must be {wanted}, not {value}; put it in quotes", **said)
    else:
        message = msg("{name} must be {wanted}, not {value}", **said)
    return [found.issue(message)]


def _not_an_option(found: Found) -> list[SchemaIssue]:
    error = found.error
    options = error.validator_value if error.validator == "enum" else [error.validator_value]
    said = {"name": found.name, "value": _describe(error.instance),
            "options": Quoted(tuple(str(option) for option in options), style="or")}
    hint = suggestion(closest(shorten(error.instance, 100), [str(option) for option in options], n=1))
    if hint is not None:
        return [found.issue(msg("{name} must be {options}, not {value}; {suggestion}", suggestion=hint, **said))]
    return [found.issue(msg("{name} must be {options}, not {value}", **said))]


def _not_matching(found: Found) -> list[SchemaIssue]:
    name, value, pattern = found.name, shorten(found.error.instance), found.error.validator_value
    if pattern.startswith("^[a-z0-9]"):
        example = "-".join("".join(c if c.isalnum() else " " for c in value.lower()).split())
        if example:
            return [found.issue(msg("{name}: '{value}' is not a valid id; use lower-case letters, "
                                    "digits and hyphens, e.g. '{example}'", name=name, value=value,
                                    example=example))]
        return [found.issue(msg("{name}: '{value}' is not a valid id; use lower-case letters, "
                                "digits and hyphens", name=name, value=value))]
    if "-[0-9]{2}-" in pattern:
        return [found.issue(msg("{name}: '{value}' is not a date; write YYYY-MM-DD", name=name, value=value))]
    if pattern == "^[A-Z]{2}$":
        return [found.issue(msg("{name}: '{value}' is not a country code; write two capital letters, "
                                "e.g. SE", name=name, value=value))]
    if pattern == "^[A-Z]{3}$":
        return [found.issue(msg("{name}: '{value}' is not a currency code; write three capital "
                                "letters, e.g. SEK", name=name, value=value))]
    return [found.issue(msg("{name}: '{value}' does not have the form {pattern}", name=name, value=value,
                            pattern=pattern))]


def _not_a_real_date(found: Found) -> list[SchemaIssue]:
    return [found.issue(msg("{name}: '{value}' is not a real date; write YYYY-MM-DD",
                            name=found.name, value=shorten(found.error.instance)))]


def _out_of_range(found: Found) -> list[SchemaIssue]:
    schema, value = found.error.schema, shorten(found.error.instance)
    low, high = schema.get("minimum"), schema.get("maximum")
    if low is not None and high is not None:
        message = msg("{name} must be between {low} and {high}, not {value}", name=found.name, low=low,
                      high=high, value=value)
    elif high is not None:
        message = msg("{name} must be at most {high}, not {value}", name=found.name, high=high, value=value)
    else:
        message = msg("{name} must be at least {low}, not {value}", name=found.name, low=low, value=value)
    return [found.issue(message)]


def _too_few_items(found: Found) -> list[SchemaIssue]:
    return [found.issue(msg_n("{name} needs at least {n} entry; add one",
                              "{name} needs at least {n} entries; add them",
                              found.error.validator_value, name=found.name))]


def _repeated_items(found: Found) -> list[SchemaIssue]:
    counts = Counter(v if isinstance(v, str) else json.dumps(v, sort_keys=True, default=str)
                     for v in found.error.instance)
    repeated = sorted(shorten(shown, 40) for shown, count in counts.items() if count > 1)
    if len(repeated) > 10:
        return [found.issue(msg(
            "{name} lists {n} values more than once, among them {repeated}; keep one of each",
            name=found.name, n=Number(len(repeated)), repeated=Quoted(tuple(repeated[:10])),
        ))]
    return [found.issue(msg("{name} lists {repeated} more than once; keep one of each", name=found.name,
                            repeated=Quoted(tuple(repeated))))]


def _empty(found: Found) -> list[SchemaIssue]:
    return [found.issue(msg("{name} must not be empty", name=found.name))]


def _too_long(found: Found) -> list[SchemaIssue]:
    return [found.issue(msg_n("{name} is longer than {n} character; shorten it",
                              "{name} is longer than {n} characters; shorten it",
                              found.error.validator_value, name=found.name))]


def _no_alternative(found: Found) -> list[SchemaIssue]:
    # The schemas' only alternatives are texts: one text, or one per language.
    return [found.issue(msg("{name} must be text, or a mapping with 'sv' and/or 'en' texts", name=found.name))]


def _unexplained(found: Found) -> list[SchemaIssue]:
    # A keyword added to a schema without an explainer: tests/test_schema_messages.py fails
    # first, but a reader still learns what and where.
    return [found.issue(msg("{name} does not fit the file format (JSON Schema keyword '{keyword}')",
                            name=found.name, keyword=found.error.validator))]


# Every validation keyword the schemas use (a test holds it to that), and what it means.
EXPLAINERS: dict[str, Callable[[Found], list[SchemaIssue]]] = {
    "additionalProperties": _unknown_keys,
    "required": _missing_keys,
    "type": _wrong_type,
    "enum": _not_an_option,
    "const": _not_an_option,
    "pattern": _not_matching,
    "format": _not_a_real_date,
    "minimum": _out_of_range,
    "maximum": _out_of_range,
    "minItems": _too_few_items,
    "uniqueItems": _repeated_items,
    "minLength": _empty,
    "minProperties": _empty,
    "maxLength": _too_long,
    "oneOf": _no_alternative,
    "anyOf": _no_alternative,
}


def leaf_paths(kind: str) -> list[tuple[str, ...]]:
    """Every key of ``kind`` that holds a value, nested keys as paths, in the schema's (the
    documented) order; ``kind`` and ``id`` left out."""
    found: list[tuple[str, ...]] = []

    def walk(schema: dict[str, Any], prefix: tuple[str, ...]) -> None:
        for key, node in schema.get("properties", {}).items():
            if node.get("type") == "object" and "properties" in node:
                walk(node, (*prefix, key))
            elif (*prefix, key) not in (("kind",), ("id",)):
                found.append((*prefix, key))

    walk(schema_for(kind), ())
    return found
