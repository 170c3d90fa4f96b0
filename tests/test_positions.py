"""Positions: for every key and list item, the line and column eacheck looks up are libyaml's own.

The builder records positions in the order it meets keys and items; Positions.of finds them
again by walking the built value in that order. These tests hold the two halves to the marks
libyaml itself gives each node, over generated documents in every layout PyYAML can write and
over every real file of the example group and of a generated landscape.
"""

from __future__ import annotations

import importlib.util

import yaml
from conftest import PROJECT_ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eacheck.loading import yaml_parser


def _marks(node: yaml.Node, path: tuple = ()):
    """(path, (line, column)) of every key and list item, from libyaml's composed nodes."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            step = key.value
            yield (*path, step), (key.start_mark.line + 1, key.start_mark.column + 1)
            yield from _marks(value, (*path, step))
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            yield (*path, index), (item.start_mark.line + 1, item.start_mark.column + 1)
            yield from _marks(item, (*path, index))


def _assert_positions_match_libyaml(text: str) -> int:
    parsed = yaml_parser.parse(text)
    assert not parsed.problems, parsed.problems
    roots = list(yaml.compose_all(text, Loader=yaml.CSafeLoader))
    documents = [document for document in parsed.documents]
    assert len(documents) == len(roots)
    checked = 0
    for document, root in zip(documents, roots):
        marks = list(_marks(root))
        for path, mark in marks:
            assert document.positions.of(path) == mark, (path, text[:200])
            checked += 1
        # the walk in document order agrees: every key and item, with its line
        assert sorted(document.positions.lines()) == sorted((mark[0], path) for path, mark in marks if path)
    return checked


class _NoAliases(yaml.SafeDumper):
    def ignore_aliases(self, data) -> bool:
        return True


_KEYS = st.text(alphabet=st.sampled_from("abcxyz_-åä0123 "), min_size=1, max_size=12).filter(
    lambda key: key.strip() == key and key not in ("<<",)
)
_SCALARS = st.one_of(
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=30),
    st.integers(min_value=-10**12, max_value=10**12),
    st.booleans(),
    st.none(),
)
_VALUES = st.recursive(
    _SCALARS,
    lambda children: st.one_of(
        st.lists(children, max_size=6),
        st.dictionaries(_KEYS, children, max_size=6),
    ),
    max_leaves=40,
)
_DOCUMENTS = st.lists(st.dictionaries(_KEYS, _VALUES, min_size=1, max_size=8), min_size=1, max_size=3)


@settings(max_examples=75, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    documents=_DOCUMENTS,
    flow=st.sampled_from([None, True, False]),
    width=st.sampled_from([20, 80, 10_000]),
    indent=st.sampled_from([2, 4]),
    explicit_start=st.booleans(),
)
def test_generated_documents(documents, flow, width, indent, explicit_start):
    text = yaml.dump_all(
        documents, Dumper=_NoAliases, default_flow_style=flow, width=width, indent=indent,
        explicit_start=explicit_start, allow_unicode=True, sort_keys=False,
    )
    _assert_positions_match_libyaml(text)


def test_every_real_file_of_the_example_and_a_generated_landscape(tmp_path):
    spec = importlib.util.spec_from_file_location("generate", PROJECT_ROOT / "benchmarks" / "generate.py")
    generate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generate)
    generated = tmp_path / "landscape"
    generate.generate(generated, systems=150, seed=3)
    files = [
        *PROJECT_ROOT.glob("architecture/**/*.yaml"),
        *PROJECT_ROOT.glob("principles/**/*.yaml"),
        *PROJECT_ROOT.glob("eacheck/defaults/**/*.yaml"),
        *generated.glob("architecture/**/*.yaml"),
    ]
    checked = sum(_assert_positions_match_libyaml(path.read_text(encoding="utf-8")) for path in files)
    assert len(files) > 100 and checked > 10_000


def test_a_key_past_column_1_048_575_keeps_its_line():
    # The old packed position held 20 bits of column: a longer line spilled into the line number.
    text = 'first: 1\nsecond: {long: "' + "x" * 1_100_000 + '", after: 2}\n'
    [document] = yaml_parser.parse(text).documents
    assert document.positions.of(("second", "after")) == (2, 1_100_020)


def test_a_path_that_leaves_the_document_stops_at_its_deepest_part():
    [document] = yaml_parser.parse("a:\n  b: [x, y]\n").documents
    assert document.positions.of(("a", "b", 1)) == (2, 10)
    assert document.positions.of(("a", "b", 7)) == (2, 3)  # no item 7: the key 'b'
    assert document.positions.of(("a", "missing", "deeper")) == (1, 1)
    assert document.positions.of(("nothing",)) is None
    assert document.positions.of((0,)) is None  # a mapping has no item 0


def test_positions_survive_the_trip_through_bytes():
    [document] = yaml_parser.parse("a:\n  - b: 1\n  - c: 2\n").documents
    copy = yaml_parser.Positions(document.value, document.positions.to_bytes())
    assert copy.of(("a", 1, "c")) == document.positions.of(("a", 1, "c")) == (3, 5)
