"""What the loader says — YAML, schema, reference and file problems — speaks the language of the
run in every format, and is matched across revisions on codes that no language or line number
changes (SPEC §6)."""

from __future__ import annotations

import json
import shutil
import textwrap

import pytest
from conftest import BASE_LANDSCAPE, PROJECT_ROOT, write_repository
from gitrepo import GitRepository, eacheck
from language import assert_speaks
from test_findings_language import AS_OF, assert_in_language, texts

from eacheck.output.findings import FORMATS

PRINCIPLE = """\
    kind: principle
    id: {id}
    title: {{sv: "Titel", en: "Title"}}
    statement: S.
    rationale: R.
    implications: I.
    check: {check}
    """

# Something wrong of every kind the loader knows, none of them so hostile that reading the
# files for the language detector would hurt.
BROKEN = {
    "architecture/systems/arende.yaml": """\
        kind: system
        id: arende
        name: Ärendesystem
        owner: kss
        system_owner: Registrator
        capabilities: [ekonomi, ekonomi]
        lifecycle: {status: activ}
        lifecylce: x
        cost: {annual: 1 200 000}
        group_common: yes
        hosting: {model: saas, data_location: [SW]}
        """,
    "architecture/systems/datum.yaml": """\
        kind: system
        id: datum
        name: Datumsystem
        owner: ks
        system_owner: Registrator
        capabilities: [ekonomi]
        lifecycle: {status: active}
        contract: {start: 2027-01-01, end: 2026-12-31}
        """,
    "architecture/dup.yaml": "kind: organization\nid: dup\nname: A\nname: B\ntype: company\n",
    "architecture/tabs.yaml": "kind: organization\nid: tabbed\n\tname: x\n",
    "architecture/broken.yaml": "kind: system\nid: [unclosed\nname: x\n",
    "architecture/twice.yaml": "kind: capability\nid: ekonomi\nname: Ekonomi igen\n",
    "architecture/cycle.yaml": "kind: capability\nid: a\nname: A\nparent: b\n---\nkind: capability\nid: b\nname: B\nparent: a\n",
    "architecture/list.yaml": "- kind: organization\n  id: listed\n",
    "architecture/kind.yaml": "kind: sytem\nid: typo\n",
    "architecture/bare.yaml": "kind: system\n",
    "principles/shared-over-unique.yaml": PRINCIPLE.format(id="shared-over-unique", check="shared-over-unique"),
    "principles/bad.yaml": PRINCIPLE.format(id="bad-params", check="lifecycle")
    + "params:\n  contract_month: 12\n  contract_months: twelve\n"
    + "---\n" + textwrap.dedent(PRINCIPLE.format(id="bad-check", check="shared-over-uniq")),
}


@pytest.fixture(scope="module")
def broken(tmp_path_factory):
    return write_repository(tmp_path_factory.mktemp("broken") / "repo", BROKEN)


@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.parametrize("format_name", ["text", "json"])
def test_validate_speaks_the_language_of_the_run(run, broken, format_name, language):
    result = run("validate", broken, "--format", format_name, "--lang", language)
    assert result.exit_code == 1, result.output
    assert_in_language(texts(format_name, result.stdout), language)
    if format_name == "json":
        assert len(json.loads(result.stdout)["findings"]) >= 20


@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.parametrize("format_name", FORMATS)
def test_check_on_a_repository_with_schema_problems_speaks_the_language_of_the_run(run, broken, format_name, language):
    result = run("check", broken, "--as-of", AS_OF, "--format", format_name, "--lang", language)
    assert result.exit_code == 1, result.output
    assert_in_language(texts(format_name, result.stdout), language)


@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.parametrize("format_name", ["text", "json"])
def test_validate_on_the_example_group_speaks_the_language_of_the_run(run, format_name, language):
    result = run("validate", PROJECT_ROOT, "--format", format_name, "--lang", language, "--as-of", AS_OF)
    assert result.exit_code == 0, result.output
    if format_name == "text":
        assert {"sv": "godkänt", "en": "passed"}[language] in result.stdout
    assert_speaks(texts(format_name, result.stdout), language, PROJECT_ROOT)


def _moved(files: dict[str, str]) -> dict[str, str]:
    """The same files with two comment lines on top: every line number moves."""
    return {path: "# flyttad\n# igen\n" + textwrap.dedent(text) for path, text in files.items()}


def test_a_baseline_read_in_english_matches_schema_findings_read_in_swedish(tmp_path):
    """Baselines match loader findings on the message id and its values, never on the wording,
    the language or where they are: nothing is new when only the language and the lines changed."""
    repo = GitRepository(tmp_path / "repo")
    repo.write({**BASE_LANDSCAPE, **BROKEN, "eacheck.yaml": "language: en\n"})
    repo.commit("Gammal skuld")
    repo.write({**_moved(BROKEN), "eacheck.yaml": "language: sv\n"})
    completed = eacheck("check", "--baseline", "HEAD", "--format", "json", "--as-of", AS_OF, cwd=repo.root)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    findings = json.loads(completed.stdout)["findings"]
    schema = [finding for finding in findings if finding["principle"] == "schema"]
    assert len(schema) >= 20 and not [finding for finding in findings if finding["new"]]
    assert_in_language("\n".join(finding["message"] for finding in findings), "sv")

    # and one real change among them is new, in the other language too
    repo.write({"architecture/more.yaml": "kind: organization\nid: mer\nname: Mer\ntype: compny\n"})
    completed = eacheck("check", "--baseline", "HEAD", "--format", "json", "--as-of", AS_OF, cwd=repo.root)
    assert completed.returncode == 1
    new = [finding for finding in json.loads(completed.stdout)["findings"] if finding["new"]]
    assert [(finding["file"], finding["principle"]) for finding in new] == [("architecture/more.yaml", "schema")]


def test_sarif_fingerprints_of_schema_findings_do_not_change_with_the_language(tmp_path):
    repo = GitRepository(tmp_path / "repo")
    repo.write({**BASE_LANDSCAPE, **BROKEN, "eacheck.yaml": "language: en\n"})
    repo.commit("Gammal skuld")
    logs = {}
    for language in ("sv", "en"):
        completed = eacheck("check", "--baseline", "HEAD", "--format", "sarif", "--as-of", AS_OF,
                            "--lang", language, cwd=repo.root)
        assert completed.returncode == 0, completed.stderr
        logs[language] = json.loads(completed.stdout)["runs"][0]["results"]

    def identities(results):
        return [(r["ruleId"], r["partialFingerprints"], r["baselineState"]) for r in results]

    schema = [r for r in logs["sv"] if r["ruleId"] == "schema"]
    assert len(schema) >= 20
    assert identities(logs["sv"]) == identities(logs["en"])
    assert {r["baselineState"] for r in logs["sv"]} == {"unchanged"}
    # each schema finding has a fingerprint of its own, and what people read did change
    assert len({json.dumps(r["partialFingerprints"]) for r in schema}) == len(schema)
    assert [r["message"]["text"] for r in logs["sv"]] != [r["message"]["text"] for r in logs["en"]]


def test_the_example_group_with_a_broken_file_in_both_languages(tmp_path, run):
    """The example group itself, with one file of each sort of mistake added: the whole output,
    schema findings and the principles' findings together, speaks one language."""
    root = tmp_path / "exempel"
    for name in ("architecture", "principles"):
        shutil.copytree(PROJECT_ROOT / name, root / name)
    shutil.copy(PROJECT_ROOT / "eacheck.yaml", root / "eacheck.yaml")
    write_repository(root, {path: text for path, text in BROKEN.items() if path.startswith("architecture/")},
                     base=False)
    for language in ("sv", "en"):
        for format_name in FORMATS:
            result = run("check", root, "--as-of", AS_OF, "--format", format_name, "--lang", language)
            assert result.exit_code == 1
            assert_in_language(texts(format_name, result.stdout), language)
