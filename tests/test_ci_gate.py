"""The CI gate end to end: a real git repository, a real branch, the installed eacheck as a process.

Main has a clean landscape plus one old violation (a system without system_owner, made an
error by the group's principle file). A branch proposes a procurement for a capability that a
group-common system already serves. `eacheck check --baseline main` must block the branch for
what it introduces, name the principle, file and line, and never block on the old debt.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml
from conftest import BASE_LANDSCAPE, PROJECT_ROOT
from gitrepo import GitRepository, eacheck

AS_OF = "2026-11-27"

PRINCIPLE = """\
    kind: principle
    id: {id}
    title: {{sv: "{id}", en: "{id}"}}
    statement: Stated for the test.
    rationale: Reasoned for the test.
    implications: Implied for the test.
    check: {id}
    severity: error
    """

# Two systems in one file: the first is clean, the second is the old violation (no
# system_owner). Editing the first moves the second without changing what is wrong with it.
ARCHIVE_SYSTEMS = """\
    kind: system
    id: diarium
    name: Diarium
    owner: ks
    system_owner: Registrator
    capabilities: [arendehantering]
    lifecycle: {status: active}
    ---
    kind: system
    id: arkivsystem
    name: Arkivsystem
    owner: ks
    capabilities: [arkiv]
    lifecycle: {status: active}
    """

PROCUREMENT_FILE = "architecture/procurements/upph-bolagsekonomi.yaml"
PROCUREMENT = """\
    kind: procurement
    id: upph-bolagsekonomi
    title: Eget ekonomisystem för Bostadsbolaget
    requested_by: bostad
    capabilities:
      - ekonomi
    status: proposed
    """

EXCEPTION_FILE = "architecture/exceptions/undantag-bolagsekonomi.yaml"
EXCEPTION = """\
    kind: exception
    id: undantag-bolagsekonomi
    principle: shared-over-unique
    subject: upph-bolagsekonomi
    reason: Bolaget omfattas av särskild redovisningslagstiftning till dess att ekonomisystemet stöder den.
    decided_by: Kommunstyrelsens arbetsutskott
    expires: {expires}
    """


def _line_of(text: str, needle: str) -> int:
    """1-based line of ``needle`` in the dedented ``text``."""
    lines = textwrap.dedent(text).splitlines()
    return next(number for number, line in enumerate(lines, 1) if needle in line)


@pytest.fixture
def repo(tmp_path) -> GitRepository:
    """Main with a clean landscape and one old error; then a branch with the new procurement."""
    repository = GitRepository(tmp_path / "arkitektur")
    repository.write({
        **BASE_LANDSCAPE,
        "architecture/capabilities-arkiv.yaml": """\
            kind: capability
            id: arkiv
            name: Arkiv
            ---
            kind: capability
            id: arendehantering
            name: Ärendehantering
            """,
        "architecture/systems/arkiv.yaml": ARCHIVE_SYSTEMS,
        "principles/shared-over-unique.yaml": PRINCIPLE.format(id="shared-over-unique"),
        "principles/clear-ownership.yaml": PRINCIPLE.format(id="clear-ownership"),
        "README.md": "Koncernens arkitektur.\n",
    })
    repository.commit("Landskapet som det är")
    repository.git("checkout", "--quiet", "-b", "ny-upphandling")
    repository.write({PROCUREMENT_FILE: PROCUREMENT})
    repository.commit("Föreslå eget ekonomisystem för Bostadsbolaget")
    return repository


def check_json(repository: GitRepository, *args: str) -> tuple[int, dict]:
    completed = eacheck("check", "--as-of", AS_OF, "--format", "json", *args, cwd=repository.root)
    assert completed.returncode in (0, 1), completed.stderr
    assert "Traceback" not in completed.stderr
    return completed.returncode, json.loads(completed.stdout)


def by_principle(report: dict) -> dict[str, list[dict]]:
    found: dict[str, list[dict]] = {}
    for finding in report["findings"]:
        found.setdefault(finding["principle"], []).append(finding)
    return found


def files_on_disk(root: Path) -> dict[str, bytes]:
    contents = {}
    for folder, dirs, files in os.walk(root):
        dirs[:] = [name for name in dirs if name != ".git"]
        for name in files:
            path = Path(folder) / name
            contents[str(path.relative_to(root))] = path.read_bytes()
    return contents


def test_the_old_violation_fails_without_a_baseline_but_never_with_one(repo):
    repo.git("checkout", "--quiet", "main")
    code, report = check_json(repo)
    assert code == 1
    assert [f["subject"] for f in report["findings"]] == ["arkivsystem"]
    code, report = check_json(repo, "--baseline", "main")
    assert code == 0
    [old] = report["findings"]
    assert (old["principle"], old["severity"], old["new"]) == ("clear-ownership", "error", False)


def test_a_branch_is_blocked_by_the_procurement_it_introduces(repo):
    code, report = check_json(repo, "--baseline", "main")
    assert code == 1
    found = by_principle(report)
    [new] = found["shared-over-unique"]
    assert new["subject"] == "upph-bolagsekonomi"
    assert new["kind"] == "procurement"
    assert new["file"] == PROCUREMENT_FILE
    assert new["line"] == _line_of(PROCUREMENT, "- ekonomi")
    assert new["new"] is True
    assert "ekonomisystem" in new["message"]  # names the group-common system to use instead
    [old] = found["clear-ownership"]
    assert old["subject"] == "arkivsystem" and old["new"] is False
    assert report["summary"] == {"error": 2, "warning": 0, "info": 0, "waived": 0}


def test_the_text_a_pipeline_shows_names_principle_file_and_line(repo):
    completed = eacheck("check", "--as-of", AS_OF, "--baseline", "main", "--lang", "en", cwd=repo.root)
    assert completed.returncode == 1
    line = _line_of(PROCUREMENT, "- ekonomi")
    [blocking] = [text for text in completed.stdout.splitlines() if "(new)" in text]
    assert blocking.startswith(f"{PROCUREMENT_FILE}:{line}:")
    assert "[shared-over-unique]" in blocking
    assert "FAILED" in completed.stdout and "1 new since main" in completed.stdout


def test_reading_the_baseline_leaves_the_working_tree_alone(repo):
    repo.write({PROCUREMENT_FILE: PROCUREMENT + "estimated_annual_cost: 400000\n"})  # uncommitted
    status, files = repo.state(), files_on_disk(repo.root)
    head = repo.git("rev-parse", "HEAD")
    code, _ = check_json(repo, "--baseline", "main")
    assert code == 1
    assert repo.state() == status
    assert files_on_disk(repo.root) == files
    assert repo.git("rev-parse", "HEAD") == head
    assert repo.git("branch", "--show-current").strip() == "ny-upphandling"


def test_a_decided_exception_that_still_holds_lets_the_branch_through(repo):
    repo.write({EXCEPTION_FILE: EXCEPTION.format(expires="2027-06-30")})
    code, report = check_json(repo, "--baseline", "main")
    assert code == 0
    assert report["summary"]["waived"] == 1
    assert "shared-over-unique" not in by_principle(report)
    assert [f["subject"] for f in report["findings"]] == ["arkivsystem"]  # old debt still shown


def test_the_exception_holds_through_its_last_day_only(repo):
    repo.write({EXCEPTION_FILE: EXCEPTION.format(expires=AS_OF)})
    assert check_json(repo, "--baseline", "main")[0] == 0
    repo.write({EXCEPTION_FILE: EXCEPTION.format(expires="2026-11-26")})
    assert check_json(repo, "--baseline", "main")[0] == 1


def test_an_expired_exception_waives_nothing_and_is_reported(repo):
    repo.write({EXCEPTION_FILE: EXCEPTION.format(expires="2026-10-31")})
    code, report = check_json(repo, "--baseline", "main")
    assert code == 1
    found = by_principle(report)
    assert [f["subject"] for f in found["shared-over-unique"]] == ["upph-bolagsekonomi"]
    [expired] = found["exception-expired"]
    assert (expired["subject"], expired["severity"], expired["file"]) == (
        "undantag-bolagsekonomi", "warning", EXCEPTION_FILE,
    )


def test_a_revision_that_does_not_exist_cannot_be_a_baseline(repo):
    status = repo.state()
    completed = eacheck("check", "--as-of", AS_OF, "--baseline", "no-such-branch", cwd=repo.root)
    assert completed.returncode == 2
    assert "no-such-branch" in completed.stderr
    assert "Traceback" not in completed.stderr
    assert repo.state() == status


def test_a_baseline_outside_a_git_repository_is_a_usage_error(tmp_path):
    from conftest import write_repository

    folder = write_repository(tmp_path / "no-git", {})
    completed = eacheck("check", "--as-of", AS_OF, "--baseline", "main", cwd=folder)
    assert completed.returncode == 2, completed.stdout + completed.stderr
    assert "Traceback" not in completed.stderr


def test_old_debt_stays_old_when_lines_above_it_move(repo):
    _, before = check_json(repo, "--baseline", "main")
    [old_before] = by_principle(before)["clear-ownership"]
    moved = ARCHIVE_SYSTEMS.replace(
        "    system_owner: Registrator\n",
        "    description: >-\n      Kommunens diarium för inkomna och upprättade handlingar,\n"
        "      med sökning för allmänheten.\n    system_owner: Registrator\n",
    )
    repo.write({"architecture/systems/arkiv.yaml": "    # Ägs av kommunledningsförvaltningen.\n" + moved})
    repo.commit("Beskriv diariet")
    code, after = check_json(repo, "--baseline", "main")
    [old_after] = by_principle(after)["clear-ownership"]
    assert old_after["line"] == old_before["line"] + 4  # it really moved
    assert old_after["new"] is False
    assert code == 1  # still blocked by the procurement, and only by it
    assert [f["subject"] for f in after["findings"] if f["new"]] == ["upph-bolagsekonomi"]


def test_a_second_identical_problem_is_new(repo):
    """Matching counts occurrences: copying the old violation is not hidden by the old one."""
    repo.write({
        "architecture/systems/arkiv-kopia.yaml": ARCHIVE_SYSTEMS.replace("arkivsystem", "arkivsystem-2")
        .replace("id: diarium", "id: diarium-2"),
        PROCUREMENT_FILE: None,
    })
    code, report = check_json(repo, "--baseline", "main")
    assert code == 1
    assert {(f["subject"], f["new"]) for f in report["findings"]} == {
        ("arkivsystem", False), ("arkivsystem-2", True),
    }


@pytest.mark.parametrize("format_name", ["sarif", "junit", "github"])
def test_every_ci_format_gives_the_same_exit_code(repo, format_name):
    completed = eacheck("check", "--as-of", AS_OF, "--baseline", "main", "--format", format_name,
                        cwd=repo.root)
    assert completed.returncode == 1, completed.stderr
    assert "upph-bolagsekonomi" in completed.stdout
    repo.write({EXCEPTION_FILE: EXCEPTION.format(expires="2027-06-30")})
    completed = eacheck("check", "--as-of", AS_OF, "--baseline", "main", "--format", format_name,
                        cwd=repo.root)
    assert completed.returncode == 0, completed.stdout


def test_an_exception_that_runs_out_does_not_block_an_unrelated_change(repo):
    repo.write({EXCEPTION_FILE: EXCEPTION.format(expires="2026-10-31")})
    repo.commit("Undantag, sedan länge utgånget")
    repo.git("checkout", "--quiet", "-b", "ny-formaga")
    repo.write({"architecture/capabilities-ny.yaml": "kind: capability\nid: e-handel\nname: E-handel\n"})
    repo.commit("Ny förmåga")
    code, report = check_json(repo, "--baseline", "ny-upphandling")
    assert code == 0
    found = by_principle(report)
    assert [f["new"] for f in found["shared-over-unique"]] == [False]
    assert [f["new"] for f in found["exception-expired"]] == [False]


def test_deleting_an_exception_makes_what_it_waived_new(repo):
    repo.write({EXCEPTION_FILE: EXCEPTION.format(expires="2027-06-30")})
    repo.commit("Beslutat undantag")
    repo.git("checkout", "--quiet", "-b", "utan-undantag")
    repo.write({EXCEPTION_FILE: None})
    code, report = check_json(repo, "--baseline", "ny-upphandling")
    assert code == 1
    assert [f["new"] for f in by_principle(report)["shared-over-unique"]] == [True]


# -- the ready-to-copy CI files --------------------------------------------------------------


def test_the_ci_files_are_valid_for_their_ci_servers():
    """Validated with the workflow schemas check-jsonschema ships (test extra)."""
    files = {"github-actions.yml": "vendor.github-workflows", "gitlab-ci.yml": "vendor.gitlab-ci",
             "github-pages.yml": "vendor.github-workflows", "gitlab-pages.yml": "vendor.gitlab-ci"}
    for name, schema in files.items():
        completed = subprocess.run(
            [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema,
             str(PROJECT_ROOT / "docs" / "ci" / name)],
            capture_output=True, text=True, check=False,
        )
        assert completed.returncode == 0, completed.stdout + completed.stderr


def test_the_ci_files_run_the_gate_against_the_target_branch():
    github = yaml.safe_load((PROJECT_ROOT / "docs/ci/github-actions.yml").read_text(encoding="utf-8"))
    assert github["permissions"]["security-events"] == "write"
    [job] = github["jobs"].values()
    steps = job["steps"]
    assert steps[0]["with"]["fetch-depth"] == 0
    runs = [step.get("run", "") for step in steps]
    assert any("--baseline" in run and "--format github" in run for run in runs)
    assert any("--format sarif > eacheck.sarif" in run for run in runs)
    assert job["env"]["BASELINE"] == "origin/${{ github.base_ref }}"
    assert any(step.get("uses", "").startswith("github/codeql-action/upload-sarif@") for step in steps)

    gitlab = yaml.safe_load((PROJECT_ROOT / "docs/ci/gitlab-ci.yml").read_text(encoding="utf-8"))
    [job] = gitlab.values()
    commands = "\n".join(job["before_script"] + job["script"])
    assert "git fetch" in commands and "$CI_MERGE_REQUEST_TARGET_BRANCH_NAME" in commands
    baseline = '--baseline "origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME"'
    assert f"{baseline} --format junit > eacheck-junit.xml" in commands
    assert job["artifacts"]["reports"]["junit"] == "eacheck-junit.xml"
    assert job["artifacts"]["when"] == "always"


def test_the_site_is_published_from_the_default_branch_only():
    github = yaml.safe_load((PROJECT_ROOT / "docs/ci/github-pages.yml").read_text(encoding="utf-8"))
    # the build runs code from a package index: it reads; only the publishing job may write
    assert github["permissions"] == {"contents": "read"}
    build, publish = github["jobs"]["build"], github["jobs"]["publish"]
    assert "permissions" not in build
    assert publish["permissions"] == {"pages": "write", "id-token": "write"}
    assert build["if"] == "${{ github.ref_name == github.event.repository.default_branch }}"
    assert "pull_request" not in github[True]  # YAML 1.1 reads the key `on` as true
    runs = [step.get("run", "") for step in build["steps"]]
    assert "eacheck site --history --out public" in runs
    [upload] = [step for step in build["steps"] if step.get("uses", "").startswith("actions/upload-pages-artifact@")]
    assert upload["with"]["path"] == "public"
    assert publish["needs"] == "build"
    assert publish["steps"][0]["uses"].startswith("actions/deploy-pages@")

    gitlab = yaml.safe_load((PROJECT_ROOT / "docs/ci/gitlab-pages.yml").read_text(encoding="utf-8"))
    job = gitlab["pages"]
    assert job["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
    assert "eacheck site --history --out public" in job["script"]
    assert job["artifacts"]["paths"] == ["public"]


def test_the_pre_commit_hooks_run_on_the_repository_once():
    hooks = {hook["id"]: hook for hook in yaml.safe_load(
        (PROJECT_ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    assert set(hooks) == {"eacheck-validate", "eacheck-check"}
    for hook_id, hook in hooks.items():
        assert hook["entry"] == "eacheck " + hook_id.removeprefix("eacheck-")
        assert hook["language"] == "python" and hook["pass_filenames"] is False
        files = re.compile(hook["files"])
        watched = ("architecture/systems/a.yaml", "principles/p.yaml", "eacheck.yaml")
        assert all(files.search(path) for path in watched)
        assert not any(files.search(path) for path in ("README.md", "docs/eacheck.yaml", "reports/q3.html"))


def test_a_baseline_from_before_eacheck_counts_every_finding_as_new(tmp_path):
    """The pull request that introduces eacheck compares with a revision without architecture/."""
    import json
    import subprocess
    import sys

    root = tmp_path / "repo"
    root.mkdir()
    git = ["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q", "-b", "main"], check=True)
    (root / "README.md").write_text("before eacheck\n")
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "start"], check=True)
    (root / "architecture").mkdir()
    (root / "architecture" / "org.yaml").write_text(
        "kind: organization\nid: ks\nname: KS\ntype: administration\n---\n"
        "kind: capability\nid: hr\nname: HR\n---\n"
        "kind: system\nid: hr-system\nname: HR\nowner: ks\ncapabilities: [hr]\nlifecycle: {status: active}\n"
    )
    result = subprocess.run(
        [sys.executable, "-m", "eacheck", "check", str(root), "--baseline", "main", "--format", "json",
         "--fail-on", "warning", "--as-of", "2026-11-27"],
        capture_output=True, text=True,
    )
    assert result.returncode == 1, result.stderr
    findings = json.loads(result.stdout)["findings"]
    assert findings and all(finding["new"] for finding in findings)


# -- the first commit, and shallow clones ---------------------------------------------------


def test_head_before_the_first_commit_is_an_empty_landscape(tmp_path):
    """The pre-commit hook `init` writes runs `--baseline HEAD` on the commit that starts the
    repository, when HEAD names a branch with no commit yet: everything counts as new."""
    repository = GitRepository(tmp_path / "ny")
    repository.write({**BASE_LANDSCAPE, PROCUREMENT_FILE: PROCUREMENT,
                      "principles/shared-over-unique.yaml": PRINCIPLE.format(id="shared-over-unique")})
    repository.git("add", "--all")  # staged, as during `git commit`, but nothing committed
    code, report = check_json(repository, "--baseline", "HEAD")
    assert code == 1
    [finding] = report["findings"]
    assert (finding["principle"], finding["subject"], finding["new"]) == (
        "shared-over-unique", "upph-bolagsekonomi", True)
    completed = eacheck("check", "--as-of", AS_OF, "--baseline", "HEAD", "--lang", "en", cwd=repository.root)
    assert "1 new since HEAD" in completed.stdout
    # Only HEAD is read that way: any other name for a commit that does not exist is an error.
    completed = eacheck("check", "--as-of", AS_OF, "--baseline", "main", "--lang", "en", cwd=repository.root)
    assert completed.returncode == 2
    assert "main: no such git revision" in completed.stderr


def test_head_before_the_first_commit_of_a_clean_landscape_passes(tmp_path):
    repository = GitRepository(tmp_path / "ny")
    repository.write(BASE_LANDSCAPE)
    code, report = check_json(repository, "--baseline", "HEAD")
    assert code == 0 and report["findings"] == []


def test_a_missing_baseline_in_a_shallow_clone_says_how_to_fetch_it(repo, tmp_path):
    """`git clone --depth 1` of the branch, as CI systems clone: the target branch is not there."""
    clone = tmp_path / "ci-clone"
    completed = subprocess.run(
        ["git", "clone", "--quiet", "--depth", "1", "--branch", "ny-upphandling",
         f"file://{repo.root}", str(clone)],
        env={**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"},
        capture_output=True, text=True, check=False,
    )
    assert completed.returncode == 0, completed.stderr
    gate = eacheck("check", "--as-of", AS_OF, "--baseline", "origin/main", cwd=clone)
    assert gate.returncode == 2
    message = gate.stderr  # in Swedish: the repository sets no language
    assert "origin/main: revisionen finns inte i git-förrådet '.'. Det här är en grund klon" in message
    assert "grund klon" in message and "fetch-depth: 0" in message
    fetch = re.search(r"`(git fetch [^`]+)`", message).group(1)
    assert fetch == "git fetch --depth=1 origin main:refs/remotes/origin/main"

    # The fetch the message gives is enough: the gate then works in the same shallow clone.
    subprocess.run(fetch.split(), cwd=clone, check=True, capture_output=True,
                   env={**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"})
    gate = eacheck("check", "--as-of", AS_OF, "--baseline", "origin/main", "--format", "json", cwd=clone)
    assert gate.returncode == 1, gate.stderr
    assert [f["subject"] for f in json.loads(gate.stdout)["findings"] if f["new"]] == ["upph-bolagsekonomi"]


def test_a_missing_revision_in_a_full_clone_says_to_check_the_name(repo):
    completed = eacheck("check", "--as-of", AS_OF, "--baseline", "origin/main", "--lang", "en", cwd=repo.root)
    assert completed.returncode == 2
    assert "no such git revision" in completed.stderr and "shallow" not in completed.stderr
    assert "git branch --all" in completed.stderr
