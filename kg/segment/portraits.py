"""Portraits and testimonials: a box headed by a person's name ("Hans van Steenis (85)",
"Jessica Jansen, ervaringsdeskundige bij Werkplaats X") over a text in the first person."""

from __future__ import annotations

import itertools
import re
from dataclasses import replace
from functools import lru_cache

from kg.extract.roles import affiliation_words, job_titles
from kg.extract.signatures import role_and_organisation
from kg.model import Mention, PersonRecord
from kg.nlp.organisations import DEFAULT_PATTERNS, PatternData
from kg.segment.credits import mention_in, person_name
from kg.segment.lines import Line

_PORTRAIT_HEAD = re.compile(r"^(?P<name>[^,()]{4,70}?)(?:\s*\(\d{1,3}\))?(?:,\s*(?P<tail>[^,]{3,120}))?$")
_FIRST_PERSON = re.compile(r"\b(?:ik|mijn|mij|me|wij|we|ons|onze)\b", re.IGNORECASE)
PORTRAIT_OPENING = 60  # words at the start of a portrait's text that must speak in the first person
DESCRIPTOR_LINES = 3  # role and organisation lines between a portrait's name and its text
DESCRIPTOR_WORDS = 10
QUOTES = "'‘\"“"
_TIE = re.compile(r"^\w+\s+(?:bij|aan|voor)\s+(?:de\s+|het\s+)?(?=[A-Z])")  # "Werkzaam bij", "Verbonden aan de"


def portrait(lines: list[Line], index: int) -> PersonRecord | None:
    """The person a box headed by ``lines[index]`` portrays: the heading is a name (with an age
    or "role bij organisation" after it), and the text under it is theirs, in the first person,
    opening with a quote mark. Short lines between the name and the text say who they are: a
    role ("Adviseur en vrijwilligerscoördinator") or an organisation ("GGD Drenthe")."""
    match = _PORTRAIT_HEAD.match(lines[index].text)
    name = person_name(match.group("name")) if match else None
    inline = _role_in_heading(lines[index]) if match and name is None and not match.group("tail") else None
    if inline is not None:
        name = inline[0]
    if match is None or name is None:
        return None
    following = [line for line in lines[index + 1:index + 16] if not line.blank]
    described = list(itertools.takewhile(_descriptor, following[:DESCRIPTOR_LINES]))
    body = following[len(described)] if len(following) > len(described) else None
    if body is None or body.heading_level or body.text[:1] not in QUOTES or not _FIRST_PERSON.search(" ".join(_opening_words(lines, body.index))):
        return None
    line = lines[index]
    person = PersonRecord(mention_in(line, name))
    if match.group("tail"):
        role, organisation = role_and_organisation(mention_in(line, match.group("tail"), len(match.group("name"))))
        person.roles += [role] if role else []
        person.affiliations += [replace(organisation, context=person.name.span.through(organisation.span))] if organisation else []
    for descriptor in ([inline[1]] if inline else []) + described:
        if descriptor.text == line.text:
            continue  # the name printed again, as a page prints it over a photo
        role, organisations = _described(descriptor)
        person.roles += [role] if role else []
        person.affiliations += [replace(name, context=person.name.span.through(name.span)) for name in organisations]
    return person


def _opening_words(lines: list[Line], index: int) -> list[str]:
    """The first :data:`PORTRAIT_OPENING` words of the paragraph that starts at ``lines[index]``:
    a PDF breaks the text into printed lines, a markdown file keeps a paragraph on one."""
    words: list[str] = []
    for line in lines[index:]:
        if line.blank or len(words) >= PORTRAIT_OPENING:
            break
        words += line.text.split()
    return words[:PORTRAIT_OPENING]


def _role_in_heading(line: Line) -> tuple[str, Line] | None:
    """A heading that runs a name into its role without a comma, as a PDF extraction joins the
    lines of a portrait's head ("Sander de Wit Teamleider Werk & Inkomen gemeente Ede"): the name
    before the first job title, and the rest as a descriptor line."""
    words = list(re.finditer(r"\S+", line.text))
    for cut in range(2, len(words)):
        word = words[cut].group()
        if word[:1].isupper() and word.casefold().endswith(tuple(job_titles())):
            name = person_name(line.text[: words[cut].start()])
            return (name, line.part(line.text[words[cut].start():])) if name else None
    return None


def _described(line: Line) -> tuple[Mention | None, list[Mention]]:
    """What a descriptor line says: a role ("Adviseur"), an organisation ("GGD Drenthe"), a
    role before its organisation ("Docent-onderzoeker Lectoraat Sociale Integratie"), or an
    organisation after a word that ties a person to it ("Werkzaam bij Zuyd Hogeschool"). A dash
    at the end joins the next line ("Ambtenaar gemeente X –" / "Werkplaats Y") and is not part of it."""
    if line.text.rstrip(" –-") != line.text:
        if not line.text.rstrip(" –-"):
            return None, []  # a dash alone says nothing
        line = line.part(line.text.rstrip(" –-"))
    words = line.text.split()
    folded = [w.casefold() for w in words]
    tie = _TIE.match(line.text)
    if tie and folded[0] in affiliation_words():
        return None, _organisations(line, tie.end())
    if folded[-1].endswith(tuple(job_titles())):
        return mention_in(line, line.text), []
    if folded[0].endswith(tuple(job_titles())):
        name = next((i for i, w in enumerate(words) if i > 0 and w[:1].isupper()), len(words))
        cut = _head_start(folded, name) if name < len(words) else name  # "Adviseur gemeente" alone names no municipality
        if cut == name and (later := _head_start(folded, len(words) - 1)) < len(words) - 1:
            cut = later  # "Teamleider Werk & Inkomen gemeente Ede": the role runs on to the municipality
        role = " ".join(words[:cut])
        return mention_in(line, role), (_organisations(line, len(role) + 1) if cut < len(words) else [])
    return None, _organisations(line)


def _head_start(folded: list[str], cut: int) -> int:
    """Where the organisation starts when the words before ``cut`` end in a head that an
    organisation's name may carry in lower case ("Beleidsadviseur gemeente Uithoorn")."""
    return next((k for k in range(1, cut) if " ".join(folded[k:cut]) in _lowercase_heads()), cut)


@lru_cache(maxsize=1)
def _lowercase_heads() -> frozenset[str]:
    return frozenset(PatternData.load(DEFAULT_PATTERNS).lowercase_heads)


def _organisations(line: Line, at: int = 0) -> list[Mention]:
    """The organisations of a descriptor line (from ``at``): "Stichting A en Werkplaats B" are
    two, each part opening with a capital; "Zorg en Welzijn Oost" (a lower-case part) stays one name."""
    text = line.text[at:]
    parts = re.split(r"\s+(?:en|&)\s+", text)
    if len(parts) > 1 and all(part[:1].isupper() and len(part.split()) >= 2 for part in parts):
        return [mention_in(line, part, at) for part in parts]
    return [mention_in(line, text, at)]


def _descriptor(line: Line) -> bool:
    """A short line under a portrait's name that says who they are, not the start of their text."""
    return line.words <= DESCRIPTOR_WORDS and line.text[:1] not in QUOTES and not line.ends_sentence
