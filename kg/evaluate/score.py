"""True/false positives and negatives per category, per source and micro-averaged over sources.

Next to the counts, every false positive and false negative is kept as a short description
(:class:`ErrorItem`), computed by the same alignment that counts it. See docs/evaluation.md for
what each category counts and how items are matched.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
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

Scored = Person | Organisation | Theme | Article | str | tuple[Person, Organisation]  # what a category compares
T = TypeVar("T", bound=Scored)

CATEGORIES = ("articles", "genres", "authors", "interviewees", "persons", "affiliations", "organisations", "themes", "recommendations")

MAX_TEXT = 160  # characters of a recommendation shown in an error


@dataclass(frozen=True)
class ErrorItem:
    """A false positive or false negative, described for a reader."""

    text: str  # the item's main name, label or title, or its sentence cut to MAX_TEXT
    source: str
    article: str | None = None  # headline of its article (gold for FN, predicted for FP); None in per-source categories

    def to_dict(self) -> dict[str, str | None]:
        return {"text": self.text, "article": self.article}


@dataclass(frozen=True)
class Counts:
    """TP/FP/FN; when they come from scoring, also what the FP and FN were.

    The lists are left out of equality and ``to_dict`` so that counts compare and serialise by
    their numbers alone.
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0
    false_positives: tuple[ErrorItem, ...] = field(default=(), compare=False, repr=False)
    false_negatives: tuple[ErrorItem, ...] = field(default=(), compare=False, repr=False)

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.tp + other.tp,
            self.fp + other.fp,
            self.fn + other.fn,
            self.false_positives + other.false_positives,
            self.false_negatives + other.false_negatives,
        )

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


@dataclass(frozen=True)
class Where:
    """Where compared items come from, to describe the ones left over."""

    source: str
    gold_article: str | None = None
    predicted_article: str | None = None


def _first(names: tuple[str, ...]) -> str:
    """The main name; a predicted article can lack a headline."""
    return names[0] if names else "(none)"


def describe(item: Scored) -> str:
    """The main name, label or title of a scored item, a recommendation's sentence on one line
    and cut to MAX_TEXT characters, an affiliation as "person — organisation"."""
    match item:
        case Person(names=names) | Organisation(names=names):
            return _first(names)
        case Theme(labels=labels):
            return _first(labels)
        case Article(titles=titles):
            return _first(titles)
        case (person, organisation):
            return f"{describe(person)} — {describe(organisation)}"
        case str():
            text = " ".join(item.split())
            return text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 1].rstrip() + "…"


def _left_over(gold: Sequence[T], predicted: Sequence[T], pairs: list[tuple[int, int]]) -> tuple[list[T], list[T]]:
    """The gold and the predicted items that ``pairs`` leaves without a partner."""
    paired_gold, paired_pred = {i for i, _ in pairs}, {j for _, j in pairs}
    return [g for i, g in enumerate(gold) if i not in paired_gold], [p for j, p in enumerate(predicted) if j not in paired_pred]


def _tally(gold: Sequence[T], predicted: Sequence[T], pairs: list[tuple[int, int]], where: Where) -> Counts:
    """Aligned pairs are TP; the predicted items left over are FP, the gold ones FN."""
    missed, spurious = _left_over(gold, predicted, pairs)
    fps = tuple(ErrorItem(describe(p), where.source, where.predicted_article) for p in spurious)
    fns = tuple(ErrorItem(describe(g), where.source, where.gold_article) for g in missed)
    return Counts(len(pairs), len(fps), len(fns), fps, fns)


def compare(gold: Sequence[T], predicted: Sequence[T], match: Callable[[T, T], float], where: Where) -> Counts:
    """Counts of a one-to-one alignment, with the FP and FN described as coming from ``where``."""
    return _tally(gold, predicted, align(gold, predicted, match), where)


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


ArticlePair = tuple[Article | None, Article | None]  # (gold, predicted); None on the side without a partner


def _article_pairs(gold: Sequence[Article], predicted: Sequence[Article], pairs: list[tuple[int, int]]) -> list[ArticlePair]:
    """The aligned articles, then every unaligned gold and every unaligned predicted article alone."""
    missed, spurious = _left_over(gold, predicted, pairs)
    return [*((gold[i], predicted[j]) for i, j in pairs), *((a, None) for a in missed), *((None, a) for a in spurious)]


def _headline(article: Article | None) -> str | None:
    return describe(article) if article is not None else None


def _per_article(source: str, articles: list[ArticlePair], items: Callable[[Article], Sequence[T]], match: Callable[[T, T], float]) -> Counts:
    """Items compared within aligned articles; items of an unaligned article are all FN (gold)
    or all FP (predicted)."""
    total = Counts()
    for gold, predicted in articles:
        where = Where(source, _headline(gold), _headline(predicted))
        total += compare(items(gold) if gold else (), items(predicted) if predicted else (), match, where)
    return total


def _genre(article: Article) -> tuple[str, ...]:
    """An article's genre as one item: an aligned article with the gold's genre is a true
    positive, with another genre a false positive and a false negative."""
    return (article.genre,) if article.genre else ()


def _same_genre(a: str, b: str) -> float:
    return float(a == b)


def score_source(gold: SourceRecord, predicted: SourceRecord | None) -> dict[str, Counts]:
    """Counts, with their FP and FN, per category for one source; ``predicted`` None when the graph
    lacks the source. Only predicted articles that start in the lines the gold covers count, with
    their recommendations and affiliations."""
    pred_articles = tuple(a for a in predicted.articles if gold.covered(a.first_line)) if predicted else ()
    pairs = align(gold.articles, pred_articles, same_article, _closeness)
    where = Where(gold.source)
    articles = _article_pairs(gold.articles, pred_articles, pairs)
    counts = {"articles": _tally(gold.articles, pred_articles, pairs, where)}
    counts["genres"] = _per_article(gold.source, articles, _genre, _same_genre)
    counts["authors"] = _per_article(gold.source, articles, lambda a: a.authors, same_person)
    counts["interviewees"] = _per_article(gold.source, articles, lambda a: a.interviewees, same_person)
    counts["persons"] = _per_article(gold.source, articles, lambda a: a.persons, same_person)
    counts["organisations"] = _per_article(gold.source, articles, organisations, same_organisation)
    counts["themes"] = _per_article(gold.source, articles, lambda a: a.themes, same_theme)
    counts["affiliations"] = compare(_affiliations(gold), _affiliations(SourceRecord(gold.source, pred_articles)), _same_affiliation, where)
    counts["recommendations"] = compare(
        [r for a in gold.articles for r in a.recommendations],
        [r for a in pred_articles for r in a.recommendations],
        match_text,
        where,
    )
    return {category: counts[category] for category in CATEGORIES}
