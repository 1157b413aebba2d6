"""The SPARQL 1.1 Service Description of the endpoint, sent for ``GET /sparql`` without a query.

https://www.w3.org/TR/sparql11-service-description/: what the service is (its endpoint, SPARQL 1.1
Query only, the result formats it writes), its dataset (the default graph is the union of the named
graphs, each named graph listed with its size), and, as comments a person reads, its limits.
"""

from __future__ import annotations

import pyoxigraph as ox

from kg.sparql.results import NEGOTIATED

SD = "http://www.w3.org/ns/sparql-service-description#"
VOID = "http://rdfs.org/ns/void#"
FORMATS_NS = "http://www.w3.org/ns/formats/"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
RDFS_COMMENT = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#comment")
FORMAT_IRIS = {
    "json": "SPARQL_Results_JSON", "xml": "SPARQL_Results_XML", "csv": "SPARQL_Results_CSV", "tsv": "SPARQL_Results_TSV",
    "turtle": "Turtle", "jsonld": "JSON-LD", "ntriples": "N-Triples", "rdfxml": "RDF_XML", "trig": "TriG", "nquads": "N-Quads",
}  # fmt: skip
"""Our format names as the W3C's format IRIs (http://www.w3.org/ns/formats/)."""
GRAPHS_QUERY = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"
"""What the description lists of the dataset, asked of a query worker once."""


def describe(endpoint: str, triples: int, graphs: list[tuple[str, int]], max_rows: int, timeout: float) -> list[ox.Triple]:
    """The description's triples: ``graphs`` are the named graphs' IRIs and triple counts."""
    service, dataset, default = ox.BlankNode("service"), ox.BlankNode("dataset"), ox.BlankNode("default")
    sd = lambda name: ox.NamedNode(SD + name)  # noqa: E731
    void = lambda name: ox.NamedNode(VOID + name)  # noqa: E731
    out = [
        ox.Triple(service, RDF_TYPE, sd("Service")),
        ox.Triple(service, sd("endpoint"), ox.NamedNode(endpoint)),
        ox.Triple(service, sd("supportedLanguage"), sd("SPARQL11Query")),
        ox.Triple(service, sd("feature"), sd("UnionDefaultGraph")),
        ox.Triple(service, sd("defaultDataset"), dataset),
        ox.Triple(service, RDFS_COMMENT, ox.Literal(
            f"Read-only: updates and SERVICE are refused. Each query may run {timeout:g} s; answers are cut at {max_rows:,} rows "
            "(header X-KG-Truncated: true; in the body a link urn:kg:truncated in SPARQL JSON and XML results, a comment in "
            "Turtle, TriG, N-Triples, N-Quads and RDF/XML)."
        )),
        ox.Triple(dataset, RDF_TYPE, sd("Dataset")),
        ox.Triple(dataset, sd("defaultGraph"), default),
        ox.Triple(default, RDF_TYPE, sd("Graph")),
        ox.Triple(default, void("triples"), ox.Literal(str(triples), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))),
    ]  # fmt: skip
    out += [ox.Triple(service, sd("resultFormat"), ox.NamedNode(FORMATS_NS + FORMAT_IRIS[name])) for name in NEGOTIATED if name in FORMAT_IRIS]
    for number, (iri, count) in enumerate(graphs):
        named, graph = ox.BlankNode(f"named{number}"), ox.BlankNode(f"graph{number}")
        out += [
            ox.Triple(dataset, sd("namedGraph"), named),
            ox.Triple(named, RDF_TYPE, sd("NamedGraph")),
            ox.Triple(named, sd("name"), ox.NamedNode(iri)),
            ox.Triple(named, sd("graph"), graph),
            ox.Triple(graph, RDF_TYPE, sd("Graph")),
            ox.Triple(graph, void("triples"), ox.Literal(str(count), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))),
        ]
    return out
