"""The git tags of a repository that match a pattern, with the commit each points at: what
`report --history` reads its quarters from. Nothing here reads a file of a tag (that is a
:class:`~eacheck.loading.sources.GitRevision`)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from eacheck.errors import UsageError
from eacheck.i18n import msg
from eacheck.safe_text import shorten

# name, the object the tag points at, and for an annotated tag the object it peels to.
_FORMAT = "%(refname:strip=2)%00%(objecttype)%00%(objectname)%00%(*objecttype)%00%(*objectname)"


def matching_tags(root: str | os.PathLike[str], pattern: str) -> list[tuple[str, str | None]]:
    """(tag name, commit) for every tag matching the glob ``pattern`` (as `git tag --list`
    matches it), by name; the commit is None when the tag points at something else (a tree)."""
    try:
        completed = subprocess.run(
            # "--" first: a pattern is never read as an option ("--points-at=…", "--format=…").
            ["git", "-C", str(Path(root)), "tag", "--list", f"--format={_FORMAT}", "--", pattern],
            capture_output=True, check=False,
        )
    except FileNotFoundError:
        raise UsageError(msg("git is not installed; --history reads the quarters from git tags")) from None
    if completed.returncode != 0:
        message = completed.stderr.decode(errors="replace").strip()
        if "not a git repository" in message:
            raise UsageError(msg("{path} is not in a git repository; --history reads the quarters from git tags",
                                 path=str(root)))
        # git's own words, in git's language: quoted as they are.
        raise UsageError(msg("{path}: git failed: `{detail}`", path=str(root), detail=shorten(message)))
    tags = []
    for line in completed.stdout.decode("utf-8", errors="replace").splitlines():
        name, kind, sha, peeled_kind, peeled = line.split("\0")
        if peeled_kind:
            kind, sha = peeled_kind, peeled
        tags.append((name, sha if kind == "commit" else None))
    return sorted(tags)
