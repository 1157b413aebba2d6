"""From segmented drafts to article records: headline, genre, authors and their signatures."""

from __future__ import annotations

from kg.extract.genre import infer_genre
from kg.extract.signatures import role_and_organisation
from kg.model import ArticleRecord, Mention, PersonRecord, Span
from kg.segment.articles import Draft
from kg.segment.lines import Line
from kg.segment.markers import kicker_genre


def _person_from_signature(draft: Draft) -> PersonRecord | None:
    if draft.signature is None:
        return None
    role, organisation = role_and_organisation(draft.signature.role_and_org)
    return PersonRecord(
        name=draft.signature.name,
        roles=[role] if role else [],
        affiliations=[organisation] if organisation else [],
    )


def _authors(draft: Draft) -> list[PersonRecord]:
    authors = [PersonRecord(name) for name in draft.byline.names] if draft.byline else []
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
    genre = infer_genre(body, kicker, draft.byline is not None, draft.signature is not None and not draft.byline, position)
    record = ArticleRecord(
        headline=Mention(block.text, block.span(), 0.8 if draft.byline or block.first.heading_level else 0.6),
        first_line=draft.start + 1,
        last_line=draft.end + 1,
        span=Span(start, end),
        genre=genre,
        genre_evidence=Mention(draft.kicker.text, draft.kicker.span(), 0.9) if draft.kicker and kicker else None,
        alternative_headlines=[Mention(b.text, b.span(), 0.5) for b in draft.alternatives],
        authors=authors,
    )
    return record
