"""Click, speaking the repository's language (SPEC §6): help texts, usage errors and click's
own words ("Usage:", "Missing argument …") all come from eacheck's catalogue.

The language of a run is decided once, before click parses anything (so that `--help` and
usage errors are in it too): `--lang` when given, else the `language` of the repository's
eacheck.yaml (the first argument that is a folder holding one, else the current folder), else
Swedish. The help texts are written in English in the commands and translated when shown;
`scripts/catalogues.py` collects them from the commands themselves, exactly as click holds them.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from eacheck import i18n

# The modules of click that say something to the user, each through its own module-level
# `_` and `ngettext` (imported from the standard gettext module).
_CLICK_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "shell_completion",
                  "termui", "types", "utils")


def speak_through_the_catalogue() -> None:
    """Point click's `_` and `ngettext` at eacheck's catalogue and the language of the run."""
    from importlib import import_module

    for name in _CLICK_MODULES:
        module = import_module(f"click.{name}")
        if hasattr(module, "_"):
            module._ = i18n._
        if hasattr(module, "ngettext"):
            module.ngettext = i18n.ngettext


def language_of_arguments(arguments: list[str]) -> str:
    """The language a command line asks for (see the module docstring)."""
    for index, argument in enumerate(arguments):
        if argument == "--lang" and index + 1 < len(arguments):
            value = arguments[index + 1]
        elif argument.startswith("--lang="):
            value = argument.partition("=")[2]
        else:
            continue
        if value in i18n.LANGUAGES:
            return value
    from eacheck import api

    for argument in arguments:
        if argument.startswith("-"):
            continue
        try:
            if (Path(argument) / "eacheck.yaml").is_file():
                return api.repository_language(argument)
        except (OSError, ValueError):
            continue
    return api.repository_language(".")


# The placeholders of usage lines and option lists, written out one call each so that the
# catalogue sees them. REV, URL, ID, SYSTEM and TEXT read the same in Swedish.
_PLACEHOLDERS = {
    "OPTIONS": lambda: i18n.pgettext("metavar", "OPTIONS"),
    "COMMAND": lambda: i18n.pgettext("metavar", "COMMAND"),
    "ARGS": lambda: i18n.pgettext("metavar", "ARGS"),
    "PATH": lambda: i18n.pgettext("metavar", "PATH"),
    "SOURCE": lambda: i18n.pgettext("metavar", "SOURCE"),
    "DIRECTORY": lambda: i18n.pgettext("metavar", "DIRECTORY"),
    "DIR": lambda: i18n.pgettext("metavar", "DIR"),
    "MAPPING": lambda: i18n.pgettext("metavar", "MAPPING"),
    "FILE": lambda: i18n.pgettext("metavar", "FILE"),
    "PATTERN": lambda: i18n.pgettext("metavar", "PATTERN"),
    "NAME": lambda: i18n.pgettext("metavar", "NAME"),
    "YYYY-MM-DD": lambda: i18n.pgettext("metavar", "YYYY-MM-DD"),
}
_PLACEHOLDER = re.compile(r"\b[A-Z][A-Z-]*[A-Z]\b")


def placeholders_in_language(text: str) -> str:
    """A usage line's placeholders in the language of the run: `[OPTIONS] [PATH]` is
    `[FLAGGOR] [SÖKVÄG]` in Swedish. The help texts name them the same way."""
    return _PLACEHOLDER.sub(
        lambda match: _PLACEHOLDERS[match.group(0)]() if match.group(0) in _PLACEHOLDERS else match.group(0), text
    )


def translated(text: str | None) -> str | None:
    """A help text in the language of the run; its English (cleaned) form is the message id."""
    return None if text is None else i18n._(inspect.cleandoc(text))


@contextmanager
def _help_in_language(target: click.Command | click.Parameter) -> Iterator[None]:
    # Click reads the help from the object while it formats; the object is shared between runs
    # (tests run many in one process), so the translation is lent for the formatting only.
    saved = {name: getattr(target, name, None) for name in ("help", "short_help")}
    for name, value in saved.items():
        if value is not None:
            setattr(target, name, translated(value))
    try:
        yield
    finally:
        for name, value in saved.items():
            if hasattr(target, name):
                setattr(target, name, value)


class _Localized:
    """What commands and groups share: their help, and the --help option's, in the language of
    the run."""

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with _help_in_language(self):
            super().format_help_text(ctx, formatter)

    def get_short_help_str(self, limit: int = 45) -> str:
        with _help_in_language(self):
            return super().get_short_help_str(limit)

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        return [placeholders_in_language(piece) for piece in super().collect_usage_pieces(ctx)]

    def shell_complete(self, ctx: click.Context, incomplete: str):
        # Click offers an option's help as it is held (English); zsh and fish show it beside
        # the option.
        items = super().shell_complete(ctx, incomplete)
        options = {name: parameter for parameter in self.get_params(ctx) for name in parameter.opts}
        for item in items:
            option = options.get(item.value) if item.type == "plain" else None
            if isinstance(option, Option):
                item.help = option.help_in_language()
            elif item.help:
                item.help = translated(item.help)
        return items

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        # Click makes the --help option once per command, its help translated at that moment
        # and kept; a later run in the other language must not inherit it. Its names come from
        # the context too (`-h` is the group's setting): a command once run on its own must not
        # keep `--help` alone for the runs under the group.
        if getattr(self, "_help_option", None) is not None and \
                set(self._help_option.opts) != set(self.get_help_option_names(ctx)):
            self._help_option = None
        option = super().get_help_option(ctx)
        if option is not None and not isinstance(option, Option):
            option.__class__ = Option  # adds no state: only translates its help when shown
        if option is not None:
            option.help = i18n.N_("Show this message and exit.")
        return option


class Command(_Localized, click.Command):
    pass


class Group(_Localized, click.Group):
    command_class = Command


Group.group_class = Group


class Argument(click.Argument):
    """An argument whose placeholder (in usage lines and errors) is in the language of the run."""

    def make_metavar(self, ctx: click.Context) -> str:
        return placeholders_in_language(super().make_metavar(ctx))

    @property
    def human_readable_name(self) -> str:
        return placeholders_in_language(super().human_readable_name)


class Option(click.Option):
    def make_metavar(self, ctx: click.Context) -> str:
        return placeholders_in_language(super().make_metavar(ctx))

    def help_in_language(self) -> str | None:
        """The option's help text in the language of the run."""
        return translated(self.help)

    def get_help_record(self, ctx: click.Context):
        with _help_in_language(self):
            return super().get_help_record(ctx)


def help_texts(command: click.Command) -> Iterator[str]:
    """Every help text of ``command`` and its subcommands and options, as message ids."""
    for text in (command.help, command.short_help):
        if text:
            yield inspect.cleandoc(text)
    for parameter in command.params:
        # An option that puts its help together from messages has them in the catalogue.
        if getattr(parameter, "help", None) and not getattr(parameter, "composed_help", False):
            yield inspect.cleandoc(parameter.help)
    if isinstance(command, click.Group):
        context = click.Context(command)
        for name in command.list_commands(context):
            yield from help_texts(command.get_command(context, name))
