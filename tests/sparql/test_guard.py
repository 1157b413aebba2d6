"""The endpoint's first check: one linear pass that refuses SERVICE however it is spelled, updates, and oversized queries."""

from __future__ import annotations

import re

import pytest

from kg.sparql.guard import MAX_CHAIN, MAX_CHARS, MAX_DEPTH, Refused, check


@pytest.mark.parametrize(
    ("query", "kind"),
    [
        ("SELECT * WHERE { ?s ?p ?o }", "solutions"),
        ("PREFIX s: <http://example.org/> ASK { ?x s:SERVICE 'SERVICE' }", "boolean"),
        ("# SERVICE <http://example.org/>\nCONSTRUCT WHERE { ?s ?p ?o }", "graph"),
        ("BASE <http://example.org/> DESCRIBE <SERVICE>", "graph"),
        ("PREFIX schema: <https://schema.org/> SELECT ?service WHERE { ?service a schema:Service ; schema:serviceType ?t }", "solutions"),
        ('SELECT * WHERE { ?s ?p """a\nSERVICE <x> {}""" }', "solutions"),
        ("SELECT * WHERE { ?s ?p ?o FILTER(?o = 'x'@service) }", "solutions"),
    ],
)
def test_service_in_strings_iris_comments_and_names_is_not_a_call(query: str, kind: str) -> None:
    assert check(query) == kind


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
        "select * { optional { SeRvIcE silent ?endpoint { ?s ?p ?o } } }",
        "SELECT * WHERE { ?s ?p ?o . SERVICE<http://example.org/>{} }",
        "SELECT * WHERE { ?s ?p 1SERVICE <http://example.org/> {} }",
        "SELECT * WHERE { ?s ?p ?o SERVICEex:sparql {} }",
        "SELECT * WHERE { \\u0053ERVICE <http://example.org/> {} }",
        "SELECT * WHERE { SERVICE <http://a/> { SERVICE <http://b/> { ?s ?p ?o } } }",
    ],
)
def test_service_is_refused_however_it_is_written(query: str) -> None:
    with pytest.raises(Refused, match="SERVICE is refused") as refused:
        check(query)
    assert refused.value.status == 400


@pytest.mark.parametrize("query", ["DELETE WHERE { ?s ?p ?o }", "PREFIX a: <urn:a> INSERT DATA { <urn:a> <urn:b> <urn:c> }", "drop all", "LOAD <http://example.org/>"])
def test_updates_are_refused_as_forbidden(query: str) -> None:
    with pytest.raises(Refused) as refused:
        check(query)
    assert refused.value.status == 403


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("SELECT * WHERE { FILTER(" + "(" * (MAX_DEPTH + 8) + "1" + ")" * (MAX_DEPTH + 8) + ") }", "nests brackets"),
        ("SELECT * WHERE " + "{ " * 60 + "?s ?p ?o" + " }" * 60, "nests brackets"),
        ("SELECT * WHERE { ?s ?p ?o FILTER(" + "||".join(f"?o={i}" for i in range(10_000)) + ") }", "||, && and UNION"),
        ("SELECT * WHERE { " + " UNION ".join(["{ ?s ?p ?o }"] * (MAX_CHAIN + 2)) + " }", "||, && and UNION"),
        ("SELECT * WHERE { ?s ?p ?o } # " + "x" * MAX_CHARS, "characters long"),
        ("hello", "expected SELECT, ASK, CONSTRUCT or DESCRIBE"),
        ("SELECT * WHERE { ?s ?p ?o FILTER(bif:contains(?o, 'zorg')) }", "the prefix bif: is not declared"),
        ("PREFIX s: <https://schema.org/> SELECT * WHERE { ?x s:name ?n ; schema:jobTitle ?t }", "the prefix schema: is not declared"),
    ],
)
def test_oversized_deep_and_shapeless_queries_are_refused_before_any_parser(query: str, message: str) -> None:
    with pytest.raises(Refused, match=re.escape(message)) as refused:
        check(query)
    assert refused.value.status == 400


def test_declared_prefixes_and_names_that_only_look_prefixed_pass() -> None:
    assert check("PREFIX schema: <https://schema.org/> PREFIX : <urn:x:> SELECT * WHERE { ?x schema:name 'a:b' ; :p _:b0 . FILTER(?x != <urn:a:b>) }") == "solutions"
    assert check("prefix SCHEMA: <https://schema.org/>\nASK { ?x SCHEMA:name ?n } # c:d") == "boolean"


def test_nesting_and_alternatives_within_the_limits_pass() -> None:
    assert check("SELECT * WHERE { FILTER(" + "(" * 20 + "1" + ")" * 20 + ") }") == "solutions"
    assert check("SELECT * WHERE { ?s ?p ?o FILTER(" + " || ".join(f"?o = {i}" for i in range(500)) + ") }") == "solutions"
