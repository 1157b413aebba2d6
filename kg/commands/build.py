"""`kg build`: sources in, validated exports out."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from rich.console import Console

from kg.cache import default_dir

NAME = "build"
HELP = "extract articles, people, organisations, themes and recommendations into RDF"
DESCRIPTION = (
    "Read sources (files or folders of .txt, .md, .pdf, .html, .htm, .docx), extract an annotated graph, validate it with SHACL "
    "and write kg.ttl (all merged), kg.trig (one named graph per source) and kg.jsonld into --out. "
    "Exports are replaced atomically: a failed build leaves the previous ones in place."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("sources", nargs="+", type=Path, metavar="SOURCES", help="source files or folders (searched recursively for .txt, .md, .pdf, .html, .htm and .docx)")
    parser.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder for the exports (created if missing)")
    parser.add_argument("--strict", action="store_true", help="fail the build if any source is refused (binary, empty, unreadable); by default refused files are reported and skipped")
    parser.add_argument("--force", action="store_true", help="ignore the cache: extract and validate every source again")
    parser.add_argument("--ocr", action="store_true", help="read PDFs without a text layer (scans) with Tesseract (Debian: tesseract-ocr, tesseract-ocr-nld)")
    parser.add_argument("--cache-dir", type=Path, default=default_dir(), metavar="DIR", help="where extractions are cached, keyed by content hash and pipeline version (default: %(default)s)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, metavar="N", help="processes used for extraction and validation (default: the number of CPUs, %(default)s)")
    parser.add_argument("--nquads", action="store_true", help="also write nquads/NAME.nq per source (and nquads/shared.nq): for a triple store's bulk loader (docs/sparql.md)")
    parser.add_argument("--scheduler", metavar="ADDRESS", help="extract on a Dask cluster: the address of its scheduler, e.g. tcp://10.0.0.5:8786 (pip install 'kg[cluster]' here and on the workers)")
    parser.add_argument("--validator", choices=("shacl", "pyshacl"), default="shacl", help="SHACL engine: shacl (Rust, fast, the default) or pyshacl (the reference; the two agree on every shape)")


def run(args: argparse.Namespace, console: Console) -> int:
    from kg.build import BuildError, BuildOptions, build
    from kg.progress import reporter
    from kg.summary import candidate_themes, table

    problem = _unusable(args.out, "--out", beside=True) or _unusable(args.cache_dir, "--cache-dir")
    if problem:
        print(f"kg build: error: {problem}", file=sys.stderr)
        return 2
    options = BuildOptions(args.sources, args.out, args.cache_dir, args.strict, args.force, max(1, args.jobs), args.ocr, args.validator, args.scheduler, args.nquads)
    report = reporter(console)
    try:
        result = build(options, report)
    except BuildError as error:
        report.close()
        Console(stderr=True).print(f"[red]build failed:[/] {error}", markup=True, highlight=False)
        return error.exit_code
    console.print(table(result))
    if result.unchanged:
        console.print(f"nothing changed since the last build into {args.out}: its exports are up to date (--force builds again)")
        return 0
    candidates = candidate_themes(result)
    if candidates:
        console.print("candidate new themes (frequent, not in the thesaurus): " + ", ".join(f"{p} ({n})" for p, n in candidates))
    maps = [path for path in result.files if path.parent.name == "maps"]
    for path in result.files:
        if path not in maps:
            console.print(f"wrote {path}")
    if maps:
        console.print(f"wrote {len(maps) - 1} interactive maps; open {args.out / 'maps' / 'index.html'} in a browser (works offline)")
    return 0


def _unusable(folder: Path, option: str, beside: bool = False) -> str | None:
    """Why ``folder`` cannot take output, checked before any extraction: it is a file, or the
    folder (``beside``: the one holding it, where the exports are staged and swapped) or the
    nearest one above it that exists cannot be written."""
    if folder.exists() and not folder.is_dir():
        return f"{option} {folder} is a file, not a folder"
    start = folder.absolute().parent if beside else folder.absolute()
    existing = next(p for p in (start, *start.parents) if p.exists())
    try:  # a real write: permission bits say nothing for root, or on /proc and read-only mounts
        tempfile.TemporaryFile(dir=existing).close()
    except OSError as error:
        return f"{option} {folder} cannot be written (writing in {existing} failed: {error.strerror or error})"
    return None
