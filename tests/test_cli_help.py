"""Every command explains itself with an example, `--help` stays light, completion works."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.shell_completion import BashComplete
from click.testing import CliRunner

from eacheck import __version__
from eacheck.cli import COMMANDS, main

HEAVY_MODULES = ("networkx", "jsonschema", "fastjsonschema", "jinja2")


def _all_commands():
    """(command path, command) for every command and subcommand, from eacheck.cli.COMMANDS."""
    found = []

    def walk(path: list[str], command: click.Command) -> None:
        found.append((path, command))
        if isinstance(command, click.Group):
            context = click.Context(command, info_name=path[-1])
            for name in command.list_commands(context):
                walk([*path, name], command.get_command(context, name))

    for name in sorted(COMMANDS):
        walk([name], main.get_command(click.Context(main), name))
    return found


def test_every_command_is_listed_and_loads():
    paths = [" ".join(path) for path, _ in _all_commands()]
    assert set(COMMANDS) <= set(paths)
    assert {"init", "new", "new system", "new integration", "new procurement", "new exception",
            "schema"} <= set(paths)


@pytest.mark.parametrize("path", [path for path, _ in _all_commands()], ids=" ".join)
def test_every_help_ends_with_an_example(path):
    result = CliRunner().invoke(main, [*path, "--lang", "en", "--help"])
    assert result.exit_code == 0, result.output
    swedish = CliRunner().invoke(main, [*path, "--lang", "sv", "--help"])
    assert f"Exempel: eacheck {' '.join(path)}" in " ".join(swedish.output.split())
    command = dict((tuple(p), c) for p, c in _all_commands())[tuple(path)]
    paragraphs = [p for p in (command.help or "").strip().split("\n\n") if p.strip()]
    assert paragraphs, f"eacheck {' '.join(path)} has no help text"
    last = " ".join(paragraphs[-1].split())
    assert last.startswith(f"Example: eacheck {' '.join(path)}"), last
    assert "Example: eacheck" in result.output


def test_main_help_ends_with_an_example_and_version_works():
    runner = CliRunner()
    assert "Example: eacheck" in runner.invoke(main, ["--lang", "en", "--help"]).output
    assert "Exempel: eacheck" in runner.invoke(main, ["--lang", "sv", "--help"]).output
    version = runner.invoke(main, ["--version"])
    assert version.exit_code == 0 and version.output.strip() == f"eacheck, version {__version__}"


def test_help_imports_no_heavy_module():
    """`eacheck --help` and every command's --help load none of the heavy libraries."""
    script = f"""
import json, sys
from click.testing import CliRunner
from eacheck.cli import main
paths = json.loads(sys.argv[1])
runner = CliRunner()
for path in [[], *paths]:
    result = runner.invoke(main, [*path, "--help"])
    assert result.exit_code == 0, (path, result.output)
print(json.dumps(sorted(m for m in {HEAVY_MODULES!r} if m in sys.modules)))
"""
    paths = json.dumps([path for path, _ in _all_commands()])
    completed = subprocess.run(
        [sys.executable, "-c", script, paths], capture_output=True, text=True, check=False
    )
    assert completed.returncode == 0, completed.stderr
    assert json.loads(completed.stdout) == [], "imported while rendering help; import it inside the command"


def _completions(args: list[str], incomplete: str) -> list[str]:
    completion = BashComplete(main, {}, "eacheck", "_EACHECK_COMPLETE")
    return [item.value for item in completion.get_completions(args, incomplete)]


def test_completion_offers_commands_kinds_and_ids(repository, monkeypatch):
    assert "init" in _completions([], "in") and "schema" in _completions([], "sch")
    assert _completions(["new"], "") == ["exception", "integration", "procurement", "system"]
    root = repository()
    monkeypatch.chdir(root)
    assert _completions(["new", "integration", "--from"], "eko") == ["ekonomisystem"]
    assert _completions(["new", "system", "--owner"], "") == ["bostad", "ks", "stadshus"]
    assert _completions(["new", "system", "--capability"], "") == ["ekonomi"]
    assert "--no-input" in _completions(["new", "system"], "--no")


def test_click_completion_script_is_available():
    script = Path(sys.executable).parent / "eacheck"
    if not script.exists():
        pytest.skip("the eacheck console script is not installed next to this Python")
    completed = subprocess.run(
        [str(script)], env={**os.environ, "_EACHECK_COMPLETE": "bash_source"},
        capture_output=True, text=True, check=False,
    )
    assert completed.returncode == 0
    assert "_eacheck_completion" in completed.stdout and "complete " in completed.stdout


def test_a_command_run_on_its_own_leaves_the_groups_help_option_alone():
    """`-h` is the group's setting; a command once run without the group (as a test or a script
    may) must not keep `--help` alone for later runs under it."""
    from click.testing import CliRunner

    from eacheck.cli import main
    from eacheck.cli.init import command as init

    assert "  --help " in CliRunner().invoke(init, ["--help"]).output
    assert "-h, --help" in CliRunner().invoke(main, ["init", "--help"]).output
