"""`check` in every findings format, `principles` and `explain` speak the language of the run
(SPEC §6), with plural forms that follow the count, and a baseline read in one language
matches a run in the other.
"""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
from datetime import date

import click
import pytest
from conftest import PROJECT_ROOT
from gitrepo import GitRepository, eacheck
from language import assert_speaks, foreign_words, strings_of_json, strings_of_xml

from eacheck import checks, i18n
from eacheck.findings import Finding, FindingsResult, Severity
from eacheck.output.findings import FORMATS, render
from eacheck.output.principles_text import check_documentation, param_description
from eacheck.i18n import Message

AS_OF = "2026-11-27"
OTHER = {"sv": "en", "en": "sv"}
PRINCIPLES = [
    "clear-ownership", "cloud-and-legal", "effect-goals", "integration-platform", "lifecycle",
    "reuse-across-group", "shared-over-unique",
]


def texts(format_name: str, output: str) -> str:
    """What a person reads in ``output``, without the syntax of its format."""
    if format_name in ("json", "sarif"):
        return "\n".join(strings_of_json(json.loads(output)))
    if format_name == "junit":
        return "\n".join(strings_of_xml(ET.fromstring(output)))
    if format_name == "github":
        # ::level file=…,title=…::message, %-escaped
        lines = []
        for line in output.splitlines():
            if line.startswith("::"):
                properties, _, message = line[2:].partition("::")
                title = properties.partition("title=")[2]
                lines += [title, message]
            else:
                lines.append(line)
        return "\n".join(lines).replace("%3A", ":").replace("%2C", ",").replace("%25", "%")
    return output


def assert_in_language(text: str, language: str) -> None:
    """``text`` speaks ``language`` only, and does speak it (an empty text proves nothing)."""
    assert_speaks(text, language, PROJECT_ROOT)
    assert foreign_words(text, OTHER[language], PROJECT_ROOT), f"no {language} sentence at all"


@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.parametrize("format_name", FORMATS)
def test_check_speaks_the_language_of_the_run_in_every_format(run, format_name, language):
    result = run("check", PROJECT_ROOT, "--as-of", AS_OF, "--format", format_name, "--lang", language)
    assert result.exit_code == 1  # the example group has findings: there are sentences to read
    assert_in_language(texts(format_name, result.stdout), language)


@pytest.mark.parametrize("language", ["sv", "en"])
def test_principles_speaks_the_language_of_the_run(run, language):
    result = run("principles", PROJECT_ROOT, "--lang", language)
    assert result.exit_code == 0
    header = result.stdout.splitlines()[0].split()
    assert header == {"sv": ["ID", "ALLVARLIGHETSGRAD", "KONTROLL", "RUBRIK"],
                      "en": ["ID", "SEVERITY", "CHECK", "TITLE"]}[language]
    assert_speaks(result.stdout, language, PROJECT_ROOT)
    # The detector forgives "error" and "warning" (they are written in the principle files):
    # the column is for people, so its words are the language's own.
    severities = {line.split()[1] for line in result.stdout.splitlines()[1:]}
    assert severities == {"sv": {"fel", "varning"}, "en": {"error", "warning"}}[language]


@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.parametrize("principle", PRINCIPLES)
def test_explain_speaks_the_language_of_the_run_throughout(run, principle, language):
    result = run("explain", principle, PROJECT_ROOT, "--lang", language)
    assert result.exit_code == 0
    assert_in_language(result.stdout, language)
    # what the check finds, and its parameters, too: they are the check's own texts
    finds = {"sv": "## Vad kontrollen hittar", "en": "## What the check finds"}[language]
    section = result.stdout.split(finds)[1]
    assert_in_language(section, language)


def test_every_check_documents_itself_in_both_languages():
    for name in checks.names():
        module = checks.get(name)
        with i18n.using("sv"):
            swedish = check_documentation(module)
            descriptions = [param_description(spec) for spec in module.PARAMS.get("properties", {}).values()]
        with i18n.using("en"):
            english = check_documentation(module)
        assert swedish != english, name
        assert_speaks(swedish, "sv")
        assert_speaks("\n".join(descriptions), "sv")


@pytest.mark.parametrize(("language", "name"), [("en", "principles.md"), ("sv", "principles.sv.md")])
def test_the_generated_principle_reference_is_in_its_language(language, name):
    text = (PROJECT_ROOT / "docs" / name).read_text(encoding="utf-8")
    text = text.split("-->", 1)[1]  # the note for developers at the top is English in both
    assert_in_language(text, language)


# -- plural forms ---------------------------------------------------------------------------------


def _result(count: int) -> FindingsResult:
    """``count`` findings of each severity in ``count`` files, the errors new since main."""
    findings = []
    for index in range(count):
        for severity in Severity:
            findings.append(Finding("clear-ownership", severity, f"s{index}", "system", Message("m"),
                                    f"architecture/s{index}.yaml", 1).with_new(severity is Severity.ERROR))
    return FindingsResult(findings, date(2026, 11, 27), waived=count, baseline="main")


TEXT_SUMMARIES = {
    ("en", 0): "passed: 0 errors, 0 warnings, 0 info; 0 new since main",
    ("en", 1): "FAILED: 1 error, 1 warning, 1 info in 1 file; 1 waived by an exception; 1 new since main",
    ("en", 2): "FAILED: 2 errors, 2 warnings, 2 info in 2 files; 2 waived by exceptions; 2 new since main",
    ("sv", 0): "godkänt: 0 fel, 0 varningar, 0 information; 0 nya sedan main",
    ("sv", 1): "UNDERKÄNT: 1 fel, 1 varning, 1 information i 1 fil; 1 avvikelse omfattas av undantag; "
               "1 ny sedan main",
    ("sv", 2): "UNDERKÄNT: 2 fel, 2 varningar, 2 information i 2 filer; 2 avvikelser omfattas av "
               "undantag; 2 nya sedan main",
}

GITHUB_SUMMARIES = {
    ("en", 0): "eacheck: 0 errors, 0 warnings, 0 info; 0 new since main; passed (--fail-on error)",
    ("en", 1): "eacheck: 1 error, 1 warning, 1 info, 1 waived by an exception; 1 new since main; "
               "FAILED: 1 blocking finding (--fail-on error)",
    ("en", 2): "eacheck: 2 errors, 2 warnings, 2 info, 2 waived by exceptions; 2 new since main; "
               "FAILED: 2 blocking findings (--fail-on error)",
    ("sv", 0): "eacheck: 0 fel, 0 varningar, 0 information; 0 nya sedan main; godkänt (--fail-on error)",
    ("sv", 1): "eacheck: 1 fel, 1 varning, 1 information, 1 avvikelse omfattas av undantag; 1 ny sedan "
               "main; UNDERKÄNT: 1 blockerande avvikelse (--fail-on error)",
    ("sv", 2): "eacheck: 2 fel, 2 varningar, 2 information, 2 avvikelser omfattas av undantag; 2 nya "
               "sedan main; UNDERKÄNT: 2 blockerande avvikelser (--fail-on error)",
}


@pytest.mark.parametrize("count", [0, 1, 2])
@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_summaries_take_the_plural_form_of_their_count(language, count):
    with i18n.using(language):
        text = click.unstyle(render("text", _result(count)).splitlines()[-1])
        github = render("github", _result(count)).splitlines()[-1]
    assert text == TEXT_SUMMARIES[language, count]
    assert github == GITHUB_SUMMARIES[language, count]


@pytest.mark.parametrize("language", ["sv", "en"])
def test_old_and_new_findings_are_told_apart_in_the_language_of_the_run(language):
    [new] = [finding for finding in _result(1).findings if finding.new]
    old = new.with_new(False)
    result = FindingsResult([new, old], date(2026, 11, 27), baseline="main")
    with i18n.using(language):
        text = click.unstyle(render("text", result)).splitlines()
        junit = render("junit", result)
        github = render("github", result)
    assert text[0].endswith({"sv": " (ny)", "en": " (new)"}[language]) and not text[1].endswith(")")
    assert {"sv": "ny sedan main", "en": "new since main"}[language] in junit
    assert {"sv": "fanns redan i main", "en": "already present at main"}[language] in junit
    assert {"sv": "(fanns redan i main)", "en": "(already present at main)"}[language] in github


# -- a baseline read in one language, a run in the other ------------------------------------------


def _example_in(root, committed: str, working: str) -> GitRepository:
    """The example group committed with `language: committed`, and nothing changed since but
    the language in eacheck.yaml."""
    repo = GitRepository(root)
    for name in ("architecture", "principles"):
        shutil.copytree(PROJECT_ROOT / name, repo.root / name)
    settings = (PROJECT_ROOT / "eacheck.yaml").read_text(encoding="utf-8")
    assert "\nlanguage: sv\n" in settings
    (repo.root / "eacheck.yaml").write_text(settings.replace("\nlanguage: sv\n", f"\nlanguage: {committed}\n"),
                                            encoding="utf-8")
    repo.commit("Exempelkoncernen")
    (repo.root / "eacheck.yaml").write_text(settings.replace("\nlanguage: sv\n", f"\nlanguage: {working}\n"),
                                            encoding="utf-8")
    return repo


@pytest.mark.parametrize(("committed", "working"), [("en", "sv"), ("sv", "en")])
def test_a_baseline_in_one_language_and_a_run_in_the_other_find_nothing_new(tmp_path, committed, working):
    repo = _example_in(tmp_path / "exempel", committed, working)
    completed = eacheck("check", "--as-of", AS_OF, "--baseline", "HEAD", "--format", "json", cwd=repo.root)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    report = json.loads(completed.stdout)
    assert report["findings"] and not [finding for finding in report["findings"] if finding["new"]]
    # the run did speak the working tree's language, not the baseline's
    messages = "\n".join(finding["message"] for finding in report["findings"])
    assert_in_language(messages, working)
    text = eacheck("check", "--as-of", AS_OF, "--baseline", "HEAD", cwd=repo.root)
    assert {"sv": "0 nya sedan HEAD", "en": "0 new since HEAD"}[working] in text.stdout


def test_sarif_fingerprints_and_rule_ids_do_not_change_with_the_language(tmp_path):
    repo = _example_in(tmp_path / "exempel", "en", "sv")
    logs = {}
    for language in ("sv", "en"):
        completed = eacheck("check", "--as-of", AS_OF, "--baseline", "HEAD", "--format", "sarif",
                            "--lang", language, cwd=repo.root)
        assert completed.returncode == 0, completed.stderr
        logs[language] = json.loads(completed.stdout)["runs"][0]

    def identities(log):
        return [(r["ruleId"], r["ruleIndex"], r["partialFingerprints"], r["baselineState"]) for r in log["results"]]

    assert identities(logs["sv"]) == identities(logs["en"])
    assert {state for *_, state in identities(logs["sv"])} == {"unchanged"}
    assert [rule["id"] for rule in logs["sv"]["tool"]["driver"]["rules"]] == [
        rule["id"] for rule in logs["en"]["tool"]["driver"]["rules"]]
    # …while what people read did change
    assert [r["message"]["text"] for r in logs["sv"]["results"]] != [r["message"]["text"] for r in logs["en"]["results"]]
    assert (logs["sv"]["language"], logs["en"]["language"]) == ("sv", "en")

