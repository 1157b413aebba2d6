"""The data a map page carries: nodes, edges, facets and options as one JSON document.

Nodes get small integer ids (in IRI order) and edges are sorted, numbers are rounded and keys
sorted, so that the same graph always gives the same bytes. ``script_json`` makes the text safe
inside a ``<script type="application/json">`` element: no ``<``, ``>`` or ``&`` survives, so no
label or quote can close the element or open another one.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

import networkx as nx

from kg.maps.layout import positions
from kg.maps.layout_cache import LayoutCache
from kg.maps.options import vis_options
from kg.maps.style import background, kinds, relations, style

TIERS = {"person": 0, "organisation": 0, "theme": 1, "article": 2}
QUOTE_LIMIT = 600  # characters of one evidence quote kept in the page
_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_UNSAFE_CHARS = re.compile(f"[{re.escape(''.join(_UNSAFE))}]")  # one pass in C, not a Python step per character


def script_json(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return _UNSAFE_CHARS.sub(lambda match: _UNSAFE[match.group()], text)


def map_data(graph: nx.Graph, focus: str | None = None, seed: int = 7, layouts: LayoutCache | None = None) -> dict[str, Any]:
    """Everything the page script needs to draw ``graph`` (annotated per the kg.network contract).

    ``focus`` is the node a focused map is about: the page opens with it selected. A node's size
    grows with its links on this map (on the co-authorship map: its co-authors). ``layouts``: where
    earlier layouts are kept (a build's cache folder), if anywhere.
    """
    order = sorted(graph)
    index = {node: number for number, node in enumerate(order)}
    links = dict(graph.degree())
    top = max(links.values(), default=0)
    size = {node: _size(links[node], top) for node in order}
    where = (layouts.positions if layouts else positions)(graph, seed=seed, spacing=style()["spacing"], sizes=size)
    themes = sorted({label for node in order for label in graph.nodes[node].get("themes", [])})
    organisations = sorted({label for node in order for label in graph.nodes[node].get("organisations", [])})
    facet = {"themes": {label: i for i, label in enumerate(themes)}, "organisations": {label: i for i, label in enumerate(organisations)}}
    rank = {node: place for place, node in enumerate(sorted(order, key=lambda n: importance(graph.nodes[n], links[n], n)))}
    nodes = [_node(graph.nodes[node], node, index[node], where[node], rank[node], size[node], facet) | {"links": links[node]} for node in order]
    edges = sorted((min(index[u], index[v]), max(index[u], index[v]), graph.edges[u, v]) for u, v in graph.edges)
    heaviest = max((float(attrs.get("weight", 1.0)) for _, _, attrs in edges), default=1.0)
    drawn = [_edge(number, u, v, attrs, heaviest) for number, (u, v, attrs) in enumerate(edges)]
    return {
        "kinds": [{**kind, "count": sum(1 for n in nodes if n["kind"] == kind["kind"])} for kind in kinds()],
        "relations": [{**r, "count": sum(1 for e in drawn if e["relation"] == r["relation"])} for r in relations() if any(e["relation"] == r["relation"] for e in drawn)],
        "communities": style()["communities"],
        "faded": style()["faded"],
        "themes": themes,
        "organisations": organisations,
        "nodes": nodes,
        "edges": drawn,
        "options": vis_options(len(edges)),
        "focus": index.get(focus) if focus is not None else None,
    }


def importance(attrs: dict[str, Any], links: int, node: str) -> tuple[int, int, float, str, str]:
    """Label order for an analyst: persons and organisations first, then themes, then headlines, and
    last the organisations only named in passing (platforms, newspapers: background_organisations.txt);
    within each, the most linked first."""
    kind = str(attrs.get("kind", ""))
    label = str(attrs.get("label", ""))
    tier = 3 if kind == "organisation" and label.casefold() in background() else TIERS.get(kind, 2)
    return (tier, -links, -float(attrs.get("betweenness", 0.0)), label, node)


def _size(links: int, top: int) -> float:
    """Radius by links on the map, relative to the most linked node (area grows with links)."""
    bounds = style()["size"]
    share = math.sqrt(links / top) if top > 0 else 0.0
    return round(bounds["min"] + (bounds["max"] - bounds["min"]) * share, 1)


def _node(attrs: dict[str, Any], iri: str, number: int, xy: tuple[float, float], rank: int, size: float, facet: dict) -> dict[str, Any]:
    return {
        "id": number,
        "iri": iri,
        "kind": str(attrs.get("kind", "")),
        "label": str(attrs.get("label", "")) or iri,
        "info": str(attrs.get("info", "")),
        "aliases": [str(alias) for alias in attrs.get("aliases", [])],
        "source": str(attrs.get("source", "")),
        "x": xy[0],
        "y": xy[1],
        "size": size,
        "rank": rank,
        "themes": [facet["themes"][label] for label in attrs.get("themes", [])],
        "organisations": [facet["organisations"][label] for label in attrs.get("organisations", [])],
        "articles": int(attrs.get("articles", 0)),
        "degree": round(float(attrs.get("degree", 0.0)), 4),
        "betweenness": round(float(attrs.get("betweenness", 0.0)), 4),
        "community": int(attrs.get("community", 0)),
        "evidence": _evidence(attrs),
    }


def _edge(number: int, u: int, v: int, attrs: dict[str, Any], heaviest: float) -> dict[str, Any]:
    bounds = style()["edge"]
    weight = float(attrs.get("weight", 1.0))
    share = (weight - 1) / (heaviest - 1) if heaviest > 1 else 0.0
    named = sorted(str(r) for r in attrs.get("relations", []))
    order = [r["relation"] for r in relations()]
    return {
        "id": number,
        "from": u,
        "to": v,
        "relation": min(named, key=lambda r: order.index(r) if r in order else len(order), default=""),
        "relations": named,
        "weight": round(weight, 3),
        "width": round(bounds["min_width"] + (bounds["max_width"] - bounds["min_width"]) * share, 2),
        "evidence": _evidence(attrs),
    }


def _evidence(attrs: dict[str, Any]) -> list[dict[str, str]]:
    """Each quote with its article, publication and source file, and its page where the text
    was read from a PDF."""
    return [
        {
            "quote": _clip(str(item.get("quote", ""))),
            **{key: str(item.get(key, "")) for key in ("source", "article", "publication")},
            **({"page": str(item["page"])} if item.get("page") else {}),
        }
        for item in attrs.get("evidence", [])[:5]
    ]


def _clip(text: str) -> str:
    return text if len(text) <= QUOTE_LIMIT else text[: QUOTE_LIMIT - 1] + "…"
