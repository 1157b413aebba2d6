"""The reference JSON-LD: rdflib's own serializer with our prefixes as context, its nodes and
values sorted as kg's writer sorts them (used by tests/rdf and benchmarks/writers.py)."""

from __future__ import annotations

import json

from rdflib import Graph

from kg.rdf.namespaces import PREFIXES

CONTEXT = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}


def rdflib_jsonld(graph: Graph) -> str:
    data = json.loads(graph.serialize(format="json-ld", context=CONTEXT, auto_compact=False))

    def canon(value: object) -> object:
        if isinstance(value, list):
            return sorted((canon(v) for v in value), key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
        if isinstance(value, dict):
            return {k: canon(v) for k, v in value.items()}
        return value

    return json.dumps({"@context": CONTEXT, "@graph": canon(data["@graph"])}, sort_keys=True, ensure_ascii=False, indent=1) + "\n"
