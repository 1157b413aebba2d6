"""What extraction produces for one source: plain records with spans into the original text.

Every record that becomes a node or an edge carries the ``Span`` that supports it, so the RDF
stage can write its evidence without looking at the text again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields, is_dataclass, replace
from typing import Any


@dataclass(frozen=True)
class Span:
    """Half-open code-point range ``[start, end)`` into the original file text."""

    start: int
    end: int

    def through(self, other: Span) -> Span:
        """The smallest span that holds both: a name and the organisation a phrase ties it to."""
        return Span(min(self.start, other.start), max(self.end, other.end))


@dataclass(frozen=True)
class Mention:
    """A name as printed, where it was printed, and how sure the rule that found it is."""

    text: str
    span: Span
    confidence: float = 0.9
    key: str = ""  # a curated id when the mention was resolved (gazetteer, thesaurus)
    context: Span | None = None  # the phrase that states the fact ("X, lector bij Y"), when wider than the name


@dataclass
class PersonRecord:
    name: Mention
    roles: list[Mention] = field(default_factory=list)
    affiliations: list[Mention] = field(default_factory=list)


@dataclass
class ThemeRecord:
    concept: str  # curated id of a thesaurus concept
    weight: float
    evidence: Mention


@dataclass
class RecommendationRecord:
    text: str
    span: Span
    by: str | None = None
    addressed_to: str | None = None
    themes: list[str] = field(default_factory=list)
    confidence: float = 0.7


@dataclass
class ArticleRecord:
    headline: Mention
    first_line: int
    last_line: int
    span: Span
    genre: str = "other"
    genre_evidence: Mention | None = None
    alternative_headlines: list[Mention] = field(default_factory=list)
    authors: list[PersonRecord] = field(default_factory=list)
    interviewees: list[PersonRecord] = field(default_factory=list)
    persons: list[PersonRecord] = field(default_factory=list)
    organisations: list[Mention] = field(default_factory=list)
    themes: list[ThemeRecord] = field(default_factory=list)
    recommendations: list[RecommendationRecord] = field(default_factory=list)
    boxed: bool = False  # a box printed inside another article: its facts are its own, not its host's


@dataclass
class PublicationRecord:
    name: Mention | None = None
    publisher: Mention | None = None
    date: Mention | None = None  # text is an ISO year, year-month or date
    kind: str = "other"
    editors: list[PersonRecord] = field(default_factory=list)  # from the colophon
    contributors: list[PersonRecord] = field(default_factory=list)


@dataclass
class Extraction:
    """Everything extracted from one source file."""

    source_name: str
    sha256: str
    media_type: str
    publication: PublicationRecord
    articles: list[ArticleRecord]
    warnings: list[str] = field(default_factory=list)
    candidate_themes: list[tuple[str, int]] = field(default_factory=list)  # frequent phrases no theme covers


def map_spans(value: Any, move: Callable[[Span], Span]) -> Any:
    """A copy of ``value`` (a record, or lists and tuples of them) with every ``Span`` in it moved."""
    if isinstance(value, Span):
        return move(value)
    if isinstance(value, (list, tuple)):
        return type(value)(map_spans(item, move) for item in value)
    if is_dataclass(value) and not isinstance(value, type):
        return replace(value, **{f.name: map_spans(getattr(value, f.name), move) for f in fields(value) if f.init})
    return value
