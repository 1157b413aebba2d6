"""Benchmark rebuilds of the seeds: cold, unchanged, and one source of five changed or added.

Each build is its own `kg build` process (wall time and peak RSS from os.wait4, as in
build_scaling.py), into one output folder with one cache folder, in this order:

1. first on this machine: empty cache, and no setup prepared yet (`kg/prepared.py`: a fresh
   ``KG_PREPARED`` folder, used by the rows below);
2. cold: empty cache again, the prepared setup kept (what every later new corpus costs);
3. unchanged: the same sources again (the build record says there is nothing to do);
4. one changed: a line appended to the smallest source (its extraction is not cached, the
   other four are);
5. one added: a sixth source (a renamed, changed copy of the smallest seed).

The whole sequence runs once per ``--jobs`` value; the table puts them side by side. The numbers
are for one run on this machine.

    python benchmarks/incremental_build.py [--jobs 1 2]
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
from pathlib import Path

from build_scaling import SEEDS, run_build

STEPS = ("first on this machine", "cold (empty cache)", "unchanged", "one of five changed", "one added (six sources)")


def rebuilds(base: Path, jobs: int) -> list[tuple[float, float]]:
    """Wall seconds and peak MiB of each of ``STEPS``, in a fresh folder under ``base``."""
    sources, out = base / "sources", base / "out"
    shutil.copytree(SEEDS, sources)
    smallest = min(sources.glob("*.txt"), key=lambda p: p.stat().st_size)
    os.environ["KG_PREPARED"] = str(base / "prepared")
    results = [run_build(sources, out, base / "cache-first", jobs, force=False)]
    shutil.rmtree(out)
    results.append(run_build(sources, out, base / "cache", jobs, force=False))
    results.append(run_build(sources, out, base / "cache", jobs, force=False))
    smallest.write_text(smallest.read_text(encoding="utf-8") + "\nEen regel die er later bij kwam.\n", encoding="utf-8")
    results.append(run_build(sources, out, base / "cache", jobs, force=False))
    (sources / f"{smallest.stem}_copy.txt").write_text("Kopie\n\n" + smallest.read_text(encoding="utf-8"), encoding="utf-8")
    results.append(run_build(sources, out, base / "cache", jobs, force=False))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    columns = []
    for jobs in args.jobs:
        with tempfile.TemporaryDirectory() as tmp:
            columns.append(rebuilds(Path(tmp), jobs))
    print(f"{'build':<28}" + "".join(f"{f'jobs {j}: s':>13}{'peak MiB':>10}" for j in args.jobs))
    for number, name in enumerate(STEPS):
        print(f"{name:<28}" + "".join(f"{column[number][0]:>13.2f}{column[number][1]:>10.0f}" for column in columns))


if __name__ == "__main__":
    main()
