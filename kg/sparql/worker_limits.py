"""What keeps one query worker from hurting the rest: a memory ceiling, death with its parent, and what its death means.

Both limits are Linux facilities and are skipped where they do not exist: the address-space limit
(``RLIMIT_AS``) makes an allocation beyond the ceiling fail, which Oxigraph answers by aborting the
worker with ``memory allocation of N bytes failed`` and Python by raising MemoryError; the
parent-death signal (``prctl(PR_SET_PDEATHSIG)``) kills a worker whose server was killed.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys

PR_SET_PDEATHSIG = 1

DEATH_CAUSES: dict[str, tuple[int, str]] = {
    "memory allocation of": (500, "the query needed more than the {memory_mb} MB a query worker may use, and was stopped"),
    "MemoryError": (500, "the query needed more than the {memory_mb} MB a query worker may use, and was stopped"),
    "overflowed its stack": (400, "the query is nested too deeply for the engine (stack overflow) and was stopped"),
}
"""What a dead worker's last words mean: the status and message for its client."""


def die_with_parent(parent: int) -> None:
    """Ask the kernel to kill this process when the thread that started it ends; exit now if it already has."""
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before the signal was asked for
        os._exit(1)


def limit_memory(extra_mb: int) -> None:
    """Let this process's address space grow by at most ``extra_mb`` megabytes from its size now."""
    try:
        import resource

        with open("/proc/self/statm", encoding="ascii") as statm:
            size = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (ImportError, OSError, ValueError):
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    ceiling = size + extra_mb * 1024 * 1024
    if hard != resource.RLIM_INFINITY:
        ceiling = min(ceiling, hard)
    resource.setrlimit(resource.RLIMIT_AS, (ceiling, hard))
