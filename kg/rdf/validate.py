"""SHACL validation of a built graph against ``ontology/shapes.ttl``.

Each source's named graph is validated together with the graphs it refers to (the build
activity, the thesaurus), in parallel processes: every reference a shape follows stays inside a
source's graph or those shared graphs, so this is the same check as on the merged graph, and it
grows linearly with the corpus.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pyshacl import validate as shacl_validate
from rdflib import Graph
from rdflib.term import Node

from kg.workers import pool

Triples = list[tuple[Node, Node, Node]]


@dataclass(frozen=True)
class Validation:
    conforms: bool
    report: str


@lru_cache(maxsize=2)
def _shapes(folder: str) -> tuple[Graph, Graph]:
    return Graph().parse(Path(folder) / "shapes.ttl", format="turtle"), Graph().parse(Path(folder) / "kg.ttl", format="turtle")


def _validate(folder: str, triples: Triples) -> Validation:
    data = Graph()
    for triple in triples:
        data.add(triple)
    shapes, ontology = _shapes(folder)
    conforms, _, text = shacl_validate(data, shacl_graph=shapes, ont_graph=ontology, inference="none", allow_warnings=True, advanced=True)
    return Validation(bool(conforms), str(text))


def validate(parts: list[Triples], shared: Triples, ontology_folder: Path, jobs: int) -> Validation:
    """Validate each part (a source's triples) with the shared triples; one report for all."""
    folder = str(ontology_folder)
    batches = [part + shared for part in parts] or [shared]
    if jobs > 1 and len(batches) > 1:
        with pool(jobs) as workers:
            results = list(workers.map(_validate, [folder] * len(batches), batches))
    else:
        results = [_validate(folder, batch) for batch in batches]
    failed = [r.report for r in results if not r.conforms]
    return Validation(not failed, "\n".join(failed))
