"""Where do paragraphs end? Decided between two consecutive text lines of a PDF extraction.

After a blank line (or dropped furniture) a new paragraph starts, unless the sentence visibly runs
on across a column or page break, or the double spacing some extractors produce: the next line
starts in lowercase after anything but a full stop (also after a colon or a closing quote), or the
line before does not end a sentence and either fills its column and ends in a word, or ends in a
lowercase word that is very frequent (a function word: "van de", "zegt hij dat") or followed by a
comma. A headline, byline, salutation or chart label is short and ends in a content word or a
name, so it stays a paragraph; so does a numbered item.

Without a blank line, the lines of one paragraph follow each other; a new paragraph starts only
at a list item, after a markdown heading, or after a short line followed by a line that starts
with a capital: the last line of a paragraph when it ends a sentence, else a subheading set
directly above its text (then the next line must be a full one).
"""

from __future__ import annotations

import re
from statistics import quantiles

from kg.lexicon import zipf

_SENTENCE_END = re.compile(r"[.!?:…’”\"']$")
_FULL_STOP = re.compile(r"[.!?…][’”\"')\]]*$")
_LIST_ITEM = re.compile(r"^(?:[•●▪■◦✓✔➜→►*-]|#+)\s")
_HEADING = re.compile(r"^#+\s")
_NUMBERED_ITEM = re.compile(r"^\d{1,2}[.)]?\s*[^\W\d_]")  # "6 Streef gedeeld ...", "2Aanwezigheid"
_LAST_WORD = re.compile(r"([^\W\d_]+)(,?)$")
_FUNCTION_WORD = 6.3  # zipf: de, het, van, in, met, die, dat, door, om, naar ... ("leven" is 5.95)
_FULL = 0.85  # a line this close to its column width was broken by the layout, not the writer
_OVERFULL = 1.25  # a line this much wider than its neighbours is not column text (a caption, a deck)
_SHORT = 0.6  # a line this short that does not end a sentence is a heading or a label
_WINDOW = 12  # lines either side that set a line's column width


def column_widths(lengths: list[int]) -> list[float]:
    """Per line, the width of its column: the upper quartile of the text line lengths nearby.

    Zero-length entries (blank or dropped lines) are ignored. Local, because one file mixes layouts:
    narrow newspaper columns, full-width pages, markdown with a paragraph per line.
    """
    widths: list[float] = []
    for index in range(len(lengths)):
        near = [n for n in lengths[max(0, index - _WINDOW) : index + _WINDOW + 1] if n]
        if len(near) > 1:
            widths.append(quantiles(near, n=4, method="inclusive")[2])
        else:
            widths.append(float(near[0]) if near else 0.0)
    return widths


def _ends_sentence(line: str) -> bool:
    return bool(_SENTENCE_END.search(line))


def breaks_paragraph(previous: str, text: str, blank: bool, width: float) -> bool:
    """Does a new paragraph start at ``text``? ``blank``: blank or dropped lines lie between."""
    if _LIST_ITEM.match(text) or _HEADING.match(previous):
        return True
    if blank:
        if text[:1].islower() and not _FULL_STOP.search(previous):
            return False  # "deze conclusie:|het geweld ...": only a full stop ends a paragraph here
        return _ends_sentence(previous) or not _runs_on(previous, text, width)
    if len(previous) >= _SHORT * width or not text[:1].isupper():
        return False
    return _ends_sentence(previous) or len(text) >= _FULL * width


def _runs_on(previous: str, text: str, width: float) -> bool:
    """Does the sentence of ``previous`` (no sentence end) continue on ``text`` (not lowercase)?"""
    last = _LAST_WORD.search(previous)
    if not last or _NUMBERED_ITEM.match(text):
        return False
    word, comma = last.group(1), bool(last.group(2))
    if _FULL * width <= len(previous) <= _OVERFULL * width:
        return True  # "Institute for Positive | Health": a full column line ends wherever it must
    return word[0].islower() and (comma or zipf(word) >= _FUNCTION_WORD)
