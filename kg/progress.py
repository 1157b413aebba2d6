"""Feedback while building: a rich progress bar on a terminal, plain lines otherwise."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import Protocol

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)


class Reporter(Protocol):
    def start(self, total: int) -> None:
        """A phase over ``total`` sources begins (extraction, then the sources' parts): counts from 0."""
    def stage(self, source: str, stage: str) -> None: ...
    def advance(self) -> None: ...
    def warn(self, message: str) -> None: ...
    def close(self) -> None: ...


def time_left(seconds: float) -> str:
    """A rough remaining time as a reader wants it: "about 40 s", "about 3 min", "about 2 h"."""
    if seconds < 60:
        return f"about {max(1, round(seconds))} s"
    if seconds < 5400:
        return f"about {round(seconds / 60)} min"
    return f"about {seconds / 3600:.1f} h"


class PlainReporter:
    """One line per event on stderr: for logs, CI and pipes. Once a source is done, each line also
    says the time left, from the mean time per source so far."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.total = 0
        self.done = 0
        self.clock = clock
        self.started = clock()

    def start(self, total: int) -> None:
        self.total = total
        self.done = 0
        self.started = self.clock()

    def stage(self, source: str, stage: str) -> None:
        left = ""
        if 0 < self.done < self.total:
            left = f" ({time_left((self.clock() - self.started) / self.done * (self.total - self.done))} left)"
        print(f"[{self.done}/{self.total}] {source}: {stage}{left}", file=sys.stderr, flush=True)

    def advance(self) -> None:
        self.done += 1

    def warn(self, message: str) -> None:
        print(f"warning: {message}", file=sys.stderr, flush=True)

    def close(self) -> None:
        return None


class RichReporter:
    def __init__(self, console: Console) -> None:
        self.console = console
        self.progress = Progress(
            TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), TimeRemainingColumn(), console=console, transient=True
        )
        self.task = self.progress.add_task("building", total=0)

    def start(self, total: int) -> None:
        self.progress.reset(self.task, total=total)
        self.progress.start()

    def stage(self, source: str, stage: str) -> None:
        self.progress.update(self.task, description=f"{source}: {stage}")

    def advance(self) -> None:
        self.progress.advance(self.task)

    def warn(self, message: str) -> None:
        self.console.print(f"[yellow]warning:[/] {message}")

    def close(self) -> None:
        self.progress.stop()


def reporter(console: Console) -> Reporter:
    return RichReporter(console) if console.is_terminal else PlainReporter()
