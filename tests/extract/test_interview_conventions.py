"""Interviews as news prints them, on an invented text: "Naam, functie bij Organisatie:" before a
quote, "zegt Naam, directeur van aanbieder X", and who is therefore not the author."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.model import ArticleRecord
from tests.utils.building import only_article

FIXTURE = Path(__file__).parent / "fixtures" / "news_interview.txt"


@pytest.fixture(scope="module")
def article() -> ArticleRecord:
    return only_article(FIXTURE)


def test_a_name_and_role_before_a_quote_is_an_interviewee_not_the_author(article: ArticleRecord) -> None:
    assert article.authors == []
    smulders = next(p for p in article.interviewees if p.name.text == "Marieke Smulders")
    assert [r.text for r in smulders.roles] == ["beleidsmedewerker"]
    assert [o.text for o in smulders.affiliations] == ["gemeente Tilburg"]


def test_the_organisation_after_a_kind_noun_in_an_apposition_is_the_affiliation(article: ArticleRecord) -> None:
    van_dam = next(p for p in article.interviewees if p.name.text == "Joost van Dam")
    assert [r.text for r in van_dam.roles] == ["directeur"]
    assert [o.text for o in van_dam.affiliations] == ["Sterk Huis"]
