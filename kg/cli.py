"""The `kg` command."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from rich.console import Console

from kg import __version__
from kg.cache import default_dir


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kg", description="Annotated knowledge graphs of Dutch social-domain publications.")
    parser.add_argument("--version", action="version", version=f"kg {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    build = commands.add_parser(
        "build",
        help="extract articles, people, organisations, themes and recommendations into RDF",
        description="Read .txt/.md sources (files or folders), extract an annotated graph, validate it with SHACL "
        "and write kg.ttl (all merged), kg.trig (one named graph per source) and kg.jsonld into --out. "
        "Exports are replaced atomically: a failed build leaves the previous ones in place.",
    )
    build.add_argument("sources", nargs="+", type=Path, metavar="SOURCES", help="source files or folders (searched recursively for .txt and .md)")
    build.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder for the exports (created if missing)")
    build.add_argument("--strict", action="store_true", help="fail the build if any source is refused (binary, empty, unreadable); by default refused files are reported and skipped")
    build.add_argument("--force", action="store_true", help="ignore the extraction cache and extract every source again")
    build.add_argument("--cache-dir", type=Path, default=default_dir(), metavar="DIR", help="where extractions are cached, keyed by content hash and pipeline version (default: %(default)s)")
    build.add_argument("--jobs", type=int, default=os.cpu_count() or 1, metavar="N", help="processes used for extraction and validation (default: the number of CPUs, %(default)s)")

    evaluate = commands.add_parser(
        "eval",
        help="score a built graph against gold annotations",
        description="Score a graph against gold annotations (GOLD_FORMAT.md): precision, recall and F1 for articles, "
        "authors, interviewees, affiliations, organisations, themes and recommendations. See docs/evaluation.md.",
    )
    evaluate.add_argument("--gold", type=Path, required=True, help="folder of gold JSON files (part files of one source are merged)")
    evaluate.add_argument("--graph", type=Path, required=True, help="a built graph: .ttl, .trig or .jsonld")
    evaluate.add_argument("--json", action="store_true", help="print the scores as JSON instead of a table")
    return parser


def _build(args: argparse.Namespace, console: Console) -> int:
    from kg.build import BuildError, BuildOptions, build
    from kg.progress import reporter
    from kg.summary import candidate_themes, table

    options = BuildOptions(args.sources, args.out, args.cache_dir, args.strict, args.force, max(1, args.jobs))
    report = reporter(console)
    try:
        result = build(options, report)
    except BuildError as error:
        report.close()
        console.print(f"[red]build failed:[/] {error}", markup=True, highlight=False)
        return 1
    console.print(table(result))
    candidates = candidate_themes(result)
    if candidates:
        console.print("candidate new themes (frequent, not in the thesaurus): " + ", ".join(f"{p} ({n})" for p, n in candidates))
    for path in result.files:
        console.print(f"wrote {path}")
    return 0


def _eval(args: argparse.Namespace, console: Console) -> int:
    from kg.evaluate import evaluate, render_table

    for path in (args.gold, args.graph):
        if not path.exists():
            console.print(f"[red]error:[/] {path} does not exist")
            return 2
    report = evaluate(args.gold, args.graph)
    if args.json:
        print(json.dumps(report.to_dict(), indent=2, sort_keys=True))
    else:
        console.print(render_table(report))
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    console = Console(stderr=False)
    if args.command == "build":
        return _build(args, console)
    return _eval(args, console)


if __name__ == "__main__":
    sys.exit(main())
