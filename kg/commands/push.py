"""`kg push`: load each named graph of a built TriG into a triple store (SPARQL 1.1 Graph Store HTTP Protocol)."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
import time
from pathlib import Path

from rich.console import Console

from kg.paths import PACKAGE

NAME = "push"
HELP = "replace each source's named graph in a triple store (Virtuoso, Fuseki, GraphDB, ...)"
DESCRIPTION = (
    "PUT every named graph of a built TriG (one per source file, plus the ontology, thesaurus and build graphs) to "
    "a SPARQL 1.1 Graph Store HTTP Protocol endpoint as ENDPOINT?graph=IRI, replacing that graph only. Virtuoso: "
    "http://HOST:8890/sparql-graph-crud-auth with --auth digest; Fuseki: http://HOST:3030/DATASET/data; GraphDB: "
    "http://HOST:7200/repositories/REPO/rdf-graphs/service. Stops at the first graph the store refuses."
)
PASSWORD_VARIABLE = "KG_PUSH_PASSWORD"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    default = PACKAGE.parent / "exports" / "kg.trig"
    parser.add_argument("--endpoint", required=True, metavar="URL", help="the store's Graph Store endpoint (graph=IRI is added to it)")
    parser.add_argument("--graph", type=Path, default=default, metavar="FILE", help="built TriG (or N-Quads) to push (default: %(default)s)")
    parser.add_argument("--user", metavar="U", help="user name for the store")
    parser.add_argument("--password", metavar="P", help=f"password (better: set {PASSWORD_VARIABLE}; asked for on a terminal if neither is given)")
    parser.add_argument("--auth", choices=("basic", "digest"), default="basic", help="HTTP authentication scheme: Virtuoso wants digest (default: %(default)s)")
    parser.add_argument(
        "--only",
        nargs="+",
        default=[],
        metavar="SOURCE_NAME",
        help="push only these graphs: a source file name (e.g. 001_x.txt), a graph IRI or its last segment (ontology, thesaurus, build)",
    )
    parser.add_argument("--dry-run", action="store_true", help="list the graphs and their triple counts; send nothing")


def run(args: argparse.Namespace, console: Console) -> int:
    import requests

    from kg.sparql.graphstore import PushError, put_graph, read_graphs, select

    errors = Console(stderr=True, highlight=False, soft_wrap=True)
    try:
        graphs, unnamed = read_graphs(args.graph)
        graphs = select(graphs, args.only)
    except PushError as error:
        errors.print(f"kg push: {error}", markup=False)
        return 2
    if unnamed:
        errors.print(f"kg push: {unnamed} triples outside named graphs are not pushed", markup=False)
    session = requests.Session()
    if args.user:
        password = args.password or os.environ.get(PASSWORD_VARIABLE) or (getpass.getpass(f"password for {args.user}: ") if sys.stdin.isatty() else None)
        if password is None:
            errors.print(f"kg push: --user {args.user} needs a password: --password or {PASSWORD_VARIABLE}", markup=False)
            return 2
        scheme = requests.auth.HTTPDigestAuth if args.auth == "digest" else requests.auth.HTTPBasicAuth
        session.auth = scheme(args.user, password)
    started, total = time.perf_counter(), 0
    for graph in graphs:
        if args.dry_run:
            console.print(f"{graph.name}  <{graph.iri}>  {len(graph.triples):,} triples (dry run: not sent)", highlight=False, markup=False, soft_wrap=True)
            continue
        try:
            status = put_graph(session, args.endpoint, graph)
        except PushError as error:
            errors.print(f"kg push: stopped: {error}", markup=False)
            return 1
        total += len(graph.triples)
        console.print(f"{graph.name}  <{graph.iri}>  {len(graph.triples):,} triples  HTTP {status}", highlight=False, markup=False, soft_wrap=True)
    if not args.dry_run:
        console.print(
            f"pushed {len(graphs)} graphs, {total:,} triples to {args.endpoint} in {time.perf_counter() - started:.1f} s",
            highlight=False,
            markup=False,
            soft_wrap=True,
        )
    return 0
