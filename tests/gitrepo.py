"""A real git repository in a temporary folder, and eacheck run in it as a real process.

For the tests of --baseline: they need git history, and the CI gate is only proven by the
command a pipeline runs, exit code and all.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

# The tester's own git configuration (signing, hooks, default branch) must not leak in.
GIT_ENV = {
    **os.environ,
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_AUTHOR_DATE": "2026-11-01T12:00:00+01:00",
    "GIT_COMMITTER_DATE": "2026-11-01T12:00:00+01:00",
}


def require_git() -> None:
    if shutil.which("git") is None:
        if os.environ.get("EACHECK_REQUIRE_TOOLS"):
            pytest.fail("git is not installed, and EACHECK_REQUIRE_TOOLS is set")
        pytest.skip("git is not installed; --baseline needs it")


class GitRepository:
    def __init__(self, root: Path) -> None:
        require_git()
        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        self.git("init", "--quiet", "--initial-branch=main")

    def git(self, *args: str) -> str:
        completed = subprocess.run(
            ["git", "-c", "user.name=Arkitekt", "-c", "user.email=arkitekt@example.org",
             "-c", "commit.gpgsign=false", *args],
            cwd=self.root, env=GIT_ENV, capture_output=True, text=True, check=False,
        )
        assert completed.returncode == 0, f"git {' '.join(args)} failed: {completed.stderr}"
        return completed.stdout

    def write(self, files: dict[str, str | None]) -> None:
        """Write ``files`` (path -> text, dedented); None deletes the file."""
        for relative, content in files.items():
            path = self.root / relative
            if content is None:
                path.unlink()
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(textwrap.dedent(content), encoding="utf-8")

    def commit(self, message: str) -> None:
        self.git("add", "--all")
        self.git("commit", "--quiet", "-m", message)

    def state(self) -> str:
        """Everything `git status` knows, ignored and untracked files included."""
        return self.git("status", "--porcelain", "--ignored", "--untracked-files=all")


def eacheck(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """The installed eacheck, as a separate process, the way CI runs it."""
    return subprocess.run(
        [sys.executable, "-m", "eacheck", *map(str, args)],
        cwd=cwd, env=GIT_ENV, capture_output=True, text=True, check=False,
    )


def example_with_new_procurement(root: Path) -> GitRepository:
    """The example group committed as the baseline, plus an uncommitted procurement for a need
    the group-common finance system already serves: one new finding on top of old debt."""
    project = Path(__file__).resolve().parent.parent
    repo = GitRepository(root)
    for name in ("architecture", "principles"):
        shutil.copytree(project / name, repo.root / name)
    shutil.copy(project / "eacheck.yaml", repo.root / "eacheck.yaml")
    repo.commit("Exempelkoncernen")
    repo.write({"architecture/procurements/upph-ny.yaml": """\
        kind: procurement
        id: upph-ny
        title: Eget ekonomisystem
        requested_by: kustlundahem
        capabilities: [finance]
        """})
    return repo
