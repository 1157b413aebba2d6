"""Deterministic, atomic exports: Turtle (merged), TriG (a named graph per source), JSON-LD.

All files are first written next to their targets under temporary names; only when every one
of them was written are they renamed into place, so a failed build leaves the previous exports.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from rdflib import Dataset, Graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from kg.rdf.jsonld import JsonLdWriter
from kg.rdf.namespaces import PREFIXES
from kg.rdf.turtle import TurtleWriter


def merged(dataset: Dataset) -> Graph:
    """The union of the dataset's graphs, read from its store without a copy: a triple stated in
    several graphs is one triple here, and a triple added to any of its graphs is in it too."""
    union = Dataset(store=dataset.store, default_union=True)
    for prefix, namespace in PREFIXES.items():
        union.bind(prefix, namespace, override=True, replace=True)
    return union


_PREFIXES = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}


def _turtle(graph: Graph, writer: TurtleWriter) -> Iterator[str]:
    yield writer.header() + "\n"
    yield from writer.blocks(graph)


def _trig(dataset: Dataset, writer: TurtleWriter) -> Iterator[str]:
    """One named graph per block, blocks in IRI order."""
    yield writer.header() + "\n"
    graphs = [g for g in sorted(dataset.graphs(), key=lambda g: str(g.identifier)) if len(g) and g.identifier != DATASET_DEFAULT_GRAPH_ID]
    for number, context in enumerate(graphs):
        yield ("\n" if number else "") + f"<{context.identifier}> {{\n"
        yield from writer.blocks(context, indent="    ")
        yield "}\n"


def _encoded(chunks: Iterator[str]) -> Iterator[bytes]:
    return (chunk.encode("utf-8") for chunk in chunks)


def render(dataset: Dataset, graph: Graph) -> dict[str, Callable[[], Iterator[bytes]]]:
    """The export files by name, each written from the dataset (and ``graph``, its merge) piece by
    piece when the file is written, so that no file's whole text is ever in memory."""
    writer = TurtleWriter(_PREFIXES)  # one writer: the two files share its written IRIs
    return {
        "kg.ttl": lambda: _encoded(_turtle(graph, writer)),
        "kg.trig": lambda: _encoded(_trig(dataset, writer)),
        "kg.jsonld": lambda: _encoded(JsonLdWriter(_PREFIXES).chunks(graph)),
    }
