"""`kg query`: SPARQL over a built graph, from a saved question, a .rq file or a string."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from rich.console import Console

from kg.paths import PACKAGE

NAME = "query"
HELP = "run SPARQL (a saved question, a .rq file or a query string) over a built graph"
DESCRIPTION = (
    "Run a read-only SPARQL 1.1 query over a built graph (default: the seed exports, exports/kg.trig) and print "
    "a table, or write SPARQL results as CSV, TSV, JSON or XML; CONSTRUCT and DESCRIBE give Turtle or JSON-LD. "
    "QUERY is the name of a saved question (see --list), a .rq file or the query itself. The default graph is "
    "the union of all named graphs."
)
FORMATS = ("table", "csv", "tsv", "json", "xml", "turtle", "jsonld", "ntriples", "rdfxml", "trig")
POSITION = re.compile(r"error at (\d+):(\d+): ")


class QueryError(Exception):
    """A query that cannot be run: unknown, malformed, an update, or with a bad parameter."""


def default_graph() -> Path:
    """The seed exports of the checkout: ``exports/kg.trig`` beside the package."""
    return PACKAGE.parent / "exports" / "kg.trig"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("query", nargs="?", metavar="QUERY", help="a saved question's name (e.g. articles-by-author), a .rq file, or SPARQL")
    parser.add_argument(
        "--graph", type=Path, default=default_graph(), metavar="FILE", help="graph to query: .trig, .ttl, .nt, .nq, .jsonld (default: %(default)s)"
    )
    parser.add_argument(
        "--store", type=Path, metavar="DIR", help="keep the graph in an on-disk Oxigraph store in DIR, reused while the graph file is unchanged"
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="table",
        help="table (default); csv, tsv, json, xml for SELECT and ASK; turtle, jsonld, ntriples, rdfxml, trig for CONSTRUCT and DESCRIBE",
    )
    parser.add_argument(
        "--bind",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="give a selected variable a value: an IRI (full, <…> or kgr:…) or a string; e.g. --bind authorName='Olaf Stomp'; repeatable",
    )
    parser.add_argument("--list", action="store_true", help="list the saved questions with what they answer, and exit")


def run(args: argparse.Namespace, console: Console) -> int:
    from kg.sparql.results import serialize, table
    from kg.sparql.saved import saved_questions
    from kg.sparql.store import GraphFileError, SparqlStore

    errors = Console(stderr=True, highlight=False)
    if args.list:
        console.print(_listing(saved_questions()))
        return 0
    if not args.query:
        errors.print("kg query: give a QUERY (a saved question's name, a .rq file or SPARQL), or --list")
        return 2
    try:
        source, sparql = load_query(args.query)
        bindings = parse_bindings(args.bind)
        result = run_query(SparqlStore.open(args.graph, args.store), sparql, source, bindings)
        if args.format == "table":
            console.print(table(result))
        else:
            sys.stdout.buffer.write(serialize(result, args.format))
            sys.stdout.buffer.flush()
    except (QueryError, GraphFileError, ValueError, OSError) as error:
        errors.print(f"kg query: {error}", markup=False)
        return 2
    return 0


def load_query(query: str) -> tuple[str, str]:
    """``(where it came from, SPARQL)`` for a saved question's name, a file, or a query string."""
    from kg.sparql.saved import find

    path = Path(query)
    if query.endswith(".rq") or (len(query) < 256 and "\n" not in query and path.is_file()):
        if not path.is_file():
            raise QueryError(f"{query}: no such query file")
        return str(path), path.read_text(encoding="utf-8")
    saved = find(query)
    if saved is not None:
        return str(saved.path), saved.text
    if re.fullmatch(r"[\w-]+", query):
        raise QueryError(f"no saved question called {query!r} (kg query --list shows them) and not a SPARQL query")
    return "the query", query


def parse_bindings(pairs: list[str]) -> dict[str, object]:
    """``--bind name=value`` as terms by variable name: IRIs for full, ``<…>`` or prefixed IRIs, else strings."""
    import pyoxigraph as ox

    from kg.rdf.namespaces import PREFIXES

    bindings = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        name = name.strip().lstrip("?$")
        if not sep or not re.fullmatch(r"[A-Za-z_]\w*", name):
            raise QueryError(f"--bind {pair!r}: expected NAME=VALUE, e.g. authorName='Olaf Stomp'")
        prefix, colon, local = value.partition(":")
        if value.startswith("<") and value.endswith(">"):
            term = ox.NamedNode(value[1:-1])
        elif re.match(r"https?://", value) or value.startswith("urn:"):
            term = ox.NamedNode(value)
        elif colon and prefix in PREFIXES and " " not in value:
            term = ox.NamedNode(str(PREFIXES[prefix]) + local)
        else:
            term = ox.Literal(value)
        bindings[name] = term
    return bindings


def run_query(store: object, sparql: str, source: str, bindings: dict[str, object]) -> object:
    """Evaluate a read-only query through the store; what the endpoint refuses (updates, SERVICE) is refused.

    Bindings become a trailing ``VALUES`` block, which SPARQL joins with the query's answer: it fixes
    a selected variable (also one grouped by) and would multiply the rows for any other, so that is refused.
    """
    from kg.sparql.guard import Refused, check

    try:
        check(sparql)
    except Refused as refusal:
        raise QueryError(f"{source}: {refusal.message}") from None
    try:
        result = store.query(with_bindings(sparql, bindings))
    except SyntaxError as error:
        raise QueryError(f"{source}: malformed SPARQL{_position(str(error))}") from None
    selected = {variable.value for variable in getattr(result, "variables", ())}
    unknown = sorted(set(bindings) - selected) if selected else []
    if unknown:
        raise QueryError(f"{source} does not select ?{', ?'.join(unknown)}; --bind only sets variables that the query selects")
    return result


def with_bindings(sparql: str, bindings: dict[str, object]) -> str:
    """The query with a trailing ``VALUES (?a ?b) { (… …) }`` fixing the bound variables."""
    if not bindings:
        return sparql
    names = " ".join(f"?{name}" for name in bindings)
    return f"{sparql.rstrip()}\nVALUES ({names}) {{ ({' '.join(str(term) for term in bindings.values())}) }}\n"


def _position(message: str) -> str:
    """``at line L, column C: …`` from Oxigraph's ``error at L:C: …``, with long lists of expected tokens cut."""
    match = POSITION.match(message)
    detail = message[match.end() :] if match else message
    detail = detail if len(detail) <= 160 else detail[:160] + " …"
    return f" at line {match.group(1)}, column {match.group(2)}: {detail}" if match else f": {detail}"


def _listing(questions: list) -> object:
    from rich.table import Table

    view = Table(title="Saved questions (ontology/queries/): kg query NAME [--bind VARIABLE=VALUE]")
    view.add_column("name", no_wrap=True)
    view.add_column("question")
    view.add_column("parameters")
    for question in questions:
        view.add_row(question.name, question.question, " ".join(f"?{p}" for p in question.parameters))
    return view
