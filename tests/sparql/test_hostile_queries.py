"""Queries that used to take a query worker down: each now gets its own clear answer, and the pool keeps answering."""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.sparql.answer import Answer, Request
from kg.sparql.pool import StoreSpec, WorkerPool
from tests.sparql.test_server import FIXTURE

ASK = Request("ASK { ?s ?p ?o }", accept="text/csv")
HUNGRY = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n ?o . ?q ?r ?s } ORDER BY ?a ?b ?c ?d ?e ?f ?g ?h ?i ?j ?k ?l"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n0 ?o . ?q ?r ?s . ?t ?u ?v . ?w ?x ?y }"


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("hostile") / "graph.trig"
    path.write_text(FIXTURE, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def pool(graph: Path) -> Iterator[tuple[WorkerPool, list[str]]]:
    """One regular worker, one reserved; each may grow by 256 MB."""
    log: list[str] = []
    workers = WorkerPool(StoreSpec(graph, None, 100, memory_mb=256), 1, log.append, reserved=1, reserved_timeout=2.0)
    yield workers, log
    workers.close()


def settled(workers: WorkerPool) -> Answer:
    """ASK once every worker is idle again (a replaced worker loads the graph in the background)."""
    deadline = time.monotonic() + 30
    while workers.idle != (1, 1) and time.monotonic() < deadline:
        time.sleep(0.1)
    return workers.run(ASK, 10)


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("PREFIX afn: <http://jena.apache.org/ARQ/function#> SELECT (afn:localname(?s) AS ?x) WHERE { ?s ?p ?o }", "is not supported"),
        ("SELECT (<urn:fn>(1) AS ?x) WHERE {}", "<urn:fn> is not supported"),
        ("SELECT * WHERE { ?s ?p ?o FILTER(bif:contains(?o, 'x')) }", "the prefix bif: is not declared"),
        ("SELECT * WHERE { FILTER(" + "(" * 40 + "1" + ")" * 40 + ") }", "nests brackets 42 deep"),
        ("SELECT * WHERE { SERVICE <http://a/> { SERVICE <http://b/> { ?s ?p ?o } } }", "SERVICE is refused"),
        ("SELECT * WHERE { ?s ?p ?o FILTER(" + "||".join(f"?o={i}" for i in range(10_000)) + ") }", "||, && and UNION"),
    ],
)
def test_engine_errors_are_400_with_the_reason_and_cost_no_worker(pool: tuple[WorkerPool, list[str]], query: str, message: str) -> None:
    workers, _ = pool
    before = workers.restarts
    answer = workers.run(Request(query), 20)
    assert answer.status == 400
    assert message in answer.body.decode()
    assert workers.restarts == before
    assert workers.run(ASK, 10).body == b"true"


def test_a_query_over_the_memory_ceiling_is_stopped_with_a_reason_and_its_worker_replaced(pool: tuple[WorkerPool, list[str]]) -> None:
    workers, log = pool
    before = workers.restarts
    answer = workers.run(Request(HUNGRY), 60)
    assert answer.status == 500
    assert "256 MB" in answer.body.decode()
    assert workers.restarts == before + 1
    assert any("memory allocation" in line and "ORDER BY" in line for line in log)  # the cause and the query, in the log
    assert settled(workers).body == b"true"


def test_a_cheap_query_is_answered_while_a_slow_one_holds_the_regular_worker(pool: tuple[WorkerPool, list[str]]) -> None:
    workers, _ = pool
    settled(workers)
    slow: list[Answer] = []
    holder = threading.Thread(target=lambda: slow.append(workers.run(Request(SLOW), 6)))
    holder.start()
    try:
        deadline = time.monotonic() + 10
        while workers.idle[0] and time.monotonic() < deadline:  # wait until the slow query holds the regular worker
            time.sleep(0.05)
        assert workers.run(ASK, 10).body == b"true"
        assert holder.is_alive()  # answered by the reserved worker, not after the slow query
        squeezed = workers.run(Request(SLOW), 6)  # a second slow query gets the reserved lane only briefly
        assert squeezed.status == 503 and "try again later" in squeezed.body.decode()
    finally:
        holder.join()
    assert slow[0].status == 504
    assert settled(workers).body == b"true"


WORKERS_OF_A_KILLED_SERVER = """
import os, sys, time
from pathlib import Path
from kg.sparql.pool import StoreSpec, WorkerPool
if __name__ == "__main__":
    pool = WorkerPool(StoreSpec(Path(sys.argv[1]), None, 10), 2, print, reserved=1)
    print(" ".join(str(worker.process.pid) for worker in pool._all), flush=True)
    time.sleep(60)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the parent-death signal is Linux's")
def test_workers_die_with_a_killed_server(graph: Path, tmp_path: Path) -> None:
    script = tmp_path / "server.py"
    script.write_text(WORKERS_OF_A_KILLED_SERVER)
    server = subprocess.Popen([sys.executable, str(script), str(graph)], stdout=subprocess.PIPE, text=True, cwd=Path(__file__).resolve().parents[2])
    pids = [int(pid) for pid in server.stdout.readline().split()]
    assert len(pids) == 3
    server.send_signal(signal.SIGKILL)
    server.wait()
    deadline = time.monotonic() + 20
    while any(_alive(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(pid) for pid in pids)


def _alive(pid: int) -> bool:
    """Whether ``pid`` is a running (not zombie) process."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().split(")")[-1].split()[0] != "Z"
    except OSError:
        return False
