"""Our betweenness (kg.network.betweenness) against networkx's, to the six decimals the exports write."""

from __future__ import annotations

import networkx as nx
import pytest

from kg.network.betweenness import betweenness


def _graphs() -> dict[str, nx.Graph]:
    scattered = nx.gnm_random_graph(120, 130, seed=5)  # several components and isolated nodes
    scattered.add_edge(3, 3)  # a self-loop is on no shortest path
    return {
        "empty": nx.Graph(),
        "one node": nx.empty_graph(1),
        "two nodes": nx.path_graph(2),
        "isolated": nx.empty_graph(6),
        "path": nx.path_graph(7),
        "star": nx.star_graph(9),
        "grid (many equal paths)": nx.grid_2d_graph(9, 11),
        "karate": nx.karate_club_graph(),
        "les misérables": nx.les_miserables_graph(),
        "scattered": scattered,
        "random, string ids": nx.relabel_nodes(nx.gnm_random_graph(300, 520, seed=2), lambda n: f"https://example.org/{n}"),
    }


@pytest.mark.parametrize("name", list(_graphs()))
def test_every_node_as_networkx_counts_it(name: str) -> None:
    graph = _graphs()[name]
    expected = nx.betweenness_centrality(graph, normalized=True)
    got = betweenness(graph)
    assert list(got) == list(graph)
    for node in graph:
        assert got[node] == pytest.approx(expected[node], abs=1e-12)
        assert round(got[node], 6) == round(expected[node], 6)


@pytest.mark.parametrize("k", [1, 2, 40, 299, 300])
def test_a_sample_of_pivots_is_the_one_networkx_draws_and_scales(k: int) -> None:
    graph = nx.relabel_nodes(nx.gnm_random_graph(300, 450, seed=8), str)
    expected = nx.betweenness_centrality(graph, k=k, seed=42, normalized=True)
    got = betweenness(graph, k=k, seed=42)
    for node in graph:
        assert got[node] == pytest.approx(expected[node], abs=1e-12, nan_ok=True)


def test_the_same_graph_gives_the_same_floats() -> None:
    graph = nx.les_miserables_graph()
    assert betweenness(graph) == betweenness(nx.les_miserables_graph())
