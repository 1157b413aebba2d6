"""kg_recommendations: normative sentences, their speaker and their addressee.

Fixtures are written for these tests in the genre (magazine interviews, opinion pieces, tip lists).
"""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.training import Example

from kg.nlp.recommendations import find_recommendations
from kg.nlp.speakers import quote_regions


@pytest.fixture(scope="module")
def nlp() -> Language:
    nlp = spacy.blank("nl")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("kg_recommendations")
    return nlp


def recommendations(nlp: Language, text: str) -> list[tuple[str, str | None, str | None]]:
    doc = nlp(text)
    return [(span.text, span._.speaker, span._.addressee) for span in doc.spans["recommendations"]]


# (pattern, a sentence that recommends with its addressee, a sentence with the same words that does not)
PATTERNS = [
    (
        "modal",
        ("Gemeenten moeten de schuldhulp dichter bij huis organiseren.", "gemeenten"),
        "Vorig jaar moesten veel gemeenten hun wijkteams inkrimpen.",
    ),
    (
        "inverted modal",
        ("Daarom moet de overheid blijven investeren in de sociale basis.", "overheid"),
        "Moet de overheid blijven investeren in de sociale basis?",
    ),
    (
        "zou ... moeten",
        ("Professionals zouden vaker samen met ervaringsdeskundigen moeten optrekken.", "professionals"),
        "De wethouder zou hebben gezegd dat professionals vaker moeten optrekken met ervaringsdeskundigen.",
    ),
    (
        "dient",
        ("Het kabinet dient de toeslagen eenvoudiger te maken.", "kabinet"),
        "Wie een toeslag aanvraagt, dient binnen vier weken een formulier in te leveren.",
    ),
    (
        "is nodig",
        ("Er is meer ruimte voor buurtwerk in kwetsbare wijken nodig.", None),
        "Was er meer ruimte voor buurtwerk nodig?",
    ),
    (
        "het is zaak",
        ("Het is nu zaak om wijkteams goed toe te rusten.", None),
        "De wijkteams zijn goed toegerust.",
    ),
    (
        "laten we",
        ("Laten we de signalen van bewoners serieus nemen.", "wij"),
        "Met dit instrument laten we bewoners zelf hun doelen kiezen.",
    ),
    (
        "pleit voor",
        ("De lector pleit voor een landelijke aanpak van ouderenmishandeling.", None),
        "De lector onderzocht de aanpak van ouderenmishandeling.",
    ),
    (
        "advies",
        ("Mijn advies is om vroeg in gesprek te gaan met huurders.", None),
        "Huurders vroegen advies aan het wijkteam.",
    ),
    (
        "is belangrijk om",
        ("Het is belangrijk om mantelzorgers op tijd te ontlasten.", None),
        "Mantelzorgers spelen een belangrijke rol in de buurt.",
    ),
    (
        "imperative",
        ("Vraag door als een jongere stil wordt.", None),
        "Vraag en aanbod sluiten slecht op elkaar aan.",
    ),
    (
        "imperative with a vocative",
        ("Sociaal werkers, luister eerst en oordeel later.", "sociaal werkers"),
        "Sociaal werkers luisteren eerst en oordelen later.",
    ),
    (
        "rejected view",
        ("Sommigen vinden dat jongerenwerkers strenger moeten optreden en dat klopt.", "jongerenwerkers"),
        "Sommigen vinden dat jongerenwerkers strenger moeten optreden, maar dat werkt averechts.",
    ),
    (
        "relative clause",
        ("Gezinnen moeten sneller hulp krijgen.", None),
        "Het gaat om gezinnen die elke maand moeten rondkomen van een klein budget.",
    ),
]


@pytest.mark.parametrize(("name", "positive", "negative"), PATTERNS, ids=[p[0] for p in PATTERNS])
def test_pattern_positive_and_negative(nlp: Language, name: str, positive: tuple[str, str | None], negative: str) -> None:
    sentence, addressee = positive
    assert recommendations(nlp, sentence) == [(sentence, None, addressee)]
    assert recommendations(nlp, negative) == []


@pytest.mark.parametrize(
    "text",
    [
        "Stel dat de gemeente stopt met de subsidie.",
        "Mijn moeder woonde toen al in een verzorgingshuis.",
        "Verlies gaat over meer dan de dood.",
        "Denk aan armoede, schulden en eenzaamheid.",
        "Zorg en welzijn horen bij elkaar.",
    ],
)
def test_descriptions_that_look_like_imperatives(nlp: Language, text: str) -> None:
    assert recommendations(nlp, text) == []


def test_headlines_are_not_recommendations_but_listed_tips_are(nlp: Language) -> None:
    text = (
        "Gemeenten moeten meer doen tegen eenzaamheid\n\n"
        "Blijf in gesprek\n\n"
        "In het onderzoek keken we naar twaalf buurten.\n\n"
        "1 Neem de tijd voor een huisbezoek\n\n"
        "Een eerste gesprek duurt vaak langer dan gepland."
    )
    assert [text for text, _, _ in recommendations(nlp, text)] == ["1 Neem de tijd voor een huisbezoek"]


def test_speaker_after_a_quote(nlp: Language) -> None:
    text = "‘Gemeenten moeten veel eerder ingrijpen bij betalingsachterstanden’, zegt Karin de Wit."
    assert recommendations(nlp, text) == [(text, "Karin de Wit", "gemeenten")]


def test_speaker_pronoun_and_surname_resolve_to_the_full_name(nlp: Language) -> None:
    text = (
        "Karin de Wit is opbouwwerker in Tilburg. ‘Bewoners weten vaak zelf wat er speelt’, vertelt De Wit.\n\n"
        "‘Laten we hun ideeën serieus nemen’, zegt ze."
    )
    found = recommendations(nlp, text)
    assert found == [("‘Laten we hun ideeën serieus nemen’, zegt ze.", "Karin de Wit", "wij")]


def test_speaker_of_a_quote_over_two_sentences(nlp: Language) -> None:
    text = "Ze vertelt: ‘Het werk is veranderd. Hulpverleners moeten weer vaker op huisbezoek.’ Daarna lacht ze."
    doc = nlp("Ahmed Bouali antwoordt direct. " + text)
    speakers = [(span.text, span._.speaker) for span in doc.spans["recommendations"]]
    assert speakers == [("Hulpverleners moeten weer vaker op huisbezoek.’", "Ahmed Bouali")]


def test_speaker_in_interview_format(nlp: Language) -> None:
    text = "Inleiding van de redactie.\n\nPeter Jansen: ‘Het is zaak dat wijkteams de tijd krijgen.’"
    assert recommendations(nlp, text) == [("Peter Jansen: ‘Het is zaak dat wijkteams de tijd krijgen.’", "Peter Jansen", None)]


def test_speaker_named_in_the_sentence(nlp: Language) -> None:
    text = "Waar mogelijk moeten hulpverleners met cliënten blijven afspreken, vindt Jansen. Volgens Ahmed Bouali moeten gemeenten dat betalen."
    assert recommendations(nlp, text) == [
        ("Waar mogelijk moeten hulpverleners met cliënten blijven afspreken, vindt Jansen.", "Jansen", "hulpverleners"),
        ("Volgens Ahmed Bouali moeten gemeenten dat betalen.", "Ahmed Bouali", "gemeenten"),
    ]


def test_the_author_is_left_to_the_caller(nlp: Language) -> None:
    assert recommendations(nlp, "Beleidsmakers moeten luisteren naar de praktijk.") == [
        ("Beleidsmakers moeten luisteren naar de praktijk.", None, "beleidsmakers")
    ]


def test_quote_regions_ignore_apostrophes() -> None:
    text = "Hij zei: ‘We moeten z’n plan steunen, ook ’s avonds.’ Klaar."
    assert quote_regions(text) == [(text.index("‘"), text.index(".’") + 2)]


def test_find_recommendations_without_the_pipeline() -> None:
    nlp = spacy.blank("nl")
    nlp.add_pipe("sentencizer")
    doc = nlp("Het weer was goed. Gemeenten moeten de regie nemen.")
    spans = find_recommendations(doc)
    assert [(span.text, span.label_, span._.addressee) for span in spans] == [
        ("Gemeenten moeten de regie nemen.", "RECOMMENDATION", "gemeenten")
    ]


def test_scorer(nlp: Language) -> None:
    text = "Het weer was goed. Gemeenten moeten de regie nemen."
    reference: Doc = nlp.make_doc(text)
    reference.spans["recommendations"] = [Span(reference, 5, 11, label="RECOMMENDATION")]
    scores = nlp.evaluate([Example(nlp.make_doc(text), reference)])
    assert scores["recommendations_f"] == 1.0
