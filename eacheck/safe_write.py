"""Every file eacheck writes goes through here: never replace what is not a regular file, never
follow a link, never land outside the repository unless told to.

eacheck runs in CI on pull requests from anyone, often as root. A pull request can commit a
symbolic link where eacheck will write (``reports/`` pointing at ``/etc``), and a pipeline can
name a device as the output (``--out /dev/null``). So:

- a **regular file** is replaced atomically (a temporary file in the same folder, then
  ``os.replace``), keeping its permissions: readers see the old file or the new one, never a
  partial one;
- a **FIFO or character device** is written to directly, as a shell redirection would: replacing
  ``/dev/null`` with a regular file would break the machine;
- a **symbolic link** is refused, whatever it points to: replacing it would drop the link, and
  writing through it would write wherever the pull request pointed it;
- anything else (a folder, a socket, a block device) is refused, naming what it is;
- with ``inside``, the file must land inside that folder once every link in its path is
  resolved: the default locations (``reports/``, the files of ``init`` and ``new``) are in the
  repository, and a link committed into it must not carry a write out of it.

:func:`create` is for commands that never overwrite (``init``, ``new``): it creates the file or
raises :class:`FileExistsError`, and follows no link at the last step.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from eacheck.errors import UsageError
from eacheck.i18n import Message, N_, msg

_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)
_CLOSE_ON_EXEC = getattr(os, "O_CLOEXEC", 0)

_KINDS = (
    (stat.S_ISDIR, N_("a folder")),
    (stat.S_ISBLK, N_("a block device")),
    (stat.S_ISSOCK, N_("a socket")),
    (stat.S_ISCHR, N_("a character device")),
    (stat.S_ISFIFO, N_("a FIFO (named pipe)")),
)


def what_it_is(mode: int) -> Message:
    """'a folder', 'a FIFO (named pipe)' ... for a file mode that is not a regular file."""
    for test, name in _KINDS:
        if test(mode):
            return msg(name)
    return msg("something other than a regular file")


def _umask() -> int:
    # The only portable way to read the umask is to set it; put it straight back.
    current = os.umask(0)
    os.umask(current)
    return current


def write(target: str | os.PathLike[str], data: str | bytes, *, inside: str | os.PathLike[str] | None = None) -> None:
    """Write ``data`` (text is written as UTF-8) to ``target``, safely (see the module)."""
    target = Path(target)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    found = check(target, inside=inside)
    if found is not None and (stat.S_ISFIFO(found.st_mode) or stat.S_ISCHR(found.st_mode)):
        _write_directly(target, payload)
        return
    mode = stat.S_IMODE(found.st_mode) if found is not None else 0o666 & ~_umask()
    _replace_atomically(target, payload, mode)


def check(target: str | os.PathLike[str], *, inside: str | os.PathLike[str] | None = None) -> os.stat_result | None:
    """Raise the :class:`UsageError` :func:`write` would raise for ``target``, writing nothing;
    what is there now (None for nothing). A command that writes several files checks them all
    first, so that a refused one leaves no other written."""
    target = Path(target)
    if inside is not None:
        ensure_inside(target, inside)
    try:
        found = os.lstat(target)
    except FileNotFoundError:
        return None
    if stat.S_ISLNK(found.st_mode):
        raise UsageError(_link_message(target))
    if not (stat.S_ISREG(found.st_mode) or stat.S_ISFIFO(found.st_mode) or stat.S_ISCHR(found.st_mode)):
        raise UsageError(msg("{path} is {what}, not a file; eacheck writes only files. Give the path of a file",
                             path=str(target), what=what_it_is(found.st_mode)))
    return found


def create(target: str | os.PathLike[str], data: str | bytes, *, inside: str | os.PathLike[str] | None = None) -> None:
    """Create ``target`` with ``data``; :class:`FileExistsError` if anything is there already,
    a dangling link included."""
    target = Path(target)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    if inside is not None:
        ensure_inside(target, inside)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NO_FOLLOW | _CLOSE_ON_EXEC
    handle = os.open(target, flags, 0o666)
    with os.fdopen(handle, "wb") as file:
        file.write(payload)


def make_folder(folder: str | os.PathLike[str], *, inside: str | os.PathLike[str] | None = None) -> None:
    """Create ``folder`` and its parents as needed; with ``inside``, only inside that folder."""
    folder = Path(folder)
    if inside is not None:
        ensure_inside(folder / "_", inside, shown=folder)
    folder.mkdir(parents=True, exist_ok=True)
    if inside is not None:  # a link may have appeared while the folders were made
        ensure_inside(folder / "_", inside, shown=folder)


def ensure_inside(target: str | os.PathLike[str], root: str | os.PathLike[str], *,
                  shown: str | os.PathLike[str] | None = None) -> None:
    """Refuse ``target`` when its folder, with every link resolved, is not inside ``root``;
    the message names ``shown`` (default: ``target``).

    The folder may not exist yet: its nearest existing ancestor (a dangling link counts as
    existing) decides, since the folders eacheck creates below it are real folders, not links.
    """
    top = Path(os.path.abspath(root))
    real_root = Path(os.path.realpath(top))
    existing = Path(os.path.abspath(target)).parent
    while existing != top and existing != existing.parent and not os.path.lexists(existing):
        existing = existing.parent
    real = Path(os.path.realpath(existing))
    if not real.is_relative_to(real_root):
        raise UsageError(msg(
            "{path}: the folder {folder} leads outside the repository (to {real}) through a "
            "symbolic link; eacheck writes only inside the repository. Replace the link with a "
            "real folder", path=str(shown if shown is not None else target), folder=str(existing), real=str(real),
        ))


def _link_message(target: Path) -> Message:
    try:
        points_to = os.readlink(target)
    except OSError:
        return msg("{path} is a symbolic link; eacheck never replaces a link nor writes through one. "
                   "Remove the link, or give the path of a real file ('-' writes to standard output "
                   "where a command offers it)", path=str(target))
    return msg("{path} is a symbolic link (to {target}); eacheck never replaces a link nor writes "
               "through one. Remove the link, or give the path of a real file ('-' writes to "
               "standard output where a command offers it)", path=str(target), target=str(points_to))


def _write_directly(target: Path, payload: bytes) -> None:
    # No O_CREAT and no O_TRUNC: the FIFO or device is there and stays what it is. O_NOFOLLOW
    # in case a link took its place since it was looked at.
    handle = os.open(target, os.O_WRONLY | _NO_FOLLOW | _CLOSE_ON_EXEC)
    with os.fdopen(handle, "wb") as file:
        file.write(payload)


def _replace_atomically(target: Path, payload: bytes, mode: int) -> None:
    # The same folder, because os.replace is atomic only within one file system.
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(payload)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
