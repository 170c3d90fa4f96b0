"""Starting a repository (`init`, also from an inventory), adding entities, editor schemas."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from eacheck import safe_write
from eacheck.api.exchange import Imported, flush, import_plan, readable_file
from eacheck.api.repository import PathLike
from eacheck.errors import UsageError
from eacheck.i18n import msg


def init(directory: PathLike = ".", language: str = "sv"):
    """Start a repository in ``directory``; never overwrites a file (see InitResult)."""
    from eacheck.scaffold.starter_repository import init_repository

    return init_repository(directory, language)


def init_from(directory: PathLike, source: PathLike, mapping: PathLike | None, language: str = "sv",
              progress=None) -> tuple[Any, Imported]:
    """Start a repository in ``directory`` from the group's own inventory: the settings,
    principles and tooling of `init` without its examples, and ``source`` imported into it.

    All or nothing: the import is checked against the repository about to be made first, and
    with any problem nothing at all is written (the result's init part is then None).
    """
    from eacheck.importing import writing
    from eacheck.importing.overlay import Files
    from eacheck.scaffold.starter_repository import init_repository, starter_files

    root = Path(directory)
    if (root / "architecture").is_dir() and any((root / "architecture").rglob("*.y*ml")):
        raise UsageError(msg("{path} already holds a landscape under architecture/; import into it "
                             "with `eacheck import` instead", path=str(root)))
    table = readable_file(Path(source))
    planned = import_plan(Files(starter_files(language, examples=False), str(root)), table, mapping,
                           language, progress)
    if not planned.ok:
        return None, Imported(planned, [], False, False)
    # Where the import writes is checked before the starter files are: a refused folder must
    # leave nothing behind, as a problem in the inventory does.
    folder = root / "architecture"
    safe_write.ensure_inside(folder / "_", root, shown=folder)
    if folder.exists() and not folder.is_dir():
        raise UsageError(msg("{path} exists and is not a folder; the landscape goes there, so move it "
                             "away first", path=str(folder)))
    created = init_repository(root, language, examples=False)
    written = writing.apply(planned, root, update=False)
    flush()
    return created, Imported(planned, written, False, False)


def new_entity_module():
    """The fields, questions and checks of `eacheck new` (:mod:`eacheck.scaffold.new_entity`).

    The interactive command needs them one by one, to ask and re-ask, so it gets the module
    rather than a single call.
    """
    from eacheck.scaffold import new_entity

    return new_entity


def editor_schemas_module():
    """The JSON Schemas for editors (:mod:`eacheck.scaffold.editor_schemas`)."""
    from eacheck.scaffold import editor_schemas

    return editor_schemas
