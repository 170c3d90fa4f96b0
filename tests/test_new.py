"""`eacheck new`: a valid file in the right folder, from options or from questions; never a clobber."""

from __future__ import annotations

import pytest
import yaml
from click.testing import CliRunner

from eacheck import api
from eacheck.cli import main

# The base landscape of conftest: organizations ks, stadshus, bostad; capability ekonomi;
# the group-common system ekonomisystem owned by ks.


def _load(path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _assert_valid(run, root):
    validated = run("validate", root)
    assert validated.exit_code == 0, validated.output


def test_new_system_from_options(repository, run):
    root = repository()
    result = run(
        "new", "system", root, "--id", "lonesystem", "--name", "Lönesystem", "--owner", "ks",
        "--capability", "ekonomi", "--status", "active", "--system-owner", "HR-chef",
        "--used-by", "bostad", "--no-input",
    )
    assert result.exit_code == 0, result.output
    path = root / "architecture/systems/ks/lonesystem.yaml"
    assert str(path) in result.output
    assert _load(path) == {
        "kind": "system", "id": "lonesystem", "name": "Lönesystem", "owner": "ks",
        "system_owner": "HR-chef", "used_by": ["bostad"], "capabilities": ["ekonomi"],
        "lifecycle": {"status": "active"},
    }
    text = path.read_text(encoding="utf-8")
    assert "# hosting:" in text and "# contract:" in text  # the optional sections, commented
    _assert_valid(run, root)


def test_new_integration_from_options_suggests_its_id(repository, run):
    root = repository({
        "architecture/systems/lon.yaml": """\
            kind: system
            id: lonesystem
            name: Lönesystem
            owner: bostad
            capabilities: [ekonomi]
            lifecycle: {status: active}
            """,
    })
    result = run("new", "integration", root, "--from", "lonesystem", "--to", "ekonomisystem",
                 "--method", "api", "--no-input")
    assert result.exit_code == 0, result.output
    path = root / "architecture/integrations/lonesystem-till-ekonomisystem.yaml"
    assert _load(path) == {
        "kind": "integration", "id": "lonesystem-till-ekonomisystem", "from": "lonesystem",
        "to": "ekonomisystem", "method": "api",
    }
    assert "# via:" in path.read_text(encoding="utf-8")
    _assert_valid(run, root)


def test_new_procurement_lists_the_systems_it_must_examine(repository, run):
    root = repository()
    result = run(
        "new", "procurement", root, "--id", "upphandling-ekonomi", "--title", "Ekonomisystem: nytt",
        "--requested-by", "bostad", "--capability", "ekonomi", "--no-input",
    )
    assert result.exit_code == 0, result.output
    path = root / "architecture/procurements/upphandling-ekonomi.yaml"
    document = _load(path)
    assert document["title"] == "Ekonomisystem: nytt" and document["status"] == "proposed"
    assert document["capabilities"] == ["ekonomi"]
    assert "#   - system: ekonomisystem" in path.read_text(encoding="utf-8")
    _assert_valid(run, root)


def test_new_exception_from_options(repository, run):
    root = repository()
    reason = (
        "Bostadsbolaget går över till det koncerngemensamma systemet när det nuvarande "
        "avtalet löper ut, enligt beslut i styrelsen."
    )
    result = run(
        "new", "exception", root, "--id", "undantag-ekonomi", "--principle", "lifecycle",
        "--subject", "ekonomisystem", "--reason", reason, "--decided-by", "Kommunstyrelsen",
        "--expires", "2027-06-30", "--decision-ref", "2026", "--no-input",
    )
    assert result.exit_code == 0, result.output
    path = root / "architecture/exceptions/undantag-ekonomi.yaml"
    document = _load(path)
    assert document["reason"] == reason  # folded over several lines, read back whole
    assert document["decision_ref"] == "2026"  # quoted: a diary number, not a count
    assert str(document["expires"]) == "2027-06-30"
    assert "reason: >-\n" in path.read_text(encoding="utf-8")
    _assert_valid(run, root)
    waiver = api.open_repository(root).landscape.exceptions["undantag-ekonomi"]
    assert waiver.reason == reason and waiver.principle == "lifecycle"


def test_new_asks_for_what_is_missing(repository, run):
    root = repository()
    answers = "\n".join([
        "Bad_Id",            # refused: not an id
        "ekonomisystem",     # refused: the id is taken
        "hr-system",
        "HR-system",
        "sof",               # refused: no such organization
        "ekonomi",           # refused: a capability, not an organization
        "ks",
        "ekonomi, okand",    # refused: okand is no capability
        "ekonomi",
        "live",              # refused: not a lifecycle status
        "active",
        "",                  # no system owner yet
    ]) + "\n"
    result = CliRunner().invoke(main, ["new", "system", str(root), "--lang", "en"], input=answers)
    assert result.exit_code == 0, result.output
    output = result.output
    assert "'Bad_Id' is not a valid id" in output
    assert "the id 'ekonomisystem' is already used by a system" in output
    assert "there is no organization with the id 'sof'" in output
    assert "'ekonomi' is a capability, not an organization" in output
    assert "there is no capability with the id 'okand'" in output
    assert "'live' is not one of" in output
    assert "(bostad, ks, stadshus)" in output  # few enough organizations to list
    path = root / "architecture/systems/ks/hr-system.yaml"
    assert _load(path) == {
        "kind": "system", "id": "hr-system", "name": "HR-system", "owner": "ks",
        "capabilities": ["ekonomi"], "lifecycle": {"status": "active"},
    }
    _assert_valid(run, root)


def test_new_refuses_an_id_that_exists(repository, run):
    root = repository()
    before = sorted(p for p in root.rglob("*"))
    result = run("new", "system", root, "--id", "ekonomisystem", "--name", "X", "--owner", "ks",
                 "--capability", "ekonomi", "--status", "active", "--no-input", "--lang", "en")
    assert result.exit_code == 2
    assert "the id 'ekonomisystem' is already used by a system in architecture/systems/ekonomi.yaml:2" in result.output
    assert sorted(p for p in root.rglob("*")) == before


def test_new_refuses_to_overwrite_a_file(repository, run):
    notes = "# Anteckningar om en kommande integration; ännu ingen entitet.\n"
    root = repository({"architecture/integrations/lon-till-ekonomi.yaml": notes})
    result = run("new", "integration", root, "--id", "lon-till-ekonomi", "--from", "ekonomisystem",
                 "--to", "ekonomisystem", "--no-input")
    assert result.exit_code == 2
    assert ("architecture/integrations/lon-till-ekonomi.yaml finns redan; eacheck new skriver aldrig "
            "över en fil") in result.output
    assert (root / "architecture/integrations/lon-till-ekonomi.yaml").read_text(encoding="utf-8") == notes


def test_new_without_input_names_the_missing_options_and_the_wrong_values_at_once(repository, run):
    result = run("new", "exception", repository(), "--id", "u", "--subject", "okand", "--expires", "2027-02-30",
                 "--no-input", "--lang", "en")
    assert result.exit_code == 2
    assert "needs --principle, --reason and --decided-by; give them as options" in result.output
    assert "--subject: there is no entity with the id 'okand'" in result.output
    assert "--expires: '2027-02-30' is not a date" in result.output


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--owner", "socialforvaltningen"], "--owner: there is no organization with the id 'socialforvaltningen'"),
        (["--owner", "ekonomisystem"], "--owner: 'ekonomisystem' is a system, not an organization"),
        (["--owner", "ks", "--capability", "lon"], "--capability: there is no capability with the id 'lon'"),
        (["--owner", "ks", "--used-by", "region"], "--used-by: there is no organization with the id 'region'"),
    ],
)
def test_new_refuses_references_that_do_not_resolve(repository, run, options, message):
    root = repository()
    arguments = ["--id", "nytt", "--name", "Nytt", "--status", "planned", "--no-input", *options]
    if "--capability" not in options:
        arguments += ["--capability", "ekonomi"]
    result = run("new", "system", root, *arguments, "--lang", "en")
    assert result.exit_code == 2
    assert message in result.output
    assert not list((root / "architecture/systems").rglob("nytt.yaml"))


def test_new_without_input_names_every_missing_option(repository, run):
    root = repository()
    result = run("new", "exception", root, "--id", "u", "--subject", "ekonomisystem", "--no-input", "--lang", "en")
    assert result.exit_code == 2
    assert "needs --principle, --reason, --decided-by and --expires; give them as options" in result.output
    swedish = run("new", "exception", root, "--id", "u", "--subject", "ekonomisystem", "--no-input")
    assert "behöver --principle, --reason, --decided-by och --expires; ange dem som flaggor" in swedish.output
    one = run("new", "exception", root, "--id", "u", "--subject", "ekonomisystem", "--principle", "lifecycle",
              "--reason", "R", "--decided-by", "KS", "--no-input")
    assert "eacheck new exception behöver --expires; ange den som flagga" in one.output


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--principle", "shared-before-unique"], "--principle: there is no principle with the id"),
        (["--expires", "2027-02-30"], "--expires: '2027-02-30' is not a date"),
        (["--subject", "okand"], "--subject: there is no entity with the id 'okand'"),
    ],
)
def test_new_exception_checks_principle_subject_and_date(repository, run, options, message):
    root = repository()
    values = {"--id": "u", "--principle": "lifecycle", "--subject": "ekonomisystem",
              "--reason": "Skäl", "--decided-by": "KS", "--expires": "2027-06-30"}
    values.update(dict(zip(options[::2], options[1::2])))
    arguments = [item for pair in values.items() for item in pair]
    result = run("new", "exception", root, *arguments, "--no-input", "--lang", "en")
    assert result.exit_code == 2
    assert message in result.output


def test_new_refuses_an_exception_longer_than_the_group_allows(repository, run):
    """`check` stops an exception that runs past max_exception_months (exception-too-long):
    `new` says so when it is asked, instead of writing a file that fails."""
    from datetime import date, timedelta

    root = repository({"eacheck.yaml": "max_exception_months: 1\n"})
    values = ["--id", "u", "--principle", "lifecycle", "--subject", "ekonomisystem", "--reason", "Skäl",
              "--decided-by", "KS", "--no-input"]
    too_long = (date.today() + timedelta(days=100)).isoformat()
    result = run("new", "exception", root, *values, "--expires", too_long, "--lang", "en")
    assert result.exit_code == 2
    assert "is more than 1 month from today" in result.output and "max_exception_months" in result.output
    swedish = run("new", "exception", root, *values, "--expires", too_long, "--lang", "sv")
    assert "ligger mer än 1 månad fram från i dag" in swedish.output
    assert not (root / "architecture/exceptions/u.yaml").exists()
    within = (date.today() + timedelta(days=20)).isoformat()
    assert run("new", "exception", root, *values, "--expires", within).exit_code == 0
    assert run("check", root).exit_code == 0


def test_new_quotes_text_that_yaml_would_misread(repository, run):
    root = repository()
    name = 'Ärende: #1 – "citat", NO'
    result = run("new", "system", root, "--id", "arende", "--name", name, "--owner", "ks",
                 "--capability", "ekonomi", "--status", "planned", "--system-owner", "yes", "--no-input")
    assert result.exit_code == 0, result.output
    system = api.open_repository(root).landscape.systems["arende"]
    assert system.name == name and system.system_owner == "yes"
    # quoted, so that YAML 1.1 tools read the same text as eacheck does
    assert 'system_owner: "yes"' in (root / "architecture/systems/ks/arende.yaml").read_text(encoding="utf-8")


def test_new_writes_comments_in_the_repository_language(repository, run):
    root = repository({"eacheck.yaml": "language: en\n"})
    result = run("new", "procurement", root, "--id", "p", "--title", "Archive", "--requested-by", "ks",
                 "--capability", "ekonomi", "--no-input")
    assert result.exit_code == 0, result.output
    text = (root / "architecture/procurements/p.yaml").read_text(encoding="utf-8")
    assert text.startswith("# Created with `eacheck new procurement`")


def test_new_needs_an_architecture_repository(tmp_path, run):
    result = run("new", "system", tmp_path, "--no-input")
    assert result.exit_code == 2
    assert "eacheck init" in result.output


def test_new_asks_in_swedish_in_a_swedish_repository(repository):
    """No eacheck.yaml: Swedish, questions, refusals and the file's comments alike."""
    root = repository()
    answers = "\n".join(["Bad_Id", "hr-system", "HR-system", "sof", "ks", "ekonomi, okand", "ekonomi",
                         "live", "active", ""]) + "\n"
    result = CliRunner().invoke(main, ["new", "system", str(root)], input=answers)
    assert result.exit_code == 0, result.output
    output = result.output
    for expected in (
        "Id (gemena bokstäver, siffror och bindestreck; unikt i förrådet): ",
        "Fel: 'Bad_Id' är inget giltigt id; använd gemena bokstäver (a–z), siffror och bindestreck, "
        "till exempel 'bad-id'",
        "Systemets namn: ",
        "Ägare: organisationen som äger systemet (bostad, ks, stadshus): ",
        "det finns ingen organisation med id:t 'sof' i förrådet; kända id:n: 'bostad', 'ks' och 'stadshus'",
        "Förmågor som systemet stöder, åtskilda med kommatecken (ekonomi): ",
        "det finns ingen förmåga med id:t 'okand' i förrådet; kända id:n: 'ekonomi'",
        "Livscykelstatus (planned, active, phase-out, retired): ",
        "'live' är inte ett av värdena: planned, active, phase-out, retired",
        "Systemägare: rollen eller personen som ansvarar [Enter för att hoppa över]: ",
        "skapade " + str(root / "architecture/systems/ks/hr-system.yaml"),
        "Fyll i det du vet mer (se kommentarerna i filen) och kör sedan eacheck validate.",
    ):
        assert expected in output, expected
    text = (root / "architecture/systems/ks/hr-system.yaml").read_text(encoding="utf-8")
    assert text.startswith("# Skapad med `eacheck new system`. Fyll i det som är känt")
    assert "# system_owner: Roll eller person   # systemägaren; principen clear-ownership kräver" in text
    assert "  # since: ÅÅÅÅ-MM-DD               # sedan när statusen gäller\n" in text


def test_new_writes_the_language_of_the_run(repository, run):
    """--lang decides, over eacheck.yaml: the messages and the file's comments."""
    root = repository({"eacheck.yaml": "language: sv\n"})
    result = run("new", "exception", root, "--id", "u", "--principle", "lifecycle", "--subject",
                 "ekonomisystem", "--reason", "Skäl", "--decided-by", "KS", "--expires", "2027-06-30",
                 "--no-input", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("created ")
    text = (root / "architecture/exceptions/u.yaml").read_text(encoding="utf-8")
    assert text.startswith("# Created with `eacheck new exception`. A decided, time-limited exception")
    assert "# decision_ref: KS 2026/0000        # the diary number (diarienummer) of the decision\n" in text

