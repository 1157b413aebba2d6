"""The gold seeds built from their text, from magazine PDFs made of them, and from those PDFs
scanned (rasterised, read with ``--ocr``), scored against the same gold side by side.

Each seed that has gold is typeset as a magazine (tests/ingest/magazine.py: two columns,
running header, page numbers, boxes, hyphenation, headlines set larger and bold); the gold's line
numbers are carried over to the text read from the PDF by word alignment (tests/ingest/goldmap.py).
Prints F1 per category (micro-averaged over the seeds) and per seed, and the reader's pages per
second for the text layer and for OCR. Nothing here asserts a score or a time.

    python benchmarks/pdf_gold_scores.py [--ocr] [--gold DIR] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.build import BuildOptions, build  # noqa: E402
from kg.evaluate import EvalReport, evaluate  # noqa: E402
from kg.evaluate.score import CATEGORIES  # noqa: E402
from kg.ingest import read_source  # noqa: E402
from kg.progress import PlainReporter  # noqa: E402
from tests.ingest import pdfs  # noqa: E402
from tests.ingest.goldmap import write_carried_gold  # noqa: E402
from tests.ingest.magazine import render  # noqa: E402

TITLE = "Magazine Sociaal Domein"


def _gold_seeds(gold: Path) -> list[Path]:
    names = {json.loads(path.read_text(encoding="utf-8"))["source"] for path in gold.glob("*.json")}
    return [ROOT / "seeds" / name for name in sorted(names) if (ROOT / "seeds" / name).exists()]


def _build(corpus: Path, out: Path, ocr: bool = False) -> None:
    build(BuildOptions(sources=[corpus], out=out, cache_dir=out.parent / f"{out.name}-cache", ocr=ocr), PlainReporter())


def _read_speed(corpus: Path, ocr: bool) -> float:
    """Pages per second of reading every PDF in ``corpus`` (reading only, no extraction)."""
    pages = 0
    started = time.perf_counter()
    for pdf in sorted(corpus.glob("*.pdf")):
        source, _ = read_source(pdf, ocr)
        pages += len(source.page_starts)
    return pages / (time.perf_counter() - started)


def _scores(work: Path, kind: str, seeds: list[Path], gold: Path) -> EvalReport:
    """The ``kind`` build scored against the gold, carried over to its text files."""
    out = work / "out" / kind
    carried = {seed.name: (f"{seed.stem}.pdf.txt", seed.read_text(encoding="utf-8"), (out / "text" / f"{seed.stem}.pdf.txt").read_text(encoding="utf-8")) for seed in seeds}
    write_carried_gold(gold, carried, work / "gold" / kind)
    return evaluate(work / "gold" / kind, out / "kg.ttl")


def _table(reports: dict[str, EvalReport], speeds: dict[str, float]) -> None:
    kinds = list(reports)
    print("| category | " + " | ".join(f"{kind} build" for kind in kinds) + " | " + " | ".join(f"{kind} - text" for kind in kinds[1:]) + " |")
    print("|---|" + "--:|" * (2 * len(kinds) - 1))
    for category in CATEGORIES:
        f1 = [reports[kind].categories[category].f1 for kind in kinds]
        print(f"| {category} | " + " | ".join(f"{value:.3f}" for value in f1) + " | " + " | ".join(f"{value - f1[0]:+.3f}" for value in f1[1:]) + " |")
    print("\nper seed (F1: " + " / ".join(kinds) + ")\n")
    print("| seed | " + " | ".join(CATEGORIES) + " |\n|---|" + "--:|" * len(CATEGORIES))
    for name in sorted(reports["text"].sources):
        stem = name.removesuffix(".txt")
        rows = [reports[kind].sources.get(name if kind == "text" else f"{stem}.pdf.txt", {}) for kind in kinds]
        print(f"| {stem[:3]} | " + " | ".join(" / ".join(f"{row[c].f1:.2f}" if c in row else "-" for row in rows) for c in CATEGORIES) + " |")
    print("\n" + ", ".join(f"{kind}: {speed:.2f} pages/s read" for kind, speed in speeds.items()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ocr", action="store_true", help="also the scanned variant, read with Tesseract (slow: seconds a page)")
    parser.add_argument("--gold", type=Path, default=ROOT.parent / "shared" / "gold")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it (PDFs, builds, carried gold)")
    args = parser.parse_args()
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1700000000")
    work = args.keep or Path(tempfile.mkdtemp(prefix="pdf-gold-"))
    seeds = _gold_seeds(args.gold)
    corpora = {kind: work / "corpus" / kind for kind in ("text", "pdf", "ocr")}
    for folder in corpora.values():
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
    pages = 0
    for seed in seeds:
        shutil.copy(seed, corpora["text"] / seed.name)
        pages += render(seed.read_text(encoding="utf-8"), corpora["pdf"] / f"{seed.stem}.pdf", TITLE)
        if args.ocr:
            (corpora["ocr"] / f"{seed.stem}.pdf").write_bytes(pdfs.rasterised((corpora["pdf"] / f"{seed.stem}.pdf").read_bytes()))
    print(f"{len(seeds)} gold seeds, typeset as {pages} magazine pages\n")
    kinds = ["text", "pdf"] + (["ocr"] if args.ocr else [])
    speeds = {"pdf": _read_speed(corpora["pdf"], False)}
    if args.ocr:
        speeds["ocr"] = _read_speed(corpora["ocr"], True)
    reports = {}
    for kind in kinds:
        _build(corpora[kind], work / "out" / kind, ocr=kind == "ocr")
        reports[kind] = evaluate(args.gold, work / "out" / kind / "kg.ttl") if kind == "text" else _scores(work, kind, seeds, args.gold)
    _table(reports, speeds)
    if not args.keep:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
