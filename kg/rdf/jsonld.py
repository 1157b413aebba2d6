"""A deterministic JSON-LD writer that writes node by node, without rdflib's serializer.

It writes what rdflib's JSON-LD serializer writes for a graph with our prefixes as the context
(flattened nodes, compact IRIs where a prefix fits, native numbers, booleans and strings), with
nodes and values sorted so that the bytes are stable; the tests compare the two. rdflib's
serializer builds the whole document in memory and spent 4 s of a seeds build; this writes it
node by node. The build's graphs have no blank nodes and no RDF lists.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
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
        self._node_text = lru_cache(maxsize=None)(self._node_text_of)  # IRIs recur in many statements

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

    def _node_text_of(self, node: Node, role: str) -> str:
        """A node's JSON text as a subject's id ("id"), a type ("type") or an object ("value")."""
        if role == "id":
            return _text(self._id(node))
        return _text(self.compact(str(node)) if role == "type" else self._value(node))

    def rows(self, graph: Graph) -> list[str]:
        """The graph's statements as sorted rows ``id\tkey\tvalue\tterm\n``: the subject's id and
        the value as JSON text (the orders the document sorts nodes and values by), the key, and for
        a literal its own N-Triples form, so that two literals with one JSON value ("1" and "01" as
        integers) stay two statements. JSON text holds no raw tab or newline, so rows of several
        graphs merge as their tuples sort."""
        rows = []
        for subject, predicate, obj in graph.triples((None, None, None)):
            if isinstance(obj, Literal):
                key, value, term = self.compact(str(predicate)), _text(self._value(obj)), _text(obj.n3())
            else:
                role = "type" if predicate == RDF.type and isinstance(obj, URIRef) else "value"
                key, value, term = "@type" if role == "type" else self.compact(str(predicate)), self._node_text(obj, role), ""
            rows.append(f"{self._node_text(subject, 'id')}\t{key}\t{value}\t{term}\n")
        return sorted(rows)

    def chunks(self, graph: Graph) -> Iterator[str]:
        return self.chunks_of_rows(self.rows(graph))

    def chunks_of_rows(self, rows: Iterable[str]) -> Iterator[str]:
        """The document from sorted rows (see ``rows``), of one graph or merged from several, node
        by node in the order of their ids, formatted as ``json.dumps(document, indent=1)`` would;
        one node is held at a time."""
        number, subject, node, last = 0, None, {}, None
        for row in rows:
            if row == last:
                continue
            last = row
            identifier, key, value, _ = row.split("\t", 3)
            if identifier != subject:
                if subject is None:
                    yield _dumps({"@context": self.context})[:-2] + ',\n "@graph": [\n'
                else:
                    yield _chunk(number, subject, node)
                    number += 1
                subject, node = identifier, {}
            node.setdefault(key, []).append(value)
        if subject is None:
            yield _dumps({"@context": self.context, "@graph": []}) + "\n"
            return
        yield _chunk(number, subject, node)
        yield "\n ]\n}\n"

    def document(self, graph: Graph) -> str:
        return "".join(self.chunks(graph))


def _dumps(value: Value) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, indent=1)


def _text(value: Value) -> str:
    """JSON text on one line, keys sorted: the order nodes and values are sorted by."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _chunk(number: int, identifier: str, values: dict[str, list[str]]) -> str:
    """One node of the document, as ``json.dumps(node, indent=1)`` would write it two spaces in
    (``identifier`` and ``values``: JSON text as the rows hold it; a key's values arrive sorted, and
    one value stands alone). Scalars are written as the rows hold them; only objects and lists are
    laid out here, as json's pure-Python indenting encoder, its slowest part, would."""
    inner = "\n" + MARGIN + " "
    members = [f'"@id": {identifier}'] + [f"{_key_text(key)}: {_laid_out(found, 1)}" for key, found in sorted(values.items())]
    return (",\n" if number else "") + MARGIN + "{" + inner + ("," + inner).join(members) + "\n" + MARGIN + "}"


@lru_cache(maxsize=1 << 12)
def _key_text(key: str) -> str:
    return _text(key)


MARGIN = "  "  # the nodes' indent inside "@graph"


def _laid_out(found: list[str], depth: int) -> str:
    if len(found) == 1:
        return _pretty_text(found[0], depth)
    inner = "\n" + MARGIN + " " * (depth + 1)
    return "[" + inner + ("," + inner).join(_pretty_text(text, depth + 1) for text in found) + "\n" + MARGIN + " " * depth + "]"


@lru_cache(maxsize=1 << 16)
def _pretty_text(text: str, depth: int) -> str:
    """A value laid out ``depth`` levels in; the same few references and typed values recur
    across a document's nodes, so each is laid out once."""
    return _pretty(json.loads(text), depth) if text[0] in "{[" else text


def _pretty(value: Value, depth: int) -> str:
    """``value`` as ``json.dumps(value, sort_keys=True, ensure_ascii=False, indent=1)`` lays it out
    ``depth`` levels into a node."""
    inner = "\n" + MARGIN + " " * (depth + 1)
    close = "\n" + MARGIN + " " * depth
    if isinstance(value, dict) and value:
        return "{" + inner + ("," + inner).join(f"{_text(key)}: {_pretty(value[key], depth + 1)}" for key in sorted(value)) + close + "}"
    if isinstance(value, list) and value:
        return "[" + inner + ("," + inner).join(_pretty(item, depth + 1) for item in value) + close + "]"
    return _text(value)
