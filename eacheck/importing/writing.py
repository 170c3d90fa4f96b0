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
            # Each file is still checked to land inside the repository (create, below).
            if target.exists() or target.is_symlink():
                raise UsageError(msg("{path} appeared while importing; nothing was written, run the "
                                     "import again", path=item.path))
            safe_write.create(target, item.text, inside=root)
            created.append(target)
            written.append(item.path)
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
