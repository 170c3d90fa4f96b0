"""Where new entities go: the layout the repository already uses for their kind, else the default.

- Systems: when most existing systems sit in a folder named after their owner
  (``architecture/systems/ksf/ekonomisystem.yaml``), a new system goes into its owner's folder
  beside them. Otherwise as for the other kinds.
- Any kind: when most of its existing documents share one folder below ``architecture/``, new
  ones go into that folder, one file each, named after the id.
- Otherwise the default, the layout `eacheck new` writes: ``architecture/systems/OWNER/ID.yaml``,
  ``architecture/organizations/ID.yaml``, ``architecture/capabilities/ID.yaml``,
  ``architecture/integrations/ID.yaml``.

A file that exists is never written over: the name gets ``-2``, ``-3`` … instead.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import PurePosixPath
from typing import Any

_FOLDERS = {"organization": "organizations", "capability": "capabilities", "system": "systems",
            "integration": "integrations"}
_SAFE = re.compile(r"[a-z0-9][a-z0-9-]{0,99}\Z")


def _safe(part: Any) -> str:
    # Ids become file names: only ids eacheck accepts do (anything else is reported and never
    # written, but must not even name a path outside the folder).
    return part if isinstance(part, str) and _SAFE.match(part) else "invalid-id"


def planner(existing: Iterable[tuple[str, str, dict[str, Any]]], taken: set[str]
            ) -> Callable[[str, dict[str, Any]], str]:
    """A function giving each new entity (kind, value) its path; ``existing`` holds
    (kind, file, value) of the repository's documents and ``taken`` every file that exists."""
    folders: dict[str, Counter] = {}
    by_owner = Counter()
    systems = 0
    for kind, file, value in existing:
        parent = PurePosixPath(file).parent
        folders.setdefault(kind, Counter())[str(parent)] += 1
        if kind == "system":
            systems += 1
            if parent.name == value.get("owner"):
                by_owner[str(parent.parent)] += 1
    owner_base = None
    if systems and by_owner and by_owner.most_common(1)[0][1] * 2 > systems:
        owner_base = by_owner.most_common(1)[0][0]
    shared = {}
    for kind, counts in folders.items():
        folder, count = counts.most_common(1)[0]
        if folder != "architecture" and count * 2 > sum(counts.values()):
            shared[kind] = folder
    used = set(taken)

    def place(kind: str, value: dict[str, Any]) -> str:
        entity_id = _safe(value.get("id"))
        if kind == "system" and (owner_base is not None or kind not in shared):
            folder = f"{owner_base or 'architecture/systems'}/{_safe(value.get('owner'))}"
        else:
            folder = shared.get(kind, f"architecture/{_FOLDERS[kind]}")
        path, number = f"{folder}/{entity_id}.yaml", 1
        while path in used:
            number += 1
            path = f"{folder}/{entity_id}-{number}.yaml"
        used.add(path)
        return path

    return place
