"""Which person of an article a name means, when two of its people share a surname.

An article's people are keyed by surname, so that "Roovers" is the "Daan Roovers" named before.
A news story about a family names a mother and her son ("de 12-jarige Mark Bomhof ... zegt zijn
moeder Martine Bomhof"): two given names with one surname are two people, each keyed by given
name and surname, and a surname alone is the one of them named last before it.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable

from kg.extract.names import is_full_name, particles


def _given(name: str) -> str | None:
    """The first given name written out ("Mark"), not an initial ("M.", "J.M.") nor the particle
    of a surname alone ("Van Loon")."""
    first = name.split()[0]
    return first.casefold() if len(first) > 2 and not first.endswith(".") and first.casefold() not in particles() else None


class PersonKeys:
    def __init__(self, mentions: list[tuple[str, int]], key: Callable[[str], str]) -> None:
        """``mentions``: every person mention of the article (text, offset); ``key``: its
        surname key (spelling variants already merged)."""
        given: dict[str, set[str]] = defaultdict(set)
        for name, _ in mentions:
            if is_full_name(name) and (first := _given(name)):
                given[key(name)].add(first)
        self._surname_key = key
        self.shared = {k for k, names in given.items() if len(names) > 1}
        self._named: dict[str, list[tuple[int, str]]] = defaultdict(list)  # shared surname -> (offset, key) of full names
        self.full: dict[str, str] = {}  # key of a namesake -> the fullest name printed for them
        for name, at in sorted(mentions, key=lambda m: m[1]):
            person = self(name, at) if is_full_name(name) else None
            if person is not None and person != key(name):
                self._named[key(name)].append((at, person))
                if len(name) > len(self.full.get(person, "")):
                    self.full[person] = name

    def __call__(self, name: str, at: int) -> str:
        """The key of the person ``name`` (printed at offset ``at``) means."""
        key = self._surname_key(name)
        if key not in self.shared:
            return key
        first = _given(name) if is_full_name(name) else None
        if first is not None:
            return f"{first} {key}"
        named = self._named.get(key, [])
        before = bisect_right(named, (at, "\uffff"))
        return named[before - 1][1] if before else (named[0][1] if named else key)
