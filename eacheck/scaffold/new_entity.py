"""`eacheck new`: write one new entity file, valid from the start, in the folder it belongs in.

What each kind asks for is declared once, in :data:`FIELDS`; the command line builds its options
and prompts from it, and :func:`new_entity` checks and writes. Every value is checked against the
repository before anything is written: ids must be new, references must name an existing entity
of the right kind. The file comes from the kind's commented template
(``eacheck/defaults/new/<kind>.yaml.j2``), its comments from the translation catalogue in the
language of the run, and it is parsed and validated against the kind's schema before it is
written, so ``eacheck new`` never leaves an invalid file behind.

Questions, labels and problems are messages of the catalogue too: a Swedish repository is
asked in Swedish.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from eacheck import i18n
from eacheck.errors import UsageError, reason
from eacheck.i18n import N_, Message, msg, msg_n
from eacheck.i18n.formats import Either, Quoted
from eacheck.loading.yaml_writing import yaml_folded, yaml_value
from eacheck.model.naming import a
from eacheck.model.schema_validation import schema_for
from eacheck.model.suggestions import closest, suggestion

if TYPE_CHECKING:
    from eacheck.model.landscape import Landscape

KINDS = ("system", "integration", "procurement", "exception")
ANY_KIND = "entity"
PRINCIPLE = "principle"

_ID_SCHEMA = schema_for("system")["properties"]["id"]
_ID = re.compile(_ID_SCHEMA["pattern"])
# Fewer known ids than this are listed in prompts and messages; more would drown the question.
_LISTED_IDS = 12


def _enum(kind: str, *path: str) -> tuple[str, ...]:
    node = schema_for(kind)
    for key in path:
        node = node["properties"][key]
    return tuple(node["enum"])


@dataclass(frozen=True)
class Field:
    """One value ``eacheck new`` asks for: its option, its place in the file, how it is checked."""

    name: str                        # key in the values and the templates; option --name (- for _)
    label: str                       # the question, and the option's help (English; translated where shown)
    required: bool = False
    ask: bool = False                # asked interactively although optional: a principle wants it
    multiple: bool = False
    refers_to: str | None = None     # kind it must name; ANY_KIND for any entity
    choices: tuple[str, ...] = ()
    is_id: bool = False
    is_date: bool = False
    default: Callable[[dict[str, Any], str], str | None] | None = None
    flag: str | None = None          # the option's name when it differs (``from`` is a keyword)

    @property
    def option(self) -> str:
        return "--" + (self.flag or self.name.replace("_", "-"))


def _integration_id(values: dict[str, Any], lang: str) -> str | None:
    source, target = values.get("from_system"), values.get("to_system")
    if not source or not target:
        return None
    return f"{source}-{'till' if lang == 'sv' else 'to'}-{target}"


_ID_LABEL = N_("Id (lower-case letters, digits and hyphens; unique in the repository)")

FIELDS: dict[str, tuple[Field, ...]] = {
    "system": (
        Field("id", _ID_LABEL, required=True, is_id=True),
        Field("name", N_("Name of the system"), required=True),
        Field("owner", N_("Owner: the organization that owns the system"), required=True,
              refers_to="organization"),
        Field("capability", N_("Capabilities it serves"),
              required=True, multiple=True, refers_to="capability"),
        Field("status", N_("Lifecycle status"), required=True,
              choices=_enum("system", "lifecycle", "status")),
        Field("system_owner", N_("System owner: the role or person accountable (systemägare)"), ask=True),
        Field("used_by", N_("Organizations that use it besides the owner"),
              multiple=True, refers_to="organization"),
    ),
    "integration": (
        Field("from_system", N_("From: the system the data flows from"), required=True,
              refers_to="system", flag="from"),
        Field("to_system", N_("To: the system the data flows to"), required=True,
              refers_to="system", flag="to"),
        Field("id", _ID_LABEL, required=True, is_id=True, default=_integration_id),
        Field("via", N_("Via: the integration platform the flow passes through"),
              ask=True, refers_to="system"),
        Field("method", N_("How data moves"), choices=_enum("integration", "method")),
        Field("status", N_("Status (default active)"),
              choices=_enum("integration", "status")),
    ),
    "procurement": (
        Field("id", _ID_LABEL, required=True, is_id=True),
        Field("title", N_("Title: what is to be acquired"), required=True),
        Field("requested_by", N_("Requested by: the organization asking for it"),
              required=True, refers_to="organization"),
        Field("capability", N_("Capabilities it would serve"), required=True, multiple=True,
              refers_to="capability"),
        Field("status", N_("Status (default proposed)"),
              choices=_enum("procurement", "status")),
    ),
    "exception": (
        Field("id", _ID_LABEL, required=True, is_id=True),
        Field("principle", N_("Principle waived"), required=True,
              refers_to=PRINCIPLE),
        Field("subject", N_("Subject: the id of the entity it applies to"),
              required=True, refers_to=ANY_KIND),
        Field("reason", N_("Reason: why the waiver is acceptable"), required=True),
        Field("decided_by", N_("Decided by"), required=True),
        Field("expires", N_("Expires: the last day it holds"),
              required=True, is_date=True),
        Field("decision_ref", N_("Diary number of the decision (diarienummer)"),
              ask=True),
    ),
}


# -- the repository's ids ---------------------------------------------------------------------


@dataclass(frozen=True)
class RepositoryIndex:
    """Who is who in a repository: what ``eacheck new`` checks values against."""

    root: Path
    language: str
    kinds: dict[str, str]        # architecture id -> kind
    places: dict[str, str]       # architecture id -> "file:line" of its first definition
    principles: tuple[str, ...]
    landscape: Landscape         # the valid entities, for what the new file suggests

    def ids(self, kind: str) -> list[str]:
        if kind == PRINCIPLE:
            return sorted(self.principles)
        if kind == ANY_KIND:
            return sorted(self.kinds)
        return sorted(entity for entity, found in self.kinds.items() if found == kind)


def index_repository(root: str | Path) -> RepositoryIndex:
    """Ids, kinds and places of every entity under ``architecture/``, and the principle ids.

    Read by the same loader as every other command, once. Documents are taken as written,
    valid or not: an id is taken even if its document has other problems, so ``new`` never
    creates a second one.
    """
    from eacheck.loading import WorkingTree, load
    from eacheck.loading.sources import ARCHITECTURE_DIR
    from eacheck.model.entities import Origin

    repository = load(WorkingTree(root))
    kinds: dict[str, str] = {}
    places: dict[str, str] = {}
    principles: set[str] = set()
    for file, documents in sorted(repository.located.items()):
        in_architecture = file.startswith(ARCHITECTURE_DIR + "/")
        for number, positions in enumerate(documents):
            value = positions.value
            if not isinstance(value, dict) or not isinstance(value.get("id"), str):
                continue
            entity_id = value["id"]
            if not in_architecture:
                principles.add(entity_id)
                continue
            kind = value.get("kind")
            kinds.setdefault(entity_id, kind if isinstance(kind, str) else "entity")
            line, _ = repository.locate(Origin(file, number, 1), ("id",))
            places.setdefault(entity_id, f"{file}:{line}")
    return RepositoryIndex(Path(root), repository.landscape.settings.language, kinds, places,
                           tuple(sorted(principles)), repository.landscape)


# -- checking values --------------------------------------------------------------------------


def split_list(text: str) -> list[str]:
    """Ids typed at a prompt: separated by commas, spaces or both."""
    return [part for part in re.split(r"[\s,]+", text.strip()) if part]


def value_problem(field: Field, value: str, index: RepositoryIndex) -> Message | None:
    """What is wrong with one value of ``field`` (one item of a list field), or None."""
    if not value.strip():
        return msg("must not be empty")
    if field.is_id:
        if not _ID.fullmatch(value) or len(value) > _ID_SCHEMA["maxLength"]:
            example = "-".join("".join(c if c.isalnum() else " " for c in value.lower()).split())
            if example and _ID.fullmatch(example):
                return msg("'{value}' is not a valid id; use lower-case letters (a-z), digits and "
                           "hyphens, for example '{example}'", value=value, example=example)
            return msg("'{value}' is not a valid id; use lower-case letters (a-z), digits and "
                       "hyphens", value=value)
        if value in index.kinds:
            return msg(
                "the id '{value}' is already used by {kind} in {place}; ids are unique across all "
                "kinds, so choose another",
                value=value, kind=a(index.kinds[value]), place=index.places[value],
            )
    if field.choices and value not in field.choices:
        return msg("'{value}' is not one of: {choices}", value=value, choices=", ".join(field.choices))
    if field.is_date:
        try:
            day = date.fromisoformat(value)
        except ValueError:
            return msg("'{value}' is not a date; write YYYY-MM-DD", value=value)
        if field.name == "expires":
            return _too_long(day, index)
    if field.refers_to:
        return _reference_problem(field.refers_to, value, index)
    return None


def _too_long(expires: date, index: RepositoryIndex) -> Message | None:
    """An exception that would run longer than eacheck.yaml allows: `check` would stop it
    (exception-too-long), so `new` does not write it."""
    from eacheck.checks.base import add_months

    today = date.today()
    months = index.landscape.settings.max_exception_months
    longest = add_months(today, months)
    if expires <= longest:
        return None
    return msg_n(
        "{expires} is more than {n} month from today ({today}), and exceptions are time-limited "
        "decisions; give a date on or before {longest}, or raise max_exception_months in "
        "eacheck.yaml if the group allows longer exceptions",
        "{expires} is more than {n} months from today ({today}), and exceptions are time-limited "
        "decisions; give a date on or before {longest}, or raise max_exception_months in "
        "eacheck.yaml if the group allows longer exceptions",
        months, expires=expires, today=today, longest=longest,
    )


# "There is no system with the id 'x'" per kind: the Swedish word for "no" follows the noun.
_NO_SUCH_ID = {
    "organization": N_("there is no organization with the id '{value}' in this repository"),
    "capability": N_("there is no capability with the id '{value}' in this repository"),
    "system": N_("there is no system with the id '{value}' in this repository"),
    PRINCIPLE: N_("there is no principle with the id '{value}' in this repository"),
    ANY_KIND: N_("there is no entity with the id '{value}' in this repository"),
}


def _reference_problem(kind: str, value: str, index: RepositoryIndex) -> Message | None:
    known = index.ids(kind)
    if value in known:
        return None
    if value in index.kinds:
        return msg("'{value}' is {actual}, not {expected}; give the id of {expected}",
                   value=value, actual=a(index.kinds[value]), expected=a(kind))
    problem = msg(_NO_SUCH_ID[kind], value=value)
    close = suggestion(closest(value, known))
    if close is not None:
        hint = close
    elif not known:
        hint = msg("add {kind} first", kind=a(kind))
    elif len(known) <= _LISTED_IDS:
        hint = msg("known ids: {ids}", ids=Quoted(tuple(known)))
    else:
        hint = msg("add {kind} first, or check the spelling", kind=a(kind))
    return msg("{problem}; {hint}", problem=problem, hint=hint)


def value_problems(kind: str, values: dict[str, Any], index: RepositoryIndex) -> list[Message]:
    """Every problem with the given ``values``, each starting with its option."""
    problems = []
    for field in FIELDS[kind]:
        given = values.get(field.name)
        items = given if isinstance(given, (list, tuple)) else [] if given is None else [given]
        problems += [
            msg("{option}: {problem}", option=field.option, problem=problem)
            for item in items if (problem := value_problem(field, item, index))
        ]
    return problems


def problems_error(problems: list[Message]) -> UsageError:
    """One error that says every problem, rendered when shown."""
    said = problems[-1]
    for problem in reversed(problems[:-1]):
        said = msg("{problem}; {more}", problem=problem, more=said)
    return UsageError(said)


def known_ids_hint(field: Field, index: RepositoryIndex) -> str:
    """The ids a reference field can take, when there are few enough to list."""
    if not field.refers_to:
        return ""
    known = index.ids(field.refers_to)
    return ", ".join(known) if 0 < len(known) <= _LISTED_IDS else ""


# -- writing ----------------------------------------------------------------------------------


def target_path(kind: str, values: dict[str, Any]) -> Path:
    """Where the new file goes, relative to the repository root (docs/format.md's layout)."""
    if kind == "system":
        return Path("architecture", "systems", values["owner"], f"{values['id']}.yaml")
    folder = {"integration": "integrations", "procurement": "procurements", "exception": "exceptions"}
    return Path("architecture", folder[kind], f"{values['id']}.yaml")


def missing_fields(kind: str, values: dict[str, Any]) -> list[Field]:
    return [field for field in FIELDS[kind] if field.required and not values.get(field.name)]


def new_entity(
    root: str | Path, kind: str, values: dict[str, Any], index: RepositoryIndex | None = None,
    language: str | None = None,
) -> Path:
    """Check ``values`` (field names to values; lists for list fields), write the file.

    Returns the path written. Raises :class:`UsageError` when a required value is missing, a
    value is wrong, or the file or id exists already: nothing is written then. ``index`` saves
    reading the repository again when the caller has just done so. The file's comments are in
    ``language`` (default: the repository's).
    """
    if kind not in FIELDS:
        raise UsageError(msg("eacheck new makes {kinds}; not '{kind}'", kinds=Either(KINDS), kind=kind))
    index = index or index_repository(root)
    values = {name: value for name, value in values.items() if value not in (None, "", [], ())}
    for field in FIELDS[kind]:
        if field.name not in values and field.default is not None:
            default = field.default(values, index.language)
            if default is not None:
                values[field.name] = default
    # The missing options and the wrong values in one message: not one round for each.
    missing = missing_fields(kind, values)
    problems = value_problems(kind, values, index)
    if missing:
        problems.insert(0, msg_n(
            "eacheck new {kind} needs {options}; give it as an option, or leave out --no-input to "
            "be asked",
            "eacheck new {kind} needs {options}; give them as options, or leave out --no-input to "
            "be asked",
            len(missing), kind=kind, options=tuple(field.option for field in missing),
        ))
    if problems:
        raise problems_error(problems)

    relative = target_path(kind, values)
    path = Path(root) / relative
    exists = msg("{path} exists already; eacheck new never overwrites a file", path=relative.as_posix())
    if path.exists() or path.is_symlink():
        raise UsageError(exists)
    text = render(kind, values, index, language)
    _assert_valid(kind, text, relative)
    from eacheck import safe_write

    try:
        # The owner's folder may be a link a pull request committed: never write through it
        # out of the repository.
        safe_write.make_folder(path.parent, inside=root)
        safe_write.create(path, text, inside=root)
    except FileExistsError:
        raise UsageError(exists) from None
    except OSError as error:
        raise UsageError(msg("{path}: cannot write the file: {reason}",
                             path=relative.as_posix(), reason=reason(error))) from None
    return path


def render(kind: str, values: dict[str, Any], index: RepositoryIndex, language: str | None = None) -> str:
    """The file's text: the kind's commented template, its comments in ``language`` (default:
    the repository's)."""
    template_text = (
        resources.files("eacheck").joinpath("defaults", "new", f"{kind}.yaml.j2").read_text(encoding="utf-8")
    )
    context = {field.name: values.get(field.name) for field in FIELDS[kind]}
    context["examined"] = _systems_to_examine(values, index) if kind == "procurement" else []
    with i18n.using(language or index.language):
        return _environment().from_string(template_text).render(context)


def _environment():
    import jinja2

    environment = jinja2.Environment(
        autoescape=False,  # the output is YAML, not HTML; yaml_value does the quoting
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        extensions=["jinja2.ext.i18n"],
    )
    # As scripts/catalogues.py extracts them: whitespace in a {% trans %} block collapsed.
    environment.policies["ext.i18n.trimmed"] = True
    environment.install_gettext_callables(i18n._, i18n.ngettext, newstyle=True, pgettext=i18n.pgettext)
    environment.filters["yaml"] = yaml_value
    environment.filters["folded"] = yaml_folded
    environment.filters["comment"] = comment_lines
    environment.globals["aside"] = aside
    environment.globals["one_of"] = lambda *values: Either(values).format(i18n.current_language())
    return environment


# Comments in the written files: a block up to this width, a note beside a key from this
# column and up to the wider width (the key takes a third of the line).
_COMMENT_WIDTH = 96
_ASIDE_WIDTH = 112
_ASIDE_COLUMN = 36


def comment_lines(text: str) -> str:
    """``text`` as ``# `` comment lines, wrapped; ends with a newline (the template's line end
    after the block tag is trimmed)."""
    lines = textwrap.wrap(" ".join(text.split()), width=_COMMENT_WIDTH - 2,
                          break_long_words=False, break_on_hyphens=False)
    return "".join(f"# {line}\n" for line in lines)


def aside(code: str, note: str) -> str:
    """The line ``code`` with ``# note`` beside it from a fixed column, the note continued on
    comment lines at the same column when it is long."""
    column = max(_ASIDE_COLUMN, len(code) + 3)
    lines = textwrap.wrap(note, width=max(_ASIDE_WIDTH - column - 2, 30),
                          break_long_words=False, break_on_hyphens=False)
    first = f"{code.ljust(column)}# {lines[0]}"
    return "\n".join([first, *(f"{'#'.ljust(column)}# {line}" for line in lines[1:])])


def _systems_to_examine(values: dict[str, Any], index: RepositoryIndex) -> list[str]:
    """Systems serving the procurement's capabilities: the reuse principle wants each examined."""
    serving = index.landscape.active_systems_by_capability
    return sorted({system.id for capability in values["capability"] for system in serving.get(capability, ())})


def _assert_valid(kind: str, text: str, relative: Path) -> None:
    """The rendered file parses and passes its schema; anything else is a bug, never written."""
    from eacheck.loading import yaml_parser
    from eacheck.model import schema_validation

    parsed = yaml_parser.parse(text)
    documents = [document.value for document in parsed.documents]
    issues = [str(problem.message) for problem in parsed.problems]
    if len(documents) == 1:
        issues += [str(issue.message) for issue in schema_validation.validate(kind, documents[0])]
    else:
        issues.append(f"{len(documents)} documents")
    if issues:
        raise UsageError(msg(
            "eacheck new would write an invalid {path} ({issues}); nothing was written. This is a "
            "bug in eacheck; please report it",
            path=relative.as_posix(), issues="; ".join(issues),
        ))
