"""Time each export writer on the seeds graph: kg's own Turtle, TriG and JSON-LD writers against
rdflib's serializers (the JSON-LD one is what kg used before) and Oxigraph's.

The dataset is read from a built kg.trig (default: exports/kg.trig); each writer runs three times
in this process and the median is printed, with the size of what it wrote.

    python benchmarks/writers.py [--trig exports/kg.trig]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pyoxigraph
from rdflib import Dataset, Graph

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.rdf.export import merged, render  # noqa: E402
from kg.rdf.jsonld import JsonLdWriter  # noqa: E402
from kg.rdf.turtle import TurtleWriter  # noqa: E402
from tests.utils.jsonld import CONTEXT, rdflib_jsonld  # noqa: E402


def _median(write: Callable[[], str | bytes]) -> tuple[float, int]:
    times, size = [], 0
    for _ in range(3):
        started = time.perf_counter()
        size = len(write())
        times.append(time.perf_counter() - started)
    return statistics.median(times), size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--trig", type=Path, default=ROOT / "exports" / "kg.trig")
    args = parser.parse_args()
    dataset = Dataset()
    dataset.parse(args.trig, format="trig")
    graph: Graph = merged(dataset)
    store = pyoxigraph.Store()
    store.bulk_load(path=str(args.trig), format=pyoxigraph.RdfFormat.TRIG)
    triples = [quad.triple for quad in store]
    writers: dict[str, Callable[[], str | bytes]] = {
        "kg Turtle (kg.ttl)": lambda: TurtleWriter(CONTEXT).statements(graph),
        "kg JSON-LD (kg.jsonld)": lambda: JsonLdWriter(CONTEXT).document(graph),
        "kg all three (render)": lambda: b"".join(b"".join(make()) for make in render(dataset, graph).values()),
        "rdflib Turtle": lambda: graph.serialize(format="turtle"),
        "rdflib JSON-LD, sorted (kg before)": lambda: rdflib_jsonld(graph),
        "Oxigraph Turtle (merged, unsorted)": lambda: pyoxigraph.serialize(triples, format=pyoxigraph.RdfFormat.TURTLE) or b"",
        "Oxigraph TriG (unsorted)": lambda: store.dump(format=pyoxigraph.RdfFormat.TRIG) or b"",
        "Oxigraph N-Quads (unsorted)": lambda: store.dump(format=pyoxigraph.RdfFormat.N_QUADS) or b"",
    }
    print(f"{len(graph):,} triples in the merged graph, {len(store):,} quads")
    print(f"| writer | seconds (median of 3) | bytes |\n|---|---|---|")
    for name, write in writers.items():
        seconds, size = _median(write)
        print(f"| {name} | {seconds:.2f} | {size:,} |")


if __name__ == "__main__":
    main()
