"""The detector of tests/language.py: it catches the other language and forgives the files."""

from __future__ import annotations

import json

import yaml
from conftest import PROJECT_ROOT
from language import SHIPPED_PRINCIPLES, assert_speaks, foreign_words, strings_of_json, without_file_texts


def test_an_english_sentence_in_a_swedish_text_is_caught_and_quoted():
    text = "systemet 'a' saknar systemägare\nsystem 'b' has no system owner; name the role\n"
    [hit] = foreign_words(text, "sv")
    assert hit.startswith("has, the:") and "system 'b' has no system owner" in hit


def test_a_swedish_sentence_in_an_english_text_is_caught():
    assert foreign_words("the system is fine\nsystemet är inte i drift", "en") == [
        "är, inte: systemet är inte i drift"
    ]


def test_the_short_texts_of_a_summary_count_too():
    assert foreign_words("FAILED: 3 errors, 1 warning, 0 info", "sv")
    assert foreign_words("UNDERKÄNT: 3 fel, 1 varning, 0 information", "en")
    assert not foreign_words("UNDERKÄNT: 3 fel, 1 varning, 0 information", "sv")


def test_the_placeholders_of_a_usage_line_count_too():
    assert foreign_words("Användning: eacheck check [OPTIONS] [PATH]", "sv")
    assert foreign_words("Användning: eacheck [FLAGGOR] COMMAND [ARGS]...", "sv")
    assert not foreign_words("Användning: eacheck import [FLAGGOR] KÄLLA [SÖKVÄG]", "sv")


def test_ids_keys_paths_code_and_digests_are_not_words():
    text = (
        "architecture/systems/the-and-of.yaml:3:1: fel [cloud-and-legal] systemet 'the-system' "
        "saknar 'from' och lifecycle.retire_by och system_owner (`the value is`) --fail-on "
        "https://example.org/the/and 3fa9cadd00d1e5a7:1"
    )
    assert foreign_words(text, "sv") == []


def test_texts_from_the_yaml_are_forgiven_in_the_language_they_are_shown_in():
    # The example group names organizations and systems in Swedish ("Teknik- och
    # fastighetsförvaltningen"): in an English text they are names, not Swedish sentences.
    line = "owned by 'Teknik- och fastighetsförvaltningen'"
    assert foreign_words(line, "en") != []  # without the repository it is Swedish
    assert foreign_words(line, "en", PROJECT_ROOT) == []
    assert "och" not in without_file_texts(line, "en", PROJECT_ROOT)


def test_a_bilingual_text_counts_only_in_the_language_of_the_run():
    # The shipped principle texts are written {sv, en}: the English one in a Swedish run is the
    # mistake the tests are there to catch.
    shipped = yaml.safe_load((SHIPPED_PRINCIPLES / "shared-over-unique.yaml").read_text(encoding="utf-8"))
    english, swedish = shipped["statement"]["en"], shipped["statement"]["sv"]
    assert foreign_words(english, "sv") and foreign_words(swedish, "en")  # real sentences
    assert foreign_words(english, "en", PROJECT_ROOT) == []
    assert foreign_words(swedish, "sv", PROJECT_ROOT) == []
    assert foreign_words(english, "sv", PROJECT_ROOT) != []
    assert foreign_words(swedish, "en", PROJECT_ROOT) != []


def test_strings_of_a_json_document_are_its_values_not_its_keys():
    document = json.loads('{"the": ["och", {"with": "inte"}], "n": 3}')
    assert strings_of_json(document) == ["och", "inte"]


def test_assert_speaks_fails_with_the_lines_at_fault():
    try:
        assert_speaks("ok\nthe thing is wrong", "sv")
    except AssertionError as error:
        assert "the thing is wrong" in str(error)
    else:  # pragma: no cover - the detector missed it
        raise AssertionError("assert_speaks let an English sentence through")
