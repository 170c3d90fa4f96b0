"""Safe YAML parsing with the libyaml C parser, YAML 1.2 core scalars and hard limits.

PyYAML's own constructors are not used: they resolve YAML 1.1 booleans (``NO`` would become
``False``), silently keep the last of two duplicate keys and will build arbitrary objects for some
tags. Instead libyaml composes a node tree (fast, in C) and :func:`_Builder` turns it into plain
Python values, refusing anything that is not plain data.
"""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

try:  # the C parser is a hard requirement for speed, but a clear error beats an ImportError
    from yaml.cyaml import CParser
except ImportError as missing:  # pragma: no cover - depends on how PyYAML was built
    raise ImportError(
        "eacheck needs PyYAML built with libyaml (yaml.CParser); reinstall PyYAML from a wheel"
    ) from missing

# Entities are shallow; anything deeper is either a mistake or an attack.
MAX_DEPTH = 50
# Every value built counts, including each expansion of an alias: this is what stops an
# alias bomb ("billion laughs") from eating memory and time.
MAX_VALUES_PER_DOCUMENT = 100_000

STR = "tag:yaml.org,2002:str"
INT = "tag:yaml.org,2002:int"
FLOAT = "tag:yaml.org,2002:float"
BOOL = "tag:yaml.org,2002:bool"
NULL = "tag:yaml.org,2002:null"
SEQ = "tag:yaml.org,2002:seq"
MAP = "tag:yaml.org,2002:map"


# Implicit tags of the YAML 1.2 core schema: only true/false are booleans, and there are no
# timestamps (dates stay text and are checked as dates by the schemas). Keyed by first
# character so that most scalars, which start with a letter, meet no regular expression.
_BOOL = (BOOL, re.compile(r"(?:true|True|TRUE|false|False|FALSE)\Z"))
_INT = (INT, re.compile(r"(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)\Z"))
_FLOAT = (
    FLOAT,
    re.compile(
        r"(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))\Z"
    ),
)
_NULL = (NULL, re.compile(r"(?:~|null|Null|NULL)\Z"))
_IMPLICIT: dict[str, tuple[tuple[str, re.Pattern[str]], ...]] = {}
for _chars, _resolvers in (("tTfF", (_BOOL,)), ("0123456789", (_INT, _FLOAT)),
                           ("+-.", (_INT, _FLOAT)), ("~nN", (_NULL,))):
    for _char in _chars:
        _IMPLICIT[_char] = _IMPLICIT.get(_char, ()) + _resolvers


class _Composer(CParser):
    """libyaml's composer with a YAML 1.2 core resolver: builds nodes, never Python objects.

    CParser calls back into Python to resolve the tag of every node; these methods are the
    hot path of parsing, so they do the least work that is right (no path resolvers).
    """

    def descend_resolver(self, current_node, current_index) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass

    def resolve(self, kind, value, implicit) -> str:
        if kind is ScalarNode:
            if implicit[0]:
                if not value:
                    return NULL
                for tag, pattern in _IMPLICIT.get(value[0], ()):
                    if pattern.match(value):
                        return tag
            return STR
        return SEQ if kind is SequenceNode else MAP


@dataclass(frozen=True, slots=True)
class YamlProblem:
    """Something wrong with a file's YAML itself; line and column are 1-based."""

    line: int
    column: int
    message: str


@dataclass(slots=True)
class YamlDocument:
    """One document of a file: its plain value, where it begins, and where each key is.

    ``positions`` holds the position of every mapping key and list item, packed as unsigned
    64-bit integers in the order a depth-first walk of ``value`` meets them (see
    :func:`position_in`). Recording them while building is cheaper than composing a file a
    second time for the findings that need a line, and as bytes they cost next to nothing to
    keep, cache or pass between processes.
    """

    index: int
    line: int
    column: int
    value: Any
    positions: bytes = b""


@dataclass(slots=True)
class ParsedYaml:
    documents: list[YamlDocument] = field(default_factory=list)
    problems: list[YamlProblem] = field(default_factory=list)


_COLUMN_BITS = 20


def _pack(mark) -> int:
    return ((mark.line + 1) << _COLUMN_BITS) | (mark.column + 1)


def unpack(packed: int) -> tuple[int, int]:
    """(line, column) of a packed position."""
    return packed >> _COLUMN_BITS, packed & ((1 << _COLUMN_BITS) - 1)


def _entries(value: Any) -> int:
    """How many keys and items a depth-first walk meets inside ``value``."""
    if isinstance(value, dict):
        return sum(1 + _entries(item) for item in value.values())
    if isinstance(value, list):
        return sum(1 + _entries(item) for item in value)
    return 0


def position_in(value: Any, positions: bytes, path: tuple[Any, ...]) -> tuple[int, int] | None:
    """Line and column of the key or item at ``path`` in a document, or of the deepest part of
    the path that exists; None when not even the first step exists."""
    packed = array("Q", positions)
    index, found = 0, None
    for step in path:
        if isinstance(value, dict) and step in value:
            for key, item in value.items():
                if key == step:
                    break
                index += 1 + _entries(item)
            value = value[step]
        elif isinstance(value, list) and isinstance(step, int) and 0 <= step < len(value):
            index += sum(1 + _entries(item) for item in value[:step])
            value = value[step]
        else:
            break
        if index >= len(packed):
            break
        found = unpack(packed[index])
        index += 1
    return found


class _Refused(Exception):
    def __init__(self, node: yaml.Node, message: str) -> None:
        super().__init__(message)
        self.line = node.start_mark.line + 1
        self.column = node.start_mark.column + 1
        self.message = message


class _Builder:
    """Turns one document's node tree into dicts, lists, str, int, float, bool and None."""

    __slots__ = ("budget", "problems", "positions")

    def __init__(self) -> None:
        self.budget = MAX_VALUES_PER_DOCUMENT
        self.problems: list[YamlProblem] = []
        self.positions = array("Q")

    def build(self, node: yaml.Node, depth: int = 0) -> Any:
        self.budget -= 1
        if self.budget < 0:
            raise _Refused(
                node,
                f"the document expands to more than {MAX_VALUES_PER_DOCUMENT:,} values "
                "(an alias bomb?); write the values out instead of repeating aliases",
            )
        if depth > MAX_DEPTH:
            raise _Refused(node, f"nesting deeper than {MAX_DEPTH} levels; flatten the document")
        tag = node.tag
        if isinstance(node, ScalarNode):
            return _scalar(node, tag)
        if isinstance(node, MappingNode):
            if tag != MAP:
                raise _Refused(node, _refused_tag(tag))
            return self._mapping(node, depth)
        if tag != SEQ:
            raise _Refused(node, _refused_tag(tag))
        items = []
        record = self.positions.append
        for item in node.value:
            record(_pack(item.start_mark))
            items.append(self.build(item, depth + 1))
        return items

    def _mapping(self, node: MappingNode, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_seen: dict[str, int] = {}
        record = self.positions.append
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                raise _Refused(key_node, "a key must be a plain name, not a list or mapping")
            if key_node.tag == "tag:yaml.org,2002:merge" or key_node.value == "<<":
                raise _Refused(
                    key_node, "merge keys (<<) are not supported; write the keys out in full"
                )
            key = key_node.value
            mark = key_node.start_mark
            if key in first_seen:
                # Keep the first value: reporting is what matters, and the first is what a
                # reader sees first. The repeat is neither built nor recorded.
                self.problems.append(
                    YamlProblem(
                        mark.line + 1,
                        mark.column + 1,
                        f"duplicate key '{key}' (first on line {first_seen[key]}); keep one of them",
                    )
                )
                continue
            first_seen[key] = mark.line + 1
            record(_pack(mark))
            result[key] = self.build(value_node, depth + 1)
        return result


def _refused_tag(tag: str) -> str:
    shown = tag.replace("tag:yaml.org,2002:", "!!")
    return f"the tag {shown} is not allowed; eacheck reads plain data only (remove the tag)"


def _scalar(node: ScalarNode, tag: str) -> Any:
    text = node.value
    if tag == STR:
        return text
    if tag == INT:
        try:
            if text.startswith("0o"):
                return int(text[2:], 8)
            if text.startswith("0x"):
                return int(text[2:], 16)
            return int(text, 10)
        except ValueError:
            raise _Refused(node, f"'{text}' is not a whole number") from None
    if tag == BOOL:
        lowered = text.lower()
        if lowered in ("true", "false"):
            return lowered == "true"
        raise _Refused(node, f"'{text}' is not a boolean; write true or false")
    if tag == NULL:
        return None
    if tag == FLOAT:
        lowered = text.lower()
        if lowered.endswith(".inf"):
            return float("-inf") if lowered.startswith("-") else float("inf")
        if lowered == ".nan":
            return float("nan")
        try:
            return float(text)
        except ValueError:
            raise _Refused(node, f"'{text}' is not a number") from None
    raise _Refused(node, _refused_tag(tag))


def decode(data: bytes) -> str:
    """UTF-8, with or without a byte-order mark; anything else raises ValueError with a line."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as bad:
        line = data.count(b"\n", 0, bad.start) + 1
        column = bad.start - (data.rfind(b"\n", 0, bad.start) + 1) + 1
        raise ValueError(
            line,
            column,
            f"the file is not UTF-8 (byte 0x{data[bad.start]:02x} at line {line}); "
            "save it as UTF-8",
        ) from None


def parse(text: str) -> ParsedYaml:
    """Parse every document of ``text``; problems are returned, never raised."""
    result = ParsedYaml()
    composer = _Composer(text)
    index = 0
    try:
        while composer.check_node():
            root = composer.get_node()
            builder = _Builder()
            try:
                value = builder.build(root)
            except _Refused as refused:
                result.problems.append(YamlProblem(refused.line, refused.column, refused.message))
                value = None
            result.problems.extend(builder.problems)
            result.documents.append(
                YamlDocument(
                    index, root.start_mark.line + 1, root.start_mark.column + 1, value,
                    builder.positions.tobytes(),
                )
            )
            index += 1
    except yaml.MarkedYAMLError as error:
        result.problems.append(_syntax_problem(error))
    except yaml.YAMLError as error:  # pragma: no cover - libyaml always gives a mark
        result.problems.append(YamlProblem(1, 1, f"YAML error: {error}"))
    finally:
        composer.dispose()
    return result


def _syntax_problem(error: yaml.MarkedYAMLError) -> YamlProblem:
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = error.problem or "invalid YAML"
    if "tab" in problem or "'\\t'" in problem:
        message = "a tab character where YAML needs spaces; indent with spaces only"
    elif "maximum nesting depth" in problem:
        message = "nesting is too deep (over 1000 levels); this is not an architecture entity"
    else:
        context = f" {error.context}" if error.context else ""
        message = f"YAML syntax error: {problem}{context}; fix the syntax at this line"
    return YamlProblem(line, column, message)
