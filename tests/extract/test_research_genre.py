"""A longer article that reports on research names it a few times per thousand words
("onderzoek", "respondenten", "uitkomsten"): that makes it research, not a report (invented text)."""

from __future__ import annotations

from kg.extract.genre import infer_genre

PARAGRAPH = (
    "De professionals in de wijk merkten dat bewoners zich terugtrokken toen de buurthuizen sloten. "
    "Zij zochten nieuwe manieren om contact te houden, met wandelingen, telefoontjes en brieven aan de deur. "
    "Niet alles werkte even goed, maar de teams leerden snel van elkaar en pasten hun aanpak aan. "
)


def test_a_few_research_words_per_thousand_make_a_bylined_article_research() -> None:
    body = PARAGRAPH * 12 + "Uit ons onderzoek onder veertig respondenten blijkt dat contact op afstand kan. De uitkomsten delen we met de gemeente."
    assert infer_genre(body, None, has_byline=True, signed=False, position=3) == "research"


def test_one_mention_of_research_in_a_long_article_does_not() -> None:
    body = PARAGRAPH * 24 + "Dat bleek ook uit onderzoek."
    assert infer_genre(body, None, has_byline=True, signed=False, position=3) == "report"


def test_research_words_broken_at_a_line_end_still_count() -> None:
    body = PARAGRAPH * 12 + "Uit ons onder-\nzoek onder veertig respon-\ndenten blijkt dat contact op afstand kan. De uitkom-\nsten delen we met de gemeente."
    assert infer_genre(body, None, has_byline=True, signed=False, position=3) == "research"
