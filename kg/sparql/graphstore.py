"""A SPARQL 1.1 Graph Store HTTP Protocol client: replace a store's named graphs with a TriG file's, one PUT each.

``PUT ENDPOINT?graph=IRI`` (indirect graph identification) replaces that graph and only that graph, so
one source's facts can be reloaded without touching the others. Works with Virtuoso
(``/sparql-graph-crud-auth``), Fuseki (``/DATASET/data``), GraphDB (``/repositories/REPO/rdf-graphs/service``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
import requests

SCHEMA_NAME = ox.NamedNode("https://schema.org/name")
NTRIPLES = "application/n-triples"
TIMEOUT = 600.0
"""Seconds to wait for a store to take one graph."""


class PushError(Exception):
    """A graph could not be read or stored; the message says which, and what the server said."""


@dataclass
class NamedGraph:
    """One named graph of the file; ``name`` is its source file's name, or the IRI's last segment."""

    iri: str
    name: str
    triples: list[ox.Triple] = field(default_factory=list)


def read_graphs(path: Path) -> tuple[list[NamedGraph], int]:
    """The IRI-named graphs of a TriG or N-Quads file in file order, and how many triples are in none (not pushed)."""
    kind = {".trig": ox.RdfFormat.TRIG, ".nq": ox.RdfFormat.N_QUADS}.get(path.suffix.lower())
    if kind is None or not path.is_file():
        raise PushError(f"{path}: expected an existing .trig or .nq file (one named graph per source)")
    graphs: dict[str, NamedGraph] = {}
    unnamed = 0
    try:
        for quad in ox.parse(path=str(path), format=kind):
            if not isinstance(quad.graph_name, ox.NamedNode):
                unnamed += 1
                continue
            iri = quad.graph_name.value
            graph = graphs.setdefault(iri, NamedGraph(iri, iri.rstrip("/").rsplit("/", 1)[-1]))
            graph.triples.append(quad.triple)
            if quad.subject == quad.graph_name and quad.predicate == SCHEMA_NAME and isinstance(quad.object, ox.Literal):
                graph.name = quad.object.value
    except (SyntaxError, OSError) as error:
        raise PushError(f"{path}: cannot read: {error}") from error
    return list(graphs.values()), unnamed


def select(graphs: list[NamedGraph], only: Iterable[str]) -> list[NamedGraph]:
    """The graphs named in ``only`` (a source file name, a graph IRI or its last segment); all if empty."""
    wanted = set(only)
    if not wanted:
        return graphs
    chosen = [g for g in graphs if wanted & {g.name, g.iri, g.iri.rsplit("/", 1)[-1]}]
    found = {key for g in chosen for key in (g.name, g.iri, g.iri.rsplit("/", 1)[-1])}
    if unknown := sorted(wanted - found):
        raise PushError(f"no graph for {', '.join(unknown)}; the file has: {', '.join(g.name for g in graphs)}")
    return chosen


def put_graph(session: requests.Session, endpoint: str, graph: NamedGraph) -> int:
    """Replace ``graph`` in the store; the HTTP status, or PushError naming the graph and the server's answer."""
    body = ox.serialize(graph.triples, format=ox.RdfFormat.N_TRIPLES)
    try:
        response = session.put(endpoint, params={"graph": graph.iri}, data=body, headers={"Content-Type": NTRIPLES}, timeout=TIMEOUT)
    except requests.ConnectionError as error:
        raise PushError(f"{graph.name} <{graph.iri}>: cannot connect to {endpoint}: {_reason(error)}") from error
    except requests.RequestException as error:
        raise PushError(f"{graph.name} <{graph.iri}>: no answer from {endpoint}: {error}") from error
    if response.status_code >= 400:
        hint = " (check --user, --password and --auth)" if response.status_code in (401, 403) else ""
        message = " ".join(response.text.split())[:500] or "(no message)"
        raise PushError(f"{graph.name} <{graph.iri}>: {endpoint} answered {response.status_code} {response.reason}{hint}: {message}")
    return response.status_code


def _reason(error: requests.ConnectionError) -> str:
    """The operating system's words (``[Errno 111] Connection refused``) rather than urllib3's whole chain."""
    match = re.search(r"\[Errno[^\]]*\][^\"')]*", str(error))
    return match.group(0).strip() if match else str(error)
