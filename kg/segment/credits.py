"""Authors that a text credits without a "Door:" label.

- A page title that ends in its author: "Eenzaam - Margrietha Reinders", "Titel | Jan Jansen".
- A name line that opens the text under its headline: "Prof. dr. Geert van der Laan, Oratie: ...".
- A lead that says who writes: "..., schrijft Erna Jansen in een introductie", "schrijven A en
  B", "Dit is een column van Anna Smit van Movisie" (cues as data: ``kg/data/writing_cues.txt``).
- A report's title page repeated in its text: the title, then "A, B en C".

Bios (``kg.segment.bios``) and portraits (``kg.segment.portraits``) name people too.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from spacy.lang.nl.stop_words import STOP_WORDS

from kg.extract.names import INITIAL, is_person_name, particles, split_names, without_titles
from kg.model import Mention, Span
from kg.segment.headlines import Block
from kg.segment.lines import Line
from kg.segment.markers import Byline, given

TAIL_WORDS = 8  # "Name, role bij Organisation" says who they are; a longer tail is a description
_TITLE_AUTHOR = re.compile(r"^(?P<title>.+?\S)\s+[-–—|]\s+(?P<name>[^-–—|]+)$")
_SPEECH = re.compile(r":\s*[‘'\"“]|[‘'\"“].*[’'\"”]")
_NAME_COMMA = re.compile(r"^(?P<name>[^,:;()\"‘“']{4,70}),\s*(?P<tail>.+)$")


def person_name(text: str) -> str | None:
    """The name in ``text`` without its titles, when it is the shape of a person's name."""
    name = without_titles(text.strip())
    return name if is_person_name(name) and given(name) else None


def mention_in(line: Line, text: str, after: int = 0) -> Mention:
    """``text`` where ``line`` prints it (at or after ``after`` in the raw line)."""
    at = line.start + line.raw.find(text, after)
    return Mention(text, Span(at, at + len(text)))


def title_author(headline: Block) -> tuple[Block, Byline] | None:
    """A one-line title that ends in a person's name after a dash or bar: the title before it
    is the headline, the name its author."""
    line = headline.first
    match = _TITLE_AUTHOR.match(line.text) if len(headline.lines) == 1 else None
    name = person_name(match.group("name")) if match else None
    if match is None or name is None:
        return None
    return Block((line.part(match.group("title")),)), Byline(line, [mention_in(line, name, len(match.group("title")))])


def name_line(line: Line) -> Byline | None:
    """A line that opens with a person's name and a comma, printed under a headline before any
    running text: the author, with a short tail that says who they are."""
    match = _NAME_COMMA.match(line.text)
    if match is None or line.text.endswith((".", "?", "!")) or _SPEECH.search(line.text):
        return None  # a sentence, or "Naam, functie bij X: 'quote'": who speaks, not who writes
    name = person_name(match.group("name"))
    if name is None:
        return None
    tail = match.group("tail").strip()
    parts = re.split(r",|\sen\s|&", tail)
    if len(parts) > 1 and person_name(parts[0]):
        return None  # a list of names that opens a sentence ("A, B en C deden onderzoek")
    short = len(tail.split()) <= TAIL_WORDS and not re.search(r"[:.;]", tail)
    return Byline(line, [mention_in(line, name)], mention_in(line, tail, len(match.group("name"))) if short else None)


LEAD_LINES = 3  # lines of running text at the start of an article that form its lead
LEAD_NAME_WORDS = 12  # the longest list of names a lead gives after its verb


@lru_cache(maxsize=1)
def _lead_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    text = resources.files("kg.data").joinpath("writing_cues.txt").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    verbs = "|".join(re.escape(w.strip()) for kind, w in rows if kind == "verb")
    kinds = "|".join(re.escape(w.strip()) for kind, w in rows if kind == "kind")
    return re.compile(rf"\b(?:{verbs})\s+"), re.compile(rf"\bDit is een (?:{kinds}) van\s+", re.IGNORECASE)


def lead_credit(lines: list[Line], start: int, end: int) -> Byline | None:
    """Who the lead of an article says writes it: the names right after a verb of writing
    (", schrijft Carmen de Wit, hoofdredacteur van ..."), or after "Dit is een column van", in
    its first lines of running text."""
    lead = [line for line in lines[start:end + 1] if line.words >= 8][:LEAD_LINES]
    for line in lead:
        for pattern in _lead_patterns():
            for match in pattern.finditer(line.raw):
                names = _leading_names(line, match.end(), minimum=1, reach=LEAD_NAME_WORDS)
                if names:
                    return Byline(line, names)
    return None


TITLE_PAGE_REACH = 60  # lines of a text in which its title page may be repeated
NAME_LIST_WORDS = 24  # the longest list of names a title page prints


def title_page_credit(lines: list[Line], headline: str, start: int, end: int) -> Byline | None:
    """The authors a report's title page lists under its title, when the text repeats that
    page: the title again, then two or more names ("Zicht op de wijk Anna de Boer, Piet Smit
    en Ria Jansen De wijk is ...")."""
    title = headline.casefold()
    if len(title) < 8:
        return None
    for line in lines[start + 1:min(end + 1, start + TITLE_PAGE_REACH)]:
        at = line.raw.casefold().find(title)
        while at >= 0:
            names = _leading_names(line, at + len(title))
            if names:
                return Byline(line, names)
            at = line.raw.casefold().find(title, at + len(title))
    return None


def _leading_names(line: Line, at: int, minimum: int = 2, reach: int = NAME_LIST_WORDS) -> list[Mention]:
    """The longest list of at least ``minimum`` full names ("A, B en C") that opens ``line.raw[at:]``."""
    words = list(re.finditer(r"\S+", line.raw[at:]))[:reach]
    for last in range(len(words), 1, -1):
        text = line.raw[at:at + words[last - 1].end()].rstrip(",;:.")
        parts = [p for p in re.split(r",|\sen\s", text) if p.strip()]
        if len(parts) < minimum or (minimum > 1 and not re.search(r",|\sen\s", text)):
            continue
        names = split_names(text, line.start + at)
        runs_on = bool(names) and names[-1].text.split()[-1].casefold() in STOP_WORDS  # "... en Ellis Kluijt De wijk is"
        if len(names) == len(parts) and all(given(n.text) and not _then_organisation(n.text) for n in names) and not runs_on:
            return names
    return []


def _then_organisation(name: str) -> bool:
    """A given name and surname followed by "van X": "Anna Smit van Movisie" is Anna Smit of
    Movisie; in a name the particles stand before the surname ("Anna van Smit")."""
    tokens = name.split()
    return len(tokens) > 3 and tokens[2].casefold() in particles() and not INITIAL.match(tokens[1])
