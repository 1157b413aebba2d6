"""Kill `kg build` at random points and run builds side by side: is `--out` always one whole build?

Each kill run starts from a whole build A in the output folder (plus a file of the user's, which
must survive), starts a build of other sources (B) with two worker processes and `kill -9`s it:
half the runs at a random moment of the build, half just after its staging folder appears, that
is while the exports are written and swapped. Then the folder must hold exactly A or exactly B,
byte for byte, and no process of the killed build may be left. Each pair run starts two builds
of different sources into the same folder at once: each must finish or be refused with a message
naming the holder of the lock, and the folder must hold one of them whole. The builds' time
stamp is fixed (SOURCE_DATE_EPOCH), so equal sources give equal bytes.

Prints a table; exits 1 when any run broke a rule (a mixed folder, a lost file, a process left,
a traceback).

    python benchmarks/faults.py [--kills 50] [--pairs 20]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
USER_FILE = "LEESMIJ.txt"
Snapshot = dict[str, str]


def snapshot(folder: Path) -> Snapshot:
    """Relative path -> SHA-256 of every file below ``folder`` but the user's own."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != USER_FILE
    }


def start(sources: Path, out: Path, cache: Path) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "kg.cli", "build", str(sources), "--out", str(out), "--cache-dir", str(cache), "--jobs", "2"]
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=ROOT)


def survivors(marker: str, grace: float = 5.0) -> int:
    """Processes whose command line holds ``marker`` (forked workers keep their parent's), after
    giving the kernel ``grace`` seconds to end them."""
    deadline = time.monotonic() + grace
    while True:
        found = 0
        for entry in Path("/proc").iterdir():
            try:
                found += entry.name.isdigit() and marker.encode() in (entry / "cmdline").read_bytes()
            except OSError:
                continue
        if not found or time.monotonic() > deadline:
            return found
        time.sleep(0.1)


def corpus(base: Path, name: str, seeds: list[Path]) -> Path:
    folder = base / name
    folder.mkdir()
    for seed in seeds:
        shutil.copy(seed, folder / seed.name)
    return folder


def kill_run(base: Path, run: int, sources: Path, before: Path, cache: Path, seconds: float, during_swap: bool) -> tuple[Snapshot, int, bool]:
    """One killed build: what the folder then holds, how many of its processes are left, and
    whether the user's file is still there."""
    work = base / f"kill{run}"
    out = work / "exports"
    shutil.copytree(before, out)
    (out / USER_FILE).write_text("notities van de gebruiker\n", encoding="utf-8")
    process = start(sources, out, cache)
    if during_swap:
        deadline = time.monotonic() + 4 * seconds
        while not list(work.glob(".exports.new-*")) and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.001)
        time.sleep(random.uniform(0, 0.05))
    else:
        time.sleep(random.uniform(0, seconds))
    process.send_signal(signal.SIGKILL)
    process.wait()
    left = survivors(str(out))
    state = snapshot(out)
    kept = (out / USER_FILE).is_file()
    shutil.rmtree(work)
    return state, left, kept


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kills", type=int, default=50)
    parser.add_argument("--pairs", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    random.seed(args.seed)
    problems: list[str] = []
    rows: list[tuple[str, int, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        cache = base / "cache"
        sets = {name: corpus(base, name, seeds) for name, seeds in (("A", SEEDS[:1]), ("B", SEEDS[1:2]), ("C", SEEDS[:2]))}
        whole: dict[str, Snapshot] = {}
        seconds = 0.0
        for name, sources in sets.items():
            started = time.monotonic()
            process = start(sources, base / f"ref{name}" / "exports", cache)
            if process.wait() != 0:
                raise SystemExit(f"reference build {name} failed: {process.stderr.read().decode() if process.stderr else ''}")
            seconds = max(seconds, time.monotonic() - started)
            whole[name] = snapshot(base / f"ref{name}" / "exports")
        outcomes: dict[str, int] = {}
        left_total = 0
        for run in range(args.kills):
            state, left, kept = kill_run(base, run, sets["B"], base / "refA" / "exports", cache, seconds, during_swap=run % 2 == 1)
            outcome = "old (A)" if state == whole["A"] else "new (B)" if state == whole["B"] else "MIXED"
            outcomes[outcome] = outcomes.get(outcome, 0) + 1
            left_total += left
            if outcome == "MIXED" or left or not kept:
                problems.append(f"kill run {run}: {outcome}, {left} process(es) left, user file kept: {kept}")
        summary = ", ".join(f"{k}: {v}" for k, v in sorted(outcomes.items()))
        rows.append(("kill -9 at random / during swap", args.kills, f"{summary}; processes left: {left_total}"))
        pair_outcomes: dict[str, int] = {}
        for run in range(args.pairs):
            out = base / f"pair{run}" / "exports"
            shutil.copytree(base / "refA" / "exports", out)
            first, second = start(sets["B"], out, cache), start(sets["C"], out, cache)
            results = [(p.wait(), (p.stderr.read().decode() if p.stderr else "")) for p in (first, second)]
            refused = sum(code == 1 and "is being written by" in err for code, err in results)
            broken = [err for code, err in results if "Traceback" in err or (code != 0 and "is being written by" not in err)]
            state = snapshot(out)
            held = next((name for name in ("B", "C") if state == whole[name]), "MIXED")
            key = f"{held} whole, {refused} refused"
            pair_outcomes[key] = pair_outcomes.get(key, 0) + 1
            if held == "MIXED" or broken:
                problems.append(f"pair run {run}: {held}; " + " | ".join(e.strip()[-300:] for e in broken))
        rows.append(("two builds at once", args.pairs, ", ".join(f"{k}: {v}" for k, v in sorted(pair_outcomes.items()))))
    print(f"{'fault':<34}{'runs':>6}  outcome (reference build {seconds:.1f} s)")
    for name, runs, outcome in rows:
        print(f"{name:<34}{runs:>6}  {outcome}")
    for problem in problems:
        print("PROBLEM:", problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
