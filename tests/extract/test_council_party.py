"""A council member's party is named after the role, even when its name is made of ordinary
words: "Karel Jansen, raadslid van Lokaal Belang" (invented local news)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.model import ArticleRecord
from tests.utils.building import only_article

FIXTURE = Path(__file__).parent / "fixtures" / "council_member_party.txt"


@pytest.fixture(scope="module")
def article() -> ArticleRecord:
    return only_article(FIXTURE)


def _people(article: ArticleRecord) -> dict[str, list[str]]:
    return {p.name.text: [o.text for o in p.affiliations] for p in article.interviewees + article.persons}


def test_a_local_party_after_raadslid_is_the_members_affiliation(article: ArticleRecord) -> None:
    assert _people(article)["Karel Jansen"] == ["Lokaal Belang"]
    assert "Lokaal Belang" in {o.text for o in article.organisations}


def test_a_party_after_fractievoorzitter_too(article: ArticleRecord) -> None:
    assert _people(article)["Fatima el Amrani"] == ["Samen Sterk"]
