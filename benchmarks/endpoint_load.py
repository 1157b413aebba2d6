"""Benchmark `kg serve` under load: the saved questions sent by many clients at once, and the refusals.

Starts `kg serve` on the seed graph in its own process, then for each concurrency runs that many client
threads, each with its own HTTP connection, sending the saved questions of ontology/queries/ in turn
(alternating GET and POST). Reports requests, errors (anything but 200), latency percentiles and
throughput, then the status of each kind of refused request. Prints markdown; asserts nothing.

    python benchmarks/endpoint_load.py [--concurrency 1 8 32] [--requests 20] [--workers 2] [--timeout 5]
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from statistics import quantiles

import requests

ROOT = Path(__file__).resolve().parents[1]
GRAPH = ROOT / "exports" / "kg.trig"
QUERIES = sorted((ROOT / "ontology" / "queries").glob("*.rq"))
FALLBACK = [
    "PREFIX schema: <https://schema.org/> SELECT ?headline ?author WHERE { ?a schema:headline ?headline ; schema:author/schema:name ?author }",
    "SELECT ?type (COUNT(*) AS ?n) WHERE { ?s a ?type } GROUP BY ?type ORDER BY DESC(?n)",
    "PREFIX schema: <https://schema.org/> CONSTRUCT { ?p schema:affiliation ?o } WHERE { ?p schema:affiliation ?o }",
]
CROSS_JOIN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
REFUSALS = [
    ("malformed query", {"query": "SELECT * WHERE { ?s ?p }"}, {}),
    ("update (update=)", {"update": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}, {}),
    ("update sent as query=", {"query": "DELETE WHERE { ?s ?p ?o }"}, {}),
    ("SERVICE", {"query": "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"}, {}),
    ("Accept: image/png", {"query": "ASK { ?s ?p ?o }"}, {"Accept": "image/png"}),
    ("cross join over the timeout", {"query": CROSS_JOIN}, {}),
]


def start_server(workers: int, timeout: float) -> tuple[subprocess.Popen, str]:
    command = [sys.executable, "-m", "kg.cli", "serve", "--graph", str(GRAPH), "--port", "0", "--workers", str(workers), "--timeout", str(timeout)]
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=ROOT)
    banner = server.stdout.readline() if server.stdout else ""
    match = re.search(r"(http://\S+/sparql)", banner)
    if not match:
        server.kill()
        raise SystemExit(f"kg serve did not start: {banner!r}")
    return server, match.group(1)


def load(url: str, queries: list[str], concurrency: int, per_client: int) -> tuple[list[float], int, float]:
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
                    if i % 2:
                        response = session.get(url, params={"query": query}, timeout=60)
                    else:
                        response = session.post(url, data={"query": query}, timeout=60)
                    ok = response.status_code == 200 and len(response.content) > 0
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 8, 32])
    parser.add_argument("--requests", type=int, default=20, help="requests per client at each concurrency")
    parser.add_argument("--workers", type=int, default=min(4, os.cpu_count() or 1))
    parser.add_argument("--timeout", type=float, default=5.0)
    args = parser.parse_args()
    queries = [path.read_text(encoding="utf-8") for path in QUERIES] or FALLBACK
    server, url = start_server(args.workers, args.timeout)
    try:
        load(url, queries, 2, len(queries))  # warm-up: each worker parses each query once
        print(
            f"`kg serve` on {GRAPH.name}: {args.workers} workers, {len(queries)} queries "
            f"({'saved questions' if QUERIES else 'built-in examples'}), {os.cpu_count()} CPUs\n"
        )
        print("| concurrency | requests | errors | p50 ms | p95 ms | max ms | requests/s |")
        print("|---|---|---|---|---|---|---|")
        for concurrency in args.concurrency:
            latencies, errors, wall = load(url, queries, concurrency, args.requests)
            cuts = quantiles(latencies, n=20) if len(latencies) > 1 else latencies * 19
            total = len(latencies) + errors
            print(f"| {concurrency} | {total} | {errors} | {cuts[9]:.0f} | {cuts[18]:.0f} | {max(latencies):.0f} | {total / wall:.1f} |")
        print("\n| refused request | HTTP status | message |")
        print("|---|---|---|")
        for label, data, headers in REFUSALS:
            response = requests.post(url, data=data, headers=headers, timeout=args.timeout + 30)
            print(f"| {label} | {response.status_code} | {response.text.strip()[:90]} |")
        after = requests.get(url, params={"query": "ASK { ?s ?p ?o }"}, timeout=30)
        print(f"\nAfterwards: ASK answered {after.status_code}.")
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
