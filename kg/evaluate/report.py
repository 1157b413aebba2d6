"""The evaluation's result: counts per category and per source, as JSON or as a rich table, and
the false positives and negatives of chosen categories, as JSON or as rich trees."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

from rich.console import Group
from rich.markup import escape
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from kg.evaluate.score import CATEGORIES, Counts, ErrorItem


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

    def to_dict(self, errors: Collection[str] = ()) -> dict[str, Any]:
        """The counts and ratios; per source, the false positives and negatives of the ``errors`` categories too."""
        return {
            "categories": {c: v.to_dict() for c, v in self.categories.items()},
            "sources": {s: {c: _counts_dict(v, c in errors) for c, v in counts.items()} for s, counts in sorted(self.sources.items())},
            "missing_sources": list(self.missing_sources),
        }


def _counts_dict(counts: Counts, with_errors: bool) -> dict[str, Any]:
    data: dict[str, Any] = counts.to_dict()
    if with_errors:
        data["false_positives"] = [e.to_dict() for e in counts.false_positives]
        data["false_negatives"] = [e.to_dict() for e in counts.false_negatives]
    return data


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


SHORT = {"articles": "art", "genres": "genre", "authors": "auth", "interviewees": "intv", "persons": "pers", "affiliations": "affil", "organisations": "orgs", "themes": "themes", "recommendations": "recs"}


def render_sources(report: EvalReport, baseline: EvalReport | None = None, title: str = "per source") -> Table:
    """F1 per source and category, and the totals' F1 last; a category that has neither gold nor
    predictions in a source shows "-". Themes also show recall, the number the issue tracks. With a
    ``baseline`` (an earlier run), each number that changed is followed by its change: F1, for
    themes recall."""
    caption = "F1 per category; themes: F1 / recall" + ("; change since the baseline after it" if baseline else "")
    table = Table(title=title, caption=caption)
    table.add_column("source")
    for category in CATEGORIES:
        table.add_column(SHORT[category], justify="right")
    rows = [*sorted(report.sources.items()), ("all", report.categories)]
    before = {**baseline.sources, "all": baseline.categories} if baseline else {}
    for source, counts in rows:
        cells = (_cell(category, counts[category], before[source][category] if source in before else None) for category in CATEGORIES)
        table.add_row(escape(source if len(source) <= 40 else source[:39] + "…"), *cells, style="bold" if source == "all" else None)
    return table


def _cell(category: str, counts: Counts, before: Counts | None) -> str:
    """The cell's numbers as rich markup; a change since ``before`` in green or red."""
    if not counts.tp + counts.fp + counts.fn and not (before and before.tp + before.fp + before.fn):
        return "-"
    text = f"{counts.f1:.2f}/{counts.recall:.2f}" if category == "themes" else f"{counts.f1:.2f}"
    if before is None:
        return text
    change = counts.recall - before.recall if category == "themes" else counts.f1 - before.f1
    if change == 0:
        return text
    return f"{text} [{'green' if change > 0 else 'red'}]{change:+.2f}[/]"


def _add_errors(tree: Tree, label: str, style: str, errors: Sequence[ErrorItem]) -> None:
    """A branch of ``errors`` grouped by source, then by article (directly under the source when
    the category is scored per source), in the order they were found."""
    if not errors:
        return
    branch = tree.add(Text(label, style=style))
    groups: dict[str, dict[str | None, list[str]]] = {}
    for error in errors:
        groups.setdefault(error.source, {}).setdefault(error.article, []).append(error.text)
    for source, articles in groups.items():
        source_node = branch.add(Text(source, style="bold"))
        for article, texts in articles.items():
            parent = source_node if article is None else source_node.add(Text(article, style="italic"))
            for text in texts:
                parent.add(Text(text))


def render_errors(report: EvalReport, categories: Sequence[str] = CATEGORIES) -> Group:
    """Per category, its false negatives ("missed": in the gold, not in the graph) and false
    positives ("spurious": in the graph, not in the gold), summed over the scored sources."""
    parts: list[Text | Tree] = []
    totals = report.categories
    for category in categories:
        counts = totals[category]
        tree = Tree(Text(f"{category}: {counts.fn} missed, {counts.fp} spurious", style="bold"))
        _add_errors(tree, "missed (false negatives)", "red", counts.false_negatives)
        _add_errors(tree, "spurious (false positives)", "yellow", counts.false_positives)
        parts += [Text(), tree]
    return Group(*parts)
