"""Positions are computed once, deterministically, and spread the nodes out."""

from __future__ import annotations

import math

import networkx as nx
import numpy as np

from kg.maps.layout import positions
from kg.maps.packing import close_pairs
from kg.maps.pieces import PIECE_LIMIT
from tests.maps.graphs import network


def _closest(where: dict[str, tuple[float, float]]) -> float:
    points = list(where.values())
    return min(math.dist(p, q) for i, p in enumerate(points) for q in points[i + 1 :])


def test_every_node_gets_a_position_and_no_two_coincide() -> None:
    graph = network()
    where = positions(graph)
    assert set(where) == set(graph)
    assert _closest(where) > 5


def test_same_graph_same_positions_whatever_the_insertion_order() -> None:
    graph = network()
    shuffled = nx.Graph()
    shuffled.add_nodes_from(reversed(list(graph.nodes(data=True))))
    shuffled.add_edges_from(reversed(list(graph.edges(data=True))))
    assert positions(shuffled) == positions(graph) == positions(network())


def test_a_graph_too_large_for_one_spring_layout_is_laid_out_in_pieces_without_overlap() -> None:
    # Three dense communities of 200 with a few bridges, and a fan of 150 one-link nodes on one hub.
    graph = nx.Graph()
    for block in range(3):
        graph.add_edges_from((f"c{block}-{u:03d}", f"c{block}-{v:03d}") for u, v in nx.gnm_random_graph(200, 900, seed=block).edges)
        graph.add_edge(f"c{block}-000", f"c{(block + 1) % 3}-001")
    graph.add_edges_from(("c0-005", f"leaf-{i:03d}") for i in range(150))
    graph.add_edges_from([("lonely-a", "lonely-b"), ("lonely-c", "lonely-d")])
    assert len(graph) > PIECE_LIMIT
    where = positions(graph)
    assert set(where) == set(graph)
    assert _closest(where) > 10
    # the leaves ring their hub, closer to it than the far side of the map
    hub = where["c0-005"]
    span = max(math.dist(hub, p) for p in where.values())
    assert max(math.dist(hub, where[f"leaf-{i:03d}"]) for i in range(150)) < span / 2


def test_empty_and_single_node_graphs() -> None:
    assert positions(nx.Graph()) == {}
    lone = nx.Graph()
    lone.add_node("x")
    assert positions(lone) == {"x": (0.0, 0.0)}


def test_close_pairs_are_every_pair_within_reach_once_in_order() -> None:
    rng = np.random.default_rng(3)
    clouds = [rng.normal(size=(300, 2)) * 80, rng.random((200, 2)) * 2000 - 1000, np.zeros((4, 2)), np.array([[5.0, 5.0]])]
    for points in clouds:
        distance = np.hypot(*(points[:, None, :] - points[None, :, :]).transpose(2, 0, 1))
        expected = [[i, j] for i in range(len(points)) for j in range(i + 1, len(points)) if distance[i, j] <= 60.0]
        assert close_pairs(points, 60.0).tolist() == expected
