"""Affiliations that bios state for several people at once.

A bio sentence opens with one or more names and a bio verb ("X en Y zijn onderzoekers bij het
lectoraat A van Hogeschool B en werken voor Werkplaats C."): every organisation the sentence names
is an affiliation of each of them: lectoraat, hogeschool and werkplaats alike; but "X en Y zijn
respectievelijk lector bij A en onderzoeker bij B" pairs them in order. A sentence that
goes on about them ("Zij zijn beiden verbonden aan ...", "Alle drie zijn tevens verbonden
aan ...", "Hij is daarnaast lector aan ...") adds its organisations to the same people. The
verbs and the pronouns are data (``kg/data/bio_verbs.txt``, ``kg/data/bio_pronouns.txt``). An
organisation the sentence names to describe the one before it ("bij A, partner van B", "bij
Lectoraat C, waaronder Werkplaats D valt", "E (EA)") is not theirs.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Span

from kg.data import word_list
from kg.extract.roles import Affiliation, affiliation_words, describes_organisation, job_titles
from kg.nlp.doctext import text_of
from kg.nlp.person_lexicon import load_lexicon
from kg.segment.bios import bio_verbs, sentence_ranges

_RESPECTIVELY = re.compile(r"\brespectievelijk\b", re.IGNORECASE)
_LIST_GLUE = re.compile(r"^[\s■▪●*_,&]*(?:en|and)?[\s*_,&]*$")
PRONOUN_REACH = 4  # words before the pronoun that goes on about a bio's people ("Sinds 2000 is hij ...")
CHAIN = 3  # sentences after a bio sentence that may go on about its people


@lru_cache(maxsize=1)
def _verb() -> re.Pattern[str]:
    return re.compile(rf"^[\s*_]*(?:{bio_verbs()})\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _pronoun() -> re.Pattern[str]:
    words = "|".join(re.escape(p) for p in sorted(word_list("bio_pronouns.txt"), key=len, reverse=True))
    return re.compile(rf"^\s*(?:\S+\s+){{0,{PRONOUN_REACH}}}?(?:{words})\b", re.IGNORECASE)


def _about_work(sentence: str) -> bool:
    """A sentence that states where someone works: a job title or a word that ties them to an organisation."""
    words = set(re.findall(r"[\w-]+", sentence.casefold()))
    return bool(words & (job_titles() | affiliation_words())) or any(w.endswith(tuple(job_titles())) for w in words)


def _subjects(text: str, start: int, persons: list[Span]) -> list[Span]:
    """The people a sentence opens with, when only names, list glue and marks come before its bio verb."""
    subjects: list[Span] = []
    position = start
    for person in persons:
        if person.start_char < position:
            continue
        if not _LIST_GLUE.match(_without_titles(text[position:person.start_char])):
            break
        subjects.append(person)
        position = person.end_char
    return subjects if subjects and _verb().match(text[position:position + 30]) else []


def _without_titles(glue: str) -> str:
    return " ".join(word for word in glue.split(" ") if word.casefold() not in load_lexicon().titles)


def bio_affiliations(doc: Doc) -> list[Affiliation]:
    """Every (person, organisation) a bio sentence, or the sentences that go on about its people, states."""
    text = text_of(doc)
    persons = sorted(doc.spans.get("persons", []), key=lambda s: s.start_char)
    organisations = sorted(doc.spans.get("organisations", []), key=lambda s: s.start_char)
    found: list[Affiliation] = []
    previous: list[Span] = []
    since = CHAIN
    for start, end in sentence_ranges(text):
        sentence = text[start:end]
        subjects = _subjects(text, start, [p for p in persons if start <= p.start_char < end])
        since = 0 if subjects else since + 1
        if not subjects and previous and since <= CHAIN and _pronoun().match(sentence) and _about_work(sentence):
            subjects = previous
        previous = subjects or previous
        named = _stated(text, [o for o in organisations if start <= o.start_char < end])
        if _RESPECTIVELY.search(sentence) and len(subjects) == len(named) > 1:
            found += [Affiliation(person, None, org) for person, org in zip(subjects, named)]
        else:
            found += [Affiliation(person, None, org) for person in subjects for org in named]
    return found


def _stated(text: str, named: list[Span]) -> list[Span]:
    """The organisations of a sentence that its people belong to: not those it names only to
    describe the one before ("bij A, partner van B"; "Loket C, een proeftuin van D")."""
    return [org for previous, org in zip([None, *named], named) if previous is None or not describes_organisation(text[previous.end_char:org.start_char])]
