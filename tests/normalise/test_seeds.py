"""Real-data property: every word of every cleaned seed maps back to the characters that made it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.normalise import normalise
from tests.utils.building import SEEDS

_LINE_BREAK = re.compile(r"[ \t]*\n\s*")


def _made_of(piece: str) -> re.Pattern[str]:
    """What a clean word may be, given the original slice it maps to: the slice without its line
    breaks and soft hyphens, where a hyphen just before a line break may or may not be kept."""
    parts = _LINE_BREAK.split(piece.replace("\u00ad", ""))
    pattern = ""
    for part in parts[:-1]:
        if part.endswith(("-", "\u2010")):
            head = part[:-1].rstrip(" ")  # "ge -|organiseerd": the space may go with the hyphen
            pattern += re.escape(head) + "(?:" + re.escape(part[len(head) :]) + ")?"
        else:
            pattern += re.escape(part)
    return re.compile(pattern + re.escape(parts[-1]))


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda path: path.name)
def test_every_word_of_a_seed_maps_back_exactly(path: Path) -> None:
    original = path.read_text(encoding="utf-8")
    clean = normalise(original)
    for match in re.finditer(r"\S+", clean.text):
        start, end = clean.to_original(match.start(), match.end())
        piece = original[start:end]
        assert piece[0] == match.group()[0] and piece[-1] == match.group()[-1], (piece, match.group())
        assert _made_of(piece).fullmatch(match.group()), (piece, match.group())
        assert clean.to_clean(start, end) == (match.start(), match.end())
