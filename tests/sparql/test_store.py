"""The store's dataset: the default graph is the set of all graphs' triples; FROM and protocol graphs choose others."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.sparql.store import GraphFileError, SparqlStore

TWO_SOURCES = """
@prefix schema: <https://schema.org/> .
<urn:source:one> { <urn:person:anna> a schema:Person ; schema:name "Anna de Vries" . <urn:person:bram> schema:name "Bram Jansen" . }
<urn:source:two> { <urn:person:anna> a schema:Person ; schema:name "Anna de Vries" . }
"""
NAMES = "PREFIX schema: <https://schema.org/> SELECT ?name WHERE { ?p schema:name ?name } ORDER BY ?name"


def names(store: SparqlStore, query: str = NAMES, **dataset: list[str]) -> list[str]:
    return [row["name"].value for row in store.query(query, **dataset)]


@pytest.fixture
def graph(tmp_path: Path) -> Path:
    path = tmp_path / "kg.trig"
    path.write_text(TWO_SOURCES, encoding="utf-8")
    return path


def test_a_triple_stated_in_two_sources_answers_once(graph: Path) -> None:
    store = SparqlStore.open(graph)
    assert names(store) == ["Anna de Vries", "Bram Jansen"]
    per_graph = "PREFIX schema: <https://schema.org/> SELECT ?name WHERE { GRAPH ?g { ?p schema:name ?name } } ORDER BY ?name"
    assert names(store, per_graph) == ["Anna de Vries", "Anna de Vries", "Bram Jansen"]


def test_from_clauses_and_protocol_graphs_choose_the_dataset(graph: Path) -> None:
    store = SparqlStore.open(graph)
    assert names(store, NAMES.replace("WHERE", "FROM <urn:source:two> WHERE")) == ["Anna de Vries"]
    assert names(store, default_graphs=["urn:source:one"]) == ["Anna de Vries", "Bram Jansen"]
    assert names(store, NAMES.replace("WHERE", "FROM <urn:source:one> WHERE"), default_graphs=["urn:source:two"]) == ["Anna de Vries"]


def test_an_on_disk_store_is_merged_once_and_reopened_as_built(graph: Path, tmp_path: Path) -> None:
    first = SparqlStore.open(graph, tmp_path / "store")
    assert names(first) == ["Anna de Vries", "Bram Jansen"]
    size = len(first)
    del first
    reopened = SparqlStore.open(graph, tmp_path / "store")
    assert names(reopened) == ["Anna de Vries", "Bram Jansen"] and len(reopened) == size


def test_a_broken_graph_is_named(tmp_path: Path) -> None:
    broken = tmp_path / "broken.trig"
    broken.write_text("<urn:a> { <urn:s> <urn:p> ", encoding="utf-8")
    with pytest.raises(GraphFileError, match="broken.trig"):
        SparqlStore.open(broken)
