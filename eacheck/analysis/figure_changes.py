"""What a change does to the group's figures, as plain data (SPEC §8): the ``"figures"`` of
`check --baseline REV --format json`, what the pull-request comment shows, and the same parts of
the report's movement. One shape, documented in docs/ci.md.
"""

from __future__ import annotations

from typing import Any

from eacheck.analysis.figures import Figures
from eacheck.analysis.movement import Change, Movement, movement


def change(value: Change) -> dict[str, float | None]:
    """``{"then", "now", "delta"}``; ``None`` where a side does not exist.

    The exact values, as in the report's JSON: rounded once, where they are shown, so that a
    pull request and the report never show one figure as 12 % and 13 % (rounding 0.12499 to four
    decimals first would make it 0.125, shown as 13 %).
    """
    then, now = value.then, value.now
    delta = None if then is None or now is None else now - then
    return {"then": then, "now": now, "delta": delta}


def duplication_changes(moved: Movement) -> list[dict[str, Any]]:
    def side(entry) -> dict[str, Any] | None:
        if entry is None:
            return None
        return {"systems": list(entry.systems), "kept": entry.kept, "alternative_cost": entry.alternative_cost}

    return [
        {
            "capability": entry.capability,
            "then": side(entry.then),
            "now": side(entry.now),
            "systems_added": list(entry.systems_added),
            "systems_removed": list(entry.systems_removed),
        }
        for entry in moved.duplication
    ]


def candidate_changes(moved: Movement) -> dict[str, list[dict[str, Any]]]:
    return {
        "added": [{"system": c.system, "reasons": list(c.now)} for c in moved.candidates if c.then is None],
        "removed": [{"system": c.system, "reasons": list(c.then)} for c in moved.candidates if c.now is None],
    }


def figure_changes(then: Figures, now: Figures, revision: str) -> dict[str, Any]:
    """The figures of ``now`` against ``then`` (the baseline), for the same as-of date."""
    moved = movement(then, now, revision)
    mentioned_systems = {system for entry in moved.duplication
                         for system in (*entry.systems_added, *entry.systems_removed,
                                        *(entry.then.systems if entry.then else ()),
                                        *(entry.now.systems if entry.now else ()))}
    mentioned_systems |= {candidate.system for candidate in moved.candidates}
    capabilities = {entry.capability for entry in moved.duplication}
    return {
        "baseline": revision,
        "as_of": now.as_of.isoformat(),
        "currency": now.landscape.settings.currency,
        "changed": moved.moves_the_figures,
        "indexes": {name: change(value) for name, value in moved.indexes.items()},
        "alternative_cost": change(moved.figures["alternative_cost"]),
        "completeness": change(moved.figures["completeness"]),
        "duplication": duplication_changes(moved),
        "decommission_candidates": candidate_changes(moved),
        # Display names of what the lists mention, from either side (a removed system exists
        # only in the baseline).
        "names": {
            "systems": _names(mentioned_systems, then.landscape.systems, now.landscape.systems),
            "capabilities": _names(capabilities, then.landscape.capabilities, now.landscape.capabilities),
        },
    }


def _names(ids: set[str], *collections) -> dict[str, str]:
    names = {}
    for entity_id in sorted(ids):
        for collection in reversed(collections):  # the current name first
            if entity_id in collection:
                names[entity_id] = collection[entity_id].name
                break
    return names
