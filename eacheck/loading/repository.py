"""Load an architecture repository into a :class:`Landscape`, collecting every problem on the way.

Nothing is raised for a problem in the files: each becomes a ``schema`` finding with the file and
line, and loading goes on so that one run reports everything. Only a repository that cannot be
read at all (see :mod:`eacheck.loading.sources`) raises :class:`~eacheck.errors.UsageError`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from eacheck.findings import PRINCIPLES_IN_FORCE, SCHEMA, Finding, Severity
from eacheck.i18n import Message, msg, msg_n, stored
from eacheck.i18n.formats import Chain, Number
from eacheck.loading import pipeline, yaml_parser
from eacheck.loading.file_checks import CheckedDocument
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
from eacheck.model.naming import a, subject_of, the
from eacheck.model.references import COUNTRY_PATHS, all_resolve, plain_values, reference_problems, values_at
from eacheck.model.suggestions import ReferenceHints
from eacheck.safe_text import shorten

DEFAULT_PRINCIPLES_LABEL = "<eacheck defaults>/principles"
_NAMED_PLACES = 5
# Values of the loader's messages that a finding's code leaves out: where a thing is (a line
# moves when anything above it is edited), and what is suggested (it changes whenever an
# entity is added). Baselines and SARIF fingerprints match on the rest, the same in every
# language: the English text (the message id) and the values that say what is wrong.
UNSTABLE_VALUES = frozenset({"line", "column", "first_line", "suggestion"})


def problem_code(message: Message) -> str:
    """The code a loader finding is matched on: ``message`` without its unstable values."""
    return stored.code(message, UNSTABLE_VALUES)

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
    """A checked document and the file it came from."""

    file: str
    checked: CheckedDocument
    valid: bool

    @property
    def kind(self) -> str:
        return self.checked.kind

    @property
    def value(self) -> dict[str, Any]:
        return self.checked.value

    @property
    def line(self) -> int:
        return self.checked.line

    @property
    def id(self) -> str | None:
        return self.checked.id

    @property
    def origin(self) -> Origin:
        checked = self.checked
        return Origin(self.file, checked.index, checked.line, checked.column)


@dataclass
class LoadedRepository:
    """What loading produced: the landscape of valid entities and the problems found."""

    landscape: Landscape
    problems: list[Finding] = field(default_factory=list)
    # file -> per document (by index) where its keys are, for locating
    located: dict[str, list[yaml_parser.Positions]] = field(default_factory=dict)
    used_default_principles: bool = False
    # Principle documents left out of the landscape for their problems, each with where it
    # is: their parameters are still checked, so that one run reports both.
    unloaded_principles: list[tuple[Origin, dict[str, Any]]] = field(default_factory=list)

    def locate(self, origin: Origin, path: tuple[Any, ...] = ()) -> tuple[int, int]:
        """Line and column of ``path`` inside the document at ``origin`` (its start if absent)."""
        return self.locate_all([(origin, path)])[0]

    def locate_all(self, requests: list[tuple[Origin, tuple[Any, ...]]]) -> list[tuple[int, int]]:
        """Positions for many (origin, path) pairs."""
        return [_position(self.located, origin, path) for origin, path in requests]


def _position(
    located: dict[str, list[yaml_parser.Positions]], origin: Origin, path: tuple[Any, ...]
) -> tuple[int, int]:
    """The position of ``path``, or of its deepest part that exists, or the document's start."""
    documents = located.get(origin.file)
    if path and documents and origin.document < len(documents):
        found = documents[origin.document].of(path)
        if found:
            return found
    return origin.line, origin.column


class _Loader:
    def __init__(self, source) -> None:
        self.source = source
        self.problems: list[Finding] = []
        self.located: dict[str, list[yaml_parser.Positions]] = {}

    def problem(
        self, file: str, line: int, column: int, message: Message, subject: str = "", kind: str = "file",
        stable: Message | None = None,
    ) -> None:
        """A schema finding; ``stable`` is the message to match it on when ``message`` holds
        advice that changes with the rest of the repository (see :func:`problem_code`)."""
        code = problem_code(stable or message)
        self.problems.append(
            Finding(SCHEMA, Severity.ERROR, subject or file, kind, message, file, line, column, code)
        )

    def document_problem(
        self, document: _Document, path: tuple[Any, ...], message: Message, stable: Message | None = None
    ) -> None:
        line, column = _position(self.located, document.origin, path)
        self.problem(document.file, line, column, message, document.id or document.file, document.kind, stable)

    # -- reading ---------------------------------------------------------------------------

    def read(self, files: list[tuple[SourceFile, str]]) -> list[_Document]:
        """Every mapping document of an allowed kind; problems of single files recorded."""
        documents = []
        for checked_file in pipeline.check_files(files, self.source.cache_key, getattr(self.source, "root", None)):
            path = checked_file.path
            self.located[path] = checked_file.located
            for problem in checked_file.problems:
                self.problem(path, problem.line, problem.column, problem.message,
                             problem.subject, problem.kind)
            documents.extend(_Document(path, checked, checked.valid) for checked in checked_file.documents)
        return documents

    # -- checking across files -------------------------------------------------------------

    def check_ids(self, documents: list[_Document], principles: bool = False) -> dict[str, str]:
        """Kind of every id, first definition wins.

        A repeated id is a problem on every document that uses it, each pointing at the others'
        `id:` lines: in a pull request the annotation must reach the file that was changed,
        whichever of them sorts first.
        """
        # One dict of first users, and lists only for the few ids used more than once: a
        # national group has 400,000 ids, nearly all of them used once.
        first: dict[str, _Document] = {}
        repeated: dict[str, list[_Document]] = {}
        for document in documents:
            entity_id = document.checked.value.get("id")
            if not isinstance(entity_id, str):
                continue
            if entity_id not in first:
                first[entity_id] = document
            elif entity_id in repeated:
                repeated[entity_id].append(document)
            else:
                repeated[entity_id] = [first[entity_id], document]
        # In the order of the ids' first use, as the documents come.
        for entity_id in [entity_id for entity_id in first if entity_id in repeated] if repeated else ():
            same = repeated[entity_id]
            places = [(document, self._id_line(document)) for document in same]
            for index, (document, _) in enumerate(places):
                # At most a few others are named: an id used 10,000 times must not make 10,000
                # messages of 10,000 places each.
                named = [place for place in places[: _NAMED_PLACES + 1] if place[0] is not document][:_NAMED_PLACES]
                others = tuple(msg("{kind} in {file}:{line}", kind=a(other.kind), file=other.file, line=line)
                               for other, line in named)
                if len(places) - 1 > len(named):
                    more = len(places) - 1 - len(named)
                    others += (msg_n("{n} more place", "{n} more places", more),)
                if principles:
                    message = msg("the id '{id}' is also used by {others}; principle ids must be unique, "
                                  "so rename all but one of them", id=shorten(entity_id), others=others)
                else:
                    message = msg("the id '{id}' is also used by {others}; ids must be unique across all "
                                  "kinds, so rename all but one of them", id=shorten(entity_id), others=others)
                self.document_problem(document, ("id",), message)
            for document in same[1:]:
                document.valid = False
        return {entity_id: document.checked.kind for entity_id, document in first.items()}

    def _id_line(self, document: _Document) -> int:
        return _position(self.located, document.origin, ("id",))[0]

    def check_references(
        self, documents: list[_Document], kinds_by_id: dict[str, str], principle_ids: set[str]
    ) -> None:
        hints = ReferenceHints(
            (document.id, document.kind, document.value.get("name", document.value.get("title")))
            for document in documents if document.id is not None
        )
        limit = schema_validation.MAX_ISSUES_PER_DOCUMENT
        for document in documents:
            kind, value = document.checked.kind, document.checked.value
            if all_resolve(kind, value, kinds_by_id, principle_ids):
                problems = ()  # the common case, answered without making a message
            else:
                problems = reference_problems(kind, value, kinds_by_id, principle_ids, hints, document.file)
            for count, (path, message, stable) in enumerate(problems):
                if count == limit:  # a list of a million dangling ids is one problem, not a million
                    self.document_problem(document, (), msg(
                        "{subject} has more than {n} references that do not resolve; the rest are not "
                        "listed. Fix these and run eacheck again", subject=self.subject(document),
                        n=Number(limit),
                    ))
                    break
                self.document_problem(document, path, message, stable)
                document.valid = False
            for pattern in COUNTRY_PATHS.get(kind, ()):
                if all(not _unknown_country(code) for code in plain_values(value, pattern)):
                    continue
                for path, code in values_at(value, pattern):
                    if _unknown_country(code):
                        self.document_problem(document, path, _not_a_country(path, self.subject(document), code))

    @staticmethod
    def subject(document: _Document) -> Message:
        return subject_of(document.kind, document.value, document.file)

    def check_parent_cycles(self, landscape: Landscape) -> None:
        """Every 'parent' chain that goes round in a circle, reported once per member.

        Each entity is walked at most once (colour marks: unseen, on the current walk, done),
        so a chain of any length costs time in proportion to its length.
        """
        for collection in (landscape.organizations, landscape.capabilities):
            done: set[str] = set()
            for start in sorted(collection):
                walk: dict[str, None] = {}  # the current walk, in order
                current: str | None = start
                while current is not None and current in collection and current not in done:
                    if current in walk:  # round in a circle: from `current` back to it
                        order = list(walk)
                        members = order[order.index(current):]
                        for turn, member in enumerate(members):
                            entity = collection[member]
                            # At most eight steps are named: a circle of 2,000 is one problem, not a page.
                            shown = [members[(turn + step) % len(members)] for step in range(min(len(members), 7))]
                            name = msg("'{key}' in {subject}", key="parent", subject=the(entity.kind, entity.id))
                            if len(members) <= 7:
                                message = msg("{name} goes round in a circle ({circle}); break the cycle",
                                              name=name, circle=Chain((*shown, member)))
                            else:
                                message = msg("{name} goes round in a circle of {n} ({circle} -> …); break the cycle",
                                              name=name, circle=Chain(tuple(shown)), n=Number(len(members)))
                            self.problem(entity.origin.file, entity.origin.line, entity.origin.column,
                                         message, entity.id, entity.kind)
                        break
                    walk[current] = None
                    current = collection[current].parent
                done.update(walk)


def default_principle_files() -> list[SourceFile]:
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

    use_defaults = not source.has_dir(PRINCIPLES_DIR)
    principle_files = (
        default_principle_files() if use_defaults else list(source.yaml_files(PRINCIPLES_DIR))
    )
    architecture_files = [] if principles_only else list(source.yaml_files(ARCHITECTURE_DIR))
    documents = loader.read(
        [(file, ARCHITECTURE_DIR) for file in architecture_files]
        + [(file, PRINCIPLES_DIR) for file in principle_files]
    )
    architecture = [document for document in documents if document.kind != "principle"]
    principles = [document for document in documents if document.kind == "principle"]
    kinds_by_id = loader.check_ids(architecture)
    principle_ids = set(loader.check_ids(principles, principles=True))
    loader.check_references(documents, kinds_by_id, principle_ids)

    landscape = Landscape(settings=settings)
    for document in documents:
        if document.valid:
            landscape.add(_BUILDERS[document.kind](document.value, document.origin, settings.home_country))
    loader.check_parent_cycles(landscape)

    if not use_defaults and not any(p.enabled for p in landscape.principles.values()):
        loader.problems.append(_nothing_in_force(landscape))
    for problem in source.problems:
        loader.problem(problem.path, 1, 1, problem.message)
    loader.problems.sort(key=Finding.sort_key)
    unloaded = [(document.origin, document.value) for document in principles if not document.valid]
    return LoadedRepository(landscape, loader.problems, loader.located, use_defaults, unloaded)


def _nothing_in_force(landscape: Landscape) -> Finding:
    """A principles/ folder that puts no principle in force leaves only the file format checked,
    which is never what a group means: warned in every run. (Without the folder, the shipped
    defaults are in force.)"""
    if landscape.principles:
        message = msg(
            "every principle in principles/ is disabled, so eacheck checks nothing but the file "
            "format; enable the principles the group has decided on"
        )
    else:
        message = msg(
            "principles/ holds no principle, so eacheck checks nothing but the file format; add "
            "the group's principles (eacheck init writes the defaults), or remove the folder to "
            "run eacheck's default principles"
        )
    return Finding(PRINCIPLES_IN_FORCE, Severity.WARNING, PRINCIPLES_DIR, "folder", message,
                   PRINCIPLES_DIR, 1, 1, code="nothing-in-force")


def _load_settings(loader: _Loader, source) -> Settings:
    settings_file = source.read(SETTINGS_FILE)
    if settings_file is None:
        return Settings()
    path = settings_file.path
    try:
        parsed = yaml_parser.parse(yaml_parser.decode(settings_file.data))
    except yaml_parser.NotUtf8 as error:
        loader.problem(path, error.line, error.column, error.message)
        return Settings()
    for problem in parsed.problems:
        loader.problem(path, problem.line, problem.column, problem.message)
    documents = [document for document in parsed.documents if document.value is not None]
    if not documents:
        return Settings()
    first = documents[0]
    for extra in documents[1:]:
        loader.problem(path, extra.line, extra.column, msg("eacheck.yaml holds one document only; merge them"))
    if not isinstance(first.value, dict):
        loader.problem(path, first.line, first.column,
                       msg("eacheck.yaml must be a mapping of settings, each a key with its value"))
        return Settings()

    def settings_problem(key_path: tuple[Any, ...], message: Message) -> None:
        origin = Origin(path, 0, first.line, first.column)
        line, column = _position({path: [first.positions]}, origin, key_path)
        loader.problem(path, line, column, message, path, "settings")

    settings = the("settings", path)
    issues = schema_validation.validate("settings", first.value, whole=settings)
    for issue in issues:
        settings_problem(issue.path, issue.message)
    wrong = {issue.path[0] for issue in issues if issue.path}
    home = first.value.get("home_country")
    if _unknown_country(home):
        settings_problem(("home_country",), _not_a_country(("home_country",), settings, home))
        wrong.add("home_country")
    if any(not issue.path for issue in issues):
        return Settings()
    # A wrong setting takes its default; the others still count. A typo in the currency must
    # not turn an English repository's report Swedish or drop the group's targets.
    return Settings.from_yaml({key: value for key, value in first.value.items() if key not in wrong})


def _unknown_country(code: Any) -> bool:
    """Two capital letters that are no ISO 3166-1 code. Other wrong values (`se`, `SWE`) are the
    schema's to report: one problem, one finding."""
    return (isinstance(code, str) and len(code) == 2 and code.isascii() and code.isupper()
            and code not in ISO_3166_ALPHA_2)


def _not_a_country(path: tuple[Any, ...], subject: Message, code: str) -> Message:
    return msg("{name}: '{code}' is not an ISO 3166-1 country code; use e.g. SE, FI, DE, IE, US",
               name=msg("'{key}' in {subject}", key=schema_validation.dotted(path), subject=subject),
               code=shorten(code))


def read_settings(source) -> Settings:
    """The settings alone; a wrong setting gives its default (validate reports it)."""
    return _load_settings(_Loader(source), source)


class _SettingsFolder:
    """Just eacheck.yaml of a folder that need not be a whole repository (`eacheck schema` runs
    anywhere), read as the working tree reads it: never through a link out of the folder."""

    def __init__(self, root: str | os.PathLike[str]) -> None:
        self.root = Path(root)

    def read(self, relative: str) -> SourceFile | None:
        path = self.root / relative
        try:
            if not path.is_file() or not path.resolve().is_relative_to(self.root.resolve()):
                return None
            return SourceFile(relative, path.read_bytes())
        except OSError:
            return None


def settings_problems(root: str | os.PathLike[str]) -> list[Finding]:
    """What `validate` says about ``root``'s eacheck.yaml, read alone (one small file)."""
    loader = _Loader(_SettingsFolder(root))
    _load_settings(loader, loader.source)
    return loader.problems


def repository_language(root: str | os.PathLike[str]) -> str:
    """The ``language`` of ``root``'s eacheck.yaml; the default (sv) when it has none or the file
    is missing or unreadable (`validate` reports that).

    Read without the settings' schema: every command asks this before it parses its arguments,
    `--help` included, and must stay light.
    """
    from eacheck.i18n import DEFAULT_LANGUAGE, LANGUAGES

    settings_file = _SettingsFolder(root).read(SETTINGS_FILE)
    if settings_file is None:
        return DEFAULT_LANGUAGE
    try:
        documents = yaml_parser.parse(yaml_parser.decode(settings_file.data)).documents
    except ValueError:
        return DEFAULT_LANGUAGE
    value = documents[0].value if documents else None
    language = value.get("language") if isinstance(value, dict) else None
    return language if language in LANGUAGES else DEFAULT_LANGUAGE
