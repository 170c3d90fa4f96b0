"""Each figure of SPEC §4, pinned on small landscapes whose answers were worked out by hand."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import PROJECT_ROOT

from eacheck import api
from eacheck.analysis.completeness import completeness
from eacheck.analysis.decommissioning import candidates, dependents
from eacheck.analysis.duplication import duplication
from eacheck.analysis.shared_use import shared_use
from eacheck.analysis.targets import quarter_of, quarters_between, target_status
from eacheck.analysis.time_classes import time_class, time_overview

AS_OF = date(2026, 11, 27)

ORGANIZATIONS = """\
    kind: organization
    id: adm1
    name: Förvaltning 1
    type: administration
    ---
    kind: organization
    id: adm2
    name: Förvaltning 2
    type: administration
    ---
    kind: organization
    id: adm3
    name: Förvaltning 3
    type: administration
    ---
    kind: organization
    id: hold
    name: Stadshus AB
    type: holding
    ---
    kind: organization
    id: co1
    name: Bolag 1 AB
    type: company
    parent: hold
    ---
    kind: organization
    id: ext
    name: Grannkommunen
    type: external
    """

CAPABILITIES = """\
    kind: capability
    id: cap-a
    name: A
    ---
    kind: capability
    id: cap-b
    name: B
    ---
    kind: capability
    id: cap-c
    name: C
    ---
    kind: capability
    id: cap-d
    name: D
    ---
    kind: capability
    id: cap-e
    name: E
    ---
    kind: capability
    id: cap-local
    name: Lokal
    sharing: local
    ---
    kind: capability
    id: cap-parent
    name: Förälder
    ---
    kind: capability
    id: cap-child
    name: Barn
    parent: cap-parent
    """


def system(
    system_id: str,
    owner: str = "adm1",
    capabilities: tuple[str, ...] = ("cap-a",),
    used_by: tuple[str, ...] = (),
    status: str = "active",
    cost: int | None = None,
    group_common: bool = False,
    fits: tuple[int | None, int | None] = (None, None),
    retire_by: str | None = None,
    contract_end: str | None = None,
    system_owner: str | None = "Systemägare",
    hosting: str | None = "{model: on-premises}",
    since: str | None = None,
) -> str:
    lines = [
        "kind: system",
        f"id: {system_id}",
        f"name: System {system_id}",
        f"owner: {owner}",
        f"capabilities: [{', '.join(capabilities)}]",
        f"lifecycle: {{status: {status}{', retire_by: ' + retire_by if retire_by else ''}"
        f"{', since: ' + since if since else ''}}}",
    ]
    if used_by:
        lines.append(f"used_by: [{', '.join(used_by)}]")
    if group_common:
        lines.append("group_common: true")
    if cost is not None:
        lines.append(f"cost: {{annual: {cost}}}")
    assessment = {key: value for key, value in zip(("functional_fit", "technical_fit"), fits) if value is not None}
    if assessment:
        lines.append("assessment: {" + ", ".join(f"{k}: {v}" for k, v in assessment.items()) + "}")
    if contract_end:
        lines.append(f"contract: {{end: {contract_end}}}")
    if system_owner:
        lines.append(f"system_owner: {system_owner}")
    if hosting:
        lines.append(f"hosting: {hosting}")
    return "\n".join(lines) + "\n"


def integration(integration_id: str, source: str, target: str, via: str | None = None,
                status: str = "active") -> str:
    text = f"kind: integration\nid: {integration_id}\nfrom: {source}\nto: {target}\nstatus: {status}\n"
    return text + (f"via: {via}\n" if via else "")


@pytest.fixture
def landscape_of(repository):
    """The landscape of a repository holding the organizations and capabilities above plus
    ``systems`` (and ``extra`` files); it must load without a single problem."""

    def make(*systems: str, extra: dict[str, str] | None = None):
        files = {
            "architecture/organizations.yaml": ORGANIZATIONS,
            "architecture/capabilities.yaml": CAPABILITIES,
            "architecture/systems.yaml": "---\n".join(systems),
            **(extra or {}),
        }
        loaded = api.open_repository(repository(files, base=False))
        assert loaded.problems == [], [p.message for p in loaded.problems]
        return loaded.landscape

    return make


# -- shared use ------------------------------------------------------------------------------


@pytest.fixture
def shared_landscape(landscape_of):
    return landscape_of(
        system("s1", used_by=("adm2",), cost=100),  # shared, not across the boundary
        system("s2", used_by=("hold",), cost=300),  # shared and cross-boundary: a holding is company side
        system("s3", used_by=("ext",), cost=50),  # external users do not make it shared
        system("s4", owner="ext", used_by=("co1",), status="phase-out", retire_by="2027-06-30"),  # active
        system("s5", owner="co1", used_by=("adm1", "adm2"), status="planned", cost=200),  # not active
        system("s6", owner="co1", used_by=("adm2",)),  # shared, cross-boundary, no known cost
    )


def test_shared_use_of_the_group(shared_landscape):
    figures = group = shared_use(shared_landscape)
    assert [use.system for use in figures.systems] == ["s1", "s2", "s3", "s4", "s6"]
    assert (group.active_systems, group.shared_systems, group.cross_boundary_systems) == (5, 3, 2)
    assert group.index == pytest.approx(3 / 5)
    assert group.cross_boundary_index == pytest.approx(2 / 5)
    # known cost: s1 + s2 + s3; shared among them: s1 + s2 (s6 is shared but has no cost)
    assert (group.annual_cost, group.shared_annual_cost, group.systems_without_cost) == (450, 400, 2)
    assert group.spend_index == pytest.approx(400 / 450)


def test_using_organizations_leave_out_external_ones(shared_landscape):
    uses = {use.system: use for use in shared_use(shared_landscape).systems}
    assert uses["s3"].organizations == ("adm1",) and not uses["s3"].shared
    assert uses["s4"].organizations == ("co1",) and not uses["s4"].shared
    assert uses["s1"].shared and not uses["s1"].cross_boundary
    assert uses["s2"].organizations == ("adm1", "hold") and uses["s2"].cross_boundary
    assert uses["s6"].organizations == ("adm2", "co1") and uses["s6"].cross_boundary


def test_indexes_per_organization(shared_landscape):
    by_org = {use.organization: use for use in shared_use(shared_landscape).by_organization}
    assert list(by_org) == ["adm1", "adm2", "adm3", "co1", "hold"]  # no external organization
    adm1 = by_org["adm1"]  # s1, s2, s3
    assert (adm1.systems, adm1.shared, adm1.cross_boundary) == (3, 2, 1)
    assert adm1.index == pytest.approx(2 / 3)
    assert adm1.spend_index == pytest.approx(400 / 450)
    adm2 = by_org["adm2"]  # s1, s6
    assert (adm2.index, adm2.spend_index, adm2.cross_boundary_index) == (1.0, 1.0, 0.5)
    co1 = by_org["co1"]  # s4 (through used_by; its owner is external), s6; neither has a cost
    assert (co1.systems, co1.index, co1.spend_index) == (2, 0.5, 0.0)
    assert (by_org["hold"].systems, by_org["hold"].cross_boundary_index) == (1, 1.0)
    adm3 = by_org["adm3"]  # uses nothing: index 0, not an error
    assert (adm3.systems, adm3.index, adm3.spend_index, adm3.cross_boundary_index) == (0, 0.0, 0.0, 0.0)


def test_shared_use_in_the_report_json(repository):
    files = {
        "architecture/organizations.yaml": ORGANIZATIONS,
        "architecture/capabilities.yaml": CAPABILITIES,
        "architecture/systems.yaml": "---\n".join(
            [system("s1", used_by=("adm2",), cost=100), system("s3", used_by=("ext",), cost=200)]
        ),
    }
    report = api.report(repository(files, base=False), AS_OF)
    shared = report["shared_use"]
    assert (shared["active_systems"], shared["shared_systems"], shared["index"]) == (2, 1, 0.5)
    assert shared["spend_index"] == pytest.approx(100 / 300, rel=1e-12)  # the fraction itself
    assert shared["systems"][1] == {
        "system": "s3", "owner": "adm1", "organizations": ["adm1"], "shared": False,
        "cross_boundary": False, "annual_cost": 200,
    }
    assert [o["organization"] for o in shared["by_organization"]] == ["adm1", "adm2", "adm3", "co1", "hold"]
    assert shared["by_organization"][2] == {
        "organization": "adm3", "type": "administration", "systems": 0, "shared": 0,
        "cross_boundary": 0, "index": 0.0, "spend_index": 0.0, "cross_boundary_index": 0.0,
        "annual_cost": 0, "shared_annual_cost": 0, "systems_without_cost": 0,
    }
    assert shared["by_organization"][0]["annual_cost"] == 300  # adm1 owns s1 and s3


def test_a_share_just_under_a_half_percent_is_rounded_once(repository):
    """1 249 of 9 993 in known cost is 12.4987 %: the report shows 12 %, and the JSON keeps the
    fraction. Rounded to four decimals first (0.125), it would show 13 %."""
    files = {
        "architecture/organizations.yaml": ORGANIZATIONS,
        "architecture/capabilities.yaml": CAPABILITIES,
        "architecture/systems.yaml": "---\n".join(
            [system("s1", used_by=("co1",), cost=1249, fits=(3, 3)), system("s2", cost=8744),
             system("s3", fits=(3, 3), system_owner=None, hosting=None)]
        ),
        "eacheck.yaml": "targets: {spend_index: {2027-Q3: 0.2}}\n",
    }
    root = repository(files, base=False)
    report = api.report(root, AS_OF)
    assert report["shared_use"]["spend_index"] == pytest.approx(1249 / 9993, rel=1e-12)
    assert report["shared_use"]["index"] == pytest.approx(1 / 3, rel=1e-12)
    assert report["completeness"]["share"] == pytest.approx(1 / 3, rel=1e-12)  # s1
    assert report["completeness"]["fields"]["assessment"]["share"] == pytest.approx(2 / 3, rel=1e-12)
    spend = report["targets"]["spend_index"]
    assert spend["actual"] == pytest.approx(1249 / 9993, rel=1e-12)
    assert spend["next"]["pace"] == pytest.approx((0.2 - 1249 / 9993) / 3, rel=1e-12)
    for language, index, twelve in (("en", "Spend-weighted index", "12%"),
                                    ("sv", "Kostnadsviktat delningsindex", "12\u00a0%")):
        page = api.render_report(root, "md", as_of=AS_OF, language=language)
        row = next(line for line in page.splitlines() if line.startswith(f"| **{index}** |"))
        assert row.startswith(f"| **{index}** | **{twelve}** |"), row


def test_no_active_systems_gives_zero_indexes(landscape_of):
    group = shared_use(landscape_of(system("p1", status="planned", cost=10)))
    assert (group.active_systems, group.index, group.spend_index, group.cross_boundary_index) == (0, 0.0, 0.0, 0.0)


# -- duplication -----------------------------------------------------------------------------


@pytest.fixture
def duplicated(landscape_of):
    return duplication(landscape_of(
        # cap-a: the group-common ones win over d1's four organizations; d2 and d3 tie -> d2
        system("d1", used_by=("adm2", "adm3", "co1"), cost=1000),
        system("d2", group_common=True, used_by=("adm2",), cost=500),
        system("d3", owner="adm2", group_common=True, used_by=("adm1",), cost=700),
        # cap-b: no group-common system, a tie on two organizations -> the lowest id, d4
        system("d4", owner="adm3", capabilities=("cap-b",), used_by=("co1",)),
        system("d5", owner="co1", capabilities=("cap-b", "cap-c"), used_by=("adm3",), cost=400),
        # cap-c: d6 has the most organizations; d5 loses here too but is counted once
        system("d6", capabilities=("cap-c", "cap-d"), used_by=("adm2", "adm3", "co1"), cost=60),
        # cap-d: d7 wins; d6, kept in cap-c, is not kept here and so counts in the total
        system("d7", owner="hold", capabilities=("cap-d",), used_by=("adm1", "adm2", "adm3", "co1"), cost=80),
        system("d8", capabilities=("cap-d",)),
        # cap-e: e1 has two organizations on paper, but one is external; e2 has two in the group
        system("e1", capabilities=("cap-e",), used_by=("ext",), cost=10),
        system("e2", owner="adm2", capabilities=("cap-e",), used_by=("adm3",), cost=20),
        # not duplication: a local capability, a parent and its child, a retired system
        system("x1", capabilities=("cap-local",), cost=5),
        system("x2", capabilities=("cap-local",), cost=5),
        system("x3", capabilities=("cap-parent",), cost=5),
        system("x4", capabilities=("cap-child",), cost=5),
        system("r1", capabilities=("cap-b",), status="retired", cost=999),
    ))


def test_duplicated_capabilities_and_kept_system(duplicated):
    by_capability = {entry.capability: entry for entry in duplicated.capabilities}
    assert list(by_capability) == ["cap-a", "cap-b", "cap-c", "cap-d", "cap-e"]
    assert by_capability["cap-a"].systems == ("d1", "d2", "d3")
    assert {capability: entry.kept for capability, entry in by_capability.items()} == {
        "cap-a": "d2", "cap-b": "d4", "cap-c": "d6", "cap-d": "d7", "cap-e": "e2",
    }


def test_a_tie_goes_to_the_system_in_operation_longest_then_the_lowest_id(landscape_of):
    """SPEC §4: a system just added (or one whose history is unknown) never displaces an
    established one on a tie, whatever its id."""
    landscape = landscape_of(
        # cap-a: a-new sorts first but came last; a-old has run longest
        system("a-new", used_by=("adm2",), since="2026-10-01"),
        system("b-old", owner="adm2", used_by=("adm1",), since="2012-05-01", cost=900),
        system("c-mid", owner="adm3", used_by=("co1",), since="2019-01-01", cost=300),
        # cap-b: no history on the lowest id: it comes after every system with a since
        system("b-1-unknown", capabilities=("cap-b",), used_by=("adm2",)),
        system("b-2-known", owner="adm2", capabilities=("cap-b",), used_by=("adm1",), since="2024-01-01"),
        # cap-c: no history on either: the lowest id
        system("c-2", capabilities=("cap-c",)),
        system("c-1", owner="adm2", capabilities=("cap-c",)),
        # cap-d: more organizations still beat a longer time in operation
        system("d-old", capabilities=("cap-d",), since="2001-01-01"),
        system("d-wide", owner="adm2", capabilities=("cap-d",), used_by=("adm1", "adm3"), since="2025-01-01"),
        # cap-e: the same since: the lowest id
        system("e-2", capabilities=("cap-e",), since="2020-01-01"),
        system("e-1", owner="adm2", capabilities=("cap-e",), since="2020-01-01"),
    )
    result = duplication(landscape)
    kept = {entry.capability: entry.kept for entry in result.capabilities}
    assert kept == {"cap-a": "b-old", "cap-b": "b-2-known", "cap-c": "c-1", "cap-d": "d-wide", "cap-e": "e-1"}
    [cap_a] = [entry for entry in result.capabilities if entry.capability == "cap-a"]
    assert cap_a.alternative_cost == 300  # the established system is no longer the alternative cost


def test_alternative_cost_per_capability(duplicated):
    by_capability = {entry.capability: entry for entry in duplicated.capabilities}
    a, b, d = by_capability["cap-a"], by_capability["cap-b"], by_capability["cap-d"]
    assert (a.annual_cost, a.alternative_cost) == (2200, 1700)  # d1 and d3, each counted whole
    assert (b.annual_cost, b.alternative_cost, b.systems_without_cost) == (400, 400, ())  # kept d4 has no cost
    assert (d.annual_cost, d.alternative_cost, d.systems_without_cost) == (140, 60, ("d8",))
    assert by_capability["cap-e"].alternative_cost == 10


def test_group_total_counts_each_system_once(duplicated):
    assert duplicated.not_kept == ("d1", "d3", "d5", "d6", "d8", "e1")
    # d1 + d3 + d5 (once, though it loses in two capabilities) + d6 + e1; d8 has no cost
    assert duplicated.total_alternative_cost == 1000 + 700 + 400 + 60 + 10
    # per capability d5 counts twice, which is why the total is not this sum
    assert sum(entry.alternative_cost for entry in duplicated.capabilities) == 2570


# -- TIME ------------------------------------------------------------------------------------


def test_time_classes(landscape_of):
    landscape = landscape_of(
        system("t-invest", fits=(4, 3)),
        system("t-edge", fits=(3, 3)),
        system("t-tolerate", fits=(2, 3)),
        system("t-migrate", fits=(3, 2)),
        system("t-eliminate", fits=(1, 2)),
        system("t-half", fits=(3, None)),
        system("t-none"),
        system("t-retired", fits=(1, 1), status="retired"),
    )
    assert time_class(landscape.systems["t-tolerate"]) == "tolerate"  # low functional, high technical
    assert time_class(landscape.systems["t-migrate"]) == "migrate"  # high functional, low technical
    assert time_class(landscape.systems["t-half"]) is None
    overview = time_overview(landscape)
    assert {a.system: a.time_class for a in overview.systems} == {
        "t-edge": "invest", "t-eliminate": "eliminate", "t-invest": "invest",
        "t-migrate": "migrate", "t-tolerate": "tolerate",
    }
    assert overview.unassessed == ("t-half", "t-none")
    assert overview.counts() == {"invest": 2, "tolerate": 1, "migrate": 1, "eliminate": 1, "unassessed": 2}


# -- completeness ----------------------------------------------------------------------------


def test_completeness_overall_and_per_field(landscape_of):
    landscape = landscape_of(
        system("c1", cost=1, fits=(3, 3)),  # complete: on-premises hosting takes the defaults
        system("c2", cost=1, fits=(3, 3), system_owner=None),
        system("c3", cost=1, hosting="{model: saas, provider_jurisdiction: SE}"),  # no location, no fits
        system("c4", fits=(2, 2), hosting=None),  # no cost, no hosting
        system("c5", status="retired", hosting=None, system_owner=None),  # not active: not counted
    )
    figures = completeness(landscape)
    assert (figures.active_systems, figures.complete, figures.share) == (4, 1, 0.25)
    assert figures.present == {"system_owner": 3, "annual_cost": 3, "hosting": 2, "assessment": 3}
    assert figures.field_share("hosting") == 0.5
    assert dict(figures.missing) == {
        "c2": ("system_owner",), "c3": ("hosting", "assessment"), "c4": ("annual_cost", "hosting"),
    }


# -- decommissioning -------------------------------------------------------------------------


@pytest.fixture
def decommissioning_landscape(landscape_of):
    two = ("adm2",)  # a second user, so that single-organization does not apply
    return landscape_of(
        system("gc1", capabilities=("cap-a", "cap-b"), group_common=True, used_by=two),
        system("p1", status="phase-out", retire_by="2027-06-30", capabilities=("cap-c",), used_by=two),
        system("p2", retire_by="2026-01-01", capabilities=("cap-c",)),
        system("cov1", capabilities=("cap-a", "cap-b"), used_by=two),
        system("cov2", capabilities=("cap-a", "cap-c"), used_by=two),  # cap-c has no group-common system
        system("gc2", capabilities=("cap-a",), group_common=True, used_by=two),  # group-common itself
        system("el1", fits=(1, 2), capabilities=("cap-d",), used_by=two),
        system("ce1", contract_end="2027-06-30", capabilities=("cap-d",)),  # only the two weak reasons
        system("ce2", status="phase-out", retire_by="2027-12-31", contract_end="2027-11-27", capabilities=("cap-e",)),
        system("ce3", status="phase-out", retire_by="2027-12-31", contract_end="2027-11-28", capabilities=("cap-e",)),
        system("old", status="retired", retire_by="2020-01-01"),
        system("x", capabilities=("cap-local",)),
        system("y", capabilities=("cap-local",)),
        system("z", capabilities=("cap-local",)),
        system("plat", capabilities=("cap-local",)),
        extra={"architecture/integrations.yaml": "---\n".join([
            integration("i1", "x", "p1"),
            integration("i2", "p1", "y", via="plat"),
            integration("i3", "z", "p1", status="retired"),
            integration("i4", "z", "x", via="p1"),  # p1 only carries it: z and x do not depend on p1
            integration("i5", "x", "p1", via="plat"),  # a second flow with x: listed once
        ])},
    )


def test_decommissioning_reasons(decommissioning_landscape):
    found = {candidate.system: candidate.reasons for candidate in candidates(decommissioning_landscape, AS_OF, 12)}
    assert found == {
        "p1": ("phase-out",),
        "p2": ("retire-by-passed", "single-organization"),
        "cov1": ("covered-by-group-common",),
        "el1": ("time-eliminate",),
        "ce2": ("contract-ending", "phase-out", "single-organization"),  # ends exactly 12 months on
        "ce3": ("phase-out", "single-organization"),  # one day later: not within 12 months
    }
    # cov2: cap-c has no group-common system; gc2: group-common itself; ce1: contract ending and
    # a single organization are no reason on their own; old: not active.


def test_dependents_follow_active_integrations_not_the_platform(decommissioning_landscape):
    assert dependents(decommissioning_landscape, "p1") == ("x", "y")
    assert dependents(decommissioning_landscape, "plat") == ()  # flows pass through it only
    assert dependents(decommissioning_landscape, "z") == ("x",)  # i3 is retired
    candidate = {c.system: c for c in candidates(decommissioning_landscape, AS_OF, 12)}["p1"]
    assert candidate.dependents == ("x", "y")


def test_the_report_takes_the_contract_horizon_of_the_lifecycle_principle(repository):
    """A group that sets contract_months: 6 gets a report that agrees with `check`."""
    principle = (PROJECT_ROOT / "principles" / "lifecycle.yaml").read_text(encoding="utf-8")
    assert "  contract_months: 12" in principle
    files = {
        "architecture/organizations.yaml": ORGANIZATIONS,
        "architecture/capabilities.yaml": CAPABILITIES,
        # phase-out makes it a candidate; its contract ends nine months after AS_OF
        "architecture/systems.yaml": system("p1", status="phase-out", retire_by="2028-01-01",
                                            contract_end="2027-08-27", used_by=("adm2",)),
    }
    reasons = {}
    for months in (12, 6):
        text = principle.replace("  contract_months: 12", f"  contract_months: {months}")
        root = repository({**files, "principles/lifecycle.yaml": text}, base=False)
        candidate, = api.report(root, AS_OF)["decommission_candidates"]
        reasons[months] = candidate["reasons"]
    assert reasons == {12: ["contract-ending", "phase-out"], 6: ["phase-out"]}
    for months in (12, 24):  # the report says the horizon it applied
        text = principle.replace("  contract_months: 12", f"  contract_months: {months}")
        root = repository({**files, "principles/lifecycle.yaml": text}, base=False)
        assert api.report(root, AS_OF)["contract_months"] == months
        page = api.render_report(root, "md", as_of=AS_OF, language="en")
        assert f"contract ends within {months} months or has ended" in page
        # and so does the Method section, which explains the reason
        assert f"A contract ending within {months} months, or use by a single organization" in page
        assert (months == 12) == ("12 months" in page)
        swedish = api.render_report(root, "md", as_of=AS_OF, language="sv")
        assert f"löper ut inom {months} månader eller att bara en organisation" in swedish
        # the site's candidate words are the report's, with the same horizon
        site = api.render_site(root, as_of=AS_OF, language="en")
        assert f"contract ends within {months} months or has ended" in site["system/p1.html"].decode()


# -- targets ---------------------------------------------------------------------------------


def test_quarters():
    assert quarter_of(date(2026, 11, 27)) == "2026-Q4"
    assert quarter_of(date(2027, 1, 1)) == "2027-Q1"
    assert quarter_of(date(2027, 6, 30)) == "2027-Q2"
    assert quarters_between("2026-Q4", "2027-Q2") == 2
    assert quarters_between("2026-Q4", "2026-Q4") == 0


def test_target_of_the_quarter_and_pace_to_the_next():
    # written out of order: the next target is the first after the as-of quarter, not the last
    targets = {"2027-Q4": 0.8, "2026-Q2": 0.3, "2027-Q2": 0.6, "2026-Q4": 0.5}
    status = target_status("shared_use_index", 0.4, targets, AS_OF)
    assert (status.quarter, status.target, status.met) == ("2026-Q4", 0.5, False)
    assert (status.next.quarter, status.next.target, status.next.quarters) == ("2027-Q2", 0.6, 2)
    assert status.next.pace == pytest.approx((0.6 - 0.4) / 2)


def test_targets_without_a_target_this_quarter():
    status = target_status("spend_index", 0.7, {"2026-Q2": 0.5}, AS_OF)  # only a past target
    assert (status.target, status.met, status.next) == (None, None, None)
    status = target_status("spend_index", 0.7, {"2027-Q1": 0.6}, date(2026, 12, 31))
    assert status.target is None and status.next.quarters == 1
    assert status.next.pace == pytest.approx(-0.1)  # already above it


def test_targets_in_the_report(repository):
    files = {
        "eacheck.yaml": "targets:\n  shared_use_index: {2026-Q4: 0.4, 2027-Q3: 0.8}\n  cross_boundary_index: {2027-Q1: 1.0}\n",
        "architecture/organizations.yaml": ORGANIZATIONS,
        "architecture/capabilities.yaml": CAPABILITIES,
        "architecture/systems.yaml": "---\n".join([system("s1", used_by=("adm2",)), system("s2")]),
    }
    targets = api.report(repository(files, base=False), AS_OF)["targets"]
    assert list(targets) == ["shared_use_index", "spend_index", "cross_boundary_index"]
    assert targets["shared_use_index"] == {
        "actual": 0.5, "target": 0.4, "met": True,
        "next": {"quarter": "2027-Q3", "target": 0.8, "quarters": 3, "pace": (0.8 - 0.5) / 3},
    }  # the formula of SPEC §4 exactly: 0.10000000000000002, shown as 10.0 percentage points
    assert targets["spend_index"] == {"actual": 0.0, "target": None, "met": None, "next": None}
    assert targets["cross_boundary_index"]["next"] == {"quarter": "2027-Q1", "target": 1.0, "quarters": 1, "pace": 1.0}


# -- findings per principle ------------------------------------------------------------------


def test_findings_per_principle_agree_with_check(repository, run):
    import json

    files = {
        "architecture/systems/extra.yaml": """\
            kind: system
            id: utan-agare
            name: System utan systemägare
            owner: ks
            capabilities: [ekonomi]
            lifecycle: {status: phase-out}
            """,
    }
    root = repository(files)
    findings = api.report(root, AS_OF)["findings"]
    by_principle = {entry["principle"]: entry for entry in findings["by_principle"]}
    assert by_principle["clear-ownership"]["total"] == 1  # no system_owner
    assert by_principle["lifecycle"]["title"]  # the principle's own title
    checked = json.loads(run("check", root, "--as-of", AS_OF.isoformat(), "--format", "json").stdout)
    assert findings["total"] == checked["summary"]
    for principle in {f["principle"] for f in checked["findings"]}:
        for severity in ("error", "warning", "info"):
            expected = sum(
                1 for f in checked["findings"] if f["principle"] == principle and f["severity"] == severity
            )
            assert by_principle[principle][severity] == expected
