"""Who is interviewed or quoted at length in an article.

A person counts as interviewed when the text gives them the floor: at least two speech
attributions ("zegt X", "aldus X", "volgens X", "X ... vult aan", "zegt projectleider van
Movisie, X"), a question-and-answer turn ("X: ‘..."), a sentence that opens with the name
and ends in a colon before a quote ("X, columnist, las voor wat ze schreef: ‘..."); or one
attribution for someone the article introduces (a role or organisation stated, named in the lead of an interview, or named three
times); or, in an interview, someone portrayed in a caption ("X, hoogleraar ...") and named again;
or, in an interview printed as questions each answered by a quote, someone its lead names and
the text names again; or someone the headline names and the text names again: the article is
about them ("Vertrek lector X", "Voor de klas: X", "X: ‘Sociaal werk moet ...’").

An attribution whose sentence is followed by another quote ("zegt X. ‘En ...’") counts twice:
the person is quoted at length. A pronoun attribution after the name ("antwoordde hij", "zegt ze") counts once, and only in an
article that names no one else: there the pronoun can only be that person. Elsewhere it may be anyone named before it, such
as a thinker whose book the interviewee discusses ("de filosoof John Rawls. Hij ... zegt hij").
A role before the name ("de Amerikaanse filosoof John Rawls") introduces a person the article
talks about; only a caption or apposition after the name portrays the one it talks to.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from importlib import resources

from kg.extract.genre import QA_TURNS, question_answer_turns
from kg.extract.names import surname

LEAD = 600  # characters of an article's opening that introduce its interviewees
MIN_ATTRIBUTIONS = 2
_PRONOUNS = ("hij", "zij", "ze")


@lru_cache(maxsize=1)
def speech_cues() -> tuple[str, ...]:
    text = resources.files("kg.data").joinpath("speech_cues.txt").read_text(encoding="utf-8")
    return tuple(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


_QUOTE_FOLLOWS = re.compile(r"[^.!?\n]*[.!?][’”\"']?[ \t]*\n?[ \t]*[‘“\"']")  # the next sentence is a quote too: quoted at length
_OTHER_SUBJECT = "de|het|een|hij|zij|ze|die|deze"  # after a comma and the verb: someone else speaks ("..., stelt de filosoof")
SEPARATED = 3  # words that may stand inside a separable cue: "legde opnieuw uit", "laat het weten"
ROLE_WORDS = 3  # words between a cue and the name: "zegt (de filosoof) X"


def _cues() -> str:
    """The cues as one alternation; the words of a separable verb ("legt uit") may have up to
    SEPARATED words between them ("legde hij nog eens uit")."""
    gap = rf"\s+(?:[\w-]+\s+){{0,{SEPARATED}}}?"
    return "|".join(gap.join(re.escape(word) for word in cue.split()) for cue in speech_cues())


def _attributions(text: str, name: str) -> int:
    """Speech attributions of ``name``. Between the cue and the surname may stand a role, its
    organisation after a comma and the given names: "zegt projectleider van Movisie, Joline Verloove".

    The pattern is made for each name, and compiling it (the cues stand in it three times) costs
    more than reading the article: it is only made when :func:`_may_be_attributed` finds a place
    where it could match."""
    return _count_attributions(text, name) if _may_be_attributed(text, name) else 0


def _count_attributions(text: str, name: str) -> int:
    *first, last = (re.escape(part) for part in name.split())
    given = "(?:" + r"\s+".join(first) + r"\s+)?" if first else ""
    cues = _cues()
    pattern = re.compile(
        rf"(?:\b(?i:{cues})\s+(?:[\w-]+,?\s+){{0,{ROLE_WORDS}}}?{given}{last}\b"  # zegt (de filosoof) X
        rf"|\b{last}(?:,[^:.\n]{{1,80}})?\s*:\s*[‘'\"“]"  # X: ‘... ; X, beleidsmedewerker bij gemeente Y: ‘...
        rf"|\b{last}\b[^.?!‘’\n,]{{0,60}}?\b(?i:{cues})\b"  # X (van de gemeente Utrecht) vult aan
        rf"|\b{last}\b[^.?!‘’\n]{{0,60}}?\b(?i:{cues})\b(?!\s+(?i:{_OTHER_SUBJECT})\b)"  # X, de wethouder, vult aan; not "X uit 1947, stelt de filosoof"
        rf"|(?:^|(?<=[.!?]\s)){given}{last}\b[^.?!‘’“\"\n]{{0,200}}:\s*[‘'\"“])",  # X, columnist, ... schreef: ‘...
        re.MULTILINE,
    )
    found = list(pattern.finditer(text))
    return len(found) + sum(1 for match in found if _QUOTE_FOLLOWS.match(text, match.end()))


@lru_cache(maxsize=1)
def _near_surname() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """What must follow a surname for an attribution that starts with it (the alternatives of
    ``_count_attributions`` after the surname, less what they ask of the words before), and a cue
    that opens an attribution before a name."""
    cues = _cues()
    after = re.compile(
        rf"(?:,[^:.\n]{{1,80}})?\s*:\s*[‘'\"“]"
        rf"|\b[^.?!‘’\n]{{0,60}}?\b(?i:{cues})\b"
        rf"|\b[^.?!‘’“\"\n]{{0,200}}:\s*[‘'\"“]"
    )
    return after, re.compile(rf"\b(?i:{cues})\s+")


@lru_cache(maxsize=1)
def _chunk_starts(text: str) -> list[int]:
    """Offsets of the whitespace-separated chunks of ``text`` (the last text asked about)."""
    return [match.start() for match in re.finditer(r"\S+", text)]


def _may_be_attributed(text: str, name: str) -> bool:
    """Could ``_count_attributions`` find anything? Each of its alternatives holds the surname,
    followed by a colon or a cue, or preceded by a cue: at most the cue's words (and the words a
    separable cue holds), ``ROLE_WORDS`` and the given names before it, each a whitespace-separated chunk."""
    *first, last = name.split()
    after, cue = _near_surname()
    cue_words = max(len(phrase.split()) for phrase in speech_cues())
    reach = cue_words + (cue_words - 1) * SEPARATED + ROLE_WORDS + len(first)  # chunks from a cue to the surname
    starts = _chunk_starts(text)
    at = text.find(last)
    while at >= 0:
        if after.match(text, at + len(last)):
            return True
        chunk = bisect_right(starts, at) - 1
        if cue.search(text, starts[max(0, chunk - reach)] if chunk >= 0 else 0, at):
            return True
        at = text.find(last, at + 1)
    return False


def _printed_surname(name: str) -> re.Pattern[str]:
    """The last word of ``name`` as a whole word: how the text refers back to the person."""
    return re.compile(rf"\b{re.escape(name.split()[-1])}\b")


def _pronoun_attribution(text: str, name: str) -> bool:
    """An attribution to a pronoun after the first mention of ``name``: "antwoordde hij", "zij vertelt"."""
    first = _printed_surname(name).search(text)
    cues, pronouns = _cues(), "|".join(_PRONOUNS)
    pattern = re.compile(rf"\b(?i:{cues})\s+(?i:{pronouns})\b|\b(?i:{pronouns})\s+(?i:{cues})\b")
    return first is not None and pattern.search(text, first.end()) is not None


def _captioned(text: str, name: str) -> bool:
    """The full name followed by an apposition or caption: "Margo Trappenburg, bijzonder hoogleraar"."""
    return re.search(rf"\b{re.escape(name)},\s+[a-z]", text) is not None


def interviewees(text: str, names: list[str], genre: str, exclude: set[str], described: set[str] = frozenset(), headline: str = "") -> list[str]:
    """The names (full forms) of the people the article gives the floor to. ``described`` holds
    the surnames of people whose role or organisation the article states."""
    chosen: list[str] = []
    others = [name for name in names if surname(name) not in exclude]
    answering = genre == "interview" and question_answer_turns(text) >= QA_TURNS
    for name in others:
        key = surname(name)
        count = _attributions(text, name) + int(len(others) == 1 and _pronoun_attribution(text, name))
        mentions = len(_printed_surname(name).findall(text))
        introduced = key in described or mentions >= 3 or (genre == "interview" and name.split()[-1] in text[:LEAD])
        portrayed = genre == "interview" and key in described and mentions >= 2 and _captioned(text, name)
        portrayed |= answering and name.split()[-1] in text[:LEAD] and mentions >= 2  # the one a question-and-answer interview introduces
        portrayed |= _printed_surname(name).search(headline) is not None and mentions >= 2  # the one the headline is about
        if count >= MIN_ATTRIBUTIONS or (count >= 1 and introduced) or portrayed:
            chosen.append(name)
    return chosen
