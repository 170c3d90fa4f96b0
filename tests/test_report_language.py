"""The report speaks one language all through (SPEC §6, issue #13): the Swedish report has no
English sentence and the English report no Swedish one, in HTML, Markdown and JSON, the
movement's finding messages and the history included.

The detector is the team's (tests/language.py): the other language's function words, as whole
words, in what a reader sees (HTML text nodes and labels, Markdown without its escapes, every
string of the JSON) once the ids and the texts taken from the YAML files are removed.

Nothing is left out: every finding message comes from the catalogue, so the messages are
searched like the rest of the report.
"""

from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import PROJECT_ROOT
from gitrepo import GitRepository
from language import foreign_words, strings_of_json

AS_OF = "2026-11-27"


class _VisibleText(HTMLParser):
    """The text of an HTML page a reader (or a screen reader) meets, not the style sheet."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("style", "script"):
            self._skip += 1
        self.parts += [value for name, value in attrs if name == "aria-label" and value]

    def handle_endtag(self, tag):
        if tag in ("style", "script"):
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip and data.strip():
            self.parts.append(data)


def visible_html(html: str) -> str:
    parser = _VisibleText()
    parser.feed(html)
    return "\n".join(parser.parts)


def visible_markdown(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)  # the escapes of values; code spans stay for the detector


def readable(format_name: str, text: str) -> str:
    if format_name == "html":
        return visible_html(text)
    if format_name == "md":
        return visible_markdown(text)
    return "\n".join(strings_of_json(json.loads(text)))


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


def test_the_swedish_report_has_no_english_sentence(quarter, run):
    for format_name, text in reports(run, quarter.root, None).items():
        found = foreign_words(readable(format_name, text), "sv", quarter.root)
        assert found == [], f"{format_name}: English in the Swedish report:\n" + "\n".join(found)
    # The search covered finding messages: the movement lists them, opened and closed.
    movement = json.loads(reports(run, quarter.root, None)["json"])["movement"]
    [opened] = [f["message"] for f in movement["findings_opened"]
                if (f["principle"], f["subject"]) == ("shared-over-unique", "upph-ny")]
    assert "använd det i stället" in opened and movement["findings_closed"]


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
    for format_name, text in reports(run, quarter.root, "en").items():
        found = foreign_words(readable(format_name, text), "en", quarter.root)
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
    assert foreign_words(visible_markdown(swedish), "sv", english_repo) == []


def test_a_wrong_setting_leaves_the_others_in_force(repository, run, tmp_path):
    """A typo in one setting of eacheck.yaml is a finding, and only that setting takes its
    default: the language, the group's name and its targets still hold for every command, so
    an English repository's report, site and workbook do not turn Swedish (SPEC §6)."""
    root = repository({"eacheck.yaml": """\
        name: Norrvik Municipal Group
        language: en
        currency: kronor
        targets:
          shared_use_index: {2026-Q4: 0.5}
        """})
    validated = run("validate", root, "--format", "json")
    assert validated.exit_code == 1
    [problem] = json.loads(validated.stdout)["findings"]
    assert problem["file"] == "eacheck.yaml" and "'kronor' is not a currency code" in problem["message"]
    written = run("report", root, "--as-of", AS_OF, "--format", "md", "--out", "-")
    report = written.stdout
    assert report.startswith("# Shared use – Norrvik Municipal Group")
    # and the reader is told that a setting was left out, where and why
    assert written.stderr.startswith("note: eacheck.yaml has 1 problem, so a setting took its default here "
                                     "(the first: eacheck.yaml:3: 'currency'")
    # a wrong setting leaves no document out of the figures, so no note says it does
    assert "part of the landscape" not in written.stderr
    assert "note:" not in run("report", PROJECT_ROOT, "--as-of", AS_OF, "--out", "-").stderr
    assert "| 50%" in report  # the target
    assert '<html lang="en">' in run("report", root, "--as-of", AS_OF, "--out", "-").stdout
    assert run("site", root, "--as-of", AS_OF, "--out", tmp_path / "site").exit_code == 0
    assert '<html lang="en">' in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert run("export", root, "--as-of", AS_OF, "--out", tmp_path / "l.xlsx").exit_code == 0
    from openpyxl import load_workbook

    assert load_workbook(tmp_path / "l.xlsx").sheetnames[0] == "Organizations"
