"""Writing a plan: every file or none.

New files are created, never written over; changed files are replaced atomically, and only if
they still hold the text the plan was made from. If anything fails on the way (a full disk, a
file that appeared meanwhile), what was already written is undone, so the repository is left as
it was. Every file and folder goes through :mod:`eacheck.safe_write`, held inside the
repository: a link committed into ``architecture/`` cannot carry a write out of it.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from eacheck import safe_write
from eacheck.errors import UsageError
from eacheck.i18n import msg
from eacheck.importing.plan import ImportPlan

# From this many new files on, two threads create them: creating a file is mostly the file
# system's work, done outside Python's interpreter lock, and on some disks it costs more than
# everything else an import does.
THREADED_FROM = 1000


def _create_all(plan: ImportPlan, root: Path, created: list[Path]) -> None:
    """Create the plan's new files; ``created`` receives each one made, also when one fails
    (then the first failure is raised, after the others have finished)."""

    def create(items) -> None:
        for item in items:
            target = root / item.path
            try:
                safe_write.create(target, item.text)
            except FileExistsError:
                raise UsageError(msg("{path} appeared while importing; nothing was written, run "
                                     "the import again", path=item.path)) from None
            created.append(target)  # list.append is atomic: safe from two threads

    if len(plan.created) < THREADED_FROM:
        create(plan.created)
        return
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(2) as pool:
        halves = [pool.submit(create, plan.created[start::2]) for start in (0, 1)]
    for half in halves:
        half.result()  # a failure in either, after both have stopped


def apply(plan: ImportPlan, root: Path, update: bool) -> list[str]:
    """Write the plan's new files, and with ``update`` its changes; the paths written."""
    if not plan.ok:
        raise UsageError(msg("the import has problems; nothing was written"))
    created: list[Path] = []
    folders: list[Path] = []
    replaced: list[tuple[Path, str]] = []
    written: list[str] = []
    made: set[Path] = set()  # folders this import has made or found: 10,000 files share a few hundred
    try:
        for item in plan.created:
            target = root / item.path
            if target.parent not in made:
                missing = [parent for parent in reversed(target.parents) if not parent.exists()]
                safe_write.make_folder(target.parent, inside=root)
                folders += [folder for folder in missing if folder.is_relative_to(root)]
                made.add(target.parent)
        # Every folder was found inside the repository (make_folder, above); each file is
        # created in it with O_EXCL and O_NOFOLLOW, so never over anything that is there, a link
        # included. (Checking the folder again for each of 10,000 files resolved every folder of
        # its path each time: a fifth of an import's writing.)
        _create_all(plan, root, created)
        written += [item.path for item in plan.created]
        if update:
            for path, (before, after) in plan.updates.items():
                target = root / path
                data = target.read_bytes()
                if data.decode("utf-8-sig") != before:
                    raise UsageError(msg("{path} changed while importing; nothing was written, run "
                                         "the import again", path=path))
                # A file saved with a byte-order mark (Notepad, some Windows editors) keeps it:
                # only the differing keys change.
                mark = "\ufeff" if data.startswith(b"\xef\xbb\xbf") else ""
                safe_write.write(target, mark + after, inside=root)
                replaced.append((target, mark + before))
                written.append(path)
    except BaseException:
        for target, before in reversed(replaced):
            with contextlib.suppress(OSError):
                safe_write.write(target, before, inside=root)
        for target in reversed(created):
            with contextlib.suppress(OSError):
                target.unlink()
        for folder in reversed(folders):
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise
    return written
