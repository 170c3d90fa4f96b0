"""The command line's small promises: exit codes that mean what they say, a column in JSON
findings like in text, help for every option, usage lines that wrap between words."""

from __future__ import annotations

import json
import re

import click
import pytest
from click.testing import CliRunner

from eacheck.cli import main
from eacheck.cli.reference import WIDTH
from eacheck.scaffold.editor_schemas import NAMES
from test_cli_help import _all_commands


@pytest.mark.parametrize("answers", ["", "felanmalan\n", "felanmalan\nFelanmälan\n"])
def test_new_with_too_few_answers_exits_2_and_says_which_is_missing(repository, answers):
    root = repository()
    before = sorted(root.rglob("*"))
    result = CliRunner().invoke(main, ["new", "system", str(root)], input=answers)
    assert result.exit_code == 2, result.output
    assert "Aborted!" not in result.output
    missing = {0: "--id", 1: "--name", 2: "--owner"}[answers.count("\n")]
    assert f"så ingenting skrevs; ange svaret med {missing}" in result.output
    assert sorted(root.rglob("*")) == before


def test_check_json_findings_carry_the_column_the_text_shows(repository, run):
    root = repository({"architecture/systems/x.yaml": """\
        kind: system
        id: x
        name: X
        owner: ks
        capabilities: [ekonomi, okand]
        lifecycle: {status: active}
        """})
    text = run("check", root, "--as-of", "2026-11-27", "--lang", "en")
    located = re.search(r"architecture/systems/x\.yaml:(\d+):(\d+): error \[schema\] 'capabilities'", text.output)
    assert located, text.output
    findings = json.loads(run("check", root, "--as-of", "2026-11-27", "--format", "json").stdout)["findings"]
    [finding] = [f for f in findings if f["principle"] == "schema"]
    assert (finding["line"], finding["column"]) == (int(located.group(1)), int(located.group(2)))
    assert finding["column"] > 1  # the list item, not the start of the line
    assert list(finding)[:8] == ["principle", "severity", "subject", "kind", "message", "file", "line", "column"]


@pytest.mark.parametrize("path", [path for path, _ in _all_commands()], ids=" ".join)
def test_every_option_and_usage_line_of_every_command_reads_well(path):
    command = dict((tuple(p), c) for p, c in _all_commands())[tuple(path)]
    for parameter in command.params:
        if isinstance(parameter, click.Option) and not parameter.hidden:
            assert parameter.help, f"eacheck {' '.join(path)} {parameter.opts[0]} has no help text"

    for width in (80, WIDTH):
        result = CliRunner().invoke(main, [*path, "--help"], terminal_width=width)
        usage = result.output.split("\n\n")[0]
        context = click.Context(command, info_name=path[-1])
        # Each piece of the usage (an option, an argument with its metavar) stays on one line.
        for piece in command.collect_usage_pieces(context):
            assert any(piece in line for line in usage.splitlines()), (width, piece, usage)


@pytest.mark.parametrize(("lang", "lead"), [("en", "NAME is one of:"), ("sv", "NAMN är något av:")])
def test_schema_help_names_every_schema(lang, lead):
    text = " ".join(CliRunner().invoke(main, ["schema", "--lang", lang, "--help"]).output.split())
    listed = re.search(re.escape(lead) + r" ([^.]+)\.", text).group(1).split(", ")
    assert listed == list(NAMES)
