"""`kg query`: SPARQL over a built graph, from a saved question, a .rq file or a string."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console

from kg.paths import PACKAGE

if TYPE_CHECKING:
    from kg.sparql.pool import StoreSpec
    from kg.sparql.results import Result

NAME = "query"
HELP = "run SPARQL (a saved question, a .rq file or a query string) over a built graph"
DESCRIPTION = (
    "Run a read-only SPARQL 1.1 query over a built graph (default: the seed exports, exports/kg.trig) and print "
    "a table, or write SPARQL results as CSV, TSV, JSON or XML; CONSTRUCT and DESCRIBE give Turtle or JSON-LD. "
    "QUERY is the name of a saved question (see --list), a .rq file or the query itself. The default graph is "
    "the union of all named graphs. The query runs in a worker process: it is stopped at --timeout, may use at "
    "most --max-memory, and its answer is cut at --max-rows (a note on stderr says so)."
)
FORMATS = ("table", "csv", "tsv", "json", "xml", "turtle", "jsonld", "ntriples", "rdfxml", "trig", "nquads")


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
        help="table (default); csv, tsv, json, xml for SELECT and ASK; turtle, jsonld, ntriples, rdfxml, trig, nquads for CONSTRUCT and DESCRIBE",
    )
    parser.add_argument(
        "--bind",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="give a selected variable a value: an IRI (full, <…> or kgr:…) or a string; e.g. --bind authorName='Olaf Stomp'; repeatable",
    )
    parser.add_argument("--timeout", type=float, default=300.0, metavar="SECONDS", help="stop a query that runs longer (default: %(default)s)")
    parser.add_argument("--max-rows", type=int, metavar="N", help="give at most N solutions or triples (default: all)")
    parser.add_argument(
        "--max-memory", type=int, default=2048, metavar="MB", help="stop a query that needs more memory than this beyond the graph (default: %(default)s)"
    )
    parser.add_argument("--list", action="store_true", help="list the saved questions with what they answer, and exit")


def run(args: argparse.Namespace, console: Console) -> int:
    from kg.sparql.pool import StoreSpec
    from kg.sparql.results import serialize, table
    from kg.sparql.labels import UnknownName
    from kg.sparql.saved import find, saved_questions
    from kg.sparql.store import GraphFileError

    errors = Console(stderr=True, highlight=False, soft_wrap=True)
    if args.list:
        console.print(_listing(saved_questions()))
        return 0
    if not args.query:
        errors.print("kg query: give a QUERY (a saved question's name, a .rq file or SPARQL), or --list")
        return 2
    if args.timeout <= 0 or (args.max_rows is not None and args.max_rows < 1) or args.max_memory < 1:
        errors.print("kg query: --timeout, --max-rows and --max-memory must be positive")
        return 2
    try:
        source, sparql = load_query(args.query)
        bindings = parse_bindings(args.bind)
        saved = find(args.query)
        spec = StoreSpec(args.graph, args.store, args.max_rows, args.max_memory)
        result, truncated = run_query(spec, sparql, source, bindings, args.format, args.timeout, saved.nodes if saved else frozenset())
        if args.format == "table":
            console.print(table(result))
        else:
            sys.stdout.buffer.write(serialize(result, args.format))
            sys.stdout.buffer.flush()
    except (QueryError, GraphFileError, UnknownName, ValueError, OSError) as error:
        errors.print(f"kg query: {error}", markup=False)
        return 2
    if truncated:
        errors.print(f"kg query: only the first {args.max_rows:,} rows are given (--max-rows); the query has more", markup=False)
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


def run_query(
    spec: StoreSpec, sparql: str, source: str, bindings: dict[str, object], fmt: str, timeout: float, nodes: frozenset[str] = frozenset()
) -> tuple[Result, bool]:
    """Evaluate a read-only query in a worker process, as the endpoint does; the result and whether it was cut.

    What the endpoint refuses (updates, SERVICE, oversized or too deeply nested queries) is refused
    before a worker starts. The worker answers in SPARQL JSON or N-Triples, read back here so that
    every output format is written the same way. Bindings become a trailing ``VALUES`` block, which
    SPARQL joins with the query's answer: it fixes a selected variable (also one grouped by) and would
    multiply the rows for any other, so that is refused. A string bound to one of ``nodes`` (the
    parameters that expect a node) is replaced by the node that has it as its name.
    """
    import pyoxigraph as ox

    from kg.sparql.answer import Request
    from kg.sparql.guard import Refused, check
    from kg.sparql.labels import node_named
    from kg.sparql.pool import WorkerPool
    from kg.sparql.results import RESULT_FORMATS, formats_for

    try:
        kind = check(sparql)
    except Refused as refusal:
        raise QueryError(f"{source}: {refusal.message}") from None
    if kind not in RESULT_FORMATS[fmt].kinds:
        form = "CONSTRUCT/DESCRIBE" if kind == "graph" else "SELECT/ASK"
        raise QueryError(f"{source}: format {fmt!r} does not fit a {form} query; use one of: {', '.join(formats_for(kind))}")
    wire = "ntriples" if kind == "graph" else "json"
    log: list[str] = []  # a dead worker's cause, told with the error below rather than on a line of its own
    pool = WorkerPool(spec, 1, log.append)
    try:
        for name in nodes & set(bindings):
            if isinstance(bindings[name], ox.Literal):
                bindings = {**bindings, name: node_named(pool, name, bindings[name].value, timeout)}
        answer = pool.run(Request(with_bindings(sparql, bindings), formats=(wire,)), timeout)
    finally:
        pool.close()
    if answer.status != 200:
        causes = [line for line in log if " died " in line][-1:]
        raise QueryError(f"{source}: {answer.body.decode('utf-8', 'replace').strip()}{''.join(f' ({cause})' for cause in causes)}")
    result = _read_back(answer.body, kind)
    selected = {variable.value for variable in getattr(result, "variables", ())}
    unknown = sorted(set(bindings) - selected) if selected else []
    if unknown:
        raise QueryError(f"{source} does not select ?{', ?'.join(unknown)}; --bind only sets variables that the query selects")
    return result, answer.truncated


def _read_back(body: bytes, kind: str) -> Result:
    """A worker's SPARQL JSON (solutions, boolean) or N-Triples (graph) as pyoxigraph objects again."""
    import pyoxigraph as ox

    if kind == "graph":
        return list(ox.parse(body, format=ox.RdfFormat.N_TRIPLES))
    return ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)


def with_bindings(sparql: str, bindings: dict[str, object]) -> str:
    """The query with a trailing ``VALUES (?a ?b) { (… …) }`` fixing the bound variables."""
    if not bindings:
        return sparql
    names = " ".join(f"?{name}" for name in bindings)
    return f"{sparql.rstrip()}\nVALUES ({names}) {{ ({' '.join(str(term) for term in bindings.values())}) }}\n"


def _listing(questions: list) -> object:
    from rich.table import Table

    view = Table(title="Saved questions (ontology/queries/): kg query NAME [--bind VARIABLE=VALUE]")
    view.add_column("name", no_wrap=True)
    view.add_column("question")
    view.add_column("parameters")
    for question in questions:
        view.add_row(question.name, question.question, " ".join(f"?{p}" for p in question.parameters))
    return view
