"""Worker processes that answer queries, each with its own copy of the store, killed when over time.

pyoxigraph cannot interrupt a running query from Python, so the deadline is enforced from outside:
a worker that has not answered within the timeout is killed (the work really stops) and replaced in
the background, and the client gets 504. A worker that dies (out of memory, a crash in the engine)
is replaced the same way and the client is told why; the cause goes to the log.

Workers open the graph themselves (spawned, not forked, so no thread or store state is copied); an
on-disk store is built once and then opened read-only by every worker. Each worker may grow by at
most ``memory_mb`` beyond the loaded graph (an address-space limit set after loading), and dies with
the server (Linux parent-death signal), so no worker outlives a killed server.

Besides the ``size`` regular workers, ``reserved`` workers take a query only when every regular one
has been busy with its query for a second, and only for ``reserved_timeout`` seconds: slow queries
holding every regular worker do not make a cheap query wait for them, a slow query cannot take the
reserved lane for long, and a burst of quick queries waits for the regular workers.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import signal
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path

import pyoxigraph as ox

from kg.sparql.answer import Answer, Request, answer, error
from kg.sparql.store import GraphFileError, SparqlStore
from kg.sparql.worker_limits import DEATH_CAUSES, die_with_parent, limit_memory


SLOW_AFTER = 1.0
"""Seconds every regular worker must have been on its query before a reserved worker takes one."""
QUEUE_WAIT = 120.0
"""Seconds a request waits for a free worker before 503: a burst of clients queues rather than fails."""


@dataclass(frozen=True)
class StoreSpec:
    """How a worker opens the graph, the most rows it sends back (None: all), and how much it may grow (MB)."""

    graph: Path
    store_dir: Path | None
    max_rows: int | None
    memory_mb: int = 2048


class WorkerPool:
    """``size`` workers (plus ``reserved``); ``run`` hands a request to an idle one and waits at most ``timeout`` seconds."""

    def __init__(
        self, spec: StoreSpec, size: int, log: Callable[[str], None], reserved: int = 0, reserved_timeout: float = 2.0
    ) -> None:
        if not spec.graph.is_file():
            raise GraphFileError(f"{spec.graph}: no such graph file")
        if spec.store_dir is not None:
            SparqlStore.open(spec.graph, spec.store_dir)  # build or reuse the on-disk store, then let it go
        self.spec, self.size, self.log = spec, size, log
        self.reserved, self.reserved_timeout = reserved, reserved_timeout
        self.restarts = 0
        self._logs = tempfile.TemporaryDirectory(prefix="kg-sparql-workers-")
        self._idle: dict[bool, list[_Worker]] = {False: [], True: []}
        self._busy: dict[_Worker, float] = {}  # regular workers answering, since when
        self._all: set[_Worker] = set()
        self._changed = threading.Condition()
        self._spawning = threading.Lock()
        self._closed = False
        self._births: queue.Queue[bool | None] = queue.Queue()
        self._born: queue.Queue[_Worker | OSError] = queue.Queue()
        self._midwife = threading.Thread(target=self._give_birth, daemon=True, name="kg-sparql-spawner")
        self._midwife.start()
        workers = [self._spawn(lane) for lane in [False] * size + [True] * reserved]
        failures = [worker for worker in workers if isinstance(worker, OSError)]
        if failures:
            self.close()
            raise failures[0]
        try:
            counts = [worker.ready() for worker in workers]  # wait for every worker, not just the first
        except GraphFileError:
            self.close()
            raise
        self.triples = counts[0]
        for worker in workers:
            self._release(worker)

    def run(self, request: Request, timeout: float) -> Answer:
        """The answer to ``request``, evaluated in at most ``timeout`` s after waiting at most QUEUE_WAIT (or ``timeout``) for a worker."""
        wait = max(timeout, QUEUE_WAIT)
        worker = self._acquire(wait)
        if worker is None:
            return error(503, f"all {self.size + self.reserved} query workers stayed busy for {wait:g} s; try again later")
        limit = min(timeout, self.reserved_timeout) if worker.reserved else timeout
        try:
            worker.conn.send(request)
            if worker.conn.poll(limit):
                result: Answer = worker.conn.recv()
                self._release(worker)
                return result
        except (EOFError, OSError):
            return self._died(worker, request)
        self._replace(worker)
        if worker.reserved and limit < timeout:
            return error(503, f"every query worker is busy with long queries, and this one needed more than the {limit:g} s kept for others; try again later")
        return error(504, f"the query ran longer than the {timeout:g} s timeout and was stopped")

    @property
    def idle(self) -> tuple[int, int]:
        """How many regular and how many reserved workers are idle now."""
        with self._changed:
            return len(self._idle[False]), len(self._idle[True])

    def close(self) -> None:
        with self._changed:
            self._closed = True
            self._changed.notify_all()
        with self._spawning:  # a worker being born now is in _all once this lock is free, and no other follows
            self._births.put(None)
        with self._changed:
            workers = list(self._all)
        for worker in workers:
            worker.stop()
        self._logs.cleanup()

    def _acquire(self, timeout: float) -> _Worker | None:
        """An idle regular worker; an idle reserved one once every regular worker has held its query
        for SLOW_AFTER seconds (a burst of quick queries waits for the regular workers instead); None
        if nothing is free within ``timeout``."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while not self._closed:
                now = time.monotonic()
                if self._idle[False]:
                    worker = self._idle[False].pop()
                    self._busy[worker] = now
                    return worker
                if self._idle[True] and max(self._busy.values(), default=0.0) <= now - SLOW_AFTER:
                    return self._idle[True].pop()
                remaining = deadline - now
                if remaining <= 0:
                    break
                self._changed.wait(min(remaining, SLOW_AFTER / 4) if self._idle[True] else remaining)
        return None

    def _release(self, worker: _Worker) -> None:
        with self._changed:
            self._busy.pop(worker, None)
            self._idle[worker.reserved].append(worker)
            self._changed.notify()

    def _died(self, worker: _Worker, request: Request) -> Answer:
        """The answer for a request whose worker died, and a log line with the cause."""
        worker.process.join(5)
        output = worker.last_words()
        status, message = 500, f"the query worker stopped unexpectedly (exit code {worker.process.exitcode}); it is being restarted"
        for marker, (cause_status, cause) in DEATH_CAUSES.items():
            if marker in output:
                status, message = cause_status, cause.format(memory_mb=self.spec.memory_mb)
                break
        self.log(f"query worker {worker.process.pid} died (exit code {worker.process.exitcode}): {output or 'no output'}; query: {' '.join(request.query.split())[:200]}")
        self._replace(worker)
        return error(status, message)

    def _replace(self, worker: _Worker) -> None:
        if not self._closed:
            self.log(f"replacing query worker {worker.process.pid}")
        worker.stop()
        with self._changed:
            self._busy.pop(worker, None)
            self._all.discard(worker)
            if self._closed:
                return
            self.restarts += 1
        threading.Thread(target=self._respawn, args=(worker.reserved,), daemon=True).start()

    def _respawn(self, reserved: bool) -> None:
        worker = self._spawn(reserved)
        try:
            if isinstance(worker, OSError):
                raise worker
            worker.ready()
        except (GraphFileError, OSError) as problem:
            if not self._closed:
                self.log(f"a query worker could not be restarted: {problem}")
            return
        with self._changed:
            closed = self._closed
        if closed:
            worker.stop()
        else:
            self._release(worker)

    def _spawn(self, reserved: bool) -> _Worker | OSError:
        """A new worker, started by the one long-lived spawning thread.

        The parent-death signal fires when the *thread* that started a process ends, so workers are
        never started from a short-lived thread.
        """
        with self._spawning:
            if self._closed:
                return OSError("the pool is closed")
            self._births.put(reserved)
            born = self._born.get()
            if isinstance(born, _Worker):
                with self._changed:
                    self._all.add(born)
            return born

    def _give_birth(self) -> None:
        while (reserved := self._births.get()) is not None:
            try:
                self._born.put(_Worker(self.spec, reserved, Path(self._logs.name)))
            except Exception as problem:  # handed to the caller, which logs or raises it
                self._born.put(OSError(f"cannot start a query worker: {problem}"))


class _Worker:
    def __init__(self, spec: StoreSpec, reserved: bool, logs: Path) -> None:
        context = multiprocessing.get_context("spawn")
        self.reserved = reserved
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_work, args=(child, spec, logs, os.getpid()), daemon=True, name="kg-sparql-worker")
        self.process.start()
        self.log_file = logs / f"worker-{self.process.pid}.log"
        child.close()

    def ready(self) -> int:
        """Wait until the worker holds the graph; its number of quads, or GraphFileError."""
        try:
            status, detail = self.conn.recv()
        except EOFError:
            raise GraphFileError(f"a query worker exited while opening the graph: {self.last_words() or 'out of memory?'}") from None
        if status != "ready":
            raise GraphFileError(detail)
        return detail

    def last_words(self) -> str:
        """The end of what the worker wrote to stderr (Oxigraph's abort message, a Python traceback's last line)."""
        try:
            lines = self.log_file.read_text(errors="replace").strip().splitlines()
        except OSError:
            return ""
        return " | ".join(lines[-2:])[-300:]

    def stop(self) -> None:
        self.process.kill()
        self.process.join()
        self.conn.close()
        self.log_file.unlink(missing_ok=True)


def _work(conn: Connection, spec: StoreSpec, logs: Path, parent: int) -> None:
    """A worker's life: open the store, then answer requests until the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the server's to handle
    die_with_parent(parent)
    stderr = os.open(logs / f"worker-{os.getpid()}.log", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.dup2(stderr, 2)  # an engine abort writes its reason here, where the pool reads it
    try:
        store = SparqlStore(ox.Store.read_only(str(spec.store_dir))) if spec.store_dir else SparqlStore.open(spec.graph)
    except (GraphFileError, OSError) as problem:
        conn.send(("error", str(problem)))
        return
    limit_memory(spec.memory_mb)
    conn.send(("ready", len(store)))
    while True:
        try:
            request = conn.recv()
        except EOFError:
            return
        conn.send(answer(store, request, spec.max_rows))
