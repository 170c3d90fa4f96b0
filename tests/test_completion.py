"""Shell completion of ids for `impact`, `explain` and `graph`'s filters, through click's own
completion machinery (what `_EACHECK_COMPLETE=bash_complete` runs)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.shell_completion import BashComplete
from conftest import PROJECT_ROOT

from eacheck.cli import main


def _completions(args: list[str], incomplete: str) -> list[str]:
    completion = BashComplete(main, {}, "eacheck", "_EACHECK_COMPLETE")
    return [item.value for item in completion.get_completions(args, incomplete)]


@pytest.fixture
def in_repository(repository, monkeypatch):
    root = repository({"architecture/more.yaml": """\
        kind: system
        id: ekonomiportal
        name: Ekonomiportal
        owner: bostad
        capabilities: [ekonomi]
        lifecycle: {status: retired}
        """})
    monkeypatch.chdir(root)
    return root


def test_impact_completes_system_ids(in_repository):
    assert _completions(["impact"], "eko") == ["ekonomiportal", "ekonomisystem"]
    assert _completions(["impact"], "") == ["ekonomiportal", "ekonomisystem"]
    assert _completions(["impact"], "ks") == []  # an organization is no system


def test_explain_completes_the_principles_in_force(in_repository):
    # No principles/ folder: the shipped defaults are in force.
    assert "cloud-and-legal" in _completions(["explain"], "")
    assert _completions(["explain"], "cl") == ["clear-ownership", "cloud-and-legal"]


def test_graph_filters_complete_from_the_path_given_before_them(in_repository, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)  # elsewhere: the ids come from PATH
    root = str(in_repository)
    assert _completions(["graph", root, "--organization"], "") == ["bostad", "ks", "stadshus"]
    assert _completions(["graph", root, "--organization"], "st") == ["stadshus"]
    assert _completions(["graph", root, "--capability"], "") == ["ekonomi"]
    assert _completions(["graph", "--capability"], "") == []  # no repository here: nothing, no error


def test_completion_in_a_real_shell_protocol(in_repository):
    """The installed program answers bash's completion request with the ids."""
    script = Path(sys.executable).parent / "eacheck"
    if not script.exists():
        pytest.skip("the eacheck console script is not installed next to this Python")
    completed = subprocess.run(
        [str(script)], cwd=in_repository, capture_output=True, text=True, check=False,
        env={**os.environ, "_EACHECK_COMPLETE": "bash_complete", "COMP_WORDS": "eacheck impact ekonomis",
             "COMP_CWORD": "2"},
    )
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.split() == ["plain,ekonomisystem"]


def test_the_example_group_completes(monkeypatch):
    monkeypatch.chdir(PROJECT_ROOT)
    assert "integrationsplattform" in _completions(["impact"], "integr")


@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.parametrize("command", [[], ["check"], ["report"], ["graph"], ["new"], ["new", "system"],
                                     ["new", "exception"], ["import"]], ids=" ".join)
def test_what_zsh_and_fish_show_beside_a_choice_speaks_the_language(command, language, in_repository):
    """zsh and fish show each option's and command's help beside it: in the language of the
    run, like --help (SPEC §6)."""
    from click.shell_completion import ZshComplete
    from language import assert_speaks

    from eacheck import i18n

    completion = ZshComplete(main, {}, "eacheck", "_EACHECK_COMPLETE")
    with i18n.using(language):
        items = completion.get_completions(command, "--") + completion.get_completions(command, "")
    helps = [item.help for item in items if item.help]
    assert len(helps) >= 2
    assert_speaks("\n".join(helps), language, in_repository, {"Lönesystem", "HR-chef"})
