"""Pieces every command shares: options, error handling, output."""

from __future__ import annotations

import functools
import os
import sys
from datetime import date

import click

from eacheck.errors import UsageError
from eacheck.safe_text import printable, shorten


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
            # A usage error may quote the repository (an id, a path): shown, never obeyed.
            raise CommandFailed(printable(str(error), lines=True)) from None
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
    # Dates are moved by up to a hundred years (a contract's months ahead, quarters of targets);
    # these bounds keep every such date inside what Python's dates can hold.
    EARLIEST = date(1900, 1, 1)
    LATEST = date(2999, 12, 31)

    def convert(self, value, param, ctx):
        if isinstance(value, date):
            return value
        try:
            day = date.fromisoformat(value)
        except ValueError:
            self.fail(f"'{shorten(str(value))}' is not a date; write YYYY-MM-DD", param, ctx)
        if not self.EARLIEST <= day <= self.LATEST:
            self.fail(
                f"'{value}' is outside the dates eacheck works with; give a date from "
                f"{self.EARLIEST.isoformat()} to {self.LATEST.isoformat()}", param, ctx
            )
        return day


def revision(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """Callback of --baseline and --compare-to: an empty or blank revision is a usage error."""
    from eacheck.loading.sources import check_revision

    if value is None:
        return None
    try:
        return check_revision(value)
    except UsageError as error:
        raise click.BadParameter(str(error), ctx, param) from None


path_argument = click.argument("path", default=".", type=click.Path(file_okay=True, dir_okay=True))
as_of_option = click.option(
    "--as-of", type=IsoDate(), default=None, help="Treat this date as today (default: today)."
)


def emit(text: str) -> None:
    click.echo(text, nl=False, color=None if sys.stdout.isatty() else False)


def note_problems(repository, what: str) -> None:
    """Say on stderr that problems in the files leave things out of ``what``."""
    if repository.problems:
        click.echo(
            f"note: {len(repository.problems)} problem(s) in the files; what they concern is left "
            f"out of {what} (run `eacheck validate` to see them)",
            err=True,
        )
