"""Two people of one article who share a surname are two people (invented news about a family):
a son and his mother, each with their given name; a surname alone is the one named last before it."""

from __future__ import annotations

from pathlib import Path

from kg.extract.namesakes import PersonKeys
from tests.utils.building import only_article

FIXTURE = Path(__file__).parent / "fixtures" / "namesakes_news.txt"


def test_a_son_and_his_mother_are_two_people() -> None:
    article = only_article(FIXTURE)
    people = sorted(p.name.text for p in article.persons + article.interviewees)
    assert "Daan Hoekstra" in people and "Ingrid Hoekstra" in people


def test_a_surname_alone_is_the_namesake_named_last_before_it() -> None:
    keys = PersonKeys([("Daan Hoekstra", 10), ("Ingrid Hoekstra", 50), ("Hoekstra", 90), ("Pieter Zandstra", 120)], lambda n: n.split()[-1].lower())
    assert keys("Hoekstra", 90) == "ingrid hoekstra"
    assert keys("Hoekstra", 20) == "daan hoekstra"
    assert keys("Zandstra", 130) == "zandstra"  # no namesake: keyed by surname as always
    assert keys("J. Hoekstra", 140) == "ingrid hoekstra"  # an initial is no given name of its own
