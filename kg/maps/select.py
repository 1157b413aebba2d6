"""Which nodes a focused map shows, which themes and organisations get one, and finding them by label."""

from __future__ import annotations

import difflib
import re
import unicodedata

import networkx as nx


def ranked(graph: nx.Graph, kind: str) -> list[str]:
    """Nodes of ``kind``, most connected first (articles they appear in, then degree centrality)."""
    members = [node for node, k in graph.nodes(data="kind") if k == kind]
    return sorted(members, key=lambda n: (-graph.nodes[n].get("articles", 0), -graph.nodes[n].get("degree", 0.0), graph.nodes[n]["label"], n))


def theme_graph(graph: nx.Graph, theme: str) -> nx.Graph:
    """The theme, the articles about it, and the persons and organisations in those articles."""
    articles = [node for node in graph[theme] if graph.nodes[node]["kind"] == "article"]
    people = {near for article in articles for near in graph[article] if graph.nodes[near]["kind"] in ("person", "organisation")}
    return graph.subgraph({theme, *articles, *people}).copy()


def organisation_graph(graph: nx.Graph, organisation: str) -> nx.Graph:
    """Ego network: everything within two steps of the organisation (its people and articles, and theirs)."""
    return nx.ego_graph(graph, organisation, radius=2)


def find(graph: nx.Graph, kind: str, label: str) -> str:
    """The node of ``kind`` whose label (or slug) is ``label``, ignoring case; LookupError names close labels."""
    labels = {graph.nodes[node]["label"]: node for node in sorted(graph) if graph.nodes[node].get("kind") == kind}
    wanted = label.casefold()
    for text, node in labels.items():
        if text.casefold() == wanted or slug(text) == label:
            return node
    close = difflib.get_close_matches(label, list(labels), n=5, cutoff=0.5)
    close += [text for text in sorted(labels) if wanted in text.casefold() and text not in close][: 5 - len(close)]
    hint = f"; did you mean: {', '.join(close)}?" if close else f"; the graph has {len(labels)} {kind} labels"
    raise LookupError(f"no {kind} labelled {label!r}{hint}")


def slug(label: str) -> str:
    """A file-name part: ASCII letters and digits joined by hyphens."""
    ascii_text = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60].strip("-") or "unnamed"
