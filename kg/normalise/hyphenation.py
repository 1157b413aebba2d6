"""Should a word broken at a line end be joined, and with or without its hyphen?

A PDF break ("samen-|werking") is far more common at a line end than a real hyphen, so a
lowercase continuation is joined when the joined form is a Dutch word, or when it is unknown
but its halves are not both common words ("kinder-|opvang" joins; "covid-|19", "ICT-|contact"
keep their hyphen, as does an unknown compound of two common words). A capitalised continuation ("Bakker-|Klein") keeps the
hyphen. A suspended hyphen ("dak- en thuislozen") never reaches this module: its hyphen is not
followed by a word on the next line but by "en"/"of" on the same line.
"""

from __future__ import annotations

import re

from kg.lexicon import zipf

HYPHENS = ("-", "\u2010", "\u00ad")
_WORD_TAIL = re.compile(r"[\w\u00C0-\u024F]+$")
_WORD_HEAD = re.compile(r"^[\w\u00C0-\u024F]+")


def keep_hyphen(left: str, right: str) -> bool:
    """``left`` is the text before the line-end hyphen, ``right`` the next line's text."""
    if left.endswith(" "):
        return False  # "ge -|organiseerd": a break set off by a space is never a real hyphen
    tail = _WORD_TAIL.search(left)
    head = _WORD_HEAD.match(right)
    if not tail or not head:
        return True
    before, after = tail.group(0), head.group(0)
    if after[0].isupper() or after[0].isdigit() or before[-1].isdigit() or before.isupper():
        return True
    if after in ("en", "of", "tot"):
        return True  # "liefdes-|en ..." is a suspended hyphen broken at the line end
    if zipf(before + after) > 0:
        return False
    return zipf(before) >= 3 and zipf(after) >= 3  # an unknown compound of two common words
