"""networkx's spring layout, the same floats in a fraction of the time.

``nx.spring_layout`` lays out a graph of fewer than 500 nodes with its dense Fruchterman–Reingold
method: fifty steps, each over every pair of nodes, held as an n x n x 2 array whose norm and
broadcasting cost about 8 ms a step at 450 nodes. Here the same steps are taken on two n x n arrays
(x and y apart) with the same floating-point operations in the same order, about 1.5 ms a step: the
distance sqrt(dx*dx + dy*dy) is what ``np.linalg.norm`` computes over a last axis of two; the force
on a node, which networkx sums over the other nodes in order (``einsum``), is summed in that order
here too, as the column sums of an antisymmetric matrix (numpy adds the rows of a C-ordered array
one after the other). tests/maps/test_spring.py compares the two to the bit.

As of networkx 3.6, whose steps these are; larger graphs are handed to networkx.
"""

from __future__ import annotations

from collections.abc import Hashable

import networkx as nx
import numpy as np

DENSE_LIMIT = 500  # from this many nodes networkx uses its sparse method, which is not copied here


def spring_layout(graph: nx.Graph, seed: int, weight: str = "weight") -> dict[Hashable, np.ndarray]:
    """``nx.spring_layout(graph, seed=seed, weight=weight)`` of an undirected graph."""
    if len(graph) >= DENSE_LIMIT or len(graph) < 2 or graph.is_directed():
        return nx.spring_layout(graph, seed=seed, weight=weight)
    adjacency = nx.to_numpy_array(graph, weight=weight)
    points = _fruchterman_reingold(adjacency, np.random.RandomState(seed))
    return dict(zip(graph, nx.rescale_layout(points) + np.zeros(2)))  # + 0: networkx adds its centre, which turns -0.0 into 0.0


def _fruchterman_reingold(adjacency: np.ndarray, random: np.random.RandomState, iterations: int = 50, threshold: float = 1e-4) -> np.ndarray:
    """networkx's ``_fruchterman_reingold`` (random start, no fixed nodes, ``k`` from the node count)
    for a symmetric ``adjacency``."""
    count = len(adjacency)
    start = random.rand(count, 2)
    x, y = start[:, 0].copy(), start[:, 1].copy()
    k = np.sqrt(1.0 / count)
    t = max(max(x) - min(x), max(y) - min(y)) * 0.1  # the largest step, cooled linearly to dt
    dt = t / (iterations + 1)
    for _ in range(iterations):
        dx = x[:, np.newaxis] - x[np.newaxis, :]
        dy = y[:, np.newaxis] - y[np.newaxis, :]
        distance = np.sqrt(dx * dx + dy * dy)
        np.clip(distance, 0.01, None, out=distance)
        force = k * k / distance**2 - adjacency * distance / k
        # sum over j of dx[i, j] * force[i, j], j in order: the product is antisymmetric, so its column i negated
        sx = -(dx * force).sum(axis=0)
        sy = -(dy * force).sum(axis=0)
        length = np.clip(np.sqrt(sx * sx + sy * sy), 0.01, None)
        step = t / length
        moved = np.stack([sx * step, sy * step], axis=1)
        x += moved[:, 0]
        y += moved[:, 1]
        t -= dt
        if np.linalg.norm(moved) / count < threshold:
            break
    return np.stack([x, y], axis=1)
