"""Property tests: every clean span maps back to exactly the original characters that made it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.normalise import CleanText, normalise

PIECES = st.sampled_from(
    list("abcdeëéïófghijklmnoprstuvwzABDJKMSVÉ0123456789 \t\n-\u2010\u00ad.,?!:‘’>*•")
    + ["samen", "werking", "en ", "  ", ">>4", " >>", "\n\n", "\n\n\n", "-\n", " -\n", "\u00ad\n", "\u2010\n\n", "12\n"]
)
TEXTS = st.lists(PIECES, min_size=1, max_size=150).map("".join)
FAST = settings(max_examples=200, deadline=None)


def _spans(clean: CleanText, data: st.DataObject) -> tuple[int, int]:
    start = data.draw(st.integers(0, len(clean.text) - 1))
    return start, data.draw(st.integers(start + 1, len(clean.text)))


@FAST
@given(TEXTS, st.data())
def test_a_span_maps_to_an_original_slice_with_the_same_first_and_last_characters(text: str, data: st.DataObject) -> None:
    clean = normalise(text)
    if not clean.text:
        return
    start, end = _spans(clean, data)
    o_start, o_end = clean.to_original(start, end)
    assert 0 <= o_start < o_end <= len(text)
    if not clean.is_inserted(start):
        assert text[o_start] == clean.text[start]
    if not clean.is_inserted(end - 1):
        assert text[o_end - 1] == clean.text[end - 1]


@FAST
@given(TEXTS, st.data())
def test_mapping_back_and_forth_covers_the_span(text: str, data: st.DataObject) -> None:
    clean = normalise(text)
    if not clean.text:
        return
    start, end = _spans(clean, data)
    while start < end and clean.is_inserted(start):  # edge separators are not mapped (documented)
        start += 1
    while end > start and clean.is_inserted(end - 1):
        end -= 1
    if start == end:
        return
    back_start, back_end = clean.to_clean(*clean.to_original(start, end))
    assert back_start <= start and back_end >= end


@FAST
@given(TEXTS)
def test_visible_characters_keep_their_original_order(text: str) -> None:
    clean = normalise(text)
    remaining = iter(text)
    assert all(any(c == o for o in remaining) for c in clean.text if not c.isspace())


@FAST
@given(TEXTS)
def test_copied_characters_are_the_original_characters_and_the_map_never_decreases(text: str) -> None:
    clean = normalise(text)
    assert len(clean.origin) == len(clean.text) == len(clean.inserted)
    assert list(clean.origin) == sorted(clean.origin)
    for index, char in enumerate(clean.text):
        if not clean.is_inserted(index):
            assert text[clean.origin[index]] == char


@FAST
@given(TEXTS)
def test_clean_text_is_tidy(text: str) -> None:
    clean = normalise(text).text
    assert "  " not in clean and "\t" not in clean and "\u00ad" not in clean
    assert "\n\n\n" not in clean and clean == clean.strip()
    assert not clean or all(part.strip() for part in clean.split("\n\n"))
    assert "\n" not in clean.replace("\n\n", "")


def test_empty_and_blank_texts() -> None:
    assert normalise("").text == ""
    clean = normalise("  \n\n \t\n")
    assert clean.text == "" and clean.to_clean(0, len(clean.original)) == (0, 0)


def test_an_empty_span_maps_to_an_empty_span() -> None:
    clean = normalise("Een zin.")
    assert clean.to_original(3, 3) == (3, 3)
    assert clean.to_original(len(clean.text), len(clean.text)) == (8, 8)
