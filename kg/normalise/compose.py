"""Composed (NFC) text for matching, with the way back to the original code points.

A file may spell "Mariëtte" as "e" followed by a combining diaeresis (NFD, as macOS file
names and some PDF extractors do). Rules and lexicons are written for composed text, so
extraction reads the NFC form; every span it finds is then moved back onto the original code
points, so the graph's offsets still point into the file as it is.
"""

from __future__ import annotations

import unicodedata
from array import array


def compose(text: str) -> tuple[str, array | None]:
    """``text`` in NFC and, where that differs, ``origin``: for each composed character the
    original offset it starts at, and one more entry, ``len(text)``. ``None`` when ``text`` is
    already NFC (the usual case, which costs one pass)."""
    if unicodedata.is_normalized("NFC", text):
        return text, None
    parts: list[str] = []
    origin = array("l")
    i = 0
    while i < len(text):
        j = i + 1
        while j < len(text) and unicodedata.combining(text[j]):
            j += 1
        composed = unicodedata.normalize("NFC", text[i:j])
        parts.append(composed)
        extra = (j - i) - len(composed)  # code points the composition saved: all in the first character
        origin.extend([i] + list(range(i + 1 + extra, j)))
        i = j
    origin.append(len(text))
    return "".join(parts), origin
