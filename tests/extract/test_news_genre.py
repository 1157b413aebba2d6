"""A short item printed without a byline that quotes the people it reports on is news, not an
interview (invented text): web news of the field quotes a wethouder or a teamleider in almost
every paragraph."""

from __future__ import annotations

from pathlib import Path

from kg.extract.genre import infer_genre
from tests.utils.building import only_article

FIXTURE = Path(__file__).parent / "fixtures" / "short_news_with_quotes.txt"


def test_a_short_unsigned_item_full_of_quotes_is_news() -> None:
    assert only_article(FIXTURE).genre == "news"


def test_the_same_item_under_a_byline_reads_as_an_interview() -> None:
    body = FIXTURE.read_text(encoding="utf-8")
    assert infer_genre(body, None, has_byline=True, signed=False, position=1) == "interview"


def test_a_short_first_person_item_without_byline_stays_a_column() -> None:
    body = "Ik fiets elke ochtend door mijn wijk. Ik zie mijn buren, ik groet ze en ik denk na. " * 8
    assert infer_genre(body, None, has_byline=False, signed=False, position=3) == "column"
