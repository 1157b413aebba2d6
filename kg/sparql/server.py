"""`kg serve`'s HTTP side: a stdlib threading server for ``/`` (what is here), ``/sparql`` and ``/maps/``.

Each connection gets a thread that parses the protocol and waits on the worker pool, which does the
SPARQL work in other processes under the timeout. Every response carries a CORS header so that a
query editor in a browser (YASGUI) can call the endpoint; one line is logged per request.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from kg import __version__
from kg.sparql.guard import Refused
from kg.sparql.pool import WorkerPool
from kg.sparql.protocol import parse_request
from kg.sparql.site import index_page, static_file

MAX_BODY = 1 << 20
CORS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
    "Access-Control-Allow-Headers": "Accept, Content-Type",
    "Access-Control-Expose-Headers": "X-KG-Truncated",
}
Reply = tuple[int, str, bytes, dict[str, str]]


@dataclass
class Endpoint:
    """What every request handler needs: the pool and the limits, the files served, where to log."""

    pool: WorkerPool
    graph: Path
    timeout: float
    max_rows: int
    maps_dir: Path | None
    log: Callable[[str], None]


class EndpointServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, host: str, port: int, endpoint: Endpoint) -> None:
        self.address_family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
        self.endpoint = endpoint
        super().__init__((host, port), Handler)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{f'[{host}]' if ':' in str(host) else host}:{port}"


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = f"kg/{__version__}"
    server: EndpointServer

    def do_GET(self) -> None:
        self._handle("GET")

    def do_POST(self) -> None:
        self._handle("POST")

    def do_OPTIONS(self) -> None:
        self._handle("OPTIONS")

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        """Replaced by the one line ``_handle`` logs with the time taken."""

    def log_message(self, format: str, *args: object) -> None:
        self.server.endpoint.log(f"{self.client_address[0]} {format % args}")

    def _handle(self, method: str) -> None:
        started = time.perf_counter()
        try:
            status, content_type, body, headers = self._reply(method)
        except Refused as refusal:
            status, content_type, body, headers = refusal.status, "text/plain; charset=utf-8", (refusal.message + "\n").encode(), {}
        self.send_response(status)
        for name, value in {**CORS, **headers, "Content-Type": content_type, "Content-Length": str(len(body))}.items():
            self.send_header(name, value)
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        try:
            self.wfile.write(body)
        except ConnectionError:  # the client went away; nothing to tell it
            self.close_connection = True
        took = (time.perf_counter() - started) * 1000
        note = " truncated" if headers.get("X-KG-Truncated") == "true" else ""
        self.server.endpoint.log(f'{self.client_address[0]} "{method} {self.path[:160]}" {status} {len(body)} B {took:.1f} ms{note}')

    def _reply(self, method: str) -> Reply:
        endpoint = self.server.endpoint
        body = self._body() if method == "POST" else b""
        url = urlsplit(self.path)
        if method == "OPTIONS":
            return 204, "text/plain", b"", {}
        if url.path == "/sparql":
            request = parse_request(method, url.query, self.headers.get("Content-Type", ""), body, self.headers.get("Accept", "*/*"))
            answer = endpoint.pool.run(request, endpoint.timeout)
            headers = {"Vary": "Accept"} | ({"X-KG-Truncated": str(answer.truncated).lower()} if answer.status == 200 else {})
            return answer.status, answer.content_type, answer.body, headers
        if method != "GET":
            raise Refused(405, "only /sparql takes POST")
        if url.path == "/":
            base = f"http://{self.headers.get('Host') or self.server.url.removeprefix('http://')}"
            page = index_page(f"{base}/sparql", endpoint.graph, endpoint.pool.triples, endpoint.max_rows, endpoint.timeout, endpoint.maps_dir)
            return 200, "text/html; charset=utf-8", page, {}
        if endpoint.maps_dir is not None and (url.path == "/maps" or url.path.startswith("/maps/")):
            content_type, data = static_file(endpoint.maps_dir, url.path.removeprefix("/maps"))
            return 200, content_type, data, {}
        raise Refused(404, "nothing here: see / for what this server offers")

    def _body(self) -> bytes:
        length = self.headers.get("Content-Length")
        if length is None or not length.isdigit():
            self.close_connection = True
            raise Refused(411, "a POST needs a Content-Length")
        if int(length) > MAX_BODY:
            self.close_connection = True
            raise Refused(413, f"the request body is larger than {MAX_BODY} bytes")
        return self.rfile.read(int(length))


def is_loopback(host: str) -> bool:
    """Whether every address ``host`` names is a loopback address (127.0.0.0/8, ::1)."""
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(host, None)}
    except socket.gaierror:
        return False
    return all(ipaddress.ip_address(address.split("%")[0]).is_loopback for address in addresses)
