"""Bios that state affiliations for several people at once, and appositions with a role, on
invented sentences."""

from __future__ import annotations

import pytest
from spacy.language import Language

from kg.extract.bios import bio_affiliations
from kg.extract.roles import find_affiliations
from kg.nlp.pipeline import make_nlp


@pytest.fixture(scope="module")
def nlp() -> Language:
    return make_nlp()


def _pairs(nlp: Language, text: str) -> set[tuple[str, str]]:
    doc = nlp(text)
    found = find_affiliations(doc) + bio_affiliations(doc)
    return {(a.person.text, a.organisation.text) for a in found if a.organisation is not None}


def test_one_bio_sentence_gives_every_named_person_every_organisation(nlp: Language) -> None:
    pairs = _pairs(nlp, "■ **Anouk de Wit** en **Pim Koster** zijn onderzoekers bij het lectoraat Buurtzorg van Hogeschool Oost en werken voor Werkplaats Sociaal Domein Oost.")
    assert {("Anouk de Wit", "Hogeschool Oost"), ("Pim Koster", "Hogeschool Oost")} <= pairs
    assert {("Anouk de Wit", "Werkplaats Sociaal Domein Oost"), ("Pim Koster", "Werkplaats Sociaal Domein Oost")} <= pairs


@pytest.mark.parametrize(
    "text",
    [
        "■ **Anouk de Wit** en **Pim Koster** zijn onderzoekers bij Hogeschool Oost, partner van Werkplaats Sociaal Domein Oost.",
        "Anouk de Wit is predikant bij het Loket Zingeving, een proeftuin van de Protestantse Kerk Oost.",
        "Anouk de Wit is docent bij Hogeschool Oost, waaronder de Werkplaats Sociaal Domein Oost valt.",
    ],
)
def test_an_organisation_named_to_describe_the_one_before_is_not_the_persons(nlp: Language, text: str) -> None:
    assert not {org for _, org in _pairs(nlp, text)} & {"Werkplaats Sociaal Domein Oost", "Protestantse Kerk Oost", "Protestantse Kerk"}


def test_an_abbreviation_in_brackets_is_no_second_affiliation(nlp: Language) -> None:
    pairs = _pairs(nlp, "Pim Koster is als hoogleraar verbonden aan de vakgroep Sociale Studies (VSS) van de Universiteit van Oost.")
    assert ("Pim Koster", "VSS") not in pairs
    assert ("Pim Koster", "Universiteit van Oost") in pairs


def test_a_sentence_that_goes_on_about_them_adds_its_organisations(nlp: Language) -> None:
    text = "Anouk de Wit en Pim Koster zijn onderzoekers bij Hogeschool Oost. Zij zijn beiden verbonden aan Werkplaats Sociaal Domein Oost."
    pairs = _pairs(nlp, text)
    assert {("Anouk de Wit", "Werkplaats Sociaal Domein Oost"), ("Pim Koster", "Werkplaats Sociaal Domein Oost")} <= pairs


def test_titles_and_initials_do_not_end_a_bio_sentence(nlp: Language) -> None:
    text = "Prof. dr. H. Bos is als hoogleraar verbonden aan de Universiteit van Tilburg. Sinds 2019 is hij daarnaast lector aan Hogeschool Zuid."
    pairs = _pairs(nlp, text)
    assert ("H. Bos", "Universiteit van Tilburg") in pairs
    assert ("H. Bos", "Hogeschool Zuid") in pairs


def test_a_pronoun_sentence_about_something_else_adds_nothing(nlp: Language) -> None:
    pairs = _pairs(nlp, "Jan Jansen is directeur van Stichting Alfa. Hij zegt dat Gemeente Delft meer moet doen.")
    assert ("Jan Jansen", "Stichting Alfa") in pairs
    assert ("Jan Jansen", "Gemeente Delft") not in pairs


def test_an_apposition_with_a_role_names_an_unknown_organisation(nlp: Language) -> None:
    pairs = _pairs(nlp, "Er is meer nodig, zegt Sanne Mulder, coördinator Zwolle van Travers.")
    assert ("Sanne Mulder", "Travers") in pairs
    pairs = _pairs(nlp, "Eva Smit, de directeur van welzijnsorganisatie Kompas, opende de dag.")
    assert ("Eva Smit", "Kompas") in pairs


def test_organisation_role_compound_after_the_name(nlp: Language) -> None:
    doc = nlp("Fleur Bakker, Trouw-verslaggever en moeder van drie, schreef erover.")
    found = [(a.person.text, doc.text[a.role[0]:a.role[1]] if a.role else None, a.organisation.text) for a in find_affiliations(doc) if a.organisation is not None]
    assert found == [("Fleur Bakker", "verslaggever", "Trouw")]


def test_respectively_pairs_people_and_organisations_in_order(nlp: Language) -> None:
    pairs = _pairs(nlp, "Mark de Boer en Lisa Jansen zijn respectievelijk lector bij Hogeschool Utrecht en onderzoeker bij Movisie.")
    assert ("Mark de Boer", "Hogeschool Utrecht") in pairs and ("Lisa Jansen", "Movisie") in pairs
    assert ("Mark de Boer", "Movisie") not in pairs and ("Lisa Jansen", "Hogeschool Utrecht") not in pairs


def test_a_career_bio_gives_every_organisation_it_names(nlp: Language) -> None:
    text = "Karin Smit studeerde sociologie aan de Universiteit van Amsterdam, werkte bij Movisie en is nu lector bij Hogeschool Rotterdam."
    assert {("Karin Smit", "Universiteit van Amsterdam"), ("Karin Smit", "Movisie"), ("Karin Smit", "Hogeschool Rotterdam")} <= _pairs(nlp, text)


def test_a_role_before_the_name_goes_with_the_organisation_after_it(nlp: Language) -> None:
    doc = nlp("‘Dat moet anders’, zegt directeur Jan Smit van Stichting Humanitas.")
    found = [(a.person.text, doc.text[a.role[0]:a.role[1]] if a.role else None, a.organisation.text) for a in find_affiliations(doc) if a.organisation is not None]
    assert found == [("Jan Smit", "directeur", "Stichting Humanitas")]
