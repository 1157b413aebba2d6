"""N-Quads of one named graph, as the bulk loaders of triple stores read them (Virtuoso's ``ld_dir``)."""

from __future__ import annotations

from rdflib import Graph


def ntriples(graph: Graph) -> str:
    return graph.serialize(format="nt", encoding="utf-8").decode("utf-8")


def quads(graph: Graph, text: str | None = None) -> str:
    """The graph's statements as N-Quads lines naming the graph, sorted so the bytes are stable
    (``text``: the graph's N-Triples, when the caller has them)."""
    suffix = f" <{graph.identifier}> .\n"
    lines = (ntriples(graph) if text is None else text).splitlines()
    return "".join(sorted(line.removesuffix(" .") + suffix for line in lines if line.strip()))
