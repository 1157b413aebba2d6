"""The kg_persons component: name shapes, guards against false positives, lone surnames, scorer."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example

from kg.nlp.persons import find_person_spans
from kg.normalise import normalise

FIXTURES = json.loads((Path(__file__).parent / "fixtures" / "persons.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def nlp() -> Language:
    nlp = spacy.blank("nl")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("kg_persons")
    return nlp


def clean(text: str) -> str:
    return normalise(text).text


def persons(nlp: Language, text: str) -> list[str]:
    doc = nlp(clean(text))
    return [span.text for span in doc.spans["persons"]]


def reference(nlp: Language, text: str, names: list[str]) -> Doc:
    """A doc of ``text`` whose ``persons`` group holds ``names``, found in order."""
    doc = nlp.make_doc(text)
    spans, position = [], 0
    for name in names:
        start = text.index(name, position)
        position = start + len(name)
        spans.append(doc.char_span(start, position, label="PERSON"))
    assert all(span is not None for span in spans)
    doc.spans["persons"] = spans
    return doc


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f["about"][:40] for f in FIXTURES])
def test_fixtures(nlp: Language, fixture: dict[str, Any]) -> None:
    assert persons(nlp, fixture["text"]) == fixture["persons"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Het plan komt van Jan Willem van de Maat uit Zwolle.", "Jan Willem van de Maat"),
        ("We spraken met Anne-Marie van Bergen over eenzaamheid.", "Anne-Marie van Bergen"),
        ("Het voorwoord is van Janny Bakker-Klein, bestuurder.", "Janny Bakker-Klein"),
        ("Daarover schreef Maja Ročak eerder een essay.", "Maja Ročak"),
        ("Het onderzoek van Daniëlle van Oostrum loopt nog.", "Daniëlle van Oostrum"),
        ("Volgens J. Janssen is dat niet nieuw.", "J. Janssen"),
        ("Het rapport van A.J.M. van 't Hof verscheen in mei.", "A.J.M. van 't Hof"),
        ("De les van Th. de Groot-Ouwerkerk blijft.", "Th. de Groot-Ouwerkerk"),
        ("Het interview met Sijbrand in ’t Veld duurde lang.", "Sijbrand in ’t Veld"),
        ("Zo legt dr. Marieke Smit het uit.", "Marieke Smit"),
    ],
)
def test_name_shapes(nlp: Language, text: str, name: str) -> None:
    assert persons(nlp, text) == [name]


@pytest.mark.parametrize(
    "text",
    [
        "Samenwerking is het sleutelwoord. Preventie werkt beter dan genezen.",
        "Maandag begint het project. Daarna volgt de evaluatie in Utrecht.",
        "Ellen vertelt dat ze het lastig vindt.",  # a first name alone
        "Hogeschool Utrecht en Gemeente Zwolle tekenden het convenant.",
        "De Stichting Anne Frank en de Marie Kamphuis lezing kregen aandacht.",
        "Wieringa heeft gelijk, maar niemand luistert.",  # a known surname, no cue, no full name
        "Het Sociaal Werk Nederland congres ging door.",
    ],
)
def test_no_persons(nlp: Language, text: str) -> None:
    assert persons(nlp, text) == []


def test_unseen_surname_after_known_first_name(nlp: Language) -> None:
    assert persons(nlp, "Dat zegt Fenna Wolkerstrunk van het wijkteam.") == ["Fenna Wolkerstrunk"]


@pytest.mark.parametrize(
    "text,name",
    [
        ("‘Het moet anders’, aldus adviseur Ernst Zandvoorde van de brancheclub.", "Ernst Zandvoorde"),
        ("Volgens onderzoeker Mei Wildschut is dat niet genoeg.", "Mei Wildschut"),
    ],
)
def test_given_name_that_is_also_a_word_takes_a_surname_after_a_role(nlp: Language, text: str, name: str) -> None:
    """A given name that is also a Dutch word ("ernst") is a name when a role introduces it."""
    assert persons(nlp, text) == [name]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Ze werkt samen met Ben Holtkamp van de jeugdzorg.", ["Ben Holtkamp"]),
        ("Ben je er klaar voor? Wil Zorg meedoen?", []),
        ("Zoals in het boek De Storm van een schrijver.", []),
    ],
)
def test_a_given_name_that_is_a_stop_word_counts_mid_sentence(nlp: Language, text: str, expected: list[str]) -> None:
    assert persons(nlp, text) == expected


def test_a_name_before_an_organisation_word_keeps_its_last_given_name_as_surname(nlp: Language) -> None:
    """"X Y van de Erasmus Universiteit": the surname is not "van de Erasmus"."""
    assert persons(nlp, "Zij overlegt geregeld met Eva Storm van de Erasmus Universiteit.") == ["Eva Storm"]


def test_lone_surname_needs_a_cue_or_a_full_name(nlp: Language) -> None:
    assert persons(nlp, "Dat is juist, aldus Wieringa.") == ["Wieringa"]
    assert persons(nlp, "Maaike Wieringa opende de dag. Later sprak Wieringa nog.") == ["Maaike Wieringa", "Wieringa"]
    # a cue anywhere in the text makes every mention count, also an earlier headline one
    assert persons(nlp, "Wieringa opent de dag\n\nDe dag is geopend, zegt Wieringa.") == ["Wieringa", "Wieringa"]
    assert persons(nlp, "Wieringa opent de dag\n\nDe dag is geopend.") == []


def test_lone_surname_keeps_its_particle(nlp: Language) -> None:
    text = "Marjet van Houten werkt in de dagbesteding. ‘Het is zwaar’, zegt Van Houten."
    assert persons(nlp, text) == ["Marjet van Houten", "Van Houten"]


def test_spans_never_overlap(nlp: Language) -> None:
    texts = [clean(f["text"]) for f in FIXTURES]
    texts.append("Jan Willem van de Maat Anne J. de Vries-Bakker Van de Maat Maat vertelt dr. J. Smit Smit.")
    for doc in nlp.pipe(texts):
        spans = list(doc.spans["persons"])
        assert all(span.label_ == "PERSON" for span in spans)
        assert all(a.end <= b.start for a, b in zip(spans, spans[1:]))


def test_helper_works_on_a_bare_doc() -> None:
    doc = spacy.blank("nl")("Het gesprek met Sevgi Yıldız liep uit.")
    assert [span.text for span in find_person_spans(doc)] == ["Sevgi Yıldız"]


def test_cue_file_is_configurable(tmp_path: Path) -> None:
    cues = tmp_path / "cues.txt"
    cues.write_text("[speech]\nfluistert\n[role]\n[organisation]\n", encoding="utf-8")
    custom = spacy.blank("nl")
    custom.add_pipe("kg_persons", config={"cues_path": str(cues)})
    assert persons(custom, "Het komt goed, fluistert Wieringa.") == ["Wieringa"]
    assert persons(custom, "Het komt goed, aldus Wieringa.") == []


def test_scorer_reports_persons_prf(nlp: Language) -> None:
    examples = []
    for fixture in FIXTURES:
        text = clean(fixture["text"])
        examples.append(Example(nlp.make_doc(text), reference(nlp, text, fixture["persons"])))
    scores = nlp.evaluate(examples)
    assert (scores["persons_p"], scores["persons_r"], scores["persons_f"]) == (1.0, 1.0, 1.0)

    # Careful readers also count a role plus a first name; the component finds neither.
    text = "Wethouder Jansen sprak met Marieke Smit en met Ellen."
    gold = reference(nlp, text, ["Jansen", "Marieke Smit", "Ellen"])
    scores = nlp.evaluate([Example(nlp.make_doc(text), gold)])
    assert scores["persons_p"] == 1.0
    assert scores["persons_r"] == pytest.approx(1 / 3)
    assert scores["persons_f"] == pytest.approx(0.5)


def test_authors_of_cited_works_are_no_mentions(nlp: Language) -> None:
    text = (
        "Wijkteams werken beter samen, schrijft Femke Dorrestein.\n\n"
        "### Literatuur\n\n"
        "- Kuipers, H., Mertens, J. van & Wolters, A. (2019). Samen in de wijk. In: P. de Boer (red.). Wijkwerk. Utrecht: Movisie.\n\n"
        "- De Wit, L. (2020, 3 mei). Wethouder Karin Sloot: geef de wijk een stem. NRC.\n\n"
        "1 G. Pronk, ‘Zorg dichtbij’, Trouw 4 april 2020."
    )
    assert persons(nlp, text) == ["Femke Dorrestein"]


def test_a_name_at_the_start_of_a_paragraph_is_still_a_mention(nlp: Language) -> None:
    text = "Inleiding.\n\nMarieke Smit, wijkverpleegkundige, ziet het elke dag (2020).\n\n- Jan Koster opende het overleg."
    assert persons(nlp, text) == ["Marieke Smit", "Jan Koster"]


def test_a_photo_credit_names_no_one_the_article_mentions(nlp: Language) -> None:
    text = "Wijkwerker Femke Dorrestein in het buurthuis.\nFoto: Marieke de Vries\nFOTO JAN KOSTER\nEen foto van Jan Koster hing er ook."
    assert persons(nlp, text) == ["Femke Dorrestein", "Jan Koster"]
