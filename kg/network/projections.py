"""One-mode projections of the network: who writes with whom, which organisations and themes go together."""

from __future__ import annotations

from itertools import combinations

import networkx as nx


def coauthorship(network: nx.Graph) -> nx.Graph:
    """Authors, linked when they wrote an article together."""
    return _cooccurrence(network, "person", {"author"}, "co-author")


def organisation_cooccurrence(network: nx.Graph) -> nx.Graph:
    """Organisations, linked when one article names both."""
    return _cooccurrence(network, "organisation", None, "co-occurrence")


def theme_cooccurrence(network: nx.Graph) -> nx.Graph:
    """Themes, linked when one article is about both."""
    return _cooccurrence(network, "theme", None, "co-occurrence")


def person_organisation(network: nx.Graph) -> nx.Graph:
    """People and the organisations they are affiliated with."""
    projection = nx.Graph()
    for a, b, data in sorted(network.edges(data=True)):
        if "affiliation" in data["relations"]:
            projection.add_node(a, **network.nodes[a])
            projection.add_node(b, **network.nodes[b])
            projection.add_edge(a, b, relations=["affiliation"], weight=1.0, evidence=data["evidence"])
    return projection


def _cooccurrence(network: nx.Graph, kind: str, relations: set[str] | None, relation: str) -> nx.Graph:
    projection = nx.Graph()
    for article in sorted(n for n, d in network.nodes(data=True) if d["kind"] == "article"):
        members = sorted(
            other
            for other in network[article]
            if network.nodes[other]["kind"] == kind and (relations is None or relations & set(network.edges[article, other]["relations"]))
        )
        for member in members:
            projection.add_node(member, **network.nodes[member])
        shared = _article_quote(network, article)
        for a, b in combinations(members, 2):
            if projection.has_edge(a, b):
                data = projection.edges[a, b]
                data["weight"] += 1.0
                if len(data["evidence"]) < 5:
                    data["evidence"].append(shared)
            else:
                projection.add_edge(a, b, relations=[relation], weight=1.0, evidence=[shared])
    return projection


def _article_quote(network: nx.Graph, article: str) -> dict[str, str]:
    data = network.nodes[article]
    return {"quote": data["label"], "source": data["source"], "article": data["label"]}
