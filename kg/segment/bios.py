"""Bios that name the authors of an article: "■ X en Y zijn onderzoekers bij ... Z is lector
bij ...", or an unmarked closing bio of someone the text does not otherwise name. The verbs
that open a bio are data (``kg/data/bio_verbs.txt``)."""

from __future__ import annotations

import re
from functools import lru_cache

from kg.data import word_list
from kg.extract.names import split_names, surname
from kg.model import Mention
from kg.nlp.person_lexicon import load_lexicon
from kg.segment.lines import Line
from kg.segment.markers import Byline, given

BIO_LINES = 3  # a closing bio stands among the last lines of its text
SUBJECT_MENTIONS = 5  # a person named this often in a text is what it is about, not who wrote it
_BIO_MARK = re.compile(r"^[■▪●◼]")
_BOUNDARY = re.compile(r"(?<=[.!?])\s+|\n")
_WORD_BEFORE = re.compile(r"(\S+)[.!?]$")
_CITATION = re.compile(r"\([^()]*\b\d{4}[a-z]?\)")  # "(Brummel & Ham, 2021)"
_REFERENCE_NAME = re.compile(r"[\w'’-]+,\s(?:[A-Z]\.\s?)+")  # "Brummel, A." in a reference list
_INITIALS = re.compile(r"(?:\w\.)*\w")  # "G", "A.M": the stop after them ends no sentence


def bio_credit(lines: list[Line], start: int, end: int) -> Byline | None:
    """The people a bio of the article describes, when nothing else names its authors.

    A bio marked by a block sign ("■ **X** en **Y** zijn onderzoekers bij ... **Z** is lector
    ...") introduces the authors wherever it stands, every person who opens one of its
    sentences, unless the text above names them often: then it is about them (an interview
    with a lector ends with the lector's bio). An unmarked bio among the last lines counts only for someone the text above
    does not name: whoever a text is about is quoted or named in it, so an unnamed person
    described at the end is the one who wrote it."""
    for line in lines[start:end + 1]:
        if not _BIO_MARK.match(line.text):
            continue
        above = _uncited(" ".join(l.text for l in lines[start + 1:line.index])).casefold()
        names = [n for n in _bio_names(paragraph(lines, line.index, end)) if above.count(surname(n.text)) < SUBJECT_MENTIONS]
        if names:
            return Byline(line, names)
    closing = [line for line in lines[start:end + 1] if not line.blank][-BIO_LINES:]
    for line in closing:
        names = _bio_names(line)
        above = " ".join(l.text for l in lines[start + 1:line.index]).casefold()
        if names and not any(surname(n.text) in above for n in names):
            return Byline(line, names)
    return None


def _uncited(text: str) -> str:
    """The text without its citations: a work cited ("(Brummel & Ham, 2021)", "Brummel, A.
    (2017). ...") names its author without being about them. A PDF may print the reference
    list before the bio that closes the article."""
    return _REFERENCE_NAME.sub(" ", _CITATION.sub(" ", text))


def paragraph(lines: list[Line], index: int, end: int) -> Line:
    """The paragraph that ``lines[index]`` opens, as one line with the same offsets: the lines
    under it up to a blank line, a page start or another bio mark, each line break read as a
    space. A text read from a PDF (or any wrapped text) breaks a bio over several lines."""
    last = index
    while last < end and not lines[last + 1].blank and not lines[last + 1].page_start and not _BIO_MARK.match(lines[last + 1].text):
        last += 1
    raw = lines[index].raw
    for line in lines[index + 1:last + 1]:
        raw += " " * (line.start - lines[index].start - len(raw)) + line.raw
    return Line(index, lines[index].start, raw, " ".join(line.text for line in lines[index:last + 1]), 0, lines[index].page_start, False)


@lru_cache(maxsize=1)
def bio_verbs() -> str:
    """The verbs that open a bio after the names, as one regular-expression alternation."""
    return "|".join(re.escape(v) for v in sorted(word_list("bio_verbs.txt"), key=len, reverse=True))


def sentence_ranges(text: str) -> list[tuple[int, int]]:
    """Sentence ranges: a stop followed by space, or a line break; not the stop of an initial or
    a title ("G. van der Laan", "Prof. dr.")."""
    ranges: list[tuple[int, int]] = []
    start = 0
    for boundary in _BOUNDARY.finditer(text):
        before = _WORD_BEFORE.search(text, max(0, boundary.start() - 12), boundary.start())
        abbreviation = before is not None and (_INITIALS.fullmatch(before.group(1)) is not None or before.group(1).casefold() in load_lexicon().titles)
        if boundary.group() != "\n" and abbreviation:
            continue
        ranges.append((start, boundary.start()))
        start = boundary.end()
    ranges.append((start, len(text)))
    return [(a, b) for a, b in ranges if b > a]


@lru_cache(maxsize=1)
def _bio_head() -> re.Pattern[str]:
    return re.compile(rf"\s*[■▪●◼]?\s*(?P<names>[^:;!?]{{4,160}}?)\s+(?:{bio_verbs()})\s", re.IGNORECASE)


def _bio_names(line: Line) -> list[Mention]:
    """The full names that open the sentences of a bio line before a bio verb: "X en Y zijn
    onderzoekers bij A. Z is lector bij B." -> X, Y, Z."""
    names: list[Mention] = []
    for start, end in sentence_ranges(line.raw):
        head = _bio_head().match(line.raw, start, end)
        if head is None:
            continue
        listed = head.group("names")
        found = split_names(listed, line.start + head.start("names"))
        parts = [p for p in re.split(r",|\sen\s|&", listed) if p.strip(" *_")]
        if found and len(found) == len(parts) and all(given(n.text) for n in found):
            names += found
    return names
