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
