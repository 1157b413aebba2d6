"""The extraction stage for one source: lines, articles, facts. Pure: text in, records out."""

from __future__ import annotations

from kg.extract.articles import to_record
from kg.extract.publication import describe
from kg.ingest import Source
from kg.model import Extraction
from kg.segment.articles import segment
from kg.segment.lines import split_lines


def extract(source: Source) -> Extraction:
    lines = split_lines(source.text)
    drafts = segment(lines)
    articles = [to_record(draft, lines, source.text, position) for position, draft in enumerate(drafts, start=1)]
    return Extraction(
        source_name=source.name,
        sha256=source.sha256,
        media_type=source.media_type,
        publication=describe(source.text, lines),
        articles=articles,
    )
