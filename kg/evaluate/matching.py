"""How a careful reader decides that two mentions denote the same thing.

There is one function per kind of thing: :func:`match_person`, :func:`match_organisation`,
:func:`match_title`, :func:`match_text` and :func:`match_theme`. Each compares two single strings and
returns a similarity in [0, 1] where 0.0 means "not the same" and any positive value means "the
same"; the value only ranks competing candidates (an exact match beats a surname-only match).
:func:`best` lifts a matcher to things with several names (aliases, alternative headlines), and
:func:`align` pairs two lists one-to-one.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeVar

import simplemma
from rapidfuzz import fuzz

from kg.extract.names import particles

G = TypeVar("G")
P = TypeVar("P")

TITLE_THRESHOLD = 85.0
TEXT_THRESHOLD = 80.0
# Fuzzy subset/containment scores are only trusted when the shorter string is this long, so that
# "Wederopbouw" does not match every headline that contains the word.
_LONG_TOKENS = 3
_LONG_CHARS = 15

_QUOTES = "‘’‚‛“”„‟'\"`´«»"
_HONORIFICS = frozenset({"prof", "dr", "drs", "ir", "ing", "mr", "dhr", "mevr", "mevrouw", "meneer"})
# Words that say what kind of organisation something is rather than which one. Administrative
# kinds are commonly dropped ("VWS" for "Ministerie van VWS"); a school's kind is part of its name
# ("Utrecht" is not "Hogeschool Utrecht").
_ADMIN_KINDS = frozenset({"ministerie", "gemeente", "provincie", "stichting", "vereniging"})
_ORG_KINDS = _ADMIN_KINDS | {"hogeschool", "universiteit"}
_LINK_WORDS = frozenset({"van", "voor", "de", "der", "den", "het", "en", "in", "op", "of", "a", "d", "the", "for", "and"})
_PREPOSITIONS = frozenset({"van", "voor", "in", "op", "bij", "met", "tussen", "naar", "over", "aan", "tegen", "zonder", "door", "om", "uit", "na", "onder"})


def strip_diacritics(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold(text: str) -> str:
    """Casefold, drop diacritics, quotes and punctuation, collapse whitespace."""
    folded = strip_diacritics(text).casefold()
    folded = re.sub(rf"[{re.escape(_QUOTES)}]", "", folded)
    return " ".join(re.sub(r"[^\w]+|_", " ", folded).split())


def best(match: Callable[[str, str], float], names_a: Iterable[str], names_b: Iterable[str]) -> float:
    """The best match over all names of two things (a name and its aliases, or several headlines)."""
    b = list(names_b)
    return max((match(x, y) for x in names_a for y in b), default=0.0)


# --- people -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Name:
    given: tuple[tuple[str, bool], ...]  # (folded token, is an initial), in order
    surname: str  # folded, particles left out, hyphens kept


@lru_cache(maxsize=1)
def _particles() -> frozenset[str]:
    return frozenset(p.casefold().replace("’", "'") for p in particles())


def _given_tokens(token: str) -> list[tuple[str, bool]]:
    """'J.P.' -> two initials, 'JP' -> two initials, 'Anne-Marie' -> two given names."""
    if "." in token or (token.isupper() and len(token) <= 3):
        return [(c.casefold(), True) for c in token if c.isalpha()]
    return [(fold(part), False) for part in token.split("-") if fold(part)]


def _parse_name(name: str) -> _Name:
    text = strip_diacritics(name).replace("’", "'")
    tokens = [t for t in re.findall(r"[\w'.-]+", text) if t.strip(".-'")]
    while len(tokens) > 1 and tokens[0].casefold().strip(".") in _HONORIFICS:
        tokens = tokens[1:]
    first_particle = next((i for i, t in enumerate(tokens[:-1]) if t.casefold() in _particles()), None)
    if first_particle is None:
        given, rest = tokens[:-1], tokens[-1:]
    else:
        given, rest = tokens[:first_particle], tokens[first_particle:]
    core = [t for t in rest if t.casefold() not in _particles()] or rest[-1:]
    surname = "-".join(fold(part) for part in " ".join(core).split("-") if fold(part))
    return _Name(tuple(item for token in given for item in _given_tokens(token)), surname)


def _given_compatible(a: tuple[tuple[str, bool], ...], b: tuple[tuple[str, bool], ...]) -> bool:
    """Initials agree with names ('J.' ~ 'Janine'); two written-out names must be equal."""
    for (x, x_initial), (y, y_initial) in zip(a, b):
        if x_initial or y_initial:
            if x[0] != y[0]:
                return False
        elif x != y:
            return False
    return True


def match_person(a: str, b: str) -> float:
    """Same person: equal names; same surname with compatible initials ("J. Janssen" ~ "Janine
    Janssen"); or a bare surname equal to the other's ("Blokhuis" ~ "Paul Blokhuis").

    Particles (van, de, van der, ter, 't) are left out of the comparison, so "Van Bergen",
    "Bergen" and "Anne-Marie van Bergen" agree. A hyphenated double surname matches one of its
    parts only when both names have compatible given names ("J. Bakker" ~ "Janny Bakker-Klein").
    """
    if fold(a) == fold(b):
        return 1.0
    x, y = _parse_name(a), _parse_name(b)
    if not x.surname or not y.surname:
        return 0.0
    if x.surname == y.surname:
        if not x.given or not y.given:
            return 0.8
        return 0.9 if _given_compatible(x.given, y.given) else 0.0
    parts_x, parts_y = set(x.surname.split("-")), set(y.surname.split("-"))
    one_part_of_other = (len(parts_x) > 1 and y.surname in parts_x) or (len(parts_y) > 1 and x.surname in parts_y)
    if one_part_of_other and x.given and y.given and _given_compatible(x.given, y.given):
        return 0.7
    return 0.0


# --- organisations ----------------------------------------------------------------------------


def _acronyms(tokens: list[str]) -> set[str]:
    """Acronyms a text may use for a name: of every word, of the content words, and of both
    without a leading kind word ("Ministerie van Volksgezondheid, Welzijn en Sport" -> VWS)."""
    variants = [tokens]
    if tokens and tokens[0] in _ADMIN_KINDS:
        variants.append(tokens[1:])
    result: set[str] = set()
    for words in variants:
        result.add("".join(w[0] for w in words))
        result.add("".join(w[0] for w in words if w not in _LINK_WORDS))
    return {r for r in result if len(r) >= 2}


def _only_kind_words(tokens: list[str]) -> bool:
    return all(t in _ORG_KINDS or t in _LINK_WORDS for t in tokens)


def match_organisation(a: str, b: str) -> float:
    """Same organisation: equal names; one an acronym of the other ("CBS"); the shorter a leading
    part of the longer at word boundaries ("Avans" ~ "Avans Hogeschool"); or the shorter what is
    left of the longer after a leading kind word ("VWS" ~ "Ministerie van VWS", "Utrecht" ~
    "Gemeente Utrecht"). Two names that both carry a kind word must be equal: "Hogeschool Utrecht"
    is not "Universiteit Utrecht". Aliases are handled by :func:`best` over all names."""
    x, y = fold(a).split(), fold(b).split()
    if not x or not y:
        return 0.0
    if x == y:
        return 1.0
    short, long = sorted((x, y), key=len)
    if len(short) == 1 and short[0] in _acronyms(long):
        return 0.9
    if _only_kind_words(short) or len(short) == len(long):
        return 0.0
    if long[: len(short)] == short:
        return 0.8
    rest = long[: len(long) - len(short)]
    if long[len(rest):] == short and rest[0] in _ADMIN_KINDS and _only_kind_words(rest):
        return 0.85
    return 0.0


# --- titles and texts -------------------------------------------------------------------------


def _long(text: str) -> bool:
    return len(text.split()) >= _LONG_TOKENS and len(text) >= _LONG_CHARS


def _similarity(a: str, b: str) -> float:
    """0-100: plain ratio, raised by token-set similarity (which is 100 when one string's words are
    a subset of the other's, so containment included) only when the shorter string is long. The
    raise is capped at 90 so that an exact match still beats containment."""
    x, y = fold(a), fold(b)
    if not x or not y:
        return 0.0
    if x == y:
        return 100.0
    score = fuzz.ratio(x, y)
    if _long(min(x, y, key=len)):
        score = max(score, min(fuzz.token_set_ratio(x, y), 90.0))
    return score


def match_title(a: str, b: str) -> float:
    """Same headline: similar after folding (ratio >= 85), or one long title inside the other."""
    score = _similarity(a, b)
    return score / 100 if score >= TITLE_THRESHOLD else 0.0


def match_text(a: str, b: str) -> float:
    """Same sentence (recommendations): token-set similarity >= 80 or containment, so that a
    sentence cut differently by another segmenter still counts."""
    score = _similarity(a, b)
    return score / 100 if score >= TEXT_THRESHOLD else 0.0


# --- themes -----------------------------------------------------------------------------------


def _lemmas(words: Sequence[str]) -> tuple[str, ...]:
    return tuple(simplemma.lemmatize(w, lang="nl").casefold() for w in words)


def _head(words: Sequence[str]) -> str:
    """Head noun of a Dutch noun phrase: the last word before the first preposition
    ("kwaliteit van leven" -> kwaliteit, "kwetsbare mensen" -> mensen)."""
    end = next((i for i, word in enumerate(words) if i > 0 and word in _PREPOSITIONS), len(words))
    return words[end - 1]


def match_theme(a: str, b: str) -> float:
    """Same theme: equal labels, equal lemmas ("kwetsbare mensen" ~ "kwetsbaar mens"), or one
    label is the head noun of the other ("geweld" ~ "huiselijk geweld")."""
    x, y = fold(a).split(), fold(b).split()
    if not x or not y:
        return 0.0
    if x == y:
        return 1.0
    lx, ly = _lemmas(x), _lemmas(y)
    if lx == ly:
        return 0.9
    if (len(ly) == 1 and _lemmas([_head(x)]) == ly) or (len(lx) == 1 and _lemmas([_head(y)]) == lx):
        return 0.8
    return 0.0


# --- one-to-one alignment ---------------------------------------------------------------------


def align(
    gold: Sequence[G],
    predicted: Sequence[P],
    match: Callable[[G, P], float],
    tiebreak: Callable[[G, P], float] | None = None,
) -> list[tuple[int, int]]:
    """Pair gold and predicted items one-to-one, as many pairs as possible.

    Candidates are tried best first (by ``match``, then ``tiebreak``, higher is better); an
    augmenting-path search (Kuhn) then guarantees a maximum number of pairs, so one greedy
    choice cannot leave a matchable item unpaired. Returns (gold index, predicted index) pairs.
    """
    candidates: list[list[int]] = []
    for g in gold:
        scored = []
        for j, p in enumerate(predicted):
            score = match(g, p)
            if score > 0:
                scored.append((score, tiebreak(g, p) if tiebreak else 0.0, -j, j))
        candidates.append([j for *_, j in sorted(scored, reverse=True)])
    owner: dict[int, int] = {}

    def claim(i: int, seen: set[int]) -> bool:
        for j in candidates[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or claim(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(gold)):
        claim(i, set())
    return sorted((i, j) for j, i in owner.items())
