"""Worker processes that do not outlive the build that started them.

A ``ProcessPoolExecutor`` worker whose parent is killed (``kill -9``, out of memory) would go on
holding its memory. :func:`pool` starts workers that ask Linux to kill them when their parent
dies (``prctl(PR_SET_PDEATHSIG)``); a worker whose parent is already gone when it starts exits.
"""

from __future__ import annotations

import ctypes
import os
import signal
from concurrent.futures import ProcessPoolExecutor

_PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int) -> None:
    """Worker initializer: SIGKILL this process when the parent process dies (Linux only)."""
    prctl = getattr(ctypes.CDLL(None, use_errno=True), "prctl", None)
    if prctl is not None:
        prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the request above took effect
        os._exit(1)


def pool(workers: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=workers, initializer=die_with_parent, initargs=(os.getpid(),))


class Workers:
    """The build's worker processes, shared by its stages and started by the first that needs
    them: extraction starts them before the build loads its own libraries, so that workers and
    the building process load theirs at the same time."""

    def __init__(self, jobs: int) -> None:
        self.jobs = jobs
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)

    @property
    def pool(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = pool(self.jobs)
        return self._pool
