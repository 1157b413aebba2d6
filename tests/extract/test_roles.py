"""Roles and affiliations from bios and appositions (recognisers replaced by given spans)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from kg.extract.roles import find_affiliations
from kg.extract.signatures import role_and_organisation
from kg.model import Mention, Span

NLP = spacy.blank("nl")


def _doc(text: str, persons: list[str], organisations: list[str]) -> Doc:
    doc = NLP(text)
    doc.spans["persons"] = [doc.char_span(text.index(p), text.index(p) + len(p)) for p in persons]
    doc.spans["organisations"] = [doc.char_span(text.index(o), text.index(o) + len(o)) for o in organisations]
    return doc


def _found(doc: Doc) -> list[tuple[str, str | None, str | None]]:
    return [
        (a.person.text, doc.text[a.role[0]:a.role[1]] if a.role else None, a.organisation.text if a.organisation is not None else None)
        for a in find_affiliations(doc)
    ]


def test_apposition_with_role_and_organisation() -> None:
    doc = _doc("Dat zegt Petra Smit, senior adviseur bij Movisie, in een interview.", ["Petra Smit"], ["Movisie"])
    assert _found(doc) == [("Petra Smit", "senior adviseur", "Movisie")]


def test_bio_chains_roles_and_organisations() -> None:
    text = "Karel de Groot is lector Zorg en Welzijn aan Hogeschool Zuid en bijzonder hoogleraar aan de Universiteit Tilburg."
    doc = _doc(text, ["Karel de Groot"], ["Hogeschool Zuid", "Universiteit Tilburg"])
    assert _found(doc) == [
        ("Karel de Groot", "lector Zorg en Welzijn", "Hogeschool Zuid"),
        ("Karel de Groot", "bijzonder hoogleraar", "Universiteit Tilburg"),
    ]


def test_parenthesis_and_plain_van() -> None:
    doc = _doc("Een gesprek met Ans Bos (Stichting Wijkkracht) en Tim Kok van het Jeugdfonds.", ["Ans Bos", "Tim Kok"], ["Stichting Wijkkracht", "Jeugdfonds"])
    assert _found(doc) == [("Ans Bos", None, "Stichting Wijkkracht"), ("Tim Kok", None, "Jeugdfonds")]


def test_organisation_role_compound_and_role_noun_before_the_name() -> None:
    doc = _doc("Movisie deed onderzoek. Volgens Movisie-bestuurder Eva Ling en staatssecretaris Bram Vos is dat zo.", ["Eva Ling", "Bram Vos"], ["Movisie"])
    assert _found(doc) == [("Eva Ling", "bestuurder", "Movisie"), ("Bram Vos", "staatssecretaris", None)]


def test_a_sentence_between_name_and_organisation_is_no_affiliation() -> None:
    doc = _doc("Petra Smit zegt dat zij vaak samenwerkt met Movisie.", ["Petra Smit"], ["Movisie"])
    assert _found(doc) == []


def test_an_email_address_in_brackets_does_not_break_the_bio() -> None:
    text = "Meer informatie: Ans Bos (a.bos@wijkkracht.nl) of Tim Kok (t.kok@wijkkracht.nl) van Stichting Wijkkracht."
    doc = _doc(text, ["Ans Bos", "Tim Kok"], ["Stichting Wijkkracht"])
    assert _found(doc) == [("Tim Kok", None, "Stichting Wijkkracht")]


def _split(tail: str) -> tuple[str | None, str | None]:
    role, organisation = role_and_organisation(Mention(tail, Span(100, 100 + len(tail))))
    return (role.text if role else None, organisation.text if organisation else None)


def test_a_signature_role_is_no_part_of_the_organisation_even_when_capitalised() -> None:
    assert _split("Ervaringsdeskundige bij Werkplaats Sociaal Domein Oost") == ("Ervaringsdeskundige", "Werkplaats Sociaal Domein Oost")
    assert _split("Senior adviseur bij Stichting Wijkkracht") == ("Senior adviseur", "Stichting Wijkkracht")
    assert _split("Hogeschool van Amsterdam") == (None, "Hogeschool van Amsterdam")
    assert _split("bestuurder Movisie") == ("bestuurder", "Movisie")


def test_a_word_that_only_ties_a_person_to_an_organisation_is_no_role() -> None:
    doc = _doc("Volgens Anna Visser, verbonden aan Hogeschool Zuid, is dat een goed idee.", ["Anna Visser"], ["Hogeschool Zuid"])
    assert _found(doc) == [("Anna Visser", None, "Hogeschool Zuid")]
    doc = _doc("Bert Kok is werkzaam bij Movisie en doet onderzoek.", ["Bert Kok"], ["Movisie"])
    assert _found(doc) == [("Bert Kok", None, "Movisie")]


def test_a_list_of_names_shares_the_organisation_in_brackets() -> None:
    text = "Verslag van Lies Prins (Instituut Noord) Joost Mulder, Kim Baas en Aart Hol (Buurtbedrijf) Mei 2019"
    doc = _doc(text, ["Lies Prins", "Joost Mulder", "Kim Baas", "Aart Hol"], ["Instituut Noord", "Buurtbedrijf"])
    assert _found(doc) == [
        ("Lies Prins", None, "Instituut Noord"),
        ("Joost Mulder", None, "Buurtbedrijf"),
        ("Kim Baas", None, "Buurtbedrijf"),
        ("Aart Hol", None, "Buurtbedrijf"),
    ]


def test_the_bracketed_organisation_may_be_recognised_at_another_mention() -> None:
    text = "De corporatie Buurtbedrijf bouwt. Door Kim Baas en Aart Hol (Buurtbedrijf)."
    doc = NLP(text)
    doc.spans["persons"] = [doc.char_span(text.index(p), text.index(p) + len(p)) for p in ("Kim Baas", "Aart Hol")]
    doc.spans["organisations"] = [doc.char_span(text.index("Buurtbedrijf"), text.index("Buurtbedrijf") + len("Buurtbedrijf"))]
    assert _found(doc) == [("Kim Baas", None, "Buurtbedrijf"), ("Aart Hol", None, "Buurtbedrijf")]


def test_organisation_before_a_name_set_off_by_commas() -> None:
    doc = _doc("De Kinderombudsman, Wim Gerritsen, vindt dat gemeenten tekortschieten.", ["Wim Gerritsen"], ["De Kinderombudsman"])
    assert _found(doc) == [("Wim Gerritsen", None, "De Kinderombudsman")]


def test_an_organisation_that_describes_the_one_before_ends_the_bio() -> None:
    text = "Anna Vos is onderzoeker bij Stichting Zorgkracht, partner van Netwerk Oost."
    doc = _doc(text, ["Anna Vos"], ["Stichting Zorgkracht", "Netwerk Oost"])
    assert _found(doc) == [("Anna Vos", "onderzoeker", "Stichting Zorgkracht")]


def test_a_bold_name_opens_its_bio() -> None:
    text = "■ **Noor Kaya** is teamleider Wijkzorg bij Stichting Buurtkracht."
    doc = _doc(text, ["Noor Kaya"], ["Stichting Buurtkracht"])
    assert _found(doc) == [("Noor Kaya", "teamleider Wijkzorg", "Stichting Buurtkracht")]


def test_van_before_a_kind_noun_and_the_organisation() -> None:
    doc = _doc("Daar denkt Bas Ruiter van welzijnsorganisatie Kompas anders over.", ["Bas Ruiter"], ["Kompas"])
    assert _found(doc) == [("Bas Ruiter", None, "Kompas")]


def test_a_role_in_brackets_with_its_organisation() -> None:
    doc = _doc("Els Mol (coördinator bij Humanitas) vertelt over haar werk.", ["Els Mol"], ["Humanitas"])
    assert _found(doc) == [("Els Mol", "coördinator", "Humanitas")]


def test_words_before_the_role_are_no_part_of_it() -> None:
    text = "Kees Brink is sinds 2019 wethouder van de gemeente Zwolle. Lotte Bakker is werkzaam als onderzoeker bij het Jeugdinstituut."
    doc = _doc(text, ["Kees Brink", "Lotte Bakker"], ["gemeente Zwolle", "Jeugdinstituut"])
    assert _found(doc) == [("Kees Brink", "wethouder", "gemeente Zwolle"), ("Lotte Bakker", "onderzoeker", "Jeugdinstituut")]


def test_an_editors_gloss_in_brackets_does_not_introduce_the_person() -> None:
    text = "In het debat zei Bert Kuipers (woordvoerder van Partij Noord, red.) dat het anders moet."
    doc = _doc(text, ["Bert Kuipers"], ["Partij Noord"])
    assert _found(doc) == []


def test_a_role_noun_before_the_name_does_not_introduce_an_interviewee() -> None:
    """"volgens wijkagent X": someone the article talks about; an apposition after the name does introduce."""
    doc = _doc("Volgens wijkagent Tom Ros is het rustig. Els Mol, coördinator bij Humanitas, ziet dat ook.", ["Tom Ros", "Els Mol"], ["Humanitas"])
    assert [(a.person.text, a.introduces) for a in find_affiliations(doc)] == [("Tom Ros", False), ("Els Mol", True)]
