"""The build's first stage: each source's extraction, from the cache or made anew.

With ``--jobs`` above one and fewer sources to extract than workers (a rebuild after one changed
article), the sources go to a worker process as soon as the build knows them, before the building
process loads the libraries of the later stages (rdflib, networkx, the maps): the worker loads
spaCy and extracts while it does, which overlaps the two largest costs of its setup. With more,
the libraries are loaded first and the forked workers share them. With one job, sources are
extracted here when the results are asked for; with a scheduler, on the Dask cluster.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import Future, as_completed
from typing import TYPE_CHECKING, Any, TypeVar

from kg.cache import ExtractionCache
from kg.ingest import Source
from kg.model import Extraction
from kg.progress import Reporter
from kg.workers import Workers

if TYPE_CHECKING:
    from kg.build import BuildOptions

T = TypeVar("T")


def _load_libraries() -> None:
    """Load what workers and this process will run before the workers start: with sources enough
    for every worker, each would load spaCy and the rest anyway, and forked workers share these."""
    import kg.extract.source  # noqa: F401
    import kg.stages  # noqa: F401


def extract_source(source: Source) -> Extraction:
    """One source's extraction (in a worker, this is where the pipeline is loaded)."""
    from kg.extract.source import extract

    return extract(source)


class Extractions:
    """Every source's extraction, in the order of the sources, once :meth:`results` is asked."""

    def __init__(self, sources: list[Source], options: BuildOptions, report: Reporter, workers: Workers) -> None:
        self.sources, self.options, self.report = sources, options, report
        self.cache = ExtractionCache(options.cache_dir)
        self.found: dict[str, Extraction] = {}
        self.todo: list[Source] = []
        for source in sources:
            hit = None if options.force else self.cache.get(source.sha256, source.name)
            if hit is None:
                self.todo.append(source)
            else:
                self.found[source.name] = hit
        self.cached = len(self.found)
        in_workers = options.jobs > 1 and not options.scheduler and self.todo
        if in_workers and len(self.todo) >= options.jobs:
            _load_libraries()
        self.futures = {workers.pool.submit(extract_source, s): s for s in largest_first(self.todo)} if in_workers else {}

    def results(self) -> list[Extraction]:
        for source in self.sources:
            if source.name in self.found:
                self.report.stage(source.name, "cached")
                self.report.advance()
        for source, extraction in self._made():
            self.report.advance()
            self.found[source.name] = extraction
            self.cache.put(extraction)
        return [self.found[s.name] for s in self.sources]

    def _made(self) -> Iterator[tuple[Source, Extraction]]:
        """Each source to extract with its extraction, as they are done."""
        if self.futures:
            yield from completed(self.futures, lambda source: self.report.stage(source.name, "extracted"))
        elif self.options.scheduler and self.todo:
            from kg.cluster import extract_on

            for source, extraction in on_cluster(self.options.scheduler, lambda client: extract_on(client, self.todo)):
                self.report.stage(source.name, "extracted on the cluster")
                yield source, extraction
        else:
            for source in self.todo:
                self.report.stage(source.name, "extracting")
                yield source, extract_source(source)


def completed(futures: dict[Future[T], Source], done: Callable[[Source], None] | None = None) -> Iterator[tuple[Source, T]]:
    """Each source with its result as workers finish them (``done``, if given, is told first), each
    dropped here once handed on: results taken in another order would pile up in memory."""
    for future in as_completed(list(futures)):
        source = futures.pop(future)
        if done is not None:
            done(source)
        yield source, future.result()


def largest_first(sources: list[Source]) -> list[Source]:
    """The order to hand sources to workers in: the longest first, so that a long one does not
    start last and keep one worker busy while the others wait."""
    return sorted(sources, key=lambda source: len(source.text), reverse=True)


def on_cluster(address: str, work: Callable[[Any], Iterator[T]]) -> Iterator[T]:
    """What ``work`` yields with a client of the scheduler at ``address``, its errors the build's."""
    from kg.build import BuildError, InputError
    from kg.cluster import ClusterError, connect

    try:
        with connect(address) as client:
            yield from work(client)
    except ClusterError as error:
        raise (InputError if error.exit_code == 2 else BuildError)(str(error)) from None
