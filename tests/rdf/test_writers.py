"""The export writers: JSON-LD and Turtle written from triples in one pass, read back as the same
graph; the JSON-LD byte for byte what rdflib's own serializer writes once sorted."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, RDFS, XSD

from kg.rdf.jsonld import JsonLdWriter
from kg.rdf.turtle import TurtleWriter
from tests.utils.jsonld import CONTEXT, rdflib_jsonld

KG = Namespace("https://w3id.org/sociaal-kg/ontology#")
SCHEMA = Namespace("https://schema.org/")
ID = Namespace("https://w3id.org/sociaal-kg/id/")


@pytest.fixture()
def graph() -> Graph:
    """Every kind of term the build writes, and some it might."""
    g = Graph()
    article, person = ID["article/a1"], ID["person/jan-de-vries"]
    g.add((article, RDF.type, SCHEMA.Article))
    g.add((article, RDF.type, KG.Column))  # two types: a list
    g.add((article, SCHEMA.headline, Literal("Eén \"quote\"\nen een regel")))
    g.add((article, SCHEMA.author, person))
    g.add((article, SCHEMA.about, URIRef("https://w3id.org/sociaal-kg/theme/samenwerking")))
    g.add((article, KG.firstLine, Literal(1)))
    g.add((article, KG.lastLine, Literal(0)))
    g.add((article, KG.confidence, Literal(Decimal("0.80"))))
    g.add((article, KG.score, Literal(1.5)))
    g.add((article, KG.checked, Literal(True)))
    g.add((article, SCHEMA.datePublished, Literal("2020", datatype=XSD.gYear)))
    g.add((person, SCHEMA.name, Literal("Jan de Vries")))
    g.add((person, RDFS.label, Literal("Jan", lang="nl")))
    g.add((person, RDFS.label, Literal("John", lang="en")))
    g.add((person, SCHEMA.sameAs, URIRef("http://example.org/no/prefix#here")))
    g.add((URIRef("https://w3id.org/sociaal-kg/ontology"), RDFS.label, Literal("ontologie")))
    return g


def test_jsonld_is_rdflibs_serialisation_sorted(graph: Graph) -> None:
    assert JsonLdWriter(CONTEXT).document(graph) == rdflib_jsonld(graph)


def test_jsonld_reads_back_as_the_same_graph(graph: Graph) -> None:
    again = Graph().parse(data=JsonLdWriter(CONTEXT).document(graph), format="json-ld")
    assert isomorphic(again, graph)


def _reversed(graph: Graph) -> Graph:
    again = Graph()
    for triple in sorted(graph, reverse=True):
        again.add(triple)
    return again


def test_the_writers_do_not_depend_on_the_order_the_triples_were_added(graph: Graph) -> None:
    assert JsonLdWriter(CONTEXT).document(graph) == JsonLdWriter(CONTEXT).document(_reversed(graph))
    assert TurtleWriter(CONTEXT).statements(graph) == TurtleWriter(CONTEXT).statements(_reversed(graph))


def test_an_empty_graph_is_an_empty_document() -> None:
    assert json.loads(JsonLdWriter(CONTEXT).document(Graph())) == {"@context": CONTEXT, "@graph": []}
    assert TurtleWriter(CONTEXT).statements(Graph()) == ""


def test_turtle_reads_back_as_the_same_graph_and_writes_each_term_once(graph: Graph) -> None:
    writer = TurtleWriter(CONTEXT)
    text = writer.header() + writer.statements(graph)
    assert isomorphic(Graph().parse(data=text, format="turtle"), graph)
    assert writer.header() + writer.statements(graph) == text  # the written terms, reused, write the same
