"""Everything that can be said about one file from its bytes alone.

Decoding, YAML parsing, the shape and kind of each document and its JSON Schema: none of it
depends on any other file, so this stage can run in parallel and be cached by content (see
:mod:`eacheck.loading.pipeline`). Ids and references, which need the whole repository, are
checked afterwards by the loader.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from eacheck.i18n import Message, N_, msg, stored
from eacheck.i18n.formats import Quoted
from eacheck.loading import yaml_parser
from eacheck.loading.sources import ARCHITECTURE_DIR, PRINCIPLES_DIR
from eacheck.model import schema_validation
from eacheck.model.naming import a, subject_of
from eacheck.model.suggestions import closest, suggestion
from eacheck.safe_text import shorten

ALLOWED_KINDS = {
    ARCHITECTURE_DIR: schema_validation.KINDS,
    PRINCIPLES_DIR: ("principle",),
}

# Two dates of one document where the first may not fall after the second, and what to say
# when it does. A retired system is left out of the lifecycle pair: its `since` is the day it
# was retired, which may well fall after the `retire_by` it missed.
_DATE_ORDER = {
    "system": (
        (("lifecycle", "since"), ("lifecycle", "retire_by"), N_(
            "'{first}' ({earlier}) is after '{second}' ({later}) in {subject}, so the system would be "
            "due for retirement before it got its current status; correct one of the dates")),
        (("contract", "start"), ("contract", "end"), N_(
            "'{first}' ({earlier}) is after '{second}' ({later}) in {subject}, so the contract would end "
            "before it starts; correct one of the dates")),
    ),
}

@dataclass(slots=True)
class CheckedDocument:
    """A mapping document of a kind allowed where it stands; ``valid`` when its schema holds."""

    index: int
    line: int
    column: int
    kind: str
    value: dict[str, Any]
    valid: bool

    @property
    def id(self) -> str | None:
        value = self.value.get("id")
        return value if isinstance(value, str) else None


@dataclass(slots=True)
class FileProblem:
    line: int
    column: int
    message: Message
    subject: str = ""
    kind: str = "file"


@dataclass(slots=True)
class CheckedFile:
    path: str
    documents: list[CheckedDocument] = field(default_factory=list)
    # Per document index (empty documents included): its value and where its keys are, so
    # that any later message can point at a line.
    located: list[yaml_parser.Positions] = field(default_factory=list)
    problems: list[FileProblem] = field(default_factory=list)

    # Plain tuples, so that results cross process boundaries and the cache cheaply; messages
    # in their stored form (eacheck.i18n.stored), rebuilt and checked on the way back.
    def to_tuple(self) -> tuple:
        return (
            self.path,
            [(d.index, d.line, d.column, d.kind, d.valid) for d in self.documents],
            [(positions.value, positions.to_bytes()) for positions in self.located],
            [(p.line, p.column, stored.dump(p.message), p.subject, p.kind) for p in self.problems],
        )

    @classmethod
    def from_tuple(cls, data: tuple) -> "CheckedFile":
        """The file :meth:`to_tuple` made; ValueError when a message is not one it stored."""
        path, documents, located, problems = data
        positions = [yaml_parser.Positions(value, packed) for value, packed in located]
        return cls(
            path,
            # A checked document's value is the one in `located`: stored once, not twice.
            [CheckedDocument(i, line, column, kind, located[i][0], valid)
             for i, line, column, kind, valid in documents],
            positions,
            [FileProblem(line, column, stored.load(message), subject, kind)
             for line, column, message, subject, kind in problems],
        )


def check_file(path: str, data: bytes, place: str) -> CheckedFile:
    """Parse ``data`` (the bytes of ``path`` under ``place``) and check each document alone."""
    result = CheckedFile(path)
    try:
        text = yaml_parser.decode(data)
    except yaml_parser.NotUtf8 as error:
        result.problems.append(FileProblem(error.line, error.column, error.message))
        return result
    parsed = yaml_parser.parse(text)
    result.problems.extend(FileProblem(p.line, p.column, p.message) for p in parsed.problems)
    result.located = [document.positions for document in parsed.documents]
    allowed = ALLOWED_KINDS[place]
    for document in parsed.documents:
        value = document.value
        if value is None:
            continue  # an empty document: allowed
        message = _shape_problem(value, allowed, place)
        if message:
            result.problems.append(FileProblem(document.line, document.column, message))
            continue
        kind = value["kind"]
        issues = schema_validation.validate(kind, value, file=path)
        checked = CheckedDocument(document.index, document.line, document.column, kind, value, not issues)
        subject = checked.id or path
        for issue in issues:
            line, column = document.positions.of(issue.path) or (document.line, document.column)
            result.problems.append(FileProblem(line, column, issue.message, subject, checked.kind))
        # Every problem in one run: a contradiction between two real dates is said even when
        # another key of the document is wrong.
        for message, positions in _date_order_problems(checked.kind, value, document.positions, path):
            line, column = positions or (document.line, document.column)
            result.problems.append(FileProblem(line, column, message, subject, checked.kind))
        result.documents.append(checked)
    return result


def _date_order_problems(kind: str, value: dict[str, Any], positions: yaml_parser.Positions, file: str):
    """(message, position of whichever key comes later in the file) per contradicting pair."""
    for first, second, text in _DATE_ORDER.get(kind, ()):
        if first[0] == "lifecycle" and _at(value, ("lifecycle", "status")) == "retired":
            continue
        earlier, later = _real_date(_at(value, first)), _real_date(_at(value, second))
        if earlier is None or later is None or earlier <= later:  # ISO dates sort as text
            continue
        where = max(
            (found for found in (positions.of(path) for path in (first, second)) if found),
            default=None,
        )
        yield (
            msg(text, first=".".join(first), earlier=earlier, second=".".join(second), later=later,
                subject=subject_of(kind, value, file)),
            where,
        )


def _at(value: Any, path: tuple[str, ...]) -> Any:
    for step in path:
        value = value.get(step) if isinstance(value, dict) else None
    return value


def _real_date(value: Any) -> str | None:
    """``value`` when it is a date as the schema wants it (YYYY-MM-DD, a real day), else None:
    a malformed date is a problem of its own, not one side of a contradiction."""
    if not isinstance(value, str) or len(value) != 10 or value[4] != "-" or value[7] != "-":
        return None
    try:
        date.fromisoformat(value)
    except ValueError:
        return None
    return value


def _shape_problem(value: Any, allowed: tuple[str, ...], place: str) -> Message | None:
    if not isinstance(value, dict):
        if isinstance(value, list):
            return msg("this document is a list; each document must be a mapping with 'kind' and 'id'")
        return msg("this document is a single value; each document must be a mapping with 'kind' and 'id'")
    kind = value.get("kind")
    if kind is None:
        return msg("this document has no 'kind'; add e.g. 'kind: system'")
    if kind in allowed:
        return None
    if kind == "principle":
        return msg("a principle belongs in principles/, not in architecture/; move the file")
    if isinstance(kind, str) and kind in schema_validation.KINDS:
        return msg("{kind} belongs in architecture/, not in {place}/; move the file", kind=a(kind), place=place)
    shown = shorten(str(kind))
    hint = suggestion(closest(shown, allowed, n=1))
    if hint is not None:
        return msg("unknown kind '{kind}'; {suggestion}", kind=shown, suggestion=hint)
    return msg("unknown kind '{kind}'; use {kinds}", kind=shown, kinds=Quoted(tuple(allowed), style="or"))
