"""A name given where a saved question expects a node: the node it names, found by its label, or the candidates.

``kg query people-per-organisation --bind organisation=Movisie`` means the organisation called
Movisie; binding the string itself would silently match nothing. The label predicates are the ones
the data model gives names with (schema:name, schema:headline, skos:prefLabel and skos:altLabel).
Matching ignores case; several nodes with the label, or none, is an error that lists candidates.
"""

from __future__ import annotations

import json

import pyoxigraph as ox

from kg.sparql.answer import Request
from kg.sparql.pool import WorkerPool

LABELS = "<https://schema.org/name>|<https://schema.org/headline>|<http://www.w3.org/2004/02/skos/core#prefLabel>|<http://www.w3.org/2004/02/skos/core#altLabel>"
MATCH = "SELECT DISTINCT ?node ?label WHERE {{ ?node {labels} ?label . FILTER (isIRI(?node) && {test}) }} ORDER BY ?node LIMIT 12"
SHOWN = 8


class UnknownName(ValueError):
    """No node, or more than one, has the name; the message lists candidates."""


def node_named(pool: WorkerPool, variable: str, name: str, timeout: float) -> ox.NamedNode:
    """The one node labelled ``name`` (any case), for binding ``?variable``; UnknownName otherwise."""
    value = str(ox.Literal(name.strip()))
    exact = _matches(pool, f"LCASE(STR(?label)) = LCASE({value})", timeout)
    if len({node for node, _ in exact}) == 1:
        return ox.NamedNode(exact[0][0])
    if exact:
        raise UnknownName(f"--bind {variable}={name!r}: several nodes have that name; bind one of them: {_listed(exact)}")
    words = sorted(name.split(), key=len, reverse=True)
    near = _matches(pool, f"CONTAINS(LCASE(STR(?label)), LCASE({ox.Literal(words[0])}))", timeout) if words else []
    hint = f"; names with {words[0]!r} in them: {_listed(near)}" if near else ""
    raise UnknownName(f"--bind {variable}={name!r}: ?{variable} expects a node (an IRI) and no node has that name{hint}")


def _matches(pool: WorkerPool, test: str, timeout: float) -> list[tuple[str, str]]:
    answer = pool.run(Request(MATCH.format(labels=LABELS, test=test), accept="application/sparql-results+json"), timeout)
    if answer.status != 200:
        raise UnknownName(answer.body.decode("utf-8", "replace").strip())
    rows = json.loads(answer.body)["results"]["bindings"]
    return [(row["node"]["value"], row["label"]["value"]) for row in rows]


def _listed(matches: list[tuple[str, str]]) -> str:
    from kg.sparql.results import term_text

    shown = [f"{term_text(ox.NamedNode(node))} ({label})" for node, label in matches[:SHOWN]]
    return ", ".join(shown) + (", …" if len(matches) > SHOWN else "")
