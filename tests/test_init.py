"""`eacheck init`: a new repository that works from the first command, and never overwrites."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import PROJECT_ROOT
from gitrepo import GIT_ENV, GitRepository, eacheck

from eacheck import __version__

DISTRIBUTION = "eacheck-kommun"  # the name on PyPI; tests/test_packaging.py holds pyproject to it

AS_OF_DATES = ("2026-11-27", "2027-12-31", "2028-12-31")
KINDS = ("organization", "capability", "system", "integration", "procurement", "exception")


@pytest.fixture(params=["sv", "en"])
def started(request, tmp_path, run) -> tuple[Path, str]:
    root = tmp_path / "landskap"  # does not exist yet: init creates it
    result = run("init", root, "--lang", request.param)
    assert result.exit_code == 0, result.output
    return root, request.param


def _documents(path: Path) -> list[dict]:
    return [document for document in yaml.safe_load_all(path.read_text(encoding="utf-8")) if document]


def test_init_writes_every_part_of_a_repository(started):
    root, lang = started
    for relative in (
        "eacheck.yaml", "README.md", ".github/CODEOWNERS", ".github/workflows/eacheck.yml",
        ".pre-commit-config.yaml", ".vscode/settings.json", ".vscode/extensions.json",
        ".eacheck/schemas/entity.schema.json", ".eacheck/schemas/principle.schema.json",
        ".eacheck/schemas/settings.schema.json",
    ):
        assert (root / relative).is_file(), relative
    shipped = sorted(p.name for p in (PROJECT_ROOT / "eacheck/defaults/principles").glob("*.yaml"))
    assert sorted(p.name for p in (root / "principles").glob("*.yaml")) == shipped
    settings = yaml.safe_load((root / "eacheck.yaml").read_text(encoding="utf-8"))
    assert settings["language"] == lang and settings["currency"] == "SEK"
    assert "targets:" in (root / "eacheck.yaml").read_text(encoding="utf-8")  # commented example

    kinds = [document["kind"] for path in (root / "architecture").rglob("*.yaml") for document in _documents(path)]
    assert sorted(set(kinds)) == sorted(KINDS)
    organizations = [d for d in _documents(root / "architecture/organizations.yaml")]
    assert {"administration", "company", "holding"} <= {o["type"] for o in organizations}
    procurement = _documents(next((root / "architecture/procurements").glob("*.yaml")))[0]
    assert procurement["effect_goals"] and procurement["alternatives_considered"]
    # systems live in the folder of their owner, as docs/format.md recommends
    for path in (root / "architecture/systems").rglob("*.yaml"):
        assert _documents(path)[0]["owner"] == path.parent.name

    readme = (root / "README.md").read_text(encoding="utf-8")
    assert ("Så ändrar du" if lang == "sv" else "How to make a change") in readme
    for command in ("eacheck validate", "eacheck check", "eacheck report", "eacheck new"):
        assert command in readme


def test_the_new_repository_validates_checks_and_reports(started, run):
    root, _ = started
    validated = run("validate", root)
    assert validated.exit_code == 0, validated.output
    for as_of in AS_OF_DATES:
        checked = run("check", root, "--as-of", as_of, "--format", "json")
        assert checked.exit_code == 0, checked.output
        summary = json.loads(checked.stdout)["summary"]
        # The example exception waives a real finding: a direct integration between owners.
        assert summary == {"error": 0, "warning": 0, "info": 0, "waived": 1}, as_of
    reported = run("report", root, "--format", "json", "--out", "-", "--as-of", AS_OF_DATES[0])
    assert reported.exit_code == 0, reported.output
    figures = json.loads(reported.stdout)["shared_use"]
    assert figures["active_systems"] == 2 and figures["shared_systems"] == 1
    html = run("report", root, "--as-of", AS_OF_DATES[0])
    assert html.exit_code == 0, html.output
    assert any((root / "reports").iterdir())


def test_the_example_exception_is_what_keeps_the_check_clean(started, run):
    root, _ = started
    for path in (root / "architecture/exceptions").glob("*.yaml"):
        path.unlink()
    checked = run("check", root, "--as-of", AS_OF_DATES[0], "--format", "json")
    findings = json.loads(checked.stdout)["findings"]
    assert [(f["principle"], f["kind"]) for f in findings] == [("integration-platform", "integration")]


def _check_jsonschema() -> str:
    beside_python = Path(sys.executable).parent / "check-jsonschema"
    found = str(beside_python) if beside_python.exists() else shutil.which("check-jsonschema")
    if found is None:
        pytest.fail("check-jsonschema is missing; install the test extra: pip install -e '.[test]'")
    return found


def _check_jsonschema_run(schema: Path, files: list[Path]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [_check_jsonschema(), "--schemafile", str(schema), *map(str, files)],
        capture_output=True, text=True, check=False,
    )


def _single_documents(path: Path, folder: Path) -> list[Path]:
    """check-jsonschema reads one document per file, as an editor checks each document alone."""
    text = path.read_text(encoding="utf-8")
    parts, current = [], []
    for line in text.splitlines(keepends=True):
        if line.rstrip() == "---":
            parts.append("".join(current))
            current = []
        else:
            current.append(line)
    parts.append("".join(current))
    written = []
    for number, part in enumerate(parts):
        target = folder / f"{path.stem}-{number}.yaml"
        target.write_text(part, encoding="utf-8")
        written.append(target)
    return written


def test_check_jsonschema_accepts_every_example_against_the_written_schemas(started, tmp_path):
    root, _ = started
    schemas = root / ".eacheck/schemas"
    split = tmp_path / "documents"
    split.mkdir()
    documents = [
        document
        for path in sorted((root / "architecture").rglob("*.yaml"))
        for document in _single_documents(path, split)
    ]
    assert len(documents) >= 9
    for schema, files in (
        ("entity", documents),
        ("principle", sorted((root / "principles").glob("*.yaml"))),
        ("settings", [root / "eacheck.yaml"]),
    ):
        completed = _check_jsonschema_run(schemas / f"{schema}.schema.json", files)
        assert completed.returncode == 0, completed.stdout + completed.stderr


@pytest.mark.parametrize(
    ("schema", "text", "complaint"),
    [
        ("entity", "kind: system\nid: x\nname: X\nowner: a\ncapabilities: [b]\n"
                   "lifecycle: {status: active}\nsytem_owner: Someone\n", "sytem_owner"),
        ("entity", "kind: organization\nid: a\nname: A\ntype: company\ncapabilities: [b]\n",
         "capabilities"),
        ("entity", "kind: application\nid: a\nname: A\n", "application"),
        ("entity", "kind: integration\nid: a\nfrom: b\nto: c\ndata: {personal: none}\n", "personal"),
        ("settings", "name: Koncernen\nlangauge: sv\n", "langauge"),
        ("principle", "kind: principle\nid: p\ntitle: T\nstatement: S\nrationale: R\n"
                      "implications: I\ncheck: lifecycle\nparams: {contract_month: 6}\n", "contract_month"),
    ],
)
def test_the_written_schemas_are_closed(tmp_path, schema, text, complaint):
    from eacheck.scaffold.editor_schemas import write_schemas

    folder = write_schemas(tmp_path / "schemas", "en")[0].parent
    document = tmp_path / "document.yaml"
    document.write_text(text, encoding="utf-8")
    completed = _check_jsonschema_run(folder / f"{schema}.schema.json", [document])
    assert completed.returncode == 1, completed.stdout
    assert complaint in completed.stdout + completed.stderr


def test_editor_settings_point_at_the_written_schemas(started):
    root, _ = started
    settings = json.loads((root / ".vscode/settings.json").read_text(encoding="utf-8"))
    globs = {}
    for schema, patterns in settings["yaml.schemas"].items():
        assert (root / schema).is_file(), schema
        globs[Path(schema).name] = patterns
    assert "architecture/**/*.yaml" in globs["entity.schema.json"]
    assert "principles/**/*.yaml" in globs["principle.schema.json"]
    assert globs["settings.schema.json"] == ["eacheck.yaml"]
    assert settings["yaml.yamlVersion"] == "1.2"  # as eacheck reads: NO stays Norway
    extensions = json.loads((root / ".vscode/extensions.json").read_text(encoding="utf-8"))
    assert "redhat.vscode-yaml" in extensions["recommendations"]


def test_ci_and_pre_commit_run_the_installed_version_against_the_target_branch(started):
    root, _ = started
    workflow = yaml.safe_load((root / ".github/workflows/eacheck.yml").read_text(encoding="utf-8"))
    assert list(workflow[True]) == ["pull_request"]  # PyYAML reads the key `on` as true
    (job,) = workflow["jobs"].values()
    steps = job["steps"]
    checkout = next(step for step in steps if step.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0
    commands = "\n".join(step.get("run", "") for step in steps)
    assert f'pip install "{DISTRIBUTION}=={__version__}"' in commands
    assert job["env"]["BASELINE"] == "origin/${{ github.base_ref }}"
    assert 'eacheck check --baseline "$BASELINE" --format github' in commands

    config = yaml.safe_load((root / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    (repository,) = config["repos"]
    assert repository["repo"] == "local" and "rev" not in repository  # no tag that must exist
    hooks = {hook["id"]: hook for hook in repository["hooks"]}
    assert list(hooks) == ["eacheck-validate", "eacheck-check"]
    assert hooks["eacheck-check"]["entry"] == "eacheck check --baseline HEAD"
    defined = {hook["id"]: hook for hook in yaml.safe_load((PROJECT_ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    for hook_id, hook in hooks.items():  # the same hooks as the ones this project publishes
        assert hook["files"] == defined[hook_id]["files"]
        assert hook["language"] == "system" and hook["pass_filenames"] is False
    assert "VERSION" not in (root / ".github/workflows/eacheck.yml").read_text(encoding="utf-8")


# The actions the written workflow uses, each at a tag verified to exist in the action's own
# repository (actions/checkout and actions/setup-python both tag v6). A new one must be
# verified the same way before it is added here.
VERIFIED_ACTIONS = {"actions/checkout@v6", "actions/setup-python@v6"}
# Addresses the written files may name: documentation that exists, and JSON Schema's own.
REAL_ADDRESSES = {"https://pre-commit.com"}


def _eacheck_parses(argv: list[str]) -> None:
    """``argv`` (after `eacheck`) names a command and options that exist, or click says why."""
    import click

    from eacheck.cli import main

    context = click.Context(main, info_name="eacheck")
    command, arguments = main.get_command(context, argv[0]), argv[1:]
    assert command is not None, f"no command eacheck {argv[0]}"
    if isinstance(command, click.Group):  # `eacheck new system ...`
        command, arguments = command.get_command(context, arguments[0]), arguments[1:]
    command.make_context(command.name, list(arguments), parent=context)


def _eacheck_commands(text: str, variables: dict[str, str]) -> list[list[str]]:
    """Every `eacheck ...` command line in ``text``, shell words with ``variables`` filled in."""
    import shlex

    found = []
    for line in text.splitlines():
        line = line.split(" # ")[0].strip().removeprefix("run:").strip().removeprefix("- ").strip()
        if not line.startswith("eacheck "):
            continue
        for name, value in variables.items():
            line = line.replace(f'"${name}"', value)
        line = re.sub(r"<[^>]*>", "PLACEHOLDER", line)  # `--compare-to <last quarter's commit>`
        words = shlex.split(line.split(" > ")[0].split(" || ")[0])
        found.append(words[1:])
    return found


def test_every_file_init_writes_refers_only_to_what_exists(started):
    """No tag, release, address, command, option or file that is not there (issue #11)."""
    root, _ = started
    written = {path.relative_to(root).as_posix(): path for path in root.rglob("*") if path.is_file()}

    config = yaml.safe_load(written[".pre-commit-config.yaml"].read_text(encoding="utf-8"))
    for repository in config["repos"]:
        assert repository["repo"] == "local", "a remote hook needs a rev that exists"
        for hook in repository["hooks"]:
            import shlex

            program, *arguments = shlex.split(hook["entry"])
            assert program == "eacheck"
            _eacheck_parses(arguments)

    workflow_text = written[".github/workflows/eacheck.yml"].read_text(encoding="utf-8")
    workflow = yaml.safe_load(workflow_text)
    (job,) = workflow["jobs"].values()
    assert {step["uses"] for step in job["steps"] if "uses" in step} <= VERIFIED_ACTIONS
    runs = "\n".join(step.get("run", "") for step in job["steps"])
    [install] = [line for line in runs.splitlines() if "pip install" in line]
    assert install.strip() == f'pip install "{DISTRIBUTION}=={__version__}"'
    commands = _eacheck_commands(runs, {"BASELINE": "origin/main"})
    assert commands
    for argv in commands:
        _eacheck_parses(argv)
    assert "@v" not in workflow_text.replace("actions/checkout@v6", "").replace("actions/setup-python@v6", "")

    for relative, path in written.items():
        if relative.startswith(".eacheck/schemas/"):
            continue  # schema ids ($id) name no place to fetch
        text = path.read_text(encoding="utf-8")
        for address in re.findall(r"https?://[^\s)\"'>`]+", text):
            assert address in REAL_ADDRESSES or "<" in address, (relative, address)
        if relative.endswith(".md"):
            for block in re.findall(r"```sh\n(.*?)```", text, flags=re.DOTALL):
                for argv in _eacheck_commands(block, {}):
                    _eacheck_parses(argv)
            for named in re.findall(r"`(\.?[\w.-]+/[\w./-]*|\.[\w.-]+)`", text):
                if named.startswith(("reports/", "architecture/", "principles/")) or named.count("/") > 3:
                    continue  # made later, or a layout pattern
                assert named.rstrip("/") in written or any(p.startswith(named) for p in written), (relative, named)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_pre_commit_hooks_init_writes_block_only_what_a_commit_introduces(tmp_path, lang):
    """Real pre-commit, real commits: the first commit (no HEAD yet) and old debt pass; a new
    problem stops the commit and says where it is."""
    import os

    pre_commit = Path(sys.executable).parent / "pre-commit"
    if not pre_commit.exists():
        pytest.fail("pre-commit is missing; install the test extra: pip install -e '.[test]'")
    repo = GitRepository(tmp_path / "landskap")
    environment = {
        **GIT_ENV,
        # `language: system` runs the eacheck on the PATH: this one.
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{GIT_ENV.get('PATH', '')}",
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
    }
    assert eacheck("init", ".", "--lang", lang, cwd=repo.root).returncode == 0
    subprocess.run([str(pre_commit), "install"], cwd=repo.root, env=environment, check=True,
                   capture_output=True)

    def commit(message: str) -> subprocess.CompletedProcess:
        repo.git("add", "--all")
        return subprocess.run(
            ["git", "-c", "user.name=Arkitekt", "-c", "user.email=arkitekt@example.org",
             "-c", "commit.gpgsign=false", "commit", "-m", message],
            cwd=repo.root, env=environment, capture_output=True, text=True, check=False,
        )

    first = commit("Start the architecture repository")
    assert first.returncode == 0, first.stdout + first.stderr
    assert "eacheck check" in first.stdout + first.stderr  # the hook really ran

    # Old debt, committed past the hooks: a procurement without effect goals (an error).
    procurement = ("kind: procurement\nid: {id}\ntitle: {id}\nrequested_by: ksf\n"
                   "capabilities: [{capability}]\n")
    capabilities = repo.root / "architecture/capabilities.yaml"
    capabilities.write_text(capabilities.read_text(encoding="utf-8")
                            + "---\nkind: capability\nid: arkiv\nname: Arkiv\n", encoding="utf-8")
    (repo.root / "architecture/procurements/upphandling-arkiv.yaml").write_text(
        procurement.format(id="upphandling-arkiv", capability="arkiv"), encoding="utf-8")
    repo.git("add", "--all")
    repo.git("commit", "--quiet", "--no-verify", "-m", "Old debt")

    capabilities.write_text(capabilities.read_text(encoding="utf-8")
                            + "---\nkind: capability\nid: diarium\nname: Diarium\n", encoding="utf-8")
    unrelated = commit("Add a capability")
    assert unrelated.returncode == 0, unrelated.stdout + unrelated.stderr  # old debt does not block

    (repo.root / "architecture/procurements/upphandling-diarium.yaml").write_text(
        procurement.format(id="upphandling-diarium", capability="diarium"), encoding="utf-8")
    blocked = commit("Propose a records system")
    output = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0, output
    # the hook speaks the repository's language, as init set it
    error, new, since = {"sv": ("fel", "(ny)", "1 ny sedan HEAD"),
                         "en": ("error", "(new)", "1 new since HEAD")}[lang]
    assert f"architecture/procurements/upphandling-diarium.yaml:1:1: {error} [effect-goals]" in output
    assert new in output and since in output
    assert len(repo.git("log", "--oneline").splitlines()) == 3  # the blocked commit was not made


def test_a_second_init_overwrites_nothing_and_lists_what_it_kept(tmp_path, run):
    root = tmp_path / "repo"
    assert run("init", root).exit_code == 0
    (root / "README.md").write_text("# Our own README\n", encoding="utf-8")
    (root / "eacheck.yaml").write_text("name: Vår koncern\n", encoding="utf-8")
    before = {
        path: (path.read_bytes(), path.stat().st_mtime_ns) for path in root.rglob("*") if path.is_file()
    }

    again = run("init", root, "--lang", "en")
    assert again.exit_code == 0, again.output

    after = {
        path: (path.read_bytes(), path.stat().st_mtime_ns) for path in root.rglob("*") if path.is_file()
    }
    assert after == before
    kept = {line.removeprefix("kept existing ") for line in again.output.splitlines() if line.startswith("kept existing ")}
    assert {path.relative_to(root).as_posix() for path in before} <= kept
    assert "created" not in again.output.split("\n\n")[0]
    assert "0 files created" in again.output


def test_init_adds_no_examples_to_a_landscape_that_exists(repository, run):
    root = repository()  # an existing landscape with its own organizations and systems
    landscape_before = sorted(p.relative_to(root).as_posix() for p in (root / "architecture").rglob("*"))
    result = run("init", root)
    assert result.exit_code == 0, result.output
    assert sorted(p.relative_to(root).as_posix() for p in (root / "architecture").rglob("*")) == landscape_before
    assert "lät architecture/ vara som den är: mappen har redan YAML-filer" in result.output
    assert "exemplen" not in result.output  # no examples were written, so none to replace
    assert "Byt sedan ut exemplen" in run("init", root.parent / "new").output
    assert (root / "eacheck.yaml").is_file() and (root / ".eacheck/schemas/entity.schema.json").is_file()
    assert run("validate", root).exit_code == 0


def test_init_refuses_a_file_where_the_folder_should_be(tmp_path, run):
    target = tmp_path / "taken"
    target.write_text("not a folder\n", encoding="utf-8")
    result = run("init", target)
    assert result.exit_code == 2
    assert "taken" in result.output


def test_templates_have_no_dot_names_that_packaging_would_drop():
    templates = PROJECT_ROOT / "eacheck/defaults/init"
    hidden = [p for p in templates.rglob(".*")]
    assert hidden == [], "store dotfiles as dot-NAME; starter_repository renames them"
    assert {p.name for p in templates.iterdir()} == {"common", "sv", "en"}
    for lang in ("sv", "en"):  # the same files in both languages
        other = "en" if lang == "sv" else "sv"
        names = {p.relative_to(templates / lang) for p in (templates / lang).rglob("*")}
        assert names == {p.relative_to(templates / other) for p in (templates / other).rglob("*")}


def test_getting_started_first_blocked_pull_request(tmp_path):
    """The guide's walk-through: init, commit, a branch adds a procurement, CI blocks it."""
    repo = GitRepository(tmp_path / "landskap")
    assert eacheck("init", ".", cwd=repo.root).returncode == 0
    repo.commit("Start the architecture repository")
    assert eacheck("check", "--as-of", "2026-11-27", cwd=repo.root).returncode == 0

    repo.git("switch", "--quiet", "-c", "nytt-ekonomisystem")
    created = eacheck(
        "new", "procurement", "--id", "upphandling-ekonomi-bostader", "--title", "Eget ekonomisystem",
        "--requested-by", "bostader", "--capability", "ekonomi", "--no-input", cwd=repo.root,
    )
    assert created.returncode == 0, created.stderr
    repo.commit("Propose an own finance system for the housing company")

    gate = eacheck("check", "--baseline", "main", "--as-of", "2026-11-27", "--format", "json", cwd=repo.root)
    assert gate.returncode == 1, gate.stderr
    findings = json.loads(gate.stdout)["findings"]
    assert {f["principle"] for f in findings} == {"shared-over-unique", "reuse-across-group", "effect-goals"}
    assert all(f["new"] and f["subject"] == "upphandling-ekonomi-bostader" for f in findings)


def test_init_says_what_it_writes_in_the_language_it_writes(tmp_path, monkeypatch):
    """SPEC §6: a new repository started from inside an English one is Swedish, the default,
    and init says so in Swedish; an existing repository keeps its language for what init adds."""
    from click.testing import CliRunner

    from eacheck.cli import main

    english = tmp_path / "english"
    assert CliRunner().invoke(main, ["init", str(english), "--lang", "en"]).exit_code == 0
    monkeypatch.chdir(english)
    started = CliRunner().invoke(main, ["init", "ny"])
    assert started.exit_code == 0, started.output
    assert "language: sv" in (english / "ny" / "eacheck.yaml").read_text(encoding="utf-8")
    assert "filer skapade" in started.output and "files created" not in started.output

    (english / "README.md").unlink()
    monkeypatch.chdir(tmp_path)
    again = CliRunner().invoke(main, ["init", str(english)])
    assert again.exit_code == 0, again.output
    assert "1 file created" in again.output
    assert (english / "README.md").read_text(encoding="utf-8").startswith("# The group's application landscape")


# -- the .gitignore --------------------------------------------------------------------------------


def test_init_writes_a_gitignore_that_leaves_out_the_built_site(started):
    root, _ = started
    rules = [line for line in (root / ".gitignore").read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    assert rules == ["/site/"]  # only the site: the reports in reports/ are committed


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_after_eacheck_site_git_sees_nothing_new_but_a_site_folder_further_down(tmp_path, lang):
    """In a repository init started and committed, a built site is not untracked; a folder
    called site below the top is the group's own and is not left out."""
    repo = GitRepository(tmp_path / "landskap")
    assert eacheck("init", ".", "--lang", lang, cwd=repo.root).returncode == 0
    repo.commit("Start the architecture repository")
    assert repo.git("status", "--porcelain", "--untracked-files=all") == ""
    built = eacheck("site", "--as-of", "2026-11-27", cwd=repo.root)
    assert built.returncode == 0, built.stderr
    assert (repo.root / "site/index.html").is_file()
    assert repo.git("status", "--porcelain", "--untracked-files=all") == ""
    assert "!! site/" in repo.state()  # ignored, not lost: git knows it is there

    own = repo.root / "architecture/systems/site/webbplats.yaml"
    own.parent.mkdir()
    own.write_text("kind: system\n", encoding="utf-8")
    assert repo.git("status", "--porcelain", "--untracked-files=all") == "?? architecture/systems/site/webbplats.yaml\n"


@pytest.mark.parametrize(("existing", "advised"), [
    ("node_modules/\n*.tmp\n", True),
    ("# built\nsite/\n", False),  # already leaves the site out: nothing to say
])
def test_an_existing_gitignore_is_kept_as_it_is(tmp_path, run, existing, advised):
    root = tmp_path / "repo"
    root.mkdir()
    (root / ".gitignore").write_text(existing, encoding="utf-8")
    result = run("init", root, "--lang", "en")
    assert result.exit_code == 0, result.output
    assert (root / ".gitignore").read_text(encoding="utf-8") == existing
    lines = result.output.splitlines()
    kept = lines.index("kept existing .gitignore")
    advice = "  add the line /site/ to it, so that the site `eacheck site` builds is not committed (CI builds it)"
    assert (lines[kept + 1] == advice) is advised
    assert (advice in lines) is advised
    assert "1 kept" in result.output


def test_the_advice_on_an_existing_gitignore_is_in_the_language_of_init(tmp_path, run):
    root = tmp_path / "repo"
    root.mkdir()
    (root / ".gitignore").write_text("*.tmp\n", encoding="utf-8")
    result = run("init", root, "--lang", "sv")
    assert "lägg till raden /site/ i den" in result.output and "add the line" not in result.output
