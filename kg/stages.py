"""The stages of a build after extraction (`kg/extraction.py`), in the order `kg.build` runs them:
each source's part (its RDF, validated and serialised: `kg/parts.py`), network analysis and the
validation of its metrics, the exports.

They live apart from `kg.build` so that a build with nothing to do does not load pySHACL or
networkx, and apart from extraction so that a build's workers load spaCy while the building
process loads these.
"""

from __future__ import annotations

from collections.abc import Iterator

import networkx as nx
from rdflib import RDF, XSD, Graph, Literal, URIRef

from kg.build import NONCONFORMING, BuildError, BuildOptions, InputError
from kg.ingest import Source
from kg.maps import render_maps
from kg.maps.layout_cache import LayoutCache
from kg.model import Extraction
from kg.network import analyse
from kg.network.evidence import EvidenceIndex
from kg.network.exchange import exchange_files
from kg.network.to_rdf import metric_triples
from kg.nlp.gazetteer import Gazetteer
from kg.output import Content
from kg.parts import PLACEHOLDER_STARTED, Context, Part, PartStore, make_part
from kg.paths import ontology_dir
from kg.progress import Reporter
from kg.rdf import iris
from kg.rdf.addressees import SCHEME_FILE
from kg.rdf.export import Count, render
from kg.rdf.namespaces import KGS
from kg.rdf.provenance import activity_node, write_activity
from kg.rdf.shacl_engines import data_text
from kg.rdf.validate import Part as CheckedPart
from kg.rdf.validate import Validation, validate
from kg.rdf.validated import ValidatedGraphs
from kg.resolve import resolver
from kg.uptodate import code
from kg.extraction import completed, largest_first, on_cluster
from kg.workers import Workers


class Shared:
    """The graphs every source refers to (the build activity, the ontology, the thesaurus and the
    addressees), and what a source's graph is validated with: read while the workers extract."""

    def __init__(self, started: str, parts_to_make: bool) -> None:
        folder = ontology_dir()
        self.started = started
        self.graphs = {iri: Graph(identifier=iri) for iri in (iris.GRAPH_BUILD, iris.GRAPH_ONTOLOGY, iris.GRAPH_THESAURUS, iris.GRAPH_ADDRESSEES)}
        write_activity(self.graphs[iris.GRAPH_BUILD], started)
        self.graphs[iris.GRAPH_ONTOLOGY].parse(folder / "kg.ttl", format="turtle")
        self.graphs[iris.GRAPH_THESAURUS].parse(folder / "themes.ttl", format="turtle")
        self.graphs[iris.GRAPH_ADDRESSEES].parse(folder / SCHEME_FILE, format="turtle")
        self._checked_with = self._data_text() if parts_to_make else None

    @property
    def checked_with(self) -> str:
        """What a source's graph is validated with, as N-Triples: the graphs it refers to (the
        activity as parts name it) and the ontology; made here when first needed."""
        if self._checked_with is None:
            self._checked_with = self._data_text()
        return self._checked_with

    def _data_text(self) -> str:
        placeholder = Graph()
        write_activity(placeholder, PLACEHOLDER_STARTED)
        return data_text(str(ontology_dir()), list(placeholder) + list(self.graphs[iris.GRAPH_THESAURUS]) + list(self.graphs[iris.GRAPH_ADDRESSEES]))


def assemble(sources: list[Source], extractions: list[Extraction], shared: Shared, options: BuildOptions, report: Reporter, workers: Workers) -> list[Part]:
    """Every source's part (`kg/parts.py`): a source whose part is cached and whose names the
    corpus resolves as before is not written or validated again; the others are made as extraction
    is (here, in ``--jobs`` processes or on the cluster), one graph at a time per process, each
    validated (SHACL, with the graphs it refers to) and dropped once serialised."""
    names = resolver(extractions, Gazetteer.load(ontology_dir() / "organisations.tsv"))
    store = PartStore(options.cache_dir, code(), options.validator)
    parts = {source.name: None if options.force else store.get(source, names) for source in sources}
    todo = [(source, extraction) for source, extraction in zip(sources, extractions) if parts[source.name] is None]
    failed: list[Validation] = []
    if todo:
        context = Context(names, shared.checked_with, str(ontology_dir()), options.validator)
        report.start(len(todo))
        for source, made in _make_parts(todo, context, options, workers):
            report.advance()
            report.stage(source.name, "RDF written and validated")
            if isinstance(made, Validation):
                failed.append(made)
            else:
                parts[source.name] = store.put(source, made)
    if failed:
        raise BuildError(NONCONFORMING + "\n".join(v.report for v in failed))
    store.remove_unused()
    return [part for part in parts.values() if part is not None]


def _make_parts(todo: list[tuple[Source, Extraction]], context: Context, options: BuildOptions, workers: Workers) -> Iterator[tuple[Source, dict[str, bytes] | Validation]]:
    if options.scheduler:
        from kg.cluster import parts_on

        yield from on_cluster(options.scheduler, lambda client: parts_on(client, todo, context))
    elif options.jobs > 1 and len(todo) > 1:
        extraction_of = {source.name: extraction for source, extraction in todo}
        sources = largest_first([source for source, _ in todo])
        yield from completed({workers.pool.submit(make_part, s, extraction_of[s.name], context): s for s in sources})
    else:
        yield from ((source, make_part(source, extraction, context)) for source, extraction in todo)


def analyse_network(shared: dict[URIRef, Graph], parts: list[Part]) -> tuple[nx.Graph, Graph]:
    """The network with its metrics, read from the parts' projections and evidence digests (not
    from a merged graph); the metrics become the shared graph ``GRAPH_ANALYSIS``. Returns the
    network and the projected graph it was read from."""
    projected = Graph()
    for graph in shared.values():
        for triple in graph:
            projected.add(triple)
    digests = []
    for part in parts:
        triples, digest = part.network()
        for triple in triples:
            projected.add(triple)
        digests.append(digest)
    network = analyse(projected, EvidenceIndex(digests))
    metrics = shared[iris.GRAPH_ANALYSIS] = Graph(identifier=iris.GRAPH_ANALYSIS)
    for triple in metric_triples(network):
        metrics.add(triple)
    return network, projected


def check(shared: dict[URIRef, Graph], projected: Graph, started: str, options: BuildOptions) -> Validation:
    """SHACL of the network metrics, with the types of the nodes they describe (the sources' graphs
    were validated as their parts were made)."""
    metrics = list(shared[iris.GRAPH_ANALYSIS])
    types = [(node, RDF.type, kind) for node in {s for s, _, _ in metrics} for kind in projected.objects(node, RDF.type)]
    context = list(shared[iris.GRAPH_BUILD]) + list(shared[iris.GRAPH_THESAURUS]) + list(shared[iris.GRAPH_ADDRESSEES])
    volatile = {activity_node(started), Literal(started, datatype=XSD.dateTime)}  # differ per build, check the same
    validated = None if options.force else ValidatedGraphs(options.cache_dir, ontology_dir(), volatile, options.validator)
    return validate([CheckedPart(metrics + types, (str(KGS.NetworkNodeShape),))], context, ontology_dir(), options.jobs, validated, options.validator)


def render_files(shared: dict[URIRef, Graph], parts: list[Part], network: nx.Graph, started: str, title: str, count: Count, options: BuildOptions) -> dict[str, Content]:
    """Every export by its name in the output folder: the RDF files, the network files, the maps
    (laid out again only where the cache folder holds no layout of the same subgraph, or ``--force``)."""
    layouts = None if options.force else LayoutCache(options.cache_dir)
    return render(shared, parts, activity_node(started), count, options.nquads) | exchange_files(network, started[:10]) | render_maps(network, title, layouts=layouts)
