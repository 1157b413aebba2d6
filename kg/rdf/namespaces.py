"""Namespaces of the graph (see docs/data-model.md)."""

from rdflib import Namespace
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

KG = Namespace("https://w3id.org/sociaal-kg/ontology#")
KGR = Namespace("https://w3id.org/sociaal-kg/id/")
KGT = Namespace("https://w3id.org/sociaal-kg/theme/")
KGA = Namespace("https://w3id.org/sociaal-kg/addressee/")  # who recommendations address (ontology/addressees.ttl)
SCHEMA = Namespace("https://schema.org/")
OA = Namespace("http://www.w3.org/ns/oa#")
KGS = Namespace("https://w3id.org/sociaal-kg/shapes#")  # the SHACL shapes (ontology/shapes.ttl)

PREFIXES = {
    "kg": KG,
    "kgr": KGR,
    "kgt": KGT,
    "kga": KGA,
    "schema": SCHEMA,
    "oa": OA,
    "prov": PROV,
    "skos": SKOS,
    "dcterms": DCTERMS,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
}
PREFIX_IRIS = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}  # as the writers take them
