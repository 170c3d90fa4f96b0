"""Replace a file in one step: readers see the old file or the new one, never a partial one."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def _umask() -> int:
    # The only portable way to read the umask is to set it; put it straight back.
    current = os.umask(0)
    os.umask(current)
    return current


def write_atomically(target: Path, text: str | bytes) -> None:
    """Write ``text`` (UTF-8; bytes as they are) to ``target`` through a temporary file in the
    same folder.

    The same folder, because `os.replace` is atomic only within one file system.
    """
    data = text.encode("utf-8") if isinstance(text, str) else text
    mode = target.stat().st_mode & 0o777 if target.exists() else 0o666 & ~_umask()
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
