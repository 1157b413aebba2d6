"""kg.maps.spring: networkx's spring layout to the bit, on the graphs the maps lay out."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest

from kg.maps.spring import DENSE_LIMIT, spring_layout
from tests.maps.graphs import network


def _weighted(graph: nx.Graph) -> nx.Graph:
    for u, v in graph.edges:
        graph.edges[u, v]["weight"] = 1.0 + (u * v % 5) / 2
    return graph


GRAPHS = {
    "two nodes": nx.path_graph(2),
    "karate": nx.karate_club_graph(),
    "les misérables (weighted)": nx.les_miserables_graph(),
    "grid": nx.grid_2d_graph(10, 12),
    "scattered, a self-loop": nx.gnm_random_graph(150, 100, seed=4),
    "random, weighted": _weighted(nx.gnm_random_graph(300, 640, seed=11)),
    "largest dense": nx.gnm_random_graph(DENSE_LIMIT - 1, 1000, seed=2),
    "the maps' test network": network(),
}
GRAPHS["scattered, a self-loop"].add_edge(3, 3)


@pytest.mark.skipif(not nx.__version__.startswith("3.6"), reason="the steps copied are those of networkx 3.6")
@pytest.mark.parametrize("name", list(GRAPHS))
@pytest.mark.parametrize("seed", [7, 42])
def test_the_same_positions_as_networkx_to_the_bit(name: str, seed: int) -> None:
    graph = GRAPHS[name]
    expected = nx.spring_layout(graph, seed=seed, weight="weight")
    got = spring_layout(graph, seed)
    assert list(got) == list(expected)
    assert all(np.array_equal(got[node], expected[node]) for node in graph)


def test_a_graph_too_large_or_too_small_for_the_copy_is_networkxs_own(monkeypatch: pytest.MonkeyPatch) -> None:
    assert spring_layout(nx.Graph(), 7) == {}
    (only,) = spring_layout(nx.empty_graph(1), 7).values()
    assert np.array_equal(only, np.zeros(2))
    handed: list[int] = []
    monkeypatch.setattr(nx, "spring_layout", lambda graph, **options: handed.append(len(graph)) or {})
    spring_layout(nx.path_graph(DENSE_LIMIT - 1), 7)
    spring_layout(nx.path_graph(DENSE_LIMIT), 7)
    assert handed == [DENSE_LIMIT]
