"""From segmented drafts to article records: headline, genre, authors and their signatures."""

from __future__ import annotations

import re
from dataclasses import replace

from rapidfuzz import fuzz

from kg.extract.genre import infer_genre
from kg.extract.names import surname
from kg.extract.signatures import role_and_organisation
from kg.model import ArticleRecord, Mention, PersonRecord, Span
from kg.segment.articles import Draft
from kg.segment.contents import ContentsEntry
from kg.segment.lines import Line
from kg.segment.markers import kicker_genre


def _described(name: Mention, tail: Mention | None) -> PersonRecord:
    """A person with the role and organisation that a signature or byline prints after the name."""
    role, organisation = role_and_organisation(tail) if tail else (None, None)
    stated = [replace(organisation, context=name.span.through(organisation.span))] if organisation else []
    return PersonRecord(name=name, roles=[role] if role else [], affiliations=stated)


def _person_from_signature(draft: Draft) -> PersonRecord | None:
    return _described(draft.signature.name, draft.signature.role_and_org) if draft.signature else None


def _authors(draft: Draft) -> list[PersonRecord]:
    authors = [_described(name, draft.byline.tail) for name in draft.byline.names] if draft.byline else []
    signed = _person_from_signature(draft)
    if signed and not draft.byline:
        authors.append(signed)
    return authors


def to_record(draft: Draft, lines: list[Line], text: str, position: int) -> ArticleRecord:
    assert draft.headline is not None
    block = draft.headline
    start, end = lines[draft.start].start, lines[draft.end].start + len(lines[draft.end].raw)
    kicker = kicker_genre(draft.kicker) if draft.kicker else None
    body = text[start:end]
    authors = _authors(draft)
    genre = {"colophon": "other", "portrait": "portrait"}.get(draft.reason) or infer_genre(body, kicker, draft.byline is not None, draft.signature is not None and not draft.byline, position)
    record = ArticleRecord(
        headline=Mention(block.text, block.span(), 0.8 if draft.byline or block.first.heading_level else 0.6),
        first_line=draft.start + 1,
        last_line=draft.end + 1,
        span=Span(start, end),
        genre=genre,
        genre_evidence=Mention(draft.kicker.text, draft.kicker.span(), 0.9) if draft.kicker and kicker else None,
        alternative_headlines=[Mention(b.text, b.span(), 0.5) for b in draft.alternatives],
        authors=authors,
        interviewees=[draft.portrait] if draft.portrait else [],
        boxed=draft.reason == "box",
    )
    return record


def _same_title(a: str, b: str) -> bool:
    x, y = fold_title(a), fold_title(b)
    return bool(x and y) and (fuzz.ratio(x, y) >= 80 or (min(len(x), len(y)) >= 12 and (x in y or y in x)))


def fold_title(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", text.casefold()).split())


def credit_from_contents(records: list[ArticleRecord], entries: list[ContentsEntry]) -> None:
    """Authors and genre that a table of contents gives an article: the authors its page does
    not name (a bio may give some of them by given name only), and its genre."""
    for record in records:
        entry = next((e for e in entries if _same_title(e.title, record.headline.text)), None)
        if entry is None:
            continue
        credited = {surname(a.name.text) for a in record.authors}
        record.authors += [PersonRecord(Mention(m.text, m.span, 0.75)) for m in entry.authors if surname(m.text) not in credited]
        if entry.genre and record.genre_evidence is None:
            record.genre = entry.genre
            record.genre_evidence = Mention(entry.title_line.text, entry.title_line.span(), 0.7)
        if fold_title(entry.title) != fold_title(record.headline.text):
            record.alternative_headlines.append(Mention(entry.title, entry.title_line.span(), 0.6))
