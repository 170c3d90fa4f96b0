"""The command-line reference (docs/cli.md), generated from the commands' own ``--help``.

Written from the help texts so the reference cannot drift from the program: the test suite
regenerates it and fails when docs/cli.md differs (``scripts/generate-cli-docs.py`` rewrites it).
"""

from __future__ import annotations

import click

# Help is wrapped at a fixed width so that the page does not depend on the terminal.
WIDTH = 100

_HEADER = """\
# Command-line reference

Generated from `eacheck --help` and the `--help` of every command by
`scripts/generate-cli-docs.py`; do not edit by hand. The getting-started guide
([getting-started.md](getting-started.md)) shows the commands in use.
"""


def cli_reference() -> str:
    """docs/cli.md: the help of ``eacheck`` and of every command and subcommand, in order."""
    from eacheck import i18n
    from eacheck.cli import main

    with i18n.using("en"):
        return _reference(main)


def _reference(main: click.Group) -> str:
    sections: list[tuple[str, str]] = []

    def add(command: click.Command, context: click.Context) -> None:
        sections.append((context.command_path, command.get_help(context).rstrip()))
        if isinstance(command, click.Group):
            for name in command.list_commands(context):
                sub = command.get_command(context, name)
                if sub is not None and not sub.hidden:
                    add(sub, _context(sub, name, context))

    add(main, _context(main, "eacheck", None))
    contents = "\n".join(f"- [`{path}`](#{_anchor(path)})" for path, _ in sections)
    body = "\n".join(f"## {path}\n\n```text\n{text}\n```\n" for path, text in sections)
    return f"{_HEADER}\n{contents}\n\n{body}"


def _context(command: click.Command, name: str, parent: click.Context | None) -> click.Context:
    # make_context applies the command's context_settings (e.g. -h as well as --help)
    return command.make_context(
        name, [], parent=parent, resilient_parsing=True, terminal_width=WIDTH, max_content_width=WIDTH
    )


def _anchor(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, spaces to hyphens, punctuation dropped."""
    return "".join(c for c in heading.lower().replace(" ", "-") if c.isalnum() or c in "-_")
