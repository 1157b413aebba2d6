"""`kg serve`: the SPARQL 1.1 Protocol endpoint, queried by real clients (SPARQLWrapper, requests, raw HTTP)."""

from __future__ import annotations

import http.client
import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pyoxigraph as ox
import pytest
import requests
from rdflib import Graph, URIRef
from SPARQLWrapper import CSV, JSON, JSONLD, POST, POSTDIRECTLY, TURTLE, XML, SPARQLWrapper

from kg.sparql.answer import Request
from kg.sparql.pool import StoreSpec, WorkerPool
from kg.sparql.server import Connections, Endpoint, EndpointServer, is_loopback
from kg.sparql.store import GraphFileError
from tests.utils.building import EXPORTS

FIXTURE = """\
@prefix schema: <https://schema.org/> .
@base <https://w3id.org/sociaal-kg/id/> .

<source/a> {
  <article/1> a schema:Article ; schema:headline "Wijkteams werken samen" ; schema:author <person/1> , <person/2> .
  <person/1> a schema:Person ; schema:name "Anna de Vries" ; schema:affiliation <organization/movisie> .
  <person/2> a schema:Person ; schema:name "Bram Jansen" ; schema:affiliation <organization/movisie> .
  <person/3> a schema:Person ; schema:name "Chantal Bakker" .
  <organization/movisie> a schema:Organization ; schema:name "Movisie" .
}

<source/b> {
  <article/2> a schema:Article ; schema:headline "SERVICE in het sociaal domein" ; schema:author <person/4> .
  <person/4> a schema:Person ; schema:name "Daan Visser" .
  <person/5> a schema:Person ; schema:name "Eva Smit" .
  <person/6> a schema:Person ; schema:name "Fatima El Amrani" .
  <person/7> a schema:Person ; schema:name "Gert de Boer" .
}
"""
NAMES = ["Anna de Vries", "Bram Jansen", "Chantal Bakker", "Daan Visser", "Eva Smit", "Fatima El Amrani", "Gert de Boer"]
PEOPLE = "PREFIX schema: <https://schema.org/> SELECT ?name WHERE { ?p a schema:Person ; schema:name ?name } ORDER BY ?name"
AUTHORS = "PREFIX schema: <https://schema.org/> CONSTRUCT { ?a schema:author ?p } WHERE { ?a schema:author ?p }"
CROSS_JOIN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n0 ?o . ?q ?r ?s . ?t ?u ?v }"
MAX_ROWS = 5
TIMEOUT = 1.5


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, list[str]]]:
    """The endpoint on an ephemeral port over the fixture, with a maps folder; yields its URL and its log."""
    folder = tmp_path_factory.mktemp("served")
    graph = folder / "graph.trig"
    graph.write_text(FIXTURE, encoding="utf-8")
    maps = folder / "maps"
    (maps / "people").mkdir(parents=True)
    (maps / "people" / "index.html").write_text("<html>people map</html>")
    (maps / "themes.html").write_text("<html>themes map</html>")
    log: list[str] = []
    pool = WorkerPool(StoreSpec(graph, None, MAX_ROWS), 2, log.append)
    server = EndpointServer("127.0.0.1", 0, Endpoint(pool, graph, TIMEOUT, MAX_ROWS, maps, log.append))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.url, log
    finally:
        server.shutdown()
        pool.close()


def wrapper(url: str, query: str, fmt: str, method: str = "GET") -> SPARQLWrapper:
    client = SPARQLWrapper(f"{url}/sparql")
    client.setQuery(query)
    client.setReturnFormat(fmt)
    if method != "GET":
        client.setMethod(POST)
        if method == "POSTDIRECTLY":
            client.setRequestMethod(POSTDIRECTLY)
    return client


def all_names(url: str) -> list[str]:
    """Every person's name, in pages below the row limit (each page's LIMIT keeps the answer whole)."""
    names = []
    for offset in range(0, 10, MAX_ROWS):
        page = wrapper(url, f"{PEOPLE} LIMIT {MAX_ROWS} OFFSET {offset}", JSON).queryAndConvert()
        names += [row["name"]["value"] for row in page["results"]["bindings"]]
    return names


@pytest.mark.parametrize("method", ["GET", "POST", "POSTDIRECTLY"])
def test_sparqlwrapper_gets_json_results_by_every_way_of_sending_a_query(served: tuple[str, list[str]], method: str) -> None:
    url, _ = served
    result = wrapper(url, f"{PEOPLE} LIMIT 3", JSON, method).queryAndConvert()
    assert [row["name"]["value"] for row in result["results"]["bindings"]] == NAMES[:3]
    assert all_names(url) == NAMES


def test_xml_and_csv_results_and_ask(served: tuple[str, list[str]]) -> None:
    url, _ = served
    document = wrapper(url, f"{PEOPLE} LIMIT 2", XML, "POST").queryAndConvert()
    assert [node.firstChild.data for node in document.getElementsByTagName("literal")] == NAMES[:2]
    csv = wrapper(url, f"{PEOPLE} LIMIT 2", CSV).queryAndConvert()
    assert csv.decode().splitlines() == ["name", *NAMES[:2]]
    ask = wrapper(url, 'PREFIX schema: <https://schema.org/> ASK { ?p schema:name "Eva Smit" }', JSON).queryAndConvert()
    assert ask["boolean"] is True


@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
def test_construct_gives_turtle_and_json_ld(served: tuple[str, list[str]]) -> None:
    url, _ = served
    turtle = wrapper(url, AUTHORS, TURTLE).queryAndConvert()
    assert len(Graph().parse(data=turtle, format="turtle")) == 3
    jsonld = wrapper(url, AUTHORS, JSONLD, "POST").queryAndConvert()
    assert len(jsonld) == 3  # SPARQLWrapper parses JSON-LD into an rdflib Graph


@pytest.mark.parametrize(
    ("data", "content_type", "status", "message"),
    [
        ({"query": "SELECT * WHERE { ?s ?p }"}, None, 400, "malformed SPARQL"),
        ({"query": "PREFIX s: <https://schema.org/> SELECT * WHERE { ?x undefined:p ?o }"}, None, 400, "malformed SPARQL"),
        ({"update": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}, None, 403, "read-only"),
        ({"query": "DELETE WHERE { ?s ?p ?o }"}, None, 403, "read-only"),
        ("DROP ALL", "application/sparql-update", 403, "read-only"),
        ({"query": "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"}, None, 400, "SERVICE is refused"),
        ({"query": "select * { optional { SeRvIcE silent ?endpoint { ?s ?p ?o } } }"}, None, 400, "SERVICE is refused"),
        ({"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 1", "default-graph-uri": "not an IRI"}, None, 400, "bad request"),
        ({"query": " "}, None, 400, "exactly one non-empty query"),
        ("query=x", "text/plain", 415, "unsupported Content-Type"),
    ],
)
def test_refusals_have_the_right_status_and_say_why(served: tuple[str, list[str]], data: object, content_type: str | None, status: int, message: str) -> None:
    url, _ = served
    headers = {"Content-Type": content_type} if content_type else {}
    response = requests.post(f"{url}/sparql", data=data, headers=headers, timeout=10)
    assert response.status_code == status
    assert message in response.text


def test_service_inside_a_string_is_not_a_service_call(served: tuple[str, list[str]]) -> None:
    url, _ = served
    query = 'PREFIX schema: <https://schema.org/> SELECT ?a WHERE { ?a schema:headline "SERVICE in het sociaal domein" }'
    response = requests.get(f"{url}/sparql", params={"query": query}, timeout=10)
    assert response.status_code == 200
    assert response.json()["results"]["bindings"][0]["a"]["value"].endswith("article/2")


def test_content_negotiation_and_406(served: tuple[str, list[str]]) -> None:
    url, _ = served
    query = {"query": f"{PEOPLE} LIMIT 1"}
    tsv = requests.get(f"{url}/sparql", params=query, headers={"Accept": "text/tab-separated-values"}, timeout=10)
    assert tsv.headers["Content-Type"].startswith("text/tab-separated-values")
    assert requests.get(f"{url}/sparql", params={**query, "format": "xml"}, timeout=10).headers["Content-Type"] == "application/sparql-results+xml"
    refused = requests.get(f"{url}/sparql", params=query, headers={"Accept": "image/png"}, timeout=10)
    assert refused.status_code == 406
    assert "application/sparql-results+json" in refused.text
    graph = requests.get(f"{url}/sparql", params={"query": AUTHORS}, headers={"Accept": "text/csv"}, timeout=10)
    assert graph.status_code == 406


def test_results_are_cut_at_max_rows_and_the_client_is_told(served: tuple[str, list[str]]) -> None:
    url, _ = served
    cut = requests.get(f"{url}/sparql", params={"query": PEOPLE}, timeout=10)
    assert cut.headers["X-KG-Truncated"] == "true"
    assert [row["name"]["value"] for row in cut.json()["results"]["bindings"]] == NAMES[:MAX_ROWS]
    whole = requests.get(f"{url}/sparql", params={"query": f"{PEOPLE} LIMIT {MAX_ROWS}"}, timeout=10)
    assert whole.headers["X-KG-Truncated"] == "false"
    triples = requests.get(f"{url}/sparql", params={"query": "CONSTRUCT WHERE { ?s ?p ?o }"}, headers={"Accept": "application/n-triples"}, timeout=10)
    assert triples.headers["X-KG-Truncated"] == "true"
    assert len(triples.text.splitlines()) == MAX_ROWS + 1  # and a comment saying so


def test_dataset_from_protocol_parameters_and_from_clauses(served: tuple[str, list[str]]) -> None:
    url, _ = served
    count = "SELECT (COUNT(*) AS ?n) {} WHERE {{ ?s a <https://schema.org/Person> }}"
    source_b = "https://w3id.org/sociaal-kg/id/source/b"

    def people(query: str, **params: str) -> int:
        response = requests.get(f"{url}/sparql", params={"query": query, **params}, timeout=10)
        return int(response.json()["results"]["bindings"][0]["n"]["value"])

    assert people(count.format("")) == 7
    assert people(count.format(""), **{"default-graph-uri": source_b}) == 4
    assert people(count.format(f"FROM <{source_b}>")) == 4


def test_a_query_over_the_timeout_is_stopped_and_the_server_keeps_answering(served: tuple[str, list[str]]) -> None:
    url, _ = served
    started = time.monotonic()
    slow = requests.post(f"{url}/sparql", data={"query": CROSS_JOIN}, timeout=30)
    assert slow.status_code == 504
    assert "timeout" in slow.text
    assert time.monotonic() - started < TIMEOUT + 2
    assert requests.get(f"{url}/sparql", params={"query": f"{PEOPLE} LIMIT 1"}, timeout=10).status_code == 200
    deadline = time.monotonic() + 30  # the stopped worker is replaced: both answer again
    while not all(requests.get(f"{url}/sparql", params={"query": f"{PEOPLE} LIMIT 2"}, timeout=10).ok for _ in range(4)):
        assert time.monotonic() < deadline
        time.sleep(0.2)


def test_many_concurrent_queries_all_succeed(served: tuple[str, list[str]]) -> None:
    url, _ = served
    queries = [f"{PEOPLE} LIMIT 4", "ASK { ?s ?p ?o }", AUTHORS, "PREFIX schema: <https://schema.org/> SELECT ?h { ?a schema:headline ?h }"]

    def client(number: int) -> list[int]:
        statuses = []
        with requests.Session() as session:
            for i in range(50):
                query = queries[(number + i) % len(queries)]
                send = session.get if i % 2 else session.post
                response = send(f"{url}/sparql", **({"params": {"query": query}} if i % 2 else {"data": {"query": query}}), timeout=30)
                statuses.append(response.status_code if response.content else 0)
        return statuses

    with ThreadPoolExecutor(8) as threads:
        statuses = [status for result in threads.map(client, range(8)) for status in result]
    assert len(statuses) == 400
    assert statuses.count(200) == 400
    assert all_names(url) == NAMES


def test_maps_are_served_and_nothing_outside_them(served: tuple[str, list[str]]) -> None:
    url, log = served
    assert requests.get(f"{url}/maps/themes.html", timeout=10).text == "<html>themes map</html>"
    assert requests.get(f"{url}/maps/people/", timeout=10).text == "<html>people map</html>"
    assert "themes.html" in requests.get(f"{url}/maps/", timeout=10).text
    assert requests.get(f"{url}/maps/absent.html", timeout=10).status_code == 404
    host, port = url.removeprefix("http://").split(":")
    for path in ("/maps/../graph.trig", "/maps/%2e%2e/graph.trig", "/maps/..%2Fgraph.trig", "/maps/people/../../graph.trig", "/maps//etc/passwd"):
        connection = http.client.HTTPConnection(host, int(port), timeout=10)
        connection.request("GET", path)
        response = connection.getresponse()
        body = response.read()
        connection.close()
        assert response.status in (403, 404), path
        assert b"<source/a>" not in body and b"root:" not in body
    assert any('"GET /maps/themes.html" 200' in line for line in log)


def test_front_page_and_cors(served: tuple[str, list[str]]) -> None:
    url, _ = served
    page = requests.get(f"{url}/", timeout=10)
    assert f"{url}/sparql" in page.text
    assert "SPARQLWrapper" in page.text and 'href="/maps/themes.html"' in page.text
    assert page.headers["Access-Control-Allow-Origin"] == "*"
    preflight = requests.options(f"{url}/sparql", headers={"Origin": "http://yasgui.example", "Access-Control-Request-Method": "POST"}, timeout=10)
    assert preflight.status_code == 204
    assert "POST" in preflight.headers["Access-Control-Allow-Methods"]


def test_workers_share_an_on_disk_store_read_only(tmp_path: Path) -> None:
    graph = tmp_path / "graph.trig"
    graph.write_text(FIXTURE, encoding="utf-8")
    pool = WorkerPool(StoreSpec(graph, tmp_path / "store", MAX_ROWS), 2, print)
    try:
        count = Request("SELECT (COUNT(*) AS ?n) WHERE { ?p a <https://schema.org/Person> }", accept="text/csv")
        assert [pool.run(count, 10).body for _ in range(2)] == [b"n\r\n7\r\n"] * 2  # one answer from each worker
    finally:
        pool.close()


def test_a_stopped_worker_is_replaced_and_its_unfinished_answer_never_delivered(tmp_path: Path) -> None:
    graph = tmp_path / "graph.trig"
    graph.write_text(FIXTURE, encoding="utf-8")
    pool = WorkerPool(StoreSpec(graph, None, MAX_ROWS), 1, print)
    try:
        assert pool.run(Request(CROSS_JOIN), 0.5).status == 504
        after = pool.run(Request("ASK { ?s ?p ?o }", accept="text/csv"), 20)  # the one worker: a new process
        assert (after.status, after.body) == (200, b"true")
    finally:
        pool.close()


def test_a_graph_that_does_not_load_stops_the_pool_with_its_name(tmp_path: Path) -> None:
    graph = tmp_path / "broken.ttl"
    graph.write_text("<a> <b> .", encoding="utf-8")
    with pytest.raises(GraphFileError, match="broken.ttl"):
        WorkerPool(StoreSpec(graph, None, MAX_ROWS), 2, print)


def test_loopback_detection() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1")
    assert not is_loopback("0.0.0.0")


def test_kg_serve_serves_the_seed_graph_and_stops_on_sigterm() -> None:
    seed = EXPORTS / "kg.trig"
    expected = len({quad.triple for quad in ox.parse(path=str(seed), format=ox.RdfFormat.TRIG)})  # the default graph is a set
    command = [sys.executable, "-m", "kg.cli", "serve", "--graph", str(seed), "--port", "0", "--workers", "1"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env={**os.environ, "COLUMNS": "300"})
    try:
        banner = process.stdout.readline()
        match = re.search(r"(http://127\.0\.0\.1:\d+/sparql)", banner)
        assert match, banner + process.stderr.read()
        response = requests.post(match.group(1), data={"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"}, timeout=30)
        assert json.loads(response.text)["results"]["bindings"][0]["n"]["value"] == str(expected)
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=15) == 0
        assert '"POST /sparql" 200' in process.stderr.read()
    finally:
        process.kill()
        process.wait()


def test_stalled_connections_are_closed_and_do_not_keep_others_waiting(tmp_path: Path) -> None:
    graph = tmp_path / "graph.trig"
    graph.write_text(FIXTURE, encoding="utf-8")
    pool = WorkerPool(StoreSpec(graph, None, MAX_ROWS), 1, print)
    server = EndpointServer("127.0.0.1", 0, Endpoint(pool, graph, TIMEOUT, MAX_ROWS, None, lambda line: None), Connections(idle_timeout=1.0, threads=4))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    host, port = server.url.removeprefix("http://").split(":")
    stalled = []
    try:
        for _ in range(300):  # more than the app has threads: each sends half a request line and stops
            connection = socket.create_connection((host, int(port)), timeout=30)
            connection.sendall(b"GET /sparql?query=ASK")
            stalled.append(connection)
        with ThreadPoolExecutor(16) as threads:  # 200 new connections at once, each one request
            statuses = list(threads.map(lambda _: requests.get(f"{server.url}/sparql", params={"query": "ASK { ?s ?p ?o }"}, timeout=30).status_code, range(200)))
        assert statuses == [200] * 200
        assert all(connection.recv(1) == b"" for connection in stalled)  # closed by the server once idle
    finally:
        for connection in stalled:
            connection.close()
        server.shutdown()
        pool.close()


def test_head_gives_the_headers_of_get_without_a_body(served: tuple[str, list[str]]) -> None:
    url, _ = served
    params = {"query": f"{PEOPLE} LIMIT 2"}
    got = requests.get(f"{url}/sparql", params=params, timeout=10)
    head = requests.head(f"{url}/sparql", params=params, timeout=10)
    assert head.status_code == 200 and head.content == b""
    assert head.headers["Content-Type"] == got.headers["Content-Type"]
    assert head.headers["Content-Length"] == str(len(got.content))


@pytest.mark.parametrize(("accept", "rdflib_format"), [("text/turtle", "turtle"), ("application/rdf+xml", "xml"), ("application/ld+json", "json-ld"), ("*/*", "turtle")])
def test_get_without_a_query_gives_the_service_description(served: tuple[str, list[str]], accept: str, rdflib_format: str) -> None:
    url, _ = served
    response = requests.get(f"{url}/sparql", headers={"Accept": accept}, timeout=10)
    assert response.status_code == 200
    description = Graph().parse(data=response.text, format=rdflib_format)
    answer = description.query(
        """PREFIX sd: <http://www.w3.org/ns/sparql-service-description#> PREFIX void: <http://rdfs.org/ns/void#>
        SELECT ?endpoint ?name ?n WHERE { ?s a sd:Service ; sd:endpoint ?endpoint ; sd:supportedLanguage sd:SPARQL11Query ;
          sd:feature sd:UnionDefaultGraph ; sd:defaultDataset/sd:namedGraph [ sd:name ?name ; sd:graph/void:triples ?n ] } ORDER BY ?name"""
    )
    sizes = Counter(quad.graph_name.value for quad in ox.parse(FIXTURE.encode(), format=ox.RdfFormat.TRIG))
    assert [(str(e), str(g), int(n)) for e, g, n in answer] == [(f"{url}/sparql", graph, sizes[graph]) for graph in sorted(sizes)]
    formats = {str(o) for o in description.objects(predicate=URIRef("http://www.w3.org/ns/sparql-service-description#resultFormat"))}
    assert "http://www.w3.org/ns/formats/SPARQL_Results_JSON" in formats and "http://www.w3.org/ns/formats/N-Quads" in formats
    head = requests.head(f"{url}/sparql", timeout=10)
    assert head.status_code == 200 and head.content == b"" and head.headers["Content-Type"].startswith("text/turtle")


def test_the_cap_is_in_the_body_too(served: tuple[str, list[str]]) -> None:
    url, _ = served
    cut = requests.get(f"{url}/sparql", params={"query": PEOPLE}, timeout=10).json()
    assert cut["head"]["link"] == ["urn:kg:truncated"]
    whole = requests.get(f"{url}/sparql", params={"query": f"{PEOPLE} LIMIT 2"}, timeout=10).json()
    assert "link" not in whole["head"]
    xml = requests.get(f"{url}/sparql", params={"query": PEOPLE, "format": "xml"}, timeout=10).text
    assert '<link href="urn:kg:truncated"/></head>' in xml
    nquads = requests.get(f"{url}/sparql", params={"query": "CONSTRUCT WHERE { ?s ?p ?o }"}, headers={"Accept": "application/n-quads"}, timeout=10)
    assert nquads.headers["Content-Type"] == "application/n-quads"
    assert nquads.text.endswith(f"# truncated: only the first {MAX_ROWS} results are given\n")
    assert len(list(ox.parse(nquads.content, format=ox.RdfFormat.N_QUADS))) == MAX_ROWS
