"""Word lists for recognising persons: deduce's name lists and our cue words.

First names, surnames, name particles and titles come from the data folder of the ``deduce``
package (read as plain files with ``importlib.resources``; deduce itself is never imported or
started). Like deduce, a list's ``exceptions.txt`` is subtracted from its ``items.txt``: it holds
names that are mostly ordinary words ("April", "Mei", "Juli", "Kerst", "Door", "Dan").

Names are compared *folded* (lower case, no diacritics): "Maaïke" is listed as "Maaike".
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING


from kg.extract.names import particles
from kg.lexicon import zipf
from kg.prepared import prepared

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

_NAMES = ("deduce", "data/lookup/src/names")
_SECTIONS = ("speech", "role", "organisation")
#: Below this Zipf frequency (about once in a million words) a capitalised Dutch word is more
#: likely a name than a word: "afiah" 0.0, "oka" 2.5, "movisie" 2.1; "denker" 3.4, "werk" 5.8.
_RARE_ZIPF = 3.0


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case without diacritics, typographic apostrophes as ``'``: "Ročak" -> "rocak"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("’", "'").lower()


@dataclass(frozen=True)
class PersonLexicon:
    """Folded word sets; see ``load_lexicon``."""

    first_names: frozenset[str]
    #: Also the names deduce excepts as usually ordinary words ("Jun", "Dan"): safe once a
    #: known first name precedes them ("Rui Jun Luong").
    any_first_names: frozenset[str]
    surnames: frozenset[str]
    #: Particle sequences before a surname, words joined by one space: "van der", "in 't", "ten".
    particles: frozenset[str]
    #: Titles and forms of address before a name: "dr.", "prof.", "mevrouw", "heer".
    titles: frozenset[str]


@dataclass(frozen=True)
class PersonCues:
    """Folded cue words from ``kg/data/person_cues.txt``, one set per section."""

    #: Speech verbs next to a name, on either side: "zegt Roovers", "Roovers vertelt".
    speech: frozenset[str]
    #: Functions right before a name, also ending a compound: "staatssecretaris Blokhuis",
    #: "Movisie-bestuurder Bakker", "opbouwwerker Rutte".
    role: frozenset[str]
    #: Words that make the name after them part of an organisation or place: "Stichting".
    organisation: frozenset[str]


@lru_cache(maxsize=65536)
def is_rare_word(folded: str) -> bool:
    """True when ``folded`` is no common Dutch word (by wordfreq), so it may well be a name."""
    return zipf(folded) < _RARE_ZIPF


def may_be_given_name(word: str) -> bool:
    """A known first name, or no common Dutch word: "Janine", "Afiah"; not "Sociaal" or "Werkplaatsen"."""
    folded = fold(word)
    return folded in load_lexicon().any_first_names or is_rare_word(folded)


def _names_dir() -> Path:
    """deduce's name lists, found without importing deduce: importing it points the root logger
    at stdout at DEBUG level, and every library's debug lines would be printed."""
    package, folder = _NAMES
    spec = find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(f"the name lists of the {package} package are needed: pip install {package}")
    return Path(next(iter(spec.submodule_search_locations))) / folder


def _lines(path: Traversable) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _items(name: str, *, with_exceptions: bool = False) -> frozenset[str]:
    folder = _names_dir().joinpath(name)
    items = {fold(item) for item in _lines(folder.joinpath("items.txt"))}
    exceptions = folder.joinpath("exceptions.txt")
    if not with_exceptions and exceptions.is_file():
        items -= {fold(item) for item in _lines(exceptions)}
    return frozenset(items)


def _particle_phrases() -> frozenset[str]:
    """deduce's interfixes ("van der", "in 't", "te") and our foreign particles ("von", "du").

    Our file also lists the parts of longer particles ("in", "op"); alone, such a part is a
    preposition ("Marjet in Utrecht"), so a single word of ours that is a stop word only counts
    as a particle where deduce lists it.
    """
    from spacy.lang.nl.stop_words import STOP_WORDS  # read once per machine (kg/prepared.py): spaCy loads in 0.7 s

    ours = {fold(p) for p in particles()} - STOP_WORDS
    return _items("lst_interfix") | frozenset(ours)


@lru_cache(maxsize=1)
def load_lexicon() -> PersonLexicon:
    """The name lists, loaded once (and read into sets once per machine: `kg/prepared.py`)."""
    return prepared("person-lexicon", _read_lexicon)


def _read_lexicon() -> PersonLexicon:
    prefixes = _items("lst_prefix")
    return PersonLexicon(
        first_names=_items("lst_first_name"),
        any_first_names=_items("lst_first_name", with_exceptions=True),
        surnames=_items("lst_surname"),
        particles=_particle_phrases(),
        # "de heer" -> "heer": the article before it is no title of its own.
        titles=frozenset(phrase.split()[-1] for phrase in prefixes),
    )


@lru_cache(maxsize=1)
def credit_labels() -> frozenset[str]:
    """Labels of a photo credit ("foto", "beeld") from ``kg/data/person_credits.txt``."""
    lines = _lines(resources.files("kg.data").joinpath("person_credits.txt"))
    return frozenset(line for line in lines if not line.startswith("#"))


@lru_cache(maxsize=4)
def load_cues(path: str | None = None) -> PersonCues:
    """Cue words from ``path`` (default: the project's ``kg/data/person_cues.txt``).

    The file has ``[speech]``, ``[role]`` and ``[organisation]`` sections, one word a line.
    """
    source = Path(path) if path else resources.files("kg.data").joinpath("person_cues.txt")
    sections: dict[str, set[str]] = {name: set() for name in _SECTIONS}
    current: set[str] | None = None
    for line in _lines(source):
        if line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections[line[1:-1]]
        elif current is None:
            raise ValueError(f"{source}: cue word {line!r} before any [section]")
        else:
            current.add(fold(line))
    return PersonCues(**{name: frozenset(words) for name, words in sections.items()})
