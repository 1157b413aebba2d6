"""`kg build`: sources in, a validated, annotated RDF graph out. Read it top to bottom."""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
from rdflib import Dataset, Graph, URIRef

from kg.cache import ExtractionCache
from kg.extract.source import extract
from kg.ingest import RefusedSource, Source, collect, left_out, read_source
from kg.maps import render_maps
from kg.model import Extraction
from kg.network import analyse
from kg.network.exchange import exchange_files
from kg.network.to_rdf import metric_triples
from kg.nlp.gazetteer import Gazetteer
from kg.output import remove_stale, write_atomically
from kg.paths import ontology_dir
from kg.progress import Reporter
from kg.rdf import iris
from kg.rdf.export import merged, render
from kg.rdf.graph import SourceGraphWriter
from kg.rdf.provenance import activity_node, build_time, write_activity
from kg.rdf.validate import validate
from kg.resolve import resolver

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
    ocr: bool = False  # read PDFs without a text layer with Tesseract


@dataclass
class BuildResult:
    files: list[Path]
    extractions: list[Extraction]
    triples: int
    refused: list[RefusedSource] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    cached: int = 0


def build(options: BuildOptions, report: Reporter) -> BuildResult:
    sources, refused, warnings = _ingest(options, report)
    report.start(len(sources))
    extractions, cached = _extract(sources, options, report)
    started = build_time()
    dataset = _assemble(sources, extractions, started, report)
    graph = merged(dataset)
    network = _analyse(dataset, graph)
    _check(dataset, [iris.source(s.name) for s in sources], options.jobs)
    files = render(dataset, graph) | exchange_files(network, started[:10]) | render_maps(network, MAP_TITLE) | _texts(sources)
    written = write_atomically(files, options.out)
    remove_stale(options.out / "maps", written)
    remove_stale(options.out / "text", written)
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
            source, notes = read_source(path, options.ocr)
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
        raise BuildError("no readable sources were given (.txt, .md, .pdf, .html, .htm or .docx)")
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
        with ProcessPoolExecutor(max_workers=options.jobs) as pool:
            for source, extraction in zip(todo, pool.map(extract, todo)):
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


def _texts(sources: list[Source]) -> dict[str, bytes]:
    """text/NAME.txt: the text read from each document that is not text itself, which the
    graph's offsets point into (its SHA-256 is in the graph)."""
    return {f"text/{s.text_name}": s.text.encode("utf-8") for s in sources if s.original}


def _analyse(dataset: Dataset, graph: Graph) -> nx.Graph:
    """The network with its metrics; the metrics go into their own named graph and the merged graph."""
    network = analyse(graph)
    metrics = dataset.graph(iris.GRAPH_ANALYSIS)
    for triple in metric_triples(network):
        metrics.add(triple)
        graph.add(triple)
    return network


def _check(dataset: Dataset, source_graphs: list[URIRef], jobs: int) -> None:
    """SHACL per source graph, each with the shared graphs and the metrics of its own nodes."""
    shared = [t for name in (iris.GRAPH_BUILD, iris.GRAPH_THESAURUS) for t in dataset.graph(name)]
    metrics = dataset.graph(iris.GRAPH_ANALYSIS)
    parts = []
    for name in source_graphs:
        part = list(dataset.graph(name))
        nodes = {s for s, _, _ in part}
        parts.append(part + [t for t in metrics if t[0] in nodes])
    result = validate(parts, shared, ontology_dir(), jobs)
    if not result.conforms:
        raise BuildError("the graph does not conform to ontology/shapes.ttl; nothing was written.\n" + result.report)
