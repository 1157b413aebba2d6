"""Scores of an earlier run (`kg eval --json` or `--save`) read back, and what a source lost since.

Each source is a test of rules written on the others: a change is kept only when no source loses
more than noise. Comparing with the scores saved before the change shows that per source and
category, not only in the totals, where a gain in one source hides a loss in another.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from kg.evaluate.report import EvalReport
from kg.evaluate.score import CATEGORIES, Counts


class BaselineError(Exception):
    """A baseline file that cannot be read; the message names it."""


def load_baseline(path: Path) -> EvalReport:
    """The counts per source and category of a saved ``kg eval --json`` output (without its error lists)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        sources = {
            source: {category: Counts(int(c["tp"]), int(c["fp"]), int(c["fn"])) for category, c in counts.items() if category in CATEGORIES}
            for source, counts in data["sources"].items()
        }
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BaselineError(f"{path}: not a readable JSON file ({exc})") from exc
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise BaselineError(f"{path}: not the output of `kg eval --json` ({exc!r})") from exc
    return EvalReport(sources={s: {c: counts.get(c, Counts()) for c in CATEGORIES} for s, counts in sources.items()})


@dataclass(frozen=True)
class Loss:
    """A category whose F1 fell in a source (or in the totals, source "all") since the baseline."""

    source: str
    category: str
    before: Counts
    after: Counts

    def describe(self) -> str:
        b, a = self.before, self.after
        return f"{self.source} {self.category}: F1 {b.f1:.3f} -> {a.f1:.3f} (TP {b.tp}->{a.tp}, FP {b.fp}->{a.fp}, FN {b.fn}->{a.fn})"


def losses(report: EvalReport, baseline: EvalReport) -> list[Loss]:
    """Every source (scored in both runs) and category whose F1 is lower now, then the totals' losses."""
    found = [
        Loss(source, category, baseline.sources[source][category], counts[category])
        for source, counts in sorted(report.sources.items())
        if source in baseline.sources
        for category in CATEGORIES
        if counts[category].f1 < baseline.sources[source][category].f1
    ]
    now, before = report.categories, baseline.categories
    return found + [Loss("all", c, before[c], now[c]) for c in CATEGORIES if now[c].f1 < before[c].f1]


def describe_losses(lost: list[Loss], baseline: Path) -> str:
    """Lines for a reader: each loss, or that nothing was lost."""
    if not lost:
        return f"lost since {baseline}: nothing"
    return "\n".join([f"lost since {baseline} (F1 lower in a source or in all):", *("  " + loss.describe() for loss in lost)])
