"""Is a text in the language it should be? A detector for the tests (SPEC §6, issue #13).

A sentence in the wrong language gives itself away by its function words: an English sentence
has "the", "is", "with" or "to" in it, a Swedish one "och", "som", "är" or "för". What may stay
in either language is removed first, so that it cannot raise a false alarm or hide a real one:

- ids, names and texts taken from the YAML (the caller passes them: :func:`example_words`);
- code spans (`...`), URLs, file paths and globs, command-line options, placeholders ({x});
- key names of the file format (`retire_by`, `contract.end`, `key:`), and the keys of an
  integration named together ("from, to or via"), which are the words of the format;
- quoted values ('x', "x").

What is left is split into words; :func:`foreign_words` returns each function word of the other
language with its line, so that a failing test shows where it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

ENGLISH = frozenset({"the", "which", "has", "is", "add", "should", "with", "and", "of", "to", "for"})
SWEDISH = frozenset({"och", "som", "för", "med", "är", "inte", "har", "till", "av", "ska"})
FOREIGN = {"sv": ENGLISH, "en": SWEDISH}

_REMOVED = [
    re.compile(r"`[^`\n]*`"),                                   # code spans
    re.compile(r"https?://\S+"),                                # URLs
    re.compile(r"\{[^{}\n]*\}"),                                # placeholders
    re.compile(r"'[^'\n]*'|\"[^\"\n]*\""),                      # quoted values
    re.compile(r"(?<!\w)--?[A-Za-z][\w-]*"),                    # options
    re.compile(r"[\w.*<>~-]*/[\w./*<>~-]*"),                    # paths and globs
    re.compile(r"\b\w+(?:[._]\w+)+\b"),                         # keys: retire_by, contract.end
    re.compile(r"\b[a-z][\w-]*:(?=\s|$)"),                      # a key before its value
    re.compile(r"\bfrom, to\b|\bto (?:or|eller) via\b"),        # the keys of an integration
]
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def foreign_words(text: str, language: str, allowed: Iterable[str] = ()) -> list[tuple[str, str]]:
    """(word, line) for every function word of the other language in ``text``, once the ids,
    names and texts in ``allowed`` and the rest listed in the module docstring are removed."""
    foreign = FOREIGN[language]
    allowed = sorted({value for value in allowed if value and len(value) > 1}, key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(value) for value in allowed)) if allowed else None
    found = []
    for line in text.splitlines():
        rest = pattern.sub(" ", line) if pattern else line
        for removed in _REMOVED:
            rest = removed.sub(" ", rest)
        found += [(word, line) for word in _WORD.findall(rest) if word.lower() in foreign]
    return found


def assert_in_language(text: str, language: str, allowed: Iterable[str] = (), what: str = "") -> None:
    found = foreign_words(text, language, allowed)
    assert not found, f"{what}: words of the other language in a '{language}' text:\n" + "\n".join(
        f"  {word!r} in: {line.strip()}" for word, line in found[:20]
    )


@cache
def example_words() -> frozenset[str]:
    """Every id, name, title and text of the example group and the default principles: what a
    command may quote from the YAML in any language."""
    from conftest import PROJECT_ROOT

    from eacheck import api

    repository = api.open_repository(PROJECT_ROOT)
    landscape = repository.landscape
    words: set[str] = set()

    def add(value) -> None:
        if isinstance(value, str):
            words.add(value)
            words.update(line.strip() for line in value.splitlines())
        elif isinstance(value, dict):
            for item in value.values():
                add(item)
        elif isinstance(value, (list, tuple)):
            for item in value:
                add(item)

    for collection in (landscape.organizations, landscape.capabilities, landscape.systems,
                       landscape.integrations, landscape.procurements, landscape.exceptions):
        for entity_id, entity in collection.items():
            words.add(entity_id)
            for attribute in ("name", "title", "reason", "decided_by", "system_owner", "description"):
                add(getattr(entity, attribute, None))
    for located in repository.located.values():
        for value, _ in located:
            if isinstance(value, dict) and value.get("kind") == "principle":
                add(value)
    if landscape.settings.name:
        words.add(landscape.settings.name)
    return frozenset(words)
