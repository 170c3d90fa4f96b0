"""The integration graph itself, the data-flow rule that walks it, and the graph figures."""

from __future__ import annotations

from datetime import date

from conftest import PROJECT_ROOT

from eacheck import api
from eacheck.analysis.integration_figures import system_figures
from eacheck.model.graph import FLOW, active_flows


ON_PREMISES = "{model: on-premises}"
US_CLOUD = "{model: saas, provider_jurisdiction: US, data_location: [US]}"


def _system(system_id: str, owner: str, status: str = "active", hosting: str = ON_PREMISES, extra: str = "") -> str:
    return f"""\
kind: system
id: {system_id}
name: System {system_id.upper()}
owner: {owner}
system_owner: Förvaltare
capabilities: [ekonomi]
lifecycle: {{status: {status}}}
hosting: {hosting}
{extra}"""


def _integration(integration_id: str, source: str, target: str, extra: str = "") -> str:
    return f"kind: integration\nid: {integration_id}\nfrom: {source}\nto: {target}\n{extra}"


def _landscape(repository, *documents: str):
    root = repository({"architecture/case.yaml": "\n---\n".join(documents)})
    loaded = api.open_repository(root)
    assert not loaded.problems, [p.message for p in loaded.problems]
    return loaded.landscape


def _figures(landscape) -> dict[str, tuple[int, int, bool]]:
    return {f["system"]: (f["fan_in"], f["fan_out"], f["single_point_of_failure"]) for f in system_figures(landscape)}


# -- the graph -------------------------------------------------------------------------------


def test_the_graph_is_built_once_and_holds_every_kind(repository):
    landscape = _landscape(
        repository,
        _system("a", "ks"), _system("p", "ks"), _system("b", "bostad"),
        _integration("a-till-b", "a", "b", "via: p\nmethod: api"),
    )
    graph = landscape.graph
    assert landscape.graph is graph
    kinds = {node: attributes["kind"] for node, attributes in graph.nodes(data=True)}
    assert kinds["ks"] == "organization" and kinds["ekonomi"] == "capability" and kinds["p"] == "system"
    # A flow via a platform is two legs through the platform, each telling whom it enters.
    legs = {(tail, head, leg["into"]) for tail, head, leg in graph.edges(data=True) if leg["kind"] == FLOW}
    assert legs == {("a", "p", "via"), ("p", "b", "to")}
    # bostad uses ekonomisystem (base landscape); stadshus is bostad's parent.
    assert graph.has_edge("bostad", "ekonomisystem") and graph.has_edge("bostad", "stadshus")
    assert graph.has_edge("ks", "a") and graph.has_edge("a", "ekonomi")
    for _, attributes in graph.nodes(data=True):
        assert None not in attributes.values()


def test_the_legs_are_the_graphs_flow_edges_attribute_for_attribute(repository):
    """`Landscape.legs` (what check and report read, without networkx) and the graph's flow
    edges (what the exports read) are one thing: same legs, same attributes, and the graph
    holds them in the order of the integrations' ids whatever order the files give."""
    landscape = _landscape(
        repository,
        _integration("z-sist", "a", "b", "via: p\nmethod: api"),
        _system("a", "ks"), _system("p", "ks"), _system("b", "bostad"), _system("gammal", "ks", "retired"),
        _integration("a-forst", "b", "a"),
        _integration("m-till-okant-via", "a", "b", "via: gammal\nstatus: planned"),
        _integration("n-fran-gammal", "gammal", "p", "data: {personal_data: none}"),
    )
    for loaded in (landscape, api.open_repository(PROJECT_ROOT).landscape):
        edges = [(tail, head, key, attributes) for tail, head, key, attributes
                 in loaded.graph.edges(keys=True, data=True) if attributes["kind"] == FLOW]
        legs = [(leg.tail, leg.head, f"{leg.integration}:{leg.into}", leg.attributes()) for leg in loaded.legs]
        assert sorted(edges, key=repr) == sorted(legs, key=repr)
        assert len(legs) == len({key for _, _, key, _ in legs})
    # The legs come as the files give them (the graph sorts them on the integrations' ids).
    assert landscape.legs[0].integration == "z-sist"
    assert [(leg.tail, leg.head, leg.into) for leg in landscape.legs if leg.integration == "z-sist"] == [
        ("a", "p", "via"), ("p", "b", "to")]
    # A platform that is not in force still carries a leg in the graph; the retired one's flow too.
    assert {leg.integration for leg in landscape.legs} >= {"m-till-okant-via", "n-fran-gammal"}
    assert {(leg.tail, leg.head) for leg in landscape.legs if "p" in (leg.tail, leg.head)} == {
        ("a", "p"), ("p", "b"), ("gammal", "p")}


def test_active_flows_leave_out_what_cannot_run(repository):
    landscape = _landscape(
        repository,
        _system("a", "ks"), _system("b", "ks"), _system("gammal", "ks", "retired"), _system("p", "ks", "planned"),
        _integration("i-aktiv", "a", "b", "via: p"),
        _integration("i-planerad", "a", "b", "status: planned"),
        _integration("i-fran-pensionerat", "gammal", "b"),
    )
    # The flow via a planned platform still runs between a and b, but not through p.
    assert [(f.integration, f.source, f.target, f.via) for f in active_flows(landscape)] == [
        ("i-aktiv", "a", "b", ""),
    ]


# -- the data-flow rule walks the graph with the same results as before ------------------------


def test_cloud_flow_rule_checks_both_the_to_and_the_via_system(repository):
    """A flow whose `to` and `via` are the same badly hosted system is found twice, as before:
    once for each role; the platform's leg is found when the target is fine."""
    landscape_files = {
        "architecture/case.yaml": "\n---\n".join([
            _system("journal", "ks", extra="data: {personal_data: sensitive}"),
            _system("moln", "ks", hosting=US_CLOUD),
            _system("arkiv", "ks"),
            _integration("till-molnet", "journal", "moln", "via: moln"),
            _integration("via-molnet", "journal", "arkiv", "via: moln"),
            _integration("avslutad", "journal", "moln", "status: retired"),
        ]),
    }
    root = repository(landscape_files)
    findings = api.run_checks(api.open_repository(root), date(2026, 11, 27)).findings
    flows = sorted((f.subject, f.code) for f in findings if f.code.startswith("flow-into"))
    assert flows == [
        ("till-molnet", "flow-into:to:moln"),
        ("till-molnet", "flow-into:via:moln"),
        ("via-molnet", "flow-into:via:moln"),
    ]


def test_cloud_flow_rule_survives_a_platform_whose_own_file_is_broken(repository):
    """The platform's document fails its schema, so it is not in the landscape; the flow into
    the badly hosted `to` is still found (the leg runs from → to)."""
    root = repository({
        "architecture/case.yaml": "\n---\n".join([
            _system("journal", "ks", extra="data: {secrecy: true}"),
            _system("moln", "ks", hosting=US_CLOUD),
            "kind: system\nid: trasig\nname: Trasig\nowner: ks\ncapabilities: [ekonomi]\nlifecycle: {status: aktiv}\n",
            _integration("flode", "journal", "moln", "via: trasig"),
        ]),
    })
    findings = api.run_checks(api.open_repository(root), date(2026, 11, 27)).findings
    assert ("flode", "flow-into:to:moln") in {(f.subject, f.code) for f in findings}


def test_example_group_data_flow_findings_are_unchanged():
    """Hand-checked in architecture/integrations/socialtjanst.yaml (int-socialtjanstsystem-sms-utskick
    no data of its own, so it carries socialtjanstsystem's sensitive data (architecture/systems/
    sof/socialtjanstsystem.yaml) into sms-utskick, a SaaS under US law storing data in the US
    without customer-managed keys (architecture/systems/ksf/sms-utskick.yaml); the platform it
    passes via is a Swedish private cloud with customer-managed keys)."""
    findings = api.run_checks(api.open_repository(PROJECT_ROOT), date(2026, 11, 27)).findings
    flows = {(f.subject, f.code) for f in findings if f.code.startswith("flow-into")}
    assert flows == {("int-socialtjanstsystem-sms-utskick", "flow-into:to:sms-utskick")}


# -- system_figures ---------------------------------------------------------------------------


def test_a_chain_between_two_owners_has_its_middle_as_single_point_of_failure(repository):
    # a (ks) -> b (ks) -> c (bostad): without b, a and c (different owners) are cut apart.
    landscape = _landscape(
        repository, _system("a", "ks"), _system("b", "ks"), _system("c", "bostad"),
        _integration("a-b", "a", "b"), _integration("b-c", "b", "c"),
    )
    assert _figures(landscape) == {
        "a": (0, 1, False), "b": (1, 1, True), "c": (1, 0, False), "ekonomisystem": (0, 0, False),
    }


def test_a_chain_whose_ends_share_an_owner_has_no_single_point_of_failure(repository):
    # a (ks) -> b (bostad) -> c (ks): b is an articulation point, but it only separates ks from ks.
    landscape = _landscape(
        repository, _system("a", "ks"), _system("b", "bostad"), _system("c", "ks"),
        _integration("a-b", "a", "b"), _integration("b-c", "b", "c"),
    )
    assert not any(spof for _, _, spof in _figures(landscape).values())


def test_a_triangle_has_no_single_point_of_failure(repository):
    landscape = _landscape(
        repository, _system("a", "ks"), _system("b", "bostad"), _system("c", "stadshus"),
        _integration("a-b", "a", "b"), _integration("b-c", "b", "c"), _integration("c-a", "c", "a"),
    )
    assert _figures(landscape) == {
        "a": (1, 1, False), "b": (1, 1, False), "c": (1, 1, False), "ekonomisystem": (0, 0, False),
    }


def test_a_platform_carries_flows_in_and_out_and_can_be_the_single_point(repository):
    # a (ks) -> c (bostad) via p (ks), twice, plus a planned flow and one from a retired system.
    landscape = _landscape(
        repository, _system("a", "ks"), _system("c", "bostad"), _system("p", "ks"),
        _system("gammal", "ks", "retired"), _system("ny", "bostad", "planned"),
        _integration("a-c-1", "a", "c", "via: p"), _integration("a-c-2", "a", "c", "via: p"),
        _integration("a-ny", "a", "ny", "via: p"), _integration("gammal-c", "gammal", "c", "via: p"),
        _integration("c-a-planerad", "c", "a", "via: p\nstatus: planned"),
    )
    figures = _figures(landscape)
    assert set(figures) == {"a", "c", "p", "ekonomisystem"}  # only active systems
    assert figures["p"] == (2, 2, True)
    assert figures["a"] == (0, 2, False) and figures["c"] == (2, 0, False)


def test_system_figures_are_sorted_and_typed():
    figures = system_figures(api.open_repository(PROJECT_ROOT).landscape)
    assert [f["system"] for f in figures] == sorted(f["system"] for f in figures)
    for figure in figures:
        assert set(figure) == {"system", "fan_in", "fan_out", "single_point_of_failure"}
        assert isinstance(figure["single_point_of_failure"], bool)
    by_id = {f["system"]: f for f in figures}
    # Hand-checked: planarkiv (architecture/systems/sbf/planarkiv.yaml) has one integration,
    # int-planarkiv-gis-plattform (architecture/integrations/fastighet-och-teknik.yaml), and
    # nothing flows into it.
    assert by_id["planarkiv"] == {"system": "planarkiv", "fan_in": 0, "fan_out": 1, "single_point_of_failure": False}
    # Every cross-owner flow through the group's platform depends on it.
    assert by_id["integrationsplattform"]["single_point_of_failure"] is True


def test_components_and_cut_points_agree_with_networkx():
    """The report's own search (eacheck.analysis.integration_figures) answers what networkx's
    connected_components and articulation_points answer, on graphs of every kind: empty,
    isolated nodes, trees, stars, cycles, cliques, bridges between cycles, sparse and dense
    random ones, several components each."""
    import random

    import networkx as nx

    from eacheck.analysis.integration_figures import components_and_cut_points

    rng = random.Random(7)
    graphs = [nx.empty_graph(0), nx.empty_graph(5), nx.path_graph(6), nx.star_graph(5), nx.cycle_graph(7),
              nx.complete_graph(5), nx.barbell_graph(4, 2), nx.lollipop_graph(4, 3),
              nx.disjoint_union(nx.cycle_graph(4), nx.path_graph(3))]
    for _ in range(300):
        size = rng.randint(1, 40)
        graphs.append(nx.gnp_random_graph(size, rng.choice([0.02, 0.05, 0.1, 0.3]), seed=rng.randint(0, 10**6)))
    cut_somewhere = 0
    for graph in graphs:
        # Numbered in a shuffled order, so that the search meets the nodes in another order
        # than networkx does.
        graph = nx.relabel_nodes(graph, dict(zip(graph, rng.sample(range(len(graph)), len(graph)))))
        neighbours = [set(graph[node]) for node in range(len(graph))]
        component_of, cut_points = components_and_cut_points(neighbours)
        assert cut_points == set(nx.articulation_points(graph))
        expected = {frozenset(component) for component in nx.connected_components(graph)}
        found: dict[int, set[int]] = {}
        for node, number in enumerate(component_of):
            found.setdefault(number, set()).add(node)
        assert {frozenset(component) for component in found.values()} == expected
        cut_somewhere += bool(cut_points)
    assert cut_somewhere > 100
