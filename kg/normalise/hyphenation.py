"""What to do with a hyphen at the end of a line: a PDF word break, or a hyphen as printed?

Decisions, in order (``left`` ends with the hyphen, ``right`` is the next line's text):

* A soft hyphen (U+00AD) only ever marks a break: join.
* A hyphen after a space ("ge -|organiseerd") joins when the joined form is a Dutch word, and is
  otherwise a dash ("de bankencrisis -|voorbij was"), kept with a space on both sides.
* A suspended hyphen ("liefdes-|en gezinsrelaties", "dak-|of thuislozen") keeps its hyphen and a
  space: the next word is a coordinating conjunction.
* Digits on either side ("covid-|19", "19-|pandemie"), an acronym before a lowercase word
  ("ICT-|contact") and a capitalised word after ("Bakker-|Klein", "Noord-|Holland") keep the
  hyphen, glued.
* Otherwise (both halves lowercase, or both in capitals) the lexicon decides. A joined form that
  wordfreq knows is a word: join. ``wordfreq`` scores a hyphenated form by its parts, with no
  penalty for the hyphen, so "vraag-stuk" (5.1) outscores "vraagstuk" (3.6): comparing the two
  directly would keep most real breaks. When the joined form is unknown, the hyphenated compound
  is compared with the once-per-million mark instead: a pair of common words ("familie-apps",
  "co-ouderschap", "hate-speech") keeps its hyphen, anything rarer joins ("veilig-|heidszorg",
  "gezinsre-|laties", "wetenschapsop-|vatting"): a PDF break is far more common at a line end than
  a real hyphen, and a break's halves are seldom both common words.
"""

from __future__ import annotations

import re
from enum import Enum

from kg.lexicon import zipf

SOFT_HYPHEN = "\u00ad"
HYPHENS = ("-", "\u2010", SOFT_HYPHEN)
#: The coordinators that license a suspended hyphen in Dutch ("hoog- en laagopgeleid"); grammar,
#: not a word list.
_COORDINATORS = frozenset({"en", "of", "tot", "noch"})
_COMMON = 3.0  # zipf: once per million words
_TAIL = re.compile(r"[^\W_]+$")
_HEAD = re.compile(r"^[^\W_]+")


class Hyphen(Enum):
    """How two lines meet at a line-end hyphen."""

    JOIN = "join"  # drop the hyphen: "samen-|werking" -> "samenwerking"
    ATTACH = "attach"  # keep the hyphen, no space: "Bakker-|Klein" -> "Bakker-Klein"
    SEPARATE = "separate"  # keep the hyphen, then a space: "liefdes-|en" -> "liefdes- en"


def line_end_hyphen(left: str, right: str) -> Hyphen:
    """Decide for ``left`` (a line's text, ending with a hyphen) and ``right`` (the next line's)."""
    if left.endswith(SOFT_HYPHEN):
        return Hyphen.JOIN
    before = left[:-1]
    spaced = before.endswith((" ", "\t"))
    tail_match = _TAIL.search(before.rstrip())
    head_match = _HEAD.match(right)
    if not tail_match or not head_match:
        return Hyphen.SEPARATE if spaced or not head_match else Hyphen.ATTACH
    tail, head = tail_match.group(0), head_match.group(0)
    if spaced:
        return Hyphen.JOIN if _letters_in_one_case(tail, head) and zipf(tail + head) > 0 else Hyphen.SEPARATE
    if head in _COORDINATORS and right[len(head) : len(head) + 1] in ("", " "):
        return Hyphen.SEPARATE
    if not _letters_in_one_case(tail, head):
        return Hyphen.ATTACH
    if zipf(tail + head) > 0:
        return Hyphen.JOIN
    return Hyphen.ATTACH if zipf(f"{tail}-{head}") >= _COMMON else Hyphen.JOIN


def _letters_in_one_case(tail: str, head: str) -> bool:
    """Both halves letters and of one case: "samen|werking", "Staatsse|cretaris", "LEVENS|GEBEURTENISSEN".

    Mixed shapes are real hyphens: an acronym before a lowercase word ("ICT-contact"), a capital
    after ("Bakker-Klein", "anti-Amerikaans"), digits ("covid-19").
    """
    if not (tail.isalpha() and head.isalpha()):
        return False
    if head.isupper() and len(head) > 1:
        return tail.isupper()
    if head[0].isupper():
        return False
    return not (tail.isupper() and len(tail) > 1)
