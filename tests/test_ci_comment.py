"""The CI templates post the pull-request comment and update the same one on every push
(issue #14): the very scripts of the templates, run against stand-ins for GitHub's `gh` (with
the real jq doing what `--jq` does) and for GitLab's notes API (a local HTTP server), on a real
git repository with the installed eacheck."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
import yaml

from conftest import PROJECT_ROOT
from gitrepo import GIT_ENV, example_with_new_procurement

MARKER = "<!-- eacheck:pull-request-comment -->"
WORKFLOWS = [
    PROJECT_ROOT / "docs/ci/github-actions.yml",
    PROJECT_ROOT / "eacheck/defaults/init/sv/dot-github/workflows/eacheck.yml",
    PROJECT_ROOT / "eacheck/defaults/init/en/dot-github/workflows/eacheck.yml",
]

FAKE_GH = '''\
#!{python}
"""A stand-in for `gh api`: comments kept in a JSON file, --jq done by the real jq."""
import json, os, subprocess, sys
state_file = os.environ["FAKE_GH_STATE"]
state = json.load(open(state_file))
assert os.environ.get("GH_TOKEN"), "gh needs GH_TOKEN"
args = sys.argv[1:]
assert args.pop(0) == "api"
method, path, jq, body = "GET", None, None, None
while args:
    arg = args.pop(0)
    if arg == "--method":
        method = args.pop(0)
    elif arg == "--jq":
        jq = args.pop(0)
    elif arg == "-F":
        name, _, value = args.pop(0).partition("=")
        assert name == "body" and value.startswith("@")
        body = open(value[1:], encoding="utf-8").read()
    elif arg == "--paginate":
        pass
    else:
        path = arg
state["calls"].append([method, path])
if method == "GET":
    assert path.endswith("/comments")
    output = json.dumps(state["comments"])
    if jq:
        output = subprocess.run(["jq", "-r", jq], input=output, capture_output=True, text=True, check=True).stdout
    sys.stdout.write(output)
elif method == "POST":
    state["comments"].append({{"id": state["next"], "body": body, "user": {{"login": "github-actions[bot]"}}}})
    state["next"] += 1
elif method == "PATCH":
    comment_id = int(path.rsplit("/", 1)[1])
    [comment] = [c for c in state["comments"] if c["id"] == comment_id]
    comment["body"] = body
json.dump(state, open(state_file, "w"))
'''


def _step(workflow: Path) -> dict:
    (job,) = yaml.safe_load(workflow.read_text(encoding="utf-8"))["jobs"].values()
    [step] = [step for step in job["steps"] if "--format markdown" in step.get("run", "")]
    return step


def test_every_workflow_is_valid_and_may_comment():
    """Valid against the workflow schema check-jsonschema ships; allowed to write a comment."""
    completed = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows",
         *map(str, WORKFLOWS)], capture_output=True, text=True, check=False)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    for workflow in WORKFLOWS:
        document = yaml.safe_load(workflow.read_text(encoding="utf-8"))
        assert document["permissions"]["pull-requests"] == "write", workflow
        step = _step(workflow)
        assert step["if"] == "${{ !cancelled() }}"  # also when the check step failed the job
        assert step["env"]["GH_TOKEN"] == "${{ github.token }}"
        assert '"$GITHUB_STEP_SUMMARY"' in step["run"] and MARKER in step["run"]
        assert "github.event.pull_request.head.sha" in step["env"]["EACHECK_LINK_BASE"]


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        if os.environ.get("EACHECK_REQUIRE_TOOLS"):
            pytest.fail(f"{name} is not installed (scripts/install-test-tools.sh installs it)")
        pytest.skip(f"{name} is not installed")
    return found


def _fake_gh(tmp_path: Path, comments: list[dict]) -> tuple[Path, Path]:
    """A `gh` in a folder of its own (to put first on PATH) that keeps the pull request's
    comments, starting with ``comments``, and every call in a JSON file: (folder, that file)."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "gh"
    fake.write_text(FAKE_GH.format(python=sys.executable), encoding="utf-8")
    fake.chmod(0o755)
    state = tmp_path / "gh.json"
    state.write_text(json.dumps({"comments": comments, "next": 100, "calls": []}))
    return bin_dir, state


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda path: path.parent.parent.parent.name)
def test_the_github_step_posts_one_comment_and_updates_it_on_every_push(workflow, tmp_path):
    _tool("jq")
    repo = example_with_new_procurement(tmp_path / "repo")
    # Somebody else's comments first, one quoting eacheck's marker: both must be left alone.
    people = [{"id": 7, "body": "Ser bra ut!", "user": {"login": "anna"}},
              {"id": 8, "body": f"{MARKER}\nSå här såg det ut igår", "user": {"login": "bertil"}}]
    bin_dir, state = _fake_gh(tmp_path, people)
    summary = tmp_path / "summary.md"
    step = _step(workflow)
    env = {
        **GIT_ENV,
        "PATH": f"{bin_dir}{os.pathsep}{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        "BASELINE": "main", "GITHUB_STEP_SUMMARY": str(summary), "GITHUB_REPOSITORY": "kustlunda/arkitektur",
        "GH_TOKEN": "token", "PULL_REQUEST": "12", "FAKE_GH_STATE": str(state),
        "EACHECK_LINK_BASE": "https://github.com/kustlunda/arkitektur/blob/abc123",
    }

    def push() -> dict:
        completed = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=repo.root, env=env,
                                   capture_output=True, text=True, check=False)
        assert completed.returncode == 0, completed.stdout + completed.stderr
        assert "::warning::" not in completed.stdout
        return json.loads(state.read_text())

    first = push()
    assert [c["id"] for c in first["comments"]] == [7, 8, 100]
    comment = first["comments"][2]["body"]
    assert comment.startswith(MARKER) and "upph-ny" in comment
    assert "](https://github.com/kustlunda/arkitektur/blob/abc123/architecture/procurements/upph-ny.yaml#L" in comment
    assert summary.read_text(encoding="utf-8") == comment

    # The next push: the same comment, updated; nothing new posted.
    repo.write({"architecture/procurements/upph-ny.yaml": None})
    second = push()
    assert [c["id"] for c in second["comments"]] == [7, 8, 100]
    assert second["comments"][:2] == people
    assert "upph-ny" not in second["comments"][2]["body"] and second["comments"][2]["body"].startswith(MARKER)
    assert [call[0] for call in second["calls"]] == ["GET", "POST", "GET", "PATCH"]
    assert second["calls"][3][1] == "repos/kustlunda/arkitektur/issues/comments/100"


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda path: path.parent.parent.parent.name)
def test_a_comment_file_committed_as_a_link_is_neither_written_through_nor_posted(workflow, tmp_path):
    """A pull request that commits eacheck-comment.md as a link: the shell's `>` wrote through
    it (as root, over any file), and where it could not, `|| [ $? -eq 1 ]` took the failed
    redirection for findings and the step posted the file the link pointed at (a link to
    /proc/self/environ posted the token)."""
    _tool("jq")
    repo = example_with_new_procurement(tmp_path / "repo")
    secret = tmp_path / "hemligt.txt"
    secret.write_text("GH_TOKEN=hemlig\n", encoding="utf-8")
    (repo.root / "eacheck-comment.md").symlink_to(secret)
    bin_dir, state = _fake_gh(tmp_path, [])
    summary = tmp_path / "summary.md"
    env = {
        **GIT_ENV,
        "PATH": f"{bin_dir}{os.pathsep}{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        "BASELINE": "main", "GITHUB_STEP_SUMMARY": str(summary), "GITHUB_REPOSITORY": "kustlunda/arkitektur",
        "GH_TOKEN": "token", "PULL_REQUEST": "12", "FAKE_GH_STATE": str(state),
    }
    completed = subprocess.run(["bash", "-e", "-c", _step(workflow)["run"]], cwd=repo.root, env=env,
                               capture_output=True, text=True, check=False)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert secret.read_text(encoding="utf-8") == "GH_TOKEN=hemlig\n"
    [comment] = json.loads(state.read_text())["comments"]
    assert comment["body"].startswith(MARKER) and "hemlig" not in comment["body"]
    assert "hemlig" not in summary.read_text(encoding="utf-8")


def test_the_gitlab_job_removes_committed_files_of_its_output_names_before_writing_them():
    job, _ = _gitlab_script()
    script = job["script"]
    first_write = next(index for index, command in enumerate(script) if "> eacheck-" in command)
    assert "rm -f eacheck-junit.xml eacheck-comment.md" in script[:first_write]


def test_the_gitlab_note_script_never_imports_the_merge_requests_files(tmp_path):
    """The note script runs in the clone of the merge request, with the token in its
    environment: `python3 -` put the clone first on the import path, so a committed json.py ran
    in its place."""
    _, script = _gitlab_script()
    (tmp_path / "json.py").write_text("open('pwned', 'w').write('ran')\nraise SystemExit(3)\n", encoding="utf-8")
    (tmp_path / "eacheck-comment.md").write_text(f"{MARKER}\n", encoding="utf-8")
    env = {key: value for key, value in os.environ.items() if key != "EACHECK_GITLAB_TOKEN"}
    done = subprocess.run(["bash", "-e", "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "EACHECK_GITLAB_TOKEN is not set" in done.stdout
    assert not (tmp_path / "pwned").exists()


BOT = 77  # the user of the project access token


class _Notes(BaseHTTPRequestHandler):
    """GitLab's merge request notes API, as much as the template uses, two notes a page."""

    notes: list[dict] = []
    calls: list[tuple[str, str]] = []

    def _answer(self, status: int, payload, next_page: str = "") -> None:
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("X-Next-Page", next_page)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _authorized(self) -> bool:
        if self.headers.get("PRIVATE-TOKEN") != "glpat-test":
            self._answer(401, {"message": "401 Unauthorized"})
            return False
        return True

    def do_GET(self):  # noqa: N802 (the name http.server calls)
        if not self._authorized():
            return
        url = urlparse(self.path)
        if url.path == "/api/v4/user":  # the token's own user
            self.calls.append(("GET", "user"))
            self._answer(200, {"id": BOT, "username": "project_42_bot"})
            return
        assert url.path == "/api/v4/projects/42/merge_requests/7/notes"
        page = int(parse_qs(url.query)["page"][0])
        self.calls.append(("GET", str(page)))
        chunk = self.notes[(page - 1) * 2: page * 2]
        self._answer(200, chunk, str(page + 1) if page * 2 < len(self.notes) else "")

    def _body(self) -> str:
        return json.loads(self.rfile.read(int(self.headers["Content-Length"])))["body"]

    def do_POST(self):  # noqa: N802
        if self._authorized():
            self.calls.append(("POST", ""))
            self.notes.append({"id": 100 + len(self.notes), "body": self._body(), "author": {"id": BOT},
                               "system": False})
            self._answer(201, self.notes[-1])

    def do_PUT(self):  # noqa: N802
        if self._authorized():
            note_id = int(self.path.rsplit("/", 1)[1])
            self.calls.append(("PUT", str(note_id)))
            [note] = [n for n in self.notes if n["id"] == note_id]
            note["body"] = self._body()
            self._answer(200, note)

    def log_message(self, *args):
        pass


@pytest.fixture
def gitlab():
    # People's notes, one quoting eacheck's marker, and a system note by the bot: never eacheck's note.
    _Notes.notes = [{"id": 1, "body": "Första", "author": {"id": 5}},
                    {"id": 2, "body": f"{MARKER}\nCiterat av en person", "author": {"id": 6}},
                    {"id": 3, "body": f"{MARKER}\nändrade beskrivningen", "author": {"id": BOT}, "system": True}]
    _Notes.calls = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Notes)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/api/v4"
    server.shutdown()
    server.server_close()


def _gitlab_script() -> tuple[dict, str]:
    job = yaml.safe_load((PROJECT_ROOT / "docs/ci/gitlab-ci.yml").read_text(encoding="utf-8"))["eacheck"]
    [note] = [command for command in job["script"] if "merge_requests" in command]
    return job, note


def test_the_gitlab_job_is_valid_and_writes_one_note_it_updates_on_every_push(gitlab, tmp_path):
    job, script = _gitlab_script()
    commands = "\n".join(job["script"])
    assert "--format markdown > eacheck-comment.md" in commands
    assert job["variables"]["EACHECK_LINK_BASE"] == "$CI_PROJECT_URL/-/blob/$CI_COMMIT_SHA"
    completed = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.gitlab-ci",
                                str(PROJECT_ROOT / "docs/ci/gitlab-ci.yml")], capture_output=True, text=True)
    assert completed.returncode == 0, completed.stdout + completed.stderr

    env = {**os.environ, "CI_API_V4_URL": gitlab, "CI_PROJECT_ID": "42", "CI_MERGE_REQUEST_IID": "7",
           "EACHECK_GITLAB_TOKEN": "glpat-test"}

    def push(text: str) -> None:
        (tmp_path / "eacheck-comment.md").write_text(text, encoding="utf-8")
        done = subprocess.run(["bash", "-e", "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True)
        assert done.returncode == 0, done.stdout + done.stderr

    people = [dict(note) for note in _Notes.notes]
    push(f"{MARKER}\nFörsta versionen\n")
    assert [note["id"] for note in _Notes.notes] == [1, 2, 3, 103]
    push(f"{MARKER}\nAndra versionen\n")
    assert [note["id"] for note in _Notes.notes] == [1, 2, 3, 103]  # updated, not added
    assert _Notes.notes[3]["body"] == f"{MARKER}\nAndra versionen\n"
    assert _Notes.notes[:3] == people
    # the second push read both pages to find the note on the second
    assert _Notes.calls == [("GET", "user"), ("GET", "1"), ("GET", "2"), ("POST", ""),
                            ("GET", "user"), ("GET", "1"), ("GET", "2"), ("PUT", "103")]


def test_without_a_token_the_gitlab_job_skips_the_note_and_says_so(gitlab, tmp_path):
    _, script = _gitlab_script()
    (tmp_path / "eacheck-comment.md").write_text(f"{MARKER}\n", encoding="utf-8")
    env = {key: value for key, value in os.environ.items() if key != "EACHECK_GITLAB_TOKEN"}
    done = subprocess.run(["bash", "-e", "-c", script], cwd=tmp_path, capture_output=True, text=True,
                          env={**env, "CI_API_V4_URL": gitlab, "CI_PROJECT_ID": "42", "CI_MERGE_REQUEST_IID": "7"})
    assert done.returncode == 0
    assert "EACHECK_GITLAB_TOKEN is not set" in done.stdout
    assert _Notes.calls == []


def test_a_wrong_token_fails_the_gitlab_job(gitlab, tmp_path):
    _, script = _gitlab_script()
    (tmp_path / "eacheck-comment.md").write_text(f"{MARKER}\n", encoding="utf-8")
    done = subprocess.run(["bash", "-e", "-c", script], cwd=tmp_path, capture_output=True, text=True,
                          env={**os.environ, "CI_API_V4_URL": gitlab, "CI_PROJECT_ID": "42",
                               "CI_MERGE_REQUEST_IID": "7", "EACHECK_GITLAB_TOKEN": "wrong"})
    assert done.returncode != 0 and "401" in done.stderr



def test_the_example_comment_in_the_docs_is_what_eacheck_writes():
    """docs/ci.md shows a comment generated from the example group (`make docs`), never a
    hand-written one that could drift from what eacheck says."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("generate_ci_example", PROJECT_ROOT / "scripts/generate-ci-example.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for target, text in module.rendered().items():
        assert target.read_text(encoding="utf-8") == text, (
            f"{target} is out of date; regenerate it with: python scripts/generate-ci-example.py")
    assert "| Lön | newly duplicated | Lönesystem Hamnen |" in (PROJECT_ROOT / "docs/ci.md").read_text(encoding="utf-8")
