"""Map layouts kept in the build's cache folder, keyed by what the layout reads (`layout.inputs`).

Laying out is most of what drawing a map costs, and a map's layout depends only on its own nodes,
edges, weights and drawn sizes. When one source of many changes, most focused maps keep their
subgraph (their metrics and quotes may change, which the layout does not read), so a rebuild lays
out again only the maps whose shape changed. The key also hashes the package's code and the
libraries' versions (`kg.uptodate.code`): an edited layout or another numpy does not reuse an old
layout. An entry that cannot be read is a miss; one that cannot be written costs a layout later.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import networkx as nx

from kg.cache import write_whole
from kg.maps.layout import Position, inputs, positions
from kg.uptodate import code


class LayoutCache:
    def __init__(self, cache_dir: Path) -> None:
        self.folder = cache_dir / "layouts"

    def positions(self, graph: nx.Graph, seed: int = 7, spacing: float = 38.0, sizes: dict[str, float] | None = None) -> dict[str, Position]:
        """``layout.positions`` of ``graph``, from the cache when an earlier build laid out the same."""
        key = hashlib.sha256(f"{code()}\n{inputs(graph, seed, spacing, sizes)}".encode("utf-8", "surrogatepass")).hexdigest()
        path = self.folder / key[:2] / f"{key}.json"
        try:
            return {node: (float(x), float(y)) for node, x, y in json.loads(path.read_text(encoding="utf-8"))}
        except (OSError, ValueError, TypeError):
            pass
        where = positions(graph, seed, spacing, sizes)
        write_whole(path, json.dumps([[node, x, y] for node, (x, y) in where.items()], ensure_ascii=False).encode("utf-8"))
        return where
