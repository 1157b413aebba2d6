"""Who is interviewed or quoted at length in an article.

A person counts as interviewed when the text gives them the floor: at least two speech
attributions ("zegt X", "aldus X", "volgens X"), a question-and-answer turn ("X: ‘..."), or
being named in the lead of an interview with a speech cue.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from kg.extract.names import surname

LEAD = 600  # characters of an article's opening that introduce its interviewees
MIN_ATTRIBUTIONS = 2


@lru_cache(maxsize=1)
def speech_cues() -> tuple[str, ...]:
    text = resources.files("kg.data").joinpath("speech_cues.txt").read_text(encoding="utf-8")
    return tuple(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def _attributions(text: str, name: str) -> int:
    last = re.escape(name.split()[-1])
    cues = "|".join(re.escape(c) for c in speech_cues())
    pattern = re.compile(rf"(?:\b(?i:{cues})\s+(?:\w+\s+){{0,3}}?{last}\b|\b{last}\s*:\s*[‘'\"“]|\b{last}\s+(?i:{cues})\b)")
    return len(pattern.findall(text))


def interviewees(text: str, names: list[str], genre: str, exclude: set[str]) -> list[str]:
    """The names (full forms) of the people the article gives the floor to."""
    chosen: list[str] = []
    for name in names:
        if surname(name) in exclude:
            continue
        count = _attributions(text, name)
        in_lead = name.split()[-1] in text[:LEAD]
        if count >= MIN_ATTRIBUTIONS or (genre == "interview" and in_lead and count >= 1):
            chosen.append(name)
    return chosen
