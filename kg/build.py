"""`kg build`: sources in, a validated, annotated RDF graph out. Read it top to bottom."""

from __future__ import annotations

import gc
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from kg.cache import ExtractionCache
from kg.extraction import Extractions
from kg.ingest import RefusedSource, Source, collect, left_out, read_source
from kg.model import Extraction
from kg.output import OutputBusy, exclusive, own_files, publish
from kg.progress import Reporter
from kg.rdf.provenance import build_time
from kg.uptodate import BuildRecord, fingerprint
from kg.workers import Workers

MAP_TITLE = "Kennisgraaf sociaal domein"
NONCONFORMING = "the graph does not conform to ontology/shapes.ttl; nothing was written.\n"
#: Allocations between collections of the youngest generation, and collections between older ones
#: (CPython: 700, 10, 10). A build makes millions of short-lived objects with no cycles (RDF terms,
#: rows, spans); at the default the collector took 0.3 s of a 3.5 s rebuild of the seeds.
GC_THRESHOLDS = (50_000, 20, 100)


class BuildError(Exception):
    """The build failed; nothing was written to the output folder."""

    exit_code = 1


class InputError(BuildError):
    """The build was refused for its input (no readable source, a refusal under ``--strict``):
    the user's to fix, reported as bad input is (exit code 2)."""

    exit_code = 2


@dataclass(frozen=True)
class BuildOptions:
    sources: list[Path]
    out: Path
    cache_dir: Path
    strict: bool = False
    force: bool = False
    jobs: int = 1
    ocr: bool = False  # read PDFs without a text layer with Tesseract
    validator: str = "shacl"  # the SHACL engine (kg.rdf.shacl_engines): shacl or pyshacl
    scheduler: str | None = None  # a Dask scheduler's address: extract there (kg.cluster)
    nquads: bool = False  # also write nquads/NAME.nq per source graph, for a store's bulk loader


@dataclass
class BuildResult:
    files: list[Path]
    extractions: list[Extraction]
    triples: int
    refused: list[RefusedSource] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    cached: int = 0
    unchanged: bool = False  # nothing changed since the last build into this folder: nothing was done


def build(options: BuildOptions, report: Reporter) -> BuildResult:
    """Build under a lock on ``options.out``: a second build into the same folder is refused."""
    thresholds = gc.get_threshold()
    gc.set_threshold(*GC_THRESHOLDS)
    try:
        with exclusive(options.out):
            return _build(options, report)
    except OutputBusy as busy:
        raise BuildError(str(busy)) from None
    finally:
        gc.set_threshold(*thresholds)


def _build(options: BuildOptions, report: Reporter) -> BuildResult:
    sources, refused, warnings = _ingest(options, report)
    record, print_ = BuildRecord(options.cache_dir, options.out), fingerprint(sources, options.ocr)
    last = None if options.force else record.unchanged(print_)
    cache = ExtractionCache(options.cache_dir)
    if last is not None and all(hit := [cache.get(s.sha256, s.name) for s in sources]):
        files, triples = last
        warnings += [w for e in hit if e for w in e.warnings]
        return BuildResult(files, [e for e in hit if e], triples, refused, warnings, len(sources), unchanged=True)
    report.start(len(sources))
    with Workers(options.jobs) as workers:
        pending = Extractions(sources, options, report, workers)  # in workers, under way from here
        from kg import stages  # the later stages' libraries load only when there is work to do

        started = build_time()
        shared = stages.Shared(started, parts_to_make=bool(pending.todo))  # read while the workers extract
        extractions = pending.results()
        parts = stages.assemble(sources, extractions, shared, options, report, workers)
    everything = "all sources"
    report.stage(everything, "analysing the network")
    network, projected = stages.analyse_network(shared.graphs, parts)
    report.stage(everything, "validating the network metrics")
    validation = stages.check(shared.graphs, projected, started, options)
    if not validation.conforms:
        raise BuildError(NONCONFORMING + validation.report)
    report.stage(everything, "writing the exports and maps")
    count = stages.Count()
    files = stages.render_files(shared.graphs, parts, network, started, MAP_TITLE, count, options) | _texts(sources)
    written = publish(files, options.out)
    record.save(print_, sorted(files), count.triples)
    report.close()
    warnings += [w for e in extractions for w in e.warnings]
    return BuildResult(written, extractions, count.triples, refused, warnings, pending.cached)


def _own(options: BuildOptions) -> Callable[[Path], bool]:
    """The build's own files and folders, which a source folder that holds them must not read."""
    output, cache = own_files(options.out), options.cache_dir.resolve()
    return lambda path: output(path) or path.resolve() == cache


def _inside(sources: list[Path], folders: tuple[Path, ...]) -> list[Path]:
    """Those of ``folders`` that exist inside one of the source folders."""
    return [f for f in folders if f.is_dir() and any(s.is_dir() and f.resolve().is_relative_to(s.resolve()) for s in sources)]


def _ingest(options: BuildOptions, report: Reporter) -> tuple[list[Source], list[RefusedSource], list[str]]:
    own = _own(options)
    paths, refused = collect(options.sources, own)
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
    warnings += [f"not read: {folder} (this build's own output or cache folder)" for folder in _inside(options.sources, (options.out, options.cache_dir))]
    skipped = left_out(options.sources, own)
    if skipped:
        kinds = ", ".join(sorted({p.suffix.lower() or "(no extension)" for p in skipped}))
        warnings.append(f"left out {len(skipped)} file(s) that are not sources ({kinds})")
    for note in warnings:
        report.warn(note)
    if refused and options.strict:
        raise InputError(f"{len(refused)} source(s) refused and --strict is set: " + "; ".join(map(str, refused)))
    if not sources:
        raise InputError("no readable sources were given (.txt, .md, .pdf, .html, .htm, .docx or .odt)")
    return sources, refused, warnings


def _texts(sources: list[Source]) -> dict[str, bytes]:
    """text/NAME.txt: the text read from each document that is not text itself, which the
    graph's offsets point into (its SHA-256 is in the graph)."""
    return {f"text/{s.text_name}": s.text.encode("utf-8") for s in sources if s.original}
