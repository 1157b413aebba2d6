"""GraphML and GEXF of the network, for Gephi, Cytoscape and yEd users.

Both formats hold only scalar attributes: lists are joined with "; " and evidence becomes the quoted
spans with their source file. GEXF's last-modified date is the build's date, so exports stay reproducible.
"""

from __future__ import annotations

import re

import networkx as nx


def exchange_files(network: nx.Graph, date: str) -> dict[str, bytes]:
    """``network.graphml`` and ``network.gexf`` for ``network``; ``date`` is YYYY-MM-DD."""
    flat = flatten(network)
    graphml = "\n".join(nx.generate_graphml(flat, prettyprint=True)) + "\n"
    gexf = "\n".join(nx.generate_gexf(flat, prettyprint=True)) + "\n"
    gexf = re.sub(r'lastmodifieddate="[^"]*"', f'lastmodifieddate="{date}"', gexf, count=1)
    return {"network.graphml": graphml.encode("utf-8"), "network.gexf": gexf.encode("utf-8")}


def flatten(network: nx.Graph) -> nx.Graph:
    """A copy of ``network`` whose attributes are strings and numbers only."""
    flat = nx.Graph()
    for node, data in network.nodes(data=True):
        flat.add_node(node, iri=node, **{key: _scalar(value) for key, value in data.items()})
    for a, b, data in network.edges(data=True):
        flat.add_edge(a, b, **{key: _scalar(value) for key, value in data.items()})
    return flat


def _scalar(value: object) -> str | int | float:
    if isinstance(value, (str, int, float)):
        return value
    if isinstance(value, list) and all(isinstance(item, dict) for item in value):
        return " | ".join(f"“{item['quote']}” ({item['source']})" for item in value)
    if isinstance(value, list):
        return "; ".join(map(str, value))
    return str(value)
