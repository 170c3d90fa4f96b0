"""Opening a repository and running its principles: what every other part of the API starts from."""

from __future__ import annotations

import os
from datetime import date
from typing import TYPE_CHECKING

from eacheck.loading import GitRevision, LoadedRepository, WorkingTree, load

if TYPE_CHECKING:
    from eacheck.checks.engine import CheckOutcome

PathLike = str | os.PathLike[str]


def open_repository(path: PathLike = ".", revision: str | None = None) -> LoadedRepository:
    """Load the repository at ``path``, from its working tree or, with ``revision``, from git."""
    # `is not None`, not truth: an empty revision must be refused by GitRevision, never read
    # as "the working tree" (that would compare a pull request with itself and pass it).
    source = GitRevision(path, revision) if revision is not None else WorkingTree(path)
    return load(source)


def check_revision(revision: str) -> str:
    """``revision`` if it can name a git revision; UsageError for an empty or blank one (see
    :func:`eacheck.loading.sources.check_revision`)."""
    from eacheck.loading.sources import check_revision as check

    return check(revision)


def run_checks(repository: LoadedRepository, as_of: date) -> CheckOutcome:
    """Every finding of a loaded repository (sorted), how many were waived, what ran."""
    from eacheck.checks import engine

    return engine.check_repository(repository, as_of)


def settings_problems(path: PathLike = ".") -> list:
    """The findings of the repository's eacheck.yaml alone: each wrong setting, which takes its
    default until it is corrected (the figures of `report` and `site` then use the default)."""
    from eacheck.loading.repository import settings_problems as problems_of

    return problems_of(path)


def repository_language(path: PathLike = ".") -> str:
    """The language eacheck.yaml asks for (sv when it says nothing or cannot be read)."""
    from eacheck.loading.repository import repository_language as language_of

    return language_of(path)
