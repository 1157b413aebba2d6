"""Spelling variants of one person's name within an article.

Web texts and transcripts misspell names now and then ("Sanne Dijksta" once, "Dijkstra"
five times; "Rob Meulenbelts" in the byline, "Rob Meulenbelt" in the body). Two full names with the
same given name whose surnames differ by one letter are one person; the surname printed most
often (a byline's above all) is the person's. So is a name printed elsewhere with a second
surname after a dash ("Eva de Wit" and "Eva de Wit – Smeets"): the double name is kept.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from kg.extract.names import is_full_name, surname

MIN_LENGTH = 5  # shorter surnames one letter apart are different names ("Bos", "Vos")


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by exactly one inserted, deleted or replaced letter."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))


def _first_part(short: str, long: str) -> bool:
    """Whether ``long`` is ``short`` with a second surname after a dash: "Eva de Wit" in the body
    of a text whose byline reads "Eva de Wit – Smeets" or "Eva de Wit-Smeets"."""
    rest = " ".join(long.split())[len(" ".join(short.split())):]
    return " ".join(long.split()).startswith(" ".join(short.split())) and re.match(r"\s*[-–]\s*\w", rest) is not None


def _given(name: str) -> str:
    return name.split()[0].casefold()


def canonical_surnames(names: Iterable[str], preferred: Iterable[str] = ()) -> dict[str, str]:
    """Surname key -> the key of the variant the article means, for the keys that are a
    misspelling of another; ``preferred`` names (the byline's) always win."""
    preferred = list(preferred)
    counts = Counter(surname(n) for n in names)
    counts.update({surname(n): 1000 for n in preferred})
    full = [n for n in [*preferred, *names] if is_full_name(n)]
    mapping: dict[str, str] = {}
    for a in full:
        for b in full:
            ka, kb = surname(a), surname(b)
            if ka == kb or _given(a) != _given(b):
                continue
            if (len(ka) >= MIN_LENGTH and _one_edit(ka, kb) and counts[kb] > counts[ka]) or _first_part(a, b):
                mapping[ka] = kb
    return mapping
