"""Extraction and each source's part on a Dask distributed cluster: `kg build SOURCES --scheduler tcp://HOST:8786`.

Each source travels to a worker by content (its text, name and hash, not a path the worker
cannot see), is extracted there as `kg.extract.source.extract` does it locally, and comes back as
its :class:`~kg.model.Extraction`. Once every source is extracted (a source's graph names people
as the whole corpus does), each source whose part is not cached goes out again with its extraction
and the corpus's names, sent to every worker once, and comes back as its part (`kg.parts.make_part`:
its graph validated and serialised). The merge, the network and the maps run here, so the exports
are the same bytes as a local build's. The workers need the same kg installed (`pip install 'kg[cluster]'`),
which is how a Dask cluster a user already runs (Kubernetes, Slurm, YARN) gets its software.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from kg.extract.source import extract
from kg.ingest import Source
from kg.model import Extraction
from kg.parts import Context, make_part
from kg.rdf.validate import Validation

CONNECT_SECONDS = 20  # a scheduler that has not answered by then is reported as unreachable


class ClusterError(Exception):
    """The cluster cannot be used: dask is not installed (exit code 2, the user's to fix), or the
    scheduler does not answer (1)."""

    def __init__(self, message: str, exit_code: int) -> None:
        super().__init__(message)
        self.exit_code = exit_code


@contextmanager
def connect(address: str) -> Iterator[Any]:
    """A client of the scheduler at ``address``, closed afterwards."""
    try:
        from distributed import Client
    except ImportError:
        raise ClusterError("--scheduler needs Dask: pip install 'kg[cluster]' (dask and distributed)", 2) from None
    try:
        client = Client(address, timeout=CONNECT_SECONDS, set_as_default=False)
    except (OSError, TimeoutError) as error:
        raise ClusterError(f"no Dask scheduler answers at {address} ({error})", 1) from None
    try:
        yield client
    finally:
        client.close()


def extract_on(client: Any, sources: list[Source]) -> Iterator[tuple[Source, Extraction]]:
    """Each source with its extraction, in the order the workers finish them."""
    from distributed import as_completed

    futures = {client.submit(extract, source, key=f"kg-extract-{source.sha256}-{source.name}"): source for source in sources}
    for future in as_completed(futures, loop=client.loop):
        yield futures[future], future.result()


def parts_on(client: Any, todo: list[tuple[Source, Extraction]], context: Context) -> Iterator[tuple[Source, dict[str, bytes] | Validation]]:
    """Each source with its part (or the report of its graph's failed validation), in the order the
    workers finish them."""
    from distributed import as_completed

    shared = client.scatter(context, broadcast=True)
    build = uuid.uuid4().hex  # a part depends on the corpus's names too: no result of another build may serve
    futures = {client.submit(make_part, source, extraction, shared, key=f"kg-part-{build}-{source.name}"): source for source, extraction in todo}
    for future in as_completed(futures, loop=client.loop):
        yield futures[future], future.result()
