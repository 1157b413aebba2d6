"""`kg build`: sources in, a validated, annotated RDF graph out. Read it top to bottom."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
from rdflib import RDF, XSD, Dataset, Graph, Literal, URIRef

from kg.cache import ExtractionCache
from kg.extract.source import extract
from kg.ingest import RefusedSource, Source, collect, left_out, read_source
from kg.maps import render_maps
from kg.model import Extraction
from kg.network import analyse
from kg.network.exchange import exchange_files
from kg.network.to_rdf import metric_triples
from kg.nlp.gazetteer import Gazetteer
from kg.output import OutputBusy, exclusive, publish
from kg.paths import ontology_dir
from kg.progress import Reporter
from kg.rdf import iris
from kg.rdf.export import merged, render
from kg.rdf.graph import SourceGraphWriter
from kg.rdf.namespaces import KGS
from kg.rdf.provenance import activity_node, build_time, write_activity
from kg.rdf.validate import Part, validate
from kg.rdf.validated import ValidatedGraphs
from kg.resolve import resolver
from kg.workers import pool

MAP_TITLE = "Kennisgraaf sociaal domein"


class BuildError(Exception):
    """The build failed; nothing was written to the output folder."""


@dataclass(frozen=True)
class BuildOptions:
    sources: list[Path]
    out: Path
    cache_dir: Path
    strict: bool = False
    force: bool = False
    jobs: int = 1


@dataclass
class BuildResult:
    files: list[Path]
    extractions: list[Extraction]
    triples: int
    refused: list[RefusedSource] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    cached: int = 0


def build(options: BuildOptions, report: Reporter) -> BuildResult:
    """Build under a lock on ``options.out``: a second build into the same folder is refused."""
    try:
        with exclusive(options.out):
            return _build(options, report)
    except OutputBusy as busy:
        raise BuildError(str(busy)) from None


def _build(options: BuildOptions, report: Reporter) -> BuildResult:
    sources, refused, warnings = _ingest(options, report)
    report.start(len(sources))
    extractions, cached = _extract(sources, options, report)
    started = build_time()
    dataset = _assemble(sources, extractions, started, report)
    graph = merged(dataset)
    network = _analyse(dataset, graph)
    _check(dataset, graph, [s.name for s in sources], started, options)
    files = render(dataset, graph) | exchange_files(network, started[:10]) | render_maps(network, MAP_TITLE)
    written = publish(files, options.out)
    report.close()
    warnings += [w for e in extractions for w in e.warnings]
    return BuildResult(written, extractions, len(graph), refused, warnings, cached)


def _ingest(options: BuildOptions, report: Reporter) -> tuple[list[Source], list[RefusedSource], list[str]]:
    paths, refused = collect(options.sources)
    sources: list[Source] = []
    warnings: list[str] = []
    names: set[str] = set()
    for path in paths:
        try:
            source, notes = read_source(path)
        except RefusedSource as refusal:
            refused.append(refusal)
            continue
        if source.name in names:
            refused.append(RefusedSource(path, f"another source is also named {source.name}; file names identify sources"))
            continue
        names.add(source.name)
        sources.append(source)
        warnings.extend(notes)
    for refusal in refused:
        report.warn(f"refused {refusal}")
    skipped = left_out(options.sources)
    if skipped:
        kinds = ", ".join(sorted({p.suffix.lower() or "(no extension)" for p in skipped}))
        warnings.append(f"left out {len(skipped)} file(s) that are not sources ({kinds})")
    for note in warnings:
        report.warn(note)
    if refused and options.strict:
        raise BuildError(f"{len(refused)} source(s) refused and --strict is set: " + "; ".join(map(str, refused)))
    if not sources:
        raise BuildError("no readable .txt or .md sources were given")
    return sources, refused, warnings


def _extract(sources: list[Source], options: BuildOptions, report: Reporter) -> tuple[list[Extraction], int]:
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
    if options.jobs > 1 and len(todo) > 1:
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


def _assemble(sources: list[Source], extractions: list[Extraction], started: str, report: Reporter) -> Dataset:
    dataset = Dataset()
    write_activity(dataset.graph(iris.GRAPH_BUILD), started)
    activity: URIRef = activity_node(started)
    folder = ontology_dir()
    dataset.graph(iris.GRAPH_ONTOLOGY).parse(folder / "kg.ttl", format="turtle")
    dataset.graph(iris.GRAPH_THESAURUS).parse(folder / "themes.ttl", format="turtle")
    names = resolver(extractions, Gazetteer.load(folder / "organisations.tsv"))
    for source, extraction in zip(sources, extractions):
        report.stage(source.name, "writing RDF")
        SourceGraphWriter(dataset.graph(iris.source(source.name)), source, activity, names).write(extraction)
    return dataset


def _analyse(dataset: Dataset, graph: Graph) -> nx.Graph:
    """The network with its metrics; the metrics go into their own named graph and the merged graph."""
    network = analyse(graph)
    metrics = dataset.graph(iris.GRAPH_ANALYSIS)
    for triple in metric_triples(network):
        metrics.add(triple)
        graph.add(triple)
    return network


def _check(dataset: Dataset, graph: Graph, names: list[str], started: str, options: BuildOptions) -> None:
    """SHACL per source graph, each with the shared graphs (a source unchanged since its last pass
    is not validated again), and the network metrics with the types of the nodes they describe."""
    activity = list(dataset.graph(iris.GRAPH_BUILD))
    shared = activity + list(dataset.graph(iris.GRAPH_THESAURUS))
    metrics = list(dataset.graph(iris.GRAPH_ANALYSIS))
    types = [(node, RDF.type, kind) for node in {s for s, _, _ in metrics} for kind in graph.objects(node, RDF.type)]
    parts = [Part(list(dataset.graph(iris.source(name)))) for name in names] + [Part(metrics + types, (str(KGS.NetworkNodeShape),))]
    volatile = {activity_node(started), Literal(started, datatype=XSD.dateTime)}  # differ per build, check the same
    validated = None if options.force else ValidatedGraphs(options.cache_dir, ontology_dir(), volatile)
    result = validate(parts, shared, ontology_dir(), options.jobs, validated)
    if not result.conforms:
        raise BuildError("the graph does not conform to ontology/shapes.ttl; nothing was written.\n" + result.report)
