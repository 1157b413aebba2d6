"""Time each export writer on the seeds graph: kg's own Turtle, TriG and JSON-LD writers against
rdflib's serializers (the JSON-LD one is what kg used before) and Oxigraph's.

The dataset is read from a built kg.trig (default: exports/kg.trig). kg writes its files in two
steps (kg/parts.py): each source's graph into sorted rows once, when the source changes, and
every file from all sources' rows at every build; both are timed, the second from part folders
written here. Each writer runs three times in this process and the median is printed, with the
size of what it wrote.

    python benchmarks/writers.py [--trig exports/kg.trig]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pyoxigraph
from rdflib import Dataset, Graph

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.parts import PLACEHOLDER, Part  # noqa: E402
from kg.rdf import iris  # noqa: E402
from kg.rdf.export import Count, render  # noqa: E402
from kg.rdf.jsonld import JsonLdWriter  # noqa: E402
from kg.rdf.namespaces import PREFIX_IRIS  # noqa: E402
from kg.rdf.nquads import quads  # noqa: E402
from kg.rdf.turtle import TurtleWriter  # noqa: E402
from tests.utils.jsonld import rdflib_jsonld  # noqa: E402

SOURCE = str(iris.KGR["source/"])


def part_files(graph: Graph) -> dict[str, str]:
    """What kg keeps of a source graph: its TriG block, Turtle and JSON-LD rows, N-Quads."""
    turtle, jsonld = TurtleWriter(PREFIX_IRIS), JsonLdWriter(PREFIX_IRIS)
    rows = {"turtle.rows": "".join(turtle.rows(graph)), "jsonld.rows": "".join(jsonld.rows(graph))}
    return rows | {"trig": "".join(turtle.blocks(graph, indent="    ")), "nquads": quads(graph)}


def write_parts(sources: list[Graph], folder: Path) -> list[Part]:
    parts = []
    for number, graph in enumerate(sources):
        (folder / str(number)).mkdir()
        for name, text in part_files(graph).items():
            (folder / str(number) / name).write_text(text, encoding="utf-8")
        parts.append(Part(f"source{number}", graph.identifier, folder / str(number)))
    return parts


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
    graph = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
    for prefix, namespace in PREFIX_IRIS.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    sources = [g for g in dataset.graphs() if str(g.identifier).startswith(SOURCE)]
    shared = {g.identifier: g for g in dataset.graphs() if str(g.identifier).startswith(str(iris.KGR["graph/"]))}
    store = pyoxigraph.Store()
    store.bulk_load(path=str(args.trig), format=pyoxigraph.RdfFormat.TRIG)
    triples = [quad.triple for quad in store]
    with tempfile.TemporaryDirectory() as folder:
        parts = write_parts(sources, Path(folder))
        files = render(shared, parts, PLACEHOLDER, Count(), nquads=True)
        writers: dict[str, Callable[[], str | bytes]] = {
            "kg: every source's rows (when a source changes)": lambda: "".join(t for g in sources for t in part_files(g).values()),
            "kg Turtle (kg.ttl, merged from the rows)": lambda: b"".join(files["kg.ttl"]()),
            "kg TriG (kg.trig, from the parts' blocks)": lambda: b"".join(files["kg.trig"]()),
            "kg JSON-LD (kg.jsonld, merged from the rows)": lambda: b"".join(files["kg.jsonld"].make()),
            "kg N-Quads (nquads/, from the parts)": lambda: b"".join(b"".join(make()) for name, make in files.items() if name.startswith("nquads/")),
            "rdflib Turtle": lambda: graph.serialize(format="turtle"),
            "rdflib JSON-LD, sorted (kg before)": lambda: rdflib_jsonld(graph),
            "Oxigraph Turtle (merged, unsorted)": lambda: pyoxigraph.serialize(triples, format=pyoxigraph.RdfFormat.TURTLE) or b"",
            "Oxigraph TriG (unsorted)": lambda: store.dump(format=pyoxigraph.RdfFormat.TRIG) or b"",
            "Oxigraph N-Quads (unsorted)": lambda: store.dump(format=pyoxigraph.RdfFormat.N_QUADS) or b"",
        }
        print(f"{len(graph):,} triples in the merged graph, {len(store):,} quads, {len(sources)} source graphs")
        print("| writer | seconds (median of 3) | bytes |\n|---|---|---|")
        for name, write in writers.items():
            seconds, size = _median(write)
            print(f"| {name} | {seconds:.2f} | {size:,} |")


if __name__ == "__main__":
    main()
