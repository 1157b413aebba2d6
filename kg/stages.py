"""The stages of a build that do the work, in the order `kg.build` runs them: extraction (with its
cache), the RDF of each source, network analysis, SHACL validation.

They live apart from `kg.build` so that a build with nothing to do does not load spaCy,
pySHACL or networkx.
"""

from __future__ import annotations

from collections.abc import Iterator

import networkx as nx
from rdflib import RDF, XSD, Dataset, Graph, Literal, URIRef

from kg.build import BuildError, BuildOptions, InputError
from kg.cache import ExtractionCache
from kg.extract.source import extract
from kg.ingest import Source
from kg.maps import render_maps
from kg.model import Extraction
from kg.network import analyse
from kg.network.exchange import exchange_files
from kg.network.to_rdf import metric_triples
from kg.nlp.gazetteer import Gazetteer
from kg.output import Content
from kg.paths import ontology_dir
from kg.progress import Reporter
from kg.rdf import iris
from kg.rdf.addressees import SCHEME_FILE
from kg.rdf.export import merged as merged  # the merged graph is a stage too
from kg.rdf.export import render
from kg.rdf.graph import SourceGraphWriter
from kg.rdf.namespaces import KGS
from kg.rdf.provenance import activity_node, write_activity
from kg.rdf.validate import Part, Validation, validate
from kg.rdf.validated import ValidatedGraphs
from kg.resolve import resolver
from kg.workers import pool


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
        for source, extraction in _on_cluster(options.scheduler, todo):
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


def _on_cluster(address: str, sources: list[Source]) -> Iterator[tuple[Source, Extraction]]:
    from kg.cluster import ClusterError, connect, extract_on

    try:
        with connect(address) as client:
            yield from extract_on(client, sources)
    except ClusterError as error:
        raise (InputError if error.exit_code == 2 else BuildError)(str(error)) from None


def assemble(sources: list[Source], extractions: list[Extraction], started: str, report: Reporter) -> Dataset:
    dataset = Dataset()
    write_activity(dataset.graph(iris.GRAPH_BUILD), started)
    activity: URIRef = activity_node(started)
    folder = ontology_dir()
    dataset.graph(iris.GRAPH_ONTOLOGY).parse(folder / "kg.ttl", format="turtle")
    dataset.graph(iris.GRAPH_THESAURUS).parse(folder / "themes.ttl", format="turtle")
    dataset.graph(iris.GRAPH_ADDRESSEES).parse(folder / SCHEME_FILE, format="turtle")
    names = resolver(extractions, Gazetteer.load(folder / "organisations.tsv"))
    for source, extraction in zip(sources, extractions):
        report.stage(source.name, "writing RDF")
        SourceGraphWriter(dataset.graph(iris.source(source.name)), source, activity, names).write(extraction)
    return dataset


def analyse_network(dataset: Dataset, graph: Graph) -> nx.Graph:
    """The network with its metrics; the metrics go into their own named graph (and so into the
    merged graph, which is the union of the dataset's graphs)."""
    network = analyse(graph)
    metrics = dataset.graph(iris.GRAPH_ANALYSIS)
    for triple in metric_triples(network):
        metrics.add(triple)
    return network


def check(dataset: Dataset, graph: Graph, names: list[str], started: str, options: BuildOptions) -> Validation:
    """SHACL per source graph, each with the shared graphs (a source unchanged since its last pass
    is not validated again), and the network metrics with the types of the nodes they describe."""
    activity = list(dataset.graph(iris.GRAPH_BUILD))
    shared = activity + list(dataset.graph(iris.GRAPH_THESAURUS)) + list(dataset.graph(iris.GRAPH_ADDRESSEES))
    metrics = list(dataset.graph(iris.GRAPH_ANALYSIS))
    types = [(node, RDF.type, kind) for node in {s for s, _, _ in metrics} for kind in graph.objects(node, RDF.type)]
    parts = [Part(list(dataset.graph(iris.source(name)))) for name in names] + [Part(metrics + types, (str(KGS.NetworkNodeShape),))]
    volatile = {activity_node(started), Literal(started, datatype=XSD.dateTime)}  # differ per build, check the same
    validated = None if options.force else ValidatedGraphs(options.cache_dir, ontology_dir(), volatile, options.validator)
    return validate(parts, shared, ontology_dir(), options.jobs, validated, options.validator)


def render_files(dataset: Dataset, graph: Graph, network: nx.Graph, started: str, title: str) -> dict[str, Content]:
    """Every export by its name in the output folder: the RDF files, the network files, the maps."""
    return render(dataset, graph) | exchange_files(network, started[:10]) | render_maps(network, title)
