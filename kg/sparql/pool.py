"""Worker processes that answer queries, each with its own copy of the store, killed when over time.

pyoxigraph cannot interrupt a running query from Python, so the deadline is enforced from outside:
a worker that has not answered within the timeout is killed (the work really stops) and replaced in
the background, and the client gets 504. Workers open the graph themselves (spawned, not forked,
so no thread or store state is copied); an on-disk store is built once and then opened read-only by
every worker.
"""

from __future__ import annotations

import multiprocessing
import queue
import signal
import threading
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path

import pyoxigraph as ox

from kg.sparql.answer import Answer, Request, answer, error
from kg.sparql.store import GraphFileError, SparqlStore


@dataclass(frozen=True)
class StoreSpec:
    """How a worker opens the graph, and the most rows it sends back."""

    graph: Path
    store_dir: Path | None
    max_rows: int


class WorkerPool:
    """``size`` worker processes; ``run`` hands a request to an idle one and waits at most ``timeout`` seconds."""

    def __init__(self, spec: StoreSpec, size: int, log: Callable[[str], None]) -> None:
        if spec.store_dir is not None:
            SparqlStore.open(spec.graph, spec.store_dir)  # build or reuse the on-disk store, then let it go
        self.spec, self.size, self.log = spec, size, log
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        workers = [self._start() for _ in range(size)]
        try:
            counts = [worker.ready() for worker in workers]  # wait for every worker, not just the first
        except GraphFileError:
            self.close()
            raise
        self.triples = counts[0]
        for worker in workers:
            self._idle.put(worker)

    def run(self, request: Request, timeout: float) -> Answer:
        try:
            worker = self._idle.get(timeout=timeout)
        except queue.Empty:
            return error(503, f"all {self.size} query workers stayed busy for {timeout:g} s; try again later")
        try:
            worker.conn.send(request)
            if worker.conn.poll(timeout):
                result: Answer = worker.conn.recv()
                self._idle.put(worker)
                return result
        except (EOFError, OSError):
            self._replace(worker)
            return error(500, "the query worker stopped unexpectedly (see the server log); it is being restarted")
        self._replace(worker)
        return error(504, f"the query ran longer than the {timeout:g} s timeout and was stopped")

    def close(self) -> None:
        with self._lock:
            self._closed = True
            workers = list(self._all)
        for worker in workers:
            worker.stop()

    def _start(self) -> _Worker:
        worker = _Worker(self.spec)
        with self._lock:
            self._all.add(worker)
        return worker

    def _replace(self, worker: _Worker) -> None:
        worker.stop()
        with self._lock:
            self._all.discard(worker)
            if self._closed:
                return
        threading.Thread(target=self._respawn, daemon=True).start()

    def _respawn(self) -> None:
        worker = self._start()
        try:
            worker.ready()
        except (GraphFileError, OSError) as problem:
            self.log(f"a query worker could not be restarted: {problem}")
            return
        with self._lock:
            closed = self._closed
        if closed:
            worker.stop()
        else:
            self._idle.put(worker)


class _Worker:
    def __init__(self, spec: StoreSpec) -> None:
        context = multiprocessing.get_context("spawn")
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_work, args=(child, spec), daemon=True, name="kg-sparql-worker")
        self.process.start()
        child.close()

    def ready(self) -> int:
        """Wait until the worker holds the graph; its number of quads, or GraphFileError."""
        try:
            status, detail = self.conn.recv()
        except EOFError:
            raise GraphFileError("a query worker exited while opening the graph (out of memory?)") from None
        if status != "ready":
            raise GraphFileError(detail)
        return detail

    def stop(self) -> None:
        self.process.kill()
        self.process.join()
        self.conn.close()


def _work(conn: Connection, spec: StoreSpec) -> None:
    """A worker's life: open the store, then answer requests until the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the server's to handle
    try:
        store = SparqlStore(ox.Store.read_only(str(spec.store_dir))) if spec.store_dir else SparqlStore.open(spec.graph)
    except (GraphFileError, OSError) as problem:
        conn.send(("error", str(problem)))
        return
    conn.send(("ready", len(store)))
    while True:
        try:
            request = conn.recv()
        except EOFError:
            return
        conn.send(answer(store, request, spec.max_rows))
