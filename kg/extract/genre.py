"""The genre of an article: from its kicker when printed, else from the conventions of how each
genre is written (cue words as data: ``kg/data/genre_labels.tsv``, ``issue_words.txt``,
``event_words.txt``, ``project_fields.txt``, ``project_words.txt``)."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from kg.data import table, word_list
from kg.normalise.hyphenation import Hyphen, line_end_hyphen

_BREAK = re.compile(r"(\S*[-\u2010])\n[ \t]*(\S+)")  # a word broken at a line end
_QUOTE = re.compile(r"[‘“\"]")
_SPEECH = re.compile(r"\b(zegt|vertelt|aldus|stelt|legt .{0,20} uit|benadrukt|vindt)\b")
_FIRST_PERSON = re.compile(r"\b(ik|mijn|me|mij)\b", re.IGNORECASE)
_FIRST_PLURAL = re.compile(r"\b(we|wij|ons|onze)\b", re.IGNORECASE)
_RESEARCH = re.compile(r"\b(onderzoek\w*|respondenten|literatuur|studie|uitkomsten)\b", re.IGNORECASE)
_QUESTION_ANSWER = re.compile(r"^(?![‘“\"'])[^\n.!?]{8,200}\?[*_ \t]*\n?(?:[ \t]*\n)?[ \t]*[‘“\"']", re.MULTILINE)
_NEWS_DATELINE = re.compile(r"[ \t]*[A-Z][A-Z'’-]{2,}(?:[ /][A-Z][A-Z'’-]+)*(?:\s*\([^)\n]{1,20}\))?[ \t]*[-–—][ \t]+\S")
RESEARCH_DENSITY = 3  # research words (onderzoek, respondenten, ...) per 1000 that make a longer article research
SHORT = 450  # words: shorter than this and printed without a byline, an item is news
QA_TURNS = 2  # question lines, each answered by a quote, that make an article a question-and-answer interview
SPEAKER_TURNS = 3  # paragraphs opening "Naam: ‘...", as a round-table conversation is printed
LEAD_WORDS = 60  # the opening words (headline, standfirst) in which a piece says what it is
COLUMN_WORDS = 800  # a first-person piece shorter than this is a column, a longer one an opinion
ESSAY_WORDS = 1000  # an essay argues at length ...
ESSAY_PLURAL = 25  # ... in the authors' own "we" (per 1000 words) ...
ESSAY_QUOTES = 6  # ... and quotes hardly anyone (quote marks per 1000 words)
INTERVIEW_QUOTES = 12  # quote marks per 1000 words that, with speech verbs, make an interview
EVENT_WORDS = 3  # event words in a piece whose lead names the event: a report of it
DATELINE_LINES = 4  # the first lines (headline, standfirst, first paragraph) where a news dateline stands


def question_answer_turns(text: str) -> int:
    """How often a paragraph opens with a question answered by a quote, on the next line or
    (in text whose lines are joined) after it: "Wat vind je het leukst aan het vak?" /
    "‘Interacties met studenten. ...’". A question set in bold or italics counts too."""
    return len(_QUESTION_ANSWER.findall(text))


@lru_cache(maxsize=1)
def _speaker_label() -> re.Pattern[str]:
    """A paragraph that opens with a name of up to five words and a colon: "Peter van Dam: ..."."""
    particles = "|".join(re.escape(p) for p in sorted(word_list("name_particles.txt"), key=len, reverse=True))
    word = rf"(?:[A-Z][\w.'’-]*|{particles})"
    return re.compile(rf"^[ \t*]*((?:{word}[ \t]+){{0,4}}[A-Z][\w’'-]+)\**:\**[ \t]*(\S)", re.MULTILINE)


def speaker_turns(text: str) -> int:
    """Paragraphs that open with a speaker's name and a colon: the way a conversation is printed.
    Each counts when a quote follows ("Machteld Huber: ‘Mijn ambitie ..."); without quote marks
    ("Marcel: Sociaal werk is ...") only when at least two speakers each speak twice, so that a
    fact box ("Duur: ...", "Contact: ...") or a byline ("Door: ...") is no conversation."""
    openings = [(m.group(1), m.group(2)) for m in _speaker_label().finditer(text)]
    quoted = sum(1 for _, first in openings if first in "‘“\"'")
    fields = word_list("project_fields.txt") | {label.casefold() for label in table("bylines.tsv")}
    said = Counter(name for name, _ in openings if name.casefold() not in fields)
    recurring = [count for count in said.values() if count >= 2]
    return max(quoted, sum(recurring) if len(recurring) >= 2 else 0)


def opens_with_dateline(text: str) -> bool:
    """The first paragraph opens with a place in capitals and a dash, as a news agency or paper
    prints it: "EINDHOVEN - Het jongerenwerk ...", "DEN HAAG (ANP) - ..."."""
    lines = [line for line in text.splitlines() if line.strip()][:DATELINE_LINES]
    return any(_NEWS_DATELINE.match(line) for line in lines)


@lru_cache(maxsize=None)
def _any_of(entries: frozenset[str], whole_words: bool = True) -> re.Pattern[str]:
    """Any of ``entries``, in any case; as whole words and phrases, or also inside longer words."""
    alternatives = "|".join(re.escape(w) for w in sorted(entries, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)" if whole_words else alternatives, re.IGNORECASE)


def labelled_genre(lead: str) -> str | None:
    """The genre the opening lines give the piece ("Oratie: ...", "In dit essay ..."), or None."""
    labels = {label.casefold(): genre for label, genre in table("genre_labels.tsv").items()}
    found = _any_of(frozenset(labels)).search(lead)
    return labels[found.group(0).casefold()] if found else None


def speaks_of_the_issue(text: str) -> bool:
    """The piece speaks of the issue it is printed in ("dit themanummer", "dit magazine"): the
    first piece that does is the issue's editorial."""
    return bool(_any_of(word_list("issue_words.txt")).search(text))


def reports_an_event(lead: str, text: str) -> bool:
    """The lead names an event (a bijeenkomst, congres) that the piece goes on to tell about,
    quoting what was said there (an announcement of an event quotes no one)."""
    words = _any_of(word_list("event_words.txt"), whole_words=False)
    return bool(words.search(lead)) and len(words.findall(text)) >= EVENT_WORDS and bool(_QUOTE.search(text))


def describes_a_project(text: str) -> bool:
    """A project or programme page: a fact box of field lines ("Duur", "Locatie", "Contact"), or
    a headline that names a project ("Project Koplopers cliëntondersteuning") over a text that
    quotes no one."""
    lines = [line.strip(" :*#") for line in text.splitlines() if line.strip(" :*#")]
    fields = sum(1 for line in lines if line.casefold() in word_list("project_fields.txt"))
    named = bool(lines) and bool(_any_of(word_list("project_words.txt")).search(lines[0]))
    return fields >= 2 or (named and not _QUOTE.search(text))


def _unbroken(text: str) -> str:
    """The text with the words that a line end broke ("onder-|zoek") joined, as the normaliser
    decides (kg.normalise.hyphenation), so that a PDF's line breaks do not hide the words counted."""
    return _BREAK.sub(lambda m: m[1][:-1] + m[2] + "\n" if line_end_hyphen(m[1], m[2]) is Hyphen.JOIN else m[0], text)


def infer_genre(text: str, kicker_genre: str | None, has_byline: bool, signed: bool, position: int) -> str:
    """A genre label of the gold vocabulary (editorial, interview, column, opinion, research,
    report, news, essay, other) from simple, explainable cues."""
    if kicker_genre:
        return kicker_genre
    if question_answer_turns(text) >= QA_TURNS or speaker_turns(text) >= SPEAKER_TURNS:
        return "interview"
    text = _unbroken(text)
    lead = " ".join(text.split()[:LEAD_WORDS])
    if labelled := labelled_genre(lead):
        return labelled
    if opens_with_dateline(text):
        return "news"
    words = max(1, len(text.split()))
    quotes, speech, first_person, first_plural, research = (
        len(pattern.findall(text)) / words * 1000 for pattern in (_QUOTE, _SPEECH, _FIRST_PERSON, _FIRST_PLURAL, _RESEARCH)
    )
    if position == 1 and ((signed and words < 900) or speaks_of_the_issue(text)):
        return "editorial"
    if not has_byline and not signed and words < SHORT:
        if describes_a_project(text):
            return "other"
        if reports_an_event(lead, text):
            return "report"
    if words < SHORT and not has_byline and first_person <= 15:
        return "news"  # a short unsigned item quoting someone is news, not an interview
    if quotes > INTERVIEW_QUOTES and speech > 2:
        return "interview"
    if first_person > 15:
        return "column" if words < COLUMN_WORDS else "opinion"
    if research > RESEARCH_DENSITY:
        return "research"
    if has_byline and words >= ESSAY_WORDS and first_plural > ESSAY_PLURAL and quotes < ESSAY_QUOTES:
        return "essay"
    return "report" if has_byline else "other"
