"""`eacheck impact` for people (text, in the language of the run) and for other tools (json).

The text names organizations by their names; JSON keeps the ids, for the programs that read it.
"""

from __future__ import annotations

import json

from eacheck.analysis.impact import PLANNED_GROUP_COMMON, Impact
from eacheck.i18n import N_, _, msg, msg_n
from eacheck.i18n.formats import Number
from eacheck.model.naming import status_name
from eacheck.model.plain import plain
from eacheck.safe_text import printable

FORMATS = ("text", "json")


def render(format_name: str, result: Impact) -> str:
    if format_name == "json":
        return json.dumps(plain(result), ensure_ascii=False, indent=2) + "\n"
    return render_text(result)


# What to do with an integration that still names a system not in operation, by its status.
_CLEAN_UP = {
    "retired": N_("Retire them too, or point them at the system that replaced it."),
    "planned": N_("An active flow cannot run through a planned system: set them to planned, or "
                  "correct from, to or via."),
}
# Why nothing breaks, by the status of a system not in operation (Swedish inflects the status).
_NOT_IN_OPERATION = {
    "retired": N_("It is retired, not in operation: nothing breaks, no organization loses it and "
                  "no capability is left without a system."),
    "planned": N_("It is planned, not in operation: nothing breaks, no organization loses it and "
                  "no capability is left without a system."),
}


def render_text(result: Impact) -> str:
    # Ids are plain by their schema; a name is free text, shown with its control characters escaped.
    lines = [str(msg("Impact of retiring {system} ({name}, {status}) as of {date}",
                     system=result.system, name=printable(result.name), status=status_name(result.status),
                     date=result.as_of))]
    if not result.in_operation:
        return _render_not_in_operation(result, lines)

    lines += ["", _heading(_("Integrations that break"), result.broken_integrations)]
    lines += [f"  {_route(item)}" for item in result.broken_integrations]

    for title, reached in ((_("Upstream systems (their data reaches it)"), result.upstream),
                           (_("Downstream systems (its data reaches them)"), result.downstream)):
        lines += ["", _heading(title, reached)]
        lines += [
            "  " + str(msg_n("{n} hop: {system}", "{n} hops: {system}", item.hops, system=item.system))
            for item in reached
        ]

    lines += ["", _heading(_("Organizations that lose it"), result.organizations)]
    # One per line: names hold commas and "och" of their own ("Kustlunda Energi och Vatten AB").
    lines += [f"  {name}" for name in result.organization_names]

    lines += ["", _heading(_("Capabilities still served by another active system"), result.capabilities_still_served)]
    lines += [
        "  " + str(msg("{capability}: {systems}", capability=item.capability, systems=item.systems))
        for item in result.capabilities_still_served
    ]

    lines += ["", _heading(_("Capabilities left with no active system"), result.capabilities_left_uncovered)]
    for item in result.capabilities_left_uncovered:
        lines.append(f"  {item.capability}")
        if not item.alternatives:
            lines.append("    " + _("no group-common alternative"))
        for alternative in item.alternatives:
            lines.append("    " + str(_alternative(alternative)))
    return "\n".join(lines) + "\n"


def _render_not_in_operation(result: Impact, lines: list[str]) -> str:
    lines.append("  " + _(_NOT_IN_OPERATION[result.status]))
    stale = result.stale_integrations
    lines += ["", _heading(_("Integrations that still name it, stale data to clean up"), stale)]
    for item in stale:
        lines.append("  " + str(msg("{route} ({status})", route=_route(item), status=status_name(item.status))))
    if stale:
        lines.append("  " + _(_CLEAN_UP[result.status]))
    return "\n".join(lines) + "\n"


def _route(item) -> str:
    if item.via:
        return str(msg("{integration}: {source} -> {target} via {via}", integration=item.integration,
                       source=item.source, target=item.target, via=item.via))
    return str(msg("{integration}: {source} -> {target}", integration=item.integration,
                   source=item.source, target=item.target))


def _alternative(alternative):
    if alternative.kind == PLANNED_GROUP_COMMON:
        if alternative.since:
            return msg("alternative: {system} (planned group-common, from {date})",
                       system=alternative.system, date=alternative.since)
        return msg("alternative: {system} (planned group-common)", system=alternative.system)
    return msg("alternative: {system} (group-common, serves the broader capability {capability})",
               system=alternative.system, capability=alternative.capability)


def _heading(title: str, items) -> str:
    if items:
        return str(msg("{title} ({count}):", title=title, count=Number(len(items))))
    return str(msg("{title}: none", title=title))
