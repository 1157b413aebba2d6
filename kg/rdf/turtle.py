"""A small, fast, deterministic Turtle writer.

rdflib's serializer spends most of its time trying to abbreviate IRIs that cannot be
abbreviated (ours have a "/" after the namespace) and orders objects by set iteration. This
writer sorts subjects, predicates and objects, abbreviates only where a prefix fits, and
escapes literals as Turtle requires (U+FFFD too, so that parsers do not report a decoding
error for text that is quoted as printed).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD
from rdflib.term import Node

_LOCAL = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_NEEDS_ESCAPE = re.compile(r'[\\"\n\r\t\b\f\x00-\x1f\x7f\ufffd]')
_PLAIN = {XSD.integer: re.compile(r"^[+-]?\d+$"), XSD.decimal: re.compile(r"^[+-]?\d*\.\d+$")}


def _escape(text: str) -> str:
    def replace(match: re.Match[str]) -> str:
        char = match.group(0)
        return _ESCAPES.get(char) or f"\\u{ord(char):04X}"

    return _NEEDS_ESCAPE.sub(replace, text)


class TurtleWriter:
    def __init__(self, prefixes: dict[str, str]) -> None:
        self.prefixes = dict(sorted(prefixes.items()))
        self._by_length = sorted(((str(ns), p) for p, ns in self.prefixes.items()), key=lambda item: -len(item[0]))
        self._written: dict[Node, str] = {}  # an IRI is written once per writer: IRIs recur in every triple

    def header(self) -> str:
        return "".join(f"@prefix {prefix}: <{namespace}> .\n" for prefix, namespace in self.prefixes.items())

    def term(self, node: Node) -> str:
        if not isinstance(node, URIRef):
            return self._term(node)  # literals seldom recur: keeping them would hold the whole graph's text
        written = self._written.get(node)
        if written is None:
            written = self._written[node] = self._term(node)
        return written

    def _term(self, node: Node) -> str:
        if isinstance(node, URIRef):
            if node == RDF.type:
                return "a"
            text = str(node)
            for namespace, prefix in self._by_length:
                if text.startswith(namespace) and _LOCAL.match(text[len(namespace):]):
                    return f"{prefix}:{text[len(namespace):]}"
            return f"<{text}>"
        if isinstance(node, Literal):
            lexical = str(node)
            if node.language:
                return f'"{_escape(lexical)}"@{node.language}'
            if node.datatype in _PLAIN and _PLAIN[node.datatype].match(lexical):
                return lexical
            if node.datatype and node.datatype != XSD.string:
                return f'"{_escape(lexical)}"^^{self.term(node.datatype)}'
            return f'"{_escape(lexical)}"'
        if isinstance(node, BNode):
            return f"_:{node}"
        raise TypeError(f"cannot write {node!r} as Turtle")

    def rows(self, graph: Graph) -> list[str]:
        """The graph's statements as sorted rows ``subject\tpredicate\tobject\n`` in written form,
        the predicate behind a sort mark ("0" for "a", which comes first, else "1"). Written terms
        hold no tab or newline (literals escape them), so rows sort as their (subject, predicate,
        object) tuples do, and sorted row files of several graphs merge into one sorted stream."""
        return sorted(f"{self.term(s)}\t{'0a' if p == RDF.type else '1' + self.term(p)}\t{self.term(o)}\n" for s, p, o in graph.triples((None, None, None)))

    def blocks(self, graph: Graph, indent: str = "") -> Iterator[str]:
        """The graph's statements, one block per subject in the order of their written forms,
        predicates ("a" first) and objects sorted too."""
        return self.blocks_of_rows(self.rows(graph), indent)

    @staticmethod
    def blocks_of_rows(rows: Iterable[str], indent: str = "") -> Iterator[str]:
        """Blocks from sorted rows (see ``rows``), of one graph or merged from several: a row seen
        twice in a row is one statement."""
        number, subject, predicates, last = 0, None, {}, None
        separator = f" ;\n{indent}    "

        def block() -> str:
            parts = separator.join(f"{p} {' , '.join(objects)}" for p, objects in predicates.items())
            return ("\n\n" if number else "") + f"{indent}{subject} {parts} ."

        for row in rows:
            if row == last:
                continue
            last = row
            s, p, o = row[:-1].split("\t", 2)
            if s != subject:
                if subject is not None:
                    yield block()
                    number += 1
                subject, predicates = s, {}
            predicates.setdefault(p[1:], []).append(o)
        if subject is not None:
            yield block()
            yield "\n"

    def statements(self, graph: Graph, indent: str = "") -> str:
        return "".join(self.blocks(graph, indent))
