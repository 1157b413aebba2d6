"""Which maps get drawn and what they contain; finding themes and organisations by label."""

from __future__ import annotations

import pytest

from kg.maps.render import plan
from kg.maps.select import find, organisation_graph, ranked, slug, theme_graph
from tests.maps.graphs import BASE, THEME, network


def labels(graph) -> set[str]:
    return {data["label"] for _, data in graph.nodes(data=True)}


def test_themes_and_organisations_are_ranked_by_articles_then_centrality() -> None:
    graph = network()
    assert [graph.nodes[n]["label"] for n in ranked(graph, "theme")] == ["Armoede", "Wonen"]
    assert [graph.nodes[n]["label"] for n in ranked(graph, "organisation")][:2] == ["Gemeente Utrecht", "Movisie"]


def test_a_theme_map_holds_its_articles_and_who_appears_in_them() -> None:
    focused = theme_graph(network(), f"{THEME}wonen")
    assert labels(focused) == {"Wonen", "Wonen en zorg", "Anna de Vries", "Movisie"}
    assert focused.has_edge(f"{BASE}person/anna", f"{BASE}organisation/movisie")  # affiliation kept


def test_an_organisation_map_is_its_two_step_ego_network() -> None:
    focused = organisation_graph(network(), f"{BASE}organisation/hu")
    assert labels(focused) == {"Hogeschool Utrecht", "Bram Jansen", "Schulden in de wijk"}


def test_plan_draws_focused_maps_only_for_the_top_n() -> None:
    files = [spec.file for spec in plan(network(), limit=1)]
    assert files == ["overview.html", "coauthors.html", "theme-armoede.html", "organisation-gemeente-utrecht.html"]
    assert len(plan(network(), limit=8)) == 2 + 2 + 3


def test_find_ignores_case_and_accepts_the_file_name_slug() -> None:
    graph = network()
    assert find(graph, "organisation", "hogeschool utrecht") == f"{BASE}organisation/hu"
    assert find(graph, "organisation", "gemeente-utrecht") == f"{BASE}organisation/gemeente"


def test_an_unknown_label_names_the_close_ones() -> None:
    with pytest.raises(LookupError, match="did you mean: Movisie"):
        find(network(), "organisation", "Movsie")
    with pytest.raises(LookupError, match="no theme labelled 'Zorg'"):
        find(network(), "theme", "Zorg")


def test_slugs_are_plain_ascii() -> None:
    assert slug("Ministerie van VWS (één) <script>") == "ministerie-van-vws-een-script"
    assert slug("???") == "unnamed"


def test_a_hubs_ego_network_keeps_its_first_ring_and_the_most_tied_of_the_second() -> None:
    import networkx as nx

    hub = nx.Graph()
    hub.add_node("org", kind="organisation", label="Hub")
    for i in range(4):
        hub.add_node(f"a{i}", kind="article", label=f"Artikel {i}")
        hub.add_edge("org", f"a{i}")
    hub.add_node("shared", kind="person", label="In drie artikelen")
    for i in range(3):
        hub.add_edge(f"a{i}", "shared")
    for i in range(4):
        hub.add_node(f"p{i}", kind="person", label=f"Persoon {i}")
        hub.add_edge(f"a{i}", f"p{i}")
    focused = organisation_graph(hub, "org", max_nodes=7)
    assert {"org", "a0", "a1", "a2", "a3", "shared"} <= set(focused) and len(focused) == 7
    assert focused.graph["omitted"] == 3
    assert organisation_graph(hub, "org").graph["omitted"] == 0
