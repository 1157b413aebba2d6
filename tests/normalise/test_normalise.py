from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.normalise import furniture_lines, normalise
from tests.utils.building import SEEDS

ALPHABET = st.sampled_from(list("abcdeëéfghijklmnoprstuvwzABDJKMSV0123456789 \n\n\n-\u2010\u00ad.,?‘’>:") + ["samen", "werking", "  ", ">>4", "\n\n"])
TEXTS = st.lists(ALPHABET, min_size=1, max_size=120).map("".join)


def _check_span(original: str, clean: str, mapped: tuple[int, int], span: tuple[int, int], origin_chars: bool) -> None:
    start, end = span
    o_start, o_end = mapped
    assert 0 <= o_start < o_end <= len(original)
    if origin_chars:
        assert original[o_start] == clean[start]
        assert original[o_end - 1] == clean[end - 1]


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.data())
def test_every_clean_span_maps_back_to_the_characters_that_made_it(text: str, data: st.DataObject) -> None:
    clean = normalise(text)
    if not clean.text:
        return
    start = data.draw(st.integers(0, len(clean.text) - 1))
    end = data.draw(st.integers(start + 1, len(clean.text)))
    o_start, o_end = clean.to_original(start, end)
    copied = text[o_start] == clean.text[start] and text[o_end - 1] == clean.text[end - 1]
    separators = clean.text[start] in " \n" or clean.text[end - 1] in " \n"
    _check_span(text, clean.text, (o_start, o_end), (start, end), not separators)
    assert copied or separators
    back = clean.to_clean(o_start, o_end)
    assert back[0] <= start and back[1] >= end


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_clean_text_keeps_the_original_order_of_visible_characters(text: str) -> None:
    clean = normalise(text)
    visible = [c for c in clean.text if not c.isspace()]
    remaining = iter(text)
    assert all(any(c == o for o in remaining) for c in visible)


def test_line_break_hyphenation_is_undone_only_for_breaks() -> None:
    clean = normalise("De samen-\nwerking met dak- en thuislozen\nloopt, zegt Bakker-\nKlein. Het wordt ge -\norganiseerd met covid-\n19 en ICT-\ncontact.").text
    assert "samenwerking" in clean
    assert "dak- en thuislozen" in clean
    assert "Bakker-Klein" in clean
    assert "georganiseerd" in clean
    assert "covid-19" in clean and "ICT-contact" in clean


def test_soft_hyphen_and_unicode_hyphen_breaks_are_joined() -> None:
    assert "gezondheidsproblemen" in normalise("de gezond\u2010\nheidsproblemen nemen toe").text
    assert "kinderopvang" in normalise("de kinder\u00ad\nopvang is dicht").text


def test_a_blank_line_inside_a_sentence_is_a_column_break_not_a_paragraph() -> None:
    clean = normalise("Zo weerklinkt in be-\n\nleids- en bestuurlijk Nederland een mantra\n\nover samenwerking.\n\nNieuwe alinea.").text
    assert clean == "Zo weerklinkt in beleids- en bestuurlijk Nederland een mantra over samenwerking.\n\nNieuwe alinea."


def test_page_furniture_is_dropped() -> None:
    text = "Een zin die doorloopt.  >>4\n12\nHuiselijk geweld te lijf * 7\n•••\nVolgende zin."
    assert furniture_lines(text.split("\n")) == {1, 2, 3}
    assert normalise(text).text == "Een zin die doorloopt.\n\nVolgende zin." or normalise(text).text == "Een zin die doorloopt. Volgende zin."


def test_every_word_of_every_seed_maps_back_exactly() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        original = path.read_text(encoding="utf-8")
        clean = normalise(original)
        for match in re.finditer(r"\w+", clean.text):
            start, end = clean.to_original(match.start(), match.end())
            piece = original[start:end]
            assert re.sub(r"[-\u2010\u00ad\s]", "", piece) == re.sub(r"[-\u2010\u00ad]", "", match.group()), (path.name, piece)
