"""Each matching rule, with the cases a careful reader would refuse."""

from __future__ import annotations

import pytest

from kg.evaluate.matching import (
    align,
    best,
    fold,
    match_organisation,
    match_person,
    match_text,
    match_theme,
    match_title,
)


def test_fold_drops_case_diacritics_quotes_and_punctuation() -> None:
    assert fold("  ‘Niet  iedereen’, zegt Daniëlle! ") == "niet iedereen zegt danielle"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Daniëlle de Wit", "Danielle de Wit"),  # diacritics
        ("J. Janssen", "Janine Janssen"),  # initial against a given name
        ("A.M. van Bergen", "Anne-Marie van Bergen"),  # initials of a hyphenated given name
        ("Blokhuis", "Paul Blokhuis"),  # surname only
        ("Van Bergen", "Anne-Marie van Bergen"),  # surname only, capitalised particle
        ("Jan 't Hart", "Hart"),  # particle 't
        ("Ine ter Horst", "I. Ter Horst"),
        ("prof. dr. Jan Janssen", "J. Janssen"),  # honorifics
        ("Janny Bakker-Klein", "Bakker-Klein"),  # hyphenated surname
        ("J. Bakker", "Janny Bakker-Klein"),  # one part of a double surname, given names agree
    ],
)
def test_names_of_one_person_match(a: str, b: str) -> None:
    assert match_person(a, b) > 0
    assert match_person(b, a) > 0


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("J. Janssen", "K. Janssen"),  # same surname, other initial
        ("Janine Janssen", "Jan Janssen"),  # two written-out given names differ
        ("Klein", "Janny Bakker-Klein"),  # a bare name is not a part of a double surname
        ("Paul Blokhuis", "Paul Rosenmöller"),
        ("A.M. van Bergen", "B. van Bergen"),
    ],
)
def test_names_of_different_people_do_not_match(a: str, b: str) -> None:
    assert match_person(a, b) == 0
    assert match_person(b, a) == 0


def test_exact_name_outranks_surname_only() -> None:
    assert match_person("Paul Blokhuis", "Paul Blokhuis") > match_person("J. Blokhuis", "Jan Blokhuis") > match_person("Blokhuis", "Paul Blokhuis")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Movisie", "MOVISIE"),
        ("Avans", "Avans Hogeschool"),  # leading part at word boundaries
        ("VWS", "Ministerie van VWS"),  # what is left after an administrative kind word
        ("Utrecht", "Gemeente Utrecht"),
        ("CBS", "Centraal Bureau voor de Statistiek"),  # acronym of the content words
        ("HvA", "Hogeschool van Amsterdam"),  # acronym of every word
        ("VWS", "Ministerie van Volksgezondheid, Welzijn en Sport"),  # acronym without the kind word
    ],
)
def test_names_of_one_organisation_match(a: str, b: str) -> None:
    assert match_organisation(a, b) > 0
    assert match_organisation(b, a) > 0


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Hogeschool Utrecht", "Universiteit Utrecht"),
        ("Utrecht", "Hogeschool Utrecht"),  # a school's kind word is part of its name
        ("Hogeschool", "Hogeschool Utrecht"),  # a kind word alone names nothing
        ("Avans", "Hogeschool Avansweg"),  # not at a word boundary
        ("GGD", "Movisie"),
    ],
)
def test_names_of_different_organisations_do_not_match(a: str, b: str) -> None:
    assert match_organisation(a, b) == 0
    assert match_organisation(b, a) == 0


def test_organisation_alias_matches_through_best() -> None:
    assert best(match_organisation, ["Stichting Buurtwijs", "Buurtwijs"], ["Buurtwijs"]) == 1.0
    # a syllable acronym is not derivable from the words; only a stated alias links it
    assert match_organisation("NIBUD", "Nationaal Instituut voor Budgetvoorlichting") == 0
    assert best(match_organisation, ["NIBUD", "Nationaal Instituut voor Budgetvoorlichting"], ["Nibud"]) == 1.0


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("‘Not everybody does it, but everybody should’", "Not everybody does it but everybody should"),
        ("Dit is het moment om na te denken", "Dit is het moment om na te denken over een rechtvaardige samenleving"),
        ("Hoe staat het ervaringswerk ervoor?", "Hoe staat het ervaringswerk er voor"),
    ],
)
def test_titles_match(a: str, b: str) -> None:
    assert match_title(a, b) > 0


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Wederopbouw", "Wederopbouw na corona"),  # a short title inside a long one is not enough
        ("Tips voor inclusieve communicatie", "Tips voor inclusief beleid in gemeenten"),
        ("Colofon", "Column"),
    ],
)
def test_titles_do_not_match(a: str, b: str) -> None:
    assert match_title(a, b) == 0


def test_exact_title_outranks_containment() -> None:
    assert match_title("Samen sterker", "Samen sterker") > match_title("Samen sterker na de crisis", "Samen sterker na de crisis in de wijk")


def test_texts_match_when_cut_differently() -> None:
    gold = "Daarom zouden we samen moeten optrekken, ook na de crisis."
    assert match_text(gold, "Daarom zouden we samen moeten optrekken") > 0
    assert match_text(gold, "daarom zouden we samen moeten optrekken, ook na de crisis") == 1.0


def test_texts_do_not_match() -> None:
    assert match_text("Gemeenten moeten kwetsbare mensen opzoeken.", "Het wijkteam is uitgebreid.") == 0
    assert match_text("Gemeenten moeten kwetsbare mensen opzoeken.", "moeten") == 0


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Coronacrisis", "coronacrisis"),
        ("kwetsbare mensen", "kwetsbaar mens"),  # lemmas
        ("geweld", "huiselijk geweld"),  # head noun
        ("kwaliteit", "kwaliteit van leven"),  # head noun before a preposition
    ],
)
def test_themes_match(a: str, b: str) -> None:
    assert match_theme(a, b) > 0
    assert match_theme(b, a) > 0


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("huiselijk geweld", "geweld in intieme relaties"),  # same head, different themes
        ("zorg", "jeugdzorg"),
        ("leven", "kwaliteit van leven"),  # not the head
    ],
)
def test_themes_do_not_match(a: str, b: str) -> None:
    assert match_theme(a, b) == 0


def test_align_is_one_to_one_and_maximal() -> None:
    # "Jan" prefers P0 but must leave it to "Piet", who has no other candidate.
    scores = {("jan", "p0"): 0.9, ("jan", "p1"): 0.5, ("piet", "p0"): 0.4}
    pairs = align(["jan", "piet"], ["p0", "p1"], lambda g, p: scores.get((g, p), 0.0))
    assert pairs == [(0, 1), (1, 0)]


def test_align_prefers_better_scores_then_tiebreak() -> None:
    pairs = align(["a"], ["x", "y", "z"], lambda g, p: 0.5 if p != "x" else 0.4, tiebreak=lambda g, p: {"y": -10.0, "z": -1.0}.get(p, 0.0))
    assert pairs == [(0, 2)]
