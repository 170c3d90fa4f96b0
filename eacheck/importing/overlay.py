"""A repository as it would be after an import, without writing anything.

The loader reads sources (:mod:`eacheck.loading.sources`); this one is the working tree with the
files an import would create added and the files it would change replaced. Loading it checks the
imported rows exactly as `eacheck validate` will check the files once they are written: the same
per-file stage, the same ids and references, the same messages.
"""

from __future__ import annotations

from collections.abc import Iterator

from eacheck.loading.sources import SourceFile


class Overlay:
    """``base`` (a source) with ``files`` (relative path -> text) added or replacing its own."""

    def __init__(self, base, files: dict[str, str]) -> None:
        self.base = base
        self.files = files
        self.label = getattr(base, "label", "<import>")
        # The same cache as the working tree: the checked form of a new file is what the next
        # `eacheck check` needs once the file is written, and an entry is keyed on content.
        self.cache_key = base.cache_key

    @property
    def problems(self):
        return self.base.problems

    def has_dir(self, name: str) -> bool:
        return self.base.has_dir(name) or any(path.startswith(name + "/") for path in self.files)

    def read(self, relative: str) -> SourceFile | None:
        if relative in self.files:
            return SourceFile(relative, self.files[relative].encode("utf-8"))
        return self.base.read(relative)

    def yaml_files(self, folder: str) -> Iterator[SourceFile]:
        prefix = folder + "/"
        found = {file.path: file for file in self.base.yaml_files(folder)}
        for path, text in self.files.items():
            if path.startswith(prefix):
                found[path] = SourceFile(path, text.encode("utf-8"))
        for path in sorted(found):
            yield found[path]


class Files:
    """Files given as text (relative path -> bytes): a repository that exists only in memory
    (`init --from` checks its import against the repository it is about to create)."""

    def __init__(self, files: dict[str, bytes], label: str) -> None:
        self.files = files
        self.label = label
        self.cache_key = f"memory:{label}"
        self.problems: list = []

    def has_dir(self, name: str) -> bool:
        return any(path.startswith(name + "/") for path in self.files)

    def read(self, relative: str) -> SourceFile | None:
        data = self.files.get(relative)
        return None if data is None else SourceFile(relative, data)

    def yaml_files(self, folder: str) -> Iterator[SourceFile]:
        for path in sorted(self.files):
            if path.startswith(folder + "/") and path.endswith((".yaml", ".yml")):
                yield SourceFile(path, self.files[path])
