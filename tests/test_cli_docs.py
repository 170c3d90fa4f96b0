"""docs/cli.md is generated from the commands' --help and must match them."""

from __future__ import annotations

from conftest import PROJECT_ROOT

from eacheck.cli import COMMANDS
from eacheck.cli.reference import cli_reference

CLI_DOCS = PROJECT_ROOT / "docs" / "cli.md"


def test_cli_reference_is_up_to_date():
    expected = cli_reference()
    actual = CLI_DOCS.read_text(encoding="utf-8") if CLI_DOCS.exists() else ""
    assert actual == expected, (
        "docs/cli.md does not match the commands' --help; regenerate it with:\n"
        "    python scripts/generate-cli-docs.py"
    )


def test_cli_reference_covers_every_command():
    reference = cli_reference()
    headings = {line.removeprefix("## ") for line in reference.splitlines() if line.startswith("## ")}
    assert {f"eacheck {name}" for name in COMMANDS} | {"eacheck", "eacheck new system"} <= headings
    assert reference.count("```text") == len(headings)
    for name in COMMANDS:
        anchor = f"eacheck-{name}"
        assert f"(#{anchor})" in reference
