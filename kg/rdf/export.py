"""Deterministic, atomic exports: Turtle (merged), TriG (a named graph per source), JSON-LD.

All files are first written next to their targets under temporary names; only when every one
of them was written are they renamed into place, so a failed build leaves the previous exports.
"""

from __future__ import annotations

from rdflib import Dataset, Graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from kg.rdf.jsonld import JsonLdWriter
from kg.rdf.namespaces import PREFIXES
from kg.rdf.turtle import TurtleWriter


def merged(dataset: Dataset) -> Graph:
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    for subject, predicate, obj, _ in dataset.quads((None, None, None, None)):
        graph.add((subject, predicate, obj))
    return graph


_PREFIXES = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}


def _turtle(graph: Graph, writer: TurtleWriter) -> str:
    return writer.header() + "\n" + writer.statements(graph)


def _trig(dataset: Dataset, writer: TurtleWriter) -> str:
    """One named graph per block, blocks in IRI order."""
    blocks = []
    for context in sorted(dataset.graphs(), key=lambda g: str(g.identifier)):
        if len(context) == 0 or context.identifier == DATASET_DEFAULT_GRAPH_ID:
            continue
        blocks.append(f"<{context.identifier}> {{\n{writer.statements(context, indent='    ')}}}\n")
    return writer.header() + "\n" + "\n".join(blocks)


def render(dataset: Dataset, graph: Graph) -> dict[str, bytes]:
    """Serialise the dataset (and ``graph``, its merge) into the export files' bytes, by name."""
    writer = TurtleWriter(_PREFIXES)  # one writer: the two files share its written terms
    return {
        "kg.ttl": _turtle(graph, writer).encode("utf-8"),
        "kg.trig": _trig(dataset, writer).encode("utf-8"),
        "kg.jsonld": JsonLdWriter(_PREFIXES).document(graph).encode("utf-8"),
    }
