"""Lines that mark the structure of a publication: bylines, kickers and signatures.

The labels are data (``kg/data/bylines.tsv``, ``kg/data/kickers.tsv``); this module only knows
their shapes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from kg.data import table, word_list
from kg.extract.names import INITIAL, is_person_name, split_names
from kg.model import Mention, Span
from kg.nlp.person_lexicon import fold, load_lexicon, may_be_given_name
from kg.segment.lines import Line


@lru_cache(maxsize=1)
def kickers() -> dict[str, str]:
    """Kicker label (upper case) -> genre."""
    return table("kickers.tsv")


@lru_cache(maxsize=1)
def _byline_pattern() -> re.Pattern[str]:
    labels = sorted(table("bylines.tsv"), key=len, reverse=True)
    alternatives = "|".join(re.escape(label) for label in labels)
    return re.compile(rf"^(?:{alternatives})(?:\s*:\s*|\s+)(?=[A-Z\u00C0-\u017F])", re.IGNORECASE)


@dataclass(frozen=True)
class Byline:
    line: Line
    names: list[Mention]
    tail: Mention | None = None  # what the byline says of them: "Verdiwel", "onderzoeker bij Movisie"


_TAIL = re.compile(r"\s*(?:,|\()\s*")


def byline(line: Line) -> Byline | None:
    """A line such as "Door: Olaf Stomp en Hans Alderliesten" with the names it gives, and
    what follows the names after a comma or in parentheses ("Auteur: Kees Neefjes, Verdiwel",
    "Tekst: Jan Jansen (Movisie)"): their organisation or role, not another author."""
    if line.blank or line.words > 16:
        return None
    body = line.raw.strip().strip("*_")
    match = _byline_pattern().match(body)
    if not match:
        return None
    at = line.start + line.raw.find(body) + match.end()
    text = body[match.end():]
    tail_at = _tail_start(text)
    names = split_names(text[:tail_at], at)
    if not names:
        return None
    tail = text[tail_at:].strip(" ,()")
    tail_offset = at + text.find(tail, tail_at) if tail else 0
    return Byline(line, names, Mention(tail, Span(tail_offset, tail_offset + len(tail))) if tail else None)


def _tail_start(text: str) -> int:
    """Where the names of a byline end: at the first part after a comma or parenthesis that is
    not a name opening with an initial or a possible given name ("Tandem Welzijn" is none)."""
    for separator in _TAIL.finditer(text):
        part = re.split(r"\s*(?:,|\(|\)|\sen\s|&)\s*", text[separator.end():], maxsplit=1)[0].strip()
        first = part.split()[0] if part.split() else ""
        known = INITIAL.match(first) or fold(first) in load_lexicon().any_first_names  # "Sportbedrijf" is rare, but no given name
        if separator.group().strip() == "(" or not (is_person_name(part) and known):
            return separator.start()
    return len(text)


_NAME_LIST = re.compile(r",|\sen\s|&")


def names_only(line: Line) -> list[Mention]:
    """The names of a line that holds nothing else ("Janine Janssen", "Olga de Jong en Mark
    ter Avest"): every part of the list is a name, so a sentence or a title never yields one, and
    each opens with an initial or a word that may be a given name ("Werkplaatsen Sociaal Domein" is none)."""
    raw = line.raw.strip().strip("*_")
    names = split_names(raw, line.start + line.raw.find(raw))
    parts = [part for part in _NAME_LIST.split(raw) if part.strip()]
    return names if names and len(names) == len(parts) and all(given(name.text) for name in names) else []


def given(name: str) -> bool:
    """The name opens with an initial or a word that may be a given name ("Werkplaats" is none)."""
    first = name.split()[0]
    return bool(INITIAL.match(first)) or may_be_given_name(first)


def colophon_heading(text: str) -> bool:
    """A colophon's heading ("COLOFON", "Impressum"): its lines list the issue's makers (``kg/data/colophon_headings.txt``)."""
    return text.strip(" :*#").casefold() in word_list("colophon_headings.txt")


def kicker_genre(line: Line) -> str | None:
    """The genre a kicker or section label signals ("COLUMN" -> column), or None.

    The whole line must be a known label, in any case: "Nieuwe uitgaven & nieuws" is one."""
    text = line.text.strip(" :*■•")
    if not text or line.words > 5:
        return None
    return kickers().get(text.upper())


@lru_cache(maxsize=1)
def _reply_pattern() -> re.Pattern[str]:
    text = resources.files("kg.data").joinpath("reply_prefixes.txt").read_text(encoding="utf-8")
    prefixes = [w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#")]
    return re.compile(rf"^(?:{'|'.join(re.escape(p) for p in prefixes)})\s*:", re.IGNORECASE)


def reply_subject(line: Line) -> bool:
    """An e-mail subject line answering or forwarding another ("Re: ..."): in a printed e-mail
    exchange it repeats the subject of the letter it answers, so it is never a headline."""
    return bool(_reply_pattern().match(line.text))


_SIGNATURE = re.compile(r"^(?P<name>[^,]{4,60}),\s*(?P<rest>[^\d,][^,]{2,80})(?:,\s*(?:\w+\s+)?(?:19|20)\d\d)?$")  # "..., 2005", "..., mei 2005"


@dataclass(frozen=True)
class Signature:
    line: Line
    name: Mention
    role_and_org: Mention


def signature(line: Line, organisation_only: bool = False) -> Signature | None:
    """A signature line "Name, role Organisation" standing alone (a closing signature or a
    caption); with ``organisation_only`` also "Name, Organisation", which as a caption is too
    common to mark the end of an article but does sign one at its very end. A markdown heading
    ("## Name, role") titles what follows it, a testimony or a box, and signs nothing."""
    if line.blank or line.heading_level or line.words > 14 or line.text.endswith((".", "?", "!", "-", "–")):
        return None
    match = _SIGNATURE.match(line.text)
    if not match or not is_person_name(match.group("name").strip()):
        return None
    span = line.span()
    if span.end - span.start != len(line.text):
        return None
    name = match.group("name").strip()
    rest = match.group("rest").strip()
    if not (rest[:1].islower() or organisation_only):  # roles are common nouns
        return None
    name_at = span.start + line.text.find(name)
    rest_at = span.start + match.start("rest") + (len(match.group("rest")) - len(match.group("rest").lstrip()))
    return Signature(line, Mention(name, Span(name_at, name_at + len(name))), Mention(rest, Span(rest_at, rest_at + len(rest))))
