from __future__ import annotations

from kg.extract.interviewees import interviewees
from kg.resolve import PersonResolver


def test_initials_and_full_name_are_one_person() -> None:
    resolver = PersonResolver(["J. Janssen", "Janine Janssen", "Ben Kokkeler"])
    assert resolver.name("J. Janssen") == "Janine Janssen"
    assert resolver.name("Janine  Janssen") == "Janine Janssen"


def test_two_people_sharing_a_surname_stay_two() -> None:
    resolver = PersonResolver(["Jan Janssen", "Janine Janssen", "J. Janssen", "P. Janssen"])
    assert resolver.name("Jan Janssen") == "Jan Janssen"
    assert resolver.name("Janine Janssen") == "Janine Janssen"
    assert resolver.name("J. Janssen") == "J. Janssen"  # fits both: not merged
    assert resolver.name("P. Janssen") == "P. Janssen"


def test_interviewees_are_people_given_the_floor() -> None:
    text = (
        "In gesprek met Lotte Verbeek. ‘Het werk veranderde’, zegt Verbeek. Ook Kees Mol kwam langs. "
        "‘We gingen de straat op’, aldus Verbeek. Volgens Mol was dat nodig."
    )
    assert interviewees(text, ["Lotte Verbeek", "Kees Mol"], "report", exclude=set()) == ["Lotte Verbeek"]
    assert interviewees(text, ["Lotte Verbeek", "Kees Mol"], "interview", exclude={"verbeek"}) == ["Kees Mol"]


def test_spellings_that_differ_in_diacritics_or_case_are_one_name() -> None:
    resolver = PersonResolver(["Daniëlle van Oostrum", "Danielle van Oostrum", "DANIËLLE VAN OOSTRUM"])
    assert {resolver.name(n) for n in ("Daniëlle van Oostrum", "Danielle van Oostrum", "DANIËLLE VAN OOSTRUM")} == {"Daniëlle van Oostrum"}


def test_unknown_organisation_spelled_two_ways_gets_one_name() -> None:
    from kg.model import ArticleRecord, Extraction, Mention, PublicationRecord, Span
    from kg.resolve import organisation_names

    def mention(text: str) -> Mention:
        return Mention(text, Span(0, len(text)))

    article = ArticleRecord(mention("Kop"), 1, 2, Span(0, 10), organisations=[mention("U-Centraal"), mention("U Centraal"), mention("U-Centraal")])
    names = organisation_names([Extraction("a.txt", "0" * 64, "text/plain", PublicationRecord(), [article])])
    assert set(names.values()) == {"U-Centraal"}
