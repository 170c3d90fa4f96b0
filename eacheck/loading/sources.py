"""Where the files of an architecture repository come from: a folder on disk or a git revision.

A source yields :class:`SourceFile` values (path relative to the repository root, with ``/``
separators, and raw bytes) plus problems about files it could not or would not read. Nothing here
writes anything.
"""

from __future__ import annotations

import errno
import os
import stat
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from eacheck.errors import UsageError, reason
from eacheck.i18n import Message, msg
from eacheck.i18n.formats import Number
from eacheck.safe_text import shorten
from eacheck.safe_write import what_it_is

YAML_SUFFIXES = (".yaml", ".yml")
SETTINGS_FILE = "eacheck.yaml"
ARCHITECTURE_DIR = "architecture"
PRINCIPLES_DIR = "principles"


@dataclass(frozen=True, slots=True)
class SourceFile:
    path: str
    data: bytes


@dataclass(frozen=True, slots=True)
class SourceProblem:
    path: str
    message: Message


def _is_yaml(name: str) -> bool:
    # In any case: `Ekonomi.YML` saved by a Windows tool holds facts too, and skipping it would
    # drop them without a word.
    return name.lower().endswith(YAML_SUFFIXES) and not name.startswith(".")


def _not_utf8(name: str) -> bool:
    """A name read from the file system or git that is not valid UTF-8 (held as surrogates)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _shown_name(name: str) -> str:
    """A name that is not UTF-8, as it can be shown: each bad byte as U+FFFD."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _not_utf8_name(relative: str) -> SourceProblem:
    return SourceProblem(
        _shown_name(relative),
        msg("this name is not valid UTF-8, so eacheck cannot name it in its findings and does not "
            "read it; rename it"),
    )


# A file larger than this is no hand-written YAML, and reading it whole would let a pull
# request take the runner's memory (the parser also refuses more than
# yaml_parser.MAX_FILE_CHARACTERS).
MAX_FILE_BYTES = 16 * 1024 * 1024
_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NON_BLOCKING = getattr(os, "O_NONBLOCK", 0)


class NotReadable(Exception):
    """A file eacheck will not read, with the reason as one sentence (``message``)."""

    def __init__(self, message: Message) -> None:
        super().__init__(message)
        self.message = message


def read_regular_file(path: str | os.PathLike[str], limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of ``path`` if it is a regular file of at most ``limit`` bytes.

    Opened without following a link at the last step and without blocking (a FIFO put in a
    file's place cannot hang the run), then checked on the open file, so nothing can be swapped
    in between the check and the read.
    """
    try:
        handle = os.open(path, os.O_RDONLY | _NO_FOLLOW | _NON_BLOCKING | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise NotReadable(msg("it is a symbolic link, and eacheck reads no link here")) from None
        raise NotReadable(msg("it cannot be read: {reason}", reason=reason(error))) from None
    with open(handle, "rb", buffering=0) as file:
        found = os.fstat(handle)
        if not stat.S_ISREG(found.st_mode):
            raise NotReadable(msg("it is {what}, not a file; eacheck reads only files",
                                  what=what_it_is(found.st_mode)))
        if found.st_size > limit:
            raise NotReadable(msg(
                "it is {size} bytes, more than the {limit} eacheck reads from one file; split it "
                "into several files", size=Number(found.st_size), limit=Number(limit),
            ))
        # The size it has, and one byte more to see whether it grew meanwhile: asking for the
        # limit itself would allocate the limit for every file.
        data = file.read(found.st_size + 1)
        if len(data) > found.st_size:
            data += file.read(limit + 1 - len(data))
    if len(data) > limit:  # it grew while being read
        raise NotReadable(msg("it is more than the {limit} bytes eacheck reads from one file; split it "
                              "into several files", limit=Number(limit)))
    return data


class WorkingTree:
    """The files of a repository folder on disk, without following links out of it."""

    def __init__(self, root: str | os.PathLike[str]) -> None:
        root_path = Path(root)
        if not root_path.exists():
            raise UsageError(msg("{path}: no such folder", path=str(root)))
        if not root_path.is_dir():
            raise UsageError(msg("{path}: not a folder; give the repository's root folder", path=str(root)))
        if not (root_path / ARCHITECTURE_DIR).is_dir():
            raise UsageError(msg(
                "{path}: no architecture/ folder here; give the root of an architecture repository "
                "(run `eacheck init` to start one)", path=str(root),
            ))
        self.root = root_path
        self.real_root = root_path.resolve()
        self.problems: list[SourceProblem] = []
        self._not_folders: set[str] = set()
        self.label = str(root_path)
        self.cache_key = f"tree:{self.real_root}"

    def has_dir(self, name: str) -> bool:
        """Whether there is something called ``name`` to read principles or entities from: a
        folder, or a link to one (reading it reports the link if it leads out). Something by
        that name that is no folder is a problem, not silently nothing."""
        path = self.root / name
        if path.is_dir():
            return True
        if os.path.lexists(path) and name not in self._not_folders:
            self._not_folders.add(name)
            self.problems.append(_not_a_folder(name))
        return False

    def read(self, relative: str) -> SourceFile | None:
        """The file at ``relative`` (eacheck.yaml), or None when there is none; anything there
        that is not a regular file inside the repository is a problem, never silently skipped."""
        path = self.root / relative
        if not os.path.lexists(path):
            return None
        try:
            real = path.resolve(strict=True)
        except FileNotFoundError:
            self.problems.append(SourceProblem(relative, msg(
                "{path} is a symbolic link that leads to nothing; remove it", path=relative)))
            return None
        except (OSError, RuntimeError):
            self.problems.append(_loop(relative))
            return None
        if not real.is_relative_to(self.real_root):
            self.problems.append(_outside(relative))
            return None
        try:
            return SourceFile(relative, read_regular_file(real))
        except NotReadable as refused:
            self.problems.append(SourceProblem(relative, msg("{path} is not read: {reason}", path=relative,
                                                             reason=refused.message)))
            return None

    def yaml_files(self, folder: str) -> Iterator[SourceFile]:
        """Every YAML file under ``folder``, sorted, each real file once."""
        top = self.root / folder
        try:
            real_top = top.resolve()
        except (OSError, RuntimeError):
            self.problems.append(_loop(folder))
            return
        if not real_top.is_relative_to(self.real_root):
            self.problems.append(_outside(folder, what="folder"))
            return
        seen_real: set[str] = set()
        found = sorted(self._walk(folder, str(real_top), set()))
        for relative, real in found:
            if real in seen_real:
                continue
            seen_real.add(real)
            try:
                data = read_regular_file(real)
            except NotReadable as refused:
                self.problems.append(SourceProblem(relative, msg("this file is not read: {reason}",
                                                                 reason=refused.message)))
                continue
            yield SourceFile(relative, data)

    def _walk(self, folder: str, real_folder: str, visited: set[str]) -> Iterator[tuple[str, str]]:
        """(relative path, real path) of YAML files; only symbolic links cost a resolve."""
        if real_folder in visited:  # a link back to a folder already read
            return
        visited.add(real_folder)
        try:
            entries = sorted(os.scandir(self.root / folder), key=lambda entry: entry.name)
        except OSError as error:
            self.problems.append(SourceProblem(folder, msg("the folder cannot be read: {reason}",
                                                           reason=reason(error))))
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            relative = f"{folder}/{entry.name}"
            real = f"{real_folder}/{entry.name}"
            if _not_utf8(entry.name):
                if _is_yaml(entry.name) or entry.is_dir():
                    self.problems.append(_not_utf8_name(relative))
                continue
            if entry.is_symlink():
                try:
                    resolved = Path(entry.path).resolve(strict=True)
                except FileNotFoundError:
                    if _is_yaml(entry.name):
                        self.problems.append(SourceProblem(relative, msg(
                            "this symbolic link leads to nothing; remove it or make it point at a file")))
                    continue
                except (OSError, RuntimeError):  # a link to itself, or round through others
                    self.problems.append(_loop(relative))
                    continue
                if not resolved.is_relative_to(self.real_root):
                    self.problems.append(_outside(relative))
                    continue
                real = str(resolved)
            if entry.is_dir():
                yield from self._walk(relative, real, visited)
            elif _is_yaml(entry.name):
                if entry.is_file():
                    yield relative, real
                else:  # a FIFO, a device or a socket by a YAML name: say so, never read it
                    self.problems.append(SourceProblem(relative, msg(
                        "this is {what}, not a file; eacheck reads only files. Remove it",
                        what=what_it_is(os.stat(real).st_mode))))


def _outside(relative: str, what: str = "file") -> SourceProblem:
    if what == "folder":
        return SourceProblem(relative, msg(
            "this is a symbolic link to a place outside the repository; eacheck does not follow it. "
            "Copy the folder into the repository instead"))
    return SourceProblem(relative, msg(
        "this is a symbolic link to a place outside the repository; eacheck does not follow it. "
        "Copy the file into the repository instead"))


def _loop(relative: str) -> SourceProblem:
    return SourceProblem(relative, msg("this symbolic link goes round in a loop (it leads back to itself); remove it"))


def _not_a_folder(name: str) -> SourceProblem:
    return SourceProblem(name, msg("{name} is not a folder, so nothing is read from it; make it a folder", name=name))


def check_revision(revision: str) -> str:
    """``revision`` if it can name a git revision; a usage error for an empty or blank one.

    An empty CI variable (``--baseline "$TARGET"``) must stop the gate, not compare the working
    tree with itself and pass. A revision starting with '-' would be read by git as an option.
    """
    if not revision or not revision.strip():
        raise UsageError(msg("the git revision is empty; name one, e.g. origin/main (is a CI variable unset?)"))
    if revision.startswith("-") or "\0" in revision or revision != revision.strip():
        raise UsageError(msg("'{revision}' is not a git revision; name one, e.g. origin/main",
                             revision=shorten(revision)))
    return revision


def folder_in_git(root: str | os.PathLike[str]) -> str:
    """The folder ``root`` is in, relative to the top of its git work tree, without a trailing
    slash ("" at the top, or when ``root`` is not in git or git is not installed)."""
    try:
        completed = subprocess.run(["git", "-C", str(root), "rev-parse", "--show-prefix"],
                                   capture_output=True, check=False)
    except FileNotFoundError:
        return ""
    if completed.returncode != 0:
        return ""
    return completed.stdout.decode("utf-8", errors="replace").strip().rstrip("/")


class GitRevision:
    """The files of a repository as they were at a git revision, read without a checkout."""

    def __init__(self, root: str | os.PathLike[str], revision: str) -> None:
        check_revision(revision)
        self.root = Path(root)
        self.revision = revision
        self.problems: list[SourceProblem] = []
        self.label = f"{root}@{revision}"
        prefix = self._git("rev-parse", "--show-prefix").decode().strip()
        self.prefix = prefix  # the repository may sit in a sub-folder of the git work tree
        self.cache_key = f"git:{Path(root).resolve()}"
        self._not_folders: set[str] = set()
        commit = self._git("rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}", check=False)
        if not commit and self._is_unborn_head():
            # `--baseline HEAD` before the first commit (the pre-commit hook `init` writes, on
            # the commit that starts the repository): nothing was there yet, like a revision
            # from before architecture/ existed, so everything the commit adds counts as new.
            self.commit = None
            self._blobs: dict[str, tuple[str, str]] = {}
            return
        if not commit:
            raise UsageError(self._missing_revision_message())
        self.commit = commit.decode().strip()
        # A revision from before the repository had an architecture/ folder is an empty
        # landscape, not an error: the pull request that introduces eacheck compares with it.
        self._blobs = self._list_blobs()

    def _is_unborn_head(self) -> bool:
        """``HEAD`` names a branch that has no commit yet (a repository before its first commit)."""
        if self.revision != "HEAD":
            return False
        branch = self._git("symbolic-ref", "--quiet", "HEAD", check=False)
        return bool(branch) and not self._git("rev-parse", "--verify", "--quiet", "HEAD", check=False)

    def _missing_revision_message(self) -> Message:
        said = {"revision": shorten(self.revision), "root": str(self.root)}
        if self._git("rev-parse", "--is-shallow-repository", check=False).strip() != b"true":
            return msg("{revision}: no such git revision in '{root}'; check the name (`git branch --all` "
                       "lists the branches git knows)", **said)
        # CI systems clone shallowly by default: the target branch of a pull request, or an
        # older commit, is then simply not there yet, and the fix is one fetch.
        remote, _, branch = self.revision.partition("/")
        if branch and remote in self._git("remote", check=False).decode().split():
            fetch = f"git fetch --depth=1 {remote} {branch}:refs/remotes/{remote}/{branch}"
        else:
            fetch = "git fetch --depth=1 origin main:refs/remotes/origin/main"
        return msg(
            "{revision}: no such git revision in '{root}'. This is a shallow clone (made with --depth), "
            "which holds only the latest commits, so the baseline may simply not have been fetched: "
            "fetch it first, e.g. `{fetch}`, or clone the whole history (`fetch-depth: 0` in "
            "actions/checkout)", fetch=fetch, **said,
        )

    def _git(self, *args: str, check: bool = True, data: bytes | None = None) -> bytes:
        try:
            completed = subprocess.run(
                ["git", "-C", str(self.root), *args],
                input=data,
                capture_output=True,
                check=False,
            )
        except FileNotFoundError:
            raise UsageError(msg("git is not installed; --baseline and --compare-to need git")) from None
        if completed.returncode != 0:
            if not check:
                return b""
            message = completed.stderr.decode(errors="replace").strip()
            if "not a git repository" in message:
                raise UsageError(msg(
                    "{path} is not in a git repository; --baseline and --compare-to read an earlier "
                    "revision from git", path=str(self.root),
                ))
            # git's own words, in git's language: quoted as they are.
            raise UsageError(msg("{path}: git failed: `{detail}`", path=str(self.root), detail=shorten(message)))
        return completed.stdout

    def _list_blobs(self) -> dict[str, tuple[str, str]]:
        listing = self._git("ls-tree", "-r", "-z", "--full-tree", self.commit)
        blobs: dict[str, tuple[str, str]] = {}
        for record in listing.split(b"\0"):
            if not record:
                continue
            meta, _, name = record.partition(b"\t")
            mode, kind, sha = meta.decode().split()
            path = name.decode("utf-8", errors="surrogateescape")
            if kind != "blob" or not path.startswith(self.prefix):
                continue
            if _not_utf8(path):
                if _is_yaml(path):
                    self.problems.append(_not_utf8_name(path[len(self.prefix):]))
                continue
            blobs[path[len(self.prefix) :]] = (mode, sha)
        return blobs

    def has_dir(self, name: str) -> bool:
        if name in self._blobs and name not in self._not_folders:  # a file or a link by that name
            self._not_folders.add(name)
            self.problems.append(_not_a_folder(name))
        return any(path.startswith(name + "/") for path in self._blobs)

    def read(self, relative: str) -> SourceFile | None:
        files = self._read_many([relative])
        return files[0] if files else None

    def yaml_files(self, folder: str) -> Iterator[SourceFile]:
        wanted = sorted(
            path
            for path in self._blobs
            if path.startswith(folder + "/")
            and _is_yaml(path.rsplit("/", 1)[-1])
            and not any(part.startswith(".") for part in path.split("/"))
        )
        yield from self._read_many(wanted)

    def _read_many(self, paths: list[str]) -> list[SourceFile]:
        present = [path for path in paths if path in self._blobs]
        links = [path for path in present if self._blobs[path][0] == "120000"]
        for path in links:
            self.problems.append(
                SourceProblem(path, msg("a symbolic link in git history is not followed; commit the file"))
            )
        regular = [path for path in present if self._blobs[path][0] != "120000"]
        if not regular:
            return []
        known = {} if _SHARED_BLOBS is None else _SHARED_BLOBS
        wanted = [path for path in regular if self._blobs[path][1] not in known]
        if wanted:
            # One `git cat-file --batch` for all files: one process instead of one per file.
            request = b"".join(self._blobs[path][1].encode() + b"\n" for path in wanted)
            output = self._git("cat-file", "--batch", data=request)
            position = 0
            for path in wanted:
                header_end = output.index(b"\n", position)
                size = int(output[position:header_end].split()[2])
                start = header_end + 1
                known[self._blobs[path][1]] = output[start : start + size]
                position = start + size + 1
        return [SourceFile(path, known[self._blobs[path][1]]) for path in regular]


# Inside :func:`shared_blobs`: blob id -> its bytes, for every revision read in the block.
_SHARED_BLOBS: dict[str, bytes] | None = None


@contextmanager
def shared_blobs() -> Iterator[None]:
    """Revisions read inside share the blobs they have in common: a blob is read from git once,
    however many tags hold it (`report --history`). A blob id names its content, so a shared
    blob is exactly the bytes git would give again."""
    global _SHARED_BLOBS
    outer, _SHARED_BLOBS = _SHARED_BLOBS, ({} if _SHARED_BLOBS is None else _SHARED_BLOBS)
    try:
        yield
    finally:
        _SHARED_BLOBS = outer


class EmptyRepository:
    """A repository with no files: loading it gives the default principles and settings."""

    label = "<eacheck defaults>"
    cache_key = "defaults"

    def __init__(self) -> None:
        self.problems: list[SourceProblem] = []

    def has_dir(self, name: str) -> bool:
        return False

    def read(self, relative: str) -> SourceFile | None:
        return None

    def yaml_files(self, folder: str) -> Iterator[SourceFile]:
        return iter(())
