"""Who gets the floor, and spelling variants of one person's name, on invented sentences."""

from __future__ import annotations

from kg.extract.interviewees import interviewees
from kg.extract.name_variants import canonical_surnames


def test_a_sentence_that_opens_with_the_name_and_ends_in_a_quote_gives_the_floor() -> None:
    text = (
        "Het congres trok veel mensen.\n"
        "Fleur Bakker, Trouw-columnist en moeder van twee kinderen, las een tekst voor die ze voor de dag schreef: ‘Het is een doolhof.’"
    )
    assert interviewees(text, ["Fleur Bakker"], "news", set(), {"bakker"}) == ["Fleur Bakker"]


def test_a_name_in_the_middle_of_a_sentence_before_a_quote_does_not() -> None:
    text = "De dagvoorzitter Tom Kist gaf het woord aan de gastvrouw van de middag: ‘Welkom allemaal.’"
    assert interviewees(text, ["Tom Kist"], "news", set(), {"kist"}) == []


def test_a_misspelt_surname_is_the_variant_printed_most_often() -> None:
    names = ["Sanne Dijkstra", "Sanne Dijksta", "Dijkstra", "Dijkstra"]
    assert canonical_surnames(names) == {"dijksta": "dijkstra"}


def test_the_bylines_spelling_wins() -> None:
    assert canonical_surnames(["Rob Meulenbelt"], ["Rob Meulenbelts"]) == {"meulenbelt": "meulenbelts"}


def test_different_given_names_or_short_surnames_are_different_people() -> None:
    assert canonical_surnames(["Jan Jansen", "Piet Janssen", "Janssen"]) == {}
    assert canonical_surnames(["Eva Bos", "Eva Vos", "Vos"]) == {}


def test_a_name_without_its_second_surname_is_the_same_person() -> None:
    assert canonical_surnames(["Eva de Wit"], ["Eva de Wit– Smeets"]) == {"wit": "smeets"}
