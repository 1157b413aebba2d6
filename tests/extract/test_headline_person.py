"""A news item about a person, on an invented text: the person its headline names, and the text
names again, is what the article is about (an interviewee: portrayed), with the affiliation stated."""

from __future__ import annotations

from pathlib import Path

from tests.utils.building import only_article

FIXTURE = Path(__file__).parent / "fixtures" / "headline_person.txt"


def test_the_person_the_headline_names_is_portrayed_with_the_affiliation() -> None:
    article = only_article(FIXTURE)
    (dekker,) = article.interviewees
    assert dekker.name.text == "Marieke Dekker"
    assert "lectoraat Wijkgericht Werken" in [o.text for o in dekker.affiliations]
    assert article.persons == []
