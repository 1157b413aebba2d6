"""The analysis network: what Gephi users, the maps and SPARQL sorting all read."""

from __future__ import annotations

import io
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Graph

from kg.network import analyse
from kg.network.exchange import exchange_files
from kg.network.projections import coauthorship, organisation_cooccurrence, person_organisation, theme_cooccurrence
from kg.network.to_rdf import metric_triples
from kg.rdf.namespaces import KG

FIXTURE = Path(__file__).parent / "fixtures" / "two-articles.ttl"
EX = "https://example.org/"


@pytest.fixture(scope="module")
def network() -> nx.Graph:
    return analyse(Graph().parse(FIXTURE, format="turtle"))


def test_nodes_are_articles_people_organisations_and_the_themes_articles_are_about(network: nx.Graph) -> None:
    kinds = {node.removeprefix(EX): data["kind"] for node, data in network.nodes(data=True)}
    assert kinds == {
        "a1": "article", "a2": "article", "anna": "person", "bram": "person", "carla": "person",
        "movisie": "organisation", "avans": "organisation", "eenzaamheid": "theme", "armoede": "theme",
    }  # fmt: skip
    assert network.nodes[EX + "armoede"]["info"] == "bestaanszekerheid"
    assert network.nodes[EX + "a2"]["info"] == "Magazine 1 · interview"
    assert network.nodes[EX + "eenzaamheid"]["label"] == "eenzaamheid"


def test_relations_between_the_same_two_nodes_are_merged_into_one_edge(network: nx.Graph) -> None:
    assert network.edges[EX + "a2", EX + "bram"]["relations"] == ["author", "interviewed", "mentions"]
    assert network.edges[EX + "anna", EX + "movisie"]["relations"] == ["affiliation"]


def test_theme_edges_are_weighted_by_the_statement_weight(network: nx.Graph) -> None:
    unweighted = network.edges[EX + "a1", EX + "eenzaamheid"]["weight"]
    strong = network.edges[EX + "a2", EX + "eenzaamheid"]["weight"]
    weak = network.edges[EX + "a2", EX + "armoede"]["weight"]
    assert unweighted == pytest.approx(3.0) and strong == pytest.approx(2.8) and 1.0 < weak < strong


def test_evidence_quotes_name_their_source_and_article_most_confident_first(network: nx.Graph) -> None:
    quotes = network.nodes[EX + "carla"]["evidence"]
    assert [q["quote"] for q in quotes] == ["mevrouw Bos", "Carla Bos"]
    assert quotes[0]["source"] == "mag.txt" and quotes[0]["article"] == "Samen tegen eenzaamheid"
    edge = network.edges[EX + "anna", EX + "movisie"]["evidence"]
    assert edge == [{"quote": "Anna de Vries, lector bij Movisie", "source": "mag.txt", "article": "Armoede en eenzaamheid", "publication": "Magazine 1"}]
    assert network.nodes[EX + "anna"]["evidence"] == edge  # a person's quotes are the sentences that state something of them


def test_nodes_know_the_themes_and_organisations_around_them_for_the_filters(network: nx.Graph) -> None:
    assert network.nodes[EX + "bram"]["themes"] == ["armoede", "eenzaamheid"]
    # Movisie's filter keeps Bram: he wrote a2 with Anna, who works at Movisie (one rule for every
    # organisation and theme: its articles, and the people affiliated to it or writing in them)
    assert network.nodes[EX + "bram"]["organisations"] == ["Avans Hogeschool", "Movisie"]
    assert network.nodes[EX + "movisie"]["themes"] == []  # no article names Movisie: no theme filter keeps it
    assert network.nodes[EX + "avans"]["themes"] == ["armoede", "eenzaamheid"]  # a2 names Avans
    assert network.nodes[EX + "a2"]["organisations"] == ["Avans Hogeschool", "Movisie"]
    assert network.nodes[EX + "anna"]["articles"] == 2


def test_metrics_single_out_the_bridge(network: nx.Graph) -> None:
    central = max(network, key=lambda node: network.nodes[node]["betweenness"])
    assert central in {EX + "a2", EX + "anna"}
    assert all(0.0 <= data["degree"] <= 1.0 and 0.0 <= data["betweenness"] <= 1.0 for _, data in network.nodes(data=True))
    assert network.nodes[EX + "carla"]["betweenness"] == 0.0
    assert {data["community"] for _, data in network.nodes(data=True)} == set(range(max(d["community"] for _, d in network.nodes(data=True)) + 1))


def test_metrics_are_the_same_on_every_run() -> None:
    runs = [analyse(Graph().parse(FIXTURE, format="turtle")) for _ in range(3)]
    signatures = [sorted((n, d["degree"], d["betweenness"], d["community"]) for n, d in run.nodes(data=True)) for run in runs]
    assert signatures[0] == signatures[1] == signatures[2]


def test_projections(network: nx.Graph) -> None:
    authors = coauthorship(network)
    assert sorted(authors.edges) == [(EX + "anna", EX + "bram")]
    assert authors.edges[EX + "anna", EX + "bram"]["evidence"][0]["article"] == "Armoede en eenzaamheid"
    assert sorted(theme_cooccurrence(network).edges) == [(EX + "eenzaamheid", EX + "armoede")]
    assert organisation_cooccurrence(network).number_of_edges() == 0
    assert sorted(map(sorted, person_organisation(network).edges)) == [[EX + "anna", EX + "movisie"], [EX + "avans", EX + "bram"]]


def test_graphml_and_gexf_read_back_with_flat_attributes(network: nx.Graph) -> None:
    files = exchange_files(network, "2024-05-01")
    assert files == exchange_files(network, "2024-05-01")
    graphml = nx.read_graphml(io.BytesIO(files["network.graphml"]))
    gexf = nx.read_gexf(io.BytesIO(files["network.gexf"]))
    for read in (graphml, gexf):
        assert read.number_of_nodes() == network.number_of_nodes() and read.number_of_edges() == network.number_of_edges()
    anna = graphml.nodes[EX + "anna"]
    assert anna["kind"] == "person" and anna["themes"] == "armoede; eenzaamheid" and anna["iri"] == EX + "anna"
    assert b'lastmodifieddate="2024-05-01"' in files["network.gexf"]


def test_metric_triples_let_sparql_sort_by_centrality(network: nx.Graph) -> None:
    graph = Graph()
    for triple in metric_triples(network):
        graph.add(triple)
    rows = list(graph.query("SELECT ?n ?b WHERE { ?n ?metric ?b } ORDER BY DESC(?b)", initBindings={"metric": KG.betweennessCentrality}))
    assert len(rows) == network.number_of_nodes()
    assert str(rows[0][0]) == max(network, key=lambda node: network.nodes[node]["betweenness"])


def test_the_editors_of_an_issue_are_no_co_authors() -> None:
    """A colophon's people edit or make the issue (schema:editor, schema:contributor): only articles make co-authors."""
    graph = Graph().parse(FIXTURE, format="turtle")
    graph.parse(
        data="@prefix schema: <https://schema.org/> . @prefix ex: <https://example.org/> ."
        " ex:pub schema:editor ex:anna , ex:carla ; schema:contributor ex:dina ."
        ' ex:dina a schema:Person ; schema:name "Dina Kok" ; schema:jobTitle "Vormgeving" .',
        format="turtle",
    )
    pairs = {tuple(sorted(edge)) for edge in coauthorship(analyse(graph)).edges}
    assert pairs == {(EX + "anna", EX + "bram")}
