"""The SPARQL 1.1 Protocol's query operation: an HTTP request in, a Request (or a refusal) out.

Three ways to send a query (https://www.w3.org/TR/sparql11-protocol/#query-operation): GET with
``?query=``, POST of an HTML form (``query=``), POST of the bare query (``application/sparql-query``).
Every way of sending an update is refused: this endpoint is read-only.
"""

from __future__ import annotations

from urllib.parse import parse_qs

from kg.sparql.answer import Request
from kg.sparql.guard import READ_ONLY, Refused

FORM = "application/x-www-form-urlencoded"
QUERY = "application/sparql-query"
UPDATE = "application/sparql-update"
FORMAT_PARAMETERS = ("format", "output", "results")
"""Parameters clients use to ask for a result format besides Accept (SPARQLWrapper sends all three)."""


def parse_request(method: str, url_query: str, content_type: str, body: bytes, accept: str) -> Request:
    """The query request in an HTTP GET or POST to the endpoint; Refused with the status to answer otherwise."""
    params = parse_qs(url_query, keep_blank_values=True)
    media = content_type.split(";")[0].strip().lower()
    if method == "POST":
        if media == FORM:
            for key, values in parse_qs(_text(body), keep_blank_values=True).items():
                params.setdefault(key, []).extend(values)
        elif media == QUERY:
            params.setdefault("query", []).append(_text(body))
        elif media == UPDATE:
            raise Refused(403, READ_ONLY)
        else:
            raise Refused(415, f"unsupported Content-Type {media or '(none)'!r}: POST {FORM} (query=...) or {QUERY}")
    if "update" in params:
        raise Refused(403, READ_ONLY)
    queries = params.get("query", [])
    if len(queries) != 1 or not queries[0].strip():
        raise Refused(400, "send exactly one non-empty query: GET /sparql?query=..., or POST it (see the page at /)")
    return Request(
        query=queries[0],
        accept=accept or "*/*",
        formats=tuple(value for name in FORMAT_PARAMETERS for value in params.get(name, []) if value),
        default_graphs=tuple(params.get("default-graph-uri", [])),
        named_graphs=tuple(params.get("named-graph-uri", [])),
    )


def _text(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as problem:
        raise Refused(400, f"the request body is not UTF-8: {problem}") from None
