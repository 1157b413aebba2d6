"""Properties every matcher and the alignment keep, whatever the input."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kg.evaluate.matching import (
    align,
    fold,
    match_organisation,
    match_person,
    match_text,
    match_theme,
    match_title,
)

words = st.sampled_from(["Jan", "J.", "van", "de", "Bergen", "Anne-Marie", "Ministerie", "VWS", "Utrecht", "Hogeschool", "zorg", "’t", "Daniëlle", "Avans"])
phrases = st.lists(words, min_size=0, max_size=5).map(" ".join)


@given(phrases, phrases)
def test_matchers_are_symmetric_and_bounded(a: str, b: str) -> None:
    for match in (match_person, match_organisation, match_title, match_text, match_theme):
        score = match(a, b)
        assert 0.0 <= score <= 1.0
        assert score == match(b, a)


@given(phrases)
def test_fold_is_idempotent_and_a_name_matches_itself(a: str) -> None:
    assert fold(fold(a)) == fold(a)
    if fold(a):
        assert match_person(a, a) == match_organisation(a, a) == match_title(a, a) == 1.0


@given(st.lists(st.integers(0, 5), max_size=6), st.lists(st.integers(0, 5), max_size=6))
def test_align_pairs_each_item_at_most_once_and_only_matching_ones(gold: list[int], predicted: list[int]) -> None:
    pairs = align(gold, predicted, lambda g, p: 1.0 if abs(g - p) <= 1 else 0.0)
    assert len({i for i, _ in pairs}) == len(pairs) == len({j for _, j in pairs})
    assert all(abs(gold[i] - predicted[j]) <= 1 for i, j in pairs)
