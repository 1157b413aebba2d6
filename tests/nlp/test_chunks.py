"""Long articles go through spaCy in pieces: same text, offsets and spans as one doc, no E088."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from spacy.language import Language

from kg.ingest import Source
from kg.nlp.chunks import cut, pipe
from kg.nlp.doctext import _KEY, text_of
from kg.nlp.pipeline import make_nlp

PARAGRAPH = (
    "Wethouder Anna de Vries van de gemeente Utrecht wil meer samenwerking in de wijk. "
    "Gemeenten moeten investeren in het sociaal werk, zegt zij. "
    "Volgens Movisie is eenzaamheid onder ouderen een groeiend probleem.\n\n"
)


@pytest.fixture
def small_nlp() -> Iterator[Language]:
    """The real pipeline with a small ``max_length``, restored afterwards (it is cached)."""
    nlp = make_nlp()
    saved = nlp.max_length
    nlp.max_length = 2_000
    yield nlp
    nlp.max_length = saved


def test_pieces_join_to_the_text_and_respect_the_limit() -> None:
    text = PARAGRAPH * 40 + "x" * 700 + " tail"
    pieces = cut(text, 1_000)
    assert "".join(pieces) == text
    assert all(len(piece) <= 1_000 for piece in pieces)
    assert all(piece.endswith("\n\n") for piece in pieces[:-3])  # cut at paragraph breaks where there are any


def test_a_short_text_is_one_piece() -> None:
    assert cut(PARAGRAPH, 1_000) == [PARAGRAPH]


def test_joined_doc_has_the_offsets_and_spans_of_one_doc() -> None:
    nlp = make_nlp()
    text = PARAGRAPH * 30
    whole = nlp(text)
    (joined,) = pipe(nlp, [text], limit=1_500)
    assert joined.text == text
    for key in ("persons", "organisations", "themes", "recommendations"):
        expected = [(s.start_char, s.end_char, s.label_, s.kb_id_) for s in whole.spans[key]]
        assert [(s.start_char, s.end_char, s.label_, s.kb_id_) for s in joined.spans[key]] == expected, key
        assert expected, key


@pytest.mark.parametrize("limit", [1_500, 100_000])
def test_a_piped_doc_keeps_its_own_text_for_the_rules(limit: int) -> None:
    """The text kept for ``text_of`` is the doc's, whole or joined from pieces, not a piece's."""
    text = PARAGRAPH * 30
    (doc,) = pipe(make_nlp(), [text], limit=limit)
    assert doc.user_data[_KEY] == doc.text == text
    assert text_of(doc) == text


def test_an_article_longer_than_max_length_is_extracted(small_nlp: Language) -> None:
    from kg.extract.source import extract

    text = "Samen sterk in de wijk\n\nDoor Piet Jansen\n\n" + PARAGRAPH * 60
    assert len(text) > 5 * small_nlp.max_length
    extraction = extract(Source(Path("lang.txt"), "lang.txt", text, "0" * 64, "utf-8", "text/plain"))
    (article,) = extraction.articles
    assert "Movisie" in {m.text for m in article.organisations}
    assert article.themes and article.recommendations
    for mention in article.organisations:
        assert text[mention.span.start : mention.span.end] == mention.text
