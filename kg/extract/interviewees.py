"""Who is interviewed or quoted at length in an article.

A person counts as interviewed when the text gives them the floor: at least two speech
attributions ("zegt X", "aldus X", "volgens X", "X ... vult aan"), a question-and-answer turn
("X: ‘..."); or one attribution for someone the article introduces (a role or organisation
stated, named in the lead of an interview, or named three times); or, in an interview, someone
introduced with a role and named again (a portrait caption: "X, hoogleraar ...").
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
    pattern = re.compile(
        rf"(?:\b(?i:{cues})\s+(?:\w+\s+){{0,3}}?{last}\b"  # zegt (de filosoof) X
        rf"|\b{last}\s*:\s*[‘'\"“]"  # X: ‘...
        rf"|\b{last}\b[^.?!‘’\n]{{0,60}}?\b(?i:{cues})\b)"  # X (van de gemeente Utrecht) vult aan
    )
    return len(pattern.findall(text))


def interviewees(text: str, names: list[str], genre: str, exclude: set[str], described: set[str] = frozenset()) -> list[str]:
    """The names (full forms) of the people the article gives the floor to. ``described`` holds
    the surnames of people whose role or organisation the article states."""
    chosen: list[str] = []
    for name in names:
        key = surname(name)
        if key in exclude:
            continue
        count = _attributions(text, name)
        mentions = len(re.findall(rf"\b{re.escape(name.split()[-1])}\b", text))
        introduced = key in described or mentions >= 3 or (genre == "interview" and name.split()[-1] in text[:LEAD])
        portrayed = genre == "interview" and key in described and mentions >= 2
        if count >= MIN_ATTRIBUTIONS or (count >= 1 and introduced) or portrayed:
            chosen.append(name)
    return chosen
