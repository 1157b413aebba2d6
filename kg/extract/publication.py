"""What the text says about the publication itself: its name, publisher and date."""

from __future__ import annotations

import re
from collections import Counter

from kg.model import ArticleRecord, Mention, PublicationRecord, Span
from kg.nlp.gazetteer import Gazetteer, fold
from kg.segment.lines import Line

_SELF_REFERENCE = re.compile(r"\b(?:[Ii]n|[Dd]eze|[Dd]it nummer van|editie van)\s+(?:deze\s+)?([A-Z][\w-]+(?: [A-Z][\w-]+){0,3})")
_YEAR = re.compile(r"\b(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|voorjaar|zomer|najaar|winter)\s+((?:19|20)\d\d)\b", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]{2}")
_KIND_WORDS = {
    "magazine": ("magazine", "tijdschrift"),
    "journal": ("themanummer", "redactie", "journal", "tijdschrift voor"),
    "newspaper": ("lezersbrief", "opiniepagina", "de krant"),
    "manifesto": ("ondertekenaars", "manifest", "oproep"),
}


def _title_line(lines: list[Line]) -> Line | None:
    for line in lines[:15]:
        if line.heading_level == 1:
            return line
    return None


def _self_named(text: str) -> tuple[str, int] | None:
    """A name the text gives itself ("In deze Movisies"), when it does so at least twice."""
    found = [(m.group(1), m.start(1)) for m in _SELF_REFERENCE.finditer(text) if "deze" in m.group(0).lower().split() or "nummer" in m.group(0)]
    counts = Counter(name for name, _ in found)
    for name, count in counts.most_common():
        if count >= 2:
            return name, next(at for n, at in found if n == name)
    return None


def describe(text: str, lines: list[Line], kind_hint: str | None = None) -> PublicationRecord:
    record = PublicationRecord()
    title = _title_line(lines)
    if title:
        span = title.span()
        record.name = Mention(title.text, span, 0.8)
    else:
        named = _self_named(text)
        if named:
            name, at = named
            record.name = Mention(name, Span(at, at + len(name)), 0.7)
            kind_hint = kind_hint or "magazine"  # an issue that says "in deze Movisies" is one of a series
    years = [m for m in _YEAR.finditer(text)]
    if years:
        counts = Counter(m.group(1) for m in years)
        year = max(counts, key=lambda y: (counts[y] >= 2, y))
        first = next(m for m in years if m.group(1) == year)
        record.date = Mention(year, Span(first.start(1), first.end(1)), 0.6)
    lowered = text.lower()
    scores = {kind: sum(lowered.count(word) for word in words) for kind, words in _KIND_WORDS.items()}
    best = max(scores, key=lambda k: scores[k])
    record.kind = kind_hint or (best if scores[best] else "other")
    return record


def name_by_title(record: PublicationRecord, articles: list[ArticleRecord], lines: list[Line]) -> None:
    """Name a publication without masthead or self-reference by its first article's headline, else
    by the first line with a word in it: a reader knows a document by its title line, never by the
    name of the file it came in."""
    if record.name is not None:
        return
    if articles:
        record.name = articles[0].headline
        return
    titled = next((line for line in lines if _WORD.search(line.text)), None)
    if titled is not None:
        record.name = Mention(titled.text, titled.span(), 0.5)


def find_publisher(record: PublicationRecord, gazetteer: Gazetteer) -> Mention | None:
    """The organisation a publication's name names: itself ("Werkplaatsen Sociaal Domein") or
    its publisher with a suffix, as magazines are often named ("Movisies" of Movisie)."""
    if record.name is None:
        return None
    name = record.name
    found = gazetteer.resolve(name.text)
    if found is None:
        folded = fold(name.text)
        found = next(
            (o for o in gazetteer for s in o.surfaces if len(s) >= 5 and folded.startswith(fold(s)) and len(folded) - len(fold(s)) <= 2),
            None,
        )
    return Mention(found.name, name.span, 0.6, found.id) if found else None
