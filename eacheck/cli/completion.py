"""Shell completion of the ids a command takes, read from the repository being worked on.

The repository is the command's PATH when it was typed before the id (`graph PATH
--organization <TAB>`), else the current folder: `impact` and `explain` take their id first.
"""

from __future__ import annotations

from pathlib import Path

import click


def ids_of(kind: str):
    """A ``shell_complete`` callback offering the ids of ``kind`` (or ``principle``) that start
    with what was typed."""

    def complete(ctx: click.Context, param: click.Parameter, incomplete: str):
        from click.shell_completion import CompletionItem

        try:
            known = _ids(_repository(ctx), kind)
        except Exception:  # completion must never break the shell, whatever the folder holds
            return []
        return [CompletionItem(entity_id) for entity_id in known if entity_id.startswith(incomplete)]

    return complete


def _repository(ctx: click.Context) -> str:
    # While an option's value is being completed, click can leave the PATH typed before the
    # option unparsed, in ctx.args, with the default in ctx.params.
    for word in ctx.args:
        if Path(word).is_dir():
            return word
    return ctx.params.get("path") or "."


def _ids(path: str, kind: str) -> list[str]:
    from eacheck import api

    if kind == "principle":
        return sorted(principle.id for principle, _ in api.principles_in_force(path))
    landscape = api.open_repository(path).landscape
    collections = {
        "system": landscape.systems,
        "organization": landscape.organizations,
        "capability": landscape.capabilities,
    }
    return sorted(collections[kind])
