"""The seeds built locally and on a Dask cluster (a scheduler and two single-threaded workers on
this machine): time of each `kg build` process (empty cache each time, SOURCE_DATE_EPOCH fixed)
and whether the exports are the same bytes. Starting the cluster is timed apart.

    python benchmarks/cluster_build.py [--runs 2]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.utils.building import SEEDS, exported  # noqa: E402
from tests.utils.dask_cluster import local_cluster  # noqa: E402

KG = str(Path(sys.executable).with_name("kg"))


def timed_build(out: Path, cache: Path, *extra: str) -> float:
    started = time.perf_counter()
    subprocess.run([KG, "build", str(SEEDS), "--out", str(out), "--cache-dir", str(cache), *extra], check=True, capture_output=True, env=os.environ | {"SOURCE_DATE_EPOCH": "1700000000"})
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        started = time.perf_counter()
        with local_cluster(base) as address:
            print(f"cluster (scheduler + 2 workers) up in {time.perf_counter() - started:.1f} s")
            print("| build of the seeds | run | seconds | exports identical to the local build |\n|---|---|---|---|")
            for run in range(args.runs):
                local = timed_build(base / f"local{run}", base / f"lc{run}", "--jobs", "2")
                cluster = timed_build(base / f"cluster{run}", base / f"cc{run}", "--jobs", "2", "--scheduler", address)
                same = exported(base / f"local{run}") == exported(base / f"cluster{run}")
                print(f"| local, 2 jobs | {run + 1} | {local:.2f} | |")
                print(f"| Dask, 2 workers | {run + 1} | {cluster:.2f} | {'yes' if same else 'NO'} |")


if __name__ == "__main__":
    main()
