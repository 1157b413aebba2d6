"""Geometry for the layout: placing discs without overlap, nudging nodes apart, fanning out leaves."""

from __future__ import annotations

import math
from collections import defaultdict

import networkx as nx
import numpy as np

from kg.maps.spring import spring_layout


def centres(graph: nx.Graph, pieces: list[list[str]], radii: np.ndarray, seed: int) -> np.ndarray:
    """Piece centres from a spring layout of the graph whose nodes are the pieces."""
    if len(pieces) == 1:
        return np.zeros((1, 2))
    owner = {node: index for index, piece in enumerate(pieces) for node in piece}
    quotient = nx.Graph()
    quotient.add_nodes_from(range(len(pieces)))
    for u, v in graph.edges:
        a, b = sorted((owner[u], owner[v]))
        if a != b:
            quotient.add_edge(a, b, weight=quotient.edges[a, b]["weight"] + 1 if quotient.has_edge(a, b) else 1)
    layout = spring_layout(quotient, seed)
    extent = math.sqrt(float((radii**2).sum()))
    return np.array([layout[index] for index in range(len(pieces))]) * extent


def compact(points: np.ndarray, radii: np.ndarray, gap: float, rounds: int = 30) -> np.ndarray:
    """Alternately pull the discs towards the middle and push them apart: no overlap, little empty space."""
    points = separate(points, radii, gap)
    for _ in range(rounds):
        middle = (points * radii[:, None] ** 2).sum(axis=0) / (radii**2).sum()
        points = separate(middle + (points - middle) * 0.85, radii, gap)
    return points


def separate(points: np.ndarray, radii: np.ndarray, gap: float, rounds: int = 200) -> np.ndarray:
    """Push overlapping discs apart, half the overlap each, until none overlap."""
    count = len(points)
    spread = np.stack([np.cos(np.arange(count)), np.sin(np.arange(count))], axis=1)  # for coinciding points
    for _ in range(rounds):
        delta = points[:, None, :] - points[None, :, :]
        distance = np.hypot(delta[..., 0], delta[..., 1])
        overlap = np.clip(radii[:, None] + radii[None, :] + gap - distance, 0, None)
        np.fill_diagonal(overlap, 0)
        if overlap.max() < 0.05 * gap:
            break
        direction = np.where(distance[..., None] > 1e-9, delta / np.maximum(distance, 1e-9)[..., None], spread[:, None, :])
        points = points + (direction * (overlap / 2)[..., None]).sum(axis=1)
    return points


def declutter(points: np.ndarray, radii: np.ndarray, rounds: int = 40) -> np.ndarray:
    """Move nodes whose discs overlap apart (half the overlap each), so that none hides another."""
    points = points.copy()
    for _ in range(rounds):
        pairs = close_pairs(points, 2 * float(radii.max()))
        if len(pairs) == 0:
            break
        a, b = pairs[:, 0], pairs[:, 1]
        delta = points[a] - points[b]
        length = np.hypot(delta[:, 0], delta[:, 1])
        shortfall = radii[a] + radii[b] - length
        keep = shortfall > 0.01
        if not keep.any():
            break
        a, b, delta, length, shortfall = a[keep], b[keep], delta[keep], length[keep], shortfall[keep]
        fallback = np.stack([np.cos(a), np.sin(a)], axis=1)  # coinciding points part in a fixed direction
        direction = np.where(length[:, None] > 1e-9, delta / np.maximum(length, 1e-9)[:, None], fallback)
        push = direction * (shortfall / 2)[:, None]
        np.add.at(points, a, push)
        np.add.at(points, b, -push)
    return points


def close_pairs(points: np.ndarray, reach: float) -> np.ndarray:
    """Index pairs (i < j, sorted) of the points at most ``reach`` apart. The points are put in square
    cells ``reach`` wide; a point is compared with those of its own cell and of the four cells after
    it (above, and the three to its right), so each pair of neighbouring cells is looked at once.
    The pairs scipy's cKDTree.query_pairs finds, without importing scipy.spatial (0.15 to 0.3 s a build)."""
    count = len(points)
    cells = np.floor(points / reach).astype(np.int64)
    cells -= cells.min(axis=0)
    width = int(cells[:, 1].max()) + 3  # an empty cell below and above each column: no step runs into the next one
    keys = cells[:, 0] * width + cells[:, 1] + 1
    order = np.argsort(keys, kind="stable")
    ordered = keys[order]
    found = []
    for step in (0, 1, width - 1, width, width + 1):
        start = np.searchsorted(ordered, keys + step)
        counts = np.searchsorted(ordered, keys + step, side="right") - start
        first = np.repeat(np.arange(count), counts)
        second = order[np.repeat(start - np.cumsum(counts) + counts, counts) + np.arange(counts.sum())]
        if step == 0:
            first, second = first[first < second], second[first < second]
        found.append(np.minimum(first, second) * count + np.maximum(first, second))
    codes = np.concatenate(found)
    delta = points[codes // count] - points[codes % count]
    codes = np.sort(codes[delta[:, 0] ** 2 + delta[:, 1] ** 2 <= reach * reach])
    return np.stack([codes // count, codes % count], axis=1)


def sunflower(leaves: dict[str, str], placed: dict[str, np.ndarray], spacing: float) -> dict[str, np.ndarray]:
    """The leaves of each node in a sunflower pattern around it: evenly spread, as compact as a disc."""
    children: dict[str, list[str]] = defaultdict(list)
    for leaf, parent in sorted(leaves.items()):
        children[parent].append(leaf)
    golden = math.pi * (3 - math.sqrt(5))
    result: dict[str, np.ndarray] = {}
    for parent, group in children.items():
        for index, leaf in enumerate(group):
            radius = spacing * (0.9 + 0.55 * math.sqrt(index))
            result[leaf] = placed[parent] + radius * np.array([math.cos(index * golden), math.sin(index * golden)])
    return result
