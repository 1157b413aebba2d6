"""W3C Web Annotation evidence: which characters of which file support a node or an edge."""

from __future__ import annotations

from bisect import bisect_right
from decimal import Decimal

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, XSD
from rdflib.term import Node

from kg.model import Span
from kg.rdf import iris
from kg.rdf.namespaces import KG, OA, PROV
from kg.rdf.sentences import Sentences

CONTEXT = 32  # code points of prefix and suffix kept in a TextQuoteSelector
RFC8118 = URIRef("http://tools.ietf.org/rfc/rfc8118")  # PDF fragment identifiers: "page=N"


class Evidence:
    """Writes annotations into one source's graph; ``text`` is the source's text (the file, or
    the text read from a PDF). A node's annotation quotes the span that names it; an edge's quotes
    the whole sentence (or byline, bio or caption line) around the span that states it, so that it
    says why. With ``page_starts`` (where each PDF page begins in ``text``) each target also names
    the page its quote starts on."""

    def __init__(self, graph: Graph, source_name: str, text: str, activity: URIRef, page_starts: tuple[int, ...] = ()) -> None:
        self.graph = graph
        self.source_name = source_name
        self.source = iris.source(source_name)
        self.text = text
        self.activity = activity
        self._sentences: Sentences | None = None
        self.page_starts = page_starts

    def node(self, body: URIRef, span: Span, confidence: float, motivation: URIRef = OA.identifying) -> None:
        self._annotate(body, span, confidence, motivation)

    def edge(
        self,
        subject: URIRef,
        predicate: URIRef,
        obj: Node,
        span: Span,
        confidence: float,
        motivation: URIRef = OA.linking,
        weight: float | None = None,
    ) -> None:
        """Assert the edge and annotate its reified statement."""
        g = self.graph
        g.add((subject, predicate, obj))
        statement = iris.statement(subject, predicate, obj)
        g.add((statement, RDF.type, RDF.Statement))
        g.add((statement, RDF.subject, subject))
        g.add((statement, RDF.predicate, predicate))
        g.add((statement, RDF.object, obj))
        if weight is not None:
            g.add((statement, KG.weight, Literal(Decimal(f"{weight:.3f}"), datatype=XSD.decimal)))
        self._annotate(statement, self._sentence(span), confidence, motivation)

    def _sentence(self, span: Span) -> Span:
        if self._sentences is None:
            self._sentences = Sentences(self.text)
        return self._sentences.around(span)

    def _annotate(self, body: URIRef, span: Span, confidence: float, motivation: URIRef) -> None:
        start, end = span.start, span.end
        exact = self.text[start:end]
        if not exact or not 0 <= start < end <= len(self.text):
            raise ValueError(f"{self.source_name}: empty or out-of-range evidence span {start}-{end}")
        g = self.graph
        node = iris.annotation(body, self.source_name, start, end)
        earlier = g.value(node, KG.confidence)
        if earlier is not None:  # the same span already supports this body: keep the surer rule
            if float(earlier) >= confidence:
                return
            g.remove((node, KG.confidence, None))
            g.remove((node, OA.motivatedBy, None))
        target = URIRef(f"{node}/target")
        quote = URIRef(f"{node}/quote")
        position = URIRef(f"{node}/position")
        g.add((node, RDF.type, OA.Annotation))
        g.add((node, OA.hasBody, body))
        g.add((node, OA.hasTarget, target))
        g.add((node, OA.motivatedBy, motivation))
        g.add((node, KG.confidence, Literal(Decimal(f"{confidence:.2f}"), datatype=XSD.decimal)))
        g.add((node, PROV.wasGeneratedBy, self.activity))
        g.add((target, RDF.type, OA.SpecificResource))
        g.add((target, OA.hasSource, self.source))
        g.add((target, OA.hasSelector, quote))
        g.add((target, OA.hasSelector, position))
        g.add((quote, RDF.type, OA.TextQuoteSelector))
        g.add((quote, OA.exact, Literal(exact)))
        g.add((quote, OA.prefix, Literal(self.text[max(0, start - CONTEXT):start])))
        g.add((quote, OA.suffix, Literal(self.text[end:end + CONTEXT])))
        g.add((position, RDF.type, OA.TextPositionSelector))
        g.add((position, OA.start, Literal(start, datatype=XSD.integer)))
        g.add((position, OA.end, Literal(end, datatype=XSD.integer)))
        if self.page_starts:
            self._page(target, start)

    def _page(self, target: URIRef, start: int) -> None:
        """An RFC 8118 fragment ("page=N") of the PDF the text was read from (the text's
        prov:wasDerivedFrom): the page the quote starts on."""
        g = self.graph
        page = URIRef(f"{target}/page")
        g.add((target, OA.hasSelector, page))
        g.add((page, RDF.type, OA.FragmentSelector))
        g.add((page, DCTERMS.conformsTo, RFC8118))
        g.add((page, RDF.value, Literal(f"page={bisect_right(self.page_starts, start)}")))
