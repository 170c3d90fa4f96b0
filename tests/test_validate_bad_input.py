"""Every kind of bad input ends with a clear message naming file and line, never a traceback."""

from __future__ import annotations

import json
import os

import pytest
from language import assert_speaks

# Texts of the bad files that messages quote, and that the detector cannot know are the file's:
# the files below are broken, so it cannot read their YAML.
RAW_TEXTS = ("!!python/object/apply:os.system", "!custom")

SYSTEM = """\
    kind: system
    id: {id}
    name: Ärendesystem
    owner: ks
    system_owner: Registrator
    capabilities: [ekonomi]
    lifecycle: {{status: active}}
    """

# name: (files, expected "file:line" prefix, words the message must contain)
CASES = {
    "yaml syntax error": (
        {"architecture/broken.yaml": "kind: system\nid: [unclosed\nname: x\n"},
        "architecture/broken.yaml:3:",
        "YAML syntax error",
    ),
    "tab indentation": (
        {"architecture/tabs.yaml": "kind: organization\nid: tabbed\n\tname: x\n"},
        "architecture/tabs.yaml:3:",
        "tab character",
    ),
    "tab before a nested key": (
        {"architecture/tabs2.yaml": "kind: organization\nid: tabbed2\nname: x\nparent:\n\tid: y\n"},
        "architecture/tabs2.yaml:5:1",
        "line 5 is indented with a tab character (column 1); YAML is indented with spaces only",
    ),
    "tab after spaces": (
        {"architecture/tabs3.yaml": "kind: organization\nid: tabbed3\nname: x\n  \ttype: company\n"},
        "architecture/tabs3.yaml:4:3",
        "line 4 is indented with a tab character (column 3)",
    ),
    "NUL byte": (
        {"architecture/nul.yaml": "kind: organization\nid: nul\nname: \"a\0b\"\ntype: company\n"},
        "architecture/nul.yaml:3:9",
        "the file holds a NUL byte at line 3, column 9",
    ),
    "tag on a key": (
        {"architecture/keytag.yaml": "kind: organization\nid: keytag\n!custom name: x\ntype: company\n"},
        "architecture/keytag.yaml:3:1",
        "the tag !custom is not allowed",
    ),
    "python tag on a key": (
        {"architecture/keytag2.yaml": "kind: organization\nid: keytag2\n!!python/object/apply:os.system name: x\n"},
        "architecture/keytag2.yaml:3:1",
        "the tag !!python/object/apply:os.system is not allowed",
    ),
    "!!int that is no whole number": (
        {"architecture/inttag.yaml": SYSTEM.format(id="inttag") + 'user_count: !!int " 12"\n'},
        "architecture/inttag.yaml:8:13",
        "' 12' is not a whole number",
    ),
    "!!null that is not empty": (
        {"architecture/nulltag.yaml": SYSTEM.format(id="nulltag") + 'description: !!null "x"\n'},
        "architecture/nulltag.yaml:8:14",
        "'x' is not empty",
    ),
    "duplicate key": (
        {"architecture/dup.yaml": "kind: organization\nid: dup\nname: A\nname: B\ntype: company\n"},
        "architecture/dup.yaml:4:1",
        "duplicate key 'name' (first on line 3)",
    ),
    "same id in two files": (
        {"architecture/twice.yaml": "kind: capability\nid: ekonomi\nname: Ekonomi igen\n"},
        "architecture/twice.yaml:2:1",
        "also used by a capability in architecture/capabilities.yaml:2",
    ),
    "unknown key (typo)": (
        {"architecture/typo.yaml": SYSTEM.format(id="arende") + "lifecylce: {status: active}\n"},
        "architecture/typo.yaml:8:1",
        "unknown key 'lifecylce' in system 'arende'; did you mean 'lifecycle'?",
    ),
    "cost with spaces": (
        {"architecture/cost.yaml": SYSTEM.format(id="arende") + "cost: {annual: 1 200 000}\n"},
        "architecture/cost.yaml:8:8",
        "'cost.annual' in system 'arende' must be a whole number, not the text '1 200 000'; write 1200000",
    ),
    "impossible date": (
        {"architecture/date.yaml": SYSTEM.format(id="arende").replace(
            "{status: active}", "{status: active, since: 2026-02-30}")},
        "architecture/date.yaml:7:",
        "'2026-02-30' is not a real date",
    ),
    "id with capitals": (
        {"architecture/caps.yaml": SYSTEM.format(id="Arende")},
        "architecture/caps.yaml:2:1",
        "'Arende' is not a valid id",
    ),
    "id with spaces": (
        {"architecture/spaces.yaml": SYSTEM.format(id="'ärende system'")},
        "architecture/spaces.yaml:2:1",
        "is not a valid id",
    ),
    "dangling reference": (
        {"architecture/dangling.yaml": SYSTEM.format(id="arende").replace("owner: ks", "owner: nobody")},
        "architecture/dangling.yaml:4:1",
        "'owner' in system 'arende' refers to 'nobody', but no organization has that id",
    ),
    "reference to the wrong kind": (
        {"architecture/wrongkind.yaml": SYSTEM.format(id="arende").replace("owner: ks", "owner: ekonomisystem")},
        "architecture/wrongkind.yaml:4:1",
        "'owner' in system 'arende' must refer to an organization, but 'ekonomisystem' is a system",
    ),
    "alias bomb": (
        {"architecture/bomb.yaml": "kind: organization\nid: bomb\nname: x\ntype: company\n"
         + "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
         + "".join(f"a{i}: &a{i} [{', '.join([f'*a{i-1}'] * 10)}]\n" for i in range(1, 9))},
        "architecture/bomb.yaml:",
        "alias bomb",
    ),
    "10,000-deep nesting": (
        {"architecture/deep.yaml": "kind: organization\nid: deep\nname: " + "[" * 10000 + "]" * 10000 + "\n"},
        "architecture/deep.yaml:3:",
        "nesting is too deep",
    ),
    "non-UTF-8 file": (
        {"architecture/latin1.yaml": "kind: organization\nid: latin\nname: Förvaltning\ntype: company\n".encode("latin-1")},
        "architecture/latin1.yaml:3:",
        "not UTF-8",
    ),
    "python object tag": (
        {"architecture/evil.yaml": "kind: organization\nid: evil\nname: !!python/object/apply:os.system ['touch PWNED']\ntype: company\n"},
        "architecture/evil.yaml:3:7",
        "the tag !!python/object/apply:os.system is not allowed",
    ),
    "document that is a list": (
        {"architecture/list.yaml": "- kind: organization\n  id: listed\n"},
        "architecture/list.yaml:1:1",
        "this document is a list",
    ),
    "unknown kind": (
        {"architecture/kind.yaml": "kind: sytem\nid: typo\n"},
        "architecture/kind.yaml:1:1",
        "unknown kind 'sytem'; did you mean 'system'?",
    ),
    "a yes that is not a boolean": (
        {"architecture/yes.yaml": SYSTEM.format(id="arende") + "group_common: yes\n"},
        "architecture/yes.yaml:8:1",
        "'group_common' in system 'arende' must be true or false, not the text 'yes'",
    ),
    "merge key": (
        {"architecture/merge.yaml": "base: &b {name: x}\n<<: *b\nkind: organization\nid: m\n"},
        "architecture/merge.yaml:2:1",
        "merge keys (<<) are not supported",
    ),
}


KEYS = ("capabilities", "id", "lifecycle", "name", "owner")


def test_each_missing_key_is_one_finding(repository, run):
    """Before: a system with only `kind` got 25 findings, five for each of its five missing keys. A
    document without an id is named by its kind and file."""
    root = repository({"architecture/bare.yaml": "kind: system\n"})
    findings = json.loads(run("validate", root, "--format", "json", "--lang", "en").stdout)["findings"]
    assert sorted(f["message"] for f in findings) == [
        f"the system in 'architecture/bare.yaml' needs the key '{key}'; add it" for key in KEYS
    ]
    findings = json.loads(run("validate", root, "--format", "json", "--lang", "sv").stdout)["findings"]
    assert sorted(f["message"] for f in findings) == [
        f"systemet i 'architecture/bare.yaml' saknar nyckeln '{key}'; lägg till den" for key in KEYS
    ]


def test_a_missing_key_names_the_entity_in_both_languages(repository, run):
    root = repository({"architecture/lon.yaml": "kind: system\nid: lon\nname: Lön\nowner: ks\n"
                                               "lifecycle: {status: active}\n"})
    said = {language: json.loads(run("validate", root, "--format", "json", "--lang", language).stdout)["findings"]
            for language in ("sv", "en")}
    assert [f["message"] for f in said["sv"]] == ["systemet 'lon' saknar nyckeln 'capabilities'; lägg till den"]
    assert [f["message"] for f in said["en"]] == ["system 'lon' needs the key 'capabilities'; add it"]


@pytest.mark.parametrize("written", ["30/6 2028", "2028-6-30"])
def test_a_malformed_date_is_one_finding(written, repository, run):
    system = SYSTEM.format(id="datum").replace("{status: active}", f"{{status: active, since: '{written}'}}")
    result = run("validate", repository({"architecture/date.yaml": system}), "--format", "json", "--lang", "en")
    findings = json.loads(result.stdout)["findings"]
    assert [f["message"] for f in findings] == [
        f"'lifecycle.since' in system 'datum': '{written}' is not a date; write YYYY-MM-DD"]


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_is_reported_with_file_and_line(case, repository, run, tmp_path):
    files, location, words = CASES[case]
    root = repository(files)
    result = run("validate", root, "--lang", "en")
    assert result.exit_code == 1, result.output
    matching = [line for line in result.output.splitlines() if line.startswith(location)]
    assert matching, f"no message at {location}:\n{result.output}"
    assert any(words in line for line in matching), result.output
    assert not (tmp_path / "PWNED").exists() and not os.path.exists("PWNED")


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_is_reported_in_the_language_of_the_run(case, repository, run):
    """SPEC §6: what is wrong and what to do, in Swedish with no English sentence, and in
    English with no Swedish one; only what the files hold is quoted as it is."""
    files, location, _ = CASES[case]
    root = repository(files)
    said = {}
    for language in ("sv", "en"):
        result = run("validate", root, "--lang", language)
        assert result.exit_code == 1, result.output
        said[language] = [line for line in result.output.splitlines() if line.startswith(location)]
        assert said[language], result.output
        assert_speaks("\n".join(said[language]), language, root, allowed=RAW_TEXTS)
    # the same findings, each message in its own words (not only "fel" for "error" before it)
    messages = {language: [line.split("] ", 1)[1] for line in lines] for language, lines in said.items()}
    assert len(messages["sv"]) == len(messages["en"])
    assert all(swedish != english for swedish, english in zip(messages["sv"], messages["en"]))


def test_every_problem_is_reported_in_one_run(repository, run):
    files = {key: value for key, (value_files, _, _) in CASES.items() for key, value in value_files.items()}
    root = repository(files)
    result = run("validate", root, "--format", "json")
    assert result.exit_code == 1
    reported = {finding["file"] for finding in json.loads(result.stdout)["findings"]}
    assert {location.split(":")[0] for _, location, _ in CASES.values()} <= reported


def test_symlink_out_of_the_repository_is_not_followed(repository, run, tmp_path):
    outside = tmp_path / "secret.yaml"
    outside.write_text("kind: organization\nid: outside\nname: Utanför\ntype: company\n")
    root = repository()
    os.symlink(outside, root / "architecture" / "linked.yaml")
    os.symlink(tmp_path, root / "architecture" / "linked-folder")
    result = run("validate", root, "--format", "json", "--lang", "en")
    assert result.exit_code == 1
    findings = json.loads(result.stdout)["findings"]
    assert {f["file"] for f in findings} == {"architecture/linked.yaml", "architecture/linked-folder"}
    assert all("outside the repository" in f["message"] for f in findings)
    assert all(f["subject"] != "outside" for f in findings)


def test_symlink_inside_the_repository_is_read_once(repository, run):
    root = repository({"shared/extra.yaml": "kind: capability\nid: hr\nname: HR\n"})
    os.symlink(root / "shared", root / "architecture" / "shared")
    os.symlink(root / "architecture", root / "architecture" / "loop")
    result = run("validate", root)
    assert result.exit_code == 0, result.output


def test_empty_file_and_empty_documents_are_allowed(repository, run):
    root = repository({"architecture/empty.yaml": "", "architecture/only-comment.yaml": "# nothing yet\n---\n"})
    assert run("validate", root).exit_code == 0


def test_a_yaml_file_is_read_whatever_the_case_of_its_extension(repository, run):
    """`System.YAML` from a Windows tool holds facts: skipping it would drop them unseen, in the
    working tree and at a git revision alike."""
    from gitrepo import GitRepository

    from eacheck import api

    root = repository({"architecture/bolag/Hamnen.YML": "kind: organization\nid: hamnen\nname: Hamnen AB\n"
                                                        "type: bolag\n"})
    result = run("validate", root, "--lang", "en")
    assert result.exit_code == 1
    assert "architecture/bolag/Hamnen.YML:4:1: error [schema] 'type' in organization 'hamnen'" in result.output
    (root / "architecture/bolag/Hamnen.YML").write_text(
        "kind: organization\nid: hamnen\nname: Hamnen AB\ntype: company\n", encoding="utf-8")
    GitRepository(root).commit("Hamnen")
    for revision in (None, "HEAD"):
        assert "hamnen" in api.open_repository(root, revision).landscape.organizations


def test_byte_order_mark_is_accepted(repository, run):
    root = repository({"architecture/bom.yaml": "\ufeffkind: capability\nid: hr\nname: HR\n".encode("utf-8")})
    assert run("validate", root).exit_code == 0


def test_country_code_no_is_norway_not_false(repository, run):
    system = SYSTEM.format(id="arende") + "hosting: {model: saas, data_location: [NO, SE], provider_jurisdiction: NO}\n"
    root = repository({"architecture/norway.yaml": system})
    assert run("validate", root).exit_code == 0


def test_unknown_country_code_is_an_error(repository, run):
    system = SYSTEM.format(id="arende") + "hosting: {model: saas, data_location: [SW]}\n"
    result = run("validate", repository({"architecture/sweden.yaml": system}), "--lang", "en")
    assert result.exit_code == 1
    assert ("architecture/sweden.yaml:8:40: error [schema] 'hosting.data_location[0]' in system 'arende': 'SW' is "
            "not an ISO 3166-1 country code") in result.output


def test_a_country_code_in_lower_case_is_one_finding(repository, run):
    """`se` breaks one rule (two capital letters), so it is one finding, in the settings too."""
    system = SYSTEM.format(id="arende") + "hosting: {model: saas, data_location: [se], provider_jurisdiction: SE}\n"
    root = repository({"architecture/sweden.yaml": system, "eacheck.yaml": "home_country: se\n"})
    result = run("validate", root, "--lang", "en", "--format", "json")
    assert result.exit_code == 1
    found = [(f["file"], f["line"], f["message"]) for f in json.loads(result.stdout)["findings"]]
    assert found == [
        ("architecture/sweden.yaml", 8, "'hosting.data_location[0]' in system 'arende': 'se' is not a country "
                                        "code; write two capital letters, e.g. SE"),
        ("eacheck.yaml", 1, "'home_country' in the settings in 'eacheck.yaml': 'se' is not a country code; write "
                            "two capital letters, e.g. SE"),
    ]


def test_parent_cycle_is_an_error(repository, run):
    capabilities = "kind: capability\nid: a\nname: A\nparent: b\n---\nkind: capability\nid: b\nname: B\nparent: a\n"
    result = run("validate", repository({"architecture/cycle.yaml": capabilities}), "--lang", "en")
    assert result.exit_code == 1
    assert "'parent' in capability 'a' goes round in a circle (a -> b -> a)" in result.output


@pytest.mark.parametrize(
    "arguments",
    [("validate", "/no/such/folder"), ("validate", "{tmp}"), ("validate", "--as-of", "2026-13-01", "{repo}")],
)
def test_command_that_cannot_do_its_job_exits_2(arguments, repository, run, tmp_path):
    root = repository()
    empty = tmp_path / "empty"
    empty.mkdir()
    result = run(*(a.format(tmp=empty, repo=root) for a in arguments))
    assert result.exit_code == 2, result.output
    assert "Fel:" in result.output  # Swedish: the test repository sets no language


def test_validate_never_writes_into_the_repository(repository, run):
    root = repository()
    before = {p: p.stat().st_mtime_ns for p in root.rglob("*")}
    run("validate", root)
    assert {p: p.stat().st_mtime_ns for p in root.rglob("*")} == before


PRINCIPLE = (
    "kind: principle\nid: livscykel\ntitle: Livscykel\nstatement: Avtal förnyas i tid.\n"
    "rationale: Ett avtal som löper ut stoppar verksamheten.\n"
    "implications: Systemägaren bevakar avtalet.\ncheck: lifecycle\n"
)


def test_a_principle_with_schema_problems_has_its_params_checked_in_the_same_run(repository, run):
    """Before, the params of a principle with a schema problem were checked only once that
    problem was fixed: a second round for the architect."""
    root = repository({
        "principles/livscykel.yaml": PRINCIPLE + "colour: red\nparams:\n  contract_month: 6\n",
        "principles/annan.yaml": PRINCIPLE.replace("livscykel", "annan").replace("lifecycle", "lifecyle")
        + "severity: fatal\n",
    })
    result = run("validate", root, "--lang", "en")
    assert result.exit_code == 1, result.output
    lines = result.output.splitlines()
    assert any(line.startswith("principles/livscykel.yaml:8:1: ") and "unknown key 'colour'" in line
               for line in lines), result.output
    assert any(line.startswith("principles/livscykel.yaml:10:3: ")
               and "unknown key 'contract_month' in the params of principle 'livscykel'" in line
               and "(params of check 'lifecycle')" in line for line in lines), result.output
    assert any(line.startswith("principles/annan.yaml:8:1: ") and "severity" in line for line in lines), result.output
    assert any(line.startswith("principles/annan.yaml:7:1: ") and "no built-in check 'lifecyle'" in line
               for line in lines), result.output


def test_params_that_cannot_be_read_are_not_checked_twice(repository, run):
    root = repository({"principles/livscykel.yaml": PRINCIPLE + "params: [contract_months]\n"})
    findings = json.loads(run("validate", root, "--format", "json", "--lang", "en").stdout)["findings"]
    assert [(f["file"], f["line"]) for f in findings if f["kind"] == "principle"] == [
        ("principles/livscykel.yaml", 8)], findings
