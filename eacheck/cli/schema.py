"""`eacheck schema`: the JSON Schemas for editors, in Swedish or English."""

from __future__ import annotations

import click

from eacheck.cli.common import argument, command, emit, handle_errors, option
from eacheck.i18n import LANGUAGES, N_, _, msg

# The schema names, listed here so that `--help` needs no import of the schemas.
# (tests/test_schema_command.py holds it equal to eacheck.scaffold.editor_schemas.NAMES)
SCHEMA_NAMES = ("organization", "capability", "system", "integration", "procurement", "exception",
                "entity", "principle", "settings")

_USE = {
    "entity": N_("architecture/**/*.yaml  any kind, chosen by its `kind`"),
    "principle": "principles/**/*.yaml",
    "settings": "eacheck.yaml",
}


@command("schema")
# NAME as the metavar: the list of choices is longer than a usage line, and click would
# break it in the middle of a word; the help text lists them instead.
@argument("name", required=False, type=click.Choice(SCHEMA_NAMES), metavar="[NAME]")
@option("--out", "out", metavar="DIR", type=click.Path(file_okay=False), default=None,
              help="Write the schemas (or only NAME) into DIR, replacing older ones.")
@option("--lang", type=click.Choice(LANGUAGES), default=None,
              help="Language of titles and descriptions "
                   "(default: the language of ./eacheck.yaml, else sv).")
@handle_errors
def command(name: str | None, out: str | None, lang: str | None) -> None:
    """Write or print the JSON Schemas that give editors completion and hover help.

    With --out DIR, writes one schema per kind, the combined entity schema for architecture/
    (it dispatches on `kind`), and the principle and settings schemas, as NAME.schema.json;
    `eacheck init` writes them into .eacheck/schemas/, and this refreshes them after an upgrade.
    With NAME and no --out, prints that schema. With neither, lists the schemas. NAME is one
    of: organization, capability, system, integration, procurement, exception, entity,
    principle, settings.

    Example: eacheck schema --out .eacheck/schemas --lang sv
    """
    from eacheck import api

    editor_schemas = api.editor_schemas_module()
    lang = lang or api.repository_language(".")
    if out is not None:
        names = (name,) if name else editor_schemas.NAMES
        for path in editor_schemas.write_schemas(out, lang, names):
            click.echo(str(msg("wrote {path}", path=str(path))))
        return
    if name is not None:
        emit(editor_schemas.render(editor_schemas.editor_schema(name, lang)))
        return
    click.echo(_("Schemas (print one with `eacheck schema NAME`, write all with --out DIR):"))
    for schema_name in editor_schemas.NAMES:
        use = _(_USE[schema_name]) if schema_name in _USE else str(msg("kind: {kind} only", kind=schema_name))
        click.echo(f"  {editor_schemas.file_name(schema_name):28} {use}")
