"""Page furniture: running heads and footers, jump markers, lone page numbers, symbol rows.

A line is furniture by its shape alone, or because the same short line recurs on many pages
(a running head), never because of what one text happens to say.
"""

from __future__ import annotations

import re
from collections import Counter

_PAGE_NUMBER = re.compile(r"^\s*(?:p\.?\s*)?\d{1,3}\s*$")
_JUMP = re.compile(r"^\s*(?:>>|»|→|➜)\s*\d{0,3}\s*$")
_SYMBOLS = re.compile(r"^\s*[\W_]+\s*$")
_RUNNING = re.compile(r"^\s*(?:\d{1,3}\s*[*•|·■]\s*\S.{0,60}|\S.{0,60}?\s*[*•|·■]\s*\d{1,3})\s*$")
JUMP_AT_END = re.compile(r"\s*(?:>>|»)\s*\d{0,3}\s*$")


def furniture_lines(lines: list[str]) -> set[int]:
    """0-based indices of the lines that are page furniture."""
    found: set[int] = set()
    counts = Counter(line.strip() for line in lines if 3 <= len(line.strip()) <= 40)
    for index, line in enumerate(lines):
        text = line.strip()
        if not text:
            continue
        if _PAGE_NUMBER.match(text) or _JUMP.match(text) or _RUNNING.match(text):
            found.add(index)
        elif _SYMBOLS.match(text) and not text.startswith(("#", "*", "-", "‘", "“", "(")):
            found.add(index)
        elif counts[text] >= 3 and len(text.split()) <= 6 and ":" not in text and not text.endswith((".", "?", "!")):
            found.add(index)  # a running head repeated page after page
    return found
