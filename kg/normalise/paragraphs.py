"""Lines of a PDF extraction back into paragraphs of running text.

A blank line ends a paragraph unless the sentence visibly runs on: the line before it does not
end a sentence and the next line starts in lowercase (a column or page break, or the double
spacing some extractors produce).
"""

from __future__ import annotations

import re

from kg.normalise.furniture import JUMP_AT_END, furniture_lines
from kg.normalise.hyphenation import HYPHENS, keep_hyphen
from kg.normalise.offsets import CleanText, CleanTextBuilder

_SENTENCE_END = re.compile(r"[.!?:;’”\"')\]]$")
_SPACES = re.compile(r"[ \t\u00a0\r\f\v]+")


def _content(line: str) -> tuple[int, int]:
    """Start and end of a line's content: no surrounding spaces, no trailing jump marker."""
    marker = JUMP_AT_END.search(line)
    end = marker.start() if marker and marker.group(0).strip() else len(line)
    stripped_end = len(line[:end].rstrip())
    start = len(line) - len(line.lstrip())
    return start, max(start, stripped_end)


def _add_line(builder: CleanTextBuilder, line: str, offset: int, start: int, end: int) -> None:
    """Copy a line's content, collapsing runs of spaces and dropping soft hyphens."""
    position = start
    for match in _SPACES.finditer(line, start, end):
        _add_plain(builder, line, offset, position, match.start())
        builder.insert(" ", offset + match.start())
        position = match.end()
    _add_plain(builder, line, offset, position, end)


def _add_plain(builder: CleanTextBuilder, line: str, offset: int, start: int, end: int) -> None:
    position = start
    while position < end:
        soft = line.find("\u00ad", position, end)
        stop = end if soft < 0 else soft
        if stop > position:
            builder.add(line[position:stop], offset + position)
        position = stop + 1 if soft >= 0 else end


def normalise(original: str) -> CleanText:
    """Clean running text: paragraphs joined, line-break hyphens undone, furniture dropped."""
    raw_lines = original.split("\n")
    furniture = furniture_lines(raw_lines)
    builder = CleanTextBuilder()
    offset = 0
    previous: str | None = None  # content of the last line written
    gap_at: int | None = None  # offset of the first line break since that line
    blank_since = False
    for index, line in enumerate(raw_lines):
        line_offset = offset
        offset += len(line) + 1
        start, end = _content(line)
        if index in furniture:
            continue
        if start >= end:
            if previous is not None:
                blank_since = True
            continue
        text = line[start:end]
        if previous is not None:
            assert gap_at is not None
            _join(builder, previous, text, gap_at, blank_since)
        _add_line(builder, line, line_offset, start, end)
        previous = text
        gap_at = line_offset + len(line)  # the "\n" that ends this line
        blank_since = False
    return builder.build(original)


def _join(builder: CleanTextBuilder, previous: str, text: str, at: int, blank: bool) -> None:
    runs_on = not _SENTENCE_END.search(previous) and text[:1].islower()
    if previous.endswith(HYPHENS) and (not blank or runs_on or text[:1].islower()):
        if not previous.endswith("\u00ad") and not keep_hyphen(previous[:-1], text):
            _drop_trailing_hyphen(builder)  # a soft hyphen was never copied
        return
    if blank and not runs_on:
        builder.insert("\n\n", at)
    else:
        builder.insert(" ", at)


def _drop_trailing_hyphen(builder: CleanTextBuilder) -> None:
    builder.pop()
    if builder.ends_with(" "):  # "ge -|organiseerd": the space before the hyphen goes too
        builder.pop()
