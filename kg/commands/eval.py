"""`kg eval`: score a built graph against gold annotations."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from rich.console import Console

NAME = "eval"
HELP = "score a built graph against gold annotations"
DESCRIPTION = (
    "Score a graph against gold annotations (GOLD_FORMAT.md): precision, recall and F1 for articles, "
    "authors, interviewees, affiliations, organisations, themes and recommendations. See docs/evaluation.md."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--gold", type=Path, required=True, help="folder of gold JSON files (part files of one source are merged)")
    parser.add_argument("--graph", type=Path, required=True, help="a built graph: .ttl, .trig or .jsonld")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON instead of a table")


def run(args: argparse.Namespace, console: Console) -> int:
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
