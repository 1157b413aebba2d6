"""The addressee scheme (``ontology/addressees.ttl``): which concept a recommendation's addressee
label is. Extraction names addressees by the labels of ``kg/data/addressees.tsv``; the graph
links each recommendation to the one concept that has the label as its preferred or an
alternative Dutch label, so that "gemeente" and "gemeenten" are one addressee."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import SKOS

from kg.rdf.iris import name_key

SCHEME_FILE = "addressees.ttl"


class UnknownAddressee(KeyError):
    """An addressee label that no concept of the scheme carries: the data files disagree."""


@lru_cache(maxsize=2)
def concepts(folder: Path) -> dict[str, tuple[URIRef, str]]:
    """Folded Dutch label -> (concept IRI, its Dutch preferred label), over every preferred and
    alternative label."""
    graph = Graph().parse(folder / SCHEME_FILE, format="turtle")
    preferred = {s: str(o) for s, o in graph.subject_objects(SKOS.prefLabel) if getattr(o, "language", None) == "nl"}
    index: dict[str, tuple[URIRef, str]] = {}
    for predicate in (SKOS.prefLabel, SKOS.altLabel):
        for concept, label in graph.subject_objects(predicate):
            if getattr(label, "language", None) == "nl":
                index[name_key(str(label))] = (URIRef(concept), preferred[concept])
    return index


def concept(folder: Path, label: str) -> tuple[URIRef, str]:
    """The concept whose Dutch label is ``label``, with its preferred label."""
    try:
        return concepts(folder)[name_key(label)]
    except KeyError:
        raise UnknownAddressee(f"addressee {label!r} is no label of a concept in {folder / SCHEME_FILE}") from None
