"""The text spans that support nodes and edges, read from the graph's oa:Annotations."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from rdflib import Graph, URIRef
from rdflib.namespace import RDF
from rdflib.term import Node

from kg.rdf.namespaces import KG, OA, SCHEMA


@dataclass(frozen=True)
class Quote:
    """A text span that supports a node or an edge."""

    text: str
    source: str
    start: int
    confidence: float
    page: int | None = None  # the page of the PDF the text was read from, where the quote starts


_WRAP = re.compile(r"(?<=[a-zà-ÿ])-[ \t]*\n\s*(?=[a-zà-ÿ])")  # "geconfron-\nteerd": a word wrapped at a line end
_MARKUP = re.compile(r"^[ \t]*(?:#+[ \t]*|[■▪●◼][ \t]*)|\*\*|__", re.MULTILINE)  # Markdown headings and bold, bio bullets


def readable(exact: str) -> str:
    """A quoted span as a reader wants it: wrapped words joined, Markdown marks dropped, one line."""
    return " ".join(_MARKUP.sub("", _WRAP.sub("", exact)).split())


@dataclass
class EvidenceDigest:
    """What the network reads of a graph's evidence: its reified statements (with their
    ``kg:weight``) and the quotes of its annotations per annotated node or statement. A source's
    digest is small beside its graph and is kept with its cached parts, so that a build reads the
    evidence of the whole corpus without holding the corpus's annotations."""

    statements: dict[tuple[Node, Node, Node], Node] = field(default_factory=dict)
    weights: dict[Node, float] = field(default_factory=dict)
    quotes: dict[Node, list[Quote]] = field(default_factory=dict)

    @classmethod
    def of(cls, graph: Graph) -> EvidenceDigest:
        digest = cls()
        for statement in graph.subjects(RDF.type, RDF.Statement):
            triple = (graph.value(statement, RDF.subject), graph.value(statement, RDF.predicate), graph.value(statement, RDF.object))
            digest.statements[triple] = statement
            weight = graph.value(statement, KG.weight)
            if weight is not None:
                digest.weights[statement] = float(weight)
        for annotation in graph.subjects(RDF.type, OA.Annotation):
            body, target = graph.value(annotation, OA.hasBody), graph.value(annotation, OA.hasTarget)
            if body is None or target is None:
                continue
            exact, start, page = "", 0, None
            for selector in graph.objects(target, OA.hasSelector):
                exact = str(graph.value(selector, OA.exact) or exact)
                start = int(graph.value(selector, OA.start) or start)
                fragment = str(graph.value(selector, RDF.value) or "")
                page = int(fragment.removeprefix("page=")) if fragment.startswith("page=") else page
            source = str(graph.value(graph.value(target, OA.hasSource), SCHEMA.name) or "")
            confidence = float(graph.value(annotation, KG.confidence) or 0.0)
            digest.quotes.setdefault(body, []).append(Quote(readable(exact), source, start, confidence, page))
        return digest


class EvidenceIndex:
    """Quotes per annotated node and per annotated statement (subject, predicate, object), of one
    graph or merged from the digests of several (a statement weighed in two keeps the larger weight)."""

    def __init__(self, digests: Iterable[EvidenceDigest]) -> None:
        self._quotes: dict[Node, list[Quote]] = defaultdict(list)
        self._statements: dict[tuple[Node, Node, Node], Node] = {}
        self._weights: dict[Node, float] = {}
        for digest in digests:
            self._statements.update(digest.statements)
            for statement, weight in digest.weights.items():
                self._weights[statement] = max(weight, self._weights.get(statement, weight))
            for body, quotes in digest.quotes.items():
                self._quotes[body].extend(quotes)

    @classmethod
    def of(cls, graph: Graph) -> EvidenceIndex:
        return cls([EvidenceDigest.of(graph)])

    def node(self, node: URIRef) -> list[Quote]:
        """The quotes annotating ``node``, most confident first, then in text order."""
        return self._sorted(node)

    def edge(self, subject: Node, predicate: Node, obj: Node) -> list[Quote]:
        statement = self._statements.get((subject, predicate, obj))
        return self._sorted(statement) if statement is not None else []

    def weight(self, subject: Node, predicate: Node, obj: Node) -> float:
        """``kg:weight`` of the statement, 1.0 when it has none."""
        statement = self._statements.get((subject, predicate, obj))
        return self._weights.get(statement, 1.0) if statement is not None else 1.0

    def start(self, node: Node) -> int | None:
        """Where ``node`` is first annotated (an article: its headline), None if nowhere."""
        return min((quote.start for quote in self._quotes.get(node, [])), default=None)

    def _sorted(self, body: Node) -> list[Quote]:
        return sorted(self._quotes.get(body, []), key=lambda q: (-q.confidence, q.source, q.start))
