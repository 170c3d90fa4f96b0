"""Putting a rendered site in place without ever showing a half-written one.

The files are written into a new folder beside the target (same parent, so the same file
system), and only when every file is there does the new folder take the target's name: the old
site is renamed aside, the new one renamed in, the old one removed. A reader sees the old site
or the new one, never a mix; for the moment between the two renames the folder is missing
(POSIX has no portable atomic swap of two folders). A build that fails leaves the old site as
it was and no new folder behind.

Stale pages cannot survive: the whole folder is replaced, so a system removed from the
repository loses its page. For the same reason the target must be a folder this command wrote
(it holds :data:`MARKER`), an empty folder, or not exist yet; anything else is refused rather
than deleted. Every path comes from the renderer, is checked to stay inside the folder, and ids
are ``[a-z0-9-]`` by the schema. Each file is created through :mod:`eacheck.safe_write` (never
over anything, never through a link), and the default folder must lead nowhere outside the
repository (a link committed in its place is refused as anywhere else).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path, PurePosixPath
from typing import Callable

from eacheck import safe_write
from eacheck.errors import UsageError, reason
from eacheck.i18n import msg

MARKER = ".eacheck-site"


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def _inside(relative: str) -> bool:
    path = PurePosixPath(relative)
    return (not path.is_absolute() and bool(path.parts)
            and all(part not in ("", ".", "..") and "\\" not in part for part in path.parts))


def check_target(target: Path) -> None:
    """Refuse a target the build must not replace (see the module docstring)."""
    if target.is_symlink():
        raise UsageError(msg("{path}: is a symbolic link; give the folder it points to, or another folder",
                             path=str(target)))
    if target.exists() and not target.is_dir():
        raise UsageError(msg("{path}: exists and is not a folder; give a folder for the site with --out",
                             path=str(target)))
    if target.is_dir() and not (target / MARKER).is_file() and any(target.iterdir()):
        raise UsageError(msg(
            "{path}: the folder holds files that `eacheck site` did not write, and building the "
            "site replaces the whole folder; give an empty or new folder with --out",
            path=str(target)))


def replace(target: Path, fill: Callable[[Path], None], jobs: int = 1, inside: Path | None = None) -> Path:
    """Replace the folder ``target`` with what ``fill`` puts into a new, empty folder beside it
    (see the module docstring); returns ``target``. ``fill`` creates each file through
    :func:`create`; an :class:`OSError` from it fails the build and leaves the old site."""
    check_target(target)
    if inside is not None:
        safe_write.ensure_inside(target, inside)
    parent = target.parent
    if not parent.is_dir():
        raise UsageError(msg("{path}: the folder {parent} does not exist; create it first",
                             path=str(target), parent=str(parent)))
    try:
        new = Path(tempfile.mkdtemp(dir=parent, prefix=f".{target.name}.new-"))
    except OSError as error:
        raise UsageError(msg("{path}: cannot write the site: {reason}", path=str(target),
                             reason=reason(error))) from None
    try:
        fill(new)
        os.chmod(new, 0o777 & ~_umask())  # mkdtemp made it private; a web server must read it
        _swap(new, target, jobs)
    except OSError as error:
        shutil.rmtree(new, ignore_errors=True)
        raise UsageError(msg("{path}: cannot write the site: {reason}", path=str(target),
                             reason=reason(error))) from None
    except BaseException:
        shutil.rmtree(new, ignore_errors=True)
        raise
    return target


# Below this many files in the old site, a second process to remove them costs more than it saves.
PARALLEL_THRESHOLD = 3000


def make_folders(folder: Path, paths) -> None:
    """The folders below ``folder`` that the files at ``paths`` (paths in the site) go in."""
    base = str(folder)
    for parent in sorted({relative.rpartition("/")[0] for relative in paths} - {""}):
        os.makedirs(os.path.join(base, parent), exist_ok=True)


def create(folder: str, relative: str, content: bytes) -> None:
    """One file of the site, at ``relative`` below ``folder`` (ours alone, being filled); created
    all the same, never over a name that exists nor through a link."""
    if not _inside(relative):  # pragma: no cover - the renderer makes every path
        raise ValueError(f"a path outside the site: {relative!r}")
    safe_write.create(os.path.join(folder, relative), content)


def _swap(new: Path, target: Path, jobs: int = 1) -> None:
    if not target.exists():
        os.rename(new, target)
        return
    old = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.old-"))
    os.rmdir(old)  # a free name beside the target, for the old site
    os.rename(target, old)
    try:
        os.rename(new, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.rename(old, target)
        raise
    _remove(old, jobs if _listed(old) >= PARALLEL_THRESHOLD else 1)


def _listed(site: Path) -> int:
    """How many files the marker of a site this command wrote lists (0 for an empty folder)."""
    try:
        with open(site / MARKER, "rb") as marker:
            return sum(1 for _ in marker)
    except OSError:
        return 0


def _remove(folder: Path, jobs: int) -> None:
    """Remove the old site; a large one's folders shared out between ``jobs`` processes, since
    removing tens of thousands of files takes as long as writing them."""
    parts = sorted(folder.iterdir()) if jobs > 1 and hasattr(os, "fork") else []
    if len(parts) < 2:
        shutil.rmtree(folder, ignore_errors=True)
        return
    children = []
    for start in range(1, jobs):
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child's coverage is not collected
            for part in parts[start::jobs]:
                _remove_one(part)
            os._exit(0)
        children.append(pid)
    for part in parts[0::jobs]:
        _remove_one(part)
    for pid in children:
        os.waitpid(pid, 0)
    shutil.rmtree(folder, ignore_errors=True)


def _remove_one(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        with contextlib.suppress(OSError):
            path.unlink()
