"""`eacheck init`: a new architecture repository that validates, checks and reports from day one.

The files come from three places:

- ``eacheck/defaults/init/common/`` and ``eacheck/defaults/init/<lang>/``: settings, the example
  landscape, the README for architects, CI, pre-commit and editor settings. A path part written
  ``dot-github`` becomes ``.github``: packaging tools leave out files whose names start with a
  dot, so the templates are stored without one. ``__EACHECK_VERSION__`` becomes the version that
  writes the repository, so CI and pre-commit install the eacheck the examples were made for;
- the shipped default principles, copied into ``principles/``;
- the editor schemas, written into ``.eacheck/schemas/`` in the chosen language.

An existing file is never touched. ``architecture/`` and ``principles/`` are all or nothing:
if one already holds YAML files, no example is added to it, since an example organization in a
real landscape, or a default principle the group chose to leave out, would change what the
checks say.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from eacheck import __version__
from eacheck.errors import UsageError
from eacheck.scaffold import editor_schemas
from eacheck.i18n import LANGUAGES

SCHEMA_FOLDER = ".eacheck/schemas"
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


def starter_files(lang: str = "sv", examples: bool = True) -> dict[str, bytes]:
    """Every file of a new repository: relative path (with ``/``) to content, sorted by path.

    Without ``examples``, the example landscape under ``architecture/`` is left out (`init
    --from` fills it from the group's own inventory instead).
    """
    if lang not in LANGUAGES:
        raise UsageError(f"unknown language '{lang}'; use one of: {', '.join(LANGUAGES)}")
    templates = resources.files("eacheck").joinpath("defaults", "init")
    files: dict[str, bytes] = {}
    for folder in ("common", lang):  # the language's own file wins over a common one
        for relative, entry in _walk(templates.joinpath(folder), ""):
            data = entry.read_bytes().replace(VERSION_TOKEN.encode(), __version__.encode())
            files[relative] = data
    principles = resources.files("eacheck").joinpath("defaults", "principles")
    for entry in principles.iterdir():
        if entry.name.endswith(".yaml"):
            files[f"principles/{entry.name}"] = entry.read_bytes()
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
        raise UsageError(f"{root}: is a file; give a folder for the new repository")
    result = InitResult(root)
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
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("xb") as file:  # "x": never replace a file, even one made meanwhile
                file.write(data)
        except FileExistsError:
            result.kept.append(relative)
            continue
        except OSError as error:
            raise UsageError(f"{path}: cannot write the file: {error.strerror or error}") from None
        result.created.append(relative)
    if not examples:
        (root / "architecture").mkdir(exist_ok=True)
    return result


def _holds_yaml(folder: Path) -> bool:
    return folder.is_dir() and any(
        path.is_file() for pattern in ("*.yaml", "*.yml") for path in folder.rglob(pattern)
    )
