"""`eacheck init`: start a new architecture repository, with examples or from an inventory."""

from __future__ import annotations

from pathlib import Path

import click

from eacheck import i18n
from eacheck.cli.common import argument, command, emit, handle_errors, option
from eacheck.i18n import DEFAULT_LANGUAGE, LANGUAGES, _, msg, msg_n


@command("init")
@argument("directory", default=".", type=click.Path(file_okay=False))
@option("--lang", type=click.Choice(LANGUAGES), default=None,
        help="Language of the README, the comments, the examples, the editor help and what init "
             "says (default: the language of the folder's eacheck.yaml if it has one, else sv).")
@option("--from", "source", metavar="SOURCE", default=None,
        help="Start from the group's own inventory instead of the examples: an .xlsx or .csv file "
             "(with --mapping) or an ArchiMate model (.xml), imported as `eacheck import` does.")
@option("--mapping", metavar="MAPPING", default=None,
        help="With --from: which sheet and column becomes which key (docs/import.md).")
@handle_errors
def command(directory: str, lang: str, source: str | None, mapping: str | None) -> None:
    """Start a new architecture repository in DIRECTORY (created if missing).

    Writes eacheck.yaml, the default principles, a small commented example of every kind under
    architecture/, a README for the architects, a CI workflow, a pre-commit configuration, a
    CODEOWNERS template, a .gitignore that leaves out the site `eacheck site` builds, and editor
    settings with JSON Schemas for completion and hover help.
    The examples pass validate and check as they are. Existing files are never overwritten:
    they are kept and listed, so init is safe to run again. With --from, architecture/ is
    filled from the inventory instead of the examples; if any row has a problem, nothing at
    all is written (exit code 1).

    Example: eacheck init landskap --from systemforteckning.xlsx --mapping mapping.yaml
    """
    from eacheck import api

    if lang is None:
        # A repository that exists keeps its language; init then only adds what is missing.
        exists = (Path(directory) / "eacheck.yaml").is_file()
        lang = api.repository_language(directory) if exists else DEFAULT_LANGUAGE
    # What init says is in the language of what it writes, whatever folder it runs in.
    with i18n.using(lang):
        _init(api, directory, lang, source, mapping)


def _init(api, directory: str, lang: str, source: str | None, mapping: str | None) -> None:
    if source is not None:
        result, imported = api.init_from(directory, source, mapping, lang)
        if result is None:
            emit(api.render_import(imported))
            click.get_current_context().exit(imported.exit_code)
    elif mapping is not None:
        raise click.UsageError(_("--mapping goes with --from"))
    else:
        result = api.init(directory, lang)
    for relative in result.created:
        click.echo(str(msg("created {path}", path=relative)))
    for relative in result.kept:
        click.echo(str(msg("kept existing {path}", path=relative)))
        if relative == ".gitignore" and result.gitignore_advice:
            click.echo("  " + str(msg("add the line {line} to it, so that the site `eacheck site` builds "
                                      "is not committed (CI builds it)", line=result.gitignore_advice)))
    for folder in result.left_alone:
        click.echo(str(msg("kept existing {folder} as it is: it already holds YAML files, so no "
                           "examples were added", folder=folder)))
    if source is not None:
        emit(api.render_import(imported))
    where = "" if directory == "." else f"cd {directory}\n  "
    click.echo("")
    click.echo(str(msg(
        "{created}, {kept}. Next:",
        created=msg_n("{n} file created", "{n} files created", len(result.created)),
        kept=msg_n("{n} kept", "{n} kept", len(result.kept)),
    )))
    click.echo(f"  {where}eacheck validate && eacheck check && eacheck report")
    if source is None and any(str(relative).startswith("architecture/") for relative in result.created):
        # only when init wrote examples: a repository that had its own keeps them
        click.echo(_("Then replace the examples under architecture/ with your own (see README.md)."))
