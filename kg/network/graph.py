"""The analysis network: articles, people, organisations and themes of a built graph, with their evidence.

One undirected simple graph whose node ids are IRIs. Node and edge attributes are plain Python data
(see docs/network.md) so that networkx algorithms, GraphML/GEXF writers and the HTML maps read the
same thing. Recommendations, sources and publications are not nodes: they describe articles.
"""

from __future__ import annotations

from collections import defaultdict

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, SKOS
from rdflib.term import Node

from kg.network.evidence import EvidenceIndex, Quote
from kg.rdf.namespaces import KG, SCHEMA

KINDS = {SCHEMA.Article: "article", SCHEMA.Person: "person", SCHEMA.Organization: "organisation"}
RELATIONS = {
    SCHEMA.author: "author",
    SCHEMA.mentions: "mentions",
    KG.interviews: "interviewed",
    SCHEMA.affiliation: "affiliation",
    SCHEMA.parentOrganization: "parent",
    SCHEMA.about: "about",
}
#: The predicates the network reads besides the evidence (and the types of what they describe).
PROJECTED = frozenset(RELATIONS) | {SCHEMA.headline, SCHEMA.name, SCHEMA.genre, SCHEMA.isPartOf, SCHEMA.jobTitle, PROV.wasDerivedFrom, SKOS.prefLabel, SKOS.altLabel, SKOS.broader}
RANK = {relation: place for place, relation in enumerate(["affiliation", "author", "interviewed", "about", "mentions", "parent"])}


def from_rdf(graph: Graph, evidence: EvidenceIndex | None = None) -> nx.Graph:
    """The article–person–organisation–theme network of ``graph`` (all named graphs merged), with
    the quotes of ``evidence`` (by default, those of the graph's own annotations: a build passes the
    index of every source's digest, and ``graph`` then needs only the triples of ``PROJECTED``)."""
    evidence = evidence or EvidenceIndex.of(graph)
    network = nx.Graph()
    for cls, kind in KINDS.items():
        for node in sorted(graph.subjects(RDF.type, cls)):
            network.add_node(str(node), **_node(graph, node, kind))
    edges = sorted((s, p, o) for p in RELATIONS for s, o in graph.subject_objects(p) if str(s) in network)
    about = [(s, o) for s, p, o in edges if p == SCHEMA.about]
    for concept in sorted({o for _, o in about}):
        network.add_node(str(concept), **_node(graph, concept, "theme"))
    strongest = max((evidence.weight(s, SCHEMA.about, o) for s, o in about), default=1.0) or 1.0
    for s, p, o in edges:
        if str(o) not in network or s == o:
            continue
        weight = 1.0 + 2.0 * evidence.weight(s, p, o) / strongest if p == SCHEMA.about else 1.0
        quotes = _attributed(network, evidence, evidence.edge(s, p, o), _edge_articles(network, str(s), str(o)))
        _link(network, str(s), str(o), RELATIONS[p], max(weight, 1.0), quotes)
    for node, data in network.nodes(data=True):
        roles = [q for title in sorted(graph.objects(URIRef(node), SCHEMA.jobTitle)) for q in evidence.edge(URIRef(node), SCHEMA.jobTitle, title)]
        own = _attributed(network, evidence, roles + evidence.node(URIRef(node)), _articles_of(network, node))
        data["evidence"] = own if data["kind"] == "article" else _stated(network, node, own)
    _spread_context(network)
    return network


def projection(graph: Graph) -> list[tuple[Node, Node, Node]]:
    """The triples of ``graph`` that ``from_rdf`` reads when it is given the evidence apart: those
    of ``PROJECTED`` and the types of their subjects (not the annotations, a graph's bulk)."""
    triples = [triple for predicate in PROJECTED for triple in graph.triples((None, predicate, None))]
    subjects = {s for s, _, _ in triples}
    return triples + [(s, RDF.type, kind) for s in subjects for kind in graph.objects(s, RDF.type)]


def _edge_articles(network: nx.Graph, a: str, b: str) -> list[str]:
    """The articles an edge's quotes can come from: the article at one end, else those of both ends."""
    ends = [node for node in (a, b) if network.nodes[node]["kind"] == "article"]
    return ends or _articles_of(network, a) + _articles_of(network, b)


def _stated(network: nx.Graph, node: str, own: list[dict[str, str]]) -> list[dict[str, str]]:
    """Up to 5 quotes that say something about a person, organisation or theme: the bio lines of its
    roles, then the sentences of its edges (affiliations and bylines before mentions), then the bare
    spans that name it. A theme has no span of its own: its quotes are the sentences that made it."""
    lines = [item for item in own if len(item["quote"].split()) > len(network.nodes[node]["label"].split())]
    edges = sorted(network[node].items(), key=lambda pair: (min(RANK.get(r, len(RANK)) for r in pair[1]["relations"]), -pair[1]["weight"], pair[0]))
    quotes: list[dict[str, str]] = []
    for item in lines + [item for _, data in edges for item in data["evidence"]] + own:
        if all(item["quote"] != seen["quote"] for seen in quotes):
            quotes.append(item)
    return quotes[:5]


def _node(graph: Graph, node: Node, kind: str) -> dict[str, object]:
    return {
        "kind": kind,
        "label": _label(graph, node, kind),
        "info": _info(graph, node, kind),
        "source": _text(graph, graph.value(node, PROV.wasDerivedFrom), SCHEMA.name) if kind == "article" else "",
        "publication": _text(graph, graph.value(node, SCHEMA.isPartOf), SCHEMA.name) if kind == "article" else "",
        "aliases": sorted({str(alias) for alias in graph.objects(node, SKOS.altLabel)}),
    }


def _label(graph: Graph, node: Node, kind: str) -> str:
    if kind == "article":
        return _text(graph, node, SCHEMA.headline) or str(node).rsplit("/", 1)[-1]
    if kind == "theme":
        return _dutch(graph, node, SKOS.prefLabel) or str(node).rsplit("/", 1)[-1]
    return _text(graph, node, SCHEMA.name) or str(node).rsplit("/", 1)[-1]


def _info(graph: Graph, node: Node, kind: str) -> str:
    if kind == "article":
        parts = [_text(graph, graph.value(node, SCHEMA.isPartOf), SCHEMA.name), _text(graph, node, SCHEMA.genre)]
    elif kind == "person":
        parts = sorted(str(title) for title in graph.objects(node, SCHEMA.jobTitle))
    elif kind == "organisation":
        parts = sorted(str(alias) for alias in graph.objects(node, SKOS.altLabel))[:3]
    else:
        parts = [_dutch(graph, broader, SKOS.prefLabel) for broader in sorted(graph.objects(node, SKOS.broader))]
    return " · ".join(part for part in parts if part)


def _text(graph: Graph, node: Node | None, predicate: URIRef) -> str:
    values = sorted(str(v) for v in graph.objects(node, predicate)) if node is not None else []
    return values[0] if values else ""


def _dutch(graph: Graph, node: Node, predicate: URIRef) -> str:
    labels = {o.language: str(o) for o in graph.objects(node, predicate) if isinstance(o, Literal)}
    return labels.get("nl") or labels.get(None) or next(iter(sorted(labels.values())), "")


def _link(network: nx.Graph, a: str, b: str, relation: str, weight: float, evidence: list[dict[str, str]]) -> None:
    if network.has_edge(a, b):
        data = network.edges[a, b]
        data["relations"] = sorted(set(data["relations"]) | {relation})
        data["weight"] = max(data["weight"], weight)
        data["evidence"] = (data["evidence"] + [e for e in evidence if e not in data["evidence"]])[:5]
    else:
        network.add_edge(a, b, relations=[relation], weight=weight, evidence=evidence[:5])


def _attributed(network: nx.Graph, evidence: EvidenceIndex, quotes: list[Quote], articles: list[str]) -> list[dict[str, str]]:
    """Quotes as plain data, each naming its article: of ``articles`` in the same source file, the last one
    that starts before the quote (articles follow each other in a source)."""
    starts = sorted((network.nodes[a]["source"], evidence.start(URIRef(a)) or 0, a) for a in set(articles))
    named: list[dict[str, str]] = []
    for quote in quotes:
        before = [a for source, start, a in starts if source == quote.source and start <= quote.start]
        same = before or [a for source, _, a in starts if source == quote.source]
        article = network.nodes[same[-1] if before else same[0]] if same else {}
        item = {"quote": quote.text, "source": quote.source, "article": article.get("label", ""), "publication": article.get("publication", "")}
        if quote.page is not None:
            item["page"] = str(quote.page)
        if item not in named:
            named.append(item)
    return named[:5]


def _articles_of(network: nx.Graph, node: str) -> list[str]:
    if network.nodes[node]["kind"] == "article":
        return [node]
    return sorted(n for n in network[node] if network.nodes[n]["kind"] == "article")


def _spread_context(network: nx.Graph) -> None:
    """Give every node the themes and organisations whose filter keeps it (``_members``), and its article count."""
    facets: dict[str, dict[str, set[str]]] = {node: {"themes": set(), "organisations": set()} for node in network}
    kinds = nx.get_node_attributes(network, "kind")
    for facet, data in network.nodes(data=True):
        key = {"theme": "themes", "organisation": "organisations"}.get(data["kind"])
        if key:
            for node in _members(network, facet, kinds):
                facets[node][key].add(data["label"])
    for node, data in network.nodes(data=True):
        data["themes"] = sorted(facets[node]["themes"])
        data["organisations"] = sorted(facets[node]["organisations"])
        data["articles"] = len(_articles_of(network, node))


def _members(network: nx.Graph, facet: str, kind: dict[str, str]) -> set[str]:
    """What the maps' filter on a theme or organisation keeps: one rule for both. It, its articles (linked
    to it; an organisation's also those its people wrote), its people (affiliated to it, or who wrote or
    were interviewed in its articles) and the organisations its articles name."""
    people = {n for n in network[facet] if kind[n] == "person" and "affiliation" in network.edges[facet, n]["relations"]}
    articles = {n for n in network[facet] if kind[n] == "article"}
    articles |= {a for person in people for a in network[person] if kind[a] == "article" and "author" in network.edges[person, a]["relations"]}
    members = {facet} | people | articles
    for article in articles:
        for near in network[article]:
            if kind[near] == "organisation" or (kind[near] == "person" and {"author", "interviewed"} & set(network.edges[article, near]["relations"])):
                members.add(near)
    return members
