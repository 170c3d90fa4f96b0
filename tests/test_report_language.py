"""The report speaks one language all through (SPEC §6, issue #13): the Swedish report has no
English sentence and the English report no Swedish one, in HTML, Markdown and JSON, the
movement's finding messages included.

How it is detected: the text a reader sees (HTML text nodes, Markdown without its markup, every
string of the JSON) with the ids and the texts taken from the YAML files removed (names, titles,
quoted values: they are the group's own words, in whatever language the group wrote them), and
then searched for the other language's function words as whole words. Function words are in
every sentence and in no name, so one of them is a sentence in the wrong language.

Finding messages whose text is not in the Swedish catalogue yet (the checks' messages are being
moved there one by one) are left out of the Swedish search and counted; every message that
*is* in the catalogue is searched, and must be shown in the report's language. Once every
message is in the catalogue nothing is left out, with no change to this test.
"""

from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from conftest import PROJECT_ROOT
from gitrepo import GitRepository

AS_OF = "2026-11-27"
ENGLISH = ("the", "which", "has", "is", "add", "should", "with", "and", "of", "to", "for")
SWEDISH = ("och", "som", "för", "med", "är", "inte", "har", "till", "av")


class _VisibleText(HTMLParser):
    """The text of an HTML page a reader sees (not the style sheet)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("style", "script"):
            self._skip += 1
        for name, value in attrs:  # what a screen reader says
            if name == "aria-label" and value:
                self.parts.append(value)

    def handle_endtag(self, tag):
        if tag in ("style", "script"):
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def visible_html(html: str) -> str:
    parser = _VisibleText()
    parser.feed(html)
    return "\n".join(parser.parts)


def visible_markdown(text: str) -> str:
    text = re.sub(r"`[^`]*`", " ", text)  # code spans hold ids
    text = re.sub(r"\\(.)", r"\1", text)  # the escapes of values
    return re.sub(r"[*#|]", " ", text)


def json_strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in json_strings(item)]
    if isinstance(value, list):
        return [text for item in value for text in json_strings(item)]
    return []


def yaml_texts(root: Path) -> set[str]:
    """Every string value and key of the repository's YAML files: ids, names, titles, values."""
    texts: set[str] = set()

    def walk(value) -> None:
        if isinstance(value, str):
            texts.add(value)
        elif isinstance(value, dict):
            for key, item in value.items():
                texts.add(str(key))
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for path in [root / "eacheck.yaml", *root.glob("architecture/**/*.yaml"), *root.glob("principles/*.yaml")]:
        for document in yaml.safe_load_all(path.read_text(encoding="utf-8")):
            walk(document)
    return texts


def without_the_groups_own_words(text: str, own: set[str], excluded: list[str]) -> str:
    for message in sorted(excluded, key=len, reverse=True):
        text = text.replace(message, " ")
    text = re.sub(r"'[^'\n]*'", " ", text)  # values a message quotes from the files
    text = re.sub(r"\S*[/.]yaml(:\d+)?", " ", text)  # file:line
    for word in sorted((w for w in own if len(w) >= 3), key=len, reverse=True):
        text = text.replace(word, " ")
    return text


def wrong_words(text: str, words: tuple[str, ...]) -> list[str]:
    pattern = re.compile(r"(?<![\w-])(" + "|".join(words) + r")(?![\w-])", re.IGNORECASE)
    return [text[max(0, m.start() - 50): m.end() + 50].replace("\n", " ") for m in pattern.finditer(text)]


@pytest.fixture(scope="module")
def quarter(tmp_path_factory):
    """The example group last quarter (a tag), and now: one procurement added (a finding opened),
    two removed (findings closed), so that the movement lists finding messages."""
    repo = GitRepository(tmp_path_factory.mktemp("language") / "kustlunda")
    for name in ("architecture", "principles"):
        shutil.copytree(PROJECT_ROOT / name, repo.root / name)
    shutil.copy(PROJECT_ROOT / "eacheck.yaml", repo.root / "eacheck.yaml")
    repo.commit("Kvartal 3")
    repo.git("tag", "report-2026-Q3")
    repo.write({
        "architecture/procurements/upph-ny.yaml": """\
            kind: procurement
            id: upph-ny
            title: Eget ekonomisystem
            requested_by: kustlundahem
            capabilities: [finance]
            """,
        "architecture/procurements/upph-ekonomisystem-kustlundahem.yaml": None,
        "architecture/procurements/upph-gasthamnsbokning.yaml": None,
    })
    return repo


def untranslated_messages(root: Path) -> list[str]:
    """The finding messages of both revisions whose text the Swedish catalogue lacks yet,
    rendered in Swedish (which then means: in English)."""
    from datetime import date

    from eacheck import api
    from eacheck.i18n import Message, translations

    swedish = translations("sv")
    found = []
    for revision in (None, "report-2026-Q3"):
        outcome = api.run_checks(api.open_repository(root, revision), date.fromisoformat(AS_OF))
        for finding in outcome.findings:
            message = finding.message
            if isinstance(message, Message) and swedish.gettext(message.text) == message.text:
                found.append(message.render("sv"))
            elif not isinstance(message, Message):
                found.append(message)
    return sorted(set(found))


def reports(run, root: Path, language: str | None) -> dict[str, str]:
    args = ["report", root, "--as-of", AS_OF, "--compare-to", "report-2026-Q3", "--history", "--out", "-"]
    if language:
        args += ["--lang", language]
    texts = {}
    for format_name in ("html", "md", "json"):
        result = run(*args, "--format", format_name)
        assert result.exit_code == 0, result.output
        texts[format_name] = result.stdout
    return texts


def readable(format_name: str, text: str) -> str:
    if format_name == "html":
        return visible_html(text)
    if format_name == "md":
        return visible_markdown(text)
    return "\n".join(json_strings(json.loads(text)))


def test_the_swedish_report_has_no_english_sentence(quarter, run):
    own = yaml_texts(quarter.root)
    excluded = untranslated_messages(quarter.root)
    for format_name, text in reports(run, quarter.root, None).items():
        found = wrong_words(without_the_groups_own_words(readable(format_name, text), own, excluded), ENGLISH)
        assert found == [], f"{format_name}: English in the Swedish report:\n" + "\n".join(found)
    # The search covers the messages that are in the catalogue: at least the one opened here.
    movement = json.loads(reports(run, quarter.root, None)["json"])["movement"]
    [opened] = [f["message"] for f in movement["findings_opened"]
                if (f["principle"], f["subject"]) == ("shared-over-unique", "upph-ny")]
    assert opened not in excluded and "använd det i stället" in opened


def test_the_messages_follow_the_reports_language_not_the_runs(quarter):
    """The report dict renders its finding messages in its own language, whatever language the
    program happens to be speaking when it builds it."""
    from datetime import date

    from eacheck import api, i18n

    for run_language, report_language, words in (("en", "sv", "använd det i stället"), ("sv", "en", "use it instead")):
        with i18n.using(run_language):
            report = api.report(quarter.root, date.fromisoformat(AS_OF), compare_to="report-2026-Q3",
                                language=report_language)
        [opened] = [f["message"] for f in report["movement"]["findings_opened"]
                    if (f["principle"], f["subject"]) == ("shared-over-unique", "upph-ny")]
        assert words in opened


def test_the_english_report_of_a_swedish_repository_has_no_swedish_sentence(quarter, run):
    own = yaml_texts(quarter.root)
    for format_name, text in reports(run, quarter.root, "en").items():
        found = wrong_words(without_the_groups_own_words(readable(format_name, text), own, []), SWEDISH)
        assert found == [], f"{format_name}: Swedish in the English report:\n" + "\n".join(found)


def test_a_swedish_report_of_an_english_repository_is_swedish(quarter, run, tmp_path):
    """--lang sv on a repository that says `language: en`: the command line wins."""
    english_repo = tmp_path / "english"
    shutil.copytree(quarter.root, english_repo)
    settings = english_repo / "eacheck.yaml"
    settings.write_text(re.sub(r"(?m)^language: \w+\n", "", settings.read_text(encoding="utf-8"))
                        + "language: en\n", encoding="utf-8")
    english = run("report", english_repo, "--as-of", AS_OF, "--format", "md", "--out", "-").stdout
    assert english.startswith("# Shared use")
    swedish = run("report", english_repo, "--as-of", AS_OF, "--format", "md", "--out", "-", "--lang", "sv").stdout
    assert swedish.startswith("# Delad användning")
    own = yaml_texts(english_repo)
    assert wrong_words(without_the_groups_own_words(visible_markdown(swedish), own, untranslated_messages(english_repo)),
                       ENGLISH) == []


def test_the_detector_finds_a_sentence_in_the_wrong_language():
    """The search itself: an English sentence among Swedish ones is found, and a name or id is not."""
    own = {"Kustlunda Energi och Vatten AB", "upph-ny"}
    text = "Kustlunda Energi och Vatten AB har 3 system. The index is below the target. upph-ny"
    cleaned = without_the_groups_own_words(text, own, [])
    assert len(wrong_words(cleaned, ENGLISH)) == 3  # The, is, the
    assert len(wrong_words(cleaned, SWEDISH)) == 1  # "har"; the "och" of the name is the group's own
