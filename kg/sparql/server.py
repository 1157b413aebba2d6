"""`kg serve`'s HTTP side: a WSGI app for ``/`` (what is here), ``/sparql`` and ``/maps/``, served by waitress.

waitress reads requests on one event loop (an idle or stalled connection holds a socket, not a
thread), with a listen backlog, keep-alive, a cap on open connections and an inactivity timeout
after which a connection that sends nothing is closed; a pool of threads runs the app, each waiting
on the worker pool, which does the SPARQL work in other processes under the timeout. Every response
carries a CORS header so that a query editor in a browser (YASGUI) can call the endpoint; one line
is logged per request.
"""

from __future__ import annotations

import ipaddress
import json
import socket
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from http import HTTPStatus
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from waitress import wasyncore
from waitress.server import create_server

from kg import __version__
from kg.sparql.access import CHALLENGE, authorised
from kg.sparql.answer import Request
from kg.sparql.description import GRAPHS_QUERY, describe
from kg.sparql.guard import Refused
from kg.sparql.pool import WorkerPool
from kg.sparql.protocol import parse_request
from kg.sparql.results import format_for_media_type, media_type, serialize
from kg.sparql.site import asset, index_page, static_file

MAX_BODY = 1 << 20
CORS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, HEAD, POST, OPTIONS",
    "Access-Control-Allow-Headers": "Accept, Authorization, Content-Type",
    "Access-Control-Expose-Headers": "X-KG-Truncated",
}
Reply = tuple[int, str, bytes, dict[str, str]]
StartResponse = Callable[[str, list[tuple[str, str]]], Any]


@dataclass
class Endpoint:
    """What every request needs: the pool and the limits, the files served, where to log."""

    pool: WorkerPool
    graph: Path
    timeout: float
    max_rows: int
    maps_dir: Path | None
    log: Callable[[str], None]
    token: str | None = None
    """When set, every request but a CORS preflight must carry it (see kg.sparql.access)."""


@dataclass(frozen=True)
class Connections:
    """How the HTTP server treats connections: see ``kg serve --help``."""

    limit: int = 2000
    backlog: int = 2048
    idle_timeout: float = 30.0
    threads: int = 32


class EndpointServer:
    """The endpoint listening on ``host:port`` (0: a free port) until ``shutdown``."""

    def __init__(self, host: str, port: int, endpoint: Endpoint, connections: Connections = Connections()) -> None:
        address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][4][0]  # one address, so port 0 means one port
        self.endpoint = endpoint
        self._server = create_server(
            App(endpoint),
            host=address,
            port=port,
            threads=connections.threads,
            backlog=connections.backlog,
            connection_limit=connections.limit,
            channel_timeout=connections.idle_timeout,
            cleanup_interval=max(1.0, min(10.0, connections.idle_timeout / 3)),
            max_request_header_size=2 * MAX_BODY,  # a GET carries the query in its URL
            max_request_body_size=MAX_BODY,
            asyncore_use_poll=True,  # select() cannot watch more than 1,024 sockets
            ident=f"kg/{__version__}",
            expose_tracebacks=False,
        )

    @property
    def url(self) -> str:
        host, port = self._server.effective_host, self._server.effective_port
        return f"http://{f'[{host}]' if ':' in str(host) else host}:{port}"

    def serve_forever(self) -> None:
        self._server.run()

    def shutdown(self) -> None:
        """Stop listening, close every connection and let ``serve_forever`` return."""
        self._server.close()
        wasyncore.close_all(self._server._map)
        self._server.task_dispatcher.shutdown(timeout=5)


class App:
    """The WSGI application: one request in, one reply out, one log line."""

    def __init__(self, endpoint: Endpoint) -> None:
        self.endpoint = endpoint
        self._graphs: list[tuple[str, int]] | None = None  # the named graphs and their sizes, asked once

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        started = time.perf_counter()
        method = environ["REQUEST_METHOD"]
        try:
            status, content_type, body, headers = self._reply(method, environ)
        except Refused as refusal:
            status, content_type, body, headers = refusal.status, "text/plain; charset=utf-8", (refusal.message + "\n").encode(), {}
        fields = {**CORS, **headers, "Content-Type": content_type, "Content-Length": str(len(body))}
        start_response(f"{status} {HTTPStatus(status).phrase}", list(fields.items()))
        took = (time.perf_counter() - started) * 1000
        note = " truncated" if headers.get("X-KG-Truncated") == "true" else ""
        path = environ.get("PATH_INFO", "") + (f"?{environ['QUERY_STRING']}" if environ.get("QUERY_STRING") else "")
        self.endpoint.log(f'{environ.get("REMOTE_ADDR", "-")} "{method} {path[:160]}" {status} {len(body)} B {took:.1f} ms{note}')
        return [b"" if method == "HEAD" else body]

    def _reply(self, method: str, environ: dict[str, Any]) -> Reply:
        endpoint = self.endpoint
        path, query = environ.get("PATH_INFO", ""), environ.get("QUERY_STRING", "")
        if method == "OPTIONS":
            return 204, "text/plain", b"", {}
        if endpoint.token is not None and not authorised(environ.get("HTTP_AUTHORIZATION", ""), endpoint.token):
            return 401, "text/plain; charset=utf-8", b"this endpoint needs its token: Authorization: Bearer TOKEN, or basic auth with the token as password\n", CHALLENGE
        if method not in ("GET", "HEAD", "POST"):
            raise Refused(405, f"{method} is not served here: GET, HEAD, POST (at /sparql) or OPTIONS")
        body = _body(environ) if method == "POST" else b""
        if path == "/sparql" and method != "POST" and not ({"query", "update"} & set(parse_qs(query, keep_blank_values=True))):
            return self._description(environ)
        if path == "/sparql":
            request = parse_request(method, query, environ.get("CONTENT_TYPE", ""), body, environ.get("HTTP_ACCEPT", "*/*"))
            answer = endpoint.pool.run(request, endpoint.timeout)
            headers = {"Vary": "Accept"} | ({"X-KG-Truncated": str(answer.truncated).lower()} if answer.status == 200 else {})
            return answer.status, answer.content_type, answer.body, headers
        if method == "POST":
            raise Refused(405, "only /sparql takes POST")
        if path == "/":
            base = f"{environ.get('wsgi.url_scheme', 'http')}://{environ.get('HTTP_HOST') or environ.get('SERVER_NAME', '')}"
            page = index_page(f"{base}/sparql", endpoint.graph, endpoint.pool.triples, endpoint.max_rows, endpoint.timeout, endpoint.maps_dir)
            return 200, "text/html; charset=utf-8", page, {}
        if path.startswith("/assets/"):
            content_type, data = asset(path.removeprefix("/assets/"))
            return 200, content_type, data, {"Cache-Control": "max-age=86400"}
        if endpoint.maps_dir is not None and (path == "/maps" or path.startswith("/maps/")):
            content_type, data = static_file(endpoint.maps_dir, _raw_path(environ).removeprefix("/maps"))
            return 200, content_type, data, {}
        raise Refused(404, "nothing here: see / for what this server offers")

    def _description(self, environ: dict[str, Any]) -> Reply:
        """The Service Description, in the RDF format the Accept header asks for (Turtle by default)."""
        endpoint = self.endpoint
        fmt = format_for_media_type(environ.get("HTTP_ACCEPT", "*/*"), "graph")
        if fmt is None:
            raise Refused(406, "the service description is RDF: ask for text/turtle, application/rdf+xml, application/ld+json, ...")
        if self._graphs is None:
            answer = endpoint.pool.run(Request(GRAPHS_QUERY, accept="application/sparql-results+json"), endpoint.timeout)
            if answer.status != 200:
                raise Refused(answer.status, answer.body.decode("utf-8", "replace").strip())
            rows = json.loads(answer.body)["results"]["bindings"]
            self._graphs = [(row["g"]["value"], int(row["n"]["value"])) for row in rows]
        url = f"{environ.get('wsgi.url_scheme', 'http')}://{environ.get('HTTP_HOST') or environ.get('SERVER_NAME', '')}/sparql"
        triples = describe(url, endpoint.pool.triples, self._graphs, endpoint.max_rows, endpoint.timeout)
        return 200, media_type(fmt), serialize(triples, fmt), {"Vary": "Accept"}


def _body(environ: dict[str, Any]) -> bytes:
    """The request body; waitress has already refused one over MAX_BODY (413) and undone chunking."""
    length = environ.get("CONTENT_LENGTH") or ""
    if not length.isdigit():
        raise Refused(411, "a POST needs a Content-Length")
    if int(length) > MAX_BODY:
        raise Refused(413, f"the request body is larger than {MAX_BODY} bytes")
    return environ["wsgi.input"].read(int(length))


def _raw_path(environ: dict[str, Any]) -> str:
    """The path as sent, still %-encoded (``%2e%2e`` stays as it is, for the maps folder's own check)."""
    return str(environ.get("REQUEST_URI") or environ.get("PATH_INFO", "")).split("?", 1)[0]


def is_loopback(host: str) -> bool:
    """Whether every address ``host`` names is a loopback address (127.0.0.0/8, ::1)."""
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(host, None)}
    except socket.gaierror:
        return False
    return all(ipaddress.ip_address(address.split("%")[0]).is_loopback for address in addresses)
