"""The stages of a build that do the work, in the order `kg.build` runs them: extraction (with its
cache), each source's part (its RDF, validated and serialised: `kg/parts.py`), network analysis
and the validation of its metrics, the exports.

They live apart from `kg.build` so that a build with nothing to do does not load spaCy,
pySHACL or networkx.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from itertools import repeat
from typing import Any, TypeVar

import networkx as nx
from rdflib import RDF, XSD, Graph, Literal, URIRef

from kg.build import NONCONFORMING, BuildError, BuildOptions, InputError
from kg.cache import ExtractionCache
from kg.extract.source import extract
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
from kg.cluster import extract_on, parts_on
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
from kg.workers import pool

T = TypeVar("T")

def extract_all(sources: list[Source], options: BuildOptions, report: Reporter) -> tuple[list[Extraction], int]:
    cache = ExtractionCache(options.cache_dir)
    results: dict[str, Extraction] = {}
    todo: list[Source] = []
    for source in sources:
        hit = None if options.force else cache.get(source.sha256, source.name)
        if hit is not None:
            report.stage(source.name, "cached")
            report.advance()
            results[source.name] = hit
        else:
            todo.append(source)
    cached = len(results)
    if options.scheduler and todo:
        for source, extraction in _on_cluster(options.scheduler, lambda client: extract_on(client, todo)):
            report.stage(source.name, "extracted on the cluster")
            report.advance()
            results[source.name] = extraction
            cache.put(extraction)
    elif options.jobs > 1 and len(todo) > 1:
        with pool(options.jobs) as workers:
            for source, extraction in zip(todo, workers.map(extract, todo)):
                report.stage(source.name, "extracted")
                report.advance()
                results[source.name] = extraction
                cache.put(extraction)
    else:
        for source in todo:
            report.stage(source.name, "extracting")
            extraction = extract(source)
            report.advance()
            results[source.name] = extraction
            cache.put(extraction)
    return [results[s.name] for s in sources], cached


def _on_cluster(address: str, work: Callable[[Any], Iterator[T]]) -> Iterator[T]:
    """What ``work`` yields with a client of the scheduler at ``address``, its errors the build's."""
    from kg.cluster import ClusterError, connect

    try:
        with connect(address) as client:
            yield from work(client)
    except ClusterError as error:
        raise (InputError if error.exit_code == 2 else BuildError)(str(error)) from None


def _shared(started: str) -> dict[URIRef, Graph]:
    """The graphs every source refers to: the build activity, the ontology, the thesaurus and the addressees."""
    folder = ontology_dir()
    shared = {iri: Graph(identifier=iri) for iri in (iris.GRAPH_BUILD, iris.GRAPH_ONTOLOGY, iris.GRAPH_THESAURUS, iris.GRAPH_ADDRESSEES)}
    write_activity(shared[iris.GRAPH_BUILD], started)
    shared[iris.GRAPH_ONTOLOGY].parse(folder / "kg.ttl", format="turtle")
    shared[iris.GRAPH_THESAURUS].parse(folder / "themes.ttl", format="turtle")
    shared[iris.GRAPH_ADDRESSEES].parse(folder / SCHEME_FILE, format="turtle")
    return shared


def _checked_with(shared: dict[URIRef, Graph]) -> str:
    """What a source's graph is validated with, as N-Triples: the graphs it refers to (the activity
    as parts name it) and the ontology."""
    placeholder = Graph()
    write_activity(placeholder, PLACEHOLDER_STARTED)
    return data_text(str(ontology_dir()), list(placeholder) + list(shared[iris.GRAPH_THESAURUS]) + list(shared[iris.GRAPH_ADDRESSEES]))


def assemble(sources: list[Source], extractions: list[Extraction], started: str, options: BuildOptions, report: Reporter) -> tuple[dict[URIRef, Graph], list[Part]]:
    """The shared graphs and every source's part (`kg/parts.py`): a source whose part is cached and
    whose names the corpus resolves as before is not written or validated again; the others are
    made as extraction is (here, in ``--jobs`` processes or on the cluster), one graph at a time per
    process, each validated (SHACL, with the graphs it refers to) and dropped once serialised."""
    shared = _shared(started)
    names = resolver(extractions, Gazetteer.load(ontology_dir() / "organisations.tsv"))
    store = PartStore(options.cache_dir, code(), options.validator)
    parts = {source.name: None if options.force else store.get(source, names) for source in sources}
    todo = [(source, extraction) for source, extraction in zip(sources, extractions) if parts[source.name] is None]
    failed: list[Validation] = []
    if todo:
        context = Context(names, _checked_with(shared), str(ontology_dir()), options.validator)
        report.start(len(todo))
        for source, made in _make_parts(todo, context, options):
            report.advance()
            report.stage(source.name, "RDF written and validated")
            if isinstance(made, Validation):
                failed.append(made)
            else:
                parts[source.name] = store.put(source, made)
    if failed:
        raise BuildError(NONCONFORMING + "\n".join(v.report for v in failed))
    return shared, [part for part in parts.values() if part is not None]


def _make_parts(todo: list[tuple[Source, Extraction]], context: Context, options: BuildOptions) -> Iterator[tuple[Source, dict[str, bytes] | Validation]]:
    sources, extractions = [s for s, _ in todo], [e for _, e in todo]
    if options.scheduler:
        yield from _on_cluster(options.scheduler, lambda client: parts_on(client, todo, context))
    elif options.jobs > 1 and len(todo) > 1:
        with pool(options.jobs) as workers:
            yield from zip(sources, workers.map(make_part, sources, extractions, repeat(context)))
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
