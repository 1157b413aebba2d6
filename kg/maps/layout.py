"""Node positions computed once, so that the browser draws them with physics off.

A spring layout (networkx's, computed by kg.maps.spring) costs time quadratic in the nodes it moves
(0.07 s for 450 nodes, against networkx's own 0.4 s; a minute for 5,000 in one piece), so a large graph is laid
out in pieces: a node with a single neighbour is put in a sunflower pattern around that neighbour;
the rest is cut into connected components and a large component into its communities
(kg.maps.pieces); each piece gets its own spring layout inside a disc whose area grows with the
nodes it holds; the discs are placed by a spring layout of the graph of pieces and pushed together
without overlapping (kg.maps.packing). Finally nodes whose drawn discs would overlap are nudged
apart. Seeded and sorted throughout: the same graph gives the same positions, which a build keeps
(kg.maps.layout_cache) under the key ``inputs`` gives.
"""

from __future__ import annotations

import json
import math
from collections import Counter

import networkx as nx
import numpy as np

from kg.maps.packing import centres, compact, declutter, sunflower
from kg.maps.pieces import PIECE_LIMIT, leaves, pieces
from kg.maps.spring import spring_layout

Position = tuple[float, float]


def positions(graph: nx.Graph, seed: int = 7, spacing: float = 38.0, sizes: dict[str, float] | None = None) -> dict[str, Position]:
    """Coordinates (pixels at zoom 1, roughly ``spacing`` apart) for every node of ``graph``.

    ``sizes`` are the radii the nodes will be drawn with: no two nodes are left overlapping.
    """
    ordered = _sorted_copy(graph)
    if len(ordered) == 0:
        return {}
    outer = leaves(ordered) if len(ordered) > PIECE_LIMIT else {}
    core = ordered.subgraph(node for node in ordered if node not in outer)
    parts = pieces(core, seed)
    load = Counter(outer.values())
    radii = np.array([spacing * math.sqrt(sum(1 + load[n] for n in part) / math.pi) for part in parts])
    middles = compact(centres(core, parts, radii, seed), radii, spacing)
    placed: dict[str, np.ndarray] = {}
    for part, radius, middle in zip(parts, radii, middles):
        for node, offset in _piece_layout(core.subgraph(part), seed, radius).items():
            placed[node] = middle + offset
    placed.update(sunflower(outer, placed, spacing))
    names = sorted(placed)
    sized = np.array([(sizes or {}).get(name, 0.0) for name in names])
    points = declutter(np.array([placed[name] for name in names]), np.maximum(sized, 0.2 * spacing) + 2)
    return {name: (round(float(x), 1), round(float(y), 1)) for name, (x, y) in zip(names, points)}


def inputs(graph: nx.Graph, seed: int = 7, spacing: float = 38.0, sizes: dict[str, float] | None = None) -> str:
    """Everything ``positions`` reads, as one canonical text: the same text gives the same positions
    (with the same code and libraries). A node's community is read only to cut a component of more
    than ``PIECE_LIMIT`` nodes (kg.maps.pieces), so a smaller graph's communities are left out: they
    are numbered across the whole network and change where the map does not."""
    nodes = sorted(graph)
    edges = sorted((*sorted((u, v)), float(graph.edges[u, v].get("weight", 1.0))) for u, v in graph.edges)
    communities = [graph.nodes[node].get("community") for node in nodes] if len(graph) > PIECE_LIMIT else None
    return json.dumps([seed, spacing, nodes, edges, [(sizes or {}).get(node, 0.0) for node in nodes], communities], ensure_ascii=False)


def _sorted_copy(graph: nx.Graph) -> nx.Graph:
    """The same nodes and weighted edges, inserted in sorted order (layouts depend on order)."""
    copy = nx.Graph()
    copy.add_nodes_from((node, {"community": graph.nodes[node].get("community")}) for node in sorted(graph))
    edges = sorted(tuple(sorted((u, v))) for u, v in graph.edges)
    copy.add_edges_from((u, v, {"weight": float(graph.edges[u, v].get("weight", 1.0))}) for u, v in edges)
    return copy


def _piece_layout(graph: nx.Graph, seed: int, radius: float) -> dict[str, np.ndarray]:
    """A spring layout centred on 0 that fills a disc of ``radius``."""
    nodes = sorted(graph)
    if len(nodes) == 1:
        return {nodes[0]: np.zeros(2)}
    layout = spring_layout(_sorted_copy(graph), seed)  # a subgraph view iterates in set (hash) order
    points = np.array([layout[node] for node in nodes])
    points -= points.mean(axis=0)
    reach = float(np.percentile(np.hypot(points[:, 0], points[:, 1]), 90)) or 1.0
    return dict(zip(nodes, points * (radius / reach)))
