"""An interview printed as questions, each answered by a quote, on an invented text: the person
its lead introduces is the interviewee, and "werkt al negen jaar bij X" is their affiliation."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract.genre import question_answer_turns
from kg.model import ArticleRecord
from tests.utils.building import only_article

FIXTURE = Path(__file__).parent / "fixtures" / "question_answer_interview.txt"


@pytest.fixture(scope="module")
def article() -> ArticleRecord:
    return only_article(FIXTURE)


def test_questions_answered_by_quotes_make_an_interview(article: ArticleRecord) -> None:
    assert article.genre == "interview"


def test_the_person_the_lead_introduces_is_the_interviewee_with_the_employer(article: ArticleRecord) -> None:
    (hermans,) = article.interviewees
    assert hermans.name.text == "Ruud Hermans"
    assert [o.text for o in hermans.affiliations] == ["Stichting Leeskracht"]
    assert article.persons == []


def test_a_question_inside_a_paragraph_is_no_turn() -> None:
    running = "Wat betekent dat voor de wijk? ‘Veel’, zegt Jan. Hij lacht.\nWeet hij het zeker? Nee."
    assert question_answer_turns(running) == 1
    assert question_answer_turns("Het ging goed. Of niet? ‘Zeker.’\nEn toen.") == 0
