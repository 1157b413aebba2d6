"""`kg query` as a user types it: saved questions, files, strings, every output format, and the errors."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from rdflib import Graph

from tests.utils.building import EXPORTS

GRAPH = Path(__file__).resolve().parent / "fixtures" / "graph.trig"
SPARQL_RESULTS = "{http://www.w3.org/2005/sparql-results#}"
HEADLINES = "PREFIX schema: <https://schema.org/> SELECT ?headline WHERE { ?a a schema:Article ; schema:headline ?headline } ORDER BY ?headline"
PEOPLE_GRAPH = "PREFIX schema: <https://schema.org/> CONSTRUCT { ?p schema:name ?n } WHERE { ?p a schema:Person ; schema:name ?n }"


def _kg(*args: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-m", "kg.cli", "query", *args], check=False, capture_output=True, timeout=120, env=env)


def _fixture(*args: str) -> subprocess.CompletedProcess[bytes]:
    return _kg("--graph", str(GRAPH), *args)


def test_a_saved_question_by_name_as_csv() -> None:
    done = _fixture("articles-by-author", "--format", "csv")
    assert done.returncode == 0, done.stderr
    table = list(csv.DictReader(io.StringIO(done.stdout.decode())))
    assert [(row["authorName"], row["headline"]) for row in table][:2] == [("Anna de Vries", "Armoede in de wijk"), ("Anna de Vries", "Samen sterker")]
    assert len(table) == 6


def test_a_query_string_as_tsv_json_and_xml() -> None:
    headlines = ["Armoede in de wijk", "Samen sterker", "Wonen en zorg"]
    tsv = _fixture(HEADLINES, "--format", "tsv").stdout.decode().splitlines()
    assert tsv == ["?headline"] + [f'"{h}"' for h in headlines]
    answer = json.loads(_fixture(HEADLINES, "--format", "json").stdout)
    assert answer["head"]["vars"] == ["headline"]
    assert [b["headline"]["value"] for b in answer["results"]["bindings"]] == headlines
    root = ET.fromstring(_fixture(HEADLINES, "--format", "xml").stdout)
    assert [e.text for e in root.iter(f"{SPARQL_RESULTS}literal")] == headlines


def test_a_rq_file_with_a_bound_parameter(tmp_path: Path) -> None:
    query = tmp_path / "by-author.rq"
    query.write_text(
        "PREFIX schema: <https://schema.org/>\nSELECT DISTINCT ?headline ?name WHERE { ?a schema:author/schema:name ?name ; schema:headline ?headline }\n"
    )
    done = _fixture(str(query), "--bind", "name=Dirk Smit", "--format", "csv")
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode().splitlines() == ["headline,name", "Wonen en zorg,Dirk Smit"]


def test_binding_an_iri_by_its_prefixed_name() -> None:
    done = _fixture("co-authors", "--bind", "person=kgr:person/dirk", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(done.stdout.decode())))
    assert [(r["personName"], r["coAuthorName"]) for r in rows] == [("Dirk Smit", "Bram Jansen")]


def test_construct_gives_turtle_and_json_ld_that_parse_back() -> None:
    turtle = _fixture(PEOPLE_GRAPH, "--format", "turtle")
    assert turtle.returncode == 0, turtle.stderr
    people = Graph().parse(data=turtle.stdout.decode(), format="turtle")
    assert sorted(str(o) for o in people.objects()) == ["Anna de Vries", "Bram Jansen", "Carla Bakker", "Dirk Smit", "Eva Mulder", "Frank Visser"]
    jsonld = Graph().parse(data=_fixture(PEOPLE_GRAPH, "--format", "jsonld").stdout.decode(), format="json-ld")
    assert set(jsonld) == set(people)


def test_the_table_shows_names_and_compact_iris() -> None:
    done = _fixture("co-authors", "--bind", "person=kgr:person/dirk")
    assert done.returncode == 0, done.stderr
    out = done.stdout.decode()
    assert "Bram Jansen" in out and "kgr:person/" in out and "https://w3id.org" not in out


def test_list_shows_every_saved_question() -> None:
    done = _kg("--list")
    assert done.returncode == 0
    for name in ("articles-by-author", "co-authors", "evidence-for-a-fact", "recommendations-per-theme"):
        assert name in done.stdout.decode()


def test_malformed_sparql_is_refused_with_line_and_column() -> None:
    done = _fixture("PREFIX schema: <https://schema.org/>\nSELECT ?x WHERE { ?x schema:name }")
    assert done.returncode == 2
    assert re.search(r"malformed SPARQL at line 2, column \d+", done.stderr.decode())


def test_updates_are_refused() -> None:
    done = _fixture("PREFIX schema: <https://schema.org/>\nINSERT DATA { <urn:a> schema:name 'x' }")
    assert done.returncode == 2 and "update" in done.stderr.decode().lower()


def test_a_missing_graph_or_query_is_named() -> None:
    missing = _kg("co-authors", "--graph", "nowhere.trig")
    assert missing.returncode == 2 and b"nowhere.trig" in missing.stderr
    unknown = _fixture("no-such-question")
    assert unknown.returncode == 2 and b"no-such-question" in unknown.stderr and b"--list" in unknown.stderr


def test_a_format_that_does_not_fit_the_query_form_is_refused() -> None:
    done = _fixture(PEOPLE_GRAPH, "--format", "csv")
    assert done.returncode == 2 and b"turtle" in done.stderr


def test_the_seed_exports_are_the_default_graph() -> None:
    assert (EXPORTS / "kg.trig").is_file()
    done = _kg("people-per-organisation", "--format", "json")
    assert done.returncode == 0, done.stderr
    bindings = json.loads(done.stdout)["results"]["bindings"]
    assert len(bindings) >= 10 and all(b["personName"]["value"] for b in bindings)


def test_a_persistent_store_is_reused(tmp_path: Path) -> None:
    first = _fixture(HEADLINES, "--store", str(tmp_path / "store"), "--format", "csv")
    again = _fixture(HEADLINES, "--store", str(tmp_path / "store"), "--format", "csv")
    assert first.returncode == again.returncode == 0, first.stderr + again.stderr
    assert first.stdout == again.stdout and first.stdout.count(b"\n") == 4


def test_timeout_and_engine_errors_are_one_line_with_exit_2() -> None:
    cross = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n0 ?o . ?q ?r ?s . ?t ?u ?v }"
    cases = [
        ((cross, "--timeout", "1"), "1 s timeout"),
        (("PREFIX afn: <http://jena.apache.org/ARQ/function#> SELECT (afn:localname(?s) AS ?x) WHERE { ?s ?p ?o }",), "is not supported"),
        (("SELECT * WHERE { FILTER(" + "(" * 40 + "1" + ")" * 40 + ") }",), "nests brackets"),
        (("SELECT * WHERE { SERVICE <http://a/> { SERVICE <http://b/> { ?s ?p ?o } } }",), "SERVICE is refused"),
    ]
    for args, message in cases:
        done = _fixture(*args)
        err = done.stderr.decode()
        assert done.returncode == 2, err
        assert message in err and "Traceback" not in err and len(err.strip().splitlines()) == 1, err


def test_max_rows_cuts_the_answer_and_says_so_on_stderr() -> None:
    done = _fixture(HEADLINES, "--max-rows", "2", "--format", "csv")
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode().splitlines() == ["headline", "Armoede in de wijk", "Samen sterker"]
    assert b"only the first 2 rows" in done.stderr
    whole = _fixture(HEADLINES, "--max-rows", "3", "--format", "csv")
    assert whole.stdout.count(b"\n") == 4 and b"only the first" not in whole.stderr


def test_a_name_bound_where_a_node_is_expected_is_looked_up_by_label() -> None:
    by_iri = _fixture("people-per-organisation", "--bind", "organisation=kgr:organization/movisie", "--format", "csv")
    by_name = _fixture("people-per-organisation", "--bind", "organisation=movisie", "--format", "csv")
    assert by_iri.returncode == by_name.returncode == 0, by_name.stderr
    assert by_name.stdout == by_iri.stdout and b"Anna de Vries" in by_name.stdout
    partial = _fixture("people-per-organisation", "--bind", "organisation=Avans")
    assert partial.returncode == 2 and b"expects a node" in partial.stderr and b"kgr:organization/avans (Avans Hogeschool)" in partial.stderr
    named = _fixture("articles-by-author", "--bind", "authorName=Dirk Smit", "--format", "csv")  # a name parameter stays a string
    assert named.returncode == 0 and b"Wonen en zorg" in named.stdout
