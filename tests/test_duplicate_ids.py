"""A repeated id is reported on every document that uses it, each pointing at the others' `id:`
lines, so that a pull request's annotation lands on the file it changed."""

from __future__ import annotations

import json

from conftest import BASE_LANDSCAPE
from gitrepo import GitRepository, eacheck

# The id sits below a comment and the kind, so `id:` lines differ from document starts.
FIRST = "# Arkivet\nkind: capability\nid: arkiv\nname: Arkiv\n"
SECOND = "kind: organization\nid: stadsarkiv\nname: Stadsarkivet\ntype: administration\n---\n" \
         "kind: system\n# ett andra system\nid: arkiv\nname: Arkivsystem\nowner: ks\n" \
         "capabilities: [ekonomi]\nlifecycle: {status: active}\n"
THIRD = "kind: organization\nid: arkiv\nname: Arkivet\ntype: administration\n"


def _schema_findings(run, root) -> list[dict]:
    result = run("validate", root, "--format", "json")
    assert result.exit_code == 1, result.output
    return [f for f in json.loads(result.stdout)["findings"] if "also used by" in f["message"]]


def test_every_use_of_a_repeated_id_is_reported_with_the_others_id_lines(repository, run):
    root = repository({"architecture/a.yaml": FIRST, "architecture/b.yaml": SECOND,
                       "architecture/c.yaml": THIRD})
    findings = _schema_findings(run, root)
    assert [(f["file"], f["line"], f["kind"], f["subject"]) for f in findings] == [
        ("architecture/a.yaml", 3, "capability", "arkiv"),
        ("architecture/b.yaml", 8, "system", "arkiv"),
        ("architecture/c.yaml", 2, "organization", "arkiv"),
    ]
    messages = {f["file"]: f["message"] for f in findings}
    assert messages["architecture/a.yaml"].startswith(
        "the id 'arkiv' is also used by a system in architecture/b.yaml:8 and an organization in "
        "architecture/c.yaml:2; ids must be unique across all kinds")
    assert "a capability in architecture/a.yaml:3 and an organization in architecture/c.yaml:2" \
        in messages["architecture/b.yaml"]
    assert "a capability in architecture/a.yaml:3 and a system in architecture/b.yaml:8" \
        in messages["architecture/c.yaml"]


def test_a_pull_request_that_repeats_an_id_is_annotated_on_the_files_involved(tmp_path):
    """The new file sorts after the old one; both get a new finding, the untouched one too,
    since the pull request made its id ambiguous."""
    repo = GitRepository(tmp_path / "repo")
    repo.write({**BASE_LANDSCAPE, "architecture/a.yaml": FIRST})
    repo.commit("Arkiv")
    repo.write({"architecture/z.yaml": THIRD})
    completed = eacheck("check", "--baseline", "HEAD", "--format", "github", "--as-of", "2026-11-27",
                        cwd=repo.root)
    assert completed.returncode == 1, completed.stderr
    errors = [line for line in completed.stdout.splitlines() if line.startswith("::error ")]
    assert any("file=architecture/z.yaml,line=2," in line for line in errors)
    assert any("file=architecture/a.yaml,line=3," in line and "architecture/z.yaml:2" in line for line in errors)
