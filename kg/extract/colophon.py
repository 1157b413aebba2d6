"""A colophon's people: the editors and contributors of the publication issue, not authors.

A colophon lists who made the issue under labels ("### Redactie", "Eindredactie: X",
"Vormgeving" over a name). Whoever stands under an editing label (``kg/data/colophon_roles.txt``)
is an editor of the issue (``schema:editor``), anyone else a contributor; the label is their role.
A name followed by an organisation in parentheses ("Anna Smit (Movisie)") belongs to it, and
"(allen X)", "(beiden X)" (``kg/data/colophon_shared.txt``) gives X to every name since the last
parenthesis. An organisation under a publishing label ("Uitgave: X") publishes the issue, and
"Buurtkrant Oost is een uitgave van X" names it when it has no masthead.
The colophon itself is no article.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kg.data import word_list
from kg.extract.names import split_names
from kg.model import ArticleRecord, Mention, PersonRecord, PublicationRecord, Span
from kg.nlp.gazetteer import fold
from kg.segment.markers import colophon_heading, given

LABEL_WORDS = 4  # "Hoofd- en eindredactie" is a label; a line of names or prose is not
_INLINE = re.compile(r"^\s*(?:#+\s*)?[*_]*(?P<label>[^:\n*_]{3,40}?)[*_]*\s*:", re.MULTILINE)
_LINE = re.compile(r"^.*$", re.MULTILINE)
_BRACKET = re.compile(r"\s*\((?P<inside>[^()\n]{2,80})\)")
_HEADING = re.compile(r"^\s*(?:#+\s*)?[*_]*(?P<label>[^:\n*_]{3,40}?)[*_]*\s*:?\s*$", re.MULTILINE)


def is_colophon(record: ArticleRecord) -> bool:
    return record.genre == "other" and colophon_heading(record.headline.text)


def move_colophons(articles: list[ArticleRecord], text: str, publication: PublicationRecord) -> list[ArticleRecord]:
    """The articles without their colophons; the colophons' people join the publication."""
    kept: list[ArticleRecord] = []
    for record in articles:
        if not is_colophon(record):
            kept.append(record)
            continue
        people = [*record.authors, *record.interviewees, *record.persons]
        known = {p.name.text for p in people}
        people += [PersonRecord(name) for name in _credited(text, record.span) if name.text not in known]
        _bracketed(text, people)
        publication.publisher = _publisher(text, record) or publication.publisher
        publication.name = publication.name or _own_name(text, record)
        for person in people:
            label = _label(text, person.name.span.start, record.span.start)
            if label is not None:
                person.roles.append(label)
            editing = label is not None and any(word in label.text.casefold() for word in word_list("colophon_roles.txt"))
            (publication.editors if editing else publication.contributors).append(person)
    return kept


def _publisher(text: str, record: ArticleRecord) -> Mention | None:
    """The organisation a colophon names as the issue's publisher: under or after a publishing
    word ("Uitgave: Movisie", "Dit is een uitgave van Movisie"), as ``colophon_publisher.txt`` lists."""
    words = word_list("colophon_publisher.txt")
    for organisation in record.organisations:  # each is listed once: look at every place it is named
        at = text.find(organisation.text, record.span.start, record.span.end)
        while at >= 0:
            label = _label(text, at, record.span.start)
            lead = text[text.rfind("\n", 0, at) + 1:at] + " " + (label.text if label else "")
            if any(word in fold(lead) for word in words):
                return replace(organisation, span=Span(at, at + len(organisation.text)))
            at = text.find(organisation.text, at + 1, record.span.end)
    return None


def _own_name(text: str, record: ArticleRecord) -> Mention | None:
    """The name a colophon gives the publication it belongs to: "Buurtkrant Oost is een uitgave
    van X", "X wordt uitgegeven door Y" (the publishing words of ``colophon_publisher.txt``)."""
    words = "|".join(sorted(word_list("colophon_publisher.txt"), key=len, reverse=True))
    pattern = re.compile(rf"^[\W_]*(?P<name>[A-Z][^\n.:;,]{{1,60}}?)\s+(?:is|wordt)\s+(?:een\s+)?(?:{words})\b", re.MULTILINE | re.IGNORECASE)
    found = pattern.search(text, record.span.start, record.span.end)
    if found is None or not found.group("name")[:1].isupper():
        return None
    return Mention(found.group("name"), Span(found.start("name"), found.end("name")), 0.7)


def _label(text: str, at: int, floor: int) -> Mention | None:
    """The label a name stands under: "Label: ..." on its own line, else the nearest line above
    (within the colophon) that is only a short label."""
    line_start = text.rfind("\n", 0, at) + 1
    inline = _INLINE.match(text, line_start, at)
    if inline:
        return _mention(text, line_start, inline)
    end = line_start - 1
    while end > floor:
        start = text.rfind("\n", 0, end) + 1
        heading = _HEADING.match(text, start, end)
        if heading and _is_label(text[start:end], heading.group("label")):
            return _mention(text, start, heading)
        end = start - 1
    return None


def _is_label(line: str, label: str) -> bool:
    """A heading, a line ending in a colon, or a few words with one capital ("Vormgeving",
    "Hoofd- en eindredactie"); not a name ("Len Blonk") that stands above another."""
    words = label.split()
    marked = line.lstrip().startswith("#") or line.rstrip().endswith(":")
    return len(words) <= LABEL_WORDS and (marked or all(not w[:1].isupper() for w in words[1:]))


def _mention(text: str, start: int, match: re.Match[str]) -> Mention:
    label = match.group("label").strip()
    at = text.find(label, start)
    return Mention(label, Span(at, at + len(label)), 0.7)


def _credited(text: str, span: Span) -> list[Mention]:
    """Names after a label on the same line ("Fotografie: Mila Peters"): the recogniser leaves
    photo and illustration credits out of articles, but in a colophon they are its makers."""
    names: list[Mention] = []
    for line in _LINE.finditer(text, span.start, span.end):
        label = _INLINE.match(line.group())
        if label:
            at = line.start() + label.end()
            names += [n for n in split_names(text[at:line.end()], at) if given(n.text)]
    return names


def _bracketed(text: str, people: list[PersonRecord]) -> None:
    """Affiliate each person with the organisation in parentheses after their name, or after the
    names that follow them up to a shared one ("(allen Movisie)"); a lower-case parenthesis
    ("(eindredactie)") names no organisation."""
    shared = sorted(word_list("colophon_shared.txt"), key=len, reverse=True)
    waiting: list[PersonRecord] = []
    for person in sorted(people, key=lambda p: p.name.span.start):
        waiting.append(person)
        bracket = _BRACKET.match(text, person.name.span.end)
        if bracket is None:
            continue
        inside = bracket.group("inside").strip()
        start = bracket.start("inside") + bracket.group("inside").index(inside)
        lead = next((word for word in shared if fold(inside).startswith(word + " ")), None)
        if lead is not None:
            start += len(lead) + 1
            inside = inside[len(lead) + 1:].lstrip()
        else:
            waiting = [person]
        if inside[:1].isupper():
            organisation = Mention(inside, Span(start, start + len(inside)), 0.7)
            for member in waiting:
                if fold(inside) not in {fold(a.text) for a in member.affiliations}:
                    member.affiliations.append(replace(organisation, context=member.name.span.through(organisation.span)))
        waiting = []
