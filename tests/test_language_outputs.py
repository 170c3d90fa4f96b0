"""init, new, schema, impact and graph speak the language of the run, all the way through
(SPEC §6, issue #13): every line they print, every file they write, every --help, in Swedish
with no English sentence and in English with no Swedish one, ids and names from the YAML apart.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import PROJECT_ROOT
from language import assert_speaks

from eacheck.cli import main

AS_OF = "2026-11-27"
LANGUAGES = ("sv", "en")


def _run(*arguments: str, input: str | None = None):
    result = CliRunner().invoke(main, [str(a) for a in arguments], input=input)
    assert "Traceback" not in result.output
    return result


# -- impact -----------------------------------------------------------------------------------

@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("system", ["ekonomisystem", "integrationsplattform", "planarkiv",
                                    "lonesystem-gammalt", "chattbot"])
def test_impact_speaks_the_language(system, language):
    result = _run("impact", system, PROJECT_ROOT, "--as-of", AS_OF, "--lang", language)
    assert result.exit_code == 0, result.output
    assert_speaks(result.output, language, PROJECT_ROOT)


@pytest.mark.parametrize("language", LANGUAGES)
def test_impact_problems_speak_the_language(language):
    for arguments in (["integrationsplatform"], ["ksf"], ["zzz"]):
        result = _run("impact", *arguments, PROJECT_ROOT, "--lang", language)
        assert result.exit_code == 2
        assert_speaks(result.output, language, PROJECT_ROOT)


@pytest.mark.parametrize(("language", "hops"), [
    ("sv", ["1 steg: x", "2 steg: x"]), ("en", ["1 hop: x", "2 hops: x"]),
])
def test_impact_hops_have_their_plural_forms(language, hops):
    from eacheck import i18n
    from eacheck.i18n import msg_n

    rendered = [msg_n("{n} hop: {system}", "{n} hops: {system}", n, system="x").render(language) for n in (1, 2)]
    assert rendered == hops
    with i18n.using(language):
        zero = msg_n("{n} hop: {system}", "{n} hops: {system}", 0, system="x").render()
    assert zero == {"sv": "0 steg: x", "en": "0 hops: x"}[language]


# -- graph ------------------------------------------------------------------------------------

def _graph_texts(format_name: str, text: str) -> str:
    """What a person reads in a diagram: labels and names, not the syntax around them."""
    root = ET.fromstring(text) if format_name in ("graphml", "archimate") else None
    if format_name == "graphml":
        # The attributes of the graph's nodes and edges are data (JSON-like, the same in every
        # language); `label` is what yEd and Gephi show.
        ns = "{http://graphml.graphdrawing.org/xmlns}"
        labels = {key.get("id") for key in root.iter(f"{ns}key") if key.get("attr.name") == "label"}
        return "\n".join(data.text for data in root.iter(f"{ns}data") if data.get("key") in labels)
    if format_name == "archimate":
        return "\n".join(element.text for element in root.iter() if element.text and element.text.strip())
    return text


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("format_name", ["mermaid", "dot", "graphml", "archimate"])
def test_graph_speaks_the_language(format_name, language):
    result = _run("graph", PROJECT_ROOT, "--format", format_name, "--lang", language)
    assert result.exit_code == 0, result.output
    assert_speaks(_graph_texts(format_name, result.stdout), language, PROJECT_ROOT)


def test_archimate_words_come_from_the_catalogue():
    folders = {}
    for language in LANGUAGES:
        model = ET.fromstring(_run("graph", PROJECT_ROOT, "--format", "archimate", "--lang", language).stdout)
        ns = "{http://www.opengroup.org/xsd/archimate/3.0/}"
        folders[language] = [item.find(f"{ns}label").text for item in model.find(f"{ns}organizations")]
        definitions = [d.find(f"{ns}name").text for d in model.iter(f"{ns}propertyDefinition")]
        owns = {r.find(f"{ns}name").text for r in model.iter(f"{ns}relationship")
                if r.get("{http://www.w3.org/2001/XMLSchema-instance}type") == "Association"}
        languages = {e.get("{http://www.w3.org/XML/1998/namespace}lang") for e in model.iter() if e.text}
        expected = {"sv": (["eacheck-id", "Metod", "Delning", "Status", "Typ"], {"äger"}),
                    "en": (["eacheck id", "Method", "Sharing", "Status", "Type"], {"owns"})}[language]
        assert (definitions, owns) == expected
        assert languages <= {language, None}
    assert folders == {
        "sv": ["Organisationer", "System", "Förmågor", "Relationer", "Vyer"],
        "en": ["Organizations", "Systems", "Capabilities", "Relations", "Views"],
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_graph_problems_speak_the_language(language):
    for arguments in (["--organization", "hamnen"], ["--capability", "ksf"], ["--capability", "zzz"]):
        result = _run("graph", PROJECT_ROOT, *arguments, "--lang", language)
        assert result.exit_code == 2
        assert_speaks(result.output, language, PROJECT_ROOT)


# -- schema -----------------------------------------------------------------------------------

@pytest.mark.parametrize("language", LANGUAGES)
def test_schemas_speak_the_language(language, tmp_path):
    from eacheck.scaffold.editor_schemas import texts

    result = _run("schema", "--out", tmp_path, "--lang", language)
    assert result.exit_code == 0, result.output
    assert_speaks(result.output.replace(str(tmp_path), ""), language)
    for path in sorted(tmp_path.iterdir()):
        schema = json.loads(path.read_text(encoding="utf-8"))
        assert_speaks("\n".join(texts(schema)), language, allowed=_words_of_the_format(schema))
    listing = _run("schema", "--lang", language)
    from eacheck.scaffold.editor_schemas import NAMES

    assert_speaks(listing.output, language, allowed={*NAMES, *(f"{name}.schema.json" for name in NAMES),
                                                      "principles/**/*.yaml", "architecture/**/*.yaml"})


def _words_of_the_format(schema) -> set[str]:
    """Key names and allowed values ('exception', 'warning'): what a description names in any language."""
    found: set[str] = set()
    if isinstance(schema, dict):
        found |= set(schema.get("properties", {}))
        found |= {value for value in schema.get("enum", []) if isinstance(value, str)}
        for value in schema.values():
            found |= _words_of_the_format(value)
    elif isinstance(schema, list):
        for item in schema:
            found |= _words_of_the_format(item)
    return found


# -- init -------------------------------------------------------------------------------------

def _comments_and_prose(path) -> str:
    """What a person reads in a file init writes: the comments of YAML files, all of a README."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".md" or path.name == "CODEOWNERS":
        return text
    if path.suffix == ".json":
        from eacheck.scaffold.editor_schemas import texts

        return "\n".join(texts(json.loads(text)))
    return "\n".join(_comment(line) for line in text.splitlines() if "#" in line)


def _comment(line: str) -> str:
    """The words of a YAML line's comment: the note beside a commented-out key, not the key."""
    comment = line.partition("#")[2]
    if " # " in comment:  # "# since: ÅÅÅÅ-MM-DD   # sedan när statusen gäller"
        return comment.rpartition(" # ")[2]
    return re.sub(r"^\s*(?:- )?[\w-]+:(?=\s|$)", " ", comment)  # "# description: Vad …"


@pytest.mark.parametrize("language", LANGUAGES)
def test_init_speaks_the_language_in_what_it_prints_and_writes(language, tmp_path):
    root = tmp_path / "landskap"
    result = _run("init", root, "--lang", language)
    assert result.exit_code == 0, result.output
    assert_speaks(result.output.replace(str(root), ""), language)
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        if "principles" in path.parts:
            # Principles hold their statements in both languages; their comments are ours.
            prose = "\n".join(line.partition("#")[2] for line in path.read_text(encoding="utf-8").splitlines()
                              if line.lstrip().startswith("#") or "  # " in line)
        else:
            prose = _comments_and_prose(path)
        try:
            assert_speaks(prose, language, root)
        except AssertionError as error:
            raise AssertionError(f"{path.relative_to(root)}: {error}") from None


@pytest.mark.parametrize(("language", "first", "again"), [
    ("sv", "31 filer skapade, 0 behållna. Nästa steg:", "0 filer skapade, 31 behållna. Nästa steg:"),
    ("en", "31 files created, 0 kept. Next:", "0 files created, 31 kept. Next:"),
])
def test_init_counts_with_plural_forms(language, first, again, tmp_path):
    root = tmp_path / "r"
    assert first in _run("init", root, "--lang", language).output
    assert again in _run("init", root, "--lang", language).output
    (root / "README.md").unlink()
    once = _run("init", root, "--lang", language).output
    assert {"sv": "1 fil skapad, 30 behållna.", "en": "1 file created, 30 kept."}[language] in once
    (root / "README.md").unlink()
    (root / ".vscode/settings.json").unlink()
    assert {"sv": "2 filer skapade, 29 behållna.", "en": "2 files created, 29 kept."}[language] in \
        _run("init", root, "--lang", language).output


def test_init_writes_principles_that_say_where_they_are(tmp_path):
    """The shipped defaults say 'copy this file into principles/'; init writes them there."""
    for language, opening in (
        ("sv", "# En av koncernens principer, skriven av `eacheck init`"),
        ("en", "# One of the group's principles, first written by `eacheck init`"),
    ):
        root = tmp_path / language
        _run("init", root, "--lang", language)
        for path in (root / "principles").glob("*.yaml"):
            text = path.read_text(encoding="utf-8")
            assert text.startswith(opening), path.name
            assert "copy this file" not in text
    lifecycle = (tmp_path / "sv/principles/lifecycle.yaml").read_text(encoding="utf-8")
    assert "contract_months: 12  # flagga ett system i drift utan retire_by" in lifecycle


def test_the_principle_files_init_writes_mean_what_the_shipped_ones_mean():
    import yaml

    from eacheck import i18n
    from eacheck.scaffold.starter_repository import principle_file, shipped_principles

    for name, text in shipped_principles().items():
        for language in LANGUAGES:
            with i18n.using(language):
                written = principle_file(text)
            assert yaml.safe_load(written) == yaml.safe_load(text), (name, language)


# -- new --------------------------------------------------------------------------------------

KINDS = {
    "system": ["--id", "nytt", "--name", "Nytt", "--owner", "ksf", "--capability", "finance",
               "--status", "planned"],
    "integration": ["--from", "ekonomisystem", "--to", "e-arkiv"],
    "procurement": ["--id", "upphandling-ny", "--title", "Nytt", "--requested-by", "ksf",
                    "--capability", "finance"],
    "exception": ["--id", "undantag-nytt", "--principle", "lifecycle", "--subject", "ekonomisystem",
                  "--reason", "Skäl", "--decided-by", "KS", "--expires", "2027-06-30"],
}


@pytest.fixture
def example_copy(tmp_path):
    import shutil

    root = tmp_path / "exempel"
    for part in ("architecture", "principles", "eacheck.yaml"):
        source = PROJECT_ROOT / part
        (shutil.copytree if source.is_dir() else shutil.copy)(source, root / part)
    return root


def _values_of(path) -> set[str]:
    """The values given on the command line, written into the new file."""
    return {value for values in KINDS.values() for value in values if not value.startswith("--")}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", KINDS)
def test_new_speaks_the_language_from_options(kind, language, example_copy):
    result = _run("new", kind, example_copy, *KINDS[kind], "--no-input", "--lang", language)
    assert result.exit_code == 0, result.output
    assert_speaks(result.output.replace(str(example_copy), ""), language, example_copy)
    written = Path(result.output.splitlines()[0].split(" ", 1)[1])  # "created PATH"
    assert_speaks(_comments_and_prose(written), language, example_copy, _values_of(written))


@pytest.mark.parametrize("language", LANGUAGES)
def test_new_speaks_the_language_when_it_asks(language, example_copy):
    answers = "\n".join(["Bad_Id", "ekonomisystem", "nytt", "Nytt", "sof2", "ekonomisystem", "ksf",
                         "finance, okand", "finance", "live", "planned", ""]) + "\n"
    result = _run("new", "system", example_copy, "--lang", language, input=answers)
    assert result.exit_code == 0, result.output
    assert_speaks(result.output.replace(str(example_copy), ""), language, example_copy)
    stopped = _run("new", "exception", example_copy, "--lang", language, input="u\n")
    assert stopped.exit_code == 2
    assert_speaks(stopped.output, language, example_copy)


@pytest.mark.parametrize("language", LANGUAGES)
def test_new_problems_speak_the_language(language, example_copy):
    for arguments in (
        ["system", "--id", "Bad Id", "--owner", "zzz", "--capability", "finanse", "--no-input"],
        ["exception", "--principle", "zzz", "--subject", "zzz", "--expires", "2027-02-30", "--no-input"],
        ["integration", "--from", "ksf", "--no-input"],
    ):
        result = _run("new", arguments[0], example_copy, *arguments[1:], "--lang", language)
        assert result.exit_code == 2
        assert_speaks(result.output, language, example_copy)


# -- --help of each command ---------------------------------------------------------------------

# Every command and subcommand, and the group itself.
HELP = [[], ["check"], ["validate"], ["report"], ["site"], ["principles"], ["explain"], ["impact"],
        ["graph"], ["init"], ["import"], ["export"], ["schema"], ["new"], ["new", "system"],
        ["new", "integration"], ["new", "procurement"], ["new", "exception"]]


def test_help_covers_every_command():
    from eacheck.cli import COMMANDS

    assert {command[0] for command in HELP if command} == set(COMMANDS)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("command", HELP, ids=lambda command: " ".join(command) or "eacheck")
def test_help_speaks_the_language(command, language):
    result = _run(*command, "--help", "--lang", language)
    assert result.exit_code == 0, result.output
    # The examples at the end quote ids and names of an example group.
    names = {"Lönesystem", "HR-chef", "Nytt avtal upphandlas", "E-arkiv", "Kommunstyrelsen"}
    from eacheck.cli import COMMANDS  # the commands' own names are what is typed, in any language

    assert_speaks(result.output, language, PROJECT_ROOT, names | set(COMMANDS))


# -- usage errors and click's own errors ----------------------------------------------------------

# Each command line fails before doing its job (exit code 2); what it says goes to standard error.
USAGE_ERRORS = [
    ["explain", "no-such-principle", PROJECT_ROOT],
    ["impact", "no-such-system", PROJECT_ROOT],
    ["impact", "ekonomi", PROJECT_ROOT],  # close to an id: "did you mean"
    ["graph", PROJECT_ROOT, "--organization", "no-such-organization"],
    ["check", PROJECT_ROOT, "--baseline", "no-such-revision"],
    ["check", PROJECT_ROOT, "--baseline", ""],
    ["report", PROJECT_ROOT, "--compare-to", "no-such-revision", "--out", "-"],
    ["check", "/no-such-folder-anywhere"],
    ["import", "no-such-file.xlsx", PROJECT_ROOT],
    ["import", PROJECT_ROOT / "docs/examples/systemforteckning.xlsx", PROJECT_ROOT, "--dry-run"],
    ["new", "system", PROJECT_ROOT, "--id", "x", "--no-input"],
    # click's own: unknown command, option and value, a missing argument or option value
    ["no-such-command"],
    ["check", "--formt", "json"],
    ["check", "--format", "pdf"],
    ["check", "--format"],
    ["explain"],
    ["report", "--as-of", "2026-13-01"],
    ["new", "no-such-kind"],
]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("arguments", USAGE_ERRORS, ids=lambda arguments: " ".join(map(str, arguments))[:60])
def test_usage_errors_speak_the_language(arguments, language):
    result = _run(*arguments, "--lang", language)
    assert result.exit_code == 2, result.output
    said = result.stderr.replace(str(PROJECT_ROOT), "")
    assert said.strip()
    assert_speaks(said, language, PROJECT_ROOT)
    usage = {"sv": ("Användning:", "Fel:"), "en": ("Usage:", "Error:")}[language]
    assert said.startswith(usage)
