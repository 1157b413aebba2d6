"""A clean text that remembers, per character, where it came from in the original."""

from __future__ import annotations

from array import array
from bisect import bisect_left
from dataclasses import dataclass


class CleanTextBuilder:
    """Appends characters with their original offsets; keeps the map monotone."""

    def __init__(self) -> None:
        self.chars: list[str] = []
        self.origin = array("i")

    def add(self, text: str, original_start: int) -> None:
        """Append ``text`` copied from ``original[original_start:original_start + len(text)]``."""
        self.chars.append(text)
        self.origin.extend(range(original_start, original_start + len(text)))

    def insert(self, text: str, at: int) -> None:
        """Append separator characters that stand for the layout at original offset ``at``."""
        self.chars.append(text)
        self.origin.extend([at] * len(text))

    def pop(self) -> None:
        """Remove the last character (a line-end hyphen that turned out to be a PDF break)."""
        while self.chars and not self.chars[-1]:
            self.chars.pop()
        self.chars[-1] = self.chars[-1][:-1]
        self.origin.pop()

    def ends_with(self, suffix: str) -> bool:
        return "".join(self.chars[-3:]).endswith(suffix)

    def build(self, original: str) -> CleanText:
        return CleanText("".join(self.chars), original, self.origin)


@dataclass(frozen=True)
class CleanText:
    """Clean running text with an exact way back to the original.

    Every clean character maps to one original offset: a copied character to itself, an inserted
    separator (a space that joins two lines, the blank line between paragraphs) to the line break it
    replaces. ``to_original(s, e)`` therefore returns ``(origin[s], origin[e - 1] + 1)``: when the
    clean span starts and ends on copied characters, the original slice begins and ends with the
    same characters, and contains everything that produced the span (hyphens and line breaks too).
    """

    text: str
    original: str
    origin: array

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        if not 0 <= start < end <= len(self.text):
            raise ValueError(f"span {start}-{end} outside the clean text (length {len(self.text)})")
        return self.origin[start], self.origin[end - 1] + 1

    def to_clean(self, original_start: int, original_end: int) -> tuple[int, int]:
        """The clean span made from characters in ``original[original_start:original_end]``."""
        return bisect_left(self.origin, original_start), bisect_left(self.origin, original_end)
