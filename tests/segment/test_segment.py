"""Segmentation on small annotated fixtures written in the genre (not taken from the seeds)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.extract.articles import to_record
from kg.segment.articles import segment
from kg.segment.lines import split_lines
from kg.segment.markers import byline, kicker_genre, signature

FIXTURES = Path(__file__).parent / "fixtures"


def _records(name: str) -> list:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    lines = split_lines(text)
    return [to_record(d, lines, text, i) for i, d in enumerate(segment(lines), start=1)]


@pytest.mark.parametrize("name", ["magazine.txt", "markdown.md"])
def test_articles_headlines_and_authors_match_the_annotation(name: str) -> None:
    expected = json.loads((FIXTURES / name).with_suffix(".expected.json").read_text(encoding="utf-8"))["articles"]
    records = _records(name)
    assert [r.headline.text for r in records] == [e["headline"] for e in expected]
    assert [r.first_line for r in records] == [e["first_line"] for e in expected]
    assert [[a.name.text for a in r.authors] for r in records] == [e["authors"] for e in expected]


def test_every_headline_span_points_at_its_lines() -> None:
    text = (FIXTURES / "magazine.txt").read_text(encoding="utf-8")
    for record in _records("magazine.txt"):
        printed = text[record.headline.span.start:record.headline.span.end]
        assert printed.split() == record.headline.text.split()


def test_signature_gives_role_and_affiliation() -> None:
    editorial = _records("magazine.txt")[0]
    author = editorial.authors[0]
    assert [r.text for r in author.roles] == ["directeur"]
    assert [o.text for o in author.affiliations] == ["Kenniscentrum Welzijn"]


@pytest.mark.parametrize(
    "line, names",
    [
        ("Door: Olga de Jong en Mark ter Avest", ["Olga de Jong", "Mark ter Avest"]),
        ("Tekst: Bas Rutten", ["Bas Rutten"]),
        ("Door Maaïke van Vugt, Jan Ročak & Ellen Oosterkamp-Szwajcer", ["Maaïke van Vugt", "Jan Ročak", "Ellen Oosterkamp-Szwajcer"]),
        ("Door de coronacrisis zijn veel activiteiten gestopt.", []),
        ("Door elkaar gehusseld", []),
    ],
)
def test_bylines(line: str, names: list[str]) -> None:
    found = byline(split_lines(line)[0])
    assert ([m.text for m in found.names] if found else []) == names


def test_kickers_are_whole_lines_from_the_table() -> None:
    lines = split_lines("COLUMN\nNieuwe uitgaven & nieuws\nDe column van deze week")
    assert [kicker_genre(line) for line in lines] == ["column", "news", None]


def test_closing_signature_with_a_year() -> None:
    found = signature(split_lines("Marieke de Groot, Stichting Huiselijk Geweld Noord, 2005")[0], organisation_only=True)
    assert found is not None
    assert (found.name.text, found.role_and_org.text) == ("Marieke de Groot", "Stichting Huiselijk Geweld Noord")
    assert signature(split_lines("Jan de Vries, Utrecht, 12 maart 2020")[0], organisation_only=True) is None


def test_signature_shapes() -> None:
    assert signature(split_lines("Janny Bakker-Klein, bestuurder Movisie")[0]) is not None
    assert signature(split_lines("Utrecht, 12 maart 2020")[0]) is None
    assert signature(split_lines("Volgens Roovers, en dat is opvallend.")[0]) is None


def test_a_name_and_organisation_sign_only_at_the_end() -> None:
    line = split_lines("Paul de Vries, Movisie")[0]
    assert signature(line) is None  # as a caption, too common to end an article
    found = signature(line, organisation_only=True)
    assert found is not None and found.name.text == "Paul de Vries" and found.role_and_org.text == "Movisie"
