"""The SHACL engines a build can validate with, each taking the same triples and shapes and
giving the same verdict.

``shacl`` (a Rust validator on PyPI) is the default: it gives pySHACL's verdict and violations
(the same source shape and focus node) on every broken graph of the vocabulary tests, 25 to 50
times faster (benchmarks/shacl_validators.py). ``pyshacl`` stays the reference: the tests run
both and compare them (tests/ontology/test_vocabulary.py). pySHACL mixes the ontology into the data
graph (``ont_graph``), so the ontology's triples are added to the data the Rust engine reads.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

from rdflib import RDF, SH, Graph
from rdflib.term import Node

Triples = list[tuple[Node, Node, Node]]


@dataclass(frozen=True)
class Validation:
    conforms: bool
    report: str
    violations: frozenset[tuple[str, str]] = frozenset()  # (shape, focus node), both in N-Triples syntax


def _graph(triples: Triples) -> Graph:
    data = Graph()
    for triple in triples:
        data.add(triple)
    return data


@lru_cache(maxsize=2)
def _ontology(folder: str) -> Graph:
    return Graph().parse(Path(folder) / "kg.ttl", format="turtle")


@lru_cache(maxsize=2)
def _rdflib_shapes(folder: str) -> Graph:
    return Graph().parse(Path(folder) / "shapes.ttl", format="turtle")


def _pyshacl(folder: str, triples: Triples, only: tuple[str, ...]) -> Validation:
    from pyshacl import validate

    conforms, results, text = validate(
        _graph(triples), shacl_graph=_rdflib_shapes(folder), ont_graph=_ontology(folder), inference="none", allow_warnings=True, advanced=True, use_shapes=list(only) or None
    )
    found = [r for r in results.subjects(RDF.type, SH.ValidationResult) if results.value(r, SH.resultSeverity) == SH.Violation]
    violations = frozenset((results.value(r, SH.sourceShape).n3(), results.value(r, SH.focusNode).n3()) for r in found)
    return Validation(bool(conforms), str(text), violations)


@lru_cache(maxsize=2)
def _compiled(folder: str) -> object:
    import shacl

    return shacl.Shapes.from_file(str(Path(folder) / "shapes.ttl"))


def data_text(folder: str, triples: Triples) -> str:
    """N-Triples of ``triples`` and the ontology: the data the Rust engine reads (see above)."""
    return (_graph(triples) + _ontology(folder)).serialize(format="nt", encoding="utf-8").decode("utf-8")


def _rust(folder: str, triples: Triples, only: tuple[str, ...]) -> Validation:
    return validate_text(folder, data_text(folder, triples), only)


def validate_text(folder: str, text: str, only: tuple[str, ...] = ()) -> Validation:
    """The Rust engine on N-Triples text (data and ontology): a caller that has the text of what
    it checks already (a source's part, `kg/parts.py`) does not build a graph to write it again."""
    shapes = _compiled(folder)
    report = shapes.validate_text(text, format="ntriples", allow_warnings=True)  # type: ignore[attr-defined]
    wanted = {f"<{iri}>" for iri in only}
    results = [r for r in report.results if not wanted or r.root_shape in wanted]
    failed = [r for r in results if r.severity == "Violation"]
    lines = [f"{r.severity}: {r.root_shape} on {r.focus_node}" + (f" ({r.path})" if r.path else "") + f": {r.message or r.component}" + (f" [value {r.value}]" if r.value else "") for r in results]
    violations = frozenset((r.root_shape, r.focus_node) for r in failed)
    return Validation(not failed, "\n".join([f"Conforms: {not failed}", f"Results ({len(results)}):", *lines]), violations)


ENGINES: dict[str, Callable[[str, Triples, tuple[str, ...]], Validation]] = {"shacl": _rust, "pyshacl": _pyshacl}
DEFAULT = "shacl"


def engine_version(name: str) -> str:
    """The engine and its version: a pass recorded by one engine is not taken for another's."""
    return f"{name} {version(name)}"
