"""The network metrics as RDF, under the project's own terms, so that SPARQL can sort by them."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import networkx as nx
from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from kg.rdf.namespaces import KG

Triple = tuple[URIRef, URIRef, Literal]


def metric_triples(network: nx.Graph) -> Iterator[Triple]:
    """kg:degreeCentrality, kg:betweennessCentrality (xsd:decimal) and kg:community (xsd:integer) per node."""
    for node, data in sorted(network.nodes(data=True)):
        subject = URIRef(node)
        yield subject, KG.degreeCentrality, Literal(Decimal(f"{data['degree']:.6f}"), datatype=XSD.decimal)
        yield subject, KG.betweennessCentrality, Literal(Decimal(f"{data['betweenness']:.6f}"), datatype=XSD.decimal)
        yield subject, KG.community, Literal(data["community"], datatype=XSD.integer)
