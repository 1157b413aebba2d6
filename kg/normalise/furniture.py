"""Page furniture: running heads and footers, jump markers, lone page numbers, rows of symbols.

A line is furniture by its shape alone, or because it is a short phrase with a page number that
recurs a page or more further on with a higher number (a running head), never because of what one
text happens to say. A short line of words without a number is never furniture: it may be a
headline, a signature or a chart label.
"""

from __future__ import annotations

import re
from collections import defaultdict

_PAGE_NUMBER = re.compile(r"(?:p\.?\s*)?\d{1,3}")
_JUMP = re.compile(r"(?:>>|»|→|➜)\s*\d{0,3}")
#: "Huiselijk geweld te lijf * 7", "8 * Huiselijk geweld te lijf", "Movisie | 12"
_NUMBERED_HEAD = re.compile(
    r"\d{1,3}\s*[*•|·■]\s*[^\d.!?]{3,60}|[^\d.!?]{3,60}?\s*[*•|·■]\s*\d{1,3}"
)
#: "Movisies 12", "14 Movisies": furniture only when the same phrase recurs, pages apart
_PHRASE_AND_NUMBER = re.compile(r"\d{1,3}\s+([^\W\d][^\d.!?:]{2,40})|([^\W\d][^\d.!?:]{2,40}?)\s+\d{1,3}")
#: a jump marker at the end of a text line: "tijdbom.’  >>4", "Huisvesting,  >> "
JUMP_AT_END = re.compile(r"(?:^|\s)(?:>>|»)\s*\d{0,3}\s*$")
#: numbered lines this close together are a table of contents, not running heads
_CONTENTS_GAP = 4
#: fewer lines than this between two running heads cannot be a page apart ("Stap 1" ... "Stap 2")
_MIN_PAGE_LINES = 25
#: symbol rows that still belong to the text: a stray quote or bracket from the line before
_TEXT_SYMBOLS = re.compile(r"[‘’“”\"'()\[\]…]")


def furniture_lines(lines: list[str]) -> set[int]:
    """0-based indices of the lines that are page furniture."""
    found = _running_heads(lines)
    numbered = [index for index, line in enumerate(lines) if _NUMBERED_HEAD.fullmatch(line.strip())]
    for before, index, after in zip([None, *numbered], numbered, [*numbered[1:], None]):
        if _apart(before, index) and _apart(index, after):  # entries of a contents page stand together
            found.add(index)
    for index, line in enumerate(lines):
        text = line.strip()
        if text and (_PAGE_NUMBER.fullmatch(text) or _JUMP.fullmatch(text) or _is_symbol_row(text)):
            found.add(index)
    return found


def _apart(first: int | None, second: int | None) -> bool:
    return first is None or second is None or second - first > _CONTENTS_GAP


def _is_symbol_row(text: str) -> bool:
    return not any(c.isalnum() for c in text) and not _TEXT_SYMBOLS.search(text)


def _running_heads(lines: list[str]) -> set[int]:
    """Lines "phrase + number" whose phrase recurs with rising numbers, a page or more apart."""
    by_phrase: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for index, line in enumerate(lines):
        match = _PHRASE_AND_NUMBER.fullmatch(line.strip())
        if match:
            phrase = (match.group(1) or match.group(2)).strip().lower()
            number = int("".join(c for c in match.group(0) if c.isdigit()))  # the phrase has no digits
            by_phrase[phrase].append((index, number))
    found: set[int] = set()
    for places in by_phrase.values():
        steps = list(zip(places, places[1:]))
        if steps and all(b - a >= _MIN_PAGE_LINES and m > n for (a, n), (b, m) in steps):
            found.update(index for index, _ in places)
    return found
