"""The conventions by which a reader tells genres apart when no kicker names them (issue 10),
each on an invented text: the editorial that speaks of its issue, the round-table conversation,
the interview whose questions are set in bold, a piece that names itself, the project page, the
report of an event, the column and the essay."""

from __future__ import annotations

from kg.extract.genre import infer_genre, question_answer_turns, speaker_turns

NARRATIVE = (
    "De buurtteams zochten het afgelopen jaar nieuwe wegen om bewoners te bereiken. "
    "Niet alles lukte, maar de teams leerden snel van elkaar en pasten hun aanpak aan. "
)


def test_the_first_piece_that_speaks_of_its_issue_is_the_editorial() -> None:
    body = "Samen sterker\n\nDoor Anna de Wit\n\n" + NARRATIVE * 10 + "Ik wens u veel leesplezier met dit themanummer over samenwerken.\n"
    assert infer_genre(body, None, has_byline=True, signed=False, position=1) == "editorial"
    assert infer_genre(body, None, has_byline=True, signed=False, position=4) != "editorial"


def test_speakers_named_before_their_quotes_make_a_round_table_interview() -> None:
    turns = "".join(f"{name}: ‘{NARRATIVE.strip()}’\n\n" for name in ("Karin Bos", "Peter van Dam", "Karin Bos", "Ahmed El Idrissi"))
    body = "Wat de wijk nodig heeft\n\nDoor Tom Smit\n\n" + NARRATIVE * 4 + "\n\n" + turns
    assert speaker_turns(body) == 4
    assert infer_genre(body, None, has_byline=True, signed=False, position=5) == "interview"


def test_questions_set_in_bold_answered_by_quotes_make_an_interview() -> None:
    body = (
        "Buurthuizen dicht\n\n" + NARRATIVE * 4 + "\n\n### ***Wat betekent dat voor de dorpen?***\n\n‘Veel. Mensen zien elkaar niet meer.’\n\n"
        "**Hoe lossen gemeenten dat op?**\n\n‘Met digitale spreekuren, voor wie dat kan.’\n"
    )
    assert question_answer_turns(body) == 2
    assert infer_genre(body, None, has_byline=False, signed=False, position=6) == "interview"


def test_a_piece_labelled_as_an_oratie_is_an_essay_but_news_of_an_oratie_is_not() -> None:
    oratie = "Leren van de wijk\n\nProf. dr. Jan Visser, Oratie: Lectoraat Wijkgericht Werken\n\n" + NARRATIVE * 3
    assert infer_genre(oratie, None, has_byline=True, signed=False, position=1) == "essay"
    news = "Nieuwe lector\n\nLector Jan Visser hield op 3 maart zijn oratie over wijkgericht werken. " + NARRATIVE * 3
    assert infer_genre(news, None, has_byline=False, signed=False, position=1) == "news"


def test_a_project_page_with_a_fact_box_is_other_not_news() -> None:
    body = (
        "Werkplaats Jeugd Zuid\n\nDit programma is afgerond in 2023.\n\nLectoraat\nJeugd en Gezin\nDuur\n"
        "maart 2021 t/m juni 2023\nContact\nEls Peters\n\n" + NARRATIVE * 3
    )
    assert infer_genre(body, None, has_byline=False, signed=False, position=1) == "other"


def test_a_headline_naming_a_project_over_unquoted_text_is_other_but_quoted_news_of_it_stays_news() -> None:
    box = "Project Samen Thuis\n\nGemeenten werken binnen het project aan betere mantelzorg. Lees meer op de website.\n"
    assert infer_genre(box, None, has_byline=False, signed=False, position=9) == "other"
    news = box + "‘We zijn trots op wat er al bereikt is’, zegt wethouder Kees Mol.\n"
    assert infer_genre(news, None, has_byline=False, signed=False, position=9) == "news"


def test_the_report_of_an_event_that_quotes_its_speakers_is_a_report() -> None:
    body = (
        "Tien jaar jeugdzorg bij gemeenten\n\nTijdens het jaarcongres van de vereniging blikken de sprekers terug. "
        "Dagvoorzitter Lies Kok opent: ‘We moeten eerlijk zijn over wat niet lukte.’ " + NARRATIVE * 2
        + "Ook uit de zaal klinkt kritiek: ‘Het wijkteam kwam te laat.’\n"
    )
    assert infer_genre(body, None, has_byline=False, signed=False, position=1) == "report"
    announcement = "Jaarcongres jeugdzorg\n\nOp 4 april houdt de vereniging haar congres. Deelnemers kiezen een workshop. " + NARRATIVE
    assert infer_genre(announcement, None, has_byline=False, signed=False, position=1) == "news"


def test_a_short_first_person_piece_is_a_column_a_long_one_an_opinion() -> None:
    ik = "Ik loop elke ochtend door mijn wijk en ik groet mijn buren. Wat zien zij in mij? "
    column = "Eenzaam - Marga de Vries\n\n" + ik * 10 + "\nMarga de Vries is predikant in Amsterdam-Noord.\n"
    assert infer_genre(column, None, has_byline=True, signed=False, position=1) == "column"
    opinion = "Een economie voor iedereen\n\nDoor Marga de Vries\n\n" + (ik + NARRATIVE * 2) * 20
    assert infer_genre(opinion, None, has_byline=True, signed=False, position=7) == "opinion"


def test_a_long_argued_piece_in_the_authors_we_that_quotes_no_one_is_an_essay() -> None:
    argued = "Wij zien dat onze wijken veranderen. Daarom belichten we hier wat we leerden en wat ons te doen staat. "
    body = "Lessen uit de wijk\n\nDoor Radboud Smit en Pien Kok\n\n" + (argued + NARRATIVE * 2) * 20
    assert infer_genre(body, None, has_byline=True, signed=False, position=11) == "essay"
    reported = body + "‘Zo werkt het’, zegt buurtwerker Ali Demir. ‘Echt’, vertelt Bea Bos. " * 30
    assert infer_genre(reported, None, has_byline=True, signed=False, position=11) != "essay"


def test_a_dateline_makes_even_a_long_bylined_item_news() -> None:
    body = "Meer jongerenwerkers nodig\n\nDoor Sanne Kok\n\nDEN HAAG (ANP) - Het jongerenwerk kan de vraag niet aan. " + NARRATIVE * 30
    assert infer_genre(body, None, has_byline=True, signed=False, position=1) == "news"
    headline_in_capitals = "MEER JONGERENWERKERS NODIG\n\nDoor Sanne Kok\n\nHet jongerenwerk kan de vraag niet aan. " + NARRATIVE * 30
    assert infer_genre(headline_in_capitals, None, has_byline=True, signed=False, position=1) == "report"


def test_speakers_named_without_quote_marks_make_an_interview_when_two_of_them_speak_twice() -> None:
    turns = "".join(f"{name}: {NARRATIVE.strip()}\n\n" for name in ("Marcel", "An Buelens", "Marcel", "An Buelens"))
    body = "Democratisch sociaal werk\n\nDoor Tom Smit\n\n" + NARRATIVE * 6 + "\n\n" + turns
    assert infer_genre(body, None, has_byline=True, signed=False, position=3) == "interview"
    boxes = "".join(f"Duur: 2020 t/m 2022\n\nContact: {name}\n\n" for name in ("Els Peters", "Jan Kok"))
    assert speaker_turns(boxes) == 0
