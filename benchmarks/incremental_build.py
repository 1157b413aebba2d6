"""Benchmark rebuilds of the seeds: cold, unchanged, and one source of five changed or added.

Each build is its own `kg build` process (wall time and peak RSS from os.wait4, as in
build_scaling.py), into one output folder with one cache folder, in this order:

1. cold: empty cache;
2. unchanged: the same sources again (the build record says there is nothing to do);
3. one changed: a line appended to the smallest source (its extraction is not cached, the
   other four are);
4. one added: a sixth source (a renamed, changed copy of the smallest seed).

Prints a table; the numbers are for one run on this machine.

    python benchmarks/incremental_build.py [--jobs 1]
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

from build_scaling import SEEDS, run_build


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()
    rows: list[tuple[str, float, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        sources, out, cache = base / "sources", base / "out", base / "cache"
        shutil.copytree(SEEDS, sources)
        smallest = min(sources.glob("*.txt"), key=lambda p: p.stat().st_size)

        def step(name: str) -> None:
            rows.append((name, *run_build(sources, out, cache, args.jobs, force=False)))

        step("cold (empty cache)")
        step("unchanged")
        smallest.write_text(smallest.read_text(encoding="utf-8") + "\nEen regel die er later bij kwam.\n", encoding="utf-8")
        step("one of five changed")
        (sources / f"{smallest.stem}_copy.txt").write_text("Kopie\n\n" + smallest.read_text(encoding="utf-8"), encoding="utf-8")
        step("one added (six sources)")
    print(f"{'build':<28}{'seconds':>10}{'peak MiB':>10}")
    for name, seconds, peak in rows:
        print(f"{name:<28}{seconds:>10.2f}{peak:>10.0f}")


if __name__ == "__main__":
    main()
