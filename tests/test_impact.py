"""`eacheck impact`: the answers below were worked out by hand from the YAML files named."""

from __future__ import annotations

import json
from datetime import date

import pytest
from conftest import PROJECT_ROOT

from eacheck import api, i18n
from eacheck.analysis.impact import PARENT_GROUP_COMMON, PLANNED_GROUP_COMMON, impact
from eacheck.errors import UsageError
from eacheck.output.impact import render_text


@pytest.fixture(scope="module")
def example():
    return api.open_repository(PROJECT_ROOT).landscape


def test_retiring_the_integration_platform(example):
    """Read: architecture/systems/ksf/integrationsplattform.yaml, architecture/integrations/*.yaml,
    architecture/organizations/externa.yaml, architecture/capabilities/digital-infrastruktur.yaml.

    105 integrations say `via: integrationsplattform` (grep -c per file: 14+7+17+14+19+19+8+7);
    4 of them are planned (int-arendesystem-teknik-arendehantering, int-chattbot-kontaktcenter,
    int-chattbot-e-tjansteplattform, int-lonesystem-rehabstod) and 3 retired
    (int-elevregister-gammalt-e-arkiv, int-elevregister-gammalt-elevadministration,
    int-lonesystem-gammalt-ekonomisystem), so 98 active ones break. None has the platform as
    from or to.
    """
    result = impact(example, "integrationsplattform", date(2026, 11, 27))
    assert len(result.broken_integrations) == 98
    assert {item.role for item in result.broken_integrations} == {"via"}
    broken = {item.integration for item in result.broken_integrations}
    assert {"int-socialtjanstsystem-sms-utskick", "int-gis-plattform-fastighetssystem"} <= broken
    assert not broken & {"int-chattbot-kontaktcenter", "int-lonesystem-gammalt-ekonomisystem",
                         "int-planarkiv-gis-plattform"}

    # Owner ksf and used_by [buf, sof, tff, sbf, kustlundahem, energi-vatten, hamn]; none external.
    assert result.organizations == ("buf", "energi-vatten", "hamn", "ksf", "kustlundahem", "sbf", "sof", "tff")

    # Only the platform serves integration-platform; nothing serves its parent digital-infrastructure
    # and no planned group-common system serves it: no alternative.
    assert result.capabilities_still_served == ()
    assert [(u.capability, u.alternatives) for u in result.capabilities_left_uncovered] == [("integration-platform", ())]

    upstream = {r.system: r.hops for r in result.upstream}
    downstream = {r.system: r.hops for r in result.downstream}
    # gis-plattform sends through the platform (int-gis-plattform-fastighetssystem and five more);
    # planarkiv only feeds gis-plattform directly (int-planarkiv-gis-plattform): one more hop.
    assert upstream["gis-plattform"] == 1 and upstream["planarkiv"] == 2
    # e-arkiv and sms-utskick receive through the platform.
    assert downstream["e-arkiv"] == 1 and downstream["sms-utskick"] == 1
    assert "integrationsplattform" not in upstream and "integrationsplattform" not in downstream


def test_retiring_a_leaf_system(example):
    """Read: architecture/systems/sbf/planarkiv.yaml (owner sbf, no used_by, serves
    spatial-planning), architecture/integrations/fastighet-och-teknik.yaml (its only integration
    is int-planarkiv-gis-plattform, direct; gis-plattform sends to seven systems, six of them via
    the platform), architecture/capabilities/samhallsbyggnad.yaml (spatial-planning under
    community-building, which no system serves)."""
    result = impact(example, "planarkiv", date(2026, 11, 27))
    assert [(b.integration, b.source, b.target, b.via, b.role) for b in result.broken_integrations] == [
        ("int-planarkiv-gis-plattform", "planarkiv", "gis-plattform", None, "from"),
    ]
    assert result.upstream == ()
    hops = {r.system: r.hops for r in result.downstream}
    assert hops["gis-plattform"] == 1
    # The platform is no hop: what gis-plattform sends via it arrives at 2 hops, not 3.
    assert {system for system, distance in hops.items() if distance == 2} == {
        "fastighetssystem", "bygglovssystem", "webbplattform", "kh-fastighetssystem",
        "miljotillsynssystem", "ev-kundsystem", "gata-park-drift",
    }
    assert "integrationsplattform" not in hops
    assert result.organizations == ("sbf",)
    assert [(u.capability, u.alternatives) for u in result.capabilities_left_uncovered] == [("spatial-planning", ())]


CAPABILITIES = """\
    kind: capability
    id: verksamhetsstod
    name: Verksamhetsstöd
    ---
    kind: capability
    id: ekonomi
    name: Ekonomi
    parent: verksamhetsstod
    ---
    kind: capability
    id: lon
    name: Lön
    parent: ekonomi
    ---
    kind: capability
    id: arkiv
    name: Arkiv
    parent: verksamhetsstod
    ---
    kind: capability
    id: intern
    name: Intern service
    parent: verksamhetsstod
    """


def _system(system_id, capabilities, status="active", group_common=False, since=None):
    lifecycle = f"{{status: {status}" + (f", since: {since}}}" if since else "}")
    return f"""\
kind: system
id: {system_id}
name: {system_id}
owner: ks
system_owner: Förvaltare
capabilities: [{', '.join(capabilities)}]
group_common: {str(group_common).lower()}
lifecycle: {lifecycle}
"""


def test_alternatives_for_capabilities_left_uncovered(repository):
    root = repository({
        "architecture/capabilities.yaml": CAPABILITIES,
        "architecture/case.yaml": "---\n".join([
            _system("gammal-lon", ["lon", "arkiv", "intern"]),
            # Planned group-common for lon itself: the designated replacement.
            _system("ny-lon", ["lon"], status="planned", group_common=True, since="2027-03-01"),
            # Still serves arkiv after gammal-lon goes.
            _system("e-arkiv", ["arkiv"]),
            # Group-common but phase-out, at verksamhetsstod: never offered.
            _system("fas-ut", ["verksamhetsstod"], status="phase-out", group_common=True),
        ]),
    })
    landscape = api.open_repository(root).landscape
    result = impact(landscape, "gammal-lon", date(2026, 11, 27))
    assert [(s.capability, s.systems) for s in result.capabilities_still_served] == [("arkiv", ("e-arkiv",))]
    uncovered = {u.capability: [(a.system, a.kind, a.capability, a.since) for a in u.alternatives]
                 for u in result.capabilities_left_uncovered}
    assert uncovered == {
        # intern: its parent verksamhetsstod is only served by a phase-out system.
        "intern": [],
        # lon: the planned group-common system, and the base landscape's group-common
        # ekonomisystem serving the nearest broader capability, ekonomi (not verksamhetsstod).
        "lon": [("ny-lon", PLANNED_GROUP_COMMON, "lon", date(2027, 3, 1)),
                ("ekonomisystem", PARENT_GROUP_COMMON, "ekonomi", None)],
    }
    assert result.organizations == ("ks",)


def test_a_retired_group_common_system_is_not_its_own_alternative(repository):
    root = repository({
        "architecture/capabilities.yaml": CAPABILITIES,
        "architecture/case.yaml": _system("plattform", ["ekonomi", "intern"], group_common=True),
    })
    landscape = api.open_repository(root).landscape
    # The base landscape's ekonomisystem also serves ekonomi; for intern, the only group-common
    # system near it would be the one being retired.
    result = impact(landscape, "plattform")
    assert [(s.capability, s.systems) for s in result.capabilities_still_served] == [("ekonomi", ("ekonomisystem",))]
    assert [(u.capability, u.alternatives) for u in result.capabilities_left_uncovered] == [("intern", ())]


def test_unknown_system_gives_a_did_you_mean(example):
    with pytest.raises(UsageError) as raised:
        impact(example, "planarkivet")
    assert str(raised.value) == "inget system har id:t 'planarkivet'; menade du 'planarkiv'?"
    with i18n.using("en"):
        assert str(raised.value) == "no system has the id 'planarkivet'; did you mean 'planarkiv'?"


def test_cli_json_and_text(run):
    result = run("impact", "planarkiv", PROJECT_ROOT, "--format", "json", "--as-of", "2026-11-27")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["as_of"] == "2026-11-27" and data["system"] == "planarkiv"
    assert data["broken_integrations"] == [{"integration": "int-planarkiv-gis-plattform", "from": "planarkiv",
                                            "to": "gis-plattform", "via": None, "role": "from"}]
    assert data["downstream"][0] == {"system": "gis-plattform", "hops": 1}
    assert data["capabilities_left_uncovered"] == [{"capability": "spatial-planning", "alternatives": []}]

    text = run("impact", "planarkiv", PROJECT_ROOT, "--as-of", "2026-11-27", "--lang", "en")
    assert text.exit_code == 0
    assert text.output.startswith("Impact of retiring planarkiv (Plan- och detaljplanearkiv, active) as of 27 November 2026\n")
    assert "int-planarkiv-gis-plattform: planarkiv -> gis-plattform" in text.output
    assert "1 hop: gis-plattform" in text.output and "2 hops: " in text.output
    assert "spatial-planning\n    no group-common alternative" in text.output
    # Organizations by name for people; JSON keeps the ids.
    assert data["organizations"] == ["sbf"]
    assert "Organizations that lose it (1):\n  Samhällsbyggnadsförvaltningen\n" in text.output
    # Same input, same bytes.
    assert run("impact", "planarkiv", PROJECT_ROOT, "--as-of", "2026-11-27", "--lang", "en").output == text.output

    swedish = run("impact", "planarkiv", PROJECT_ROOT, "--as-of", "2026-11-27").output  # the repository's language
    assert swedish.startswith("Konsekvenser om planarkiv (Plan- och detaljplanearkiv, i drift) avvecklas, per 27 november 2026\n")
    assert "1 steg: gis-plattform" in swedish and "2 steg: " in swedish
    assert "Organisationer som förlorar systemet (1):\n  Samhällsbyggnadsförvaltningen\n" in swedish
    assert "spatial-planning\n    inget koncerngemensamt alternativ" in swedish


def test_cli_unknown_system_exits_2(run):
    result = run("impact", "integrationsplatform", PROJECT_ROOT, "--lang", "en")
    assert result.exit_code == 2
    assert "did you mean 'integrationsplattform'" in result.output
    result = run("impact", "ksf", PROJECT_ROOT, "--lang", "en")
    assert result.exit_code == 2
    assert "'ksf' is an organization, not a system" in result.output
    result = run("impact", "ksf", PROJECT_ROOT)
    assert result.exit_code == 2
    assert "'ksf' är en organisation, inte ett system; ange id:t för ett system" in result.output


# -- a system that is not in operation --------------------------------------------------------


def test_a_retired_system_breaks_nothing_and_lists_the_integrations_that_still_name_it(run):
    """The example's old payroll system is retired, but an active integration still runs from it."""
    result = run("impact", "lonesystem-gammalt", PROJECT_ROOT, "--format", "json", "--as-of", "2026-11-27")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["status"] == "retired"
    for nothing in ("broken_integrations", "upstream", "downstream", "organizations",
                    "capabilities_still_served", "capabilities_left_uncovered"):
        assert data[nothing] == [], nothing
    assert data["stale_integrations"] == [{
        "integration": "int-lonesystem-gammalt-e-arkiv", "from": "lonesystem-gammalt", "to": "e-arkiv",
        "via": None, "role": "from", "status": "active",
    }]

    text = run("impact", "lonesystem-gammalt", PROJECT_ROOT, "--as-of", "2026-11-27", "--lang", "en").output
    assert "It is retired, not in operation: nothing breaks, no organization loses it" in text
    assert "Integrations that break" not in text and "Organizations that lose it" not in text
    assert "stale data to clean up (1):\n  int-lonesystem-gammalt-e-arkiv: lonesystem-gammalt -> e-arkiv (active)" in text
    assert "point them at the system that replaced it" in text

    swedish = run("impact", "lonesystem-gammalt", PROJECT_ROOT, "--as-of", "2026-11-27").output
    assert "Systemet är avvecklat och inte i drift: ingenting slutar fungera" in swedish
    assert "att rätta (1):\n  int-lonesystem-gammalt-e-arkiv: lonesystem-gammalt -> e-arkiv (i drift)" in swedish
    assert "peka om dem till systemet som ersatte det" in swedish


def test_stale_integrations_by_status(repository):
    root = repository({
        "architecture/case.yaml": """\
            kind: system
            id: gammalt
            name: Gammalt
            owner: ks
            capabilities: [ekonomi]
            lifecycle: {status: retired}
            ---
            kind: system
            id: kommande
            name: Kommande
            owner: ks
            capabilities: [ekonomi]
            lifecycle: {status: planned}
            ---
            kind: integration
            id: i-aktiv
            from: gammalt
            to: ekonomisystem
            ---
            kind: integration
            id: i-planerad
            from: ekonomisystem
            to: kommande
            via: gammalt
            status: planned
            ---
            kind: integration
            id: i-avvecklad
            from: gammalt
            to: ekonomisystem
            status: retired
            ---
            kind: integration
            id: i-till-kommande
            from: ekonomisystem
            to: kommande
            """,
    })
    landscape = api.open_repository(root).landscape
    retired = impact(landscape, "gammalt")
    assert [(s.integration, s.role, s.status) for s in retired.stale_integrations] == [
        ("i-aktiv", "from", "active"), ("i-planerad", "via", "planned")]
    assert (retired.broken_integrations, retired.organizations, retired.capabilities_left_uncovered) == ((), (), ())
    planned = impact(landscape, "kommande")  # a planned flow to a planned system is fine
    assert [s.integration for s in planned.stale_integrations] == ["i-till-kommande"]
    with i18n.using("en"):
        assert "set them to planned" in render_text(planned)
    assert "Systemet är planerat och inte i drift" in render_text(planned)
    active = impact(landscape, "ekonomisystem")
    assert active.stale_integrations == () and active.broken_integrations
