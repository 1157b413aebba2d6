"""Read a built graph file back, whatever its format."""

from __future__ import annotations

from pathlib import Path

from rdflib import Dataset, Graph

FORMATS = {".ttl": "turtle", ".trig": "trig", ".jsonld": "json-ld", ".json": "json-ld", ".nt": "nt", ".nq": "nquads"}


def load_graph(path: Path) -> Graph:
    """All triples of the file, named graphs merged; the format follows the extension."""
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise ValueError(f"{path}: unknown graph format (expected one of {', '.join(sorted(FORMATS))})")
    dataset = Dataset()
    try:
        dataset.parse(path, format=fmt)
    except Exception as exc:  # rdflib's parsers raise many kinds (SyntaxError, IndexError, JSON errors) for a broken file
        raise ValueError(f"{path}: not a readable {fmt} graph ({type(exc).__name__}: {' '.join(str(exc).split())[:200]})") from exc
    graph = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph
