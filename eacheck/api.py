"""The Python API behind every command: the CLI only parses arguments and prints results."""

from __future__ import annotations

import os
from datetime import date

from eacheck.findings import FindingsResult
from eacheck.loading import GitRevision, LoadedRepository, WorkingTree, load


def open_repository(path: str | os.PathLike[str] = ".", revision: str | None = None) -> LoadedRepository:
    """Load the repository at ``path``, from its working tree or, with ``revision``, from git."""
    source = GitRevision(path, revision) if revision else WorkingTree(path)
    return load(source)


def validate(path: str | os.PathLike[str] = ".", as_of: date | None = None) -> FindingsResult:
    """Schema and reference problems only (principle ``schema``)."""
    repository = open_repository(path)
    return FindingsResult(findings=list(repository.problems), as_of=as_of or date.today())
