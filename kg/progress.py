"""Feedback while building: a rich progress bar on a terminal, plain lines otherwise."""

from __future__ import annotations

import sys
from typing import Protocol

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
)


class Reporter(Protocol):
    def start(self, total: int) -> None: ...
    def stage(self, source: str, stage: str) -> None: ...
    def advance(self) -> None: ...
    def warn(self, message: str) -> None: ...
    def close(self) -> None: ...


class PlainReporter:
    """One line per event on stderr: for logs, CI and pipes."""

    def __init__(self) -> None:
        self.total = 0
        self.done = 0

    def start(self, total: int) -> None:
        self.total = total

    def stage(self, source: str, stage: str) -> None:
        print(f"[{self.done}/{self.total}] {source}: {stage}", file=sys.stderr, flush=True)

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
            TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=console, transient=True
        )
        self.task = self.progress.add_task("building", total=0)

    def start(self, total: int) -> None:
        self.progress.update(self.task, total=total)
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
