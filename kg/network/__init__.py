"""Network analysis of a built graph with networkx: the graph, its projections, metrics and exchange formats."""

from __future__ import annotations

import networkx as nx
from rdflib import Graph

from kg.network.evidence import EvidenceIndex
from kg.network.graph import from_rdf
from kg.network.metrics import annotate


def analyse(graph: Graph, evidence: EvidenceIndex | None = None) -> nx.Graph:
    """The article–person–organisation–theme network of ``graph`` with centrality and communities
    (``evidence``: see `from_rdf`)."""
    return annotate(from_rdf(graph, evidence))
