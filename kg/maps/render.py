"""Which maps are drawn, and ``render_maps``: the whole set as files for ``kg build``.

Focused maps are drawn for the ``limit`` most connected themes and organisations; every other one
is reachable from the index, as a link that opens the overview focused on it (``#node=…``), and
``kg view`` draws its own map on demand.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from kg.maps.layout_cache import LayoutCache
from kg.maps.page import Entry, Reachable, render_index, render_map, shared_files
from kg.maps.payload import map_data
from kg.maps.select import address, organisation_graph, ranked, slug, theme_graph

DEFAULT_LIMIT = 8


@dataclass(frozen=True)
class MapSpec:
    """One map: its file name, heading, one-line description, the graph it draws and the node it is about."""

    file: str
    title: str
    description: str
    graph: nx.Graph
    focus: str | None = None


def overview(network: nx.Graph) -> MapSpec:
    return MapSpec("overview.html", "Overview", "All articles, persons, organisations and themes, and how they are linked.", network)


def coauthors(network: nx.Graph) -> MapSpec:
    from kg.network.projections import coauthorship

    text = "Persons who wrote an article together; a line's weight is the number of shared articles."
    return MapSpec("coauthors.html", "Co-authorship", text, coauthorship(network))


def theme_map(network: nx.Graph, theme: str, name: str | None = None) -> MapSpec:
    label = network.nodes[theme]["label"]
    text = f"The articles about {label}, and the persons and organisations that appear in them."
    return MapSpec(f"theme-{name or slug(label)}.html", f"Theme: {label}", text, theme_graph(network, theme), theme)


def organisation_map(network: nx.Graph, organisation: str, name: str | None = None) -> MapSpec:
    label = network.nodes[organisation]["label"]
    ego = organisation_graph(network, organisation)
    text = f"Everything within two steps of {label}: its people, the articles it appears in, and who and what else is in them."
    if ego.graph["omitted"]:
        text += f" Of what is two steps away, the {ego.graph['omitted']} nodes least tied to it are left out."
    return MapSpec(f"organisation-{name or slug(label)}.html", f"Organisation: {label}", text, ego, organisation)


def plan(network: nx.Graph, limit: int = DEFAULT_LIMIT) -> list[MapSpec]:
    """The overview, co-authorship, and focused maps for the ``limit`` most connected themes and organisations."""
    specs = [overview(network), coauthors(network)]
    for kind, make in (("theme", theme_map), ("organisation", organisation_map)):
        for node, name in _names(network, ranked(network, kind)[:limit]):
            specs.append(make(network, node, name))
    return specs


def render(spec: MapSpec, title: str, index_link: bool = True, layouts: LayoutCache | None = None) -> bytes:
    return render_map(map_data(spec.graph, spec.focus, layouts=layouts), f"{spec.title} — {title}", spec.description, index_link)


def render_maps(network: nx.Graph, title: str, *, limit: int = DEFAULT_LIMIT, layouts: LayoutCache | None = None) -> dict[str, bytes]:
    """Relative path -> bytes of every map and of maps/index.html; the same graph gives the same
    bytes (with ``layouts`` or without: see kg.maps.layout_cache)."""
    specs = plan(network, limit)
    files = {f"maps/{spec.file}": render(spec, title, layouts=layouts) for spec in specs}
    entries = [Entry(spec.file, spec.title, spec.description, spec.graph.number_of_nodes(), spec.graph.number_of_edges()) for spec in specs]
    reachable = [
        Reachable(kind, network.nodes[node]["label"], address(node), int(network.nodes[node].get("articles", 0)))
        for kind in ("theme", "organisation")
        for node in sorted((n for n, k in network.nodes(data="kind") if k == kind), key=lambda n: (network.nodes[n]["label"].casefold(), n))
    ]
    files["maps/index.html"] = render_index(title, entries, reachable)
    files.update({f"maps/{name}": data for name, data in shared_files().items()})
    return files


def _names(network: nx.Graph, nodes: list[str]) -> list[tuple[str, str]]:
    """Each node with a file-name slug, numbered where two labels give the same slug."""
    taken: set[str] = set()
    named = []
    for node in nodes:
        base = name = slug(network.nodes[node]["label"])
        number = 1
        while name in taken:
            number += 1
            name = f"{base}-{number}"
        taken.add(name)
        named.append((node, name))
    return named
