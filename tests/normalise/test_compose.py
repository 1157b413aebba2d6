"""Decomposed accents (NFD) are read composed, and every span still points into the original."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from kg.extract.source import extract
from kg.ingest import Source
from kg.normalise.compose import compose

ARTICLE = (
    "Samen sterk in de wijk: lokale samenwerking loont\n\n"
    "Door Mariëtte Hélène de Vries\n\n"
    "Mariëtte Hélène de Vries is lector bij Hogeschool Utrecht. Volgens José Müller van Movisie "
    "moeten gemeenten meer samenwerken in de wijk. Dat zegt ook Zoë Dekker, onderzoeker bij het "
    "Verwey-Jonker Instituut.\n"
)


def test_composed_text_maps_each_character_back_to_where_it_starts() -> None:
    original = unicodedata.normalize("NFD", "Zoë en José")
    text, origin = compose(original)
    assert text == "Zoë en José" and origin is not None
    assert len(origin) == len(text) + 1 and origin[-1] == len(original)
    assert original[origin[2] : origin[3]] == "e\u0308"  # the ë is two code points in the file
    assert original[origin[7] : origin[11]] == unicodedata.normalize("NFD", "José")


def test_already_composed_text_is_left_alone() -> None:
    assert compose("Zoë") == ("Zoë", None)


def test_a_mark_without_a_composed_form_keeps_its_own_offset() -> None:
    original = "e\u0301 q\u0308"  # é composes; there is no precomposed q with diaeresis
    text, origin = compose(original)
    assert text == "\u00e9 q\u0308"
    assert list(origin or []) == [0, 2, 3, 4, 5]


def test_decomposed_names_are_found_whole_with_spans_in_the_original() -> None:
    original = unicodedata.normalize("NFD", ARTICLE)
    (article,) = extract(Source(Path("nfd.txt"), "nfd.txt", original, "0" * 64, "utf-8", "text/plain")).articles
    people = article.authors + article.persons + article.interviewees
    assert {p.name.text for p in people} == {"Mariëtte Hélène de Vries", "José Müller", "Zoë Dekker"}
    for mention in [p.name for p in people] + article.organisations:
        printed = original[mention.span.start : mention.span.end]
        assert unicodedata.normalize("NFC", printed) == mention.text
