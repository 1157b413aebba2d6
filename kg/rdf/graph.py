"""Turn one source's extraction into triples, each with its evidence."""

from __future__ import annotations

import re

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, SKOS, XSD

from kg.ingest import Original, Source
from kg.model import (
    ArticleRecord,
    Extraction,
    Mention,
    PersonRecord,
    PublicationRecord,
    RecommendationRecord,
)
from kg.paths import ontology_dir
from kg.rdf import iris
from kg.rdf.addressees import concept as addressee
from kg.rdf.evidence import Evidence
from kg.rdf.iris import name_key
from kg.rdf.namespaces import KG, KGT, OA, SCHEMA
from kg.resolve import Resolver

_DATE_TYPES = {4: XSD.gYear, 7: XSD.gYearMonth, 10: XSD.date}


class SourceGraphWriter:
    """Writes the facts of one source into ``graph`` (that source's named graph)."""

    def __init__(self, graph: Graph, source: Source, activity: URIRef, resolver: Resolver) -> None:
        self.g = graph
        self.source = source
        self.evidence = Evidence(graph, source.name, source.text, activity, source.page_starts)
        self.activity = activity
        self.resolver = resolver

    def write(self, extraction: Extraction) -> None:
        doc = iris.source(self.source.name)
        g = self.g
        g.add((doc, RDF.type, SCHEMA.DigitalDocument))
        g.add((doc, SCHEMA.name, Literal(self.source.text_name)))
        g.add((doc, SCHEMA.sha256, Literal(self.source.sha256)))
        g.add((doc, SCHEMA.encodingFormat, Literal(self.source.media_type)))
        g.add((doc, PROV.wasGeneratedBy, self.activity))
        if self.source.original:
            self._original(doc, self.source.original)
        publication = self._publication(extraction.publication, doc)
        articles = list({a.headline.span.start: a for a in reversed(extraction.articles)}.values())[::-1]
        for position, article in enumerate(articles, start=1):  # one article per headline: the segmenter may find one twice
            self._article(article, position, publication, doc)

    def _original(self, doc: URIRef, original: Original) -> None:
        """The document the text was read from (a PDF, a web page, a Word file): its own name,
        hash and media type, and a web page's canonical address."""
        node = iris.original(self.source.name)
        self.g.add((node, RDF.type, SCHEMA.DigitalDocument))
        self.g.add((node, SCHEMA.name, Literal(original.name)))
        self.g.add((node, SCHEMA.sha256, Literal(original.sha256)))
        self.g.add((node, SCHEMA.encodingFormat, Literal(original.media_type)))
        if self.source.metadata and self.source.metadata.url:
            self.g.add((node, SCHEMA.url, Literal(self.source.metadata.url, datatype=XSD.anyURI)))
        self.g.add((doc, PROV.wasDerivedFrom, node))

    def _publication(self, record: PublicationRecord, doc: URIRef) -> URIRef:
        g = self.g
        node = iris.publication(self.source.name)
        g.add((node, RDF.type, SCHEMA.PublicationIssue))  # an issue (or page) of a periodical
        g.add((node, KG.publicationKind, Literal(record.kind)))
        g.add((node, PROV.wasDerivedFrom, doc))
        meta = self.source.metadata
        if meta and meta.site_name:  # a web page's site, as its metadata names it
            g.add((node, SCHEMA.name, Literal(meta.site_name)))
        elif record.name:  # its masthead or title line (kg.extract.publication); never the file's name
            g.add((node, SCHEMA.name, Literal(record.name.text)))
            self.evidence.node(node, record.name.span, record.name.confidence)
        if meta and meta.url:
            g.add((node, SCHEMA.url, Literal(meta.url, datatype=XSD.anyURI)))
        if record.publisher:
            org = self.organisation(record.publisher)
            self.evidence.edge(node, SCHEMA.publisher, org, record.publisher.span, record.publisher.confidence)
        for predicate, people in ((SCHEMA.editor, record.editors), (SCHEMA.contributor, record.contributors)):
            for person in people:
                self.evidence.edge(node, predicate, self.person(person), person.name.span, person.name.confidence)
        date = record.date.text if record.date else meta.date if meta and meta.date else None
        if date and len(date) in _DATE_TYPES:
            g.add((node, SCHEMA.datePublished, Literal(date, datatype=_DATE_TYPES[len(date)])))
        return node

    def _article(self, record: ArticleRecord, position: int, publication: URIRef, doc: URIRef) -> None:
        g = self.g
        node = iris.article(self.source.name, record.headline.span.start)
        g.add((node, RDF.type, SCHEMA.Article))
        g.add((node, SCHEMA.headline, Literal(record.headline.text)))
        for alternative in record.alternative_headlines:
            g.add((node, SCHEMA.alternativeHeadline, Literal(alternative.text)))
        g.add((node, SCHEMA.isPartOf, publication))
        g.add((node, PROV.wasDerivedFrom, doc))
        g.add((node, SCHEMA.genre, Literal(record.genre)))
        g.add((node, SCHEMA.position, Literal(position)))
        g.add((node, KG.firstLine, Literal(record.first_line)))
        g.add((node, KG.lastLine, Literal(record.last_line)))
        self.evidence.node(node, record.headline.span, record.headline.confidence)
        if record.genre_evidence:
            self.evidence.node(node, record.genre_evidence.span, record.genre_evidence.confidence, OA.classifying)
        for author in record.authors:
            self.evidence.edge(node, SCHEMA.author, self.person(author), author.name.span, author.name.confidence)
        for interviewee in record.interviewees:
            person = self.person(interviewee)
            self.evidence.edge(node, KG.interviews, person, interviewee.name.span, interviewee.name.confidence)
            g.add((node, SCHEMA.mentions, person))  # stated too: no store infers kg:interviews ⊑ schema:mentions
        for person in record.persons:
            self.evidence.edge(node, SCHEMA.mentions, self.person(person), person.name.span, person.name.confidence)
        for mention in record.organisations:
            self.evidence.edge(node, SCHEMA.mentions, self.organisation(mention), mention.span, mention.confidence)
        for theme in record.themes:
            concept = KGT[theme.concept]
            self.evidence.edge(node, SCHEMA.about, concept, theme.evidence.span, theme.evidence.confidence, OA.tagging, theme.weight)
        for rec in record.recommendations:
            self._recommendation(rec, node)

    def _recommendation(self, rec: RecommendationRecord, article: URIRef) -> None:
        g = self.g
        node = iris.recommendation(self.source.name, rec.span.start)
        if (node, RDF.type, KG.Recommendation) in g:
            return  # overlapping articles (a box the segmenter also found as an article) share a sentence: the first keeps it
        g.add((node, RDF.type, KG.Recommendation))
        g.add((node, SCHEMA.text, Literal(rec.text)))
        self.evidence.node(node, rec.span, rec.confidence)
        self.evidence.edge(node, SCHEMA.isPartOf, article, rec.span, rec.confidence)
        if rec.by:
            self.evidence.edge(node, SCHEMA.author, self.person(PersonRecord(Mention(rec.by, rec.span))), rec.span, rec.confidence * 0.9)
        for concept in rec.themes:
            self.evidence.edge(node, SCHEMA.about, KGT[concept], rec.span, rec.confidence, OA.tagging)
        if rec.addressed_to:
            audience, label = addressee(ontology_dir(), rec.addressed_to)
            g.add((audience, RDF.type, SCHEMA.Audience))
            g.add((audience, SCHEMA.audienceType, Literal(label)))
            self.evidence.edge(node, SCHEMA.audience, audience, rec.span, rec.confidence * 0.8)

    def person(self, record: PersonRecord) -> URIRef:
        g = self.g
        surface = re.sub(r"\s+", " ", record.name.text)
        name = self.resolver.person(surface)
        node = iris.person(name)
        g.add((node, RDF.type, SCHEMA.Person))
        g.add((node, SCHEMA.name, Literal(name)))
        if surface != name:
            g.add((node, SKOS.altLabel, Literal(surface)))
        self.evidence.node(node, record.name.span, record.name.confidence)
        for role in record.roles:
            self.evidence.edge(node, SCHEMA.jobTitle, Literal(role.text), role.span, role.confidence, OA.describing)
        for affiliation in record.affiliations:
            organisation = self.organisation(affiliation)
            self.evidence.edge(node, SCHEMA.affiliation, organisation, affiliation.context or affiliation.span, affiliation.confidence)
        return node

    def organisation(self, mention: Mention) -> URIRef:
        """The organisation's node: the gazetteer's when the mention was looked up or its text is a
        name the gazetteer knows (a signature's "bestuurder Movisie"), else one per spelling."""
        surface = re.sub(r"\s+", " ", mention.text)
        gazetteer = self.resolver.organisations
        entry = gazetteer.get(mention.key) if mention.key else gazetteer.resolve(surface)
        name = entry.name if entry else self.resolver.organisation_name(name_key(surface)) or surface
        node = self._organisation_node(entry.id if entry else name, name)
        if surface not in (name, mention.key):  # the key stands in for a web address, no name
            self.g.add((node, SKOS.altLabel, Literal(surface)))
        self.evidence.node(node, mention.span, mention.confidence)
        return node

    def _organisation_node(self, key: str, name: str) -> URIRef:
        """The organisation and, from the gazetteer, the chain of organisations it belongs to."""
        node = iris.organisation(key)
        self.g.add((node, RDF.type, SCHEMA.Organization))
        self.g.add((node, SCHEMA.name, Literal(name)))
        entry = self.resolver.organisations.get(key)
        parent = self.resolver.organisations.get(entry.parent) if entry and entry.parent else None
        if entry and parent:
            self.g.add((node, SCHEMA.parentOrganization, self._organisation_node(entry.parent, parent.name)))
        return node
