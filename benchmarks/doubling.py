"""Does `kg build` grow linearly? Double one article's length, then a corpus's size.

Each step is a `kg build` in its own process (time and that process tree's peak RSS, as
benchmarks/build_scaling.py measures them). The article is one headline and byline over
paragraphs of the seeds, repeated; the corpus is renamed, slightly changed copies of the seeds.
The last columns divide each step by the one before: for a linear build, time and memory at most
double (less while the fixed cost of a build, about 10 s and 300 MiB, still dominates).

    python benchmarks/doubling.py [--article-kb 10 2560] [--corpus-mb 1 16] [--jobs 2]
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from build_scaling import SEEDS, make_corpus, run_build

HEADLINE = "Samenwerken in de wijk: een lang verhaal\n\nDoor Anna de Vries\n\n"


def seed_paragraphs() -> list[str]:
    """The seeds' paragraphs of running text (over 30 words), in file order."""
    found: list[str] = []
    for seed in sorted(SEEDS.glob("*.txt")):
        found += [p for p in seed.read_text(encoding="utf-8").split("\n\n") if len(p.split()) > 30]
    return found


def write_article(path: Path, size: int, paragraphs: list[str]) -> None:
    parts = [HEADLINE]
    length, i = len(HEADLINE), 0
    while length < size:
        part = paragraphs[i % len(paragraphs)] + "\n\n"
        parts.append(part)
        length += len(part)
        i += 1
    path.write_text("".join(parts), encoding="utf-8")


def doublings(low: float, high: float) -> list[float]:
    steps = [low]
    while steps[-1] * 2 <= high:
        steps.append(steps[-1] * 2)
    return steps


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--article-kb", type=float, nargs=2, default=[10, 2560], metavar=("FROM", "TO"))
    parser.add_argument("--corpus-mb", type=float, nargs=2, default=[1, 16], metavar=("FROM", "TO"))
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    print(f"{'input':<18}{'MB':>9}{'seconds':>10}{'peak MiB':>10}{'time x':>8}{'memory x':>10}", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        paragraphs = seed_paragraphs()
        previous: tuple[float, float] | None = None
        for kb in doublings(*args.article_kb):
            folder = base / f"article{kb:g}"
            folder.mkdir()
            write_article(folder / "artikel.txt", int(kb * 1000), paragraphs)
            previous = _row("one article", kb / 1000, run_build(folder, base / "out", base / f"cache-article{kb:g}", 1, force=True), previous)
        seed_mb = sum(p.stat().st_size for p in SEEDS.glob("*.txt")) / 1e6
        previous = None
        for mb in doublings(*args.corpus_mb):
            folder = base / f"corpus{mb:g}"
            folder.mkdir()
            make_corpus(folder, max(1, round(mb / seed_mb)))
            size = sum(p.stat().st_size for p in folder.iterdir()) / 1e6
            cache = base / f"cache{mb:g}"  # a step's copies repeat the step before's: a shared cache would hold their extractions
            previous = _row(f"corpus, jobs={args.jobs}", size, run_build(folder, base / "out", cache, args.jobs, force=True), previous)


def _row(name: str, size: float, measured: tuple[float, float], previous: tuple[float, float] | None) -> tuple[float, float]:
    """Print one step (as soon as it is measured) with its ratios to the step before."""
    seconds, peak = measured
    ratios = f"{seconds / previous[0]:>8.2f}{peak / previous[1]:>10.2f}" if previous else ""
    print(f"{name:<18}{size:>9.3f}{seconds:>10.1f}{peak:>10.0f}{ratios}", flush=True)
    return measured


if __name__ == "__main__":
    main()
