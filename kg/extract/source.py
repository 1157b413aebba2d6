"""The extraction stage for one source: lines, articles, facts. Pure: text in, records out."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from kg.extract.articles import credit_from_contents, to_record
from kg.extract.colophon import move_colophons
from kg.extract.facts import annotate
from kg.extract.publication import describe, find_publisher, name_by_title
from kg.ingest import Source
from kg.model import Extraction, Span, map_spans
from kg.nlp.gazetteer import Gazetteer
from kg.nlp.pipeline import make_nlp
from kg.normalise import normalise
from kg.normalise.compose import compose
from kg.paths import ontology_dir
from kg.segment.articles import segment
from kg.segment.contents import contents_entries, contents_region
from kg.segment.lines import split_lines


@lru_cache(maxsize=1)
def _gazetteer() -> Gazetteer:
    return Gazetteer.load(ontology_dir() / "organisations.tsv")


def extract(source: Source) -> Extraction:
    """The extraction of ``source``, read in NFC; its spans point into the text as decoded."""
    text, origin = compose(source.text)
    if origin is None:
        return _extract(source)
    extraction: Extraction = map_spans(_extract(replace(source, text=text)), lambda s: Span(origin[s.start], origin[s.end]))
    return extraction


def _extract(source: Source) -> Extraction:
    lines = split_lines(source.text)
    contents = contents_region(lines) or range(0)
    drafts = segment(lines, contents)
    articles = [to_record(draft, lines, source.text, position) for position, draft in enumerate(drafts, start=1)]
    credit_from_contents(articles, contents_entries(lines, contents))
    candidates = annotate(articles, normalise(source.text), make_nlp())
    publication = describe(source.text, lines)
    publication.publisher = find_publisher(publication, _gazetteer())
    if publication.kind == "manifesto" and len(articles) == 1 and articles[0].genre_evidence is None:
        articles[0].genre = "manifesto"  # a manifesto printed on its own is one article: the manifesto
    articles = move_colophons(articles, source.text, publication)
    name_by_title(publication, articles, lines)
    return Extraction(
        source_name=source.name,
        sha256=source.sha256,
        media_type=source.media_type,
        publication=publication,
        articles=articles,
        candidate_themes=candidates,
    )
