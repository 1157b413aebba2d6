"""The addressee scheme ontology/addressees.ttl against the labels extraction gives addressees
(kg/data/addressees.tsv): every label is a label of exactly one concept."""

from __future__ import annotations

from collections import Counter

from rdflib import Graph
from rdflib.namespace import SKOS

from kg.data import word_list
from kg.paths import ontology_dir
from kg.rdf.addressees import SCHEME_FILE, concept
from kg.rdf.iris import name_key
from kg.rdf.namespaces import KGA


def _extracted_labels() -> set[str]:
    labels = {row.split("\t")[1].strip() for row in word_list("addressees.tsv")}
    return labels - {"*"} | {"wij"}  # "*": the pronoun rule, which gives "wij" or the group named beside it


def test_every_label_extraction_gives_is_one_concept() -> None:
    assert all(concept(ontology_dir(), label) for label in _extracted_labels())


def test_no_label_belongs_to_two_concepts() -> None:
    graph = Graph().parse(ontology_dir() / SCHEME_FILE, format="turtle")
    labels = Counter(name_key(str(o)) for p in (SKOS.prefLabel, SKOS.altLabel) for _, o in graph.subject_objects(p) if o.language == "nl")
    assert [label for label, n in labels.items() if n > 1] == []


def test_singular_and_plural_are_one_addressee_named_by_its_preferred_label() -> None:
    assert concept(ontology_dir(), "gemeente") == concept(ontology_dir(), "Gemeenten") == (KGA["gemeenten"], "gemeenten")
