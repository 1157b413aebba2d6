"""Council news as local media print it, on an invented text: a party member quoted with the
party before the role ("SP-raadslid Karin Mulder") or in brackets after the name ("Pieter de Wit
(ChristenUnie)"), and attributions such as "besluit Mulder"."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.model import ArticleRecord
from tests.utils.building import only_article

FIXTURE = Path(__file__).parent / "fixtures" / "council_news.txt"


@pytest.fixture(scope="module")
def article() -> ArticleRecord:
    return only_article(FIXTURE)


def test_quoted_council_members_are_interviewees_affiliated_to_their_party(article: ArticleRecord) -> None:
    quoted = {p.name.text: [o.text for o in p.affiliations] for p in article.interviewees}
    assert quoted == {"Karin Mulder": ["SP"], "Pieter de Wit": ["ChristenUnie"]}


def test_the_parties_are_organisations_of_the_article(article: ArticleRecord) -> None:
    assert {"SP", "ChristenUnie"} <= {o.text for o in article.organisations}
