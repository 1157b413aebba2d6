"""The original text as a list of lines with their offsets and layout features.

Segmentation reasons about lines of the *original* file (gold annotations and readers count
lines), so every line keeps its exact code-point offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.model import Span
from kg.normalise import furniture_lines
from kg.normalise.lines import physical_lines

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_EMPHASIS = re.compile(r"^[*_]+|[*_]+$")
_SENTENCE_END = re.compile(r"[.!?:;,’”\"')\]]\s*$")


@dataclass(frozen=True)
class Line:
    index: int  # 0-based
    start: int  # offset of the first character of the raw line
    raw: str
    text: str  # stripped of layout: whitespace, markdown heading marks and emphasis
    heading_level: int  # markdown heading level, 0 when none
    page_start: bool  # the extractor marks a new page by indenting its first line
    furniture: bool

    @property
    def number(self) -> int:
        """1-based line number, as readers and gold annotations count."""
        return self.index + 1

    @property
    def blank(self) -> bool:
        return not self.text

    @property
    def words(self) -> int:
        return len(self.text.split())

    @property
    def ends_sentence(self) -> bool:
        return bool(_SENTENCE_END.search(self.text))

    def part(self, text: str) -> Line:
        """This line cut to ``text``, a part of its raw form, with exact offsets."""
        at = self.raw.find(text)
        return Line(self.index, self.start + at, text, text, self.heading_level, self.page_start, self.furniture)

    def span(self) -> Span:
        """Span of the line's visible text (layout marks excluded) in the original file."""
        if not self.text:
            return Span(self.start, self.start)
        offset = self.raw.find(self.text)
        if offset < 0:  # emphasis marks inside the text: fall back to the stripped raw line
            stripped = self.raw.strip()
            offset = self.raw.find(stripped)
            return Span(self.start + offset, self.start + offset + len(stripped))
        return Span(self.start + offset, self.start + offset + len(self.text))


def _visible(raw: str) -> tuple[str, int]:
    text = raw.strip()
    level = 0
    match = _MD_HEADING.match(text)
    if match:
        level = len(match.group(1))
        text = match.group(2)
    text = _MD_EMPHASIS.sub("", text).strip()
    return re.sub(r"\s+", " ", text), level


def split_lines(text: str) -> list[Line]:
    """Split the original text into ``Line`` records, marking page starts and furniture."""
    physical = physical_lines(text)
    furniture = furniture_lines([raw for _, raw in physical])
    lines: list[Line] = []
    previous_blank = True
    for index, (offset, raw) in enumerate(physical):
        visible, level = _visible(raw)
        page_start = index == 0 or (raw[:1] in (" ", "\f") and raw[1:2] not in (" ", "") and not previous_blank)
        lines.append(Line(index, offset, raw, visible, level, page_start, index in furniture))
        previous_blank = not visible
    return lines
