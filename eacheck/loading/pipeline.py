"""Run the per-file stage (:mod:`eacheck.loading.file_checks`) over many files, fast.

Two things make it fast, and neither may change a result (a test holds both to that):

- a cache of checked files keyed on their content, kept outside the repository in the user's
  cache folder, so an unchanged file is never parsed twice (pre-commit and local runs);
- the other cores: on Linux, large repositories are split between forked worker processes.

``EACHECK_JOBS`` sets the number of processes (1: no parallelism). ``EACHECK_CACHE_DIR`` moves
the cache; set it to ``off`` to switch the cache off.
"""

from __future__ import annotations

import hashlib
import marshal
import multiprocessing
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from eacheck import __version__
from eacheck.loading.file_checks import CheckedFile, check_file
from eacheck.loading.sources import SourceFile

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
    parts.append(package.joinpath("model", "schema_validation.py"))
    parts.append(package.joinpath("model", "suggestions.py"))  # file_checks' "did you mean"
    parts += sorted(package.joinpath("model", "schemas").iterdir(), key=lambda p: p.name)
    digest = hashlib.blake2b(digest_size=16)
    for part in parts:
        digest.update(part.read_bytes())
    return digest.hexdigest()


_CACHE_FORMAT = (
    f"eacheck {__version__} {_code_fingerprint()} python {sys.version_info[:2]} marshal {marshal.version}"
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
    """Checked files of one repository, keyed by path and content digest, in one marshal file."""

    def __init__(self, directory: Path | None, repository_key: str) -> None:
        self.path = None if directory is None else directory / f"{_digest(repository_key.encode())}.cache"
        self.entries: dict[str, tuple[str, tuple]] = {}
        self.used: dict[str, tuple[str, tuple]] = {}
        self.changed = False
        shared_key = self.path or ("memory", repository_key)
        if _SHARED is not None and shared_key in _SHARED:
            self.entries, self.used = _SHARED[shared_key]
            return
        if self.path is not None:
            try:
                header, entries = marshal.loads(self.path.read_bytes())
                if header == _CACHE_FORMAT:
                    self.entries = entries
            except (OSError, ValueError, EOFError, TypeError):
                pass  # no cache, or one from another version: start afresh
        if _SHARED is not None:
            _SHARED[shared_key] = (self.entries, self.used)

    def get(self, path: str, digest: str) -> CheckedFile | None:
        entry = self.entries.get(path)
        if entry is None or entry[0] != digest:
            entry = self.used.get(path)  # checked by an earlier load of the same run
            if entry is None or entry[0] != digest:
                return None
        self.used[path] = entry
        return CheckedFile.from_tuple(entry[1])

    def put(self, path: str, digest: str, checked: tuple) -> None:
        self.used[path] = (digest, checked)
        self.changed = True

    def save(self) -> None:
        """Keep what this run used; never fail the run because the cache cannot be written."""
        if self.path is None or not (self.changed or len(self.used) != len(self.entries)):
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=self.path.parent, delete=False) as handle:
                handle.write(marshal.dumps((_CACHE_FORMAT, self.used)))
            os.replace(handle.name, self.path)
        except (OSError, ValueError):
            pass


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
    if workers < 2 or len(pending) < PARALLEL_THRESHOLD or "fork" not in multiprocessing.get_all_start_methods():
        return [check_file(source.path, source.data, place).to_tuple() for source, place in pending]
    global _PENDING
    _PENDING = pending
    try:
        chunks = _balanced_chunks(pending, workers)
        context = multiprocessing.get_context("fork")
        results: list[tuple | None] = [None] * len(pending)
        with context.Pool(len(chunks) - 1) as pool:
            others = pool.map_async(_check_chunk, chunks[1:])
            done = [(chunks[0], _check_indexes(chunks[0]))]
            done += [(chunk, marshal.loads(data)) for chunk, data in zip(chunks[1:], others.get())]
        for chunk, checked in done:
            for index, result in zip(chunk, checked):
                results[index] = result
        return results  # type: ignore[return-value]
    finally:
        _PENDING = []


def check_files(files: list[tuple[SourceFile, str]], repository_key: str) -> list[CheckedFile]:
    """The checked form of every (file, place), in the order given."""
    cache = _Cache(cache_directory(), repository_key)
    results: list[CheckedFile | None] = []
    pending: list[tuple[SourceFile, str]] = []
    digests: list[str] = []
    for source, place in files:
        digest = _digest(place.encode() + b"\0" + source.data)
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
