"""Read a built graph (docs/data-model.md) back into the per-source records of :mod:`kg.evaluate.gold`."""

from __future__ import annotations

from rdflib import Graph, URIRef
from rdflib.namespace import PROV, RDF, SKOS
from rdflib.term import Node

from kg.evaluate.gold import Article, Organisation, Person, SourceRecord, Theme
from kg.rdf.namespaces import KG, OA, SCHEMA


def _texts(graph: Graph, node: Node, *predicates: URIRef) -> tuple[str, ...]:
    """Literal values in predicate order, each once."""
    values = [str(v) for p in predicates for v in sorted(graph.objects(node, p))]
    return tuple(dict.fromkeys(values))


def _stated_in(graph: Graph, subject: Node, predicate: URIRef, obj: Node, doc: URIRef) -> bool:
    """Whether the evidence of an edge lies in ``doc``; an edge without evidence counts as stated
    wherever its subject is used (the person nodes are shared between sources)."""
    sources: set[Node] = set()
    for statement in graph.subjects(RDF.subject, subject):
        if (statement, RDF.predicate, predicate) in graph and (statement, RDF.object, obj) in graph:
            for annotation in graph.subjects(OA.hasBody, statement):
                for target in graph.objects(annotation, OA.hasTarget):
                    sources.add(target)
                    sources.update(graph.objects(target, OA.hasSource))
    return not sources or doc in sources


def _organisation(graph: Graph, node: Node) -> Organisation:
    return Organisation(_texts(graph, node, SCHEMA.name, SKOS.altLabel) or (str(node),))


def _person(graph: Graph, node: Node, doc: URIRef) -> Person:
    affiliations = tuple(
        _organisation(graph, org)
        for org in sorted(graph.objects(node, SCHEMA.affiliation))
        if _stated_in(graph, node, SCHEMA.affiliation, org, doc)
    )
    return Person(_texts(graph, node, SCHEMA.name, SKOS.altLabel) or (str(node),), affiliations)


def _theme(graph: Graph, concept: Node) -> Theme:
    """All labels of the concept; without labels (thesaurus not in the file) its IRI's last segment."""
    labels = _texts(graph, concept, SKOS.prefLabel, SKOS.altLabel)
    labels = tuple(sorted(labels, key=lambda label: label not in _dutch_preferred(graph, concept)))  # named in the gold's language
    if not labels:
        labels = (str(concept).rstrip("/#").rsplit("/", 1)[-1].rsplit("#", 1)[-1].replace("-", " ").replace("_", " "),)
    return Theme(labels)


def _dutch_preferred(graph: Graph, concept: Node) -> set[str]:
    return {str(label) for label in graph.objects(concept, SKOS.prefLabel) if getattr(label, "language", None) == "nl"}


def _typed(graph: Graph, nodes: list[Node], kind: URIRef) -> list[Node]:
    return [n for n in nodes if (n, RDF.type, kind) in graph]


def _article(graph: Graph, node: URIRef, doc: URIRef) -> Article:
    authors = sorted(graph.objects(node, SCHEMA.author))
    interviewees = sorted(graph.objects(node, KG.interviews))
    mentioned = sorted(graph.objects(node, SCHEMA.mentions))
    others = [p for p in _typed(graph, mentioned, SCHEMA.Person) if p not in authors and p not in interviewees]
    recommendations = _typed(graph, sorted(graph.subjects(SCHEMA.isPartOf, node)), KG.Recommendation)
    first_line = graph.value(node, KG.firstLine)
    return Article(
        titles=_texts(graph, node, SCHEMA.headline, SCHEMA.alternativeHeadline),
        first_line=int(first_line) if first_line is not None else None,
        authors=tuple(_person(graph, p, doc) for p in authors),
        interviewees=tuple(_person(graph, p, doc) for p in interviewees),
        persons=tuple(_person(graph, p, doc) for p in others),
        organisations=tuple(_organisation(graph, o) for o in _typed(graph, mentioned, SCHEMA.Organization)),
        themes=tuple(_theme(graph, c) for c in sorted(graph.objects(node, SCHEMA.about))),
        recommendations=tuple(text for r in recommendations for text in _texts(graph, r, SCHEMA.text)),
        genre=str(genre) if (genre := graph.value(node, SCHEMA.genre)) is not None else None,
    )


def _start(graph: Graph, body: Node) -> int | None:
    """The first offset of the text that an annotation on ``body`` quotes."""
    starts = [
        int(start)
        for annotation in graph.subjects(OA.hasBody, body)
        for target in graph.objects(annotation, OA.hasTarget)
        for selector in graph.objects(target, OA.hasSelector)
        for start in graph.objects(selector, OA.start)
    ]
    return min(starts, default=None)


def _colophon(graph: Graph, doc: URIRef, articles: list[URIRef]) -> Article | None:
    """The gold's "Colofon" pseudo-article (GOLD_FORMAT.md) for the editors and contributors the
    graph states of the publication (a colophon is no schema:Article there), with its people as
    authors. It starts after the last article that opens before the colophon's first name."""
    people: dict[Node, int | None] = {}
    for publication in sorted(graph.subjects(PROV.wasDerivedFrom, doc)):
        if (publication, RDF.type, SCHEMA.PublicationIssue) not in graph:
            continue
        for predicate in (SCHEMA.editor, SCHEMA.contributor):
            for person in sorted(graph.objects(publication, predicate)):
                starts = [_start(graph, s) for s in graph.subjects(RDF.object, person) if (s, RDF.subject, publication) in graph]
                people.setdefault(person, min((s for s in starts if s is not None), default=None))
    if not people:
        return None
    at = min((s for s in people.values() if s is not None), default=None)
    before = [a for a in articles if at is not None and (_start(graph, a) or 0) < at]
    last = max((int(graph.value(a, KG.lastLine) or 0) for a in before), default=0)
    return Article(titles=("Colofon",), first_line=last + 1, authors=tuple(_person(graph, p, doc) for p in people))


def read_predictions(graph: Graph) -> dict[str, SourceRecord]:
    """Source file name -> its articles, for every schema:DigitalDocument in the graph.

    An article belongs to the source it was derived from (prov:wasDerivedFrom); a recommendation
    to the article it is part of; the people of a colophon to a "Colofon" pseudo-article, as the
    gold records them.
    """
    records: dict[str, SourceRecord] = {}
    for doc in sorted(graph.subjects(RDF.type, SCHEMA.DigitalDocument)):
        name = graph.value(doc, SCHEMA.name)
        if name is None or not isinstance(doc, URIRef):
            continue
        nodes = [a for a in _typed(graph, sorted(graph.subjects(PROV.wasDerivedFrom, doc)), SCHEMA.Article) if isinstance(a, URIRef)]
        colophon = _colophon(graph, doc, nodes)
        found = [_article(graph, a, doc) for a in nodes] + ([colophon] if colophon else [])
        articles = sorted(found, key=lambda a: (a.first_line or 0, a.titles))
        records[str(name)] = SourceRecord(str(name), tuple(articles))
    return records
