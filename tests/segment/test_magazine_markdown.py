"""Conventions of magazines converted to markdown, on an invented text
(fixtures/web/magazine_boxes.md): a drop cap ("**M**et") opens an article even under a level-2
heading, and a portrait box whose heading runs the name into the role (no comma between them, as
a PDF extraction joins the lines of the head) is still a portrait."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract.articles import to_record
from kg.model import ArticleRecord, PersonRecord
from kg.segment.articles import segment
from kg.segment.lines import split_lines

FIXTURE = Path(__file__).parent / "fixtures" / "web" / "magazine_boxes.md"


@pytest.fixture(scope="module")
def records() -> dict[str, ArticleRecord]:
    text = FIXTURE.read_text(encoding="utf-8")
    lines = split_lines(text)
    return {r.headline.text: r for r in (to_record(d, lines, text, i) for i, d in enumerate(segment(lines), start=1))}


def test_a_level_two_heading_over_a_drop_cap_heads_an_article(records: dict[str, ArticleRecord]) -> None:
    assert "Luisteren zonder te zien" in records
    assert "Wat werkte" not in records  # a subhead without a drop cap under it stays inside its article


def test_a_portrait_heading_without_a_comma_gives_name_role_and_organisation(records: dict[str, ArticleRecord]) -> None:
    (portrait,) = [r for r in records.values() if r.genre == "portrait" and r.interviewees[0].name.text == "Lukas de Bruin"]
    (lukas,) = portrait.interviewees
    assert [r.text for r in lukas.roles] == ["Wijkcoördinator Zorg & Welzijn"]
    assert [a.text for a in lukas.affiliations] == ["gemeente Zuidhaven"]


def test_a_descriptor_line_ending_in_a_dash_continues_on_the_next(records: dict[str, ArticleRecord]) -> None:
    (marit,) = records["Marit Holwerda"].interviewees
    assert [r.text for r in marit.roles] == ["Ambtenaar"]
    assert [a.text for a in marit.affiliations] == ["gemeente Veenhoven", "Werkplaats Sociaal Domein Noordkust"]


def _portrayed(head: str) -> list[PersonRecord]:
    """The people portrayed in a two-article markdown issue with a portrait box ``head`` (its
    heading and text) between the articles."""
    body = "Dit nummer gaat over de wijk, de mensen die er wonen en de professionals die er werken. " * 3
    text = f"# Een nummer\n\n{body}\n\n{head}\n\n# Tweede artikel\n\n{body}\n"
    lines = split_lines(text)
    records = [to_record(d, lines, text, i) for i, d in enumerate(segment(lines), start=1)]
    return [p for r in records if r.genre == "portrait" for p in r.interviewees]


def test_a_descriptor_line_that_is_only_a_dash_says_nothing() -> None:
    quote = "'Ik werk hier graag. Mijn collega's en ik kennen de buurt, en de buurt kent ons: dat maakt het werk de moeite waard.'"
    (marieke,) = _portrayed(f"## Marieke Bakker\n\n–\nCoördinator\n\n{quote}")
    assert marieke.name.text == "Marieke Bakker" and [r.text for r in marieke.roles] == ["Coördinator"] and marieke.affiliations == []


def test_a_portrait_whose_text_is_broken_into_printed_lines_speaks_in_the_first_person_over_its_opening() -> None:
    quote = "‘De crisis zet alles wat vanzelfsprekend was op losse schroeven.\nDat raakt ook de buurt: ik zie het elke dag bij de voedselbank.\nMijn buren helpen elkaar meer dan ooit.’"
    assert [p.name.text for p in _portrayed(f"## Hans de Groot (85)\n\n{quote}")] == ["Hans de Groot"]
