"""SPARQL results out: the formats a query's answer can be written in, content negotiation, a terminal table.

Solutions (SELECT) and booleans (ASK) are written with pyoxigraph's SPARQL 1.1 results serialisers,
graphs (CONSTRUCT, DESCRIBE) with its RDF serialisers, so the bytes are exactly what other SPARQL
tools read. ``format_for_media_type`` picks a format from an HTTP ``Accept`` header as the SPARQL 1.1
Protocol asks (q-values, wildcards; the most specific matching range sets a format's q).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Literal

import pyoxigraph as ox
from rich.table import Table

from kg.rdf.namespaces import PREFIXES

Result = ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples
Kind = Literal["solutions", "boolean", "graph"]
ANSWERS = ("solutions", "boolean")


@dataclass(frozen=True)
class ResultFormat:
    """One output format: the query forms it fits, its media types (the first is the one sent)."""

    name: str
    kinds: tuple[str, ...]
    media_types: tuple[str, ...]
    writer: ox.QueryResultsFormat | ox.RdfFormat | None = None


RESULT_FORMATS: dict[str, ResultFormat] = {
    f.name: f
    for f in (
        ResultFormat("table", ANSWERS + ("graph",), ("text/plain",)),
        ResultFormat("json", ANSWERS, ("application/sparql-results+json", "application/json"), ox.QueryResultsFormat.JSON),
        ResultFormat("xml", ANSWERS, ("application/sparql-results+xml", "application/xml", "text/xml"), ox.QueryResultsFormat.XML),
        ResultFormat("csv", ANSWERS, ("text/csv",), ox.QueryResultsFormat.CSV),
        ResultFormat("tsv", ANSWERS, ("text/tab-separated-values",), ox.QueryResultsFormat.TSV),
        ResultFormat("turtle", ("graph",), ("text/turtle", "application/x-turtle"), ox.RdfFormat.TURTLE),
        ResultFormat("jsonld", ("graph",), ("application/ld+json", "application/json"), ox.RdfFormat.JSON_LD),
        ResultFormat("ntriples", ("graph",), ("application/n-triples",), ox.RdfFormat.N_TRIPLES),
        ResultFormat("rdfxml", ("graph",), ("application/rdf+xml", "application/xml", "text/xml"), ox.RdfFormat.RDF_XML),
        ResultFormat("trig", ("graph",), ("application/trig",), ox.RdfFormat.TRIG),
        ResultFormat("nquads", ("graph",), ("application/n-quads",), ox.RdfFormat.N_QUADS),
    )
}
"""Every format by name; in each kind's order of preference when a client accepts several equally."""

NEGOTIATED = ("json", "xml", "csv", "tsv", "turtle", "jsonld", "ntriples", "rdfxml", "trig", "nquads")
"""The formats an HTTP client can ask for (``table`` is for terminals only)."""

PREFIX_MAP = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}


def kind_of(result: Result) -> Kind:
    """``solutions`` for SELECT, ``boolean`` for ASK, ``graph`` for CONSTRUCT and DESCRIBE."""
    if isinstance(result, ox.QuerySolutions):
        return "solutions"
    if isinstance(result, ox.QueryBoolean):
        return "boolean"
    return "graph"


def formats_for(kind: Kind) -> list[str]:
    """The names of the formats that fit a kind of result, ``table`` first."""
    return [name for name, f in RESULT_FORMATS.items() if kind in f.kinds]


def media_type(fmt: str) -> str:
    """The media type to send with a format (``Content-Type``), with ``charset`` for text."""
    main = _format(fmt).media_types[0]
    return f"{main}; charset=utf-8" if main.startswith("text/") else main


def serialize(result: Result, fmt: str) -> bytes:
    """Write a query result in ``fmt``; ValueError when the format does not fit the query form."""
    kind = kind_of(result)
    spec = _format(fmt)
    if kind not in spec.kinds:
        raise ValueError(f"format {fmt!r} does not fit a {_FORMS[kind]} query; use one of: {', '.join(formats_for(kind))}")
    if spec.writer is None:
        return _plain_text(table(result))
    if kind == "graph":
        return ox.serialize(result, format=spec.writer, prefixes=PREFIX_MAP if spec.name in ("turtle", "trig", "rdfxml") else None)
    return result.serialize(format=spec.writer)


def format_for_media_type(accept_header: str, kind: Kind) -> str | None:
    """The format to answer with for an ``Accept`` header, or None if nothing acceptable fits (HTTP 406).

    A format's q is that of the most specific media range matching it; the highest q wins, then the
    more specific range, then the range listed first, then the server's preference.
    """
    ranges = _parse_accept(accept_header or "*/*")
    best: tuple[float, int, int, int] | None = None
    chosen = None
    for preference, name in enumerate(n for n in NEGOTIATED if kind in RESULT_FORMATS[n].kinds):
        rank = _rank(ranges, RESULT_FORMATS[name].media_types)
        if rank is None or rank[0] <= 0:
            continue
        key = (rank[0], rank[1], -rank[2], -preference)
        if best is None or key > best:
            best, chosen = key, name
    return chosen


def table(result: Result) -> Table:
    """A rich table of a result: IRIs compacted with the project's prefixes, literals as their value."""
    kind = kind_of(result)
    if kind == "boolean":
        view = _table("answer")
        view.add_row("yes" if bool(result) else "no")
        return view
    if kind == "graph":
        view = _table("subject", "predicate", "object")
        for triple in result:
            view.add_row(term_text(triple.subject), term_text(triple.predicate), term_text(triple.object))
        return view
    names = [variable.value for variable in result.variables]
    view = _table(*names)
    for solution in result:
        view.add_row(*(term_text(solution[name]) for name in names))
    return view


def term_text(term: object) -> str:
    """A term as a reader wants it: ``kgr:person/x`` for an IRI, the value of a literal, "" when unbound."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return _compact(term.value)
    if isinstance(term, ox.Literal):
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return str(term)


_FORMS = {"solutions": "SELECT", "boolean": "ASK", "graph": "CONSTRUCT/DESCRIBE"}
_BY_LENGTH = sorted(PREFIX_MAP.items(), key=lambda item: -len(item[1]))


def _table(*columns: str) -> Table:
    """A table whose cells fold rather than end in "…": a reader may need a whole IRI or quote."""
    view = Table()
    for column in columns:
        view.add_column(column, overflow="fold")
    return view


def _format(fmt: str) -> ResultFormat:
    try:
        return RESULT_FORMATS[fmt]
    except KeyError:
        raise ValueError(f"unknown result format {fmt!r}; known: {', '.join(RESULT_FORMATS)}") from None


def _compact(iri: str) -> str:
    for prefix, namespace in _BY_LENGTH:
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace) :]}"
    return f"<{iri}>"


def _parse_accept(header: str) -> list[tuple[str, float, int]]:
    """``(media range, q, position)`` for each range of an Accept header; malformed q counts as 0."""
    ranges = []
    for position, part in enumerate(header.split(",")):
        fields = [field.strip() for field in part.split(";")]
        if not fields[0]:
            continue
        q = 1.0
        for param in fields[1:]:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = min(max(float(value), 0.0), 1.0)
                except ValueError:
                    q = 0.0
        ranges.append((fields[0].lower(), q, position))
    return ranges


def _rank(ranges: list[tuple[str, float, int]], media_types: tuple[str, ...]) -> tuple[float, int, int] | None:
    """``(q, specificity, position)`` of the most specific range matching the format's media types.

    Aliases (``application/json`` for SPARQL JSON) match exactly; ``type/*`` and ``*/*`` match only
    the format's own media type, so that ``text/*`` means CSV rather than ``text/xml``.
    """
    best = None
    for index, media in enumerate(media_types):
        major = media.split("/")[0]
        for pattern, q, position in ranges:
            wildcard = 1 if pattern == f"{major}/*" else 0 if pattern == "*/*" else -1
            specificity = 2 if pattern == media else wildcard if index == 0 else -1
            if specificity < 0:
                continue
            if best is None or (specificity, -position) > (best[1], -best[2]):
                best = (q, specificity, position)
    return best


def _plain_text(view: Table) -> bytes:
    from rich.console import Console

    out = io.StringIO()
    Console(file=out, width=200, color_system=None).print(view)
    return out.getvalue().encode()
