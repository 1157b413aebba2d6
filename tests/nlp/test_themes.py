"""kg_themes: thesaurus labels found on lemmas, multiword labels, compound heads; weighing."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Span
from spacy.training import Example

from kg.nlp.pipeline import make_nlp
from kg.nlp.themes import (
    candidate_keyphrases,
    default_thesaurus,
    load_concepts,
    weigh_themes,
)

THESAURUS = """
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix kgt: <https://w3id.org/sociaal-kg/theme/> .

kgt:samenwerking a skos:Concept ; skos:prefLabel "samenwerking"@nl , "collaboration"@en ;
    skos:altLabel "samenwerken"@nl .
kgt:hulpverlening a skos:Concept ; skos:prefLabel "hulpverlening"@nl ; skos:altLabel "hulpverleners"@nl .
kgt:jeugdhulp a skos:Concept ; skos:prefLabel "jeugdhulp"@nl ; skos:altLabel "jeugdzorg"@nl .
kgt:zorg a skos:Concept ; skos:prefLabel "zorg"@nl .
kgt:wonen a skos:Concept ; skos:prefLabel "wonen"@nl .
kgt:ouderen a skos:Concept ; skos:prefLabel "ouderen"@nl .
kgt:huiselijk-geweld a skos:Concept ; skos:prefLabel "huiselijk geweld"@nl ;
    skos:altLabel "geweld achter de voordeur"@nl .
kgt:schulden a skos:Concept ; skos:prefLabel "schulden"@nl .
"""


@pytest.fixture(scope="module")
def thesaurus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("thesaurus") / "themes.ttl"
    path.write_text(THESAURUS, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def nlp(thesaurus: Path) -> Language:
    nlp = spacy.blank("nl")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("kg_themes", config={"thesaurus": str(thesaurus)})
    return nlp


def concepts(nlp: Language, text: str) -> list[tuple[str, str]]:
    doc = nlp(text)
    return [(span.text, span.kb_id_) for span in doc.spans["themes"]]


@pytest.mark.parametrize("word", ["samenwerken", "samengewerkt", "samenwerking", "samenwerkingen", "Samenwerking"])
def test_inflected_forms_hit_the_concept(nlp: Language, word: str) -> None:
    assert concepts(nlp, f"In de wijk wordt {word} steeds belangrijker.") == [(word, "samenwerking")]


def test_spans_carry_label_and_concept_id(nlp: Language) -> None:
    doc = nlp("De gemeente zet in op samenwerking.")
    span = doc.spans["themes"][0]
    assert (span.label_, span.kb_id_) == ("THEME", "samenwerking")


def test_multiword_labels_match_on_lemma_sequences(nlp: Language) -> None:
    found = concepts(nlp, "Bij huiselijke geweld en geweld achter de voordeur kijkt het team mee.")
    assert found == [("huiselijke geweld", "huiselijk-geweld"), ("geweld achter de voordeur", "huiselijk-geweld")]


@pytest.mark.parametrize(
    ("word", "concept"),
    [("jeugdhulpverlening", "hulpverlening"), ("schuldhulpverleners", "hulpverlening"), ("studieschulden", "schulden")],
)
def test_compound_matches_by_its_head(nlp: Language, word: str, concept: str) -> None:
    assert concepts(nlp, f"Het gesprek ging over de {word} in de regio.") == [(word, concept)]


def test_a_listed_compound_beats_its_head(tmp_path: Path) -> None:
    path = tmp_path / "themes.ttl"
    path.write_text(THESAURUS.replace('"jeugdzorg"@nl', '"jeugdzorg"@nl , "jeugdhulpverlening"@nl'), encoding="utf-8")
    nlp = spacy.blank("nl")
    nlp.add_pipe("kg_themes", config={"thesaurus": str(path)})
    assert concepts(nlp, "Zij werkt in de jeugdhulpverlening.") == [("jeugdhulpverlening", "jeugdhulp")]


@pytest.mark.parametrize(
    "text",
    [
        "Buren zorgen voor elkaar.",  # "zorgen" is a verb: a short label matches whole words only
        "Zij maakt zich zorgen over de huur.",
        "Het woonzorgcentrum ligt aan de rand van de stad.",  # "zorg" is too short to be a head
        "Zij wil niet samenwonen.",  # "wonen" is a verb label: no head match
        "De ouders van Sem komen op gesprek.",  # "ouders" is not "ouderen"
        "Die kinderen zijn een samenwerkingsverband aangegaan met de jeugdzorgers.",  # head "verband", "zorgers" no label
    ],
)
def test_no_over_matching(nlp: Language, text: str) -> None:
    assert concepts(nlp, text) == []


def test_weigh_themes_lets_headline_and_lead_decide(nlp: Language) -> None:
    lead = "Ouderen in de wijk hebben baat bij goede samenwerking tussen hulpverleners. "
    body = "Over schulden praten is lastig. Schulden stapelen zich op. Schulden blijven lang verborgen. " * 3
    doc = nlp(lead + body)
    ranked = weigh_themes(doc, headline="Samenwerken voor ouderen", lead_chars=len(lead))
    names = [concept for concept, _ in ranked]
    assert names[:3] == ["ouderen", "samenwerking", "hulpverlening"]
    assert "schulden" in names
    assert all(0 < weight <= 1 for _, weight in ranked)
    assert len(ranked) <= 8


def test_weigh_themes_drops_a_single_body_mention_in_a_long_article(nlp: Language) -> None:
    doc = nlp("Een lange inleiding zonder thema. " * 200 + "Ook de jeugdzorg kwam ter sprake.")
    assert weigh_themes(doc, headline="Een nieuw begin", lead_chars=100) == []


def test_weigh_themes_keeps_a_specific_concept_named_once_in_a_short_item(nlp: Language) -> None:
    doc = nlp("Een korte inleiding zonder thema. " * 20 + "Ook de jeugdzorg en de zorg kwamen ter sprake.")
    names = [concept for concept, _ in weigh_themes(doc, headline="Een nieuw begin", lead_chars=100)]
    assert names == ["jeugdhulp"]  # "zorg" is an everyday word: once is in passing


def test_weigh_themes_drops_a_concept_rare_for_the_article_length(nlp: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("kg.nlp.themes.MIN_THEMES", 1)  # enough salient themes: nothing to top up
    filler = "Een lange inleiding zonder thema. " * 200  # 1000 words
    doc = nlp("Goede zorg voor ouderen begint thuis. " + filler + "Ook de zorg kwam ter sprake.")
    names = [concept for concept, _ in weigh_themes(doc, headline="Ouderen in de wijk", lead_chars=100)]
    assert names == ["ouderen"]  # "zorg" twice in a thousand words, once in the lead: in passing


def test_weigh_themes_tops_up_a_long_article_with_its_recurring_concepts(nlp: Language) -> None:
    filler = "Een lange inleiding zonder thema. " * 200  # 1000 words
    body = "Hulpverleners zien het vaak. " + filler + "Hulpverleners weten het. Schulden blijven een zorg."
    doc = nlp("Goede zorg voor ouderen begint thuis. " + body)
    names = [concept for concept, _ in weigh_themes(doc, headline="Ouderen in de wijk", lead_chars=100)]
    assert names[0] == "ouderen"  # what the headline names comes first
    assert set(names) == {"ouderen", "zorg", "hulpverlening"}  # named twice, or in the lead: secondary topics
    assert "schulden" not in names  # once in the body: still a passing mention


def test_weigh_themes_keeps_a_single_lead_mention_in_a_short_item(nlp: Language) -> None:
    doc = nlp("Goede zorg voor ouderen begint thuis. " + "Een korte inleiding zonder thema. " * 10)
    names = [concept for concept, _ in weigh_themes(doc, headline="Een nieuw begin", lead_chars=100)]
    assert sorted(names) == ["ouderen", "zorg"]


def test_hyphenated_labels_match_in_the_pipeline() -> None:
    doc = make_nlp()("Zij volgen een e-learning en verwijzen naar het Wmo-loket.")
    assert [(span.text, span.kb_id_) for span in doc.spans["themes"]] == [("e-learning", "professionalisering"), ("Wmo-loket", "wmo")]


def test_candidate_keyphrases_are_frequent_and_not_in_the_thesaurus(nlp: Language) -> None:
    docs = [nlp("De positieve gezondheid van bewoners en hun buurtinitiatieven staan centraal bij samenwerking.")] * 3
    phrases = dict(candidate_keyphrases(docs))
    assert phrases["positieve gezondheid"] == 3
    assert phrases["buurtinitiatieven"] == 3
    assert not any("samenwerking" in phrase for phrase in phrases)


def test_scorer_compares_concepts(nlp: Language) -> None:
    predicted = nlp.make_doc("Goede samenwerking helpt.")
    reference = nlp.make_doc("Goede samenwerking helpt.")
    reference.spans["themes"] = [Span(reference, 1, 2, label="THEME", kb_id="samenwerking")]
    assert nlp.evaluate([Example(predicted, reference)])["spans_themes_f"] == 1.0
    reference.spans["themes"] = [Span(reference, 1, 2, label="THEME", kb_id="zorg")]
    assert nlp.evaluate([Example(predicted, reference)])["spans_themes_f"] == 0.0


def test_the_project_thesaurus_is_read_at_run_time() -> None:
    concepts = load_concepts(default_thesaurus())
    assert "samenwerking" in concepts and "samenwerking" in concepts["samenwerking"]


@pytest.fixture(scope="module")
def project_nlp() -> Language:
    return make_nlp()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a service is tagged apart from the problem it tackles, and the problem still counts
        ("Wie problematische schulden heeft, vindt de schuldhulpverlening vaak te laat.", {"schulden", "schuldhulpverlening"}),
        # a method apart from its field
        ("In het moreel beraad bespreekt het team een ethisch dilemma over de ethiek van het vak.", {"moreel-beraad", "morele-dilemmas", "ethiek"}),
        # the decentralisations apart from the municipalities that carry them out
        ("Sinds de decentralisaties voeren gemeenten de jeugdhulp uit.", {"decentralisaties", "gemeenten", "jeugdhulp"}),
        # places, networks and connectors of a neighbourhood
        ("Het buurthuis sloot, maar het bewonersnetwerk en de buurtverbinders bleven actief.", {"buurtvoorzieningen", "sociaal-netwerk", "buurtverbinders"}),
        # remote contact is its own theme, not online help
        ("Tijdens de lockdown hielden zij contact op afstand via beeldbellen.", {"coronacrisis", "contact-op-afstand"}),
        ("Zzp'ers en flexwerkers vielen buiten de sociale zekerheid.", {"flexwerk", "sociale-zekerheid"}),
        # the problems local news keeps reporting: waiting lists, and the council that debates them
        ("De wachttijden in de jeugdhulp lopen op; de gemeentepolitiek is verdeeld.", {"wachtlijsten", "jeugdhulp", "politiek"}),
        # the schools of the field's professionals
        ("Veel hbo-studenten kiezen het hoger beroepsonderwijs om sociaal werker te worden.", {"hoger-beroepsonderwijs", "sociaal-werk"}),
        # target groups as the field names them: people in a vulnerable position
        ("Mensen in een kwetsbare positie en kwetsbare huishoudens merken het eerst.", {"kwetsbare-groepen"}),
        # early intervention by its method's name ("Vroeg Eropaf")
        ("Met Vroeg Eropaf wil de gemeente vroeg ingrijpen.", {"vroegsignalering", "gemeenten"}),
        # informal support: buddies and peers, not paid help
        ("Maatjes en lotgenotencontact helpen tegen eenzaamheid.", {"informele-hulp", "eenzaamheid"}),
    ],
)
def test_the_thesaurus_tags_services_methods_and_places_of_the_field(project_nlp: Language, text: str, expected: set[str]) -> None:
    doc = project_nlp(text)
    assert {span.kb_id_ for span in doc.spans["themes"]} == expected


def test_a_label_printed_inside_a_name_is_no_theme(nlp: Language) -> None:
    found = concepts(nlp, "Zij werkt bij het Expertisecentrum Huiselijk Geweld aan huiselijk geweld.")
    assert found == [("huiselijk geweld", "huiselijk-geweld")]


def test_a_capitalised_label_keeps_matching_its_capitals(project_nlp: Language) -> None:
    doc = project_nlp("Zij vroeg ondersteuning aan via de Wet Maatschappelijke Ondersteuning.")
    assert [span.kb_id_ for span in doc.spans["themes"]] == ["wmo"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the organisation is named, the theme is what the rest of the sentence says
        ("Zij is onderzoeker bij de Werkplaats Sociaal Domein Twente. In werkplaatsen leren studenten van elkaar.", [("werkplaatsen", "praktijkgericht-onderzoek")]),
        ("Het Zorg- en Veiligheidshuis Brabant Noordoost coördineert de veiligheidszorg.", [("veiligheidszorg", "veiligheidszorg")]),
    ],
)
def test_a_label_inside_an_organisation_name_is_no_theme(project_nlp: Language, text: str, expected: list[tuple[str, str]]) -> None:
    doc = project_nlp(text)
    assert [(span.text, span.kb_id_) for span in doc.spans["themes"]] == expected



def _magazine_article(subheading: str) -> str:
    """A long article (1000+ words) that names seven concepts three times each in passing and one
    twice: once in its body, once in a paragraph of its own after the lead."""
    filler = "Een lange alinea zonder thema. " * 200
    passing = "Samenwerking, hulpverleners, jeugdzorg, ouderen, huiselijk geweld, mantelzorg en dementie kwamen ter sprake. "
    return "Een korte inleiding.\n\n" + passing + filler + passing + f"\n\n{subheading}\n\n" + passing + "Ook schulden."


@pytest.mark.parametrize(("subheading", "kept"), [("Schulden in de wijk", True), ("Schulden in de wijk.", False)])
def test_weigh_themes_counts_what_a_subheading_names(tmp_path: Path, subheading: str, kept: bool) -> None:
    path = tmp_path / "themes.ttl"
    extra = 'kgt:mantelzorg a skos:Concept ; skos:prefLabel "mantelzorg"@nl .\nkgt:dementie a skos:Concept ; skos:prefLabel "dementie"@nl .\n'
    path.write_text(THESAURUS + extra, encoding="utf-8")
    nlp = spacy.blank("nl")
    nlp.add_pipe("kg_themes", config={"thesaurus": str(path)})
    names = [concept for concept, _ in weigh_themes(nlp(_magazine_article(subheading)), headline="Een nieuw begin", lead_chars=30)]
    assert ("schulden" in names) is kept  # a sentence of its own is no subheading
    assert len(names) == 6  # none recurs often enough for its length: the six strongest


@pytest.mark.parametrize(("sentences", "kept"), [(78, True), (100, False)])  # 396 words (a magazine page) and 506
def test_weigh_themes_keeps_a_single_mention_on_one_page(nlp: Language, sentences: int, kept: bool) -> None:
    doc = nlp("Een pagina zonder enig thema. " * sentences + "Ook de jeugdzorg kwam ter sprake.")
    names = [concept for concept, _ in weigh_themes(doc, headline="Een nieuw begin", lead_chars=100)]
    assert names == (["jeugdhulp"] if kept else [])
