"""Validate documents against the JSON Schema of their kind, with messages for people.

Two validators per schema: a compiled one (fastjsonschema) answers "valid?" quickly for the
common case, and only a document that fails is run through ``jsonschema`` to list every problem
with its path. A JSON path alone does not help an architect, so each problem keeps its path and
the loader turns it into a file and line.
"""

from __future__ import annotations

import datetime
import difflib
import itertools
import json
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from eacheck.model.references import article
from eacheck.safe_text import shorten

KINDS = ("organization", "capability", "system", "integration", "procurement", "exception")
ALL_SCHEMAS = (*KINDS, "principle", "settings")


@dataclass(frozen=True, slots=True)
class SchemaIssue:
    path: tuple[Any, ...]
    message: str


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


def validate(kind: str, document: Any, whole: str | None = None) -> list[SchemaIssue]:
    """Every problem of ``document`` against the schema ``kind``, up to
    MAX_ISSUES_PER_DOCUMENT (then one more says that the rest is not listed); ``whole`` names
    the document."""
    try:
        _fast_validator(kind)(document)
        if not _has_float_integer(kind, document):
            return []
    except Exception:  # any failure: let the thorough validator say exactly what is wrong
        pass
    errors = list(itertools.islice(_full_validator(kind).iter_errors(document), MAX_ISSUES_PER_DOCUMENT + 1))
    # A text that is not a date at all fails both the pattern and the format: say it once.
    not_dates = {tuple(error.absolute_path) for error in errors if error.validator == "pattern"}
    issues: dict[SchemaIssue, None] = {}  # ordered, and each problem once
    for error in errors:
        if error.validator == "format" and tuple(error.absolute_path) in not_dates:
            continue
        issues.update(dict.fromkeys(_explain(error, whole or article(kind))))
    listed = sorted(issues, key=lambda issue: ([str(step) for step in issue.path], issue.message))
    if len(listed) > MAX_ISSUES_PER_DOCUMENT:
        listed = listed[:MAX_ISSUES_PER_DOCUMENT]
        listed.append(SchemaIssue((), (
            f"{whole or article(kind)} has more than {MAX_ISSUES_PER_DOCUMENT:,} problems; the "
            "rest are not listed. Fix these and run eacheck again"
        )))
    return listed


def dotted(path: tuple[Any, ...]) -> str:
    text = ""
    for step in path:
        text += f"[{step}]" if isinstance(step, int) else (f".{step}" if text else str(step))
    return text


_TYPE_NAMES = {
    "integer": "a whole number",
    "number": "a number",
    "string": "text",
    "boolean": "true or false",
    "array": "a list",
    "object": "a mapping of keys to values",
    "null": "empty",
}


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, str):
        return f"the text '{shorten(value)}'"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return shorten(repr(value))


def _explain(error: Any, whole: str) -> list[SchemaIssue]:
    path = tuple(error.absolute_path)
    where = dotted(path)
    name = f"'{shorten(where)}'" if where else whole
    validator, expected, value = error.validator, error.validator_value, error.instance
    if validator == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        issues = []
        for key in sorted(set(value) - set(allowed))[: MAX_ISSUES_PER_DOCUMENT + 1]:
            if error.schema.get("patternProperties"):
                hint = "quarters are written like 2027-Q2"
            else:
                close = difflib.get_close_matches(key, allowed, n=1)
                hint = (
                    f"did you mean '{close[0]}'?" if close else "allowed keys: " + ", ".join(allowed)
                )
            issues.append(SchemaIssue((*path, key), f"unknown key '{shorten(key)}' in {name}; {hint}"))
        return issues
    if validator == "required":
        # jsonschema reports each missing key as an error of its own, each carrying the whole
        # list: name only the keys that error is about.
        missing = [key for key in expected if key not in value and repr(key) in error.message]
        return [SchemaIssue(path, f"{name} needs the key '{key}'; add it") for key in missing]
    if validator == "type":
        types = [expected] if isinstance(expected, str) else expected
        wanted = " or ".join(_TYPE_NAMES.get(t, t) for t in types)
        message = f"{name} must be {wanted}, not {_describe(value)}"
        if "integer" in types and isinstance(value, str):
            # ASCII digits only: str.isdigit() takes '²' too, which is no digit to write.
            digits = "".join(ch for ch in value if "0" <= ch <= "9").lstrip("0") or "0"
            if any("0" <= ch <= "9" for ch in value):
                message += f"; write {shorten(digits, 40)} without spaces, separators or units"
        elif "boolean" in types and isinstance(value, str):
            message += "; YAML 1.2 booleans are only true and false"
        elif "string" in types and isinstance(value, (int, float)) and not isinstance(value, bool):
            message += "; put it in quotes"
        return [SchemaIssue(path, message)]
    if validator in ("enum", "const"):
        options = expected if validator == "enum" else [expected]
        listed = ", ".join(str(option) for option in options)
        close = difflib.get_close_matches(shorten(value, 100), [str(o) for o in options], n=1)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        return [SchemaIssue(path, f"{name} must be one of: {listed}; not {_describe(value)}{hint}")]
    if validator == "pattern":
        return [SchemaIssue(path, _pattern_message(name, value, expected))]
    if validator == "format":
        return [SchemaIssue(path, f"{name}: '{shorten(value)}' is not a real date; write YYYY-MM-DD")]
    if validator in ("minimum", "maximum"):
        low = error.schema.get("minimum")
        high = error.schema.get("maximum")
        bounds = f"between {low} and {high}" if high is not None else f"at least {low}"
        return [SchemaIssue(path, f"{name} must be {bounds}, not {shorten(value)}")]
    if validator == "minItems":
        return [SchemaIssue(path, f"{name} needs at least {expected} entry; add one")]
    if validator == "uniqueItems":
        counts = Counter(v if isinstance(v, str) else json.dumps(v, sort_keys=True, default=str) for v in value)
        repeated = sorted(shorten(shown, 40) for shown, count in counts.items() if count > 1)
        listed = ", ".join(repeated[:10]) + (f" and {len(repeated) - 10} more" if len(repeated) > 10 else "")
        return [SchemaIssue(path, f"{name} lists {listed} more than once; keep one")]
    if validator == "minLength":
        return [SchemaIssue(path, f"{name} must not be empty")]
    if validator == "maxLength":
        return [SchemaIssue(path, f"{name} is longer than {expected} characters")]
    if validator in ("oneOf", "anyOf"):
        return [
            SchemaIssue(path, f"{name} must be text, or a mapping with 'sv' and/or 'en' texts")
        ]
    if validator == "minProperties":
        return [SchemaIssue(path, f"{name} must not be empty")]
    return [SchemaIssue(path, f"{name}: {shorten(error.message)}")]  # pragma: no cover - a new keyword


def _pattern_message(name: str, value: str, pattern: str) -> str:
    value = shorten(value)
    if pattern.startswith("^[a-z0-9]"):
        suggestion = "-".join("".join(c if c.isalnum() else " " for c in value.lower()).split())
        example = f", e.g. '{suggestion}'" if suggestion else ""
        return (
            f"{name}: '{value}' is not a valid id; use lower-case letters, digits and hyphens"
            f"{example}"
        )
    if "-[0-9]{2}-" in pattern:
        return f"{name}: '{value}' is not a date; write YYYY-MM-DD"
    if pattern == "^[A-Z]{2}$":
        return f"{name}: '{value}' is not a country code; write two capital letters, e.g. SE"
    if pattern == "^[A-Z]{3}$":
        return f"{name}: '{value}' is not a currency code; write three capital letters, e.g. SEK"
    return f"{name}: '{value}' does not match {pattern}"  # pragma: no cover


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
