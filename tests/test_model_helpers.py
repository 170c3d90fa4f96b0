"""The model's small shared helpers: plain JSON values, and walks of the capability map."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from eacheck import api
from eacheck.model.plain import NOT_IN_JSON, key, plain


@dataclass(frozen=True)
class _Leg:
    source: str = field(metadata=key("from"))
    target: str = field(metadata=key("to"))
    since: date | None = None
    names: tuple[str, ...] = field(default=(), metadata=NOT_IN_JSON)


@dataclass(frozen=True)
class _Answer:
    legs: tuple[_Leg, ...]
    counts: dict


def test_plain_names_keys_as_the_fields_renames_keywords_and_drops_what_is_for_people():
    answer = _Answer((_Leg("a", "b", date(2026, 11, 27), ("A",)), _Leg("c", "d")), {"x": (1, 2)})
    assert plain(answer) == {
        "legs": [{"from": "a", "to": "b", "since": "2026-11-27"}, {"from": "c", "to": "d", "since": None}],
        "counts": {"x": [1, 2]},
    }


CAPABILITIES = """\
    kind: capability
    id: {id}
    name: {id}
"""


def _landscape(repository, parents: dict[str, str | None]):
    documents = []
    for capability, parent in parents.items():
        documents.append(CAPABILITIES.format(id=capability) + (f"    parent: {parent}\n" if parent else ""))
    root = repository({"architecture/map.yaml": "---\n".join(documents)}, base=False)
    return api.open_repository(root)


def test_below_and_broader_follow_the_capability_map(repository):
    landscape = _landscape(repository, {"all": None, "mid": "all", "leaf": "mid", "other": "all", "lone": None}).landscape
    assert landscape.capability_and_below("all") == {"all", "mid", "leaf", "other"}
    assert landscape.capability_and_below("mid") == {"mid", "leaf"}
    assert landscape.capability_and_below("lone") == {"lone"}
    assert landscape.broader_capabilities("leaf") == ["mid", "all"]  # nearest first
    assert landscape.broader_capabilities("all") == []


def test_a_parent_cycle_is_reported_and_no_walk_goes_round_forever(repository):
    loaded = _landscape(repository, {"a": "c", "b": "a", "c": "b"})
    assert any("circle" in problem.text or "cirkel" in problem.text for problem in loaded.problems)
    landscape = loaded.landscape
    assert set(landscape.capabilities) == {"a", "b", "c"}  # reported, still in the landscape
    assert landscape.capability_and_below("a") == {"a", "b", "c"}
    assert landscape.broader_capabilities("a") == ["c", "b"]
