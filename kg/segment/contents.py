"""Tables of contents: runs of entries that start or end with a page number.

A table of contents is not an article, and its entries must not start articles; its lines are
kept apart so that a later stage can read authors per article from them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.model import Mention
from kg.segment.lines import Line
from kg.segment.markers import kicker_genre, names_only

_ENTRY = re.compile(r"^(?:\d{1,3}\s*[■•|·.:-]?\s+\S.*|\S.*?[\s.]{2,}\d{1,3})$")
MIN_ENTRIES = 3
WINDOW = 40  # lines within which entries must follow each other
ENTRY_WORDS = 20  # an entry is a title and a page number; a numbered paragraph of running text is none
FRONT = 0.15  # a table of contents is front matter: it starts in the first 15% of the lines


def contents_region(lines: list[Line]) -> range | None:
    """The line range (0-based, end exclusive) of the first table of contents, if any."""
    front = max(50, int(len(lines) * FRONT))
    entries = [line.index for line in lines[:front] if line.text and _ENTRY.match(line.text) and 2 <= line.words <= ENTRY_WORDS]
    best: list[int] = []
    run: list[int] = []
    for index in entries:
        if run and index - run[-1] > WINDOW:
            best = run if len(run) > len(best) else best
            run = []
        run.append(index)
    best = run if len(run) > len(best) else best
    if len(best) < MIN_ENTRIES:
        return None
    end = best[-1] + 1
    while end < len(lines) and not lines[end].heading_level and lines[end].words <= 8 and (lines[end].text or _names_follow(lines, end)):
        end += 1  # the authors printed under the last entry
    return range(best[0], end)


def _names_follow(lines: list[Line], blank: int) -> bool:
    """True when the line after a blank line holds only names (an entry's authors)."""
    return blank + 1 < len(lines) and bool(names_only(lines[blank + 1]))


@dataclass
class ContentsEntry:
    """One entry of a table of contents: its title, the names printed under it, its kicker."""

    title: str
    title_line: Line
    authors: list[Mention] = field(default_factory=list)
    genre: str | None = None


_PAGE_NUMBER = re.compile(r"^\d{1,3}$")
_ENTRY_TITLE = re.compile(r"^\d{1,3}\s*[■•|·.:-]?\s+(?P<title>\S.*)$")


def contents_entries(lines: list[Line], region: range) -> list[ContentsEntry]:
    """The entries of a table of contents, with the authors it names per article.

    Names under an entry are its authors. A page number or a kicker on a line of its own opens
    the next entry instead ("10", "ANALYSE", "Ed de Jonge", "Ethische kans ..."): the names after
    it belong to the title that follows them, not to the entry above."""
    entries: list[ContentsEntry] = []
    genre: str | None = None
    pending: list[Mention] | None = None  # names of an entry whose title is still to come
    for line in (lines[i] for i in region):
        if not line.text:
            continue
        title = _ENTRY_TITLE.match(line.text)
        if not title and (kicker_genre(line) or _PAGE_NUMBER.match(line.text)):
            genre = kicker_genre(line) or genre
            pending = pending or []
            continue
        if title or (pending is not None and not names_only(line)):
            entries.append(ContentsEntry((title.group("title") if title else line.text).strip(), line, pending or [], genre=genre))
            genre, pending = None, None
            continue
        if pending is not None:
            pending.extend(names_only(line))
        elif entries:
            entries[-1].authors.extend(names_only(line))
    return entries
