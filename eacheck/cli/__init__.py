"""The `eacheck` command. Subcommands are imported only when run, so `--help` stays fast."""

from __future__ import annotations

import gc
import os
import sys
from importlib import import_module

import click

from eacheck import __version__, i18n
from eacheck.cli.localized import Group, Option, language_of_arguments, speak_through_the_catalogue

# name -> module under eacheck.cli that defines a click command called `command`
COMMANDS = {
    "check": "check",
    "explain": "explain",
    "export": "export",
    "graph": "graph",
    "impact": "impact",
    "import": "import_",
    "init": "init",
    "new": "new",
    "principles": "principles",
    "report": "report",
    "schema": "schema",
    "site": "site",
    "validate": "validate",
}


speak_through_the_catalogue()


class _LazyGroup(Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        module = COMMANDS.get(name)
        if module is None:
            return None
        return import_module(f"eacheck.cli.{module}").command

    def main(self, args=None, **kwargs):
        """Run in the language the command line asks for, decided before click parses it."""
        arguments = list(sys.argv[1:] if args is None else args)
        with i18n.using(language_of_arguments(arguments)):
            return super().main(args=arguments, **kwargs)


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="eacheck", cls=Option, help=i18n.N_("Show the version and exit."))
@click.option("--lang", "language", type=click.Choice(i18n.LANGUAGES), default=None, cls=Option,
              help=i18n.N_("Language of everything eacheck says (default: 'language' in eacheck.yaml, else sv)."))
def main(language: str | None) -> None:
    """Keep a municipal group's application landscape honest.

    Architects keep systems, owners, capabilities, integrations, procurements and exceptions
    as YAML in git; eacheck validates them, checks them against the group's architecture
    principles in CI, and writes the quarterly shared-use report.

    Example: eacheck check --format github
    """


def run() -> None:
    """The installed `eacheck` program (and `python -m eacheck`)."""
    # A run is short and builds millions of objects that live until it ends, almost none of
    # them in cycles: the cyclic garbage collector would only rescan them, again and again
    # (a fifth of a run at national scale). The Python API, and tests that call `main`,
    # leave the collector alone.
    gc.disable()
    try:
        main()
        code: object = 0
    except SystemExit as end:
        code = end.code
    sys.exit(_leave(code))


def _leave(code: object) -> int:
    """End the process at once with ``code`` (as ``sys.exit`` reads it), without tearing the
    interpreter down: freeing the millions of objects a large run built, one by one, took half a
    second after a site of 10,000 systems was written, and longer at national scale. Everything
    eacheck writes is closed by then; the standard streams are flushed here. Returns only when
    the streams cannot be flushed (a reader that went away), to end the usual way."""
    if code is None:
        status = 0
    elif isinstance(code, int):
        status = code
    else:  # a message, as sys.exit("...") prints it
        print(code, file=sys.stderr)
        status = 1
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        return status
    os._exit(status)
