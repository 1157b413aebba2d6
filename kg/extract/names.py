"""Shapes of personal names as Dutch texts print them.

A name is 2-6 tokens: capitalised given names or initials, optional particles (van, de, van der,
ter, in 't ...), and a capitalised surname that may be hyphenated (Bakker-Klein) or carry
diacritics (Ročak). Lists of names are split on commas, "en" and "&".
"""

from __future__ import annotations

import re

from kg.data import word_list
from kg.model import Mention, Span

_SPLIT = re.compile(r"\s*(?:,|;|\s&\s|\sen\s|\sand\s)\s*")
INITIAL = re.compile(r"^(?:[A-Z]\.){1,4}$|^[A-Z][a-z]?\.$")


def particles() -> frozenset[str]:
    return word_list("name_particles.txt")


def _capitalised(token: str) -> bool:
    core = token.strip("’'()")
    letters = core.rstrip("-–").replace("-", "").replace("’", "").replace("'", "")
    return len(core) >= 2 and core[0].isupper() and any(c.islower() for c in core[1:]) and letters.isalpha()


def is_person_name(text: str) -> bool:
    """True when ``text`` has the shape of a personal name (not whether it is one)."""
    tokens = text.split()
    if not 2 <= len(tokens) <= 6:
        return False
    if not (_capitalised(tokens[-1])):
        return False
    first = tokens[0]
    if not (_capitalised(first) or INITIAL.match(first)):
        return False
    for token in tokens[1:-1]:
        if not (_capitalised(token) or INITIAL.match(token) or token.lower() in particles()):
            return False
    return not all(t.isupper() for t in tokens)


def split_names(text: str, offset: int) -> list[Mention]:
    """Split a list of names ("A, B en C") found at ``offset``; keep only name-shaped parts."""
    names: list[Mention] = []
    position = 0
    for part in _SPLIT.split(text):
        start = text.find(part, position)
        position = start + len(part)
        name = _once(without_titles(part.strip(" .:*_")))
        if name and is_person_name(name):
            local = text.find(name, start)
            names.append(Mention(name, Span(offset + local, offset + local + len(name))))
    return names


def _once(name: str) -> str:
    """A name printed twice in a row (a web page's picture text and link: "Bianca Smit Bianca
    Smit") once."""
    tokens = name.split(" ")
    half = len(tokens) // 2
    return " ".join(tokens[:half]) if len(tokens) % 2 == 0 and half >= 2 and tokens[:half] == tokens[half:] else name


def without_titles(text: str) -> str:
    """The name without the titles printed before it: "Prof. dr. Geert van der Laan" -> "Geert van der Laan"."""
    from kg.nlp.person_lexicon import load_lexicon  # the lexicon reads this module's particles

    tokens = text.split(" ")
    cut = 0
    while cut < len(tokens) - 2 and tokens[cut].casefold() in load_lexicon().titles:
        cut += 1
    return " ".join(tokens[cut:])


def surname(name: str) -> str:
    """The surname without particles, case-folded: "Anne-Marie van Bergen" -> "bergen"."""
    tokens = [t for t in name.replace(".", ". ").split() if t]
    kept = [t for t in tokens[1:] if t.lower() not in particles()] if len(tokens) > 1 else tokens
    return (kept[-1] if kept else tokens[-1]).casefold()


def initials(name: str) -> str:
    """First letters of the given names or initials: "Janine Janssen" -> "j", "A.J. de Boer" -> "aj"."""
    tokens = name.replace(".", ". ").split()
    given = [t for t in tokens[:-1] if t.lower() not in particles()]
    return "".join(t[0] for t in given).casefold()


def is_full_name(name: str) -> bool:
    """More than a surname: a given name or an initial, and a surname."""
    return len(name.split()) >= 2
