"""The build activity and the software that ran it (PROV-O)."""

from __future__ import annotations

import os
from datetime import datetime, timezone

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, XSD

from kg import __version__
from kg.rdf import iris
from kg.rdf.namespaces import SCHEMA


def build_time() -> str:
    """UTC start time of the build; ``SOURCE_DATE_EPOCH`` fixes it for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = datetime.fromtimestamp(int(epoch), timezone.utc) if epoch else datetime.now(timezone.utc)
    return moment.replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def activity_node(started: str) -> URIRef:
    return iris.activity(__version__, started)


def write_activity(graph: Graph, started: str) -> URIRef:
    node = activity_node(started)
    agent = iris.software(__version__)
    graph.add((node, RDF.type, PROV.Activity))
    graph.add((node, RDFS.label, Literal("kg build")))
    graph.add((node, PROV.startedAtTime, Literal(started, datatype=XSD.dateTime)))
    graph.add((node, PROV.wasAssociatedWith, agent))
    graph.add((agent, RDF.type, PROV.SoftwareAgent))
    graph.add((agent, RDF.type, SCHEMA.SoftwareApplication))
    graph.add((agent, SCHEMA.name, Literal("kg")))
    graph.add((agent, SCHEMA.softwareVersion, Literal(__version__)))
    return node
