"""`kg view`: draw the interactive network maps again from a built graph file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rich.console import Console
from rich.markup import escape

NAME = "view"
HELP = "draw interactive network maps (offline HTML files) from a built graph"
DESCRIPTION = (
    "Read a built graph (.ttl, .trig or .jsonld), compute its network and metrics, and write self-contained "
    "HTML maps into --out: the overview, co-authorship, and focused maps per theme and organisation, with "
    "an index.html. Each file opens offline in any browser. See docs/maps.md."
)
MAPS = ["all", "overview", "coauthors", "theme", "organisation"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("graph", type=Path, metavar="GRAPH", help="a built graph: .ttl, .trig or .jsonld")
    parser.add_argument("--out", type=Path, default=Path("maps"), metavar="DIR", help="folder for the HTML files, created if missing (default: %(default)s)")
    parser.add_argument("--map", choices=MAPS, help="which map(s) to draw (default: all, or the one --theme/--organisation asks for)")
    parser.add_argument("--theme", metavar="LABEL", help="draw the map of this theme (its label, any case)")
    parser.add_argument("--organisation", metavar="LABEL", help="draw the ego network of this organisation (its name, any case)")
    parser.add_argument(
        "--limit", type=int, metavar="N", help="focused maps for the N most connected themes and organisations (default: as many as kg build draws)"
    )
    parser.add_argument("--title", help="title shown on every map (default: the graph's file name)")


def run(args: argparse.Namespace, console: Console) -> int:
    from kg.maps.render import DEFAULT_LIMIT, render_maps
    from kg.network import analyse
    from kg.output import write_atomically
    from kg.rdf.load import load_graph

    args.limit = DEFAULT_LIMIT if args.limit is None else args.limit
    which = args.map or ("theme" if args.theme else "organisation" if args.organisation else "all")
    problem = _check(args, which)
    if problem:
        console.print(f"[red]error:[/] {escape(problem)}", soft_wrap=True)
        return 2
    try:
        network = analyse(load_graph(args.graph))
    except (ValueError, SyntaxError, OSError) as error:  # a parse error names the file and line; no traceback
        print(f"kg view: error: could not read {args.graph}: {error}", file=sys.stderr)
        return 2
    title = args.title or args.graph.name
    try:
        if which == "all":
            files = {path.removeprefix("maps/"): data for path, data in render_maps(network, title, limit=args.limit).items()}
        else:
            files = _single(network, title, which, args)
    except LookupError as error:
        console.print(f"[red]error:[/] {escape(str(error.args[0]))}", soft_wrap=True)
        return 2
    for path in write_atomically(files, args.out):
        console.print(f"wrote {escape(str(path))}", soft_wrap=True)
    return 0


def _check(args: argparse.Namespace, which: str) -> str | None:
    if not args.graph.is_file():
        return f"{args.graph} does not exist (expected a graph file built by `kg build`: .ttl, .trig or .jsonld)"
    if args.theme and which != "theme":
        return "--theme draws a theme map: use it without --map or with --map theme"
    if args.organisation and which != "organisation":
        return "--organisation draws an organisation map: use it without --map or with --map organisation"
    if args.limit < 0:
        return "--limit must be 0 or more"
    return None


def _single(network: object, title: str, which: str, args: argparse.Namespace) -> dict[str, bytes]:
    from kg.maps.render import coauthors, organisation_map, overview, render, theme_map
    from kg.maps.select import find, ranked

    if which == "overview":
        specs = [overview(network)]
    elif which == "coauthors":
        specs = [coauthors(network)]
    else:
        make = theme_map if which == "theme" else organisation_map
        label = args.theme if which == "theme" else args.organisation
        nodes = [find(network, which, label)] if label else ranked(network, which)[: args.limit]
        specs = [make(network, node) for node in nodes]
    from kg.maps.page import shared_files

    return {spec.file: render(spec, title, index_link=False) for spec in specs} | shared_files()
