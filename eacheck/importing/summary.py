"""What an import did, or would do, in words: created files, differences per key, problems."""

from __future__ import annotations

from eacheck.i18n import _, msg, msg_n, render
from eacheck.importing.plan import ImportPlan
from eacheck.importing.text import shown
from eacheck.loading.yaml_writing import scalar
from eacheck.model.naming import the
from eacheck.safe_text import printable

# Listing 10,000 new files helps nobody; past this many, they are counted instead.
LISTED = 200


def _value(value) -> str:
    if value is None:
        return _("(not set)")
    if isinstance(value, str) and "\n" in value:  # on one line, its line breaks shown as \n
        return shown(value)
    return shown(scalar(value, date=True).replace("\n", " "))


def text(plan: ImportPlan, dry_run: bool, update: bool, written: list[str]) -> str:
    """The report of an import, in the language of the run; whatever it quotes from the source
    (a sheet's name, an element's) with its control characters shown, never obeyed."""
    return printable(_text(plan, dry_run, update, written), lines=True)


def _text(plan: ImportPlan, dry_run: bool, update: bool, written: list[str]) -> str:
    lines: list[str] = []
    if not plan.ok:
        lines += [problem.render() for problem in plan.problems]
        lines.append("")
        lines.append(render(msg_n("{n} problem in {source}; nothing was written",
                                  "{n} problems in {source}; nothing was written",
                                  len(plan.problems), source=plan.source)))
        return "\n".join(lines) + "\n"
    for note in plan.notes:
        lines.append(render(note))
    created = plan.created
    verb_new = msg("would create {path} ({where})") if dry_run else msg("created {path} ({where})")
    for item in created[:LISTED]:
        lines.append(render(msg(verb_new.text, path=item.path, where=item.candidate.where.prefix())))
    if len(created) > LISTED:
        lines.append(render(msg_n("… and {n} more new file", "… and {n} more new files",
                                  len(created) - LISTED)))
    for change in plan.changed:
        candidate = change.candidate
        if update and not dry_run:
            head = msg("changed {entity} in {path} ({where}):")
        elif update:
            head = msg("would change {entity} in {path} ({where}):")
        else:
            head = msg("{entity} in {path} differs from {where}:")
        lines.append(render(msg(head.text, entity=the(candidate.kind, candidate.id), path=change.path,
                                where=candidate.where.prefix())))
        for difference in change.differences:
            lines.append(f"  {difference.key}: {_value(difference.old)} → {_value(difference.new)}")
    lines.append("")
    counts = dict(new=len(created), changed=len(plan.changed), unchanged=plan.unchanged)
    lines.append(render(msg("{source}: {new} new, {changed} with differences, {unchanged} unchanged",
                            source=plan.source, **counts)))
    if dry_run:
        lines.append(render(msg("Nothing was written (--dry-run).")))
    elif plan.changed and not update:
        lines.append(render(msg("The differences were not written; run the import again with --update "
                                "to change exactly these keys in place.")))
    elif not written:
        lines.append(render(msg("Nothing to write: the repository already holds what the source says.")))
    if plan.existing_problems:
        lines.append(render(msg_n(
            "note: the repository had {n} problem before the import; run `eacheck validate` to see it",
            "note: the repository had {n} problems before the import; run `eacheck validate` to see them",
            plan.existing_problems)))
    return "\n".join(lines) + "\n"
