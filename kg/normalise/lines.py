"""One line of the original: where its text is, and how it is copied into the clean text."""

from __future__ import annotations

import re

from kg.normalise.furniture import JUMP_AT_END
from kg.normalise.hyphenation import SOFT_HYPHEN
from kg.normalise.offsets import CleanTextBuilder

#: a run of blanks, with any soft hyphens in it: it becomes one space
_BLANKS = re.compile(r"[\s\u00ad]*\s[\s\u00ad]*")
_LEADING = re.compile(r"[\s\u00ad]*")
_TRAILING = re.compile(r"[\s\u00ad]*$")
#: what makes a line more than words and single spaces: another blank, two blanks, a soft hyphen
_IRREGULAR = re.compile(r"[^\S ]|  |\u00ad")


_PHYSICAL = re.compile(r"([^\r\n]*)(\r\n|\r|\n|$)")


def physical_lines(text: str) -> list[tuple[int, str]]:
    """The lines of ``text`` with their offsets, whatever the newline convention (\\n, \\r\\n,
    or an old Mac's \\r alone); the line break itself belongs to no line."""
    found: list[tuple[int, str]] = []
    for match in _PHYSICAL.finditer(text):
        found.append((match.start(), match.group(1)))
        if not match.group(2):
            break
    return found


def text_span(line: str) -> tuple[int, int]:
    """Start and end of a line's text: no surrounding blanks, no jump marker at the end ("  >>4").

    A soft hyphen right after the last visible character stays: it marks a word broken there.
    """
    marker = JUMP_AT_END.search(line)
    end = marker.start() if marker else len(line)
    start = _LEADING.match(line, 0, end).end()
    trailing = _TRAILING.search(line, start, end)
    stop = trailing.start() if trailing else end
    if stop > start and line[stop:stop + 1] == SOFT_HYPHEN:
        stop += 1
    return start, stop


def copy_line(builder: CleanTextBuilder, line: str, offset: int, start: int, end: int) -> None:
    """Copy ``line[start:end]`` (at ``offset`` in the original), one space per run of blanks.

    A run that starts with a plain space keeps that space as a copied character; any other run
    (tabs, no-break spaces) becomes an inserted space. Soft hyphens inside the line are dropped.
    Most lines are words and single spaces: they are copied whole.
    """
    if not _IRREGULAR.search(line, start, end):
        builder.copy(line[start:end], offset + start)
        return
    position = start
    for run in _BLANKS.finditer(line, start, end):
        _copy_visible(builder, line, offset, position, run.start())
        if line[run.start()] == " ":
            builder.copy(" ", offset + run.start())
        else:
            builder.insert(" ", offset + run.start())
        position = run.end()
    _copy_visible(builder, line, offset, position, end)


def _copy_visible(builder: CleanTextBuilder, line: str, offset: int, start: int, end: int) -> None:
    position = start
    while position < end:
        soft = line.find(SOFT_HYPHEN, position, end)
        stop = end if soft < 0 else soft
        if stop > position:
            builder.copy(line[position:stop], offset + position)
        position = end if soft < 0 else soft + 1
