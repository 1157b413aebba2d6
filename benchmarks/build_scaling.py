"""Benchmark `kg build`: cold and warm (cached) on the seeds, and growth at 1x, 10x, 100x.

Each build runs in its own process; wall time and that process tree's peak RSS are measured
with os.wait4. Larger corpora are copies of the seeds with new file names and a changed first
line, so the cache cannot serve them. Prints a table; the numbers are for one run on this machine.

    python benchmarks/build_scaling.py [--scales 1 10 100] [--jobs 2]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


def run_build(sources: Path, out: Path, cache: Path, jobs: int, force: bool) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one `kg build` process."""
    command = [sys.executable, "-m", "kg.cli", "build", str(sources), "--out", str(out), "--cache-dir", str(cache), "--jobs", str(jobs)]
    if force:
        command.append("--force")
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}
    with tempfile.TemporaryFile() as log:  # a pipe would fill up with progress lines and stall the build
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=log, env=env, cwd=ROOT)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - started
        if status != 0:
            log.seek(0)
            raise SystemExit(f"build failed: {log.read().decode(errors='replace')[-2000:]}")
    return elapsed, usage.ru_maxrss / 1024


def make_corpus(folder: Path, scale: int) -> int:
    """Write ``scale`` renamed, slightly changed copies of every seed; return the word count."""
    words = 0
    for copy in range(scale):
        for seed in sorted(SEEDS.glob("*.txt")):
            text = seed.read_text(encoding="utf-8")
            changed = f"Kopie {copy}\n\n{text}" if copy else text
            (folder / f"{seed.stem}_{copy:03d}.txt").write_text(changed, encoding="utf-8")
            words += len(changed.split())
    return words


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    rows: list[tuple[str, int, float, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        seed_words = sum(len(p.read_text(encoding="utf-8").split()) for p in SEEDS.glob("*.txt"))
        cold = run_build(SEEDS, base / "out", base / "cache", args.jobs, force=False)
        warm = run_build(SEEDS, base / "out", base / "cache", args.jobs, force=False)
        rows += [("seeds, cold", seed_words, *cold), ("seeds, warm (cached)", seed_words, *warm)]
        for scale in args.scales:
            corpus = base / f"corpus{scale}"
            corpus.mkdir()
            words = make_corpus(corpus, scale)
            result = run_build(corpus, base / f"out{scale}", base / f"cache{scale}", args.jobs, force=True)
            rows.append((f"{scale}x seeds, jobs={args.jobs}", words, *result))
            shutil.rmtree(corpus)
    unit = rows[2][2] / rows[2][1] if len(rows) > 2 else None
    print(f"{'build':<28}{'words':>10}{'seconds':>10}{'peak MiB':>10}{'words/s':>10}{'s per word vs 1x':>18}")
    for name, words, seconds, peak in rows:
        ratio = f"{(seconds / words) / unit:.2f}" if unit and "x seeds" in name else ""
        print(f"{name:<28}{words:>10}{seconds:>10.2f}{peak:>10.0f}{words / seconds:>10.0f}{ratio:>18}")


if __name__ == "__main__":
    main()
