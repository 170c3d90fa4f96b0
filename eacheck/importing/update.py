"""`import --update`: change exactly the differing keys of existing documents, in place.

ruamel.yaml's round-trip mode reads a file into mappings that remember their comments, key
order, quoting and the file's other documents, and writes it back. The keys that differ are set
in those mappings (a new key at its documented place among the keys already there), and the
file is written again.

ruamel's own writing of the untouched parts is faithful but not byte for byte (it drops blank
lines before ``---``, for one). So the change is carried over as a patch: the lines in which
ruamel's writing of the changed file differs from its writing of the unchanged file replace the
same lines of the original text, and everything else stays exactly as the architect wrote it.
Only when the original cannot be lined up with ruamel's writing is ruamel's whole output used.
"""

from __future__ import annotations

import datetime
import io
import re
from difflib import SequenceMatcher
from typing import Any

from eacheck.loading.yaml_writing import key_order, yaml_value
from eacheck.model.schema_validation import schema_for


def _yaml():
    from ruamel.yaml import YAML

    yaml = YAML()  # round-trip, YAML 1.2: NO stays the text "NO", as eacheck reads it
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap a long line the architect wrote on one line
    return yaml


def updated_text(original: str, changes: dict[str, dict[tuple[str, ...], Any]], kinds: dict[str, str]) -> str:
    """``original`` with ``changes`` (entity id -> key path -> new value) made in place;
    ``kinds`` gives each id's kind, for the documented key order.

    Only the documents that change go through ruamel: it takes milliseconds a document, and
    lining its writing up with the original costs time squared in the lines it compares, so one
    changed key in a file of 20,000 organizations took seven minutes when the whole file went
    through. A document is found by its ``id:`` line; when that is not plain (flow style, an
    anchor), the whole file is done as before.
    """
    if "\r\n" in original:  # a file saved on Windows keeps its line endings
        return updated_text(original.replace("\r\n", "\n"), changes, kinds).replace("\n", "\r\n")
    indentation = _indentation(original)
    documents = _DOCUMENT_START.split(original)
    if len(documents) > 1:
        where: dict[str, int] = {}
        for entity_id in changes:
            line = re.compile(rf"^id:[ \t]*(['\"]?){re.escape(entity_id)}\1[ \t]*(?:#.*)?$", re.MULTILINE)
            found = [index for index, text in enumerate(documents) if line.search(text)]
            if len(found) != 1:
                break
            where[entity_id] = found[0]
        else:
            for index in sorted(set(where.values())):
                mine = {entity_id: change for entity_id, change in changes.items() if where[entity_id] == index}
                # The blank lines before the next document stay after it, as in the whole file:
                # a key added at the end goes before them.
                blank = _TRAILING_BLANK_LINES.search(documents[index])
                cut = blank.start() + 1 if blank else len(documents[index])
                body, tail = documents[index][:cut], documents[index][cut:]
                documents[index] = _updated(body, mine, kinds, indentation) + tail
            return "".join(documents)
    return _updated(original, changes, kinds, indentation)


# A line that starts a document ("---", alone or before content): the text is cut before each,
# so every part but the first starts with its own marker. YAML forbids such a line inside a
# scalar, so it cannot cut one.
_DOCUMENT_START = re.compile(r"(?m)^(?=---(?:[ \t]|$))")
_TRAILING_BLANK_LINES = re.compile(r"\n(?:[ \t]*\n)+\Z")


def _updated(original: str, changes: dict[str, dict[tuple[str, ...], Any]], kinds: dict[str, str],
             indentation: tuple[int, int]) -> str:
    mapping_indent, offset = indentation
    yaml = _yaml()
    yaml.indent(mapping=mapping_indent, sequence=mapping_indent + offset, offset=offset)
    documents = list(yaml.load_all(original))
    unchanged = _dump(yaml, documents)
    for document in documents:
        entity_id = document.get("id") if hasattr(document, "get") else None
        if entity_id in changes:
            schema = schema_for(kinds[entity_id])
            for path, value in changes[entity_id].items():
                _set(document, path, value, schema)
    changed = _dump(yaml, documents)
    return _carry_over(original, unchanged, changed) or changed


_KEY_LINE = re.compile(r"( *)[^\s#-][^:#]*:\s*(?:#.*)?$")
_ITEM_LINE = re.compile(r"( *)- ")


def _indentation(text: str) -> tuple[int, int]:
    """How the file indents: (mapping indent, offset of "- " under its key), as first seen."""
    mapping_indent = offset = None
    lines = text.splitlines()
    for previous, line in zip(lines, lines[1:]):
        opened = _KEY_LINE.match(previous)
        if not opened:
            continue
        depth = len(line) - len(line.lstrip(" "))
        item = _ITEM_LINE.match(line)
        if item and offset is None:
            offset = len(item[1]) - len(opened[1])
        elif not item and line.strip() and mapping_indent is None and depth > len(opened[1]):
            mapping_indent = depth - len(opened[1])
    return mapping_indent or 2, max(offset or 0, 0)


def _dump(yaml, documents: list[Any]) -> str:
    stream = io.StringIO()
    yaml.dump_all(documents, stream)
    return stream.getvalue()


def _set(document, path: tuple[str, ...], value: Any, schema: dict[str, Any]) -> None:
    from ruamel.yaml.comments import CommentedMap

    target, node = document, schema
    for step in path[:-1]:
        inner = node.get("properties", {}).get(step, {})
        if not isinstance(target.get(step), dict):
            if step in target:
                target[step] = CommentedMap()
            else:
                _insert(target, step, CommentedMap(), key_order(node))
        target, node = target[step], inner
    key = path[-1]
    new = _ruamel_value(value, node.get("properties", {}).get(key, {}), target.get(key))
    if key in target:
        target[key] = new
    else:
        _insert(target, key, new, key_order(node))


def _insert(target, key: str, value: Any, order: list[str]) -> None:
    """Put ``key`` where the documented order puts it among the keys already there."""
    rank = {name: index for index, name in enumerate(order)}
    position = len(target)
    if key in rank:
        for index, existing in enumerate(target):
            if rank.get(existing, len(rank)) > rank[key]:
                position = index
                break
    target.insert(position, key, value)


def _ruamel_value(value: Any, node: dict[str, Any], old: Any) -> Any:
    from ruamel.yaml.comments import CommentedSeq
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString, LiteralScalarString

    if isinstance(value, list):
        items = [_ruamel_value(item, node.get("items", {}), None) for item in value]
        if isinstance(old, CommentedSeq):
            # The list itself, edited: its style (flow or block) and the comments on the items
            # that stay are kept; items that went are taken out, new ones added at the end (a
            # list of ids is compared as a set, so its order is no change).
            for index in reversed(range(len(old))):
                if old[index] not in items:
                    del old[index]
            old.extend(item for item in items if item not in old)
            return old
        sequence = CommentedSeq(items)
        sequence.fa.set_flow_style()
        return sequence
    if isinstance(value, str):
        if node.get("format") == "date":
            try:
                return datetime.date.fromisoformat(value)
            except ValueError:
                pass
        if "\n" in value and value == value.strip():  # lines, as an architect writes them: `|-`
            return LiteralScalarString(value)
        if yaml_value(value) != value:  # a YAML 1.1 trap, or text that reads as a number
            return DoubleQuotedScalarString(value)
    return value


def _carry_over(original: str, unchanged: str, changed: str) -> str | None:
    """``original`` with the lines that differ between ``unchanged`` and ``changed`` replaced;
    None when the changed lines cannot be found in ``original``."""
    source = original.splitlines(keepends=True)
    before = unchanged.splitlines(keepends=True)
    after = changed.splitlines(keepends=True)
    if source and not source[-1].endswith("\n"):
        source[-1] += "\n"
    in_source: dict[int, int] = {}
    for block in SequenceMatcher(None, before, source, autojunk=False).get_matching_blocks():
        for offset in range(block.size):
            in_source[block.a + offset] = block.b + offset
    edits = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        if i1 < i2:
            if any(i not in in_source for i in range(i1, i2)):
                return None
            start, end = in_source[i1], in_source[i2 - 1] + 1
            if end - start != i2 - i1:
                return None
        elif i1 > 0 and (i1 - 1) in in_source:
            start = end = in_source[i1 - 1] + 1
        elif i1 < len(before) and i1 in in_source:
            start = end = in_source[i1]
        elif not before:
            start = end = len(source)
        else:
            return None
        edits.append((start, end, after[j1:j2]))
    for start, end, lines in sorted(edits, reverse=True):
        source[start:end] = lines
    return "".join(source)
