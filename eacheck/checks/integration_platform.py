"""Integrations between owners go through the group's integration platform.

Finds an active integration between systems with different owners that neither passes `via`
an integration platform nor has one as its `from` or `to`. Point-to-point links between
organizations are hard to see, reuse, monitor and change. A platform is any system serving the
capability named by the `platform_capability` parameter.
"""

from __future__ import annotations

from collections.abc import Iterator

from eacheck.checks.base import ANY, CheckContext, Violation, organization_name, params_schema
from eacheck.i18n import msg
from eacheck.model.naming import the

NAME = "integration-platform"
PARAMS = params_schema(
    {
        "platform_capability": {
            "type": "string",
            "default": "integration-platform",
            "description": "Capability id that marks a system as an integration platform.",
        }
    }
)
LOOSENED_BY = {"platform_capability": ANY}


def check(context: CheckContext, params: dict) -> Iterator[Violation]:
    landscape = context.landscape
    capability = params["platform_capability"]
    platforms = {
        system.id for system in landscape.systems.values() if capability in system.capabilities
    }
    for integration in landscape.integrations.values():
        if not integration.is_active:
            continue
        source = landscape.systems.get(integration.source)
        target = landscape.systems.get(integration.target)
        if source is None or target is None or source.owner == target.owner:
            continue
        if integration.via in platforms or {source.id, target.id} & platforms:
            continue
        if integration.via:
            message = msg(
                "{subject} goes via {via}, which is not an integration platform (it does not "
                "serve '{capability}'); route it via the group's integration platform",
                via=the("system", integration.via), capability=capability,
            )
            path = ("via",)
        else:
            message = msg(
                "{subject} links '{source}' (owned by '{source_owner}') and '{target}' (owned by "
                "'{target_owner}') point to point; route it via the group's integration platform",
                source=source.id, source_owner=organization_name(landscape, source.owner),
                target=target.id, target_owner=organization_name(landscape, target.owner),
            )
            path = ()
        yield Violation(integration, message, "point-to-point", path)
