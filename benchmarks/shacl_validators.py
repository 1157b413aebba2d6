"""Benchmark SHACL validators on a built graph: pySHACL (what `kg build` uses) against the Rust
validators on PyPI, for time and for agreement, on the graph as built and on copies broken on
purpose.

The data is a merged export (default: exports/kg.ttl, which holds the ontology and thesaurus
graphs too) against ontology/shapes.ttl. Each broken copy removes or spoils one kind of fact a
shape requires; a validator agrees with pySHACL when it gives the same verdict. `rudof`,
`shacl-rust` and `shacl` are optional (not dependencies of kg): install them into the environment to measure
them; a validator that is missing or fails is reported as such.

    python benchmarks/shacl_validators.py [--graph exports/kg.ttl]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from pyshacl import validate as pyshacl_validate
from rdflib import Graph, Literal
from rdflib.namespace import RDF, SH

from kg.paths import ontology_dir
from kg.rdf.namespaces import KG, SCHEMA

Verdict = tuple[bool, int]  # conforms, number of results


def _pyshacl(data: Graph, _: Path, shapes: Path) -> Verdict:
    ontology = Graph().parse(shapes.parent / "kg.ttl", format="turtle")
    conforms, report, _ = pyshacl_validate(
        data, shacl_graph=Graph().parse(shapes, format="turtle"), ont_graph=ontology, inference="none", allow_warnings=True, advanced=True
    )
    return bool(conforms), len(set(report.subjects(RDF.type, SH.ValidationResult)))


def _shacl_rust(_: Graph, path: Path, shapes: Path) -> Verdict:
    import shacl_rust

    report = shacl_rust.validate_file(str(path), str(shapes))
    return bool(report["conforms"]), len(report["results"])


def _shacl(_: Graph, path: Path, shapes: Path) -> Verdict:
    import shacl

    report = shacl.validate(str(path), str(shapes), allow_warnings=True)
    return bool(report.conforms), len(report.results)


def _rudof(_: Graph, path: Path, shapes: Path) -> Verdict:
    import rudof  # given text instead of paths it reports "Format not supported"

    report = rudof.validate(str(path), str(shapes))
    return bool(getattr(report, "conforms", report)), -1  # not reached with our shapes: it panics


VALIDATORS: dict[str, Callable[[Graph, Path, Path], Verdict]] = {"pySHACL": _pyshacl, "shacl-rust": _shacl_rust, "shacl": _shacl, "rudof": _rudof}


def _broken(graph: Graph) -> dict[str, Graph]:
    """Copies of ``graph`` that each break one shape."""
    def without(predicate: object) -> Graph:
        copy = Graph()
        copy += graph
        copy.remove((None, predicate, None))
        return copy

    spoiled = Graph()
    spoiled += graph
    for node, value in list(graph.subject_objects(KG.confidence))[:5]:
        spoiled.set((node, KG.confidence, Literal(f"hoog {value}")))
    return {"articles without headline": without(SCHEMA.headline), "confidence as text (5)": spoiled, "nothing has a name": without(SCHEMA.name)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--graph", type=Path, default=Path(__file__).resolve().parents[1] / "exports" / "kg.ttl")
    args = parser.parse_args()
    shapes = ontology_dir() / "shapes.ttl"
    built = Graph().parse(args.graph, format="turtle")
    cases = {"as built": built} | _broken(built)
    print(f"{'graph':<28}{'validator':<12}{'seconds':>9}  {'conforms':<9}{'results':>8}")
    with tempfile.TemporaryDirectory() as folder:
        for case, data in cases.items():
            path = Path(folder) / "data.nt"  # the Rust validators read files; writing it is not timed
            data.serialize(path, format="nt", encoding="utf-8")
            for name, run in VALIDATORS.items():
                started = time.perf_counter()
                try:
                    conforms, results = run(data, path, shapes)
                except BaseException as error:  # a missing package, or a Rust panic (not an Exception)
                    if isinstance(error, KeyboardInterrupt):
                        raise
                    print(f"{case:<28}{name:<12}{'':>9}  failed: {type(error).__name__}: {str(error)[:60]}")
                    continue
                print(f"{case:<28}{name:<12}{time.perf_counter() - started:>9.2f}  {str(conforms):<9}{results:>8}")


if __name__ == "__main__":
    main()
