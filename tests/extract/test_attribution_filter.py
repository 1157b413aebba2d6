"""The quick test that skips compiling a name's attribution pattern never skips a name it matches."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract.interviewees import _count_attributions, _may_be_attributed
from tests.utils.building import SEEDS

NAMES = ["Jan Jansen", "Jansen", "Anne-Marie van den Berg", "Piet de Vries"]
WORDS = [
    "zegt", "legt", "uit", "vult", "aan", "aldus", "volgens", "laat", "weten", "Zegt", "ZEGT", "hij",
    "de", "filosoof", "projectleider", "van", "Movisie,", "Jan", "Jansen", "Jansen,", "Jansens",
    "Anne-Marie", "van", "den", "Berg", "Berg:", "Piet", "Vries", "Vries.", ":", "‘Het", "’", ".", "?", ",",
    "wethouder", "stelt", "het", "x" * 90, "uit 1947,",
]


def _agree(text: str, name: str) -> None:
    if not _may_be_attributed(text, name):
        assert _count_attributions(text, name) == 0, (text, name)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=30), st.lists(st.sampled_from([" ", " ", "  ", "\n", "\n\n", "\t"]), max_size=30), st.sampled_from(NAMES))
def test_never_skips_a_match_on_made_up_sentences(words: list[str], spaces: list[str], name: str) -> None:
    text = "".join(word + (spaces[i] if i < len(spaces) else " ") for i, word in enumerate(words))
    _agree(text, name)


def test_never_skips_a_match_in_the_seeds_and_skips_most_names() -> None:
    skipped = matched = 0
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")[:60_000]
        names = sorted(set(re.findall(r"\b[A-Z][a-z]+ (?:van |de )?[A-Z][a-z]+\b", text)))[:40]
        for name in names:
            _agree(text, name)
            skipped += not _may_be_attributed(text, name)
            matched += _count_attributions(text, name) > 0
    assert matched > 10 and skipped > matched  # the test sees both kinds, and the filter pays
