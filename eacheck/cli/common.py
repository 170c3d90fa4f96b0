"""Pieces every command shares: options, error handling, output."""

from __future__ import annotations

import functools
import os
import sys
from datetime import date

import click

from eacheck.errors import UsageError


class CommandFailed(click.ClickException):
    """The command could not do its job (SPEC §5: exit code 2)."""

    exit_code = 2


def handle_errors(function):
    """Library errors become clean messages; a bug never passes silently or exits 0."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        try:
            return function(*args, **kwargs)
        except UsageError as error:
            raise CommandFailed(str(error)) from None
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except Exception as error:  # pragma: no cover - only a bug gets here
            if os.environ.get("EACHECK_DEBUG"):
                raise
            raise CommandFailed(
                f"internal error: {type(error).__name__}: {error}. This is a bug in eacheck; "
                "please report it with the command you ran (EACHECK_DEBUG=1 shows the traceback)"
            ) from None

    return wrapper


class IsoDate(click.ParamType):
    name = "YYYY-MM-DD"

    def convert(self, value, param, ctx):
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(value)
        except ValueError:
            self.fail(f"'{value}' is not a date; write YYYY-MM-DD", param, ctx)


path_argument = click.argument("path", default=".", type=click.Path(file_okay=True, dir_okay=True))
as_of_option = click.option(
    "--as-of", type=IsoDate(), default=None, help="Treat this date as today (default: today)."
)


def emit(text: str) -> None:
    click.echo(text, nl=False, color=None if sys.stdout.isatty() else False)


def note_problems(problems: int, what: str) -> None:
    """Say on stderr that problems in the files leave things out of ``what``."""
    if problems:
        click.echo(
            f"note: {problems} problem(s) in the files; what they concern is left "
            f"out of {what} (run `eacheck validate` to see them)",
            err=True,
        )
