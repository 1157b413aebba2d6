"""True/false positives and negatives per category, per source and micro-averaged over sources.

See docs/evaluation.md for what each category counts and how items are matched.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from kg.evaluate.gold import Article, Organisation, Person, SourceRecord, Theme
from kg.evaluate.matching import (
    align,
    best,
    fold,
    match_organisation,
    match_person,
    match_text,
    match_theme,
    match_title,
)

T = TypeVar("T")

CATEGORIES = ("articles", "authors", "interviewees", "persons", "affiliations", "organisations", "themes", "recommendations")


@dataclass(frozen=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        """0.0 when nothing was predicted (not 1.0: an empty answer earns nothing)."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


def compare(gold: Sequence[T], predicted: Sequence[T], match: Callable[[T, T], float]) -> Counts:
    """Counts of a one-to-one alignment: pairs are TP, the rest FP (predicted) or FN (gold)."""
    tp = len(align(gold, predicted, match))
    return Counts(tp, len(predicted) - tp, len(gold) - tp)


def same_person(a: Person, b: Person) -> float:
    return best(match_person, a.names, b.names)


def same_organisation(a: Organisation, b: Organisation) -> float:
    return best(match_organisation, a.names, b.names)


def same_theme(a: Theme, b: Theme) -> float:
    return best(match_theme, a.labels, b.labels)


def same_article(a: Article, b: Article) -> float:
    return best(match_title, a.titles, b.titles)


def _closeness(a: Article, b: Article) -> float:
    if a.first_line is None or b.first_line is None:
        return float("-inf")
    return -abs(a.first_line - b.first_line)


def organisations(article: Article) -> list[Organisation]:
    """Organisations named in the article plus the stated affiliations of its authors and
    interviewees; an affiliation sharing a name with one already listed is not added again."""
    found = list(article.organisations)
    seen = {fold(n) for o in found for n in o.names}
    for person in (*article.authors, *article.interviewees):
        for org in person.affiliations:
            keys = {fold(n) for n in org.names}
            if not keys & seen:
                found.append(org)
                seen |= keys
    return found


def _affiliations(record: SourceRecord) -> list[tuple[Person, Organisation]]:
    """(person, organisation) pairs of the source's authors and interviewees, each pair once."""
    pairs: dict[tuple[str, str], tuple[Person, Organisation]] = {}
    for article in record.articles:
        for person in (*article.authors, *article.interviewees):
            for org in person.affiliations:
                pairs.setdefault((fold(person.names[0]), fold(org.names[0])), (person, org))
    return list(pairs.values())


def _same_affiliation(a: tuple[Person, Organisation], b: tuple[Person, Organisation]) -> float:
    person, org = same_person(a[0], b[0]), same_organisation(a[1], b[1])
    return (person + org) / 2 if person and org else 0.0


def _per_article(
    gold: Sequence[Article],
    predicted: Sequence[Article],
    pairs: list[tuple[int, int]],
    items: Callable[[Article], Sequence[T]],
    match: Callable[[T, T], float],
) -> Counts:
    """Items compared within aligned articles; items of an unaligned article are all FN (gold)
    or all FP (predicted)."""
    total = Counts()
    for i, j in pairs:
        total += compare(items(gold[i]), items(predicted[j]), match)
    paired_gold, paired_pred = {i for i, _ in pairs}, {j for _, j in pairs}
    total += Counts(fn=sum(len(items(a)) for i, a in enumerate(gold) if i not in paired_gold))
    total += Counts(fp=sum(len(items(a)) for j, a in enumerate(predicted) if j not in paired_pred))
    return total


def score_source(gold: SourceRecord, predicted: SourceRecord | None) -> dict[str, Counts]:
    """Counts per category for one source; ``predicted`` None when the graph lacks the source."""
    pred_articles = predicted.articles if predicted else ()
    pairs = align(gold.articles, pred_articles, same_article, _closeness)
    counts = {"articles": Counts(len(pairs), len(pred_articles) - len(pairs), len(gold.articles) - len(pairs))}
    counts["authors"] = _per_article(gold.articles, pred_articles, pairs, lambda a: a.authors, same_person)
    counts["interviewees"] = _per_article(gold.articles, pred_articles, pairs, lambda a: a.interviewees, same_person)
    counts["persons"] = _per_article(gold.articles, pred_articles, pairs, lambda a: a.persons, same_person)
    counts["organisations"] = _per_article(gold.articles, pred_articles, pairs, organisations, same_organisation)
    counts["themes"] = _per_article(gold.articles, pred_articles, pairs, lambda a: a.themes, same_theme)
    empty = SourceRecord(gold.source, ())
    counts["affiliations"] = compare(_affiliations(gold), _affiliations(predicted or empty), _same_affiliation)
    counts["recommendations"] = compare(
        [r for a in gold.articles for r in a.recommendations],
        [r for a in pred_articles for r in a.recommendations],
        match_text,
    )
    return {category: counts[category] for category in CATEGORIES}
