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


EGO_NODES = 150
"""Most nodes an organisation's map shows: a hub's two-step neighbourhood is half the corpus, unreadable as its own map."""


def organisation_graph(graph: nx.Graph, organisation: str, max_nodes: int = EGO_NODES) -> nx.Graph:
    """Ego network: the organisation, everything one step away (its people, the articles it appears in), and
    of what is two steps away (who and what else is in them) the nodes most tied to that first ring, up to
    ``max_nodes`` in all; ``graph.graph["omitted"]`` says how many two-step nodes were left out."""
    first = {organisation, *graph[organisation]}
    second = {near for node in first for near in graph[node]} - first
    room = max(0, max_nodes - len(first))
    ties = {node: sum(1 for near in graph[node] if near in first) for node in second}
    kept = sorted(second, key=lambda n: (-ties[n], -graph.nodes[n].get("degree", 0.0), n))[:room]
    ego = graph.subgraph(first | set(kept)).copy()
    ego.graph["omitted"] = len(second) - len(kept)
    return ego


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


def address(node: str) -> str:
    """How a page address names a node (``overview.html#node=organization/avans``): the last two parts of its IRI."""
    return "/".join(node.rstrip("/").split("/")[-2:])
