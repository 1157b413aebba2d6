"""A real Dask cluster on 127.0.0.1 for the tests and benchmarks/cluster_build.py: `dask scheduler`
and `dask worker` processes from this environment, stopped afterwards (none is left behind)."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

START_SECONDS = 90  # a worker imports kg and spaCy before it registers


def _dask() -> str:
    command = Path(sys.executable).with_name("dask")
    if not command.exists():
        raise RuntimeError(f"{command} is missing: the test extra installs Dask (pip install -e '.[test]', as `make test` does)")
    return str(command)


@contextmanager
def local_cluster(folder: Path, workers: int = 2) -> Iterator[str]:
    """The address of a scheduler with ``workers`` single-threaded workers, all on 127.0.0.1."""
    dask, file = _dask(), folder / "scheduler.json"
    common = ["--no-dashboard"]
    processes = [subprocess.Popen([dask, "scheduler", "--host", "127.0.0.1", "--port", "0", "--scheduler-file", str(file), *common], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)]
    try:
        deadline = time.monotonic() + START_SECONDS
        while not file.exists():
            if time.monotonic() > deadline or processes[0].poll() is not None:
                raise RuntimeError("the Dask scheduler did not start")
            time.sleep(0.2)
        address = json.loads(file.read_text(encoding="utf-8"))["address"]
        for _ in range(workers):
            processes.append(subprocess.Popen([dask, "worker", address, "--nworkers", "1", "--nthreads", "1", "--host", "127.0.0.1", *common], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        from distributed import Client

        with Client(address, timeout=START_SECONDS, set_as_default=False) as client:
            client.wait_for_workers(workers, timeout=START_SECONDS)
        yield address
    finally:
        for process in reversed(processes):
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
