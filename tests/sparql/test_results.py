"""Result formats: what each query form can be written as, what an Accept header gets, how a table reads."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import pyoxigraph as ox
import pytest
from rdflib import Graph
from rich.console import Console

from kg.sparql.results import RESULT_FORMATS, format_for_media_type, media_type, serialize, table

KGR = "https://w3id.org/sociaal-kg/id/"
SCHEMA = "https://schema.org/"
SELECT = f"SELECT ?person ?name WHERE {{ ?person <{SCHEMA}name> ?name }} ORDER BY ?name"
ASK = f"ASK {{ ?p <{SCHEMA}name> 'Anna de Vries' }}"
CONSTRUCT = f"CONSTRUCT {{ ?p <{SCHEMA}name> ?n }} WHERE {{ ?p <{SCHEMA}name> ?n }}"


@pytest.fixture(scope="module")
def store() -> ox.Store:
    store = ox.Store()
    for key, name in (("anna", "Anna de Vries"), ("bram", 'Bram "B." Jansen, lector')):
        store.add(ox.Quad(ox.NamedNode(f"{KGR}person/{key}"), ox.NamedNode(f"{SCHEMA}name"), ox.Literal(name)))
    return store


def test_select_as_csv_tsv_json_and_xml_parses_back(store: ox.Store) -> None:
    names = ["Anna de Vries", 'Bram "B." Jansen, lector']
    rows = list(csv.DictReader(io.StringIO(serialize(store.query(SELECT), "csv").decode())))
    assert [row["name"] for row in rows] == names and rows[0]["person"] == f"{KGR}person/anna"
    assert serialize(store.query(SELECT), "tsv").decode().splitlines()[0] == "?person\t?name"
    answer = json.loads(serialize(store.query(SELECT), "json"))
    assert [b["name"]["value"] for b in answer["results"]["bindings"]] == names
    root = ET.fromstring(serialize(store.query(SELECT), "xml"))
    assert [e.text for e in root.iter("{http://www.w3.org/2005/sparql-results#}literal")] == names


def test_ask_as_json_and_xml(store: ox.Store) -> None:
    assert json.loads(serialize(store.query(ASK), "json"))["boolean"] is True
    assert ET.fromstring(serialize(store.query(ASK), "xml")).find("{http://www.w3.org/2005/sparql-results#}boolean").text == "true"


@pytest.mark.parametrize(("fmt", "rdflib_format"), [("turtle", "turtle"), ("jsonld", "json-ld"), ("ntriples", "nt"), ("rdfxml", "xml"), ("trig", "trig")])
def test_construct_in_every_graph_format_parses_back(store: ox.Store, fmt: str, rdflib_format: str) -> None:
    graph = Graph().parse(data=serialize(store.query(CONSTRUCT), fmt).decode(), format=rdflib_format)
    assert len(graph) == 2 and {str(o) for o in graph.objects()} == {"Anna de Vries", 'Bram "B." Jansen, lector'}


def test_turtle_uses_the_project_prefixes(store: ox.Store) -> None:
    assert b"kgr:person/anna" in serialize(store.query(CONSTRUCT), "turtle").replace(b"\\/", b"/")


@pytest.mark.parametrize(("query", "fmt"), [(CONSTRUCT, "csv"), (CONSTRUCT, "json"), (SELECT, "turtle"), (ASK, "jsonld")])
def test_a_format_that_does_not_fit_the_query_form_is_a_clear_error(store: ox.Store, query: str, fmt: str) -> None:
    with pytest.raises(ValueError, match="does not fit"):
        serialize(store.query(query), fmt)


def test_an_unknown_format_is_a_clear_error(store: ox.Store) -> None:
    with pytest.raises(ValueError, match="unknown result format 'yaml'"):
        serialize(store.query(SELECT), "yaml")


@pytest.mark.parametrize(
    ("accept", "kind", "expected"),
    [
        ("", "solutions", "json"),
        ("*/*", "solutions", "json"),
        ("*/*", "graph", "turtle"),
        ("application/sparql-results+xml", "solutions", "xml"),
        ("application/sparql-results+xml", "boolean", "xml"),
        ("text/csv", "solutions", "csv"),
        ("text/tab-separated-values", "solutions", "tsv"),
        ("application/json", "solutions", "json"),
        ("application/ld+json", "graph", "jsonld"),
        ("application/json", "graph", "jsonld"),
        ("application/n-triples", "graph", "ntriples"),
        ("text/*", "solutions", "csv"),
        ("application/sparql-results+json;q=0.5, application/sparql-results+xml", "solutions", "xml"),
        ("application/sparql-results+xml;q=0.9, */*;q=0.1", "solutions", "xml"),
        ("text/csv;q=0, */*", "solutions", "json"),
        ("text/csv, application/sparql-results+json", "solutions", "csv"),
        ("text/turtle;q=0.4, application/rdf+xml;q=0.5", "graph", "rdfxml"),
        ("TEXT/TURTLE; charset=utf-8", "graph", "turtle"),
        ("text/html, application/xhtml+xml", "solutions", None),
        ("text/turtle", "solutions", None),
        ("application/sparql-results+json", "graph", None),
        ("*/*;q=0", "solutions", None),
    ],
)
def test_content_negotiation(accept: str, kind: str, expected: str | None) -> None:
    assert format_for_media_type(accept, kind) == expected


def test_every_negotiable_format_is_sent_with_its_own_media_type() -> None:
    for name in RESULT_FORMATS:
        if name == "table":
            continue
        kind = "graph" if "graph" in RESULT_FORMATS[name].kinds else "solutions"
        assert format_for_media_type(media_type(name).split(";")[0], kind) == name


def test_the_table_reads_like_the_data(store: ox.Store) -> None:
    out = io.StringIO()
    Console(file=out, width=200).print(table(store.query(SELECT)))
    text = out.getvalue()
    assert "kgr:person/anna" in text and "Anna de Vries" in text and '"Anna de Vries"' not in text and "https://" not in text
