"""`eacheck impact` for people (text) and for other tools (json)."""

from __future__ import annotations

import json

from eacheck.analysis.impact import PLANNED_GROUP_COMMON, Impact

FORMATS = ("text", "json")


def render(format_name: str, result: Impact) -> str:
    if format_name == "json":
        return json.dumps(result.to_json(), ensure_ascii=False, indent=2) + "\n"
    return render_text(result)


# What to do with an integration that still names a system not in operation, by its status.
_CLEAN_UP = {
    "retired": "Retire them too, or point them at the system that replaced it.",
    "planned": "An active flow cannot run through a planned system: set them to planned, or "
               "correct from, to or via.",
}


def render_text(result: Impact) -> str:
    lines = [f"Impact of retiring {result.system} ({result.name}, {result.status}) as of {result.as_of.isoformat()}"]
    if not result.in_operation:
        return _render_not_in_operation(result, lines)

    lines += ["", _heading("Integrations that break", result.broken_integrations)]
    for item in result.broken_integrations:
        route = f"{item.source} -> {item.target}" + (f" via {item.via}" if item.via else "")
        lines.append(f"  {item.integration}: {route}")

    for title, reached in (("Upstream systems (their data reaches it)", result.upstream),
                           ("Downstream systems (its data reaches them)", result.downstream)):
        lines += ["", _heading(title, reached)]
        lines += [f"  {item.hops} hop{'s' if item.hops != 1 else ''}: {item.system}" for item in reached]

    lines += ["", _heading("Organizations that lose it", result.organizations)]
    if result.organizations:
        lines.append("  " + ", ".join(result.organizations))

    lines += ["", _heading("Capabilities still served by another active system", result.still_served)]
    lines += [f"  {item.capability}: {', '.join(item.systems)}" for item in result.still_served]

    lines += ["", _heading("Capabilities left with no active system", result.uncovered)]
    for item in result.uncovered:
        lines.append(f"  {item.capability}")
        if not item.alternatives:
            lines.append("    no group-common alternative")
        for alternative in item.alternatives:
            if alternative.kind == PLANNED_GROUP_COMMON:
                since = f", from {alternative.since.isoformat()}" if alternative.since else ""
                lines.append(f"    alternative: {alternative.system} (planned group-common{since})")
            else:
                lines.append(
                    f"    alternative: {alternative.system} (group-common, serves the broader "
                    f"capability {alternative.capability})"
                )
    return "\n".join(lines) + "\n"


def _render_not_in_operation(result: Impact, lines: list[str]) -> str:
    lines.append(
        f"  It is {result.status}, not in operation: nothing breaks, no organization loses it and "
        "no capability is left without a system."
    )
    stale = result.stale_integrations
    lines += ["", _heading("Integrations that still name it, stale data to clean up", stale)]
    for item in stale:
        route = f"{item.source} -> {item.target}" + (f" via {item.via}" if item.via else "")
        lines.append(f"  {item.integration}: {route} ({item.status})")
    if stale:
        lines.append(f"  {_CLEAN_UP[result.status]}")
    return "\n".join(lines) + "\n"


def _heading(title: str, items) -> str:
    return f"{title} ({len(items)}):" if items else f"{title}: none"
