"""The sentence (or byline, bio or caption line) around a span: what an edge's evidence quotes.

A name alone does not say why two things are linked; the sentence that names both does. Text
from PDFs is wrapped at a fixed width, so a line break is no boundary by itself: a sentence ends
at a stop (not the stop of an initial or a title: "G. van der Laan", "Prof. dr."), and a line
ends one when it is short (a byline, a signature, a caption or a headline line) and the next
line opens with a capital, a digit or a bullet.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from kg.model import Span
from kg.nlp.person_lexicon import load_lexicon

LONGEST = 480  # code points: a "sentence" longer than this (a list, a table) is cut around the span
SHORT_LINE = 0.75  # of the text's usual line length: a line this short ends its sentence
_STOP = re.compile(r"[.!?…][’'”\")\]]*(?=\s)")
_WORD_BEFORE = re.compile(r"(\S+)[.!?…]$")
_INITIALS = re.compile(r"(?:\w\.)*\w")
_OPENS = re.compile(r"\s*[\"'‘“(*_]*[A-Z0-9À-Þ■▪●◼•–-]")
_BLOCK = re.compile(r"\s*(?:#|[-*•–]\s|\d+[.)]\s|<|\|)")  # a heading, list item, link or table row: a line of its own


class Sentences:
    """Sentence boundaries of one text, found once; ``around`` widens spans to them."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._ends = sorted(set(self._stops()) | set(self._line_ends()))

    def around(self, span: Span) -> Span:
        """The smallest run of whole sentences holding ``span``, whitespace trimmed, at most
        ``LONGEST`` code points (cut at spaces around the span when longer)."""
        before, after = bisect_right(self._ends, span.start), bisect_left(self._ends, span.end)  # not a scan: a text has as many ends as spans
        start = self._ends[before - 1] if before else 0
        end = self._ends[after] if after < len(self._ends) else len(self.text)
        if end - start > LONGEST:
            start, end = self._window(span, start, end)
        while start < span.start and self.text[start].isspace():
            start += 1
        while end > span.end and self.text[end - 1].isspace():
            end -= 1
        return Span(start, end)

    def _stops(self) -> list[int]:
        titles = load_lexicon().titles
        found = []
        for stop in _STOP.finditer(self.text):
            before = _WORD_BEFORE.search(self.text, max(0, stop.start() - 12), stop.start() + 1)
            word = before.group(1) if before else ""
            if word and (_INITIALS.fullmatch(word) or word.casefold() in titles):
                continue
            found.append(stop.end())
        return found

    def _line_ends(self) -> list[int]:
        lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]*", self.text) if m.group().strip()]
        if not lines:
            return []
        lengths = sorted(len(self.text[a:b].strip()) for a, b in lines)
        short = SHORT_LINE * lengths[(9 * len(lengths)) // 10]  # the width text is wrapped at
        ends = []
        for (a, b), (c, _) in zip(lines, lines[1:]):
            line = self.text[a:b].rstrip()
            alone = _BLOCK.match(self.text, a) or _BLOCK.match(self.text, c)
            if alone or (len(line.strip()) < short and not line.endswith(("-", ",")) and _OPENS.match(self.text, c)):
                ends.append(b)
        return ends

    def _window(self, span: Span, start: int, end: int) -> tuple[int, int]:
        """About ``LONGEST`` code points centred on the span, cut at spaces."""
        room = max(0, LONGEST - (span.end - span.start)) // 2
        left, right = max(start, span.start - room), min(end, span.end + room)
        if left > start:
            space = self.text.find(" ", left, span.start)
            left = space + 1 if space >= 0 else left
        if right < end:
            space = self.text.rfind(" ", span.end, right)
            right = space if space >= 0 else right
        return left, right
