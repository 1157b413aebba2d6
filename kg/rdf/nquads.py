"""N-Quads of one named graph, as the bulk loaders of triple stores read them (Virtuoso's ``ld_dir``)."""

from __future__ import annotations

from rdflib import Graph


def quads(graph: Graph) -> str:
    """The graph's statements as N-Quads lines naming the graph, sorted so the bytes are stable."""
    suffix = f" <{graph.identifier}> .\n"
    lines = graph.serialize(format="nt", encoding="utf-8").decode("utf-8").splitlines()
    return "".join(sorted(line.removesuffix(" .") + suffix for line in lines if line.strip()))
