"""The evaluation's result: counts per category and per source, as JSON or as a rich table."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.table import Table

from kg.evaluate.score import CATEGORIES, Counts


@dataclass(frozen=True)
class EvalReport:
    sources: dict[str, dict[str, Counts]]  # gold source -> category -> counts
    missing_sources: tuple[str, ...] = ()  # gold sources the graph does not contain (all FN)

    @property
    def categories(self) -> dict[str, Counts]:
        """Micro-average: counts summed over sources before computing the ratios."""
        totals = {category: Counts() for category in CATEGORIES}
        for counts in self.sources.values():
            for category, value in counts.items():
                totals[category] += value
        return totals

    def to_dict(self) -> dict[str, Any]:
        return {
            "categories": {c: v.to_dict() for c, v in self.categories.items()},
            "sources": {s: {c: v.to_dict() for c, v in counts.items()} for s, counts in sorted(self.sources.items())},
            "missing_sources": list(self.missing_sources),
        }


def render_table(report: EvalReport) -> Table:
    """One row per category, micro-averaged over the scored sources."""
    caption = f"{len(report.sources)} gold source(s) scored"
    if report.missing_sources:
        caption += f"; not in the graph (all FN): {', '.join(report.missing_sources)}"
    table = Table(title="kg eval", caption=caption)
    table.add_column("category")
    for name in ("TP", "FP", "FN", "precision", "recall", "F1"):
        table.add_column(name, justify="right")
    for category, counts in report.categories.items():
        table.add_row(
            category,
            str(counts.tp),
            str(counts.fp),
            str(counts.fn),
            f"{counts.precision:.3f}",
            f"{counts.recall:.3f}",
            f"{counts.f1:.3f}",
        )
    return table
