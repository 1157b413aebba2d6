"""One node per real entity across the corpus.

Persons: names that share a surname and compatible given names or initials ("J. Janssen",
"Janine Janssen") are one person, named by their fullest printed form; two different given
names ("Jan Janssen", "Janine Janssen") stay two people, and an initial that fits both stays
apart. A double surname's first part under the same given name ("Janny Bakker", "Janny
Bakker-Klein") is the same person. Organisations: a gazetteer id names one organisation whatever the surface form.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from kg.extract.names import initials, is_full_name, surname
from kg.model import Extraction
from kg.nlp.gazetteer import Gazetteer
from kg.rdf.iris import name_key


def _compatible(a: str, b: str) -> bool:
    x, y = initials(a), initials(b)
    return bool(x) and bool(y) and (x.startswith(y) or y.startswith(x))


def _has_given_name(name: str) -> bool:
    first = name.split()[0]
    return len(first.rstrip(".")) > 1 and not first.endswith(".")


def _same_given_name(name: str, candidate: str, key: str) -> bool:
    """Whether ``candidate`` may be the person ``name`` names: the same given name, or ``name`` has
    initials only; a double surname stands for its first part only under the same given name."""
    if not _has_given_name(name):
        return surname(candidate) == key
    return candidate.split()[0] == name.split()[0]


def _spelling(names: set[str]) -> str:
    """One spelling for names equal but for case and diacritics: as printed in running text
    (not in capitals), with its diacritics."""
    return min(names, key=lambda n: (n.isupper(), -sum(not c.isascii() for c in n), n))


class PersonResolver:
    def __init__(self, names: Iterable[str]) -> None:
        spellings: dict[str, set[str]] = defaultdict(set)
        for name in names:
            cleaned = " ".join(name.split())
            spellings[name_key(cleaned)].add(cleaned)
        self.spelling = {variant: _spelling(group) for group in spellings.values() for variant in group}
        by_surname: dict[str, set[str]] = defaultdict(set)
        for name in set(self.spelling.values()):
            if is_full_name(name):
                by_surname[surname(name)].add(name)
                if "-" in surname(name):  # "Janny Bakker" is often "Janny Bakker-Klein" shortened
                    by_surname[surname(name).split("-")[0]].add(name)
        self.canonical: dict[str, str] = {}
        for key, group in by_surname.items():
            full = sorted((n for n in group if _has_given_name(n)), key=lambda n: (-len(n), n))
            for name in sorted(n for n in group if surname(n) == key):
                matches = [f for f in full if _compatible(name, f) and _same_given_name(name, f, key)]
                distinct = {f.split()[0] for f in matches}
                self.canonical[name] = matches[0] if len(distinct) == 1 else name

    def name(self, surface: str) -> str:
        cleaned = " ".join(surface.split())
        name = self.spelling.get(cleaned, cleaned)
        while self.canonical.get(name, name) != name:  # "J. Bakker" -> "Janny Bakker" -> "Janny Bakker-Klein"
            name = self.canonical[name]
        return name


def person_resolver(extractions: list[Extraction]) -> PersonResolver:
    names: list[str] = []
    for extraction in extractions:
        for article in extraction.articles:
            names += [p.name.text for p in (*article.authors, *article.interviewees, *article.persons)]
            names += [r.by for r in article.recommendations if r.by]
    return PersonResolver(names)


def organisation_names(extractions: list[Extraction]) -> dict[str, str]:
    """For organisations the gazetteer does not know: identity key -> the one name to print,
    the most frequent surface of those that share the key ("U-Centraal", "U Centraal")."""
    surfaces: dict[str, Counter[str]] = defaultdict(Counter)
    for extraction in extractions:
        for article in extraction.articles:
            people = (*article.authors, *article.interviewees, *article.persons)
            for mention in (*article.organisations, *(o for p in people for o in p.affiliations)):
                if not mention.key:
                    surface = " ".join(mention.text.split())
                    surfaces[name_key(surface)][surface] += 1
    return {key: min(counts, key=lambda s: (-counts[s], -len(s), s)) for key, counts in surfaces.items()}


@dataclass(frozen=True)
class Resolver:
    persons: PersonResolver
    organisations: Gazetteer
    organisation_names: dict[str, str]

    def person(self, surface: str) -> str:
        return self.persons.name(surface)

    def organisation_name(self, key: str) -> str | None:
        """The printed name of an organisation the gazetteer does not know, by identity key."""
        return self.organisation_names.get(key)


@dataclass
class NameLog:
    """The names one source's graph resolved, as the corpus resolved them. A source's graph depends
    on the rest of the corpus only through these (``kg.parts`` keeps a cached graph while the corpus
    still resolves them alike: `kg/parts.py`)."""

    persons: dict[str, str]
    organisations: dict[str, str | None]

    def agrees(self, resolver: Resolver) -> bool:
        return all(resolver.person(s) == n for s, n in self.persons.items()) and all(
            resolver.organisation_name(k) == n for k, n in self.organisations.items()
        )


class RecordingResolver(Resolver):
    """A resolver that notes every name it gives in ``log``."""

    def __init__(self, resolver: Resolver) -> None:
        super().__init__(resolver.persons, resolver.organisations, resolver.organisation_names)
        object.__setattr__(self, "log", NameLog({}, {}))

    def person(self, surface: str) -> str:
        name = self.log.persons[surface] = super().person(surface)
        return name

    def organisation_name(self, key: str) -> str | None:
        name = self.log.organisations[key] = super().organisation_name(key)
        return name


def resolver(extractions: list[Extraction], gazetteer: Gazetteer) -> Resolver:
    return Resolver(person_resolver(extractions), gazetteer, organisation_names(extractions))
