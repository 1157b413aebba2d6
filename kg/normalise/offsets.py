"""A clean text that remembers, per character, where it came from in the original."""

from __future__ import annotations

from array import array
from bisect import bisect_left
from dataclasses import dataclass


class CleanTextBuilder:
    """Appends clean characters with their original offsets, in original order.

    The map stays non-decreasing: characters are only ever appended for later stretches of the
    original, and a separator is given the offset of the line break it stands for.
    """

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._origin = array("l")
        self._inserted = bytearray()

    def copy(self, text: str, original_start: int) -> None:
        """Append ``text``, which is ``original[original_start:original_start + len(text)]``."""
        self._parts.append(text)
        self._origin.extend(range(original_start, original_start + len(text)))
        self._inserted.extend(bytes(len(text)))

    def insert(self, text: str, at: int) -> None:
        """Append separator characters that replace the layout (line breaks, tabs) at ``at``."""
        self._parts.append(text)
        self._origin.extend([at] * len(text))
        self._inserted.extend(b"\x01" * len(text))

    def drop_last(self) -> str:
        """Remove and return the last clean character (a line-end hyphen that was a PDF break)."""
        while not self._parts[-1]:
            self._parts.pop()
        last = self._parts[-1][-1]
        self._parts[-1] = self._parts[-1][:-1]
        self._origin.pop()
        self._inserted.pop()
        return last

    def last(self) -> str:
        """The last clean character, or "" when nothing was written yet."""
        for part in reversed(self._parts):
            if part:
                return part[-1]
        return ""

    def build(self, original: str) -> CleanText:
        return CleanText("".join(self._parts), original, self._origin, bytes(self._inserted))


@dataclass(frozen=True)
class CleanText:
    """Clean running text with an exact way back to the original.

    Each clean character is either *copied* (it is the original character at its offset) or an
    *inserted separator*: the space that joins two lines, the ``"\\n\\n"`` between paragraphs, or a
    space standing for a run of tabs or other blanks. A separator carries the offset of the layout
    it replaces, so the offsets never decrease along the clean text.

    Guarantee of :meth:`to_original`: for a clean span whose first and last characters are copied,
    ``original[s:e]`` starts with the same character as the span, ends with the same character, and
    holds everything that produced the span in between (also dropped hyphens, line breaks and
    furniture lines). Separators at the edges of a span are skipped; a span of separators only maps
    to the layout characters it replaced.
    """

    text: str
    original: str
    origin: array  # origin[i]: the original offset of clean character i
    inserted: bytes  # inserted[i] == 1: clean character i is a separator, not a copy

    def is_inserted(self, index: int) -> bool:
        """Is clean character ``index`` a separator rather than a copy of an original character?"""
        return bool(self.inserted[index])

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The original ``[start, end)`` of the clean ``[start, end)`` (see the class guarantee)."""
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span {start}-{end} outside the clean text (length {len(self.text)})")
        if start == end:
            at = self.origin[start] if start < len(self.origin) else len(self.original)
            return at, at
        first, last = start, end - 1
        while first <= last and self.inserted[first]:
            first += 1
        while last >= first and self.inserted[last]:
            last -= 1
        if first > last:  # separators only
            return self.origin[start], self.origin[end - 1] + 1
        return self.origin[first], self.origin[last] + 1

    def to_clean(self, original_start: int, original_end: int) -> tuple[int, int]:
        """The clean span made from the characters of ``original[original_start:original_end]``.

        Characters dropped by the cleaning (furniture, hyphens, blanks) are skipped, so the span
        snaps inwards to the nearest kept characters; an original region that kept nothing gives
        an empty clean span at the place where it would have been.
        """
        if not 0 <= original_start <= original_end <= len(self.original):
            raise ValueError(f"span {original_start}-{original_end} outside the original")
        return bisect_left(self.origin, original_start), bisect_left(self.origin, original_end)
