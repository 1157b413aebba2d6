"""Roles and affiliations from bios and appositions around a person's name.

Shapes, each general to the genre:
- "X, senior-adviseur bij Movisie"; "X (coördinator bij Humanitas)"; "X is lector Y aan Avans
  Hogeschool en bijzonder hoogleraar aan de Open Universiteit" (a bio chains roles and organisations);
- "X (Institute for Positive Health)"; "X van het Landelijk Steunpunt Verlies"; "X werkt al elf
  jaar bij de Hanze" (a verb of working, a few words, the organisation);
- "Movisie-bestuurder X" (organisation-role compound before the name, the organisation being
  mentioned elsewhere in the article);
- "staatssecretaris Blokhuis", "filosoof Daan Roovers" (a role noun before the name);
- "X, Y en Z (Buurtbedrijf)" (a list of names, one organisation);
- "De Kinderombudsman, X, ..." (the organisation before the name, the name set off by commas);
  "X, Trouw-verslaggever" (an organisation-role compound after the name).

An organisation that the text ties to the previous organisation rather than to the person
("bij Stichting Z, partner van Werkplaats A"; "Loket B, een proeftuin van de Kerk C"; "bij
Lectoraat D, waaronder Werkplaats E valt"; "Universiteit F (UF)") is not the person's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span

from kg.data import word_list
from kg.nlp.doctext import text_of

MAX_GAP = 120  # characters between a name and the organisation of its bio
_LINK = r"(?:van|bij|aan|op|voor|binnen|namens)"
_ROLE = r"(?P<role>[a-zéë][^,;.()?!‘’:]{1,70}?)"
_KIND = r"(?:[a-zé][\w-]*(?:organisatie|centrum|instelling|corporatie|instituut|stichting|vereniging|opvang|team|aanbieder)\s+)?"  # "van vrouwenopvangcentrum X"
_APPOSITION = re.compile(rf"\s*(?:,\s*(?:die\s+|zij\s+|hij\s+)?(?:is\s+|was\s+)?|\s+(?:is|was|werkt als)\s+|\s*\(\s*){_ROLE}\s+{_LINK}\s+(?:de\s+|het\s+)?{_KIND}")
_CHAIN = re.compile(rf"\s*(?:,\s*|\s+en\s+|,\s*en\s+){_ROLE}\s+{_LINK}\s+(?:de\s+|het\s+)?")
_PLAIN_LINK = re.compile(rf"\s*,?\s*{_LINK}\s+(?:de\s+|het\s+)?{_KIND}")
_PARENTHESIS = re.compile(r"\s*\(\s*")
_WORKS = re.compile(r"\s+(?:werkt|werkte)\s+(?:[\w’']+\s+){0,5}?(?:bij|voor)\s+(?:de\s+|het\s+)?")  # "X werkt al elf jaar bij de Hanze"
_MARKS = re.compile(r"[*_]*")
_CONTACT = re.compile(r"\s*\([^()]*@[^()]*\)")
_COMPOUND_BEFORE = re.compile(r"(?P<org>[\w.&]+)-(?P<role>[a-zé][a-zé-]+)\s+$")
_ROLE_ONLY = re.compile(r",\s*(?P<role>[a-zé][^,;.()?!‘’:\n]{2,70}?)\s*(?=$|\n|[.;])")
_LIST_GLUE = re.compile(r"\s*(?:,|en|&|,\s*en)\s*")
_COMPOUND_AFTER = re.compile(r"-(?P<role>[a-zé][a-zé]+)\b")
_BRACKETED = re.compile(r"\s*\(\s*(?P<name>[^()\n]{2,80}?)\s*\)")
_GLOSS = re.compile(r"[^()\n]*\bred\.\s*\)")
_SET_OFF = re.compile(r"\s*,\s*$")
_ALIAS = re.compile(r"\s*\(\s*")
_DESCRIPTION = re.compile(r"\s*,\s*(?P<article>een\s+|de\s+|het\s+)?(?P<noun>[a-zé][\w-]*)\s+(?:van|bij)\s+(?:de\s+|het\s+)?")
_VERB_HINT = re.compile(r"\b(heeft|hebben|wordt|werd|is|zijn|zegt|vindt|gaat|kan|moet|bij)\b")


@dataclass(frozen=True)
class Affiliation:
    person: Span
    role: tuple[int, int] | None  # character offsets in the doc
    organisation: Span | None
    introduces: bool = True  # False for a role noun before the name: someone talked about, not to


def job_titles() -> frozenset[str]:
    return word_list("job_titles.txt")


def affiliation_words() -> frozenset[str]:
    return word_list("affiliation_words.txt")


def organisation_clauses() -> frozenset[str]:
    return word_list("organisation_clauses.txt")


def organisation_relations() -> frozenset[str]:
    return word_list("organisation_relations.txt")


def describes_organisation(between: str) -> bool:
    """Whether the words between two organisations of a bio tie the second to the first, not to
    the person: an alias in brackets, a relative clause, or an apposition whose noun is no job
    title: "een proeftuin van", or without an article a noun that relates organisations
    ("partner van", ``kg/data/organisation_relations.txt``)."""
    if _ALIAS.fullmatch(between):
        return True
    if set(re.findall(r"[\w-]+", between.casefold())) & organisation_clauses():
        return True
    description = _DESCRIPTION.fullmatch(between)
    if description is None or description.group("noun") in job_titles():
        return False
    # without an article, only a noun known to relate organisations: ", werkte bij" goes on about the person
    return bool(description.group("article")) or description.group("noun") in organisation_relations()


def _role_span(doc: Doc, start: int, match: re.Match[str]) -> tuple[int, int] | None:
    """The role of an apposition; None for none, or for a word that only ties the person to the
    organisation ("verbonden aan"): the affiliation stands, without a job title."""
    role = match.group("role").strip()
    if not role or len(role.split()) > 8 or _VERB_HINT.search(role) or role.lower() in affiliation_words():
        return None
    at = start + match.start("role")
    filler = _filler().match(role)  # "sinds 2019 wethouder", "werkzaam als onderzoeker"
    if filler and filler.end() < len(role):
        at, role = at + filler.end(), role[filler.end():]
    return at, at + len(role)


@lru_cache(maxsize=1)
def _filler() -> re.Pattern[str]:
    """Words before a role that are no part of it (``kg/data/role_fillers.txt``) and numbers."""
    words = "|".join(re.escape(w) for w in sorted(word_list("role_fillers.txt"), key=len, reverse=True))
    return re.compile(rf"(?:(?:{words}|\d+)\s+)+", re.IGNORECASE)


def _after(doc: Doc, person: Span, organisations: list[Span]) -> list[Affiliation]:
    found: list[Affiliation] = []
    text = text_of(doc)
    following = [o for o in organisations if person.end_char <= o.start_char <= person.end_char + MAX_GAP]
    position = _past_contact(text, person.end_char)
    for org in following:
        between = text[position:org.start_char]
        if not found:
            apposition = _APPOSITION.fullmatch(between)
            if _GLOSS.match(text, org.end_char) and "(" in between:
                break  # "X (fractievoorzitter van Partij Y, red.)": the editor's gloss on someone quoted from elsewhere
            if apposition:
                found.append(Affiliation(person, _role_span(doc, position, apposition), org))
            elif _PARENTHESIS.fullmatch(between) or _PLAIN_LINK.fullmatch(between) or _WORKS.fullmatch(between):
                found.append(Affiliation(person, None, org))
            elif _SET_OFF.fullmatch(between) and (compound := _COMPOUND_AFTER.match(text, org.end_char)):
                at = compound.start("role")
                found.append(Affiliation(person, (at, compound.end("role")), org))
            else:
                break
        else:
            chained = _CHAIN.fullmatch(between)
            if not chained or describes_organisation(between):
                break
            found.append(Affiliation(person, _role_span(doc, position, chained), org))
        position = org.end_char
    return found


def _past_contact(text: str, position: int) -> int:
    """Where the bio after a name goes on, past the marks that set the name in bold and the
    person's e-mail address in brackets: "**Hilde Bakker** (h.bakker@movisie.nl) van Movisie"
    reads as "Hilde Bakker van Movisie"."""
    marks = _MARKS.match(text, position)
    contact = _CONTACT.match(text, marks.end())
    return contact.end() if contact else marks.end()


def _before(doc: Doc, person: Span, organisations: list[Span]) -> list[Affiliation]:
    text = text_of(doc)
    window = text[max(0, person.start_char - 60):person.start_char]
    compound = _COMPOUND_BEFORE.search(window)
    if compound:
        # "Movisie-bestuurder" is one token: the organisation is known from its other mentions
        org = next((o for o in organisations if o.text == compound.group("org")), None)
        if org is not None:
            at = person.start_char - len(window) + compound.start("role")
            return [Affiliation(person, (at, at + len(compound.group("role"))), org)]
    words = window.rstrip().split(" ")
    for size in (3, 2, 1):
        candidate = " ".join(words[-size:]).strip().lower()
        if candidate in job_titles():
            at = person.start_char - len(window) + window.rstrip().rfind(" ".join(words[-size:]))
            return [Affiliation(person, (at, at + len(candidate)), None, introduces=False)]
    return []


def _with_role_before(doc: Doc, person: Span, after: list[Affiliation], organisations: list[Span]) -> list[Affiliation]:
    """The role before a name for an organisation after it: "directeur Jan Smit van Stichting Y"."""
    if not after or after[0].role is not None:
        return after
    before = _before(doc, person, organisations)
    if not before or before[0].organisation is not None:
        return after
    return [Affiliation(person, before[0].role, after[0].organisation), *after[1:]]


def _listed(doc: Doc, person: Span, persons: list[Span], organisations: list[Span]) -> list[Affiliation]:
    """A name, or a name in a list, followed by an organisation in brackets: "X, Y en Z
    (Buurtbedrijf)", also when the organisation is recognised only at another of its mentions
    ("de woningcorporatie Buurtbedrijf")."""
    text = text_of(doc)
    position = person.end_char
    for other in (p for p in persons if p.start_char >= person.end_char):
        if not _LIST_GLUE.fullmatch(text[position:other.start_char]):
            break
        position = other.end_char
    bracket = _BRACKETED.match(text, position)
    if not bracket:
        return []
    named = (o for o in organisations if o.start_char == bracket.start("name") or o.text == bracket.group("name"))
    org = next(named, None)
    return [Affiliation(person, None, org)] if org is not None else []


def _set_off(doc: Doc, person: Span, organisations: list[Span]) -> list[Affiliation]:
    """The organisation just before a name set off by commas: "De Kinderombudsman, X, ziet ...";
    "zegt projectleider van Movisie, X, ..."."""
    text = text_of(doc)
    if not text.startswith(",", person.end_char):
        return []
    org = next((o for o in reversed(organisations) if o.end_char <= person.start_char), None)
    if org is None or not _SET_OFF.fullmatch(text[org.end_char:person.start_char]):
        return []
    return [Affiliation(person, None, org)]


def _role_only(doc: Doc, person: Span) -> list[Affiliation]:
    """A caption or signature "X, bijzonder hoogleraar Grondslagen ..." that ends its line."""
    match = _ROLE_ONLY.match(text_of(doc), person.end_char)
    if not match or not any(match.group("role").startswith(title) for title in job_titles()):
        return []
    role = _role_span(doc, 0, match)  # the match was made on the whole text: offsets are absolute
    return [Affiliation(person, role, None)] if role else []


def find_affiliations(doc: Doc) -> list[Affiliation]:
    """Roles and affiliations stated next to each person mention of the doc."""
    organisations = sorted(doc.spans.get("organisations", []), key=lambda s: s.start_char)
    persons = sorted(doc.spans.get("persons", []), key=lambda s: s.start_char)
    found: list[Affiliation] = []
    for person in persons:
        found.extend(
            _with_role_before(doc, person, _after(doc, person, organisations), organisations)
            or _listed(doc, person, persons, organisations)
            or _set_off(doc, person, organisations)
            or _before(doc, person, organisations)
            or _role_only(doc, person)
        )
    return found
