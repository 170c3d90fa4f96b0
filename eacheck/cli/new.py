"""`eacheck new KIND`: write a new system, integration, procurement or exception file.

The options and questions of each kind come from ``FIELDS`` in
:mod:`eacheck.scaffold.new_entity`; this module only asks and prints.
"""

from __future__ import annotations

import click

from eacheck import api
from eacheck.cli.common import CommandFailed, handle_errors
from eacheck.cli.localized import Argument, Command, Group, Option
from eacheck.i18n import LANGUAGES, N_, _, current_language, msg

_NEW = api.new_entity_module()
FIELDS, KINDS, Field = _NEW.FIELDS, _NEW.KINDS, _NEW.Field

_HELP = {
    "system": """Add a system: architecture/systems/OWNER/ID.yaml.

    Asks for id, name, owner, capabilities, lifecycle status and system owner (give them as
    options to skip the questions). The owner and capabilities must exist in the repository.

    Example: eacheck new system --id lonesystem --name Lönesystem --owner ksf --capability lon --status active --system-owner "HR-chef" --no-input
    """,
    "integration": """Add an integration: architecture/integrations/ID.yaml.

    Asks for the systems the data flows from and to, an id (suggested from the two), and the
    integration platform it passes through, if any.

    Example: eacheck new integration --from lonesystem --to ekonomisystem --via integrationsplattform
    """,
    "procurement": """Add a procurement: architecture/procurements/ID.yaml.

    Asks for id, title, requesting organization and capabilities. The file lists the active
    systems that already serve those capabilities, for alternatives_considered, and has room
    for the effect goals the principles require.

    Example: eacheck new procurement --id upphandling-e-arkiv --title "E-arkiv" --requested-by ksf --capability arkivering
    """,
    "exception": """Add an exception: architecture/exceptions/ID.yaml.

    Asks for id, principle, subject, reason, who decided, the expiry date and the diary
    number. The principle must be in force and the subject must exist.

    Example: eacheck new exception --id undantag-lonesystem --principle lifecycle --subject lonesystem --reason "Nytt avtal upphandlas" --decided-by Kommunstyrelsen --expires 2027-06-30
    """,
}


@click.group("new", cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--lang", "language", type=click.Choice(LANGUAGES), default=None, cls=Option,
              help="Language of everything eacheck says (default: 'language' in eacheck.yaml, else sv).")
def command(language: str | None) -> None:
    """Create a new entity file, valid from the start, in the folder it belongs in.

    Asks for what the kind requires (or takes it as options, with --no-input for scripts),
    checks ids and references against the repository, and never overwrites a file.

    Example: eacheck new system
    """


def _complete_ids(kind: str):
    def complete(ctx: click.Context, param: click.Parameter, incomplete: str):
        from click.shell_completion import CompletionItem

        try:
            known = _NEW.index_repository(ctx.params.get("path") or ".").ids(kind)
        except Exception:  # completion must never break the shell
            return []
        return [CompletionItem(i) for i in known if i.startswith(incomplete)]

    return complete


class _FieldOption(Option):
    """The option of one field. Its help is the field's question (asked in the same words) and
    a note or two, each a message of its own, put together in the language of the run."""

    composed_help = True  # the catalogue holds the parts (cli/localized.py: help_texts)

    def __init__(self, *args, field: Field, **kwargs) -> None:
        self.field = field
        super().__init__(*args, help=_field_help(field, str), **kwargs)

    def help_in_language(self) -> str:
        return _field_help(self.field, _)

    def get_help_record(self, ctx: click.Context):
        english, self.help = self.help, self.help_in_language()
        try:
            return click.Option.get_help_record(self, ctx)
        finally:
            self.help = english


def _field_help(field: Field, translate) -> str:
    parts = [translate(field.label) + "."]
    if field.multiple:
        parts.append(translate(N_("Repeat it, or separate ids with commas.")))
    if not field.required:
        parts.append(translate(N_("Optional.")))
    return " ".join(parts)


def _option(field: Field) -> click.Option:
    return _FieldOption(
        [field.option, field.name],
        field=field,
        multiple=field.multiple,
        type=click.Choice(field.choices) if field.choices else None,
        metavar=_metavar(field),
        shell_complete=_complete_ids(field.refers_to) if field.refers_to else None,
    )


def _metavar(field: Field) -> str | None:
    if field.choices:
        return None  # click lists the choices
    if field.is_date:
        return "YYYY-MM-DD"
    return "ID" if field.is_id or field.refers_to else "TEXT"


def _make_command(kind: str) -> click.Command:
    def callback(path: str, no_input: bool, language: str | None, **given) -> None:
        new_entity = _NEW
        index = new_entity.index_repository(path)
        values = {}
        for field in FIELDS[kind]:
            value = given.get(field.name)
            if field.multiple:
                value = [item for text in value for item in new_entity.split_list(text)]
            if value:
                values[field.name] = value
        problems = new_entity.value_problems(kind, values, index)
        if problems and not no_input:  # before any question; without questions, with the missing options
            raise new_entity.problems_error(problems)
        if not no_input:
            for field in FIELDS[kind]:
                if field.name not in values and (field.required or field.ask):
                    try:
                        answer = _ask(field, values, index)
                    except click.Abort:
                        # click's "Aborted!" exits 1, which means findings; this run found none,
                        # it could not finish (SPEC §5: exit code 2).
                        click.echo(err=True)  # the prompt left the line open
                        raise CommandFailed(str(msg(
                            "no answer to '{question}' (standard input ended or the question was "
                            "interrupted), so nothing was written; give it as {option}, and add "
                            "--no-input in scripts",
                            question=_(field.label), option=field.option,
                        ))) from None
                    if answer:
                        values[field.name] = answer
        written = new_entity.new_entity(path, kind, values, index, current_language())
        click.echo(str(msg("created {path}", path=str(written))))
        click.echo(_("Fill in what else is known (see the comments in the file), then run "
                     "eacheck validate."))

    params = [
        Argument(["path"], default=".", type=click.Path(file_okay=False)),
        *(_option(field) for field in FIELDS[kind]),
        Option(["--no-input"], is_flag=True,
               help="Never ask: fail (exit code 2) when a required option is missing."),
        Option(["--lang", "language"], type=click.Choice(LANGUAGES), default=None,
               help="Language of everything eacheck says (default: 'language' in eacheck.yaml, else sv)."),
    ]
    help_text = _HELP[kind]
    return Command(kind, params=params, callback=handle_errors(callback), help=help_text,
                         short_help=help_text.splitlines()[0].rstrip("."))


def _ask(field: Field, values: dict, index):
    new_entity = _NEW
    default = field.default(values, index.language) if field.default else None
    hint = ", ".join(field.choices) or new_entity.known_ids_hint(field, index)
    # The parts are formatted here rather than as message values: a value is cut at 200
    # characters, and a list of known ids may be longer.
    text = _(field.label)
    if field.multiple:
        text = _("{question}, separated by commas").format(question=text)
    if field.is_date:
        hint = _("YYYY-MM-DD")
    if hint:
        text = _("{question} ({hint})").format(question=text, hint=hint)
    if not field.required:
        text = _("{question} [Enter to skip]").format(question=text)

    def convert(raw: str):
        raw = raw.strip()
        if not raw:
            if field.required:
                raise click.UsageError(_("an answer is needed"))
            return None
        items = new_entity.split_list(raw) if field.multiple else [raw]
        for item in items:
            problem = new_entity.value_problem(field, item, index)
            if problem:
                raise click.UsageError(str(problem))
        return items if field.multiple else raw

    fallback = default if default is not None else (None if field.required else "")
    return click.prompt(text, default=fallback, show_default=default is not None, value_proc=convert)


for _kind in KINDS:
    command.add_command(_make_command(_kind))
