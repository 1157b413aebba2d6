"""Every saved question against the hand-made fixture graph, with its rows written out by hand from it."""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph

from kg.commands.query import with_bindings
from kg.sparql.saved import find, queries_dir, saved_questions
from kg.sparql.store import SparqlStore
from tests.utils.building import EXPORTS

FIXTURES = Path(__file__).resolve().parent / "fixtures"
GRAPH = FIXTURES / "graph.trig"
LISTS = {"headlines", "organisationNames", "jobTitles", "via"}
"""GROUP_CONCAT columns: SPARQL leaves the order inside them open, so they compare as sets."""


def rows(store: SparqlStore, name: str, columns: tuple[str, ...] = (), **bindings: ox.NamedNode | ox.Literal) -> list[tuple]:
    """The saved question's rows as tuples of the columns' values (all columns by default), in the query's order."""
    question = find(name)
    assert question is not None, f"no saved question {name}"
    result = store.query(with_bindings(question.text, bindings))
    columns = columns or tuple(variable.value for variable in result.variables)
    return [tuple(_value(solution[column], column) for column in columns) for solution in result]


def _value(term: object, column: str) -> object:
    if column in LISTS:
        if term is None:
            return frozenset()
        return frozenset(term.value.split(" | " if column in ("headlines", "organisationNames") else "; ")) - {""}
    return "" if term is None else term.value


KGR = "https://w3id.org/sociaal-kg/id/"
QUESTIONS = {
    "articles-by-author",
    "co-authors",
    "people-per-organisation",
    "organisations-together",
    "bridging-people",
    "themes-per-publication",
    "recommendations-per-theme",
    "recommendations-per-addressee",
    "evidence-for-a-fact",
    "publication-makers",
}
LECTORAAT = "Lectoraat Sociale Veerkracht"


@pytest.fixture(scope="module")
def store() -> SparqlStore:
    return SparqlStore.open(GRAPH)


def test_every_saved_question_says_what_it_answers_and_can_be_bound() -> None:
    questions = {question.name: question for question in saved_questions()}
    assert set(questions) == QUESTIONS
    for question in questions.values():
        assert question.title and question.answers.endswith((".", "?")), question.path
        selected = re.search(r"SELECT(.*?)WHERE", question.text, re.DOTALL)
        assert selected, question.path
        for parameter in question.parameters:
            assert f"?{parameter}" in selected.group(1).split(), f"{question.name}: parameter ?{parameter} is not selected, so it cannot be bound"


def test_articles_by_author(store: SparqlStore) -> None:
    assert rows(store, "articles-by-author", ("authorName", "headline", "genre", "publication")) == [
        ("Anna de Vries", "Armoede in de wijk", "column", "Movisies"),
        ("Anna de Vries", "Samen sterker", "interview", "Movisies"),
        ("Bram Jansen", "Armoede in de wijk", "column", "Movisies"),
        ("Bram Jansen", "Samen sterker", "interview", "Movisies"),
        ("Bram Jansen", "Wonen en zorg", "report", "Werkplaatsen Sociaal Domein"),
        ("Dirk Smit", "Wonen en zorg", "report", "Werkplaatsen Sociaal Domein"),
    ]


def test_articles_by_one_author_by_name(store: SparqlStore) -> None:
    found = rows(store, "articles-by-author", ("headline",), authorName=ox.Literal("Dirk Smit"))
    assert found == [("Wonen en zorg",)]


def test_co_authors(store: SparqlStore) -> None:
    both = frozenset({"Armoede in de wijk", "Samen sterker"})
    assert rows(store, "co-authors", ("personName", "coAuthorName", "articles", "headlines")) == [
        ("Anna de Vries", "Bram Jansen", "2", both),
        ("Bram Jansen", "Anna de Vries", "2", both),
        ("Bram Jansen", "Dirk Smit", "1", frozenset({"Wonen en zorg"})),
        ("Dirk Smit", "Bram Jansen", "1", frozenset({"Wonen en zorg"})),
    ]


def test_editors_of_an_issue_are_no_co_authors(store: SparqlStore) -> None:
    """Anna edits the issue of Eva and Frank, and writes with Bram: only the articles make co-authors."""
    names = {name for row in rows(store, "co-authors", ("personName", "coAuthorName")) for name in row}
    assert names == {"Anna de Vries", "Bram Jansen", "Dirk Smit"}


def test_publication_makers_are_its_editors_and_contributors_with_their_roles(store: SparqlStore) -> None:
    assert rows(store, "publication-makers", ("publicationName", "personName", "relation", "jobTitles")) == [
        ("Movisies", "Frank Visser", "contributor", frozenset({"Vormgeving"})),
        ("Movisies", "Anna de Vries", "editor", frozenset({"onderzoeker"})),
        ("Movisies", "Eva Mulder", "editor", frozenset({"Hoofdredactie"})),
    ]


def test_an_interviewee_is_found_among_the_people_an_article_mentions(store: SparqlStore) -> None:
    found = store.query("PREFIX schema: <https://schema.org/> SELECT ?a WHERE { ?a schema:mentions <%sperson/carla> }" % KGR)
    assert [solution["a"].value for solution in found] == [KGR + "article/a1"]


def test_co_authors_of_one_person(store: SparqlStore) -> None:
    found = rows(store, "co-authors", ("coAuthorName", "articles"), person=ox.NamedNode(KGR + "person/dirk"))
    assert found == [("Bram Jansen", "1")]


def test_people_per_organisation_counts_people_of_its_units(store: SparqlStore) -> None:
    assert rows(store, "people-per-organisation", ("organisationName", "personName", "jobTitles", "via")) == [
        ("Avans Hogeschool", "Bram Jansen", frozenset({"lector"}), frozenset({LECTORAAT})),
        (LECTORAAT, "Bram Jansen", frozenset({"lector"}), frozenset()),
        ("Movisie", "Anna de Vries", frozenset({"onderzoeker"}), frozenset()),
        ("VNG", "Carla Bakker", frozenset({"beleidsadviseur", "woordvoerder"}), frozenset()),
    ]


def test_organisations_together(store: SparqlStore) -> None:
    assert rows(store, "organisations-together", ("organisationName", "otherName", "articles")) == [
        (LECTORAAT, "Movisie", "2"),
        ("Movisie", LECTORAAT, "2"),
        ("Avans Hogeschool", LECTORAAT, "1"),
        (LECTORAAT, "Avans Hogeschool", "1"),
        (LECTORAAT, "VNG", "1"),
        ("Movisie", "VNG", "1"),
        ("VNG", LECTORAAT, "1"),
        ("VNG", "Movisie", "1"),
    ]


def test_organisations_together_bound_from_either_side_of_a_pair(store: SparqlStore) -> None:
    pairs = rows(store, "organisations-together", ("organisation", "other"))
    for organisation in {first for first, _ in pairs}:
        seen = rows(store, "organisations-together", ("other",), organisation=ox.NamedNode(organisation))
        assert sorted(other for (other,) in seen) == sorted(other for first, other in pairs if first == organisation)
        assert sorted(other for (other,) in seen) == sorted(first for first, other in pairs if other == organisation)


def test_bridging_people_by_betweenness_then_organisations(store: SparqlStore) -> None:
    assert rows(store, "bridging-people", ("personName", "organisations", "organisationNames", "betweenness")) == [
        ("Carla Bakker", "3", frozenset({"VNG", "Movisie", LECTORAAT}), "0.5"),
        ("Dirk Smit", "2", frozenset({"Avans Hogeschool", LECTORAAT}), "0.25"),
        ("Bram Jansen", "4", frozenset({"VNG", "Movisie", LECTORAAT, "Avans Hogeschool"}), ""),
        ("Anna de Vries", "3", frozenset({"VNG", "Movisie", LECTORAAT}), ""),
    ]


def test_themes_per_publication(store: SparqlStore) -> None:
    assert rows(store, "themes-per-publication", ("publicationName", "theme", "articles")) == [
        ("Movisies", "armoede", "2"),
        ("Movisies", "samenwerking", "1"),
        ("Werkplaatsen Sociaal Domein", "samenwerking", "1"),
        ("Werkplaatsen Sociaal Domein", "wonen", "1"),
    ]


def test_recommendations_per_theme_with_their_quote(store: SparqlStore) -> None:
    gemeenten = ("Gemeenten moeten vaker samenwerken met sociaal werk.", "Gemeenten moeten vaker\nsamenwerken met sociaal werk.")
    assert rows(store, "recommendations-per-theme", ("theme", "recommendation", "quote", "authorName", "headline", "file")) == [
        ("armoede", *gemeenten, "Carla Bakker", "Samen sterker", "001_fixture.txt"),
        ("samenwerking", *gemeenten, "Carla Bakker", "Samen sterker", "001_fixture.txt"),
        ("wonen", "Investeer in betaalbare woningen.", "Investeer in betaalbare\nwoningen.", "", "Wonen en zorg", "002_fixture.txt"),
    ]


def test_recommendations_per_addressee_count_for_every_broader_addressee(store: SparqlStore) -> None:
    gemeenten = ("Gemeenten moeten vaker samenwerken met sociaal werk.", "Samen sterker")
    assert rows(store, "recommendations-per-addressee", ("addresseeLabel", "namedLabel", "recommendation", "headline")) == [
        ("gemeenten", "gemeenten", *gemeenten),
        ("overheid", "gemeenten", *gemeenten),
    ]
    overheid = ox.NamedNode("https://w3id.org/sociaal-kg/addressee/overheid")
    assert rows(store, "recommendations-per-addressee", ("namedLabel",), addressee=overheid) == [("gemeenten",)]


def test_evidence_for_every_fact(store: SparqlStore) -> None:
    columns = ("subjectLabel", "predicate", "objectLabel", "quote", "file", "start", "end", "confidence")
    assert rows(store, "evidence-for-a-fact", columns) == [
        ("Samen sterker", "https://schema.org/author", "Anna de Vries", "Door Anna de Vries", "001_fixture.txt", "10", "28", "0.9"),
        ("Bram Jansen", "https://schema.org/affiliation", LECTORAAT, "Bram Jansen, lector Sociale Veerkracht", "001_fixture.txt", "40", "78", "0.85"),
        ("Samen sterker", "https://schema.org/about", "samenwerking", "samenwerking", "001_fixture.txt", "120", "132", "0.7"),
        ("Bram Jansen", "https://schema.org/affiliation", LECTORAAT, "Bram Jansen (Lectoraat Sociale Veerkracht)", "002_fixture.txt", "15", "57", "0.8"),
    ]


def test_evidence_for_one_fact(store: SparqlStore) -> None:
    found = rows(
        store,
        "evidence-for-a-fact",
        ("quote", "file"),
        subject=ox.NamedNode(KGR + "person/bram"),
        predicate=ox.NamedNode("https://schema.org/affiliation"),
        object=ox.NamedNode(KGR + "organization/lectoraat"),
    )
    assert found == [("Bram Jansen, lector Sociale Veerkracht", "001_fixture.txt"), ("Bram Jansen (Lectoraat Sociale Veerkracht)", "002_fixture.txt")]


@pytest.mark.parametrize("name", sorted(QUESTIONS))
def test_named_graphs_and_their_merge_give_the_same_rows(name: str, store: SparqlStore, tmp_path: Path) -> None:
    """A fact stated in two sources is one fact: the TriG (one graph per source) answers as its Turtle merge."""
    merged = Graph()
    for s, p, o, _ in Dataset().parse(GRAPH, format="trig").quads():
        merged.add((s, p, o))
    turtle = tmp_path / "merged.ttl"
    merged.serialize(turtle, format="turtle")
    assert rows(SparqlStore.open(turtle), name) == rows(store, name)


def test_saved_questions_live_in_the_ontology_folder() -> None:
    assert queries_dir().name == "queries" and queries_dir().parent.joinpath("kg.ttl").is_file()


@pytest.fixture(scope="module")
def seed() -> SparqlStore:
    return SparqlStore.open(EXPORTS / "kg.trig")


@pytest.mark.parametrize("name", sorted(QUESTIONS))
def test_every_saved_question_answers_on_the_seed_exports(name: str, seed: SparqlStore) -> None:
    assert len(seed.query(find(name).text).serialize(format=ox.QueryResultsFormat.TSV).splitlines()) > 1


@pytest.mark.parametrize("name", sorted(QUESTIONS))
def test_seed_trig_and_turtle_exports_give_the_same_rows(name: str, seed: SparqlStore) -> None:
    assert rows(SparqlStore.open(EXPORTS / "kg.ttl"), name) == rows(seed, name)


def test_seed_recommendations_come_with_their_own_words(seed: SparqlStore) -> None:
    found = rows(seed, "recommendations-per-theme", ("recommendation", "quote"))
    assert len(found) >= 20
    assert all(_letters(text)[:30] in _letters(quote) for text, quote in found)


def test_seed_evidence_spans_are_as_long_as_their_quotes(seed: SparqlStore) -> None:
    found = rows(seed, "evidence-for-a-fact", ("quote", "start", "end"))
    assert len(found) >= 100
    assert all(int(end) - int(start) == len(quote) > 0 for quote, start, end in found)


def _letters(text: str) -> str:
    """Only the letters and digits, lower-cased: a cleaned sentence against the quote it was cleaned from."""
    return re.sub(r"\W+", "", text).lower()
