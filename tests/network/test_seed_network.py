"""The seed build's network: metrics in the RDF and the Gephi/Cytoscape files beside it."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
from rdflib.namespace import RDF

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
