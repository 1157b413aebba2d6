"""A throwaway Virtuoso for tests: its own database and ini in a temporary folder, loopback ports, stopped after.

Virtuoso binds where its ini says, so the ini is written here (adapted from Debian's
/etc/virtuoso-opensource-7/virtuoso.ini: every file in the temporary folder, both ports on 127.0.0.1,
no plugins). A fresh database has user ``dba`` with password ``dba``, allowed to write through the
authenticated Graph Store at ``/sparql-graph-crud-auth`` (digest auth).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

BINARY = "virtuoso-t"
INSTALL = "apt-get install virtuoso-opensource (or: make system-deps)"
INI = """\
[Database]
DatabaseFile = {folder}/virtuoso.db
ErrorLogFile = {folder}/virtuoso.log
LockFile = {folder}/virtuoso.lck
TransactionFile = {folder}/virtuoso.trx
xa_persistent_file = {folder}/virtuoso.pxa
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {folder}/virtuoso-temp.db
TransactionFile = {folder}/virtuoso-temp.trx
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
CheckpointInterval = 0
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
DirsAllowed = ., {folder}
CaseMode = 2

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {folder}
ServerThreads = 10
MaxClientConnections = 10
Charset = UTF-8

[SPARQL]
ResultSetMaxRows = 10000
MaxQueryExecutionTime = 60
"""


@dataclass(frozen=True)
class Virtuoso:
    url: str
    folder: Path
    sql_port: int

    def isql(self, script: str) -> str:
        """Run SQL statements as ``dba`` with Virtuoso's own client (isql-vt); its output, or a failure with it."""
        client = shutil.which("isql-vt") or shutil.which("isql-vt", path="/usr/bin")
        if client is None:
            pytest.fail(f"isql-vt is missing: {INSTALL}")
        done = subprocess.run([client, f"127.0.0.1:{self.sql_port}", "dba", "dba"], input=script, capture_output=True, text=True, timeout=600)
        if done.returncode != 0 or "*** Error" in done.stdout + done.stderr:
            pytest.fail(f"isql failed: {done.stdout[-2000:]} {done.stderr[-2000:]}")
        return done.stdout

    @property
    def graph_store(self) -> str:
        """The Graph Store HTTP Protocol endpoint that takes writes (digest auth)."""
        return f"{self.url}/sparql-graph-crud-auth"

    def count(self, graph: str) -> int:
        """Triples in a named graph, counted by SPARQL (reading a graph back stops at ResultSetMaxRows)."""
        query = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
        response = requests.get(f"{self.url}/sparql", params={"query": query}, headers={"Accept": "application/sparql-results+json"}, timeout=30)
        response.raise_for_status()
        return int(response.json()["results"]["bindings"][0]["n"]["value"])


def require_virtuoso() -> str:
    """The path of virtuoso-t; skips the test when it is missing (fails under CI)."""
    binary = shutil.which(BINARY) or shutil.which(BINARY, path="/usr/bin")
    if binary is None:
        message = f"Virtuoso ({BINARY}) is not installed: {INSTALL}"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return binary


@contextmanager
def running_virtuoso(binary: str, startup: float = 60.0) -> Iterator[Virtuoso]:
    """Start Virtuoso on a fresh database; stop it and remove its folder afterwards, even on failure."""
    with tempfile.TemporaryDirectory(prefix="kg-virtuoso-") as name:
        folder = Path(name)
        sql_port, http_port = _free_ports(2)
        (folder / "virtuoso.ini").write_text(INI.format(folder=folder, sql_port=sql_port, http_port=http_port))
        with open(folder / "stdout.log", "wb") as output:
            process = subprocess.Popen([binary, "+foreground", "+configfile", "virtuoso.ini"], cwd=folder, stdout=output, stderr=subprocess.STDOUT)
        try:
            server = Virtuoso(f"http://127.0.0.1:{http_port}", folder, sql_port)
            _wait_until_ready(server, process, startup)
            yield server
        finally:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _wait_until_ready(server: Virtuoso, process: subprocess.Popen, startup: float) -> None:
    deadline = time.monotonic() + startup
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"Virtuoso exited with {process.returncode}: {_log_tail(server.folder)}")
        try:
            if requests.get(f"{server.url}/sparql", params={"query": "ASK {}"}, timeout=2).ok:
                return
        except requests.ConnectionError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"Virtuoso did not answer within {startup:g} s: {_log_tail(server.folder)}")


def _log_tail(folder: Path) -> str:
    log = folder / "virtuoso.log"
    return log.read_text(errors="replace")[-2000:] if log.is_file() else "(no log)"


def _free_ports(count: int) -> list[int]:
    """Ports the system just handed out and released (all held at once, so they differ)."""
    sockets = [socket.socket() for _ in range(count)]
    try:
        for sock in sockets:
            sock.bind(("127.0.0.1", 0))
        return [sock.getsockname()[1] for sock in sockets]
    finally:
        for sock in sockets:
            sock.close()
