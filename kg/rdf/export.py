"""Deterministic, atomic exports: Turtle (merged), TriG (a named graph per source), JSON-LD.

All files are first written next to their targets under temporary names; only when every one
of them was written are they renamed into place, so a failed build leaves the previous exports.
"""

from __future__ import annotations

import json

from rdflib import Dataset, Graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from kg.rdf.namespaces import PREFIXES
from kg.rdf.turtle import TurtleWriter


def merged(dataset: Dataset) -> Graph:
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    for subject, predicate, obj, _ in dataset.quads((None, None, None, None)):
        graph.add((subject, predicate, obj))
    return graph


def _canonical_jsonld(graph: Graph) -> str:
    """rdflib's JSON-LD follows set order; sort nodes and values so the bytes are stable."""
    context = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
    data = json.loads(graph.serialize(format="json-ld", context=context, auto_compact=False))
    nodes = data.get("@graph", data if isinstance(data, list) else [data])

    def canon(value: object) -> object:
        if isinstance(value, list):
            items = [canon(v) for v in value]
            return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
        if isinstance(value, dict):
            return {k: canon(v) for k, v in value.items()}
        return value

    document = {"@context": context, "@graph": canon(nodes)}
    return json.dumps(document, sort_keys=True, ensure_ascii=False, indent=1) + "\n"


def _writer() -> TurtleWriter:
    return TurtleWriter({prefix: str(namespace) for prefix, namespace in PREFIXES.items()})


def _turtle(graph: Graph) -> str:
    writer = _writer()
    return writer.header() + "\n" + writer.statements(graph)


def _trig(dataset: Dataset) -> str:
    """One named graph per block, blocks in IRI order."""
    writer = _writer()
    blocks = []
    for context in sorted(dataset.graphs(), key=lambda g: str(g.identifier)):
        if len(context) == 0 or context.identifier == DATASET_DEFAULT_GRAPH_ID:
            continue
        blocks.append(f"<{context.identifier}> {{\n{writer.statements(context, indent='    ')}}}\n")
    return writer.header() + "\n" + "\n".join(blocks)


def render(dataset: Dataset, graph: Graph) -> dict[str, bytes]:
    """Serialise the dataset (and ``graph``, its merge) into the export files' bytes, by name."""
    return {
        "kg.ttl": _turtle(graph).encode("utf-8"),
        "kg.trig": _trig(dataset).encode("utf-8"),
        "kg.jsonld": _canonical_jsonld(graph).encode("utf-8"),
    }
