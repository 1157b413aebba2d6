"""Benchmark the network maps: build time, size and first drawn frame, against pyvis's own path.

Synthetic graphs follow the analysis-graph contract (kg/network): articles, persons, organisations
and themes with labels, evidence, theme/organisation lists and metrics. Who appears in an article
is drawn with Zipf-like weights, so a few people, organisations and themes are hubs and most nodes
have one or two links, as in the seed corpus. For each size it measures:

- our overview map (kg.maps): build time, bytes (the page; the shared vis-network.min.js and map.js
  beside it are 0.49 MB more, once per folder), and the first frame drawn in headless Chromium
  (vis-network's first 'afterDrawing' event, milliseconds after navigation start, read in the page),
  and the time of one full redraw (what every pan or zoom step costs);
- pyvis 0.3.2's own path (Network.add_node/add_edge + generate_html with cdn_resources='in_line')
  at the same size: build time and bytes (its page is not opened: it needs the network, see docs/maps.md).

    python benchmarks/map_rendering.py [--sizes 500 5000]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

BASE = "https://w3id.org/sociaal-kg/id/"
REDRAW = "var n = kgMap.network, t = performance.now(); for (var i = 0; i < 5; i++) { n.redraw(); } return (performance.now() - t) / 5;"
QUOTE = "Volgens de onderzoekers werken gemeenten en zorgaanbieders in de wijk nog te weinig samen rond schulden."


def _pick(rng: random.Random, items: list[str], count: int) -> list[str]:
    """``count`` distinct items, the first ones far more often (weights 1/rank)."""
    weights = [1 / (rank + 1) for rank in range(len(items))]
    chosen: set[str] = set()
    while len(chosen) < min(count, len(items)):
        chosen.add(rng.choices(items, weights)[0])
    return sorted(chosen)


def _evidence(rng: random.Random, article: str) -> list[dict[str, str]]:
    return [{"quote": QUOTE[: rng.randint(40, len(QUOTE))], "source": f"{article[-4:]}.txt", "article": f"Kop van {article}"}]


def synthetic(size: int, seed: int = 1) -> nx.Graph:
    """A contract-shaped graph of about ``size`` nodes (20% articles, 45% persons, 30% organisations)."""
    rng = random.Random(seed)
    themes = [f"{BASE}theme/{i:03d}" for i in range(max(8, size // 60))]
    organisations = [f"{BASE}organisation/{i:05d}" for i in range(int(size * 0.30))]
    persons = [f"{BASE}person/{i:05d}" for i in range(int(size * 0.45))]
    articles = [f"{BASE}article/{i:05d}" for i in range(size - len(themes) - len(organisations) - len(persons))]
    graph = nx.Graph()
    for kind, nodes in (("theme", themes), ("organisation", organisations), ("person", persons), ("article", articles)):
        for node in nodes:
            graph.add_node(node, kind=kind, label=f"{kind.title()} {node.rsplit('/', 1)[1]}", info="", source="", evidence=[])

    def link(u: str, v: str, relation: str, article: str) -> None:
        graph.add_edge(u, v, relations=[relation], weight=1.0 + (relation == "about") * rng.random() * 2, evidence=_evidence(rng, article))

    for article in articles:
        graph.nodes[article].update(source=f"{article[-5:]}.txt", info="Movisies · interview", evidence=_evidence(rng, article))
        for person in _pick(rng, persons, rng.randint(1, 3)):
            link(article, person, "author", article)
        for person in _pick(rng, persons, rng.randint(0, 4)):
            if not graph.has_edge(article, person):
                link(article, person, "mentions", article)
        for organisation in _pick(rng, organisations, rng.randint(1, 4)):
            link(article, organisation, "mentions", article)
        for theme in _pick(rng, themes, rng.randint(1, 3)):
            link(article, theme, "about", article)
    for person in persons:
        if rng.random() < 0.6 or graph.degree(person) == 0:
            link(person, _pick(rng, organisations, 1)[0], "affiliation", rng.choice(articles))
    for organisation in organisations:
        if graph.degree(organisation) == 0 or rng.random() < 0.05:
            link(organisation, rng.choice(organisations[:20]), "parent", rng.choice(articles))
    graph.remove_edges_from(nx.selfloop_edges(graph))
    _annotate(graph, seed)
    return graph


def _annotate(graph: nx.Graph, seed: int) -> None:
    """The contract's derived attributes: themes, organisations, articles, degree, betweenness, community."""
    label = nx.get_node_attributes(graph, "label")
    for node, data in graph.nodes(data=True):
        near = [n for n in graph[node] if graph.nodes[n]["kind"] == "article"] or [node]
        reach = set(near) | {m for n in near for m in graph[n]} | {node}
        data["themes"] = sorted({label[m] for m in reach if graph.nodes[m]["kind"] == "theme"})
        data["organisations"] = sorted({label[m] for m in reach if graph.nodes[m]["kind"] == "organisation"})
        data["articles"] = 1 if data["kind"] == "article" else len(near)
    degree = nx.degree_centrality(graph)
    between = nx.betweenness_centrality(graph, k=min(len(graph), 64), seed=seed)
    for index, community in enumerate(nx.community.louvain_communities(graph, seed=seed)):
        for node in community:
            graph.nodes[node].update(degree=degree[node], betweenness=between[node], community=index)


def ours(graph: nx.Graph, folder: Path) -> tuple[float, Path]:
    """Seconds to build the overview map; the page written to ``folder``."""
    from kg.maps.page import shared_files
    from kg.maps.render import overview, render

    started = time.perf_counter()
    html = render(overview(graph), "benchmark")
    elapsed = time.perf_counter() - started
    page = folder / f"overview-{len(graph)}.html"
    page.write_bytes(html)
    for name, data in shared_files().items():  # the scripts every map loads from its own folder
        (folder / name).write_bytes(data)
    return elapsed, page


def pyvis_path(graph: nx.Graph) -> tuple[float, int]:
    """pyvis's own way: add_node/add_edge one by one, then generate_html with vis inlined."""
    from pyvis.network import Network

    started = time.perf_counter()
    network = Network(cdn_resources="in_line")
    network.toggle_physics(False)
    for node, data in sorted(graph.nodes(data=True)):
        network.add_node(node, label=data["label"], title=data["info"] or data["label"])
    for u, v in sorted(graph.edges):
        network.add_edge(u, v)
    html = network.generate_html()
    return time.perf_counter() - started, len(html.encode("utf-8"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 5000])
    args = parser.parse_args()
    from tests.utils.browser import missing, offline_chromium, open_map

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            graph = synthetic(size)
            build, page = ours(graph, Path(tmp))
            pyvis_build, pyvis_bytes = pyvis_path(graph)
            rows.append([size, graph.number_of_edges(), build, page.stat().st_size, page, pyvis_build, pyvis_bytes])
        reason = missing()
        if reason is None:
            with offline_chromium() as driver:
                for row in rows:
                    row[4] = (open_map(driver, row[4], timeout=300), driver.execute_script(REDRAW))
        else:
            print(f"first frame not measured: {reason}", file=sys.stderr)
    print("| nodes | edges | build (ms) | size (bytes) | first frame (ms) | redraw (ms) | pyvis build (ms) | pyvis size (bytes) |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for size, edges, build, size_bytes, frame, pyvis_build, pyvis_bytes in rows:
        first, redraw = (f"{frame[0]:,.0f}", f"{frame[1]:,.0f}") if isinstance(frame, tuple) else ("n/a", "n/a")
        print(f"| {size:,} | {edges:,} | {build * 1000:,.0f} | {size_bytes:,} | {first} | {redraw} | {pyvis_build * 1000:,.0f} | {pyvis_bytes:,} |")


if __name__ == "__main__":
    main()
