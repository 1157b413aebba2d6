"""A manifesto printed on its own (its signatories call it "dit manifest", "deze oproep") is one
article of genre manifesto in a publication of kind manifesto (invented text)."""

from __future__ import annotations

from pathlib import Path

from kg.extract.source import extract
from kg.ingest import read_source

FIXTURE = Path(__file__).parent / "fixtures" / "manifesto.txt"


def test_a_manifesto_on_its_own_is_one_article_of_genre_manifesto() -> None:
    source, _ = read_source(FIXTURE)
    extraction = extract(source)
    assert extraction.publication.kind == "manifesto"
    (article,) = extraction.articles
    assert article.genre == "manifesto"
