"""Load an architecture repository into a :class:`Landscape`, collecting every problem on the way.

Nothing is raised for a problem in the files: each becomes a ``schema`` finding with the file and
line, and loading goes on so that one run reports everything. Only a repository that cannot be
read at all (see :mod:`eacheck.loading.sources`) raises :class:`~eacheck.errors.UsageError`.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from eacheck.findings import SCHEMA, Finding, Severity
from eacheck.loading import parsing
from eacheck.loading.yaml_parser import unpack
from eacheck.loading.sources import (
    ARCHITECTURE_DIR,
    PRINCIPLES_DIR,
    SETTINGS_FILE,
    SourceFile,
)
from eacheck.model import schema_validation
from eacheck.model.countries import ISO_3166_ALPHA_2
from eacheck.model.entities import (
    Capability,
    Integration,
    Organization,
    Origin,
    Principle,
    Procurement,
    Settings,
    System,
    Waiver,
)
from eacheck.model.landscape import Landscape
from eacheck.model.references import COUNTRY_PATHS, article, reference_problems, values_at

DEFAULT_PRINCIPLES_LABEL = "<eacheck defaults>/principles"
_POSITIONS = re.compile(r"(?:line \d+|:\d+)")

_BUILDERS = {
    "organization": lambda raw, origin, home: Organization(
        raw["id"], raw["name"], raw["type"], raw.get("parent"), origin
    ),
    "capability": lambda raw, origin, home: Capability(
        raw["id"], raw["name"], raw.get("parent"), raw.get("sharing", "group"), origin
    ),
    "system": System.from_yaml,
    "integration": lambda raw, origin, home: Integration.from_yaml(raw, origin),
    "procurement": Procurement.from_yaml,
    "exception": lambda raw, origin, home: Waiver.from_yaml(raw, origin),
    "principle": lambda raw, origin, home: Principle.from_yaml(raw, origin),
}


@dataclass
class _Document:
    file: str
    index: int
    line: int
    column: int
    value: dict[str, Any]
    kind: str
    valid: bool = True

    @property
    def origin(self) -> Origin:
        return Origin(self.file, self.index, self.line, self.column)

    @property
    def id(self) -> str | None:
        value = self.value.get("id")
        return value if isinstance(value, str) else None


@dataclass
class LoadedRepository:
    """What loading produced: the landscape of valid entities and the problems found."""

    landscape: Landscape
    problems: list[Finding] = field(default_factory=list)
    # file -> per document (by index) the packed position of every key path
    positions: dict[str, list[dict[tuple[Any, ...], int]]] = field(default_factory=dict)
    used_default_principles: bool = False

    def locate(self, origin: Origin, path: tuple[Any, ...] = ()) -> tuple[int, int]:
        """Line and column of ``path`` inside the document at ``origin`` (its start if absent)."""
        return self.locate_all([(origin, path)])[0]

    def locate_all(self, requests: list[tuple[Origin, tuple[Any, ...]]]) -> list[tuple[int, int]]:
        """Positions for many (origin, path) pairs."""
        return [_position(self.positions, origin, path) for origin, path in requests]


def _position(
    positions: dict[str, list[dict[tuple[Any, ...], int]]], origin: Origin, path: tuple[Any, ...]
) -> tuple[int, int]:
    """The recorded position of ``path``, or of its longest prefix that exists."""
    recorded = positions.get(origin.file)
    if recorded and origin.document < len(recorded):
        keys = recorded[origin.document]
        for end in range(len(path), 0, -1):
            packed = keys.get(path[:end])
            if packed is not None:
                return unpack(packed)
    return origin.line, origin.column


class _Loader:
    def __init__(self, source) -> None:
        self.source = source
        self.problems: list[Finding] = []
        self.positions: dict[str, list[dict[tuple[Any, ...], int]]] = {}

    def problem(self, file: str, line: int, column: int, message: str, subject: str = "", kind: str = "file") -> None:
        code = _POSITIONS.sub("", message)  # baselines must not depend on line numbers
        self.problems.append(
            Finding(SCHEMA, Severity.ERROR, subject or file, kind, message, file, line, column, code)
        )

    def document_problem(self, document: _Document, path: tuple[Any, ...], message: str) -> None:
        line, column = _position(self.positions, document.origin, path)
        self.problem(document.file, line, column, message, document.id or document.file, document.kind)

    # -- reading ---------------------------------------------------------------------------

    def read_documents(self, files: list[SourceFile]) -> list[tuple[str, Any, int, int, int]]:
        """(file, value, index, line, column) of every non-empty document."""
        documents = []
        for parsed in parsing.parse_files(files):
            self.positions[parsed.path] = [document.positions for document in parsed.documents]
            for problem in parsed.problems:
                self.problem(parsed.path, problem.line, problem.column, problem.message)
            for document in parsed.documents:
                if document.value is not None:
                    documents.append(
                        (parsed.path, document.value, document.index, document.line, document.column)
                    )
        return documents

    def classify(
        self, raw_documents, allowed_kinds: tuple[str, ...], place: str
    ) -> list[_Document]:
        documents = []
        for file, value, index, line, column in raw_documents:
            if not isinstance(value, dict):
                shape = "a list" if isinstance(value, list) else "a single value"
                self.problem(
                    file, line, column,
                    f"this document is {shape}; each document must be a mapping with 'kind' and 'id'",
                )
                continue
            kind = value.get("kind")
            if kind is None:
                self.problem(file, line, column, "this document has no 'kind'; add e.g. 'kind: system'")
                continue
            if kind not in allowed_kinds:
                self.problem(file, line, column, _kind_message(kind, allowed_kinds, place))
                continue
            documents.append(_Document(file, index, line, column, value, kind))
        return documents

    # -- checking --------------------------------------------------------------------------

    def check_schemas(self, documents: list[_Document]) -> None:
        for document in documents:
            issues = schema_validation.validate(document.kind, document.value)
            for issue in issues:
                self.document_problem(document, issue.path, issue.message)
            document.valid = not issues

    def check_ids(self, documents: list[_Document], uniqueness: str) -> dict[str, str]:
        """Kind of every id, first definition wins; a repeated id is a problem at the repeat."""
        first: dict[str, _Document] = {}
        for document in documents:
            entity_id = document.id
            if entity_id is None:
                continue
            if entity_id in first:
                earlier = first[entity_id]
                self.document_problem(
                    document, ("id",),
                    f"the id '{entity_id}' is already used by {article(earlier.kind)} in "
                    f"{earlier.file}:{earlier.line}; {uniqueness}",
                )
                document.valid = False
                continue
            first[entity_id] = document
        return {entity_id: document.kind for entity_id, document in first.items()}

    def check_references(
        self, documents: list[_Document], kinds_by_id: dict[str, str], principle_ids: set[str]
    ) -> None:
        for document in documents:
            for path, message in reference_problems(
                document.kind, document.value, kinds_by_id, principle_ids
            ):
                self.document_problem(document, path, message)
                document.valid = False
            for pattern in COUNTRY_PATHS.get(document.kind, ()):
                for path, code in values_at(document.value, pattern):
                    if isinstance(code, str) and len(code) == 2 and code not in ISO_3166_ALPHA_2:
                        self.document_problem(
                            document, path,
                            f"'{code}' is not an ISO 3166-1 country code; use e.g. SE, FI, DE, IE, US",
                        )

    def check_parent_cycles(self, landscape: Landscape) -> None:
        for collection in (landscape.organizations, landscape.capabilities):
            for start in sorted(collection):
                seen = [start]
                current = collection[start].parent
                while current is not None and current in collection:
                    if current == start:
                        entity = collection[start]
                        path = " -> ".join([*seen, start])
                        self.problem(
                            entity.origin.file, entity.origin.line, entity.origin.column,
                            f"'parent' goes round in a circle ({path}); break the cycle",
                            entity.id, entity.kind,
                        )
                        break
                    if current in seen:
                        break  # a cycle further up, reported from one of its members
                    seen.append(current)
                    current = collection[current].parent


def _kind_message(kind: Any, allowed: tuple[str, ...], place: str) -> str:
    if kind == "principle":
        return "a principle belongs in principles/, not in architecture/; move the file"
    if isinstance(kind, str) and kind in schema_validation.KINDS:
        return f"{article(kind)} belongs in architecture/, not in {place}/; move the file"
    close = difflib.get_close_matches(str(kind), allowed, n=1)
    hint = f"did you mean '{close[0]}'?" if close else "use one of: " + ", ".join(allowed)
    return f"unknown kind '{kind}'; {hint}"


def _default_principle_files() -> list[SourceFile]:
    folder = resources.files("eacheck").joinpath("defaults", "principles")
    return [
        SourceFile(f"{DEFAULT_PRINCIPLES_LABEL}/{entry.name}", entry.read_bytes())
        for entry in sorted(folder.iterdir(), key=lambda e: e.name)
        if entry.name.endswith(".yaml")
    ]


def load(source, principles_only: bool = False) -> LoadedRepository:
    """Read settings, landscape and principles from ``source`` (a working tree or git revision).

    ``principles_only`` skips architecture/ for commands that only need the principles.
    """
    loader = _Loader(source)
    settings = _load_settings(loader, source)

    architecture = [] if principles_only else loader.classify(
        loader.read_documents(list(source.yaml_files(ARCHITECTURE_DIR))),
        schema_validation.KINDS,
        ARCHITECTURE_DIR,
    )
    use_defaults = not source.has_dir(PRINCIPLES_DIR)
    principle_files = (
        _default_principle_files() if use_defaults else list(source.yaml_files(PRINCIPLES_DIR))
    )
    principles = loader.classify(
        loader.read_documents(principle_files), ("principle",), PRINCIPLES_DIR
    )
    documents = architecture + principles
    loader.check_schemas(documents)
    kinds_by_id = loader.check_ids(architecture, "ids must be unique across all kinds")
    principle_ids = set(loader.check_ids(principles, "principle ids must be unique"))
    loader.check_references(documents, kinds_by_id, principle_ids)

    landscape = Landscape(settings=settings)
    for document in documents:
        if document.valid:
            landscape.add(_BUILDERS[document.kind](document.value, document.origin, settings.home_country))
    loader.check_parent_cycles(landscape)

    for problem in source.problems:
        loader.problem(problem.path, 1, 1, problem.message)
    loader.problems.sort(key=Finding.sort_key)
    return LoadedRepository(landscape, loader.problems, loader.positions, use_defaults)


def _load_settings(loader: _Loader, source) -> Settings:
    settings_file = source.read(SETTINGS_FILE)
    if settings_file is None:
        return Settings()
    documents = loader.read_documents([settings_file])
    if not documents:
        return Settings()
    file, value, index, line, column = documents[0]
    for extra in documents[1:]:
        loader.problem(file, extra[3], extra[4], "eacheck.yaml holds one document only; merge them")
    if not isinstance(value, dict):
        loader.problem(file, line, column, "eacheck.yaml must be a mapping of settings")
        return Settings()
    document = _Document(file, index, line, column, value, "settings")
    issues = schema_validation.validate("settings", value)
    for issue in issues:
        loader.document_problem(document, issue.path, issue.message)
    home = value.get("home_country")
    if isinstance(home, str) and len(home) == 2 and home not in ISO_3166_ALPHA_2:
        loader.document_problem(document, ("home_country",), f"'{home}' is not an ISO 3166-1 country code")
        return Settings()
    return Settings() if issues else Settings.from_yaml(value)


def read_settings(source) -> Settings:
    """The settings alone; problems in eacheck.yaml give the defaults (validate reports them)."""
    return _load_settings(_Loader(source), source)
