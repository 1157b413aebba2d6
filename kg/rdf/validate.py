"""SHACL validation of a built graph against ``ontology/shapes.ttl``."""

from __future__ import annotations

from dataclasses import dataclass

from pyshacl import validate as shacl_validate
from rdflib import Graph


@dataclass(frozen=True)
class Validation:
    conforms: bool
    report: str


def validate(data: Graph, shapes: Graph, ontology: Graph) -> Validation:
    conforms, _, text = shacl_validate(
        data,
        shacl_graph=shapes,
        ont_graph=ontology,
        inference="none",
        abort_on_first=False,
        allow_warnings=True,
        advanced=True,
    )
    return Validation(bool(conforms), str(text))
