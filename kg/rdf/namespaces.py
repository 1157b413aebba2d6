"""Namespaces of the graph (see docs/data-model.md)."""

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD


class Terms(Namespace):
    """A namespace that makes each of its terms once: rdflib's makes and checks a new URIRef at
    every ``OA.hasBody``, and writing a source's graph asks for 100,000 of them."""

    _made: dict[tuple[str, str], URIRef] = {}

    def term(self, name: str) -> URIRef:
        key = (str(self), name)
        made = Terms._made.get(key)
        if made is None:
            made = Terms._made[key] = super().term(name)
        return made


KG = Terms("https://w3id.org/sociaal-kg/ontology#")
KGR = Terms("https://w3id.org/sociaal-kg/id/")
KGT = Terms("https://w3id.org/sociaal-kg/theme/")
KGA = Terms("https://w3id.org/sociaal-kg/addressee/")  # who recommendations address (ontology/addressees.ttl)
SCHEMA = Terms("https://schema.org/")
OA = Terms("http://www.w3.org/ns/oa#")
KGS = Terms("https://w3id.org/sociaal-kg/shapes#")  # the SHACL shapes (ontology/shapes.ttl)

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
