"""docs/getting-started.md says what a newcomer will see: each step of the guide, run as it is
written, prints exactly one of the output blocks the guide shows (issue #11: "follow README →
getting-started word by word"). The guide shows a repository started with `--lang en`; the
Swedish run of the same steps is held to the Swedish it names.
"""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner
from conftest import PROJECT_ROOT
from gitrepo import GitRepository

from eacheck.cli import main

GUIDE = PROJECT_ROOT / "docs" / "getting-started.md"
# The guide leaves out --as-of; the example exception runs to 2028-12-31, so any day before.
AS_OF = ("--as-of", "2026-11-27")


def _blocks() -> set[str]:
    """The guide's output blocks: fenced blocks without a language (commands are ```sh)."""
    blocks, current, inside = set(), [], None
    for line in GUIDE.read_text(encoding="utf-8").splitlines():
        if line.startswith("```"):
            if inside is None:
                inside, current = line[3:].strip(), []
            else:
                if not inside:
                    blocks.add("\n".join(current).strip())
                inside = None
        elif inside is not None:
            current.append(line)
    return blocks


def _run(*arguments: str, input: str | None = None) -> str:
    result = CliRunner().invoke(main, list(arguments), input=input)
    assert "Traceback" not in result.output, result.output
    return result.output.strip()


@pytest.fixture
def started(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert CliRunner().invoke(main, ["init", "landskap", "--lang", "en"]).exit_code == 0
    monkeypatch.chdir(tmp_path / "landskap")
    return tmp_path / "landskap"


def test_each_step_of_the_guide_prints_what_the_guide_shows(started):
    blocks = _blocks()
    shown = []
    # 3. First validate, and the typo it suggests
    shown.append(_run("validate"))
    system = started / "architecture/systems/bostader/fastighetssystem.yaml"
    original = system.read_text(encoding="utf-8")
    system.write_text(original.replace("\nsystem_owner:", "\nsytem_owner:"), encoding="utf-8")
    shown.append(_run("validate"))
    system.write_text(original, encoding="utf-8")
    # 4. First check
    shown.append(_run("check", *AS_OF))
    # 6. Make it yours: `new system`, answering its questions as the guide does
    answers = "felanmalan\nFelanmälan\nksf\nfastighetsforvaltning\nactive\nFastighetschef\n"
    shown.append(_run("new", "system", input=answers))
    for output in shown:
        assert output in blocks, f"the guide does not show this output:\n{output}"


def test_the_first_blocked_pull_request_is_the_one_the_guide_shows(started):
    repo = GitRepository(started)
    repo.git("add", "--all")
    repo.git("commit", "--quiet", "-m", "Architecture repository")
    repo.git("switch", "--quiet", "-c", "eget-ekonomisystem")
    created = _run("new", "procurement", "--id", "upphandling-ekonomi-bostader",
                   "--title", "Eget ekonomisystem för Exempelbostäder", "--requested-by", "bostader",
                   "--capability", "ekonomi", "--no-input")
    assert created.startswith("created architecture/procurements/upphandling-ekonomi-bostader.yaml")
    repo.git("add", "--all")
    repo.git("commit", "--quiet", "-m", "Propose a finance system for the housing company")
    assert _run("check", "--baseline", "main", *AS_OF) in _blocks()


def test_the_swedish_the_guide_quotes_is_what_a_swedish_repository_says(tmp_path, monkeypatch):
    """`eacheck init landskap` without --lang is Swedish: the guide says what that looks like."""
    monkeypatch.chdir(tmp_path)
    assert CliRunner().invoke(main, ["init", "landskap"]).exit_code == 0
    monkeypatch.chdir(tmp_path / "landskap")
    text = GUIDE.read_text(encoding="utf-8")
    assert f"`{_run('validate')}`" in text


def _slug(heading: str) -> str:
    """GitHub's anchor of a heading."""
    text = re.sub(r"[`*_]", "", heading.strip().lower())
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def test_the_guides_links_to_sections_lead_somewhere():
    """A newcomer who follows "see ci.md, section X" lands on that section."""
    documents = sorted((PROJECT_ROOT / "docs").glob("*.md")) + [PROJECT_ROOT / "README.md"]
    anchors = {}
    for path in documents:
        text = path.read_text(encoding="utf-8")
        anchors[path.resolve()] = ({_slug(line.lstrip("#")) for line in text.splitlines() if line.startswith("#")}
                                   | set(re.findall(r'<a id="([\w-]+)"', text)))
    broken = []
    for path in documents:
        for target, anchor in re.findall(r"\]\(([\w./-]*\.md|)#([\w-]+)\)", path.read_text(encoding="utf-8")):
            resolved = (path.parent / target).resolve() if target else path.resolve()
            if resolved in anchors and anchor not in anchors[resolved]:
                broken.append(f"{path.name}: {target}#{anchor}")
    assert not broken, broken
