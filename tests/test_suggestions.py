""""Did you mean": one helper, and references answered with the closest ids and names of the
right kind."""

from __future__ import annotations

import json
import textwrap

from conftest import BASE_LANDSCAPE
from gitrepo import GitRepository, eacheck

from eacheck.model.suggestions import closest, suggestion

ORGANIZATIONS = textwrap.dedent(BASE_LANDSCAPE["architecture/organizations.yaml"]) + textwrap.dedent("""\
    ---
    kind: organization
    id: bostader
    name: Kustlunda Bostäder AB
    type: company
    parent: stadshus
    """)

PRINCIPLE = """\
    kind: principle
    id: cloud-and-legal
    title: {sv: "Moln och juridik", en: "Cloud and the law"}
    statement: S.
    rationale: R.
    implications: I.
    check: cloud-and-legal
    """

PROCUREMENT = """\
    kind: procurement
    id: upphandling-hr-saas
    title: HR-system som molntjänst
    requested_by: ks
    capabilities: [ekonomi]
    alternatives_considered:
      - {system: ekonomisystem, reason: Stödjer inte lönehantering.}
    effect_goals:
      - {goal: Snabbare, metric: Dagar, target: 2, by: 2027-12-31}
    """


def test_closest_ignores_case_and_spaces_and_gives_each_answer_once():
    assert closest("Bostadder", ["bostader", "bostad", "ekonomi"]) == ["bostader", "bostad"]
    assert closest(" EKONOMI ", ["ekonomi"]) == ["ekonomi"]
    assert closest("xyz", ["ekonomi"]) == []
    # A name leads to its id, and an id found both ways is named once.
    spellings = {"bostader": "bostader", "Kustlunda Bostäder AB": "bostader", "ks": "ks"}
    assert closest("kustlunda bostader ab", spellings) == ["bostader"]
    assert closest("bostader", ["b", "bostader", "bostadera"], n=1) == ["bostader"]


def test_did_you_mean_lists_each_option_with_its_name():
    assert suggestion([]) is None
    assert suggestion(["a"]).render("en") == "did you mean 'a'?"
    assert suggestion(["a", "b"], {"a": "Alfa"}).render("en") == "did you mean 'a' (Alfa) or 'b'?"
    assert suggestion(["a", "b"], {"a": "Alfa"}).render("sv") == "menade du 'a' (Alfa) eller 'b'?"
    titled = suggestion(["p"], {"p": {"sv": "Moln", "en": "Cloud"}})
    assert (titled.render("en"), titled.render("sv")) == ("did you mean 'p' (Cloud)?", "menade du 'p' (Moln)?")
    assert suggestion(["p"], {"p": {"sv": "Moln"}}).render("en") == "did you mean 'p' (Moln)?"  # only one given


def _messages(run, root) -> dict[str, str]:
    result = run("validate", root, "--format", "json", "--lang", "en")
    assert result.exit_code == 1, result.output
    return {f["file"] + ":" + str(f["line"]): f["message"] for f in json.loads(result.stdout)["findings"]}


def test_an_unknown_reference_gets_the_closest_ids_of_the_right_kind(repository, run):
    root = repository({
        "architecture/organizations.yaml": ORGANIZATIONS,
        "principles/cloud-and-legal.yaml": PRINCIPLE,
        "architecture/procurements/hr.yaml": PROCUREMENT,
        "architecture/systems/fastighet.yaml": """\
            kind: system
            id: fastighetssystem
            name: Fastighetssystem
            owner: bostadder
            capabilities: [ekonomi]
            lifecycle: {status: active}
            """,
        "architecture/exceptions/undantag.yaml": """\
            kind: exception
            id: undantag-hr
            principle: cloud-legal
            subject: upphandling-hr-sas
            reason: Beslutat.
            decided_by: KS
            expires: 2027-06-30
            """,
    })
    messages = _messages(run, root)
    assert messages["architecture/systems/fastighet.yaml:4"] == (
        "'owner' in system 'fastighetssystem' refers to 'bostadder', but no organization has that id; did you "
        "mean 'bostader' (Kustlunda Bostäder AB) or 'bostad' (Bostadsbolaget AB)? If not, fix the id or add the "
        "organization"
    )
    principle = messages["architecture/exceptions/undantag.yaml:3"]
    # A title per language is named in the reader's language (SPEC §6).
    assert "no principle has that id; did you mean 'cloud-and-legal' (Cloud and the law)?" in principle
    swedish = run("validate", root, "--format", "json", "--lang", "sv")
    assert any("menade du 'cloud-and-legal' (Moln och juridik)?" in f["message"]
               for f in json.loads(swedish.stdout)["findings"])
    subject = messages["architecture/exceptions/undantag.yaml:4"]
    assert "no entity has that id; did you mean 'upphandling-hr-saas' (HR-system som molntjänst)?" in subject


def test_a_reference_written_like_a_name_is_answered_with_the_id(repository, run):
    root = repository({
        "architecture/organizations.yaml": ORGANIZATIONS,
        "architecture/systems/fastighet.yaml": """\
            kind: system
            id: fastighetssystem
            name: Fastighetssystem
            owner: kustlunda-bostader-ab
            capabilities: [ekonomisystem]
            lifecycle: {status: active}
            """,
    })
    messages = _messages(run, root)
    # Far from every id, close to one organization's name.
    assert closest("kustlunda-bostader-ab", ["bostader", "bostad", "ks", "stadshus"]) == []
    assert "did you mean 'bostader' (Kustlunda Bostäder AB)?" in messages["architecture/systems/fastighet.yaml:4"]
    # A system's id where a capability belongs: the wrong kind is said, not guessed around.
    assert messages["architecture/systems/fastighet.yaml:5"] == (
        "'capabilities' in system 'fastighetssystem' must refer to a capability, but 'ekonomisystem' is a system; "
        "give the id of a capability")


def test_nothing_close_gives_no_guess(repository, run):
    root = repository({"architecture/systems/x.yaml": """\
        kind: system
        id: x
        name: X
        owner: zzzz
        capabilities: [ekonomi]
        lifecycle: {status: active}
        """})
    message = _messages(run, root)["architecture/systems/x.yaml:4"]
    assert message == ("'owner' in system 'x' refers to 'zzzz', but no organization has that id; fix the id or add "
                       "the organization")


def test_a_new_entity_that_changes_the_suggestion_leaves_an_old_dangling_reference_old(tmp_path):
    """Baselines match on the problem, not on the advice: the suggestion is left out of it."""
    repo = GitRepository(tmp_path / "repo")
    repo.write({**BASE_LANDSCAPE, "architecture/systems/x.yaml": """\
        kind: system
        id: x
        name: X
        owner: bostadder
        system_owner: Någon
        capabilities: [ekonomi]
        lifecycle: {status: active}
        hosting: {model: on-premises}
        """})
    repo.commit("Old dangling owner")
    repo.write({"architecture/organizations.yaml": ORGANIZATIONS})  # now 'bostader' is suggested
    completed = eacheck("check", "--baseline", "HEAD", "--format", "json", "--as-of", "2026-11-27", "--lang", "en",
                        cwd=repo.root)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    [finding] = json.loads(completed.stdout)["findings"]
    assert "did you mean 'bostader'" in finding["message"] and finding["new"] is False
