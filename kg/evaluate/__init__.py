"""Score a built graph against gold annotations (``kg eval``); see docs/evaluation.md."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from kg.evaluate.gold import GoldError, load_gold
from kg.evaluate.predicted import read_predictions
from kg.evaluate.report import EvalReport, render_errors, render_sources, render_table
from kg.evaluate.score import score_source
from kg.rdf.load import load_graph

__all__ = ["EvalReport", "GoldError", "evaluate", "render_errors", "render_sources", "render_table"]


def evaluate(gold_dirs: Path | Sequence[Path], graph_path: Path) -> EvalReport:
    """Scores of the graph in ``graph_path`` on every source that has gold in the folders, with
    their false positives and negatives."""
    gold = load_gold([gold_dirs] if isinstance(gold_dirs, Path) else gold_dirs)
    predicted = read_predictions(load_graph(graph_path))
    return EvalReport(
        sources={name: score_source(record, predicted.get(name)) for name, record in gold.items()},
        missing_sources=tuple(name for name in gold if name not in predicted),
    )
