"""Run the per-file stage (:mod:`eacheck.loading.file_checks`) over many files, fast.

Two things make it fast, and neither may change a result (a test holds both to that):

- a cache of checked files keyed on their content, kept outside the repository in the user's
  cache folder, so an unchanged file is never parsed twice (pre-commit and local runs);
- the other cores: on Linux, large repositories are split between forked worker processes.

``EACHECK_JOBS`` sets the number of processes (1: no parallelism). ``EACHECK_CACHE_DIR`` moves
the cache; set it to ``off`` to switch the cache off.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import re
import stat
import sys
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from eacheck import __version__
from eacheck.loading.file_checks import CheckedFile, check_file
from eacheck.errors import UsageError
from eacheck.i18n import msg
from eacheck.loading.sources import SourceFile

_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NON_BLOCKING = getattr(os, "O_NONBLOCK", 0)

# Below this many files, starting a worker costs more than it saves.
PARALLEL_THRESHOLD = 400


def _code_fingerprint() -> str:
    """A digest of the code and schemas that decide what a checked file holds.

    The version number alone is not enough: an edited checkout keeps its version, and a stale
    cache must never hide a change in behaviour.
    """
    from importlib import resources

    package = resources.files("eacheck")
    parts = [package.joinpath("loading", name) for name in ("file_checks.py", "yaml_parser.py")]
    # what the messages are made of: the explainer, "did you mean", the names of entities, and
    # the stored form of a message
    parts += [package.joinpath("model", name) for name in ("schema_validation.py", "suggestions.py", "naming.py")]
    parts += [package.joinpath("i18n", name) for name in ("__init__.py", "formats.py", "stored.py")]
    parts += sorted(package.joinpath("model", "schemas").iterdir(), key=lambda p: p.name)
    digest = hashlib.blake2b(digest_size=16)
    for part in parts:
        digest.update(part.read_bytes())
    return digest.hexdigest()


# "problems 2": problems hold messages in their stored form, no longer English text; a cache
# written before is another format, never read.
_CACHE_FORMAT = (
    f"eacheck {__version__} problems 2 {_code_fingerprint()} python {sys.version_info[:2]} "
    f"marshal {marshal.version}"
)

# The files of the run in progress; forked workers inherit it instead of receiving it.
_PENDING: list[tuple[SourceFile, str]] = []


def jobs() -> int:
    configured = os.environ.get("EACHECK_JOBS", "")
    if configured.isdigit() and int(configured) > 0:
        return int(configured)
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def cache_directory() -> Path | None:
    configured = os.environ.get("EACHECK_CACHE_DIR")
    if configured == "off":
        return None
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "eacheck"


# Pruning (see docs/ci.md): a cache file not used for this long is deleted, and so are the
# oldest ones while all of them together take more than this much.
MAX_AGE_DAYS = 30
MAX_TOTAL_BYTES = 512 * 1024 * 1024
_CACHE_NAME = re.compile(r"[0-9a-f]{32}\.cache\Z")
# A cache file is marshal data, which is read in full: never more than this, and never more
# than a cache of this repository could honestly hold (it is about 1.5 times the YAML read).
_CACHE_FLOOR_BYTES = 64 * 1024 * 1024
_CACHE_BYTES_PER_SOURCE_BYTE = 8


# Inside :func:`one_run`: cache file (or repository, without a cache folder) -> (entries known,
# entries used), shared by every load of the run.
_SHARED: dict | None = None


@contextmanager
def one_run() -> Iterator[None]:
    """Loads inside share one cache: a run that reads several revisions of a repository
    (`report --history`) reads the cache file once, checks a file that several revisions hold
    alike once — with the cache switched off too, in memory only — and keeps what any of its
    loads used. The revisions share the blobs they read from git as well."""
    from eacheck.loading.sources import shared_blobs

    global _SHARED
    outer, _SHARED = _SHARED, ({} if _SHARED is None else _SHARED)
    try:
        with shared_blobs():
            yield
    finally:
        _SHARED = outer


class _Cache:
    """Checked files of one repository, keyed by path and content digest, in one marshal file.

    The cache trusts nothing it finds: the file is opened without following a link and without
    blocking, used only when it is a regular file of a bounded size owned by the user running
    eacheck and writable by no one else, whose checksum shows it was written whole by this
    version of eacheck; and each entry is used only when its shape is right and it stands for
    the exact bytes (and path) of the file now read. Anything else is a miss, and the file is
    rewritten at the end of the run. Whoever can write files as the user running eacheck can
    still forge an entry: a cache folder is never to be shared with anyone less trusted.
    """

    def __init__(self, directory: Path | None, repository_key: str, source_bytes: int = 0) -> None:
        self.path = None if directory is None else directory / f"{_digest(repository_key.encode())}.cache"
        self.entries: dict = {}
        self.used: dict[str, tuple[str, tuple]] = {}
        self.changed = False
        shared_key = self.path or ("memory", repository_key)
        if _SHARED is not None and shared_key in _SHARED:
            self.entries, self.used = _SHARED[shared_key]
            return
        if self.path is not None:
            limit = _CACHE_FLOOR_BYTES + _CACHE_BYTES_PER_SOURCE_BYTE * source_bytes
            loaded = _read_trusted(self.path, limit)
            if loaded is not None:
                self.entries = loaded
        if _SHARED is not None:
            _SHARED[shared_key] = (self.entries, self.used)

    def get(self, path: str, digest: str) -> CheckedFile | None:
        entry = self.used.get(path)
        if type(entry) is tuple and len(entry) == 2 and entry[0] == digest:
            # Checked (or found) by an earlier load of the same run (:func:`one_run`).
            return CheckedFile.from_tuple(entry[1])
        entry = self.entries.get(path)
        if type(entry) is not tuple or len(entry) != 2 or entry[0] != digest:
            return None
        checked = entry[1]
        if not _well_formed(checked, path):
            return None
        try:
            result = CheckedFile.from_tuple(checked)
        except Exception:  # a shape the checks above did not foresee: a miss, never a crash
            return None
        self.used[path] = entry
        return result

    def put(self, path: str, digest: str, checked: tuple) -> None:
        self.used[path] = (digest, checked)
        self.changed = True

    def save(self) -> None:
        """Keep what this run used; never fail the run because the cache cannot be written."""
        if self.path is None or not (self.changed or len(self.used) != len(self.entries)):
            return
        import tempfile  # here, not at the top: a run whose cache is up to date never writes

        try:
            self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            payload = marshal.dumps(self.used)
            with tempfile.NamedTemporaryFile(dir=self.path.parent, delete=False) as handle:
                handle.write(marshal.dumps((_CACHE_FORMAT, zlib.crc32(payload), payload)))
            # Replacing the name, not writing through it: whatever was there (a link, a FIFO)
            # is gone, not followed. NamedTemporaryFile made the file 0600.
            os.replace(handle.name, self.path)
        except (OSError, ValueError):
            return
        _prune(self.path.parent, keep=self.path)


def _read_trusted(path: Path, limit: int) -> dict | None:
    """The entries of the cache file at ``path``, or None when it is not to be trusted."""
    try:
        handle = os.open(path, os.O_RDONLY | _NO_FOLLOW | _NON_BLOCKING | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return None
    try:
        found = os.fstat(handle)
        if (
            not stat.S_ISREG(found.st_mode)
            or found.st_size > limit
            or (hasattr(os, "geteuid") and found.st_uid != os.geteuid())
            or found.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
        ):
            return None
        with os.fdopen(handle, "rb") as file:
            handle = -1
            data = file.read(limit + 1)
        if len(data) > limit:
            return None
        header, checksum, payload = marshal.loads(data)
        if header != _CACHE_FORMAT or type(payload) is not bytes or checksum != zlib.crc32(payload):
            return None  # another version's cache, or one not written whole by eacheck
        entries = marshal.loads(payload)
        if type(entries) is not dict:
            return None
        if time.time() - found.st_mtime > 24 * 3600:  # in use: not to be pruned as old
            with contextlib.suppress(OSError):
                os.utime(path)
        return entries
    except (OSError, ValueError, EOFError, TypeError):
        return None
    finally:
        if handle >= 0:
            os.close(handle)


def _well_formed(checked: object, path: str) -> bool:
    """Whether ``checked`` has the shape of CheckedFile.to_tuple() for ``path``.

    The documents' values inside are not walked: the file's checksum shows they are what
    eacheck wrote, and walking them all would cost a warm run a fifth of its time. The
    problems' messages are few, and rebuilding them checks each strictly
    (:func:`eacheck.i18n.stored.load`, in CheckedFile.from_tuple): a message that is not
    exactly one eacheck stored makes the entry a miss.
    """
    if type(checked) is not tuple or len(checked) != 4 or checked[0] != path:
        return False
    _, documents, located, problems = checked
    if type(documents) is not list or type(located) is not list or type(problems) is not list:
        return False
    for entry in located:
        if type(entry) is not tuple or len(entry) != 2 or type(entry[1]) is not bytes or len(entry[1]) % 8:
            return False
    count = len(located)
    for document in documents:
        if type(document) is not tuple or len(document) != 5:
            return False
        index, line, column, kind, valid = document
        if (type(index) is not int or type(line) is not int or type(column) is not int
                or type(kind) is not str or type(valid) is not bool
                or not 0 <= index < count or type(located[index][0]) is not dict):
            return False
    for problem in problems:
        if type(problem) is not tuple or len(problem) != 5:
            return False
        line, column, message, subject, kind = problem
        if (type(line) is not int or type(column) is not int or type(message) is not tuple
                or type(subject) is not str or type(kind) is not str):
            return False
    return True


def _prune(folder: Path, keep: Path) -> None:
    """Delete cache files unused for MAX_AGE_DAYS, then the oldest while the folder holds more
    than MAX_TOTAL_BYTES; only eacheck's own (by name and owner), never ``keep``."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    now = time.time()
    files = []
    for entry in entries:
        if not _CACHE_NAME.match(entry.name) or entry.path == str(keep):
            continue
        try:
            found = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if not stat.S_ISREG(found.st_mode) or (hasattr(os, "geteuid") and found.st_uid != os.geteuid()):
            continue
        files.append((found.st_mtime, found.st_size, entry.path))
    total = sum(size for _, size, _ in files)
    with contextlib.suppress(OSError):
        total += keep.stat().st_size
    for modified, size, path in sorted(files):
        if now - modified <= MAX_AGE_DAYS * 24 * 3600 and total <= MAX_TOTAL_BYTES:
            break
        with contextlib.suppress(OSError):
            os.unlink(path)
            total -= size


def _inside(folder: Path, root: str | os.PathLike[str]) -> bool:
    real_root = Path(os.path.realpath(root))
    return Path(os.path.realpath(folder)).is_relative_to(real_root)


def _digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _check_indexes(indexes: list[int]) -> list[tuple]:
    return [check_file(_PENDING[i][0].path, _PENDING[i][0].data, _PENDING[i][1]).to_tuple() for i in indexes]


def _check_chunk(indexes: list[int]) -> bytes:
    # marshal, not pickle, for the way back: faster for plain data, and it builds no objects
    # but plain ones.
    return marshal.dumps(_check_indexes(indexes))


def _balanced_chunks(pending: list[tuple[SourceFile, str]], count: int) -> list[list[int]]:
    """Indexes split into ``count`` chunks of about equal bytes: parse time follows size, and
    a few large files (integrations kept together) must not all land on one worker."""
    chunks: list[list[int]] = [[] for _ in range(count)]
    loads = [0] * count
    for index in sorted(range(len(pending)), key=lambda i: -len(pending[i][0].data)):
        lightest = loads.index(min(loads))
        chunks[lightest].append(index)
        loads[lightest] += len(pending[index][0].data) + 200  # a file costs something of its own
    return chunks


def _check_all(pending: list[tuple[SourceFile, str]]) -> list[tuple]:
    workers = min(jobs(), max(1, len(pending) // (PARALLEL_THRESHOLD // 2)))
    if workers < 2 or len(pending) < PARALLEL_THRESHOLD:
        return [check_file(source.path, source.data, place).to_tuple() for source, place in pending]
    # Imported here: a run with a warm cache or few changed files starts no worker, and
    # multiprocessing is a fifth of the imports such a run would otherwise make.
    import multiprocessing

    if "fork" not in multiprocessing.get_all_start_methods():
        return [check_file(source.path, source.data, place).to_tuple() for source, place in pending]
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    global _PENDING
    _PENDING = pending
    try:
        chunks = _balanced_chunks(pending, workers)
        context = multiprocessing.get_context("fork")
        results: list[tuple | None] = [None] * len(pending)
        # An executor, not a Pool: a Pool replaces a worker that dies (the out-of-memory killer,
        # a kill -9) and then waits for ever for the chunk it lost; the executor notices.
        with ProcessPoolExecutor(len(chunks) - 1, mp_context=context) as pool:
            others = [pool.submit(_check_chunk, chunk) for chunk in chunks[1:]]
            done = [(chunks[0], _check_indexes(chunks[0]))]
            done += [(chunk, marshal.loads(future.result())) for chunk, future in zip(chunks[1:], others)]
        for chunk, checked in done:
            for index, result in zip(chunk, checked):
                results[index] = result
        return results  # type: ignore[return-value]
    except BrokenProcessPool:
        raise UsageError(msg(
            "a worker process checking the files ended abruptly (it was killed, perhaps by the "
            "system for lack of memory), so the run stopped without a result; run it again, or "
            "set EACHECK_JOBS=1 to check in one process"
        )) from None
    finally:
        _PENDING = []


def check_files(
    files: list[tuple[SourceFile, str]], repository_key: str, root: str | os.PathLike[str] | None = None
) -> list[CheckedFile]:
    """The checked form of every (file, place), in the order given. ``root`` is the folder the
    files come from: a cache folder inside it is not used, since a pull request could commit
    cache files into it."""
    directory = cache_directory()
    if directory is not None and root is not None and _inside(directory, root):
        directory = None
    cache = _Cache(directory, repository_key, sum(len(source.data) for source, _ in files))
    results: list[CheckedFile | None] = []
    pending: list[tuple[SourceFile, str]] = []
    digests: list[str] = []
    for source, place in files:
        # What an entry stands for: this path, in this place, with exactly these bytes.
        digest = _digest(source.path.encode("utf-8", "surrogateescape") + b"\0" + place.encode() + b"\0" + source.data)
        digests.append(digest)
        cached = cache.get(source.path, digest)
        results.append(cached)
        if cached is None:
            pending.append((source, place))
    fresh = iter(_check_all(pending))
    for index, (source, _) in enumerate(files):
        if results[index] is None:
            checked = next(fresh)
            cache.put(source.path, digests[index], checked)
            results[index] = CheckedFile.from_tuple(checked)
    cache.save()
    return results  # type: ignore[return-value]
