"""`kg push` into a real Virtuoso: every named graph arrives whole, and a push replaces only its own graph."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.cli import main
from kg.sparql.graphstore import read_graphs
from tests.utils.building import EXPORTS
from tests.utils.virtuoso import Virtuoso, require_virtuoso, running_virtuoso

SOURCE = "https://w3id.org/sociaal-kg/id/source/"
TWO_SOURCES = """\
@prefix schema: <https://schema.org/> .
@base <https://w3id.org/sociaal-kg/id/> .

<source/a> {
  <source/a> a schema:DigitalDocument ; schema:name "a.txt" .
  <person/1> a schema:Person ; schema:name "Anna de Vries" .
  <person/2> a schema:Person ; schema:name "Bram Jansen" .
}

<source/b> {
  <source/b> a schema:DigitalDocument ; schema:name "b.txt" .
  <person/3> a schema:Person ; schema:name "Chantal Bakker" ; schema:jobTitle "lector" .
}
"""


@pytest.fixture(scope="module")
def virtuoso() -> Iterator[Virtuoso]:
    with running_virtuoso(require_virtuoso()) as server:
        yield server


def push(graph: Path, endpoint: str, *options: str) -> int:
    return main(["push", "--endpoint", endpoint, "--graph", str(graph), *options])


def test_the_seed_graph_arrives_whole(virtuoso: Virtuoso, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    seed = EXPORTS / "kg.trig"
    monkeypatch.setenv("KG_PUSH_PASSWORD", "dba")
    assert push(seed, virtuoso.graph_store, "--user", "dba", "--auth", "digest") == 0
    graphs, _ = read_graphs(seed)
    printed = capsys.readouterr().out
    assert max(len(graph.triples) for graph in graphs) > 10_000  # beyond Virtuoso's ResultSetMaxRows: counted, not read back
    for graph in graphs:
        assert virtuoso.count(graph.iri) == len(set(graph.triples)), graph.name
        assert f"{graph.name}  <{graph.iri}>  {len(graph.triples):,} triples  HTTP 20" in printed


def test_pushing_one_source_again_replaces_that_graph_only(virtuoso: Virtuoso, tmp_path: Path) -> None:
    graph = tmp_path / "kg.trig"
    graph.write_text(TWO_SOURCES, encoding="utf-8")
    login = ("--user", "dba", "--password", "dba", "--auth", "digest")
    assert push(graph, virtuoso.graph_store, *login) == 0
    assert (virtuoso.count(SOURCE + "a"), virtuoso.count(SOURCE + "b")) == (6, 5)
    changed = TWO_SOURCES.replace('<person/2> a schema:Person ; schema:name "Bram Jansen" .', "").replace('"b.txt" .', '"b.txt" ; schema:about "wijkteams" .')
    graph.write_text(changed, encoding="utf-8")
    assert push(graph, virtuoso.graph_store, *login, "--only", "a.txt") == 0
    assert (virtuoso.count(SOURCE + "a"), virtuoso.count(SOURCE + "b")) == (4, 5)  # b.txt changed in the file too, but was not pushed


def test_a_wrong_password_stops_with_the_graph_and_the_status(virtuoso: Virtuoso, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    graph = tmp_path / "kg.trig"
    graph.write_text(TWO_SOURCES, encoding="utf-8")
    assert push(graph, virtuoso.graph_store, "--user", "dba", "--password", "wrong", "--auth", "digest") == 1
    error = capsys.readouterr().err
    assert f"a.txt <{SOURCE}a>" in error and "401" in error and "--password" in error


def test_an_unreachable_store_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    graph = tmp_path / "kg.trig"
    graph.write_text(TWO_SOURCES, encoding="utf-8")
    assert push(graph, "http://127.0.0.1:9/data") == 1
    assert "cannot connect to http://127.0.0.1:9/data" in capsys.readouterr().err


def test_dry_run_and_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    graph = tmp_path / "kg.trig"
    graph.write_text(TWO_SOURCES, encoding="utf-8")
    assert push(graph, "http://127.0.0.1:9/data", "--dry-run", "--only", "b") == 0
    assert capsys.readouterr().out.splitlines() == [f"b.txt  <{SOURCE}b>  5 triples (dry run: not sent)"]
    assert push(graph, "http://127.0.0.1:9/data", "--dry-run", "--only", "c.txt") == 2
    assert "no graph for c.txt; the file has: a.txt, b.txt" in capsys.readouterr().err
