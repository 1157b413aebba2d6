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


def _authors(text: str) -> list[tuple[int, list[str]]]:
    """(1-based first line, author names from the byline) of every article."""
    return [(d.start + 1, [m.text for m in d.byline.names] if d.byline else []) for d in segment(split_lines(text))]


def test_a_name_alone_between_headline_subtitle_and_text_is_the_byline() -> None:
    text = "\n".join(["De buurt belt terug", "", "Contact houden in een stil voorjaar", "", "Marleen Hofstra", "", *_BODY, *_BODY])
    assert _authors(text) == [(1, ["Marleen Hofstra"])]


def test_a_name_alone_above_a_kicker_is_the_byline() -> None:
    text = "\n".join(["Stuur ons uw mening in niet meer dan", "vijfhonderd woorden.", "", "Marleen Hofstra", "OPINIE", "", *_BODY, *_BODY])
    assert _authors(text) == [(1, ["Marleen Hofstra"])]


def test_a_name_alone_after_the_text_has_begun_is_not_a_byline() -> None:
    text = "\n".join(["De buurt belt terug", "", *_BODY, "", "Marleen Hofstra", "", *_BODY])
    assert _authors(text) == [(1, [])]


def _news_item(headline: str, contact: str) -> list[str]:
    return [headline, *_BODY, "", contact, ""]


def test_a_box_inside_an_article_is_an_article_of_its_own() -> None:
    host = [" Buurtwerk op afstand", "Door: Kees Smit", "", *_BODY, "Ook de bibliotheek deed mee en leende tablets uit aan wie er geen had. Die"]
    box = ["", "Project Digitale", "buurtkamer", "", *_BODY[:3], "Lees meer over het project op buurtkamer.nl/", "digitaal.", ""]
    rest = ["tablets kwamen na de zomer terug en gingen naar de volgende groep bewoners.", *_BODY]
    drafts = segment(split_lines("\n".join([*host, *box, *rest])))
    assert [(d.start + 1, d.end + 1, d.headline.text if d.headline else "") for d in drafts] == [
        (1, 23, "Buurtwerk op afstand"),
        (10, 17, "Project Digitale buurtkamer"),
    ]


def test_an_interruption_without_a_contact_line_is_not_a_box() -> None:
    host = [" Buurtwerk op afstand", "Door: Kees Smit", "", *_BODY, "Ook de bibliotheek deed mee en leende tablets uit aan wie er geen had. Die"]
    quote = ["", "Iedereen hoort erbij", "in de wijk", "", *_BODY[:3], "de computer, zodat niemand er alleen voor stond.", ""]
    rest = ["tablets kwamen na de zomer terug en gingen naar de volgende groep bewoners.", *_BODY]
    assert _starts("\n".join([*host, *quote, *rest])) == [(1, "Buurtwerk op afstand")]


def test_a_line_at_the_foot_of_a_page_after_a_contact_line_starts_no_news_item() -> None:
    page = [*_news_item("Gratis webinar over de wijk", "Meer informatie: www.buurtwerk.nl"), "Aanmelden kan tot 1 juni", f" {_BODY[0]}", *_BODY[1:]]
    assert _starts("\n".join(page)) == [(1, "Gratis webinar over de wijk")]


def test_a_news_item_with_its_headline_printed_after_its_text_starts_after_the_previous_contact_line() -> None:
    page = [
        *_news_item("Gratis webinar over de wijk", "Meer informatie: www.buurtwerk.nl"),
        *_BODY,
        "Benieuwd? Kijk eens rond op www.buurtkamer.nl.",
        "",
        *_BODY,
        "",
        "De buurtkamer gaat online",
        " COLUMN",
    ]
    assert _starts("\n".join(page)) == [(1, "Gratis webinar over de wijk"), (9, "De buurtkamer gaat online")]


def test_a_markdown_heading_with_a_name_and_role_titles_a_testimony_and_signs_nothing() -> None:
    from kg.segment.markers import signature

    plain, heading = split_lines("Femke de Vries, Ervaringsdeskundige bij Buurtteam Oost\n## Femke de Vries, Ervaringsdeskundige bij Buurtteam Oost")
    assert signature(plain, organisation_only=True) is not None
    assert signature(heading, organisation_only=True) is None


def test_a_title_shaped_like_a_name_is_no_byline() -> None:
    from kg.segment.markers import names_only

    assert [m.text for m in names_only(split_lines("Femke de Vries en P. Jansen")[0])] == ["Femke de Vries", "P. Jansen"]
    assert names_only(split_lines("Nieuwe Werkpraktijk")[0]) == []
    assert names_only(split_lines("Sociaal Domein")[0]) == []


def test_a_headline_set_in_body_type_over_two_lines_stays_with_the_byline_under_it() -> None:
    page = [
        " Drie buurtwerkers over het contact met de",
        "bewoners van de wijk in het lange, stille voorjaar van 2020.",  # longer than a headline line
        "Door: Sanne de Wit",
        *_BODY,
        "",
        "Niemand hoeft",
        "alleen te zijn",
        "in de wijk",
        "",
        *_BODY,
    ]
    text = "\n".join([*_PREVIOUS[:-1], *page])
    assert _starts(text) == [(1, "Het oude buurthuis sluit"), (9, "Drie buurtwerkers over het contact met de bewoners van de wijk in het lange, stille voorjaar van 2020")]


def test_a_subtitle_that_a_display_headline_runs_into_may_wrap_over_lines() -> None:
    page = [
        " Door: Sanne de Wit",
        "",
        *_BODY,
        "",
        "Balkon en stoep, de",
        "nieuwe ontmoetingsplaatsen en zeven andere tips voor contact in een tijd",
        "van afstand",
        " in de wijk. Vrijwilligers belden aan bij wie alleen woonde en brachten soep rond.",
        *_BODY,
    ]
    text = "\n".join([*_PREVIOUS[:-1], *page])
    assert _starts(text) == [(1, "Het oude buurthuis sluit"), (9, "Balkon en stoep, de nieuwe ontmoetingsplaatsen en zeven andere tips voor contact in een tijd van afstand")]


def test_a_sentence_that_ends_a_page_on_an_open_word_and_goes_on_over_the_page_is_no_headline() -> None:
    lines = split_lines("\n".join([*_BODY, "", "Net zoals bij het ontwikkelen van andere", "materialen zoals artikelen, handreikingen en", " tools, maken we de lessen samen met de praktijk.", *_BODY]))
    assert block_at(lines, 5) is None
    assert block_at(split_lines("\n".join([*_BODY, "", "De buurt belt", "terug", " in de wijk wonen veel ouderen alleen.", *_BODY])), 5) is not None


def test_a_contact_sentence_broken_over_lines_closes_its_news_item() -> None:
    contact = ["Neem voor meer informatie contact op met Sanne de Wit (s.dewit@buurtwerk.nl of 06", "12 34 56 78)."]
    page = [*_news_item("Gratis webinar over de wijk", contact[0])[:-2], *contact, "", *_news_item("Buurtkamer zoekt vrijwilligers", "Meer informatie: www.buurtkamer.nl")]
    assert _starts("\n".join(page)) == [(1, "Gratis webinar over de wijk"), (10, "Buurtkamer zoekt vrijwilligers")]


def test_a_headline_straight_after_the_contact_line_of_a_news_item_starts_the_next_one() -> None:
    page = [*_news_item("Gratis webinar over de wijk", "Meer informatie: Sanne de Wit, s.dewit@buurtwerk.nl.")[:-1], *_news_item("Buurtkamer zoekt vrijwilligers", "Meer informatie: www.buurtkamer.nl")]
    assert _starts("\n".join(page)) == [(1, "Gratis webinar over de wijk"), (8, "Buurtkamer zoekt vrijwilligers")]


def test_a_pull_quote_alone_at_the_top_of_the_page_before_a_byline_is_not_its_headline() -> None:
    quote_page = [" Niemand hoeft het", "alleen te doen in", "de wijk"]  # a pull quote the layout pushed onto a page of its own
    page = [" Door: Sanne de Wit", "", *_BODY, "", "De telefoon als", "buurthuis", "", *_BODY]
    text = "\n".join([*_PREVIOUS[:-1], *quote_page, *page])
    assert _starts(text) == [(1, "Het oude buurthuis sluit"), (12, "De telefoon als buurthuis")]


def test_a_word_alone_over_a_line_that_opens_with_a_capital_is_a_heading_of_its_own() -> None:
    lines = split_lines("Aanmelden\nDenk en praat mee op 19 november\n2020\ntijdens de dag van het sociaal werk\n\n2020. We gaan online!\n")
    assert block_at(lines, 0).text == "Aanmelden"
    assert block_at(split_lines("Nieuw lectoraat bij Hogeschool\nUtrecht van start\n\nDe hogeschool begint een lectoraat.\n"), 0).text == "Nieuw lectoraat bij Hogeschool Utrecht van start"


def test_a_bio_after_the_reference_list_still_names_the_author_whose_works_it_cites() -> None:
    from kg.segment.bios import bio_credit

    references = [f"- Brummel, A. ({year}). *Buurten in beweging, deel {year}*. Utrecht: Movisie." for year in (2015, 2016, 2017, 2018)]
    cited = ["Bewoners helpen elkaar vaker dan gedacht (Brummel & Ham, 2021), ook in de crisis.", *_BODY]
    bio = "■ **Annica Brummel** is onderzoeker bij de Hogeschool van Arnhem en Nijmegen."
    lines = split_lines("\n".join(["Soep op de stoep", "", *cited, "", *references, "", bio]))
    credit = bio_credit(lines, 0, len(lines) - 1)
    assert credit is not None and [name.text for name in credit.names] == ["Annica Brummel"]
