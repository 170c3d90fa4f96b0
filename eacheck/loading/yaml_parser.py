"""Safe YAML parsing with the libyaml C parser, YAML 1.2 core scalars and hard limits.

PyYAML's own constructors are not used: they resolve YAML 1.1 booleans (``NO`` would become
``False``), silently keep the last of two duplicate keys and will build arbitrary objects for some
tags. Instead libyaml composes a node tree (fast, in C) and :func:`_Builder` turns it into plain
Python values, refusing anything that is not plain data.
"""

from __future__ import annotations

import re
import sys
from array import array
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from eacheck.i18n import Message, N_, msg
from eacheck.i18n.formats import Number
from eacheck.safe_text import shorten

try:  # the C parser is a hard requirement for speed, but a clear error beats an ImportError
    from yaml.cyaml import CParser
except ImportError as missing:  # pragma: no cover - depends on how PyYAML was built
    raise ImportError(
        "eacheck needs PyYAML built with libyaml (yaml.CParser); reinstall PyYAML from a wheel"
    ) from missing

# The limits that keep a hostile file from exhausting the machine (docs/format.md states them).
# Entities are shallow; anything deeper is either a mistake or an attack.
MAX_DEPTH = 50
# Every value built counts, including each expansion of an alias: this is what stops an alias
# bomb ("billion laughs") from eating memory and time. Per file, not per document, since a
# file of a thousand documents is as easy to write as one. A real file holds far fewer: a whole
# landscape of 1,000 systems with all its integrations, in one file, is about 61,000 values.
MAX_VALUES_PER_FILE = 250_000
# The characters of every text built, each expansion of an alias counted again: one long
# text aliased a thousand times is a bomb of its own. Without aliases a file cannot reach it.
MAX_TEXT_PER_FILE = 4_000_000
# A document with more duplicate keys than this is no mistake of a person's; the rest are not
# listed (each would be a line in every CI log).
MAX_PROBLEMS_PER_DOCUMENT = 1_000
# libyaml composes a whole document before eacheck sees it, at about 300 bytes of memory and
# 3 microseconds per value, and a value can take as little as two characters: this bounds
# that. A landscape of 1,000 systems with all their integrations is under 1,000,000 characters
# even in one file.
MAX_FILE_CHARACTERS = 2_000_000
# Whole numbers beyond this are no amount of money or count of users, and Python will not even
# print one of more than 4,300 digits.
MAX_WHOLE_NUMBER = 10**18 - 1

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


# Keys are interned: a landscape repeats the same few dozen keys in every document, and one
# shared string each (instead of one per document) saves memory and makes every look-up of a
# key a comparison of pointers. The cache keeps them shared (marshal writes a repeated interned
# string once). So are short text values, ids above all: an owner's or a capability's id is
# written in thousands of documents, and the checks look each one up. At 100,000 systems that
# took a fifth off the memory (1.22 -> 0.97 GB) and 5-9 % off a run with a warm cache;
# parsing costs the same. Long texts (descriptions) are rarely repeated and stay as they are.
_intern = sys.intern
_INTERNED_LENGTH = 100


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
    message: Message


class NotUtf8(ValueError):
    """A file that is not UTF-8, with where the first bad byte is and what to do. (Its
    ``args`` are also ``(line, column, message)``, as callers before it unpacked them.)"""

    def __init__(self, line: int, column: int, message: Message) -> None:
        super().__init__(line, column, message)
        self.line, self.column, self.message = line, column, message


# A position is (line << 32) + column, both 1-based; a column needs 32 bits only past
# MAX_FILE_CHARACTERS, which is refused. _FIRST turns libyaml's 0-based mark into that.
_COLUMN_BITS = 32
_FIRST = (1 << _COLUMN_BITS) + 1


class Positions:
    """Where each mapping key and list item of one document is: recorded while the document is
    built, looked up when a message needs a line.

    The builder calls :attr:`record` with :meth:`pack` of the key's or item's start mark, in the
    order it meets them: depth first, keys in document order, a key before what its value holds.
    :meth:`of` walks the built value in that same order, once per document and only when asked,
    to index where each container's keys and items are; after that, a lookup costs one step per
    level of the path. Both halves of the rule live in this class, and a property test holds
    them to libyaml's own marks. The positions cross processes and the cache as plain bytes
    (:meth:`to_bytes`).
    """

    __slots__ = ("value", "record", "_packed", "_children")

    def __init__(self, value: Any = None, packed: bytes | None = None) -> None:
        self.value = value
        self._children: dict[int, dict[Any, int] | list[int]] | None = None
        if packed is None:  # to be recorded
            self._packed: array | bytes = array("Q")
            self.record = self._packed.append
        else:  # from the cache or a worker: unpacked on the first lookup, most never need one
            self._packed = packed

    @staticmethod
    def pack(mark) -> int:
        """A start mark as the builder records it: 1-based line and column in one integer."""
        return (mark.line << _COLUMN_BITS) + mark.column + _FIRST

    def to_bytes(self) -> bytes:
        packed = self._packed
        return packed if isinstance(packed, bytes) else packed.tobytes()

    def of(self, path: tuple[Any, ...]) -> tuple[int, int] | None:
        """Line and column of the key or item at ``path``, or of the deepest part of the path
        that exists; None when not even the first step exists."""
        if self._children is None:
            if isinstance(self._packed, bytes):
                self._packed = array("Q", self._packed)
            self._children = self._index()
        children, packed, found = self._children, self._packed, None
        entry = -1  # the document itself
        for step in path:
            table = children.get(entry)
            if isinstance(table, dict):
                entry = table.get(step, -2) if isinstance(step, str) else -2
            elif isinstance(table, list) and type(step) is int and 0 <= step < len(table):
                entry = table[step]
            else:
                break
            if not 0 <= entry < len(packed):
                break
            value = packed[entry]
            found = (value >> _COLUMN_BITS, value & ((1 << _COLUMN_BITS) - 1))
        return found

    def lines(self) -> list[tuple[int, tuple[Any, ...]]]:
        """(line, path) of every key and list item, in the order the document holds them: what
        lies on a given line (`eacheck import` traces a finding back to a cell this way)."""
        if isinstance(self._packed, bytes):
            self._packed = array("Q", self._packed)
        packed, found = self._packed, []

        def walk(value: Any, path: tuple[Any, ...]) -> None:
            items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
            for key, item in items:
                if len(found) < len(packed):
                    found.append((packed[len(found)] >> _COLUMN_BITS, (*path, key)))
                walk(item, (*path, key))

        walk(self.value, ())
        return found

    def _index(self) -> dict[int, dict[Any, int] | list[int]]:
        """For each container, by the entry number of its own key or item (-1 for the document),
        the entry numbers of its keys or items."""
        children: dict[int, dict[Any, int] | list[int]] = {}
        counter = 0

        def walk(value: Any, own: int) -> None:
            nonlocal counter
            if isinstance(value, dict):
                table: dict[Any, int] = {}
                children[own] = table
                for key, item in value.items():
                    table[key] = entry = counter
                    counter += 1
                    walk(item, entry)
            elif isinstance(value, list):
                items: list[int] = []
                children[own] = items
                for item in value:
                    items.append(counter)
                    entry = counter
                    counter += 1
                    walk(item, entry)

        walk(self.value, -1)
        return children


@dataclass(slots=True)
class YamlDocument:
    """One document of a file: its plain value, where it begins, and where each key is."""

    index: int
    line: int
    column: int
    value: Any
    positions: Positions = field(default_factory=Positions)


@dataclass(slots=True)
class ParsedYaml:
    documents: list[YamlDocument] = field(default_factory=list)
    problems: list[YamlProblem] = field(default_factory=list)


class _Refused(Exception):
    def __init__(self, node: yaml.Node, message: Message) -> None:
        super().__init__(message)
        self.line = node.start_mark.line + 1
        self.column = node.start_mark.column + 1
        self.message = message


class _Overrun(Exception):
    """The file's budget of values or text ran out at ``node``."""

    def __init__(self, node: yaml.Node) -> None:
        super().__init__()
        self.node = node


class _Builder:
    """Turns the node trees of one file's documents into dicts, lists, str, int, float, bool and
    None, within the file's budgets."""

    __slots__ = ("values_left", "text_left", "problems", "positions")

    def __init__(self) -> None:
        self.values_left = MAX_VALUES_PER_FILE
        self.text_left = MAX_TEXT_PER_FILE
        self.problems: list[YamlProblem] = []
        self.positions = Positions()

    def document(self, root: yaml.Node) -> Any:
        self.problems = []
        self.positions = Positions()
        value = self.build(root)
        self.positions.value = value
        return value

    def build(self, node: yaml.Node, depth: int = 0) -> Any:
        self.values_left -= 1
        if self.values_left < 0:
            raise _Overrun(node)
        if depth > MAX_DEPTH:
            raise _Refused(node, msg("nesting deeper than {n} levels; flatten the document", n=MAX_DEPTH))
        tag = node.tag
        if type(node) is ScalarNode:
            if tag == STR:
                value = node.value
                return _intern(value) if len(value) <= _INTERNED_LENGTH else value
            return _scalar(node, tag)
        if type(node) is MappingNode:
            if tag != MAP:
                raise _Refused(node, _refused_tag(tag))
            return self._mapping(node, depth)
        if tag != SEQ:
            raise _Refused(node, _refused_tag(tag))
        items = []
        record, build = self.positions.record, self.build
        for item in node.value:
            mark = item.start_mark
            record((mark.line << _COLUMN_BITS) + mark.column + _FIRST)
            items.append(build(item, depth + 1))
        return items

    def _mapping(self, node: MappingNode, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_seen: dict[str, int] = {}
        record, build = self.positions.record, self.build
        for key_node, value_node in node.value:
            if type(key_node) is not ScalarNode:
                raise _Refused(key_node, msg("a key must be a plain name, not a list or a mapping"))
            key, key_tag = _intern(key_node.value), key_node.tag
            if key_tag != STR or key == "<<":
                if key_tag == "tag:yaml.org,2002:merge" or key == "<<":
                    raise _Refused(key_node, msg("merge keys (<<) are not supported; write the keys out in full"))
                # A key is always read as its text, but a tag on it is refused as anywhere else.
                _scalar(key_node, key_tag)
            mark = key_node.start_mark
            if key in first_seen:
                # Keep the first value: reporting is what matters, and the first is what a
                # reader sees first. The repeat is neither built nor recorded.
                if len(self.problems) >= MAX_PROBLEMS_PER_DOCUMENT:
                    if len(self.problems) == MAX_PROBLEMS_PER_DOCUMENT:
                        self.problems.append(YamlProblem(mark.line + 1, mark.column + 1, msg(
                            "more than {n} keys in this document are repeated; the rest are not "
                            "listed. Fix these and run eacheck again", n=Number(MAX_PROBLEMS_PER_DOCUMENT),
                        )))
                    continue
                self.problems.append(
                    YamlProblem(
                        mark.line + 1,
                        mark.column + 1,
                        msg("duplicate key '{key}' (first on line {first_line}); keep one of them",
                            key=shorten(key), first_line=first_seen[key]),
                    )
                )
                continue
            first_seen[key] = mark.line + 1
            record((mark.line << _COLUMN_BITS) + mark.column + _FIRST)
            result[key] = build(value_node, depth + 1)
        return result


class _AliasBuilder(_Builder):
    """The builder for a file that holds an alias (a '*'): it also counts the characters of text
    it builds, each expansion again. Without an alias a file cannot build more text than it
    holds, so the others do not pay for the count."""

    __slots__ = ()

    def build(self, node: yaml.Node, depth: int = 0) -> Any:
        if type(node) is ScalarNode:
            self.text_left -= len(node.value)
        elif type(node) is MappingNode:
            for key_node, _ in node.value:
                self.text_left -= len(key_node.value) if type(key_node) is ScalarNode else 0
        if self.text_left < 0:
            raise _Overrun(node)
        return super().build(node, depth)


def _refused_tag(tag: str) -> Message:
    shown = shorten(tag.replace("tag:yaml.org,2002:", "!!"))
    return msg("the tag {tag} is not allowed; eacheck reads plain data only (remove the tag)", tag=shown)


def _scalar(node: ScalarNode, tag: str) -> Any:
    """The value of a scalar whose tag is not ``str``. An explicit tag must fit its value as the
    core schema would have resolved it: ``!!int " 12"`` or ``!!null x`` are refused, not bent."""
    text = node.value
    if tag == INT:
        if _INT[1].match(text) is None:
            raise _Refused(node, msg("'{text}' is not a whole number", text=shorten(text)))
        significant = text.lstrip("+-").removeprefix("0x").removeprefix("0o").lstrip("0")
        if len(significant) > 40:  # before int(): Python refuses to parse 4,300 digits or more
            raise _Refused(node, _too_large(text))
        if text.startswith("0o"):
            number = int(text[2:], 8)
        elif text.startswith("0x"):
            number = int(text[2:], 16)
        else:
            number = int(text, 10)
        if abs(number) > MAX_WHOLE_NUMBER:
            raise _Refused(node, _too_large(text))
        return number
    if tag == BOOL:
        if _BOOL[1].match(text) is None:
            raise _Refused(node, msg("'{text}' is not a boolean; write true or false", text=shorten(text)))
        return text.lower() == "true"
    if tag == NULL:
        if text and _NULL[1].match(text) is None:
            raise _Refused(node, msg("'{text}' is not empty; remove the !!null tag", text=shorten(text)))
        return None
    if tag == FLOAT:
        if _FLOAT[1].match(text) is None and _INT[1].match(text) is None:
            raise _Refused(node, msg("'{text}' is not a number", text=shorten(text)))
        lowered = text.lower()
        if lowered.endswith(".inf"):
            return float("-inf") if lowered.startswith("-") else float("inf")
        if lowered == ".nan":
            return float("nan")
        try:
            return float(int(text, 0) if text.startswith(("0o", "0x")) else text)
        except (ValueError, OverflowError):
            raise _Refused(node, msg("'{text}' is not a number", text=shorten(text))) from None
    raise _Refused(node, _refused_tag(tag))


def _too_large(text: str) -> Message:
    return msg("the number {text} is too large; eacheck takes whole numbers of at most {n} digits",
               text=shorten(text, 40), n=len(str(MAX_WHOLE_NUMBER)))


def decode(data: bytes) -> str:
    """UTF-8, with or without a byte-order mark; anything else raises :class:`NotUtf8`."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as bad:
        line = data.count(b"\n", 0, bad.start) + 1
        column = bad.start - (data.rfind(b"\n", 0, bad.start) + 1) + 1
        byte = "0x%02x" % data[bad.start]
        raise NotUtf8(line, column, msg(
            "the file is not UTF-8 (byte {byte} at line {line}); save it as UTF-8", byte=byte, line=line,
        )) from None


def parse(text: str) -> ParsedYaml:
    """Parse every document of ``text``; problems are returned, never raised."""
    result = ParsedYaml()
    if len(text) > MAX_FILE_CHARACTERS:
        result.problems.append(YamlProblem(1, 1, msg(
            "the file has {count} characters, more than the {limit} eacheck reads from one file; "
            "split it into several files", count=Number(len(text)), limit=Number(MAX_FILE_CHARACTERS),
        )))
        return result
    composer = _Composer(text)
    builder = _AliasBuilder() if "*" in text else _Builder()
    index = 0
    try:
        while composer.check_node():
            root = composer.get_node()
            try:
                value = builder.document(root)
            except _Refused as refused:
                result.problems.append(YamlProblem(refused.line, refused.column, refused.message))
                value = None
            except _Overrun as overrun:
                result.problems.append(_overrun_problem(text, overrun.node, builder))
                break  # the rest of the file would only overrun again
            finally:
                result.problems.extend(builder.problems)
            builder.positions.value = value
            result.documents.append(
                YamlDocument(
                    index, root.start_mark.line + 1, root.start_mark.column + 1, value,
                    builder.positions,
                )
            )
            index += 1
    except yaml.MarkedYAMLError as error:
        result.problems.append(_syntax_problem(error, text))
    except yaml.reader.ReaderError:
        result.problems.append(_unreadable_character(text))
    except yaml.YAMLError as error:  # pragma: no cover - libyaml always gives a mark
        result.problems.append(YamlProblem(1, 1, msg("the YAML parser failed: `{detail}`", detail=shorten(str(error)))))
    finally:
        composer.dispose()
    return result


def _overrun_problem(text: str, node: yaml.Node, builder: _Builder) -> YamlProblem:
    """Where the budget ran out: at the alias whose expansion crossed it, found by replaying the
    file's events (only on this path: a normal file never pays for it)."""
    what = (
        msg("more than {n} values", n=Number(MAX_VALUES_PER_FILE)) if builder.values_left < 0
        else msg("more than {n} characters of text", n=Number(MAX_TEXT_PER_FILE))
    )
    alias = _alias_crossing_the_budget(text) if "*" in text else None  # no alias without '*'
    if alias is not None:
        mark, anchor = alias
        return YamlProblem(mark.line + 1, mark.column + 1, msg(
            "the alias *{anchor} here makes the file expand to {what} (an alias bomb?); write the "
            "values out instead of repeating aliases", anchor=shorten(anchor, 40), what=what,
        ))
    mark = node.start_mark
    return YamlProblem(mark.line + 1, mark.column + 1, msg(
        "the file holds {what}, more than eacheck reads from one file; split it into several files", what=what,
    ))


_NODE_EVENTS = (yaml.ScalarEvent, yaml.AliasEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)


def _alias_crossing_the_budget(text: str):
    """(mark, anchor) of the first alias at which the file's values or text exceed the budget,
    counted as the builder counts them; None if no alias does."""
    values = chars = 0
    sizes: dict[str, tuple[int, int]] = {}  # anchor -> (values, characters) of what it names
    open_nodes: list[list] = []  # per open collection: [anchor, values, characters, keys next]
    parser = CParser(text)

    def add(anchor, node_values: int, node_chars: int) -> None:
        if anchor:
            sizes[anchor] = (node_values, node_chars)
        if open_nodes:
            parent = open_nodes[-1]
            parent[1] += node_values
            parent[2] += node_chars

    try:
        while parser.check_event():
            event = parser.get_event()
            kind = type(event)
            if kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                anchor, node_values, node_chars, _ = open_nodes.pop()
                add(anchor, node_values, node_chars)
                continue
            if kind is yaml.DocumentStartEvent:
                sizes.clear()  # anchors belong to their document
                continue
            if kind not in _NODE_EVENTS:
                continue
            is_key = False
            if open_nodes and open_nodes[-1][3] is not None:  # inside a mapping: key, value, key...
                is_key = open_nodes[-1][3]
                open_nodes[-1][3] = not is_key
            if kind is yaml.ScalarEvent:
                counted = 0 if is_key else 1  # the builder counts values, not keys
                values += counted
                chars += len(event.value)
                add(event.anchor, counted, len(event.value))
            elif kind is yaml.AliasEvent:
                node_values, node_chars = sizes.get(event.anchor, (0, 0))
                if is_key:
                    node_values = 0
                values += node_values
                chars += node_chars
                add(None, node_values, node_chars)
                if values > MAX_VALUES_PER_FILE or chars > MAX_TEXT_PER_FILE:
                    return event.start_mark, event.anchor
            else:
                values += 1
                open_nodes.append([event.anchor, 1, 0, True if kind is yaml.MappingStartEvent else None])
    except yaml.YAMLError:
        pass
    finally:
        parser.dispose()
    return None


# The characters YAML 1.2 allows in a stream (section 5.1).
_NOT_YAML = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _unreadable_character(text: str) -> YamlProblem:
    found = _NOT_YAML.search(text)
    if found is None:  # pragma: no cover - libyaml refused something the pattern allows
        return YamlProblem(1, 1, msg("the file holds a character YAML does not allow; remove it"))
    line, column = _line_and_column(text, found.start())
    code = ord(found[0])
    shown, escape = "U+%04X" % code, "\\x%02x" % code
    name = msg("a NUL byte") if code == 0 else msg("the control character {code}", code=shown)
    return YamlProblem(line, column, msg(
        "the file holds {character} at line {line}, column {column}, which YAML does not allow; "
        "remove it, or if it is meant, write it as {escape} inside double quotes",
        character=name, line=line, column=column, escape=escape,
    ))


def _line_and_column(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _syntax_problem(error: yaml.MarkedYAMLError, text: str) -> YamlProblem:
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = error.problem or ""
    context = error.context or ""
    tab = _tab_in_indentation(text, line)
    if tab is not None:
        return YamlProblem(line, tab, msg(
            "line {line} is indented with a tab character (column {column}); YAML is indented with "
            "spaces only, so replace the tab with spaces", line=line, column=tab,
        ))
    if "tab" in problem or "'\\t'" in problem:
        message = msg("a tab character where YAML needs spaces; indent with spaces only")
    elif "maximum nesting depth" in problem:
        message = msg("nesting is too deep (over 1000 levels); this is not an architecture entity")
    elif "duplicate anchor" in context and mark is not None and error.context_mark is not None:
        anchor = re.match(r"&([^\s,\[\]{}]+)", text[mark.index:mark.index + 200])
        first = error.context_mark.line + 1
        if anchor:
            name = "&" + shorten(anchor[1], 40)
            message = msg("the anchor {anchor} is defined a second time here (first on line {first_line}); "
                          "give each anchor a name of its own", anchor=name, first_line=first)
        else:  # pragma: no cover - libyaml's mark is always at the '&'
            message = msg("an anchor is defined a second time here (first on line {first_line}); give "
                          "each anchor a name of its own", first_line=first)
    elif problem in _SYNTAX_PROBLEMS:
        said = msg(_SYNTAX_PROBLEMS[problem])
        where = _SYNTAX_CONTEXTS.get(context)
        if where is None:
            message = msg("YAML syntax error: {problem}; fix the syntax at this line", problem=said)
        else:
            message = msg("YAML syntax error: {problem} ({context}); fix the syntax at this line",
                          problem=said, context=msg(where))
    else:  # a problem libyaml has not said before: its own words, quoted as they are
        detail = f"{context} {problem}".strip() or "invalid YAML"
        message = msg("YAML syntax error (the parser says `{detail}`); fix the syntax at this line",
                      detail=shorten(detail))
    return YamlProblem(line, column, message)


# libyaml's problems and contexts, in words for people (the rest of libyaml's problems are
# about directives and encodings that eacheck's files never hold, or are said above).
_SYNTAX_PROBLEMS = {
    "did not find expected ',' or ']'": N_("a ',' or a closing ']' is missing"),
    "did not find expected ',' or '}'": N_("a ',' or a closing '}' is missing"),
    "did not find expected '-' indicator": N_("a list item ('- ') was expected here"),
    "did not find expected key": N_("a key was expected here; check the indentation"),
    "did not find expected node content": N_("a value was expected here"),
    "could not find expected ':'": N_("a ':' is missing after a key"),
    "mapping values are not allowed in this context": N_(
        "a ':' here cannot start a key; put a value that holds ': ' in quotes"),
    "mapping keys are not allowed in this context": N_("a key cannot stand here; check the indentation"),
    "block sequence entries are not allowed in this context": N_(
        "a list item ('- ') cannot stand here; check the indentation"),
    "found character that cannot start any token": N_(
        "a character that nothing in YAML can start with (such as @ or `); put the text in quotes"),
    "found unexpected end of stream": N_("the file ends before a quote or a bracket is closed"),
    "found unknown escape character": N_(
        "an unknown escape ('\\' in double quotes); write the text in single quotes instead"),
    "found unexpected ':'": N_("an unexpected ':'; put the text in quotes"),
    "found unexpected document indicator": N_(
        "a '---' or '...' inside a value; put the text in quotes"),
    "did not find expected comment or line break": N_("the line goes on where it should end"),
    "did not find expected whitespace or line break": N_("a space or a line break is missing"),
    "did not find expected alphabetic or numeric character": N_(
        "a name of letters and digits must follow '&', '*' or '!'"),
    "did not find expected <document start>": N_("a new document must begin with '---'"),
    "did not find the expected '>'": N_("a closing '>' is missing"),
    "found an indentation indicator equal to 0": N_("the indentation of a block text cannot be 0"),
    "found undefined tag handle": N_("a tag with a prefix that is not defined"),
    "found unknown directive name": N_("an unknown directive (a line that starts with '%')"),
    "found undefined alias": N_("an alias (*name) with no anchor (&name) before it"),
}
_SYNTAX_CONTEXTS = {
    "while parsing a flow sequence": N_("in a list in square brackets"),
    "while parsing a flow mapping": N_("in keys and values in curly brackets"),
    "while parsing a block mapping": N_("among keys and values"),
    "while parsing a block collection": N_("in a list or among keys and values"),
    "while scanning a quoted scalar": N_("in a text in quotes"),
    "while parsing a quoted scalar": N_("in a text in quotes"),
    "while scanning a simple key": N_("in what looks like a key"),
    "while scanning a plain scalar": N_("in a text without quotes"),
    "while scanning a block scalar": N_("in a block text (| or >)"),
    "while scanning an anchor": N_("in an anchor (&)"),
    "while scanning an alias": N_("in an alias (*)"),
    "while scanning a tag": N_("in a tag (!)"),
    "while parsing a tag": N_("in a tag (!)"),
    "while scanning a directive": N_("in a directive (%)"),
}


def _tab_in_indentation(text: str, line: int) -> int | None:
    """The column of the first tab in the indentation of ``line``, if it has one."""
    start = 0
    for _ in range(line - 1):
        start = text.find("\n", start) + 1
        if start == 0:
            return None
    end = text.find("\n", start)
    content = text[start:] if end < 0 else text[start:end]
    indentation = content[: len(content) - len(content.lstrip(" \t"))]
    tab = indentation.find("\t")
    return None if tab < 0 else tab + 1
