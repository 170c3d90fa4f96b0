"""Reading an architecture repository: sources (disk or git), YAML parsing, the loader."""

from eacheck.loading.repository import LoadedRepository, load
from eacheck.loading.sources import GitRevision, WorkingTree

__all__ = ["GitRevision", "LoadedRepository", "WorkingTree", "load"]
