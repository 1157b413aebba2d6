"""`kg serve`: a read-only SPARQL 1.1 Protocol endpoint over a built graph, and its HTML maps."""

from __future__ import annotations

import argparse
import os
import signal
import sys
from pathlib import Path

from rich.console import Console

from kg.paths import PACKAGE

NAME = "serve"
HELP = "serve a built graph as a read-only SPARQL endpoint (and its HTML maps)"
DESCRIPTION = (
    "Serve a built graph (default: the seed exports, exports/kg.trig) at /sparql as a read-only SPARQL 1.1 "
    "Protocol endpoint: GET or POST, results as JSON, XML, CSV or TSV, graphs as Turtle, JSON-LD, N-Triples or "
    "RDF/XML by content negotiation. Updates and SERVICE are refused; each query runs in a worker process that "
    "is stopped at --timeout or when it needs more than --max-memory; answers are cut at --max-rows (header "
    "X-KG-Truncated: true). --reserved-workers more workers answer only when the others are all busy, for at most "
    "2 s a query, so that slow queries cannot make cheap ones wait. The HTML maps folder is served at /maps/, "
    "and / says what is there. Ctrl-C stops."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    default = PACKAGE.parent / "exports" / "kg.trig"
    parser.add_argument("--graph", type=Path, default=default, metavar="FILE", help="graph to serve: .trig, .ttl, .nt, .nq, .jsonld (default: %(default)s)")
    parser.add_argument(
        "--store", type=Path, metavar="DIR", help="keep the graph in an on-disk Oxigraph store in DIR (built once, then opened read-only by every worker)"
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: %(default)s, this machine only)")
    parser.add_argument("--port", type=int, default=7878, help="port to listen on; 0 picks a free one (default: %(default)s)")
    parser.add_argument("--timeout", type=float, default=30.0, metavar="SECONDS", help="stop a query that runs longer and answer 504 (default: %(default)s)")
    parser.add_argument("--max-rows", type=int, default=10_000, metavar="N", help="send at most N solutions or triples per answer (default: %(default)s)")
    parser.add_argument(
        "--workers",
        type=int,
        default=min(4, os.cpu_count() or 1) or 1,
        metavar="N",
        help="query worker processes, each holding the graph (default: %(default)s)",
    )
    parser.add_argument(
        "--reserved-workers", type=int, default=1, metavar="N", help="workers kept for short queries while the others are busy (default: %(default)s)"
    )
    parser.add_argument(
        "--max-memory", type=int, default=2048, metavar="MB", help="stop a query whose worker grows by more than this (default: %(default)s)"
    )
    parser.add_argument("--max-connections", type=int, default=2000, metavar="N", help="open connections accepted at once (default: %(default)s)")
    parser.add_argument(
        "--idle-timeout", type=float, default=30.0, metavar="SECONDS", help="close a connection that sends nothing for this long (default: %(default)s)"
    )
    parser.add_argument(
        "--token-file",
        type=Path,
        metavar="FILE",
        help="require the token in FILE (or in $KG_SERVE_TOKEN) with every request: Authorization: Bearer TOKEN, or basic auth with it as password",
    )
    parser.add_argument("--maps", type=Path, metavar="DIR", help="folder of HTML maps to serve at /maps/ (default: maps/ beside the graph, if it exists)")


def run(args: argparse.Namespace, console: Console) -> int:
    from kg.sparql.pool import StoreSpec, WorkerPool
    from kg.sparql.server import Connections, Endpoint, EndpointServer, is_loopback
    from kg.sparql.store import GraphFileError

    errors = Console(stderr=True, highlight=False, soft_wrap=True)
    if min(args.timeout, args.max_rows, args.workers, args.max_memory, args.max_connections, args.idle_timeout) <= 0 or args.reserved_workers < 0:
        errors.print("kg serve: --timeout, --max-rows, --workers, --max-memory, --max-connections and --idle-timeout must be positive")
        return 2
    maps = args.maps or args.graph.parent / "maps"
    if args.maps and not maps.is_dir():
        errors.print(f"kg serve: {maps} is not a folder")
        return 2
    try:
        token = _token(args.token_file)
    except (OSError, ValueError) as error:
        errors.print(f"kg serve: {error}", markup=False)
        return 2
    if not is_loopback(args.host) and token is None:
        errors.print(f"[yellow]warning:[/] listening on {args.host} without --token-file: anyone who can reach this machine can query the graph")

    def log(line: str) -> None:
        print(line, file=sys.stderr, flush=True)

    try:
        pool = WorkerPool(StoreSpec(args.graph, args.store, args.max_rows, args.max_memory), args.workers, log, reserved=args.reserved_workers)
    except (GraphFileError, OSError) as error:
        errors.print(f"kg serve: {error}", markup=False)
        return 2
    endpoint = Endpoint(pool, args.graph, args.timeout, args.max_rows, maps if maps.is_dir() else None, log, token)
    try:
        _allow_open_files(args.max_connections + 100)
        server = EndpointServer(args.host, args.port, endpoint, Connections(limit=args.max_connections, idle_timeout=args.idle_timeout))
    except OSError as error:
        pool.close()
        errors.print(f"kg serve: cannot listen on {args.host}:{args.port}: {error}", markup=False)
        return 2
    console.print(
        f"SPARQL endpoint at {server.url}/sparql ({pool.triples:,} triples from {args.graph}, {args.workers} worker{'s' if args.workers > 1 else ''}); Ctrl-C stops",
        highlight=False,
        markup=False,
        soft_wrap=True,
    )
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        console.print("stopped")
    finally:
        server.shutdown()
        pool.close()
    return 0


def _token(path: Path | None) -> str | None:
    """The access token: the first line of ``path``, else $KG_SERVE_TOKEN, else None (no access control)."""
    if path is not None:
        lines = path.read_text(encoding="utf-8").splitlines()
        token = lines[0].strip() if lines else ""
        if not token:
            raise ValueError(f"{path}: the token file is empty")
        return token
    return os.environ.get("KG_SERVE_TOKEN", "").strip() or None


def _allow_open_files(needed: int) -> None:
    """Raise this process's open-file limit towards ``needed`` (one socket per connection), as far as allowed."""
    try:
        import resource
    except ImportError:
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = needed if hard == resource.RLIM_INFINITY else min(needed, hard)
    if soft != resource.RLIM_INFINITY and soft < wanted:
        resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))


def _interrupt(signum: int, frame: object) -> None:
    """SIGTERM stops the server like Ctrl-C does: workers stopped, port released."""
    raise KeyboardInterrupt
