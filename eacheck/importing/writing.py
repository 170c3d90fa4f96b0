"""Writing a plan: every file or none.

New files are created, never written over; changed files are replaced atomically, and only if
they still hold the text the plan was made from. If anything fails on the way (a full disk, a
file that appeared meanwhile), what was already written is undone, so the repository is left as
it was. How a single file is written safely (links, devices, the repository's bounds) is the
caller's ``create`` and ``replace``: the project's safe-write helper.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path

from eacheck.errors import UsageError
from eacheck.i18n import msg
from eacheck.importing.plan import ImportPlan

Write = Callable[[Path, str], None]


def apply(plan: ImportPlan, root: Path, create: Write, replace: Write, update: bool) -> list[str]:
    """Write the plan's new files, and with ``update`` its changes; the paths written."""
    if not plan.ok:
        raise UsageError(str(msg("the import has problems; nothing was written")))
    created: list[Path] = []
    folders: list[Path] = []
    replaced: list[tuple[Path, str]] = []
    written: list[str] = []
    try:
        for item in plan.created:
            target = root / item.path
            missing = [parent for parent in reversed(target.parents) if not parent.exists()]
            target.parent.mkdir(parents=True, exist_ok=True)
            folders += [folder for folder in missing if folder.is_relative_to(root)]
            if target.exists() or target.is_symlink():
                raise UsageError(str(msg("{path} appeared while importing; nothing was written, run the "
                                         "import again", path=item.path)))
            create(target, item.text)
            created.append(target)
            written.append(item.path)
        if update:
            for path, (before, after) in plan.updates.items():
                target = root / path
                if target.read_bytes().decode("utf-8-sig") != before:
                    raise UsageError(str(msg("{path} changed while importing; nothing was written, run "
                                             "the import again", path=path)))
                replace(target, after)
                replaced.append((target, before))
                written.append(path)
    except BaseException:
        for target, before in reversed(replaced):
            with contextlib.suppress(OSError):
                replace(target, before)
        for target in reversed(created):
            with contextlib.suppress(OSError):
                target.unlink()
        for folder in reversed(folders):
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise
    return written
