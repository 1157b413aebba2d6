"""Layouts where PDF reading order hides where an article starts (invented texts in the genre).

A page starts where the extractor indents the first line after a non-blank line."""

from __future__ import annotations

from kg.segment.articles import segment
from kg.segment.headlines import block_at
from kg.segment.lines import split_lines

_BODY = [
    "Bewoners van de wijk kwamen dit voorjaar nauwelijks buiten. De buurtwerkers belden",
    "iedereen die ze kenden en brachten soep rond bij wie alleen woonde. Zo bleef het contact",
    "bestaan, ook al zag niemand elkaar. Vrijwilligers hielpen met boodschappen en met",
    "de computer, zodat opa en oma hun kleinkinderen toch konden zien op een scherm.",
]
_PREVIOUS = ["Het oude buurthuis sluit", "Door: Kees Smit", "", *_BODY, "Dat was het laatste nieuws uit het oude buurthuis.", ""]


def _starts(text: str) -> list[tuple[int, str]]:
    """(1-based first line, headline) of every article."""
    return [(d.start + 1, d.headline.text if d.headline else "") for d in segment(split_lines(text))]


def test_a_headline_printed_after_the_first_column_starts_its_article_at_the_page_top() -> None:
    page = [" Wie belt de buren als niemand meer langskomt?", *_BODY[1:], "", "De telefoon als", "buurthuis", "Door: Sanne de Wit", "", *_BODY]
    text = "\n".join([*_PREVIOUS[:-1], *page])
    assert _starts(text) == [(1, "Het oude buurthuis sluit"), (9, "De telefoon als buurthuis")]


def test_an_article_found_by_its_byline_starts_below_the_previous_byline() -> None:
    page = [" Het oude buurthuis sluit", "Door: Kees Smit", "", *_BODY, "", "Een nieuw buurthuis", "Door: Sanne de Wit", "", *_BODY]
    assert _starts("\n".join(page)) == [(1, "Het oude buurthuis sluit"), (9, "Een nieuw buurthuis")]


def test_a_news_headline_between_the_page_top_and_the_byline_is_the_display_headline() -> None:
    page = [
        " Het project begon in januari met twintig jongeren uit drie steden en",
        *_BODY[1:],
        "Meer weten? Mail naar info@buurtproject.nl voor een afspraak.",
        "",
        "Jongeren bellen met ouderen in hun buurt",
        "",
        "Een jaar lang aan de telefoon",
        "",
        "en dat blijven ze doen zolang het nodig is, zeggen de begeleiders van het project.",
        *_BODY,
        *_BODY,
        *_BODY,
        "",
        "Door: Sanne de Wit",
        "",
        "Twintig jongeren bellen",
        "elke week met hun buren",
        "",
        *_BODY,
    ]
    text = "\n".join([*_PREVIOUS[:-1], *page])
    assert _starts(text) == [(1, "Het oude buurthuis sluit"), (9, "Jongeren bellen met ouderen in hun buurt")]


def test_an_e_mail_reply_subject_is_not_a_headline() -> None:
    lines = split_lines("Beste Kees,\n\nDank voor je brief.\n\nSanne\n\nRe: Wat doen we na de crisis\nmet de buurt?\n\nBeste Sanne,\n")
    assert block_at(lines, 6) is None
    assert block_at(split_lines("Wat doen we na de crisis\nmet de buurt?\n\nBeste Sanne,\n"), 0) is not None


def test_the_tail_of_a_double_spaced_display_sentence_is_not_a_headline() -> None:
    lines = split_lines("De crisis maakt de\n\nongelijkheid in de wijk\n\nNog beter zichtbaar\n\nDoor: Sanne de Wit\n")
    assert block_at(lines, 4) is None  # it continues "ongelijkheid in de wijk"
    assert block_at(split_lines("Een korte kop\n\nNog beter zichtbaar\n\nDoor: Sanne de Wit\n"), 2) is not None
