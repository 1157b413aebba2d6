"""Layouts kept between builds (kg.maps.layout_cache): reused where a map's subgraph is unchanged, the
bytes of every page those of a build without the cache."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

import kg.maps.layout_cache
from kg.maps import render_maps
from kg.maps.layout import inputs, positions
from kg.maps.layout_cache import LayoutCache
from kg.maps.pieces import PIECE_LIMIT
from kg.maps.render import plan
from kg.network.metrics import annotate
from tests.maps.graphs import BASE, network

TITLE = "Sociaal domein"


@pytest.fixture
def laid_out(monkeypatch: pytest.MonkeyPatch) -> list[frozenset[str]]:
    """The node sets of the graphs the cache lays out (on a miss)."""
    graphs: list[frozenset[str]] = []

    def spy(graph: nx.Graph, *args: object, **kwargs: object) -> dict[str, tuple[float, float]]:
        graphs.append(frozenset(graph))
        return positions(graph, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(kg.maps.layout_cache, "positions", spy)
    return graphs


def _with_a_new_article(graph: nx.Graph) -> nx.Graph:
    """``graph`` and an article by Anna about Wonen, its metrics computed again (every node's change)."""
    changed = graph.copy()
    article = f"{BASE}article/a3"
    changed.add_node(article, kind="article", label="Een derde stuk", info="", source="a3.txt", evidence=[], themes=["Wonen"], organisations=[], articles=1)
    changed.add_edge(article, f"{BASE}person/anna", relations=["author"], weight=1.0, evidence=[])
    changed.add_edge(article, "https://w3id.org/sociaal-kg/theme/wonen", relations=["about"], weight=2.5, evidence=[])
    return annotate(changed)


def test_a_rebuild_lays_out_only_the_maps_whose_subgraph_changed_and_writes_the_bytes_of_one_without_cache(tmp_path: Path, laid_out: list[frozenset[str]]) -> None:
    cache = LayoutCache(tmp_path)
    before = network()
    assert render_maps(before, TITLE, limit=8, layouts=cache) == render_maps(before, TITLE, limit=8)
    maps = {frozenset(spec.graph) for spec in plan(before, 8)}
    assert set(laid_out) == maps
    laid_out.clear()

    after = _with_a_new_article(before)
    assert render_maps(after, TITLE, limit=8, layouts=cache) == render_maps(after, TITLE, limit=8)
    changed = {frozenset(spec.graph) for spec in plan(after, 8)} - maps
    assert set(laid_out) == changed
    assert 0 < len(changed) < len(maps)  # the overview and Wonen's map changed, Hogeschool Utrecht's did not


def test_what_a_layout_reads_is_its_key(tmp_path: Path) -> None:
    graph = network()
    sizes = dict.fromkeys(graph, 10.0)
    metrics = graph.copy()
    for _, data in metrics.nodes(data=True):
        data.update(betweenness=0.5, label="another", community=99)  # not read by the layout of a small graph
    assert inputs(metrics, sizes=sizes) == inputs(graph, sizes=sizes)
    heavier = graph.copy()
    heavier.edges[next(iter(heavier.edges))]["weight"] = 9.0
    assert inputs(heavier, sizes=sizes) != inputs(graph, sizes=sizes)
    assert inputs(graph, sizes=sizes | {next(iter(graph)): 20.0}) != inputs(graph, sizes=sizes)
    assert inputs(graph, seed=8, sizes=sizes) != inputs(graph, sizes=sizes)
    large = nx.path_graph(PIECE_LIMIT + 1)
    renumbered = large.copy()
    nx.set_node_attributes(renumbered, 1, "community")
    assert inputs(renumbered) != inputs(large)  # a large graph is cut along its communities


def test_an_unreadable_entry_is_laid_out_again_and_replaced(tmp_path: Path, laid_out: list[frozenset[str]]) -> None:
    graph = network()
    cache = LayoutCache(tmp_path)
    expected = cache.positions(graph)
    (entry,) = (tmp_path / "layouts").rglob("*.json")
    entry.write_text("[[", encoding="utf-8")
    assert cache.positions(graph) == expected == positions(graph)
    assert len(laid_out) == 2
    assert cache.positions(graph) == expected and len(laid_out) == 2  # read from the rewritten entry


def test_a_cache_folder_that_cannot_be_written_only_costs_the_layout(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("", encoding="utf-8")  # the cache folder would be below a file
    assert LayoutCache(blocked).positions(network()) == positions(network())
