"""The seed build's network: metrics in the RDF and the Gephi/Cytoscape files beside it."""

from __future__ import annotations

import re
from pathlib import Path

import networkx as nx
from rdflib.namespace import RDF

from kg.network import analyse
from kg.rdf.namespaces import KG, SCHEMA
from tests.utils.building import load_turtle


def test_every_person_and_organisation_has_its_metrics_in_the_graph(seed_build: Path) -> None:
    graph = load_turtle(seed_build / "kg.ttl")
    for kind in (SCHEMA.Person, SCHEMA.Organization, SCHEMA.Article):
        nodes = set(graph.subjects(RDF.type, kind))
        assert nodes and all(graph.value(n, KG.betweennessCentrality) is not None for n in nodes), kind
    rows = graph.query(
        """PREFIX schema: <https://schema.org/> PREFIX kg: <https://w3id.org/sociaal-kg/ontology#>
        SELECT ?name ?b WHERE { ?p a schema:Person ; schema:name ?name ; kg:betweennessCentrality ?b } ORDER BY DESC(?b) LIMIT 3"""
    )
    values = [float(row.b) for row in rows]
    assert len(values) == 3 and values == sorted(values, reverse=True) and values[0] > 0


def test_graphml_and_gexf_hold_the_same_network_as_the_rdf(seed_build: Path) -> None:
    graph = load_turtle(seed_build / "kg.ttl")
    people = {str(p) for p in graph.subjects(RDF.type, SCHEMA.Person)}
    for name, read in (("network.graphml", nx.read_graphml), ("network.gexf", nx.read_gexf)):
        network = read(seed_build / name)
        kinds = nx.get_node_attributes(network, "kind")
        assert {n for n, k in kinds.items() if k == "person"} == people, name
        assert set(kinds.values()) == {"article", "person", "organisation", "theme"}


def test_evidence_quotes_say_why_with_the_article_and_publication(seed_build: Path) -> None:
    """Edge quotes are the sentences that state the fact, not the bare names; every theme quotes the
    sentences that made it; each quote names its article's headline and publication, never a file."""
    network = analyse(load_turtle(seed_build / "kg.ttl"))
    quotes = [item for _, _, data in network.edges(data=True) for item in data["evidence"]]
    sentences = [item for item in quotes if re.search(r"[.!?…][’'”\")\]]*$", item["quote"]) and len(item["quote"].split()) >= 8]
    assert len(quotes) > 500 and len(sentences) / len(quotes) > 0.7
    themes = [data for _, data in network.nodes(data=True) if data["kind"] == "theme"]
    assert themes and all(data["evidence"] for data in themes)
    assert sum(any(len(item["quote"].split()) >= 8 for item in data["evidence"]) for data in themes) / len(themes) > 0.8
    files = {data["source"] for _, data in network.nodes(data=True) if data["kind"] == "article"}
    named = [item for item in quotes if item["article"]]
    assert named and all(item["publication"] and item["publication"] not in files for item in named)
