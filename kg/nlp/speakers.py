"""Who says what: quotations in a text and the attributions around them ("zegt X", "aldus X",
"X: ‘...’", "Ze vertelt: ‘"). A pronoun stands for the last name attributed before it; a
surname for the full form of the name the text prints most often."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property, lru_cache

from spacy.tokens import Doc, Span

from kg.extract.names import particles
from kg.lexicon import zipf
from kg.nlp.doctext import text_of

OPENING_QUOTES = "‘“„"

_PRONOUNS = frozenset({"hij", "zij", "ze"})
_CLOSING_QUOTES = "’”"
_QUOTE_OR_BREAK = re.compile(f"[\n{OPENING_QUOTES}{_CLOSING_QUOTES}]")  # the only characters quote_regions looks at


@dataclass(frozen=True)
class Attribution:
    start: int  # character offsets in the doc
    end: int
    name: str | None  # a pronoun is resolved to the last name before it


@lru_cache(maxsize=1)
def _name_source() -> str:
    """A capitalised name, particles inside: "Anne-Marie van Bergen", "Van Bergen", "Roovers"."""
    word = r"[A-ZÀ-Ý][\w’'-]+"
    particle = "|".join(re.escape(p) for p in sorted(particles(), key=len, reverse=True))
    return rf"{word}(?: (?:(?:{particle}) )*{word})*"


@lru_cache(maxsize=8)
def _attribution_pattern(verbs: frozenset[str]) -> re.Pattern[str]:
    """"zegt X" | "X zegt" | "X: ‘" at a paragraph start, X a name or hij/zij/ze. Before a verb
    that a name or pronoun follows, a capitalised word is a fronted adverb ("Daarom pleit ik",
    "Bovendien zegt Jansen"), not the speaker."""
    name = _name_source()
    who = rf"(?:{name}|[Hh]ij|[Zz]ij|[Zz]e)"
    verb = "(?i:" + "|".join(re.escape(v) for v in sorted(verbs, key=len, reverse=True)) + ")"
    return re.compile(
        rf"\b(?:{verb})\s+(?P<after>{who})\b"
        rf"|(?P<before>{who})\s+(?:{verb})\b(?!\s+(?:{who}|[Ii]k|[Ww]e|[Ww]ij|[Jj]e|[Jj]ij|[Uu])\b)"
        rf"|(?:^|\n)(?P<qa>{name})\s*:\s*(?=[{OPENING_QUOTES}])"
    )


def quote_regions(text: str) -> list[tuple[int, int]]:
    """Character ranges of quotations, nested quotes inside. An apostrophe ("z’n", "’s") is no
    closing quote; a quote left open runs on over at most two paragraph breaks, and a paragraph
    that opens a new quote ends the one left open."""
    regions: list[tuple[int, int]] = []
    depth, start, breaks = 0, 0, []
    for found in _QUOTE_OR_BREAK.finditer(text):
        i, char = found.start(), found.group()
        if char == "\n" and depth and text.startswith("\n\n", i):
            breaks.append(i)
            if len(breaks) > 2:
                regions.append((start, breaks[0]))
                depth, breaks = 0, []
        elif char in OPENING_QUOTES and (i == 0 or not text[i - 1].isalnum()) and text[i + 1 : i + 2].strip():
            if depth and breaks and text[i - 2 : i] == "\n\n":
                regions.append((start, i))
                depth = 0
            if not depth:
                start, breaks = i, []
            depth += 1
        elif char in _CLOSING_QUOTES and depth and text[i - 1 : i].strip() and not text[i + 1 : i + 2].isalpha():
            depth -= 1
            if not depth:
                regions.append((start, i + 1))
    if depth:
        regions.append((start, breaks[0] if breaks else len(text)))
    return regions


class Speakers:
    """Who says what in a doc: quotations and the attributions around them."""

    def __init__(self, doc: Doc, verbs: frozenset[str]) -> None:
        self.doc = doc
        self.regions = quote_regions(text_of(doc))
        self.attributions = self._attributions(verbs)

    def of(self, unit: Span) -> str | None:
        """The speaker of a quoted sentence, or of an unquoted one that names its speaker."""
        first = next((token.idx for token in unit if not token.is_punct), unit.start_char)
        region = next(((s, e) for s, e in self.regions if s <= first < e), None)
        if region is None:
            inside = [a for a in self.attributions if unit.start_char <= a.start and a.end <= unit.end_char and not self._quoted(a.start)]
            return inside[0].name if inside else None
        return self._quote_speaker(*region)

    def _quote_speaker(self, start: int, end: int) -> str | None:
        text = text_of(self.doc)
        for a in self.attributions:
            if 0 <= a.start - end <= 60 and not text[end : a.start].strip(" ,–-"):
                return a.name
            if 0 <= start - a.end <= 60 and not text[a.end : start].strip(" :"):
                return a.name
        paragraph_start = text.rfind("\n\n", 0, start) + 1
        paragraph_end = text.find("\n\n", start)
        paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
        around = [a for a in self.attributions if paragraph_start <= a.start < paragraph_end and not self._quoted(a.start)]
        return min(around, key=lambda a: abs(a.start - start)).name if around else None

    @cached_property
    def _names(self) -> list[str]:
        """Full names (two words or more, not starting with a particle) the doc prints: the
        persons component's spans when it ran, else capitalised word runs."""
        if "persons" in self.doc.spans:
            names = [span.text for span in self.doc.spans["persons"]]
        else:
            names = [_clean_name(m.group(0)) or "" for m in re.finditer(_name_source(), text_of(self.doc))]
        return [n for n in names if len(n.split()) > 1 and n.split()[0].lower() not in particles()]

    def _quoted(self, at: int) -> bool:
        return any(s <= at < e for s, e in self.regions)

    def _attributions(self, verbs: frozenset[str]) -> list[Attribution]:
        found: list[Attribution] = []
        last: str | None = None
        for match in _attribution_pattern(verbs).finditer(text_of(self.doc)):
            group = next(g for g in ("after", "before", "qa") if match.group(g))
            who = match.group(group)
            start = match.start(group) if group == "qa" else match.start()
            if who.lower() in _PRONOUNS:
                found.append(Attribution(start, match.end(), last))
                continue
            name = _clean_name(who)
            if name:
                last = self._full_name(name)
                found.append(Attribution(start, match.end(), last))
        return found

    def _full_name(self, name: str) -> str:
        """The full form the doc gives most often of a name ("Van Bergen" -> "Anne-Marie van
        Bergen"); most often, because a capitalised run may pick up a headline word before it."""
        surname = name.split()[-1]
        full = Counter(candidate for candidate in self._names if candidate.endswith(surname))
        return min(full, key=lambda c: (-full[c], len(c))) if full else name


def _clean_name(text: str) -> str | None:
    """Drop leading common words a capital made look like a name ("Ook Roovers" -> "Roovers")."""
    words = text.split()
    while words and words[0].lower() not in particles() and zipf(words[0]) >= 5.5:
        words = words[1:]
    return " ".join(words) if words and words[-1][:1].isupper() and zipf(words[-1]) < 5.5 else None
