"""Tesseract's second choice for a character, where its first makes no word and the second does.

In a sans-serif face capital I and small l are one glyph, and a V after a bracket set tight reads
as "/": Tesseract's language model then picks "ledereen", "(/WS)". Its hOCR (``-c
lstm_choice_mode=2``) keeps the characters it weighed at each position. A word read that is rare
or no word in Dutch (wordfreq) is respelt with one of them at one position when that makes a word
of an organisation's name (the gazetteer, ontology/organisations.tsv, in its own casing: "VWS") or
a common Dutch word. A person's name that is no word stays as read unless a character Tesseract
weighed makes it one of those.
"""

from __future__ import annotations

import re
from functools import lru_cache

from wordfreq import zipf_frequency

from kg.nlp.gazetteer import Gazetteer
from kg.paths import ontology_dir

ALTERNATIVE = 15.0  # Tesseract's confidence (0-100) that an alternative character needs
RARE = 2.0  # a word read rarer than this in Dutch (wordfreq's zipf: per billion words, log10) may be a misreading
COMMON = 4.0  # a respelling this frequent is a common word
_STROKES = set("/|\\!")  # marks a thin letter is misread as (l, I, V); other marks (* #) are the text's own
_CORE = re.compile(r"^([(\[‘'\"“«]*)(.*?)([)\]’'\"”».,;:!?…]*)$")  # quotes, brackets and stops around the word


@lru_cache(maxsize=1)
def _names() -> frozenset[str]:
    """The words of the organisations' names and aliases, as the gazetteer writes them."""
    gazetteer = Gazetteer.load(ontology_dir() / "organisations.tsv")
    return frozenset(word for surface, _ in gazetteer.surfaces() for word in re.findall(r"[\w'’-]+", surface) if len(word) > 1)


def _frequency(word: str) -> float:
    """wordfreq's Dutch zipf frequency; 0 for a word with a character no Dutch word has ("/WS")."""
    return zipf_frequency(word, "nl") if re.fullmatch(r"[\w'’-]+", word) else 0.0


def respell(text: str, choices: tuple[tuple[tuple[str, float], ...], ...]) -> str:
    """The word as read, or with one alternative character that makes it a name or a common word."""
    if len(choices) != len(text):
        return text
    lead, core, tail = _CORE.match(text).groups()  # type: ignore[union-attr]
    if len(core) < 2 or core in _names() or _frequency(core) >= RARE:  # a mark or letter alone is no misread word
        return text
    for at, options in enumerate(choices[len(lead) : len(lead) + len(core)]):
        if not (core[at].isalnum() or core[at] in _STROKES):
            continue
        for character, confidence in options[1:]:
            if confidence < ALTERNATIVE or not character.strip():
                continue
            other = core[:at] + character + core[at + 1 :]
            if other in _names() or _frequency(other) >= COMMON:
                return lead + other + tail
    return text
