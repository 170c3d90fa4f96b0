"""The parser shares short texts: an id written in thousands of documents is one string in
memory, also after a trip through the cache (marshal), so that looking it up compares pointers.
Long texts stay as they are."""

from __future__ import annotations

import marshal

from eacheck.loading import yaml_parser


def test_an_id_written_in_many_documents_is_one_string_also_through_the_cache():
    first = yaml_parser.parse("kind: system\nid: lon\nowner: ksf\nused_by: [ksf, sof]\n").documents[0].value
    second = yaml_parser.parse("kind: system\nid: ekonomi\nowner: ksf\n").documents[0].value
    assert first["owner"] is second["owner"] is first["used_by"][0]
    cached = [marshal.loads(marshal.dumps(value)) for value in (first, second)]
    assert cached[0]["owner"] is cached[1]["owner"] is first["owner"]


def test_a_long_text_is_not_shared():
    text = "x" * 500
    [one, two] = [yaml_parser.parse(f"description: {text}\n").documents[0].value["description"]
                  for _ in range(2)]
    assert one == two == text and one is not two
