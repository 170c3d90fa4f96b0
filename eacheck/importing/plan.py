"""From candidates to a plan: what an import would create and change, and every problem with it.

Nothing is written here. The plan is checked by loading the repository as it would be after the
import (:class:`~eacheck.importing.overlay.Overlay`) with eacheck's own loader: each new entity
is rendered as the file it would become and each changed file as it would be, so the rows meet
exactly the checks `eacheck validate` applies to files, with the same messages. A problem in a
file the import would write is traced back to its row and column through the positions the
loader records; problems the repository had before the import are not the import's.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from eacheck.i18n import Message, msg, msg_n
from eacheck.i18n.formats import Number
from eacheck.safe_text import shorten
from eacheck.importing import layout
from eacheck.importing.candidates import Candidate, leaves
from eacheck.importing.overlay import Overlay
from eacheck.importing.problems import Problem, Where
from eacheck.importing.rows import Names
from eacheck.importing.text import trim
from eacheck.importing.update import updated_text
from eacheck.loading import load, yaml_parser
from eacheck.loading.sources import ARCHITECTURE_DIR
from eacheck.loading.yaml_writing import document
from eacheck.model.naming import a


@dataclass(frozen=True)
class Difference:
    key: str
    old: Any          # None: the file does not have the key
    new: Any


@dataclass
class Created:
    path: str
    text: str
    candidate: Candidate


@dataclass
class Changed:
    path: str
    candidate: Candidate
    differences: list[Difference]


@dataclass
class ImportPlan:
    source: str
    problems: list[Problem] = field(default_factory=list)
    created: list[Created] = field(default_factory=list)
    changed: list[Changed] = field(default_factory=list)
    unchanged: int = 0
    # path -> (text now, text after the update)
    updates: dict[str, tuple[str, str]] = field(default_factory=dict)
    notes: list[Message] = field(default_factory=list)
    existing_problems: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass
class _Existing:
    kind: str
    file: str
    value: dict[str, Any]
    line: int


Reader = Callable[[Names], tuple[list[Candidate], list[Problem]]]


def plan(source, read: Reader, label: str, progress=None) -> ImportPlan:
    """What importing the candidates ``read`` gives into the repository ``source`` would do."""
    result = ImportPlan(label)
    baseline = load(source)
    result.existing_problems = len(baseline.problems)
    existing = _existing(baseline)
    names = Names()
    for entity_id, found in existing.items():
        names.add(found.kind, entity_id, found.value.get("name", found.value.get("title")))
    candidates, problems = read(names)
    result.problems += problems
    if progress:
        progress("", -1)
    usable = _unique_ids(candidates, existing)

    place = layout.planner([(e.kind, e.file, e.value) for e in existing.values()], set(baseline.located))
    files: dict[str, str] = {}
    new_by_path: dict[str, Candidate] = {}
    changes_by_file: dict[str, dict[str, dict[tuple[str, ...], Any]]] = {}
    changed_by_file: dict[str, dict[str, Candidate]] = {}
    for candidate in usable:
        found = existing.get(candidate.id)
        if found is None:
            path = place(candidate.kind, candidate.value)
            files[path] = document(candidate.kind, candidate.value)
            new_by_path[path] = candidate
            result.created.append(Created(path, files[path], candidate))
            continue
        differences = _differences(found.value, candidate.value, candidate.kind)
        if not differences:
            result.unchanged += 1
            continue
        result.changed.append(Changed(found.file, candidate, differences))
        changes_by_file.setdefault(found.file, {})[candidate.id] = {
            tuple(d.key.split(".")): d.new for d in differences}
        changed_by_file.setdefault(found.file, {})[candidate.id] = candidate
    kinds = {entity_id: found.kind for entity_id, found in existing.items()}
    for path, changes in changes_by_file.items():
        original = source.read(path).data.decode("utf-8-sig")
        try:
            files[path] = updated_text(original, changes, kinds)
        except Exception as error:  # ruamel refuses what eacheck reported (a repeated key …)
            if not type(error).__module__.startswith("ruamel"):
                raise
            for candidate in changed_by_file[path].values():
                candidate.problem(None, msg(
                    "{path} cannot be changed in place ({reason}); correct the file (`eacheck validate` "
                    "shows what is wrong) and import again", path=path,
                    reason=shorten(" ".join(str(getattr(error, "problem", None) or error).split()))))
            continue
        result.updates[path] = (original, files[path])

    after = load(Overlay(source, files)) if files else baseline
    result.problems += _new_problems(baseline, after, new_by_path, changed_by_file)
    for candidate in candidates:
        result.problems += candidate.problems
    result.problems.sort(key=Problem.sort_key)
    return result


def _existing(repository) -> dict[str, _Existing]:
    """Every architecture document with an id, valid or not (first definition wins)."""
    found: dict[str, _Existing] = {}
    for file, documents in sorted(repository.located.items()):
        if not file.startswith(ARCHITECTURE_DIR + "/"):
            continue
        for positions in documents:
            value = positions.value
            if isinstance(value, dict) and isinstance(value.get("id"), str):
                line = positions.of(("id",))
                kind = value.get("kind")
                found.setdefault(value["id"], _Existing(kind if isinstance(kind, str) else "entity",
                                                        file, value, line[0] if line else 1))
    return found


# Rows a "the id is also the id of" problem names; the rest are counted.
SHOWN_ROWS = 10


def _unique_ids(candidates: list[Candidate], existing: dict[str, _Existing]) -> list[Candidate]:
    """Candidates with an id of their own: rows sharing an id are all reported, and so is an id
    the repository gives to another kind."""
    by_id: dict[str, list[Candidate]] = {}
    for candidate in candidates:
        if candidate.id is not None:
            by_id.setdefault(candidate.id, []).append(candidate)
    usable = []
    for entity_id, group in by_id.items():
        if len(group) > 1:
            first = group[: SHOWN_ROWS + 1]  # enough to name SHOWN_ROWS others of any row
            for candidate in group:
                others = [other.where.prefix() for other in first if other is not candidate][:SHOWN_ROWS]
                more = len(group) - 1 - len(others)
                if more:  # 100,000 rows of one id must not make 100,000 lines of 100,000 places
                    candidate.problem(candidate.id_column, msg_n(
                        "the id '{id}' is also the id of {rows} and {n} more row; ids must be unique, "
                        "so give each its own",
                        "the id '{id}' is also the id of {rows} and {n} more rows; ids must be unique, "
                        "so give each its own", more, id=entity_id, rows=", ".join(others), n=Number(more)))
                    continue
                candidate.problem(candidate.id_column, msg(
                    "the id '{id}' is also the id of {rows}; ids must be unique, so give each its own",
                    id=entity_id, rows=", ".join(others)))
            continue
        candidate = group[0]
        found = existing.get(entity_id)
        if found is not None and found.kind != candidate.kind:
            candidate.problem(candidate.id_column, msg(
                "the id '{id}' is already used by {a_kind} in {place}; ids are unique across all kinds, "
                "so give this one another", id=entity_id, a_kind=a(found.kind),
                place=":".join((found.file, str(found.line)))))
            continue
        usable.append(candidate)
    return usable


def _comparable(value: Any) -> Any:
    """A value as compared: a list of ids or countries is a set (its order is no change), and
    true is not 1."""
    if isinstance(value, list):
        return ("list", sorted(repr(_comparable(item)) for item in value))
    if isinstance(value, bool):
        return ("bool", value)
    if isinstance(value, (int, float)):
        return ("number", value)
    if isinstance(value, str):
        # Cells are trimmed, so a description written with `|` (which keeps its last line
        # break) or saved with Windows line breaks is the same text as the cell that holds it.
        return trim(value.replace("\r\n", "\n"))
    return value


# What a key means when a file leaves it out (SPEC §2, docs/format.md). A source that gives
# exactly that value for a key the file leaves out says what the file says: no difference, so
# that an ArchiMate model (which states every capability's sharing and every integration's
# status) or a "nej" in a yes/no column does not fill files with defaults.
_DEFAULTS: dict[str, dict[tuple[str, ...], Any]] = {
    "capability": {("sharing",): "group"},
    "integration": {("status",): "active"},
    "system": {("group_common",): False, ("hosting", "customer_managed_keys"): False,
               ("data", "personal_data"): "none", ("data", "confidentiality"): 0, ("data", "secrecy"): False},
}


def _differences(old: dict[str, Any], new: dict[str, Any], kind: str = "") -> list[Difference]:
    """The keys the candidate gives whose value differs from the file's (a key the candidate
    leaves out is never a difference: an empty cell removes nothing; nor is a key the file
    leaves out and the candidate gives its default value)."""
    defaults = _DEFAULTS.get(kind, {})
    before = leaves(old)
    found = []
    for path, value in leaves(new).items():
        if path in (("kind",), ("id",)):
            continue
        current = before.get(path)
        if current is None and len(path) > 1:
            container = old
            for step in path:
                container = container.get(step) if isinstance(container, dict) else None
            current = container
        if current is None and path in defaults and _comparable(defaults[path]) == _comparable(value):
            continue
        if _comparable(current) != _comparable(value):
            found.append(Difference(".".join(path), current, value))
    return found


def _path_at(positions: yaml_parser.Positions, line: int) -> tuple[Any, ...]:
    """The shortest key path that starts on ``line``; () for the document as a whole."""
    paths = [path for found, path in positions.lines() if found == line]
    shortest = min(paths, key=len) if paths else ()
    # The document's first line is its 'kind', which the mapping gives: the row as a whole.
    return () if shortest == ("kind",) else shortest


def _new_problems(baseline, after, new_by_path: dict[str, Candidate],
                  changed_by_file: dict[str, dict[str, Candidate]]) -> list[Problem]:
    """Problems of the repository after the import that it did not have before, each traced
    back to the row behind it where there is one."""
    before = Counter((f.file, f.subject, f.code or str(f.message)) for f in baseline.problems)
    problems: list[Problem] = []
    for finding in after.problems:
        key = (finding.file, finding.subject, finding.code or str(finding.message))
        if finding.file not in new_by_path and before[key] > 0:
            before[key] -= 1
            continue
        candidate, path = _traced(after, finding, new_by_path, changed_by_file)
        if candidate is None:
            problems.append(Problem(Where(finding.file, finding.line, order=(10**9,)), finding.message))
            continue
        if not path and candidate.problems:
            continue  # "needs the key …" because a cell of the row was empty or wrong: said already
        column = candidate.column_of(path) if path else None
        if column is not None and any(p.where.column == column for p in candidate.problems):
            continue
        candidate.problem(column, finding.message)
    return problems


def _traced(after, finding, new_by_path, changed_by_file) -> tuple[Candidate | None, tuple[Any, ...]]:
    documents = after.located.get(finding.file, [])
    if finding.file in new_by_path and documents:
        return new_by_path[finding.file], _path_at(documents[0], finding.line)
    candidates = changed_by_file.get(finding.file)
    if not candidates:
        return None, ()
    best = None
    for positions in documents:
        lines = positions.lines()
        if lines and lines[0][0] <= finding.line + 1 and isinstance(positions.value, dict):
            best = positions
    if best is None or best.value.get("id") not in candidates:
        return None, ()
    return candidates[best.value["id"]], _path_at(best, finding.line)
