"""A deterministic JSON-LD writer that writes node by node, without rdflib's serializer.

It writes what rdflib's JSON-LD serializer writes for a graph with our prefixes as the context
(flattened nodes, compact IRIs where a prefix fits, native numbers, booleans and strings), with
nodes and values sorted so that the bytes are stable; the tests compare the two. rdflib's
serializer builds the whole document in memory and spent 4 s of a seeds build; this writes it
node by node. The build's graphs have no blank nodes and no RDF lists.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Iterator
from functools import lru_cache

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD
from rdflib.plugins.shared.jsonld.util import split_iri
from rdflib.term import Node

_NATIVE = {XSD.boolean, XSD.integer, XSD.double, XSD.string}  # written as JSON values, as rdflib does
Value = object


class JsonLdWriter:
    def __init__(self, prefixes: dict[str, str]) -> None:
        self.context = dict(sorted(prefixes.items()))
        self._prefix_of = {namespace: prefix for prefix, namespace in self.context.items()}
        self.compact = lru_cache(maxsize=None)(self._compact)

    def _compact(self, iri: str) -> str:
        """``prefix:local`` where the IRI's namespace (up to its last #, / or :) is a prefix."""
        namespace, local = split_iri(iri)
        prefix = self._prefix_of.get(namespace)
        return f"{prefix}:{local}" if prefix and local is not None else iri

    def _value(self, node: Node) -> Value:
        if isinstance(node, Literal):
            if node.datatype in _NATIVE:
                return node.toPython()
            if node.datatype:
                return {"@type": self.compact(str(node.datatype)), "@value": str(node)}
            if node.language:
                return {"@language": node.language, "@value": str(node)}
            return str(node)
        return {"@id": self._id(node)}

    def _id(self, node: Node) -> str:
        if isinstance(node, BNode):
            return node.n3()
        if isinstance(node, URIRef):
            return self.compact(str(node))
        raise TypeError(f"cannot write {node!r} as a JSON-LD node")

    def _node(self, graph: Graph, subject: Node) -> dict[str, Value]:
        node: dict[str, list[Value]] = {}
        for predicate, obj in graph.predicate_objects(subject):
            if predicate == RDF.type and isinstance(obj, URIRef):
                node.setdefault("@type", []).append(self.compact(str(obj)))
            else:
                node.setdefault(self.compact(str(predicate)), []).append(self._value(obj))
        return {"@id": self._id(subject)} | {key: _one_or_sorted(values) for key, values in node.items()}

    def chunks(self, graph: Graph) -> Iterator[str]:
        """The document, node by node in the order of their ids (which is the order of their JSON
        text: each opens with its id), formatted as ``json.dumps(document, indent=1)`` would; one
        node is held at a time."""
        subjects = sorted((json.dumps(self._id(subject), ensure_ascii=False), subject) for subject in set(graph.subjects()))
        if not subjects:
            yield _dumps({"@context": self.context, "@graph": []}) + "\n"
            return
        yield _dumps({"@context": self.context})[:-2] + ',\n "@graph": [\n'
        for number, (_, subject) in enumerate(subjects):
            yield (",\n" if number else "") + textwrap.indent(_dumps(self._node(graph, subject)), "  ")
        yield "\n ]\n}\n"

    def document(self, graph: Graph) -> str:
        return "".join(self.chunks(graph))


def _dumps(value: Value) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, indent=1)


def _sorted(values: list[Value]) -> list[Value]:
    return sorted(values, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))


def _one_or_sorted(values: list[Value]) -> Value:
    return values[0] if len(values) == 1 else _sorted(values)
