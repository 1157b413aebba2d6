"""SHACL validation of a built graph against ``ontology/shapes.ttl``.

Each source's named graph is validated together with the graphs it refers to (the build
activity, the thesaurus): every reference a shape follows stays inside a source's graph or those
shared graphs, so this is the same check as on the merged graph, and it grows linearly with the
corpus. pySHACL runs in parallel processes; shacl, about 25 times faster, runs in this one.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kg.rdf.shacl_engines import DEFAULT, ENGINES, Triples, Validation
from kg.rdf.validated import ValidatedGraphs
from kg.workers import pool


PARALLEL = {"pyshacl"}  # engines worth worker processes; a forked worker copies the build's memory, which shacl does not need


def _validate(folder: str, triples: Triples, only: tuple[str, ...] = (), engine: str = DEFAULT) -> Validation:
    """Validate ``triples`` against every shape, or only the shapes named in ``only``."""
    return ENGINES[engine](folder, triples, only)


@dataclass(frozen=True)
class Part:
    """Triples validated together: a source's graph, or the network metrics with their shape only."""

    triples: Triples
    shapes: tuple[str, ...] = ()  # the IRIs of the shapes to check; all when empty


def validate(
    parts: list[Part], shared: Triples, ontology_folder: Path, jobs: int, validated: ValidatedGraphs | None = None, engine: str = DEFAULT
) -> Validation:
    """Validate each part with the shared triples; one report for all. Parts that ``validated``
    records as passed before are not validated again."""
    folder = str(ontology_folder)
    batches = [(part.triples + shared, part.shapes) for part in parts] or [(shared, ())]
    keys = [validated.key(triples, shapes) if validated else "" for triples, shapes in batches]
    todo = [batches[i] for i, key in enumerate(keys) if not (validated and validated.passed(key))]
    if jobs > 1 and len(todo) > 1 and engine in PARALLEL:
        with pool(jobs) as workers:
            results = list(workers.map(_validate, [folder] * len(todo), *zip(*todo), [engine] * len(todo)))
    else:
        results = [_validate(folder, triples, shapes, engine) for triples, shapes in todo]
    for key, result in zip([k for k in keys if not (validated and validated.passed(k))], results):
        if validated and result.conforms:
            validated.record(key)
    failed = [r for r in results if not r.conforms]
    return Validation(not failed, "\n".join(r.report for r in failed), frozenset().union(*(r.violations for r in failed)))
