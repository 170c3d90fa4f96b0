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


def test_the_fast_answer_on_references_agrees_with_the_messages_one():
    """The loader asks `all_resolve` first and makes messages only where it says no: for every
    shape a reference can take (missing, null, not text, a list with gaps, the wrong kind, an
    unknown id, a principle, any kind), both must say the same thing."""
    from itertools import product

    from eacheck.model.references import REFERENCES, all_resolve, reference_problems

    kinds_by_id = {"ks": "organization", "ekonomi": "capability", "a": "system", "undantag": "exception"}
    principle_ids = {"cloud-and-legal"}
    shapes = [None, "ks", "ekonomi", "a", "okand", "cloud-and-legal", 7, True, {"system": "a"},
              [], ["ks", "ekonomi"], ["a", 3, None], [{"system": "a"}, {"system": "okand"}, {"reason": "x"}, "a"]]
    checked = 0
    for kind, references in REFERENCES.items():
        keys = sorted({pattern[0] for pattern, _ in references})
        for values in product([*shapes, "absent"], repeat=len(keys)):
            document = {"kind": kind, "id": "x"}
            document.update({key: value for key, value in zip(keys, values) if value != "absent"})
            problems = list(reference_problems(kind, document, kinds_by_id, principle_ids))
            assert all_resolve(kind, document, kinds_by_id, principle_ids) == (not problems), document
            checked += 1
    assert checked > 2000
