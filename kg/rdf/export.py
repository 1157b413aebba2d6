"""Deterministic, streamed exports: Turtle (merged), TriG (a named graph per source), JSON-LD.

Each file is written piece by piece from the sources' cached parts (`kg/parts.py`) and the
build's shared graphs (the ontology, thesaurus, addressees, build activity and network metrics):
the merged files from the parts' sorted rows merged into one sorted stream, the TriG file from
the parts' blocks in IRI order. No file's text and no merged graph is ever in memory.
"""

from __future__ import annotations

import heapq
import resource
from collections.abc import Callable, Iterable, Iterator

from rdflib import Graph, URIRef

from kg.output import Apart, Content
from kg.parts import Part
from kg.rdf.jsonld import JsonLdWriter
from kg.rdf.namespaces import PREFIX_IRIS
from kg.rdf.nquads import quads
from kg.rdf.turtle import TurtleWriter


class Count:
    """The number of distinct statements in the merged graph, known once kg.ttl is written."""

    def __init__(self) -> None:
        self.triples = 0

    def distinct(self, rows: Iterable[str]) -> Iterator[str]:
        last = None
        for row in rows:
            if row != last:
                self.triples += 1
                yield row
            last = row


def _open_files_for(parts: list[Part]) -> None:
    """Merging keeps one row file per source open: allow as many as the system lets a process."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft != resource.RLIM_INFINITY and soft < len(parts) + 64:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


def _merged(shared: Iterable[Graph], rows: Callable[[Graph], list[str]], parts: Iterable[Iterator[str]]) -> Iterator[str]:
    return heapq.merge(sorted(row for graph in shared for row in rows(graph)), *parts)


def _encoded(chunks: Iterator[str]) -> Iterator[bytes]:
    return (chunk.encode("utf-8") for chunk in chunks)


def render(shared: dict[URIRef, Graph], parts: list[Part], activity: URIRef, count: Count, nquads: bool = False) -> dict[str, Content]:
    """The export files by name, each written when the file is written; ``count`` learns the
    merged graph's size as kg.ttl is written. With ``nquads``, also nquads/NAME.nq per source and
    nquads/shared.nq (the other graphs): what a store's bulk loader reads, one file per thread."""
    _open_files_for(parts)
    turtle, jsonld = TurtleWriter(PREFIX_IRIS), JsonLdWriter(PREFIX_IRIS)
    graphs = list(shared.values())

    def merged_turtle() -> Iterator[str]:
        yield turtle.header() + "\n"
        yield from turtle.blocks_of_rows(count.distinct(_merged(graphs, turtle.rows, (p.turtle_rows(activity) for p in parts))))

    def trig() -> Iterator[str]:
        """One named graph per block, blocks in IRI order."""
        yield turtle.header() + "\n"
        blocks = [(str(iri), lambda g=g: "".join(turtle.blocks(g, indent="    "))) for iri, g in shared.items() if len(g)]
        blocks += [(str(part.graph), lambda part=part: part.text("trig", activity)) for part in parts]
        for number, (iri, block) in enumerate(sorted(blocks, key=lambda item: item[0])):
            yield ("\n" if number else "") + f"<{iri}> {{\n" + block() + "}\n"

    files: dict[str, Content] = {}
    if nquads:
        files["nquads/shared.nq"] = lambda: _encoded(quads(graph) for graph in sorted(graphs, key=lambda g: str(g.identifier)))
        files |= {f"nquads/{part.name}.nq": lambda part=part: _encoded(iter([part.text("nquads", activity)])) for part in parts}
    return files | {
        "kg.ttl": lambda: _encoded(merged_turtle()),
        "kg.trig": lambda: _encoded(trig()),
        "kg.jsonld": Apart(lambda: _encoded(jsonld.chunks_of_rows(_merged(graphs, jsonld.rows, (p.jsonld_rows(activity) for p in parts))))),
    }
