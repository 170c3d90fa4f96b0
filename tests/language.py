"""Does a text speak one language only? The detector behind the language tests (SPEC §6).

A run in Swedish must not say an English sentence, and a run in English no Swedish one, except
for what comes from the files themselves: ids, names and texts written in the YAML, key names,
file paths, codes. Whole sentences are what matter, and every sentence of either language needs
its small words, so the detector looks for those: the function words of the *other* language
("the", "which", "should" in a Swedish text; "och", "som", "inte" in an English one), as whole
words, in what is left of the text once everything taken from the files is removed:

- every string value written in the repository's YAML (architecture/, principles/, eacheck.yaml,
  and the principles eacheck ships), except that a text written in both languages
  (``{sv: …, en: …}``) counts only in the language of the run: the other version showing up
  is exactly the mistake to catch;
- code spans (`…`), ids and keys in quotes ('upph-ny', 'from'), kebab-case ids (cloud-and-legal),
  snake_case and dotted key names (system_owner, lifecycle.retire_by), options (--fail-on),
  file paths, URLs and hex digests (SARIF fingerprints).

Use :func:`foreign_words` (a list of hits with their context, empty when the text is clean), or
:func:`assert_speaks`; :func:`strings_of_json` and :func:`strings_of_xml` take the texts out of a
parsed document first, so that escaping and syntax do not count as words.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from eacheck.loading import yaml_parser

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SHIPPED_PRINCIPLES = PROJECT_ROOT / "eacheck" / "defaults" / "principles"
LANGUAGES = ("sv", "en")

# Small words every sentence needs and the other language does not use, and the words of
# eacheck's own short texts that have no small words ("FAILED: 3 errors, 1 warning"). Left out
# on purpose: words both languages write ("in", "a", "i", "information"), language codes ("en"),
# and words that stand alone in the other language's texts ("it": IT in Swedish, "no": Norway).
ENGLISH = frozenset(
    "the which has have is are was add should with and of to for not this that its or must "
    "when there "
    "error errors warning warnings finding findings waived exception exceptions passed failed "
    "since already present subject principle principles rationale implications statement "
    "parameters severity disabled default "
    # the placeholders of usage lines, which Swedish names in its own words ([FLAGGOR] [SÖKVÄG])
    "options command args path source directory mapping pattern".split()
)
SWEDISH = frozenset(
    "och som för med är inte har till av ska det att på eller utan när också ett om vid "
    "från inga "
    "fel varning varningar avvikelse avvikelser undantag godkänt underkänt sedan redan gäller "
    "princip principer motivering konsekvenser parametrar allvarlighetsgrad avstängd".split()
)
OTHER_LANGUAGE_WORDS = {"sv": ENGLISH, "en": SWEDISH}

_CODE_SPAN = re.compile(r"`[^`\n]*`")
_QUOTED_TOKEN = re.compile(r"'[^'\s]*'")
_URL = re.compile(r"\b(?:https?|file)://\S+")
_PATH = re.compile(r"[\w.<>%-]*(?:/[\w.<>%-]+)+/?|[\w-]+\.(?:ya?ml|json|md|py|j2|xml|sarif|html|csv|xlsx)\b")
_OPTION = re.compile(r"(?<!\w)--?[a-z][a-z-]*")
_KEBAB = re.compile(r"\b[\w]+(?:-[\w]+)+\b")
_SNAKE_OR_DOTTED = re.compile(r"\b[a-z0-9]+(?:[_.][a-z0-9]+)+\b")
_HEX = re.compile(r"\b[0-9a-f]{12,}(?::\d+)?\b")
_WORD = re.compile(r"[^\W\d_]+")


def yaml_strings(root: Path | None, language: str) -> frozenset[str]:
    """Every string value in the YAML of the repository at ``root`` and of the shipped
    principles, bilingual texts in ``language`` only (see the module docstring)."""
    return _yaml_strings(None if root is None else Path(root).resolve(), language)


@lru_cache(maxsize=32)
def _yaml_strings(root: Path | None, language: str) -> frozenset[str]:
    files = sorted(SHIPPED_PRINCIPLES.glob("*.yaml"))
    if root is not None:
        for folder in ("architecture", "principles"):
            files += sorted((root / folder).rglob("*.y*ml"))
        if (root / "eacheck.yaml").is_file():
            files.append(root / "eacheck.yaml")
    found: set[str] = set()
    for path in files:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # a broken file is validate's business; its strings cannot show up whole
        # eacheck's own parser, within its budgets: the bad-input tests hold alias bombs and
        # 10,000-deep nesting, which PyYAML's loader would expand or recurse into.
        for document in yaml_parser.parse(text).documents:
            found.update(_strings(document.value, language))
    # A long text is shown whole or line by line; both count.
    lines = {line for text in found for line in text.splitlines()}
    return frozenset(text.strip() for text in found | lines if len(text.strip()) > 1)


def _strings(value, language: str) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        if value and set(value) <= set(LANGUAGES) and all(isinstance(v, str) for v in value.values()):
            yield value.get(language) or next(iter(value.values()))  # as eacheck picks it
            return
        for item in value.values():
            yield from _strings(item, language)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item, language)


def without_file_texts(text: str, language: str, root: Path | None = None, allowed: Iterable[str] = ()) -> str:
    """``text`` with everything taken from the files (or named in ``allowed``) blanked out;
    line breaks are kept, so that what is left can be quoted line by line.

    Every text and pattern is looked for in the original text and the union blanked: blanking
    one first could break another (an id blanked out of a path, `principles/x.yaml`, leaves a
    path the path pattern no longer sees, and a pattern blanked out of a name leaves the rest
    of the name)."""
    blank = bytearray(len(text))
    for known in {*yaml_strings(root, language), *allowed}:
        if known in text:
            for match in re.finditer(rf"(?<!\w){re.escape(known)}(?!\w)", text):
                blank[match.start():match.end()] = b"\x01" * (match.end() - match.start())
    for pattern in (_CODE_SPAN, _URL, _QUOTED_TOKEN, _PATH, _OPTION, _HEX, _KEBAB, _SNAKE_OR_DOTTED):
        for match in pattern.finditer(text):
            blank[match.start():match.end()] = b"\x01" * (match.end() - match.start())
    return "".join(" " if flag and character != "\n" else character for character, flag in zip(text, blank))


def foreign_words(text: str, language: str, root: Path | None = None, allowed: Iterable[str] = ()) -> list[str]:
    """The other language's function words in ``text`` (a run in ``language``), each with the
    line it stands in; empty when the text speaks ``language`` only."""
    others = OTHER_LANGUAGE_WORDS[language]
    cleaned = without_file_texts(text, language, root, allowed)
    hits = []
    for line, left in zip(text.splitlines(), cleaned.splitlines()):
        words = [word for word in _WORD.findall(left) if word.lower() in others]
        if words:
            hits.append(f"{', '.join(words)}: {line.strip()[:300]}")
    return hits


def assert_speaks(text: str, language: str, root: Path | None = None, allowed: Iterable[str] = ()) -> None:
    """Fail, quoting the lines, when ``text`` says something in the other language."""
    hits = foreign_words(text, language, root, allowed)
    assert not hits, f"not {language}:\n" + "\n".join(hits)


def strings_of_json(value) -> list[str]:
    """Every string value of a parsed JSON document (keys are the format's, not words)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in strings_of_json(item)]
    if isinstance(value, list):
        return [text for item in value for text in strings_of_json(item)]
    return []


def strings_of_xml(element: ET.Element) -> list[str]:
    """Every text and attribute value of an XML element and its descendants."""
    texts = []
    for node in element.iter():
        texts += list(node.attrib.values())
        texts += [text for text in (node.text, node.tail) if text and text.strip()]
    return texts
