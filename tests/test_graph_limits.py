"""A Mermaid diagram over Mermaid's default limits is still written, with a warning that says
how to get one Mermaid will draw."""

from __future__ import annotations

import importlib.util

import pytest
from click.testing import CliRunner
from conftest import PROJECT_ROOT

from eacheck.cli import main
from eacheck.output.graph.mermaid import MAX_EDGES, MAX_TEXT_SIZE


@pytest.fixture(scope="module")
def group_of_200(tmp_path_factory):
    """The synthetic group of the benchmarks at 200 systems: about 57,000 characters of
    Mermaid and 1,150 edges, the size at which the issue was found."""
    spec = importlib.util.spec_from_file_location("generate", PROJECT_ROOT / "benchmarks" / "generate.py")
    generate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generate)
    root = tmp_path_factory.mktemp("synthetic") / "group"
    generate.generate(root, systems=200, seed=1)
    return root


def _graph(*args, language="en"):
    result = CliRunner().invoke(main, ["graph", *map(str, args), "--lang", language])
    assert result.exit_code == 0, result.output
    return result


def test_a_diagram_over_the_limits_is_written_with_a_warning(group_of_200):
    result = _graph(group_of_200, "--format", "mermaid")
    edges = sum(" -->|" in line or " -.->|" in line for line in result.stdout.splitlines())
    assert len(result.stdout) > MAX_TEXT_SIZE and edges > MAX_EDGES  # really over both
    assert result.stdout.startswith("flowchart LR\n")  # the diagram itself is unchanged
    [warning] = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert f"{len(result.stdout):,} characters and {edges:,} edges" in warning
    assert "(50,000 characters, 500 edges)" in warning
    assert "--organization ID" in warning and "--capability ID" in warning and "--format dot" in warning
    assert "warning" not in result.stdout


def test_the_warning_speaks_the_language_of_the_run(group_of_200):
    result = _graph(group_of_200, "--format", "mermaid", language="sv")
    [warning] = [line for line in result.stderr.splitlines() if line.startswith("varning:")]
    assert "fler än Mermaid ritar med sina standardgränser (50\u00a0000 tecken, 500 pilar)" in warning
    assert "rita en del av landskapet med --organization ID eller --capability ID" in warning


def test_the_suggested_filter_gives_a_diagram_without_a_warning(group_of_200):
    result = _graph(group_of_200, "--format", "mermaid", "--organization", "org-1")
    assert "sys_" in result.stdout and len(result.stdout) <= MAX_TEXT_SIZE
    assert "warning:" not in result.stderr


def test_other_formats_have_no_mermaid_limits(group_of_200):
    result = _graph(group_of_200, "--format", "dot")
    assert len(result.stdout) > MAX_TEXT_SIZE
    assert "warning:" not in result.stderr


def test_the_example_group_stays_within_the_limits():
    result = _graph(PROJECT_ROOT, "--format", "mermaid")
    assert "warning:" not in result.stderr
