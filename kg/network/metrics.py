"""Centrality and communities, written onto the network's nodes."""

from __future__ import annotations

import networkx as nx

from kg.network.betweenness import betweenness as brandes

#: Above this many nodes betweenness is estimated from a seeded sample of pivots (Brandes–Pich);
#: exact betweenness costs O(nodes × edges): 10 s at 5,000 nodes (kg.network.betweenness; networkx took minutes).
EXACT_BETWEENNESS_LIMIT = 2000
PIVOTS = 500
SEED = 42


def annotate(network: nx.Graph) -> nx.Graph:
    """Add ``degree``, ``betweenness`` (normalised, 0..1, 6 decimals) and ``community`` to every node."""
    degree = nx.degree_centrality(network) if len(network) > 1 else dict.fromkeys(network, 0.0)
    sample = None if len(network) <= EXACT_BETWEENNESS_LIMIT else PIVOTS
    betweenness = brandes(network, k=sample, seed=SEED)
    community = communities(network)
    for node, data in network.nodes(data=True):
        data["degree"] = round(degree[node], 6)
        data["betweenness"] = round(min(betweenness[node], 1.0), 6)
        data["community"] = community[node]
    return network


def communities(network: nx.Graph) -> dict[str, int]:
    """Louvain communities (seeded), numbered from 0 by size, largest first, ties by their first node."""
    if network.number_of_edges() == 0:
        groups = [{node} for node in network]
    else:
        groups = nx.community.louvain_communities(network, weight="weight", seed=SEED)
    ordered = sorted(groups, key=lambda group: (-len(group), min(group)))
    return {node: number for number, group in enumerate(ordered) for node in group}
