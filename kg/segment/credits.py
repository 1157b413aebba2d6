"""Authors that a text credits without a "Door:" label.

- A page title that ends in its author: "Eenzaam - Margrietha Reinders", "Titel | Jan Jansen".
- A name line that opens the text under its headline: "Prof. dr. Geert van der Laan, Oratie: ...".
- A bio marked by a block sign ("■ X en Y zijn onderzoekers bij ..."), or a closing bio of
  someone the text does not otherwise name: "Margrietha Reinders is als predikant verbonden
  aan ..." under a column or an opinion piece.

And the person a portrait is of: a box headed by a name ("Hans van Steenis (85)", "Jessica
Jansen, ervaringsdeskundige bij Werkplaats X") over a text in the first person.

- A lead that says who writes: "..., schrijft Erna Jansen in een introductie", "schrijven A en
  B", "Dit is een column van Anna Smit van Movisie".

The verbs that open a bio and the cues of a lead are data (``kg/data/bio_verbs.txt``,
``kg/data/writing_cues.txt``).
"""

from __future__ import annotations

import itertools
import re

from functools import lru_cache
from importlib import resources

from kg.data import word_list
from kg.extract.names import INITIAL, is_person_name, split_names, surname, without_titles
from kg.extract.roles import job_titles
from kg.extract.signatures import role_and_organisation
from kg.model import Mention, PersonRecord, Span
from kg.nlp.person_lexicon import may_be_given_name
from kg.segment.headlines import Block
from kg.segment.lines import Line
from kg.segment.markers import Byline

TAIL_WORDS = 8  # "Name, role bij Organisation" says who they are; a longer tail is a description
BIO_LINES = 3  # a closing bio stands among the last lines of its text
SUBJECT_MENTIONS = 5  # a person named this often in a text is what it is about, not who wrote it
_TITLE_AUTHOR = re.compile(r"^(?P<title>.+?\S)\s+[-–—|]\s+(?P<name>[^-–—|]+)$")
_NAME_COMMA = re.compile(r"^(?P<name>[^,:;()\"‘“']{4,70}),\s*(?P<tail>.+)$")
_PORTRAIT_HEAD = re.compile(r"^(?P<name>[^,()]{4,70}?)(?:\s*\(\d{1,3}\))?(?:,\s*(?P<tail>[^,]{3,120}))?$")
_FIRST_PERSON = re.compile(r"\b(?:ik|mijn|mij|me|wij|we|ons|onze)\b", re.IGNORECASE)
PORTRAIT_OPENING = 60
DESCRIPTOR_LINES = 3  # role and organisation lines between a portrait's name and its text
DESCRIPTOR_WORDS = 10
QUOTES = "'‘\"“"  # words at the start of a portrait's text that must speak in the first person
_BIO_MARK = re.compile(r"^[■▪●◼]")
_SENTENCE = re.compile(r"[^.!?]+(?:[.!?]+|$)")


def _given(name: str) -> bool:
    first = name.split()[0]
    return bool(INITIAL.match(first)) or may_be_given_name(first)


def _person(text: str) -> str | None:
    """The name in ``text`` without its titles, when it is the shape of a person's name."""
    name = without_titles(text.strip())
    return name if is_person_name(name) and _given(name) else None


def _mention(line: Line, text: str, after: int = 0) -> Mention:
    at = line.start + line.raw.find(text, after)
    return Mention(text, Span(at, at + len(text)))


def _part(line: Line, text: str) -> Line:
    """``line`` cut to ``text``, a part of it, with exact offsets."""
    at = line.raw.find(text)
    return Line(line.index, line.start + at, text, text, line.heading_level, line.page_start, line.furniture)


def title_author(headline: Block) -> tuple[Block, Byline] | None:
    """A one-line title that ends in a person's name after a dash or bar: the title before it
    is the headline, the name its author."""
    line = headline.first
    match = _TITLE_AUTHOR.match(line.text) if len(headline.lines) == 1 else None
    name = _person(match.group("name")) if match else None
    if match is None or name is None:
        return None
    return Block((_part(line, match.group("title")),)), Byline(line, [_mention(line, name, len(match.group("title")))])


def name_line(line: Line) -> Byline | None:
    """A line that opens with a person's name and a comma, printed under a headline before any
    running text: the author, with a short tail that says who they are."""
    match = _NAME_COMMA.match(line.text)
    if match is None or line.text.endswith((".", "?", "!")):
        return None
    name = _person(match.group("name"))
    if name is None:
        return None
    tail = match.group("tail").strip()
    parts = re.split(r",|\sen\s|&", tail)
    if len(parts) > 1 and _person(parts[0]):
        return None  # a list of names that opens a sentence ("A, B en C deden onderzoek")
    short = len(tail.split()) <= TAIL_WORDS and not re.search(r"[:.;]", tail)
    return Byline(line, [_mention(line, name)], _mention(line, tail, len(match.group("name"))) if short else None)


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
        above = " ".join(l.text for l in lines[start + 1:line.index]).casefold()
        names = [n for n in _bio_names(line) if above.count(surname(n.text)) < SUBJECT_MENTIONS]
        if names:
            return Byline(line, names)
    closing = [line for line in lines[start:end + 1] if not line.blank][-BIO_LINES:]
    for line in closing:
        names = _bio_names(line)
        above = " ".join(l.text for l in lines[start + 1:line.index]).casefold()
        if names and not any(surname(n.text) in above for n in names):
            return Byline(line, names)
    return None


@lru_cache(maxsize=1)
def _bio_head() -> re.Pattern[str]:
    verbs = "|".join(re.escape(v) for v in sorted(word_list("bio_verbs.txt"), key=len, reverse=True))
    return re.compile(rf"^\s*[■▪●◼]?\s*(?P<names>[^.:;!?]{{4,160}}?)\s+(?:{verbs})\s", re.IGNORECASE)


def _bio_names(line: Line) -> list[Mention]:
    """The full names that open the sentences of a bio line before a bio verb: "X en Y zijn
    onderzoekers bij A. Z is lector bij B." -> X, Y, Z."""
    names: list[Mention] = []
    for sentence in _SENTENCE.finditer(line.raw):
        head = _bio_head().match(sentence.group())
        if head is None:
            continue
        listed = head.group("names")
        found = split_names(listed, line.start + sentence.start() + head.start("names"))
        parts = [p for p in re.split(r",|\sen\s|&", listed) if p.strip(" *_")]
        if found and len(found) == len(parts) and all(_given(n.text) for n in found):
            names += found
    return names


def portrait(lines: list[Line], index: int) -> PersonRecord | None:
    """The person a box headed by ``lines[index]`` portrays: the heading is a name (with an age
    or "role bij organisation" after it), and the text under it is theirs, in the first person,
    opening with a quote mark. Short lines between the name and the text say who they are: a
    role ("Adviseur en vrijwilligerscoördinator") or an organisation ("GGD Drenthe")."""
    match = _PORTRAIT_HEAD.match(lines[index].text)
    name = _person(match.group("name")) if match else None
    if match is None or name is None:
        return None
    following = [line for line in lines[index + 1:index + 16] if not line.blank]
    described = list(itertools.takewhile(_descriptor, following[:DESCRIPTOR_LINES]))
    body = following[len(described)] if len(following) > len(described) else None
    if body is None or body.heading_level or body.text[:1] not in QUOTES or not _FIRST_PERSON.search(" ".join(body.text.split()[:PORTRAIT_OPENING])):
        return None
    line = lines[index]
    person = PersonRecord(_mention(line, name))
    if match.group("tail"):
        role, organisation = role_and_organisation(_mention(line, match.group("tail"), len(match.group("name"))))
        person.roles += [role] if role else []
        person.affiliations += [organisation] if organisation else []
    for descriptor in described:
        words = descriptor.text.casefold().split()
        is_role = words[0].endswith(tuple(job_titles())) or words[-1].endswith(tuple(job_titles()))
        (person.roles if is_role else person.affiliations).append(_mention(descriptor, descriptor.text))
    return person


def _descriptor(line: Line) -> bool:
    """A short line under a portrait's name that says who they are, not the start of their text."""
    return line.words <= DESCRIPTOR_WORDS and line.text[:1] not in QUOTES and not line.ends_sentence


LEAD_LINES = 3  # lines of running text at the start of an article that form its lead
_NAME_RUN = r"(?P<names>[A-Z\u00C0-\u017F][^.,;:!?()]*?(?:(?:,\s*|\s+en\s+)[A-Z\u00C0-\u017F][^.,;:!?()]*?)*)"
_NAME_END = r"(?=\s+(?:van|in|op|over|bij|namens|uit)\s|[.,;:!?()]|$)"


@lru_cache(maxsize=1)
def _lead_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    text = resources.files("kg.data").joinpath("writing_cues.txt").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    verbs = "|".join(re.escape(w.strip()) for kind, w in rows if kind == "verb")
    kinds = "|".join(re.escape(w.strip()) for kind, w in rows if kind == "kind")
    return (
        re.compile(rf"\b(?:{verbs})\s+{_NAME_RUN}{_NAME_END}"),
        re.compile(rf"\bDit is een (?:{kinds}) van\s+{_NAME_RUN}{_NAME_END}", re.IGNORECASE),
    )


def lead_credit(lines: list[Line], start: int, end: int) -> Byline | None:
    """Who the lead of an article says writes it: the names after a verb of writing, or after
    "Dit is een column van", in its first lines of running text."""
    lead = [line for line in lines[start:end + 1] if line.words >= 8][:LEAD_LINES]
    for line in lead:
        for pattern in _lead_patterns():
            for match in pattern.finditer(line.text):
                at = line.raw.find(match.group("names"))
                if at < 0:
                    continue  # the line's text differs from its raw form here (emphasis marks)
                names = [n for n in split_names(match.group("names"), line.start + at) if _given(n.text)]
                if names:
                    return Byline(line, names)
    return None
