"""Pieces every command shares: options, error handling, output."""

from __future__ import annotations

import functools
import os
import sys
from datetime import date

import click

from eacheck.cli.localized import Argument, Command, Option
from eacheck.errors import UsageError
from eacheck.i18n import LANGUAGES, msg, msg_n
from eacheck.safe_text import printable

# Every command and option of eacheck is made with these, so that its help is translated.
command = functools.partial(click.command, cls=Command)
option = functools.partial(click.option, cls=Option)
argument = functools.partial(click.argument, cls=Argument)


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
            what = type(error).__name__ + ": " + str(error)
            raise CommandFailed(str(msg(
                "internal error: {error}. This is a bug in eacheck; please report it with the "
                "command you ran (EACHECK_DEBUG=1 shows the traceback)",
                error=what,
            ))) from None

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
            self.fail(str(msg("'{value}' is not a date; write YYYY-MM-DD", value=value)), param, ctx)
        if not self.EARLIEST <= day <= self.LATEST:
            self.fail(str(msg(
                "'{value}' is outside the dates eacheck works with; give a date from {earliest} to "
                "{latest}", value=value, earliest=self.EARLIEST.isoformat(), latest=self.LATEST.isoformat(),
            )), param, ctx)
        return day


def revision(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """Callback of --baseline and --compare-to: an empty or blank revision is a usage error,
    before anything is read (an unset CI variable must not turn the gate off)."""
    from eacheck import api

    if value is None:
        return None
    try:
        return api.check_revision(value)
    except UsageError as error:
        raise click.BadParameter(str(error), ctx, param) from None


path_argument = argument("path", default=".", type=click.Path(file_okay=True, dir_okay=True))
language_option = option(
    "--lang", "language", type=click.Choice(LANGUAGES), default=None,
    help="Language of everything eacheck says (default: 'language' in eacheck.yaml, else sv).",
)
as_of_option = option(
    "--as-of", type=IsoDate(), default=None, help="Treat this date as today (default: today)."
)


def emit(text: str) -> None:
    click.echo(text, nl=False, color=None if sys.stdout.isatty() else False)


def note(message) -> None:
    """A note for the reader on standard error, apart from the output itself. A note may quote
    the repository (a tag, a sheet, a path): its control characters are shown, never obeyed."""
    click.echo(printable(str(message), lines=True), err=True)


def settings_notes(path: str) -> int:
    """A note when eacheck.yaml has problems: each wrong setting took its default in what was
    written (the name, the targets, the currency ...), which nothing else would show. Returns
    how many problems eacheck.yaml has."""
    from eacheck import api

    problems = api.settings_problems(path)
    if problems:
        first = problems[0]
        note(msg_n(
            "note: eacheck.yaml has {n} problem, so a setting took its default here (the first: "
            "{file}:{line}: {problem}); `eacheck validate` shows it",
            "note: eacheck.yaml has {n} problems, so settings took their defaults here (the first: "
            "{file}:{line}: {problem}); `eacheck validate` shows them",
            len(problems), file=first.file, line=first.line, problem=first.message,
        ))
    return len(problems)
