"""Cutting a graph into pieces small enough for one spring layout each (see kg.maps.layout)."""

from __future__ import annotations

from collections import defaultdict

import networkx as nx

PIECE_LIMIT = 450  # the most nodes one spring layout moves: networkx's dense method, under a second
SMALL = 12  # components smaller than this share a piece with other small ones


def leaves(graph: nx.Graph) -> dict[str, str]:
    """Nodes with one neighbour that itself has others, mapped to that neighbour."""
    return {node: next(iter(graph[node])) for node in graph if graph.degree(node) == 1 and graph.degree(next(iter(graph[node]))) > 1}


def pieces(graph: nx.Graph, seed: int) -> list[list[str]]:
    """Components, large ones cut into communities, small ones binned together; biggest first."""
    result: list[list[str]] = []
    small: list[str] = []
    for component in sorted((sorted(c) for c in nx.connected_components(graph)), key=lambda c: (-len(c), c[0])):
        if len(component) > PIECE_LIMIT:
            result.extend(_split(graph.subgraph(component), seed))
        elif len(component) >= SMALL:
            result.append(component)
        else:
            if len(small) + len(component) > PIECE_LIMIT:
                result.append(small)
                small = []
            small.extend(component)
    result.extend([small] if small else [])
    return sorted((sorted(piece) for piece in result), key=lambda piece: (-len(piece), piece[0]))


def _split(graph: nx.Graph, seed: int) -> list[list[str]]:
    """A large component cut along its communities, small communities merged with their best-linked neighbours."""
    groups: dict[object, list[str]] = defaultdict(list)
    for node in graph:
        groups[graph.nodes[node]["community"]].append(node)
    if len(groups) == 1 or None in groups:
        groups = dict(enumerate(nx.community.louvain_communities(graph, weight="weight", seed=seed)))
    if len(groups) == 1:
        return [sorted(graph)]
    parts: list[list[str]] = []
    for members in groups.values():
        parts.extend(_split(graph.subgraph(members), seed) if len(members) > PIECE_LIMIT else [sorted(members)])
    return _merge(graph, parts)


def _merge(graph: nx.Graph, parts: list[list[str]]) -> list[list[str]]:
    """Fewer, fuller pieces: each part joins the piece it has most links to while that stays small enough."""
    pieces: list[list[str]] = []
    owner: dict[str, int] = {}
    for part in sorted(parts, key=lambda p: (-len(p), p[0])):
        links: dict[int, int] = defaultdict(int)
        for node in part:
            for near in graph[node]:
                if near in owner and len(pieces[owner[near]]) + len(part) <= PIECE_LIMIT:
                    links[owner[near]] += 1
        target = min(links, key=lambda index: (-links[index], index)) if links else len(pieces)
        if target == len(pieces):
            pieces.append([])
        pieces[target].extend(part)
        owner.update(dict.fromkeys(part, target))
    return [sorted(piece) for piece in pieces]
