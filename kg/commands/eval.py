"""`kg eval`: score a built graph against gold annotations."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from rich.console import Console

NAME = "eval"
HELP = "score a built graph against gold annotations"
DESCRIPTION = (
    "Score a graph against gold annotations (GOLD_FORMAT.md): precision, recall and F1 for articles, "
    "authors, interviewees, affiliations, organisations, themes and recommendations. See docs/evaluation.md."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--gold",
        type=Path,
        required=True,
        action="append",
        help="folder of gold JSON files (part files of one source are merged); give it again for more folders",
    )
    parser.add_argument("--graph", type=Path, required=True, help="a built graph: .ttl, .trig or .jsonld")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON instead of a table")
    parser.add_argument("--save", type=Path, metavar="FILE", help="also write the scores as JSON (as --json prints them) to FILE")
    parser.add_argument(
        "--baseline",
        type=Path,
        metavar="FILE",
        help="scores of an earlier run (--json or --save): show each change per source and list what any source lost",
    )
    parser.add_argument(
        "--errors",
        nargs="*",
        metavar="CATEGORY",
        help="also list what was missed (false negatives) and spurious (false positives), by source and article, "
        "for these categories (all when none is named); with --json, as lists per source and category",
    )


def _error_categories(names: list[str] | None, valid: tuple[str, ...]) -> tuple[str, ...]:
    """The categories whose errors to list, in the order named: none without --errors, all for a bare --errors."""
    if names is None:
        return ()
    return tuple(dict.fromkeys(names)) or valid


def run(args: argparse.Namespace, console: Console) -> int:
    from kg.evaluate import GoldError, evaluate, render_errors, render_sources, render_table
    from kg.evaluate.baseline import BaselineError, describe_losses, load_baseline, losses
    from kg.evaluate.score import CATEGORIES

    unknown = [name for name in args.errors or () if name not in CATEGORIES]
    if unknown:
        return _fail(f"unknown --errors category: {', '.join(unknown)}; the categories are {', '.join(CATEGORIES)}")
    for path in (*args.gold, args.graph, *([args.baseline] if args.baseline else [])):
        if not path.exists():
            return _fail(f"{path} does not exist")
    try:
        baseline = load_baseline(args.baseline) if args.baseline else None
        report = evaluate(args.gold, args.graph)
    except (BaselineError, GoldError, ValueError, OSError) as exc:  # each names its file; kg.rdf.load raises ValueError for a graph
        return _fail(str(exc))
    errors = _error_categories(args.errors, CATEGORIES)
    scores = json.dumps(report.to_dict(errors), indent=2, sort_keys=True)
    if args.save:
        try:
            args.save.write_text(scores + "\n", encoding="utf-8")
        except OSError as exc:
            return _fail(f"{args.save}: cannot write the scores ({exc.strerror or exc})")
    try:
        if args.json:
            print(scores)
        else:
            console.print(render_sources(report, baseline))
            console.print(render_table(report))
            if baseline:
                console.print(describe_losses(losses(report, baseline), args.baseline), highlight=False, markup=False, soft_wrap=True)
            if errors:
                console.print(render_errors(report, errors))
        sys.stdout.flush()
    except BrokenPipeError:  # `kg eval --json | head`: the reader has what it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0


def _fail(message: str) -> int:
    print(f"kg eval: error: {message}", file=sys.stderr)
    return 2
