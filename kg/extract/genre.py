"""The genre of an article: from its kicker when printed, else from how it is written."""

from __future__ import annotations

import re

from kg.normalise.hyphenation import Hyphen, line_end_hyphen

_BREAK = re.compile(r"(\S*[-\u2010])\n[ \t]*(\S+)")  # a word broken at a line end
_QUOTE = re.compile(r"[‘“\"]")
_SPEECH = re.compile(r"\b(zegt|vertelt|aldus|stelt|legt .{0,20} uit|benadrukt|vindt)\b")
_FIRST_PERSON = re.compile(r"\b(ik|mijn|me|mij)\b", re.IGNORECASE)
_RESEARCH = re.compile(r"\b(onderzoek\w*|respondenten|literatuur|studie|uitkomsten)\b", re.IGNORECASE)
_QUESTION_ANSWER = re.compile(r"^(?![‘“\"'])[^\n.!?]{8,200}\?[ \t]*\n?(?:[ \t]*\n)?[ \t]*[‘“\"']", re.MULTILINE)
RESEARCH_DENSITY = 3  # research words (onderzoek, respondenten, ...) per 1000 that make a longer article research
SHORT = 450  # words: shorter than this and printed without a byline, an item is news
QA_TURNS = 2  # question lines, each answered by a quote, that make an article a question-and-answer interview


def question_answer_turns(text: str) -> int:
    """How often a paragraph opens with a question answered by a quote, on the next line or
    (in text whose lines are joined) after it: "Wat vind je het leukst aan het vak?" /
    "‘Interacties met studenten. ...’"."""
    return len(_QUESTION_ANSWER.findall(text))


def _unbroken(text: str) -> str:
    """The text with the words that a line end broke ("onder-|zoek") joined, as the normaliser
    decides (kg.normalise.hyphenation), so that a PDF's line breaks do not hide the words counted."""
    return _BREAK.sub(lambda m: m[1][:-1] + m[2] + "\n" if line_end_hyphen(m[1], m[2]) is Hyphen.JOIN else m[0], text)


def infer_genre(text: str, kicker_genre: str | None, has_byline: bool, signed: bool, position: int) -> str:
    """A genre label of the gold vocabulary (editorial, interview, column, opinion, research,
    report, news, essay, other) from simple, explainable cues."""
    if kicker_genre:
        return kicker_genre
    if question_answer_turns(text) >= QA_TURNS:
        return "interview"
    text = _unbroken(text)
    words = max(1, len(text.split()))
    quotes = len(_QUOTE.findall(text)) / words * 1000
    speech = len(_SPEECH.findall(text)) / words * 1000
    first_person = len(_FIRST_PERSON.findall(text)) / words * 1000
    research = len(_RESEARCH.findall(text)) / words * 1000
    if signed and position == 1 and words < 900:
        return "editorial"
    if words < SHORT and not has_byline and first_person <= 15:
        return "news"  # a short unsigned item quoting someone is news, not an interview
    if quotes > 12 and speech > 2:
        return "interview"
    if first_person > 15:
        return "opinion" if has_byline or signed else "column"
    if research > RESEARCH_DENSITY:
        return "research"
    return "report" if has_byline else "other"
