"""The NLP stage: persons, organisations, roles, themes and recommendations of each article.

Each article's clean text (hyphenation undone, lines joined) goes through the spaCy pipeline;
every span found is mapped back to exact offsets in the original file.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import replace
from functools import lru_cache
from importlib import resources
from itertools import chain

from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens import Span as DocSpan

from kg.extract.bios import bio_affiliations
from kg.extract.colophon import is_colophon
from kg.extract.interviewees import interviewees
from kg.extract.name_variants import canonical_surnames
from kg.extract.names import is_full_name, surname
from kg.extract.namesakes import PersonKeys
from kg.extract.roles import find_affiliations
from kg.model import (
    ArticleRecord,
    Mention,
    PersonRecord,
    RecommendationRecord,
    Span,
    ThemeRecord,
)
from kg.nlp.chunks import pipe
from kg.nlp.doctext import text_of
from kg.nlp.themes import candidate_keyphrases, weigh_themes
from kg.normalise import CleanText

Locate = Callable[[int, int], Span]
MAX_RECOMMENDATIONS = 10
SELF_CONTAINED_WORDS = 6  # an article's few clearest recommendations, not every modal sentence


def annotate(records: list[ArticleRecord], clean: CleanText, nlp: Language) -> list[tuple[str, int]]:
    """Fill the records' persons, organisations, themes and recommendations in place; return
    the frequent phrases that no thesaurus concept covers (candidates for new themes)."""
    ranges = [clean.to_clean(r.span.start, r.span.end) for r in records]
    boxes = [span for record, span in zip(records, ranges) if record.boxed]
    docs = list(pipe(nlp, (_without_boxes(clean.text, a, b, boxes) for a, b in ranges)))
    for record, (a, _), doc in zip(records, ranges, docs):
        def locate(start: int, end: int, offset: int = a) -> Span:
            return Span(*clean.to_original(offset + start, offset + end))

        _annotate_article(record, doc, locate)
    return candidate_keyphrases(docs)


def _without_boxes(text: str, start: int, end: int, boxes: list[tuple[int, int]]) -> str:
    """``text[start:end]`` with the boxes printed inside it blanked out (line breaks kept), so a
    box's people and organisations are not also its host's; offsets stay those of the clean text."""
    chars = list(text[start:end])
    for a, b in boxes:
        if start <= a and b <= end and (a, b) != (start, end):
            chars[a - start : b - start] = [c if c == "\n" else " " for c in chars[a - start : b - start]]
    return "".join(chars)


def _mention(span: DocSpan | tuple[int, int], doc: Doc, locate: Locate, confidence: float, key: str = "") -> Mention:
    start, end = (span.start_char, span.end_char) if isinstance(span, DocSpan) else span
    return Mention(" ".join(text_of(doc)[start:end].split()), locate(start, end), confidence, key)


def _full_names(doc: Doc, known: list[str]) -> dict[str, str]:
    """Surname -> the fullest name printed for it in this article (or given by its byline)."""
    names: dict[str, str] = {}
    for name in chain(known, (" ".join(s.text.split()) for s in doc.spans.get("persons", []))):
        if is_full_name(name) and len(name) > len(names.get(surname(name), "")):
            names[surname(name)] = name
    return names


def _annotate_article(record: ArticleRecord, doc: Doc, locate: Locate) -> None:
    portrayed = list(record.interviewees)  # the person a portrait is of, named by its heading
    author_names = [p.name.text for p in record.authors + portrayed]
    variants = canonical_surnames([s.text for s in doc.spans.get("persons", [])], author_names)

    def surname_key(name: str) -> str:
        return variants.get(surname(name), surname(name))

    key_of = PersonKeys([(s.text, s.start_char) for s in doc.spans.get("persons", [])], surname_key)
    full = _full_names(doc, author_names) | key_of.full
    authors = {surname(n) for n in author_names}
    people: dict[str, PersonRecord] = {}
    introduced: set[str] = set()  # stated in an apposition or bio, not only a role noun before the name
    for span in doc.spans.get("persons", []):
        key = key_of(span.text, span.start_char)
        if key not in people and key not in authors:
            mention = _mention(span, doc, locate, 0.8 if key in full else 0.6)
            people[key] = PersonRecord(Mention(full.get(key, mention.text), mention.span, mention.confidence))
    for affiliation in find_affiliations(doc) + bio_affiliations(doc):
        key = key_of(affiliation.person.text, affiliation.person.start_char)
        target = next((p for p in record.authors + portrayed if surname(p.name.text) == key), None) or people.get(key)
        if target is None:
            continue
        if affiliation.introduces or affiliation.organisation is not None:
            introduced.add(key)
        if affiliation.role:
            target.roles.append(_mention(affiliation.role, doc, locate, 0.7))
        if affiliation.organisation is not None and affiliation.organisation.text not in {a.text for a in target.affiliations}:
            found = _mention(affiliation.organisation, doc, locate, 0.7, affiliation.organisation.kb_id_)
            phrase = locate(affiliation.person.start_char, affiliation.person.end_char).through(found.span)
            target.affiliations.append(replace(found, context=phrase))
    if is_colophon(record):
        record.authors += list(people.values())  # a colophon's people are its editors and makers
        people = {}
    described = {surname(person.name.text) for key, person in people.items() if key in introduced}
    chosen = set(interviewees(text_of(doc), [p.name.text for p in people.values()], record.genre, authors, described, record.headline.text))
    record.interviewees = portrayed + [p for p in people.values() if p.name.text in chosen]
    record.persons = [p for p in people.values() if p.name.text not in chosen]
    record.organisations = _organisations(doc, locate)
    record.themes = _themes(doc, record, locate)
    record.recommendations = _recommendations(doc, record, locate, full)


def _organisations(doc: Doc, locate: Locate) -> list[Mention]:
    """The first mention of each surface form of each organisation: every alias seen ("Avans",
    "Avans Hogeschool") reaches the graph as a label of the one node, with its evidence."""
    seen: dict[tuple[str, str], Mention] = {}
    for span in doc.spans.get("organisations", []):
        surface = " ".join(span.text.split())
        if span[0].like_url or span[0].like_email:
            surface = span.kb_id_  # named by its web address: the address is evidence, not a label
        key = (span.kb_id_ or surface.casefold(), surface)
        if key not in seen:
            mention = _mention(span, doc, locate, 0.85 if span.kb_id_ else 0.6, span.kb_id_)
            seen[key] = Mention(surface, mention.span, mention.confidence, mention.key) if surface == span.kb_id_ else mention
    return list(seen.values())


def _themes(doc: Doc, record: ArticleRecord, locate: Locate) -> list[ThemeRecord]:
    first: dict[str, DocSpan] = {}
    for span in doc.spans.get("themes", []):
        first.setdefault(span.kb_id_, span)
    return [
        ThemeRecord(concept, weight, _mention(first[concept], doc, locate, round(weight, 2)))
        for concept, weight in weigh_themes(doc, record.headline.text)
        if concept in first
    ]


@lru_cache(maxsize=1)
def _strengths() -> dict[str, float]:
    text = resources.files("kg.data").joinpath("recommendation_strength.tsv").read_text(encoding="utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#"))
    return {kind: float(value) for kind, value in rows}


class _Mentions:
    """A span group by start offset, to find the mentions inside a span without a scan of all."""

    def __init__(self, group: Iterable[DocSpan]) -> None:
        self.spans = sorted(group, key=lambda s: s.start_char)
        self.starts = [s.start_char for s in self.spans]

    def within(self, span: DocSpan) -> list[DocSpan]:
        return self.spans[bisect_left(self.starts, span.start_char) : bisect_left(self.starts, span.end_char)]


def _strength(span: DocSpan, topics: set[str] = frozenset(), themes: _Mentions | None = None) -> float:
    """How clear a recommendation is: its strongest cue; more when it says who should act or
    is about one of the article's own themes; less when it is too short to stand alone
    ("Laten we dat benutten."), unless it is a listed tip, which is short by design."""
    base = max((_strengths().get(kind, 0.5) for kind in span._.cues), default=0.5)
    on_topic = themes is not None and any(t.kb_id_ in topics for t in themes.within(span))
    short = "tip" not in span._.cues and sum(1 for token in span if token.is_alpha) < SELF_CONTAINED_WORDS
    return max(0.05, min(1.0, base + 0.05 * bool(span._.addressee) + 0.1 * on_topic - 0.3 * short))


def _recommendations(doc: Doc, record: ArticleRecord, locate: Locate, full: dict[str, str]) -> list[RecommendationRecord]:
    """The clearest recommendations of the article, at most ``MAX_RECOMMENDATIONS``, in text order."""
    found: list[RecommendationRecord] = []
    authors = [p.name.text for p in record.authors]
    topics = {t.concept for t in record.themes}
    themes = _Mentions(doc.spans.get("themes", []))
    strength = {(span.start_char, span.end_char): _strength(span, topics, themes) for span in doc.spans.get("recommendations", [])}
    spans = sorted(doc.spans.get("recommendations", []), key=lambda s: (-strength[s.start_char, s.end_char], s.start_char))[:MAX_RECOMMENDATIONS]
    for span in sorted(spans, key=lambda s: s.start_char):
        speaker = span._.speaker
        by = full.get(surname(speaker), speaker) if speaker else (authors[0] if len(authors) == 1 else None)
        found.append(
            RecommendationRecord(
                text=" ".join(span.text.split()),
                span=locate(span.start_char, span.end_char),
                by=by,
                addressed_to=span._.addressee,
                themes=sorted({t.kb_id_ for t in themes.within(span)}),
                confidence=round(strength[span.start_char, span.end_char], 2),
            )
        )
    return found
