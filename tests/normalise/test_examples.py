"""Examples in the genre: hyphenation, paragraphs and page furniture."""

from __future__ import annotations

import pytest

from kg.normalise import furniture_lines, normalise


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        ("de samen-\nwerking loopt", "de samenwerking loopt"),
        ("de samen-   \nwerking loopt", "de samenwerking loopt"),
        ("de gezond\u2010\nheidsproblemen nemen toe", "de gezondheidsproblemen nemen toe"),
        ("de kinder\u00ad\nopvang is dicht", "de kinderopvang is dicht"),
        ("de kinder\u00adopvang is dicht", "de kinderopvang is dicht"),
        ("het wordt ge -\norganiseerd", "het wordt georganiseerd"),
        ("in de veilig-\nheidszorg werken", "in de veiligheidszorg werken"),  # unknown compound, rare half
        ("zo weerklinkt in be-\n\nleids- en bestuurlijk Nederland", "zo weerklinkt in beleids- en bestuurlijk Nederland"),
        ("in STRATEGISCHE LEVENS-\nGEBEURTENISSEN", "in STRATEGISCHE LEVENSGEBEURTENISSEN"),
    ],
)
def test_a_word_broken_at_the_line_end_is_joined(original: str, expected: str) -> None:
    assert normalise(original).text == expected


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        ("40.000 dak- en thuislozen", "40.000 dak- en thuislozen"),
        ("stabiele liefdes-\nen gezinsrelaties", "stabiele liefdes- en gezinsrelaties"),
        ("vormen van eer- gerelateerd geweld", "vormen van eer- gerelateerd geweld"),
        ("zegt Janny Bakker-\nKlein van Movisie", "zegt Janny Bakker-Klein van Movisie"),
        ("de covid-\n19-pandemie", "de covid-19-pandemie"),
        ("de covid-19-\npandemie", "de covid-19-pandemie"),
        ("via ICT-\ncontact", "via ICT-contact"),
        ("bij co-\nouderschap", "bij co-ouderschap"),  # a pair of common words keeps its hyphen
        ("de vorige crisis - de bankencrisis -\n\nvoorbij was", "de vorige crisis - de bankencrisis - voorbij was"),
    ],
)
def test_a_real_hyphen_stays_as_printed(original: str, expected: str) -> None:
    assert normalise(original).text == expected


def test_a_dropped_hyphen_still_maps_back_to_the_broken_word() -> None:
    original = "Over samen-\n\nwerking."
    clean = normalise(original)
    start = clean.text.index("samenwerking")
    o_start, o_end = clean.to_original(start, start + len("samenwerking"))
    assert original[o_start:o_end] == "samen-\n\nwerking"
    assert clean.to_clean(o_start, o_end) == (start, start + len("samenwerking"))


def test_lines_of_a_paragraph_are_joined_with_one_space() -> None:
    original = "  Het CBS   weet het\t ook \nniet, want daar is nooit \nonderzoek naar gedaan."
    assert normalise(original).text == "Het CBS weet het ook niet, want daar is nooit onderzoek naar gedaan."


def test_a_short_last_line_of_a_sentence_ends_the_paragraph() -> None:
    original = "Want als op dit moment iets belangrijk is, dan is het wel\nsamenwerking.\nWaarom is dat juist nu zo nodig?"
    assert normalise(original).text.split("\n\n") == [
        "Want als op dit moment iets belangrijk is, dan is het wel samenwerking.",
        "Waarom is dat juist nu zo nodig?",
    ]


def test_a_blank_line_after_a_sentence_end_starts_a_paragraph() -> None:
    original = "Het is deze zwakte die haar zorgen baart.\n\nVolgens Roovers is de tijd aangebroken."
    assert normalise(original).text == "Het is deze zwakte die haar zorgen baart.\n\nVolgens Roovers is de tijd aangebroken."


@pytest.mark.parametrize(
    "original",
    [
        "Ook bij specifieke onderwerpen ziet de staatssecretaris \n\neen rol voor een kennisinstituut.",
        "De zorgen over de groeiende kloof in \n\nNederland zijn niet nieuw.",  # ends in a function word
        "Steeds meer professionals vinden in Positieve\n\nGezondheid de sleutel om wat vastloopt\n\nweer vlot te trekken.",
    ],
)
def test_a_blank_line_inside_a_sentence_is_a_column_break(original: str) -> None:
    assert "\n" not in normalise(original).text


@pytest.mark.parametrize(
    ("original", "paragraphs"),
    [
        ("Door: Jessica Maas\n\nTe grote verschillen op de arbeidsmarkt zijn er altijd.", 2),
        ("Beste Arjo,\n\nIn een Kamerdebat over de coronacrisis zei iemand iets.", 2),
        ("Mensen bij elkaar zetten\n\nHet samenwerken lijkt soms een doel op zich te worden.", 2),
        ("Minder winstoogmerk\nNadenken over de samenleving betekende voorheen vooral:", 2),
        ("### Verhoogde kwetsbaarheid\nIn de wijk is dat goed zichtbaar.", 2),
        ("Wij noemen:\n• een eerste punt\n• een tweede punt", 3),
    ],
)
def test_headings_bylines_and_list_items_stay_apart(original: str, paragraphs: int) -> None:
    assert len(normalise(original).text.split("\n\n")) == paragraphs


def test_page_furniture_lines() -> None:
    lines = [
        "Een zin die doorloopt op de volgende",
        "12",
        "Huiselijk geweld te lijf * 7",
        "pagina, en nog een regel",
        ">>4",
        "•••",
        "pagina.",
        "’",
        "Wederopbouw",
        "Janny",
        "8 * Huiselijk geweld te lijf",
    ]
    assert furniture_lines(lines) == {1, 2, 4, 5, 10}


def test_a_numbered_running_head_is_furniture_only_when_it_recurs_pages_apart() -> None:
    body = ["Een regel lopende tekst."] * 30
    pages = ["Movisies 12", *body, "Movisies 13", *body, "Movisies 14"]
    assert furniture_lines(pages) == {0, 31, 62}
    steps = ["Stap 1", "Doe dit eerst.", "Stap 2", "Doe dit daarna."]
    assert furniture_lines(steps) == set()


def test_furniture_is_dropped_and_the_sentence_runs_on() -> None:
    original = "Dit is een tikkende\n\nHuiselijk geweld te lijf * 7\n\ntijdbom voor ons allen.  >>4\nVolgende zin."
    assert normalise(original).text == "Dit is een tikkende tijdbom voor ons allen. Volgende zin."


def test_a_jump_marker_at_the_end_of_a_line_is_dropped() -> None:
    assert normalise("wat er mogelijk is.’ >> 11\n").text == "wat er mogelijk is.’"
    assert normalise("Huisvesting,  >> \nwerk en zorg.").text == "Huisvesting, werk en zorg."


def test_a_lowercase_line_after_a_colon_and_a_blank_continues_the_sentence() -> None:
    original = "Maar we kunnen niet heen om deze conclusie:\n\nhet geweld loopt niet terug."
    assert normalise(original).text == "Maar we kunnen niet heen om deze conclusie: het geweld loopt niet terug."


def test_a_table_of_contents_is_not_furniture() -> None:
    lines = ["Inhoud", "4 * Leren van elkaar", "", "6 * Professionals zijn even niet aan zet", "17 * Column"]
    assert furniture_lines(lines) == set()
