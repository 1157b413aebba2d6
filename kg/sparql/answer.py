"""One SPARQL Protocol request answered against a store: check, negotiate, evaluate, cap, serialise.

This runs inside an endpoint worker process, so all of it (parsing included) is bounded by the
endpoint's timeout.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from itertools import islice

import pyoxigraph as ox

from kg.sparql.guard import Refused, check
from kg.sparql.results import NEGOTIATED, RESULT_FORMATS, Kind, Result, format_for_media_type, media_type, serialize
from kg.sparql.store import SparqlStore

ALIASES = {"json-ld": "jsonld", "n-triples": "ntriples", "rdf+xml": "rdfxml", "ttl": "turtle"}
"""Other names clients use in ``format=`` (SPARQLWrapper sends ``json-ld``)."""
TRUNCATED = "urn:kg:truncated"
POSITION = re.compile(r"error at (\d+):(\d+): ")


@dataclass(frozen=True)
class Request:
    """What a client asked: the query, its dataset (protocol parameters) and what it accepts."""

    query: str
    accept: str = "*/*"
    formats: tuple[str, ...] = ()
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Answer:
    status: int
    content_type: str
    body: bytes
    truncated: bool = False


def error(status: int, message: str) -> Answer:
    return Answer(status, "text/plain; charset=utf-8", (message + "\n").encode())


def answer(store: SparqlStore, request: Request, max_rows: int | None) -> Answer:
    """The HTTP answer to ``request``: results, or a 4xx/5xx with a message saying why not."""
    try:
        kind = check(request.query)
        fmt = choose_format(kind, request.formats, request.accept)
        if fmt is None:
            offered = ", ".join(RESULT_FORMATS[name].media_types[0] for name in NEGOTIATED if kind in RESULT_FORMATS[name].kinds)
            return error(406, f"none of the accepted media types ({request.accept}) fits this query; available: {offered}")
        result, truncated = capped(store.query(request.query, request.default_graphs, request.named_graphs), max_rows)
        body = serialize(result, fmt)
        return Answer(200, media_type(fmt), marked(body, fmt, max_rows) if truncated else body, truncated)
    except Refused as refusal:
        return error(refusal.status, refusal.message)
    except SyntaxError as problem:
        return error(400, f"malformed SPARQL{position(str(problem))}")
    except ValueError as problem:
        return error(400, f"bad request: {problem}")
    except RecursionError:
        return error(400, "the query is nested too deeply to evaluate")
    except RuntimeError as problem:  # Oxigraph: an unknown function, a SERVICE it cannot call, a failed evaluation
        return error(400, f"the query cannot be evaluated: {_line(str(problem))}")
    except MemoryError:
        return error(500, "the query needed more memory than a query worker may use, and was stopped")
    except OSError as problem:
        return error(500, f"the store could not be read: {problem}")


def marked(body: bytes, fmt: str, max_rows: int | None) -> bytes:
    """A cut answer that says so in its body, for clients that never read the X-KG-Truncated header.

    SPARQL JSON and XML results get a ``link`` to ``urn:kg:truncated`` in their head (both formats
    provide for links there); Turtle, TriG, N-Triples, N-Quads and RDF/XML a closing comment. CSV, TSV
    and JSON-LD have no room for a note that is not data: the header alone says so.
    """
    note = f"truncated: only the first {max_rows:,} results are given"
    if fmt == "json":
        document = json.loads(body)
        document["head"]["link"] = [*document["head"].get("link", []), TRUNCATED]
        return json.dumps(document, ensure_ascii=False).encode()
    if fmt == "xml":
        return body.replace(b"</head>", f'<link href="{TRUNCATED}"/></head>'.encode(), 1)
    if fmt in ("turtle", "trig", "ntriples", "nquads"):
        return body + f"# {note}\n".encode()
    if fmt == "rdfxml":
        return body + f"<!-- {note} -->\n".encode()
    return body


def position(message: str) -> str:
    """`` at line L, column C: …`` from Oxigraph's ``error at L:C: …``, with long lists of expected tokens cut."""
    match = POSITION.match(message)
    detail = _line(message[match.end() :] if match else message)
    return f" at line {match.group(1)}, column {match.group(2)}: {detail}" if match else f": {detail}"


def _line(message: str, limit: int = 160) -> str:
    """A message on one line and at most ``limit`` characters."""
    text = " ".join(message.split())
    return text if len(text) <= limit else text[:limit] + " …"


def choose_format(kind: Kind, hints: tuple[str, ...], accept: str) -> str | None:
    """The first ``format=`` hint that names a format (or media type) fitting ``kind``, else the Accept header's choice.

    Hints that do not fit are passed over: SPARQLWrapper sends ``format=xml`` with a CONSTRUCT query.
    """
    for hint in hints:
        name = ALIASES.get(hint.lower(), hint.lower())
        if name in NEGOTIATED and kind in RESULT_FORMATS[name].kinds:
            return name
        if "/" in hint and (negotiated := format_for_media_type(hint, kind)):
            return negotiated
    return format_for_media_type(accept, kind)


def capped(result: Result, max_rows: int | None) -> tuple[Result | list[ox.Triple], bool]:
    """At most ``max_rows`` solutions or triples (all if None), and whether there were more."""
    if isinstance(result, ox.QueryBoolean):
        return result, False
    head = list(islice(result, None if max_rows is None else max_rows + 1))
    truncated = max_rows is not None and len(head) > max_rows
    if isinstance(result, ox.QuerySolutions):
        return _solutions(result.variables, head[:max_rows]), truncated
    return head[:max_rows], truncated


def _solutions(variables: list[ox.Variable], rows: list[ox.QuerySolution]) -> ox.QuerySolutions:
    """Rows read back as QuerySolutions (pyoxigraph cannot build them from Python values), through
    SPARQL TSV, whose cells are exactly the terms' N-Triples forms."""
    lines = ["\t".join(str(variable) for variable in variables)]
    lines += ["\t".join(["" if term is None else str(term) for term in row]) for row in rows]  # a row iterates in variable order
    return ox.parse_query_results("\n".join(lines) + "\n", ox.QueryResultsFormat.TSV)
