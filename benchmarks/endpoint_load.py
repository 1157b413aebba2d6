"""Benchmark `kg serve` under load and under attack: many clients, many new connections, stalled connections, hostile queries.

Starts `kg serve` on the seed graph in its own process (loopback only), then prints markdown tables:

1. keep-alive clients sending the saved questions of ontology/queries/ in turn (GET and POST);
2. N new connections opened at once, one request each (saved questions and a simple SELECT);
3. N stalled connections (half a request line, then nothing) while an ordinary client keeps asking;
4. each hostile query class, with the worker restarts it caused and an ordinary client's latency meanwhile.

Every loop is bounded; nothing is asserted.

    python benchmarks/endpoint_load.py [--concurrency 1 8 32] [--requests 20] [--burst 200 1000] [--stalled 1000]
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from statistics import quantiles

import requests

ROOT = Path(__file__).resolve().parents[1]
GRAPH = ROOT / "exports" / "kg.trig"
QUERIES = sorted((ROOT / "ontology" / "queries").glob("*.rq"))
SIMPLE = "PREFIX schema: <https://schema.org/> SELECT ?p ?name WHERE { ?p a schema:Person ; schema:name ?name } LIMIT 20"
ASK = "ASK { ?s ?p ?o }"
CROSS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
HOSTILE = [
    ("unknown function afn:localname", "PREFIX afn: <http://jena.apache.org/ARQ/function#> SELECT (afn:localname(?s) AS ?x) WHERE { ?s ?p ?o }"),
    ("bif:contains (prefix never declared)", "SELECT * WHERE { ?s ?p ?o FILTER(bif:contains(?o, 'zorg')) }"),
    ("unknown function <urn:fn>(1)", "SELECT (<urn:fn>(1) AS ?x) WHERE {}"),
    ("30 nested parentheses", "SELECT * WHERE { ?s ?p ?o FILTER(" + "(" * 30 + "?o = 1" + ")" * 30 + ") }"),
    ("40 nested parentheses", "SELECT * WHERE { ?s ?p ?o FILTER(" + "(" * 40 + "?o = 1" + ")" * 40 + ") }"),
    ("two nested SERVICE", "SELECT * WHERE { SERVICE <http://a.example/> { SERVICE <http://b.example/> { ?s ?p ?o } } }"),
    ("FILTER of 10,000 alternatives (145 kB)", "SELECT * WHERE { ?s ?p ?o FILTER(" + " || ".join(f"?o = {i}" for i in range(10_000)) + ") }"),
    ("FILTER of 10,000 alternatives (89 kB)", "SELECT * WHERE { ?s ?p ?o FILTER(" + "||".join(f"?o={i}" for i in range(10_000)) + ") }"),
    ("600 kB query", "SELECT * WHERE { ?s ?p ?o } # " + "x" * 600_000),
    ("ORDER BY over a cross product (memory)", "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l } ORDER BY ?l ?k ?j ?i ?h ?g ?f ?e ?d ?c ?b ?a"),
    ("cross join over the timeout", CROSS),
    ("update sent as query=", "DELETE WHERE { ?s ?p ?o }"),
]


def start_server(args: argparse.Namespace, log: Path) -> tuple[subprocess.Popen, str]:
    command = [sys.executable, "-m", "kg.cli", "serve", "--graph", str(GRAPH), "--host", "127.0.0.1", "--port", "0"]
    command += ["--workers", str(args.workers), "--timeout", str(args.timeout), "--max-memory", str(args.max_memory), "--idle-timeout", str(args.idle_timeout)]
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=log.open("w"), text=True, cwd=ROOT)
    banner = server.stdout.readline() if server.stdout else ""
    match = re.search(r"(http://\S+/sparql)", banner)
    if not match:
        server.kill()
        raise SystemExit(f"kg serve did not start: {banner!r}")
    return server, match.group(1)


def cuts(latencies: list[float]) -> str:
    """``p50 | p95 | p99 | max`` in ms."""
    if not latencies:
        return "- | - | - | -"
    points = quantiles(latencies, n=100, method="inclusive") if len(latencies) > 1 else latencies * 99
    return f"{points[49]:.0f} | {points[94]:.0f} | {points[98]:.0f} | {max(latencies):.0f}"


def keep_alive(url: str, queries: list[str], concurrency: int, per_client: int) -> tuple[list[float], int, float]:
    """Latencies (ms) of the successful requests, the number of errors, and the wall time."""
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()

    def client(number: int) -> None:
        nonlocal errors
        with requests.Session() as session:
            for i in range(per_client):
                query = queries[(number + i) % len(queries)]
                started = time.perf_counter()
                try:
                    send = session.get(url, params={"query": query}, timeout=120) if i % 2 else session.post(url, data={"query": query}, timeout=120)
                    ok = send.status_code == 200 and len(send.content) > 0
                except requests.RequestException:
                    ok = False
                with lock:
                    if ok:
                        latencies.append((time.perf_counter() - started) * 1000)
                    else:
                        errors += 1

    started = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        list(pool.map(client, range(concurrency)))
    return latencies, errors, time.perf_counter() - started


def burst(url: str, queries: list[str], connections: int) -> tuple[list[float], list[str]]:
    """``connections`` clients released at once, each on a new connection with one request."""
    gate = threading.Barrier(connections)

    def client(number: int) -> float | str:
        gate.wait()
        started = time.perf_counter()
        try:
            response = requests.post(url, data={"query": queries[number % len(queries)]}, timeout=180, headers={"Connection": "close"})
        except requests.RequestException as problem:
            return type(problem).__name__
        return (time.perf_counter() - started) * 1000 if response.status_code == 200 else str(response.status_code)

    with ThreadPoolExecutor(connections) as pool:
        results = list(pool.map(client, range(connections)))
    return [r for r in results if isinstance(r, float)], [r for r in results if isinstance(r, str)]


def ordinary_client(url: str, stop: threading.Event, limit: float) -> tuple[list[float], int]:
    """ASK every 50 ms until ``stop`` (or ``limit`` seconds): latencies and errors."""
    latencies: list[float] = []
    errors = 0
    deadline = time.monotonic() + limit
    with requests.Session() as session:
        while not stop.is_set() and time.monotonic() < deadline:
            started = time.perf_counter()
            try:
                ok = session.get(url, params={"query": ASK}, timeout=60).status_code == 200
            except requests.RequestException:
                ok = False
            if ok:
                latencies.append((time.perf_counter() - started) * 1000)
            else:
                errors += 1
            time.sleep(0.05)
    return latencies, errors


def alongside(url: str, action: object, limit: float) -> tuple[object, list[float], int]:
    """Run ``action()`` while an ordinary client keeps asking; its result and the client's latencies and errors."""
    stop = threading.Event()
    with ThreadPoolExecutor(1) as pool:
        client = pool.submit(ordinary_client, url, stop, limit)
        time.sleep(0.2)
        try:
            result = action()  # type: ignore[operator]
        finally:
            stop.set()
        latencies, errors = client.result()
    return result, latencies, errors


def stalled(url: str, count: int, idle_timeout: float) -> None:
    host, port = url.removeprefix("http://").split("/")[0].split(":")
    sockets = []
    for _ in range(count):
        connection = socket.create_connection((host, int(port)), timeout=idle_timeout * 4 + 30)
        connection.sendall(b"GET /sparql?query=ASK")
        sockets.append(connection)
    try:
        (_, latencies, errors) = alongside(url, lambda: time.sleep(5), 30)
        closed = sum(1 for connection in sockets if _closed_by_server(connection))
        print(f"| {count} | {len(latencies) + errors} | {errors} | {cuts(latencies)} | {closed} of {count} |")
    finally:
        for connection in sockets:
            connection.close()


def _closed_by_server(connection: socket.socket) -> bool:
    try:
        return connection.recv(1) == b""
    except OSError:
        return True


def hostile(url: str, log: Path, timeout: float) -> None:
    def restarts() -> int:
        return log.read_text(errors="replace").count("replacing query worker")

    for label, query in HOSTILE:
        time.sleep(3)  # a worker replaced after the previous query is back
        before = restarts()

        def send(q: str = query) -> tuple[requests.Response, float]:
            started = time.perf_counter()
            return requests.post(url, data={"query": q}, timeout=timeout + 60), (time.perf_counter() - started) * 1000

        ((response, took), latencies, errors) = alongside(url, send, timeout + 60)  # type: ignore[misc]
        message = response.text.strip()[:80].replace("|", "\\|")  # type: ignore[attr-defined]
        time.sleep(0.5)
        print(f"| {label} | {response.status_code} | {message} | {took:.0f} | {restarts() - before} | {len(latencies) + errors} | {errors} | {cuts(latencies)} |")  # type: ignore[attr-defined]

    def slow_pair() -> list[int]:
        with ThreadPoolExecutor(2) as pool:
            return [r.status_code for r in pool.map(lambda _: requests.post(url, data={"query": CROSS}, timeout=timeout + 60), range(2))]

    before = restarts()
    (statuses, latencies, errors) = alongside(url, slow_pair, timeout + 60)
    time.sleep(0.5)
    print(f"| two cross joins at once (both regular workers) | {statuses} | - | - | {restarts() - before} | {len(latencies) + errors} | {errors} | {cuts(latencies)} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 8, 32])
    parser.add_argument("--requests", type=int, default=20, help="requests per keep-alive client at each concurrency")
    parser.add_argument("--burst", type=int, nargs="+", default=[200, 1000], help="new connections opened at once")
    parser.add_argument("--stalled", type=int, default=1000, help="stalled connections held open")
    parser.add_argument("--workers", type=int, default=min(4, os.cpu_count() or 1))
    parser.add_argument("--timeout", type=float, default=10.0)
    parser.add_argument("--max-memory", type=int, default=512)
    parser.add_argument("--idle-timeout", type=float, default=5.0)
    args = parser.parse_args()
    queries = [path.read_text(encoding="utf-8") for path in QUERIES] + [SIMPLE]
    with tempfile.TemporaryDirectory() as folder:
        log = Path(folder) / "serve.log"
        server, url = start_server(args, log)
        try:
            keep_alive(url, queries, 2, len(queries))  # warm-up
            print(
                f"`kg serve` (waitress) on {GRAPH.name}: {args.workers} workers + 1 reserved, timeout {args.timeout:g} s, "
                f"memory ceiling {args.max_memory} MB, idle timeout {args.idle_timeout:g} s; {len(queries)} queries "
                f"(saved questions and a simple SELECT); {os.cpu_count()} CPUs\n"
            )
            print("| keep-alive clients | requests | errors | p50 ms | p95 ms | p99 ms | max ms | requests/s |")
            print("|---|---|---|---|---|---|---|---|")
            for concurrency in args.concurrency:
                latencies, errors, wall = keep_alive(url, queries, concurrency, args.requests)
                total = len(latencies) + errors
                print(f"| {concurrency} | {total} | {errors} | {cuts(latencies)} | {total / wall:.1f} |")
            print("\n| new connections at once | queries | errors | p50 ms | p95 ms | p99 ms | max ms |")
            print("|---|---|---|---|---|---|---|")
            for connections in args.burst:
                for label, mix in (("saved questions", queries), ("simple SELECT", [SIMPLE])):
                    latencies, errors = burst(url, mix, connections)
                    print(f"| {connections} | {label} | {len(errors)}{' (' + ', '.join(sorted(set(errors))) + ')' if errors else ''} | {cuts(latencies)} |")
            print("\n| stalled connections | ordinary requests meanwhile | errors | p50 ms | p95 ms | p99 ms | max ms | closed by the server |")
            print("|---|---|---|---|---|---|---|---|")
            stalled(url, args.stalled, args.idle_timeout)
            print("\n| hostile query | status | message | ms | worker restarts | ordinary requests meanwhile | errors | p50 ms | p95 ms | p99 ms | max ms |")
            print("|---|---|---|---|---|---|---|---|---|---|---|")
            hostile(url, log, args.timeout)
            after = requests.get(url, params={"query": ASK}, timeout=30)
            text = log.read_text(errors="replace")
            print(f"\nAfterwards: ASK answered {after.status_code}; the server log has {text.count('Traceback')} tracebacks and {text.count('replacing query worker')} worker replacements in all.")
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
