"""`eacheck init`: a new architecture repository that validates, checks and reports from day one.

The files come from three places:

- ``eacheck/defaults/init/common/`` and ``eacheck/defaults/init/<lang>/``: settings, the example
  landscape, the README for architects, CI, pre-commit and editor settings, and a ``.gitignore``
  that leaves out the site ``eacheck site`` builds (CI builds it; it is never committed). A
  path part written ``dot-github`` becomes ``.github``: packaging tools leave out files whose
  names start with a dot, so the templates are stored without one. ``__EACHECK_VERSION__`` becomes the version that
  writes the repository, so CI and pre-commit install the eacheck the examples were made for;
- the shipped default principles, written into ``principles/`` with a header for a group's own
  principles and every comment in the chosen language (:func:`principle_file`);
- the editor schemas, written into ``.eacheck/schemas/`` in the chosen language.

An existing file is never touched (an existing ``.gitignore`` that does not leave the site out
gets a line of advice in init's output instead). ``architecture/`` and ``principles/`` are all
or nothing: if one already holds YAML files, no example is added to it, since an example
organization in a real landscape, or a default principle the group chose to leave out, would
change what the checks say.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from eacheck import __version__, i18n, safe_write
from eacheck.errors import UsageError, reason
from eacheck.i18n import LANGUAGES, msg
from eacheck.scaffold import editor_schemas

SCHEMA_FOLDER = ".eacheck/schemas"
GITIGNORE = ".gitignore"
# The line init's .gitignore has: the site `eacheck site` builds, at the top of the repository
# (CI builds and publishes it; it is never committed).
SITE_IGNORE = "/site/"
# Lines of a .gitignore of the group's own that already leave the site out.
_SITE_IGNORED = frozenset({"site", "site/", "/site", "/site/", "site/*", "/site/*", "site/**", "/site/**"})
# A .gitignore is a few lines; one larger than this is read only this far.
_GITIGNORE_READ = 1 << 20
VERSION_TOKEN = "__EACHECK_VERSION__"
_DOT_PREFIX = "dot-"
_WHOLE_FOLDERS = ("architecture", "principles")


@dataclass
class InitResult:
    root: Path
    created: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    # folders that already held YAML files, so no example was added to them
    left_alone: list[str] = field(default_factory=list)
    # the line to add to a .gitignore of the repository's own that does not leave the built
    # site out (init never edits it); None when there is nothing to add
    gitignore_advice: str | None = None


def starter_files(lang: str = "sv", examples: bool = True) -> dict[str, bytes]:
    """Every file of a new repository: relative path (with ``/``) to content, sorted by path.

    Without ``examples``, the example landscape under ``architecture/`` is left out (`init
    --from` fills it from the group's own inventory instead).
    """
    if lang not in LANGUAGES:
        raise UsageError(msg("unknown language '{language}'; use one of: {languages}",
                             language=lang, languages=", ".join(LANGUAGES)))
    templates = resources.files("eacheck").joinpath("defaults", "init")
    files: dict[str, bytes] = {}
    for folder in ("common", lang):  # the language's own file wins over a common one
        for relative, entry in _walk(templates.joinpath(folder), ""):
            data = entry.read_bytes().replace(VERSION_TOKEN.encode(), __version__.encode())
            files[relative] = data
    with i18n.using(lang):
        for name, text in shipped_principles().items():
            files[f"principles/{name}"] = principle_file(text).encode()
    for name, schema in editor_schemas.editor_schemas(lang).items():
        files[f"{SCHEMA_FOLDER}/{editor_schemas.file_name(name)}"] = editor_schemas.render(schema).encode()
    if not examples:
        files = {path: data for path, data in files.items() if not path.startswith("architecture/")}
    return dict(sorted(files.items()))


def _walk(folder: Traversable, prefix: str):
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        name = "." + entry.name[len(_DOT_PREFIX):] if entry.name.startswith(_DOT_PREFIX) else entry.name
        if entry.is_dir():
            yield from _walk(entry, f"{prefix}{name}/")
        else:
            yield f"{prefix}{name}", entry


def init_repository(root: str | Path = ".", lang: str = "sv", examples: bool = True) -> InitResult:
    """Write a new architecture repository into ``root`` (created if missing); never overwrite."""
    root = Path(root)
    files = starter_files(lang, examples)
    if root.exists() and not root.is_dir():
        raise UsageError(msg("{path}: is a file; give a folder for the new repository", path=str(root)))
    result = InitResult(root)
    for relative in files:  # refuse before anything is written, not half-way through
        safe_write.ensure_inside(root / relative, root)
    occupied = [folder for folder in _WHOLE_FOLDERS if _holds_yaml(root / folder)]
    for relative, data in files.items():
        path = root / relative
        if path.exists() or path.is_symlink():
            result.kept.append(relative)
            continue
        folder = relative.split("/", 1)[0]
        if folder in occupied:
            if f"{folder}/" not in result.left_alone:
                result.left_alone.append(f"{folder}/")
            continue
        try:
            # Never replace a file, even one made meanwhile; never write through a link that
            # leads out of the new repository.
            safe_write.make_folder(path.parent, inside=root)
            safe_write.create(path, data, inside=root)
        except FileExistsError:
            result.kept.append(relative)
            continue
        except OSError as error:
            raise UsageError(msg("{path}: cannot write the file: {reason}",
                                 path=str(path), reason=reason(error))) from None
        result.created.append(relative)
    if not examples:
        safe_write.make_folder(root / "architecture", inside=root)
    if GITIGNORE in result.kept and not _ignores_site(root / GITIGNORE):
        result.gitignore_advice = SITE_IGNORE
    return result


def _ignores_site(path: Path) -> bool:
    """Whether a .gitignore already leaves out the site folder, by one of the usual lines.

    Only a regular file is read (a link or anything else is kept as it is, and the advice
    given); a rule written some other way (``**/site/``, a negation) is not interpreted, and
    the advice is then one line too many, never one too few."""
    if path.is_symlink() or not path.is_file():
        return False
    try:
        with open(path, "rb") as file:
            text = file.read(_GITIGNORE_READ).decode("utf-8", errors="replace")
    except OSError:
        return False
    return any(line.strip() in _SITE_IGNORED for line in text.splitlines())


def _holds_yaml(folder: Path) -> bool:
    # Any case, as the loader reads them: `System.YAML` is YAML too.
    return folder.is_dir() and any(
        path.suffix.lower() in (".yaml", ".yml") and path.is_file() for path in folder.rglob("*")
    )


# -- the principles a new repository starts with -----------------------------------------------

# A comment block is rewrapped to this width; a comment beside a value stays on its line.
_COMMENT_WIDTH = 92
_BLOCK_SCALAR = re.compile(r":\s*[|>][-+0-9]*\s*$")


def shipped_principles() -> dict[str, str]:
    """The default principles eacheck ships, by file name."""
    folder = resources.files("eacheck").joinpath("defaults", "principles")
    return {entry.name: entry.read_text(encoding="utf-8")
            for entry in sorted(folder.iterdir(), key=lambda e: e.name) if entry.name.endswith(".yaml")}


def principle_file(text: str) -> str:
    """A shipped principle as ``init`` writes it into ``principles/``, in the language of the run.

    The shipped file's opening comment speaks of the default that eacheck applies when a
    repository has no principles/ folder; in principles/ it gives way to one that says what the
    folder is for. Every other comment is a message of the catalogue (:func:`principle_comments`),
    written in the language of the run; the YAML itself is untouched.
    """
    header = i18n._(
        "One of the group's principles, first written by `eacheck init` from the defaults eacheck "
        "ships. The principles in this folder are the ones `eacheck check` applies: change the "
        "parameters or the severity here, and delete the file to leave the principle out."
    )
    lines = [*_comment_block(header, ""), *_body(text.splitlines(), translate=i18n._)]
    return "\n".join(lines) + "\n"


def principle_comments(text: str) -> Iterator[str]:
    """Every comment of a shipped principle below its opening comment, as one text each (a block
    of whole-line comments joined into one): what the catalogue holds for :func:`principle_file`."""
    found: list[str] = []

    def collect(comment: str) -> str:
        found.append(comment)
        return comment

    _body(text.splitlines(), translate=collect)
    yield from found


def _body(lines: list[str], translate) -> list[str]:
    """``lines`` without the opening comment, each comment replaced by ``translate(comment)``."""
    start = next((index for index, line in enumerate(lines) if not line.startswith("#")), len(lines))
    written: list[str] = []
    block: list[str] = []
    block_indent = ""
    scalar_indent: int | None = None  # inside a block scalar (a statement), nothing is a comment

    def flush() -> None:
        if block:
            written.extend(_comment_block(translate(" ".join(block)), block_indent))
            block.clear()

    for line in lines[start:]:
        indent = len(line) - len(line.lstrip())
        if scalar_indent is not None and (not line.strip() or indent > scalar_indent):
            written.append(line)
            continue
        scalar_indent = None
        stripped = line.strip()
        if stripped.startswith("#"):
            if block and line[:indent] != block_indent:
                flush()
            block_indent = line[:indent]
            block.append(stripped.lstrip("#").strip())
            continue
        flush()
        code, note = _split_comment(line)
        written.append(line if note is None else f"{code}# {translate(note)}")
        if _BLOCK_SCALAR.search(code.rstrip()):
            scalar_indent = indent
    flush()
    return written


def _split_comment(line: str) -> tuple[str, str | None]:
    """The code of ``line`` (with the spaces before its comment) and the comment after it."""
    quote = None
    for index, character in enumerate(line):
        if quote:
            quote = None if character == quote else quote
        elif character in "\"'":
            quote = character
        elif character == "#" and index > 0 and line[index - 1] in " \t":
            return line[:index], line[index + 1:].strip()
    return line, None


def _comment_block(text: str, indent: str) -> list[str]:
    return [f"{indent}# {line}" for line in textwrap.wrap(
        text, width=_COMMENT_WIDTH - len(indent) - 2, break_long_words=False, break_on_hyphens=False)]
