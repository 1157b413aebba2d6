"""`kg serve --token-file`: every request needs the token, as a bearer token or a basic-auth password."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest
import requests
from SPARQLWrapper import JSON, SPARQLWrapper

from kg.sparql.access import authorised
from tests.sparql.test_server import FIXTURE

ASK = {"query": "ASK { ?s ?p ?o }"}


def test_the_token_is_accepted_as_bearer_or_basic_password_and_nothing_else() -> None:
    assert authorised("Bearer s3cret", "s3cret")
    assert authorised("Basic " + "dXNlcjpzM2NyZXQ=", "s3cret")  # user:s3cret
    assert not authorised("Bearer wrong", "s3cret")
    assert not authorised("Basic dXNlcjp3cm9uZw==", "s3cret")  # user:wrong
    assert not authorised("Basic not-base64!", "s3cret")
    assert not authorised("", "s3cret") and not authorised("Digest s3cret", "s3cret")


@pytest.fixture(scope="module")
def guarded(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, subprocess.Popen]:
    folder = tmp_path_factory.mktemp("guarded")
    (folder / "graph.trig").write_text(FIXTURE, encoding="utf-8")
    (folder / "token").write_text("s3cret\n", encoding="utf-8")
    command = [sys.executable, "-m", "kg.cli", "serve", "--graph", str(folder / "graph.trig"), "--port", "0", "--workers", "1", "--token-file", str(folder / "token")]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env={**os.environ, "COLUMNS": "300"})
    banner = process.stdout.readline()
    match = re.search(r"(http://127\.0\.0\.1:\d+)/sparql", banner)
    assert match, banner
    yield match.group(1), process
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=15)


def test_requests_without_the_token_are_refused(guarded: tuple[str, subprocess.Popen]) -> None:
    url, _ = guarded
    for response in (requests.get(f"{url}/sparql", params=ASK, timeout=10), requests.get(f"{url}/", timeout=10),
                     requests.get(f"{url}/sparql", params=ASK, headers={"Authorization": "Bearer wrong"}, timeout=10)):  # fmt: skip
        assert response.status_code == 401
        assert response.headers["WWW-Authenticate"].startswith("Basic")
    assert requests.options(f"{url}/sparql", timeout=10).status_code == 204  # a browser's preflight carries no credentials


def test_clients_with_the_token_are_answered(guarded: tuple[str, subprocess.Popen]) -> None:
    url, _ = guarded
    assert requests.get(f"{url}/sparql", params=ASK, headers={"Authorization": "Bearer s3cret"}, timeout=10).text.strip() != ""
    assert requests.get(f"{url}/sparql", params=ASK, auth=("anyone", "s3cret"), timeout=10).status_code == 200
    client = SPARQLWrapper(f"{url}/sparql")
    client.setCredentials("researcher", "s3cret")
    client.setQuery(ASK["query"])
    client.setReturnFormat(JSON)
    assert client.queryAndConvert()["boolean"] is True


def test_an_empty_token_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "token").write_text("\n")
    done = subprocess.run([sys.executable, "-m", "kg.cli", "serve", "--token-file", str(tmp_path / "token"), "--port", "0"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "token file is empty" in done.stderr and "Traceback" not in done.stderr
