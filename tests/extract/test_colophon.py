"""A colophon's people edit or contribute to the issue; they are not authors of an article.
Also the contract a triple store relies on: interviewees are mentions, affiliations quote the
phrase that states them, a publication is named by its text. (An invented magazine.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from kg.extract.colophon import move_colophons
from kg.model import ArticleRecord, Mention, PublicationRecord, Span
from kg.rdf.namespaces import KG, OA, SCHEMA
from tests.utils.building import run_build

FIXTURE = Path(__file__).parent / "fixtures" / "magazine_with_colophon.md"


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> Graph:
    root = tmp_path_factory.mktemp("colophon")
    run_build([FIXTURE], root / "out", root / "cache")
    return Graph().parse(root / "out" / "kg.ttl", format="turtle")


def _named(graph: Graph, name: str) -> URIRef:
    (node,) = [s for s in graph.subjects(SCHEMA.name, None) if str(graph.value(s, SCHEMA.name)) == name]
    return node


def test_colophon_people_are_editors_and_contributors_of_the_issue_not_authors(graph: Graph) -> None:
    (issue,) = graph.subjects(RDF.type, SCHEMA.PublicationIssue)
    editors = {str(graph.value(p, SCHEMA.name)) for p in graph.objects(issue, SCHEMA.editor)}
    contributors = {str(graph.value(p, SCHEMA.name)) for p in graph.objects(issue, SCHEMA.contributor)}
    assert editors == {"Anna de Vries", "Pieter Smit", "Fleur Bakker", "Sanne Dijkstra"}
    assert contributors == {"Koen Jansen", "Mila Peters"}  # "Illustraties: X" inline; a photo credit ("Fotografie: X") is not read as a person
    assert str(graph.value(_named(graph, "Koen Jansen"), SCHEMA.jobTitle)) == "Vormgeving"
    headlines = {str(h) for h in graph.objects(None, SCHEMA.headline)}
    assert "COLOFON" not in headlines
    authors = {str(graph.value(p, SCHEMA.name)) for p in graph.objects(None, SCHEMA.author)}
    assert authors == {"Lotte Kramer"}


def test_a_colophon_name_belongs_to_the_organisation_in_parentheses_after_it_or_after_the_names_sharing_it(graph: Graph) -> None:
    """"Pieter Smit (Stichting Wijkkracht), Fleur Bakker, Sanne Dijkstra (beiden Movisie)"."""
    def organisations(name: str) -> set[str]:
        return {str(graph.value(o, SCHEMA.name)) for o in graph.objects(_named(graph, name), SCHEMA.affiliation)}

    assert organisations("Pieter Smit") == {"Stichting Wijkkracht"}
    assert organisations("Fleur Bakker") == organisations("Sanne Dijkstra") == {"Movisie"}
    assert organisations("Anna de Vries") == set()


def test_the_organisation_a_colophon_says_publishes_the_issue_is_its_publisher(graph: Graph) -> None:
    """"Uitgave: Movisie, Utrecht"; Movisie is named earlier in the colophon as well."""
    (issue,) = graph.subjects(RDF.type, SCHEMA.PublicationIssue)
    assert [str(graph.value(o, SCHEMA.name)) for o in graph.objects(issue, SCHEMA.publisher)] == ["Movisie"]


def test_an_interviewee_is_also_a_mention(graph: Graph) -> None:
    visser = _named(graph, "Bram Visser")
    (article,) = graph.subjects(KG.interviews, visser)
    assert (article, SCHEMA.mentions, visser) in graph


def test_affiliation_evidence_quotes_the_phrase_that_states_it(graph: Graph) -> None:
    visser = _named(graph, "Bram Visser")
    (org,) = graph.objects(visser, SCHEMA.affiliation)
    statements = [s for s in graph.subjects(RDF.subject, visser) if graph.value(s, RDF.predicate) == SCHEMA.affiliation and graph.value(s, RDF.object) == org]
    quotes = {str(graph.value(q, OA.exact)) for s in statements for a in graph.subjects(OA.hasBody, s) for t in graph.objects(a, OA.hasTarget) for q in graph.objects(t, OA.hasSelector) if graph.value(q, OA.exact)}
    assert any("Bram Visser" in q and "Stichting Jong Oost" in q for q in quotes)


def test_the_publication_is_named_by_its_text_never_its_file(graph: Graph) -> None:
    (issue,) = graph.subjects(RDF.type, SCHEMA.PublicationIssue)
    name = str(graph.value(issue, SCHEMA.name))
    assert name == "Wijkwerk" and FIXTURE.stem not in name


def test_a_colophon_names_a_publication_without_masthead() -> None:
    """"Buurtkrant Oost is een uitgave van ..." names the issue; a masthead found before stays."""
    text = "Colofon\n\nBuurtkrant Oost is een uitgave van Stichting Wijkkracht.\nRedactie: Anna de Vries\n"
    record = ArticleRecord(Mention("Colofon", Span(0, 7)), 1, 4, Span(0, len(text)), genre="other")
    unnamed = PublicationRecord()
    move_colophons([record], text, unnamed)
    assert unnamed.name is not None and unnamed.name.text == "Buurtkrant Oost"
    assert text[unnamed.name.span.start:unnamed.name.span.end] == "Buurtkrant Oost"
    masthead = PublicationRecord(name=Mention("Wijkwerk", Span(0, 8)))
    move_colophons([record], text, masthead)
    assert masthead.name is not None and masthead.name.text == "Wijkwerk"
