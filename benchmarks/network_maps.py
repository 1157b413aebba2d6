"""Benchmark what a build does after the parts are merged: the network analysis, the GraphML and
GEXF files, and the maps, on the seeds.

The seeds are read, extracted and made into parts once, into a temporary cache folder (progress on
stderr); then, in this process, best of ``--repeat`` runs, wall and CPU seconds of:

- network: ``stages.analyse_network`` (the projection read from the parts, the network, its metrics);
- exchange: ``network.graphml`` and ``network.gexf``;
- maps, laid out: every map and the index, each map laid out (a cold build, or ``--force``);
- maps, layouts cached: the same with every layout in the cache folder (a rebuild in which no
  map's subgraph changed; kg.maps.layout_cache).

CPU seconds are steadier than wall seconds on a shared machine. ``--profile`` prints the top of a
cProfile of one network + exchange + maps pass with cached layouts.

    python benchmarks/network_maps.py [--repeat 5] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg import stages  # noqa: E402
from kg.build import MAP_TITLE, BuildOptions, _ingest  # noqa: E402
from kg.extraction import Extractions  # noqa: E402
from kg.maps import render_maps  # noqa: E402
from kg.maps.layout_cache import LayoutCache  # noqa: E402
from kg.network.exchange import exchange_files  # noqa: E402
from kg.progress import PlainReporter  # noqa: E402
from kg.rdf.provenance import build_time  # noqa: E402
from kg.workers import Workers  # noqa: E402


def best(work: Callable[[], object], repeat: int) -> tuple[float, float]:
    """The least wall and the least CPU seconds of ``repeat`` runs of ``work``."""
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        work()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return min(walls), min(cpus)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        options = BuildOptions(sources=[ROOT / "seeds"], out=Path(tmp) / "out", cache_dir=Path(tmp) / "cache")
        report = PlainReporter()
        sources, _, _ = _ingest(options, report)
        started = build_time()
        with Workers(options.jobs) as workers:
            extractions = Extractions(sources, options, report, workers).results()
            shared = stages.Shared(started, parts_to_make=True)
            parts = stages.assemble(sources, extractions, shared, options, report, workers)
        graphs = shared.graphs
        network, _ = stages.analyse_network(dict(graphs), parts)
        layouts = LayoutCache(options.cache_dir)
        render_maps(network, MAP_TITLE, layouts=layouts)  # every layout in the cache
        rows = [
            ("network", best(lambda: stages.analyse_network(dict(graphs), parts), args.repeat)),
            ("exchange", best(lambda: exchange_files(network, started[:10]), args.repeat)),
            ("maps, laid out", best(lambda: render_maps(network, MAP_TITLE), args.repeat)),
            ("maps, layouts cached", best(lambda: render_maps(network, MAP_TITLE, layouts=layouts), args.repeat)),
        ]
        print(f"seeds: {network.number_of_nodes()} nodes, {network.number_of_edges()} edges; best of {args.repeat}")
        print(f"{'step':<24}{'wall s':>8}{'CPU s':>8}")
        for name, (wall, cpu) in rows:
            print(f"{name:<24}{wall:>8.3f}{cpu:>8.3f}")
        if args.profile:
            def everything() -> None:
                analysed, _ = stages.analyse_network(dict(graphs), parts)
                exchange_files(analysed, started[:10])
                render_maps(analysed, MAP_TITLE, layouts=layouts)

            profile = cProfile.Profile()
            profile.runcall(everything)
            pstats.Stats(profile, stream=sys.stdout).sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    main()
