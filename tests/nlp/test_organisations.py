"""The kg_organisations component and its gazetteer, on small annotated texts written for these tests."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example

from kg.nlp.gazetteer import Gazetteer
from kg.nlp.organisations import default_gazetteer_path, find_organisation_spans

# Each fixture: a text and its organisation mentions as (surface, gazetteer id or "" when unseen).
ANNOTATED = [
    (
        "Onderzoekers van Avans en het Trimbos-instituut werkten samen met het ministerie van VWS.",
        [("Avans", "avans"), ("Trimbos-instituut", "trimbos"), ("ministerie van VWS", "vws")],
    ),
    (
        "Het project werd gedragen door Stichting De Buurtbron, de gemeente Ooststellingwerf, "
        "het Lectoraat Sociale Innovatie en Hogeschool Noorderlicht.",
        [
            ("Stichting De Buurtbron", ""),
            ("gemeente Ooststellingwerf", ""),
            ("Lectoraat Sociale Innovatie", ""),
            ("Hogeschool Noorderlicht", ""),
        ],
    ),
    (
        "De subsidie komt van het Ministerie van Volksgezondheid, Welzijn en Sport en gaat naar de "
        "Werkplaats Sociaal Domein Noord.",
        [("Ministerie van Volksgezondheid, Welzijn en Sport", "vws"), ("Werkplaats Sociaal Domein Noord", "wsd-noord")],
    ),
    (
        "Volgens het Institute for Positive Health (IPH) en het Landelijk Steunpunt Mantelhulp (LSM) "
        "groeit de vraag. Het IPH en het LSM werken samen met het NIBUD.",
        [
            ("Institute for Positive Health", "iph"),
            ("IPH", "iph"),
            ("Landelijk Steunpunt Mantelhulp", ""),
            ("LSM", ""),
            ("IPH", "iph"),
            ("LSM", ""),
            ("NIBUD", "nibud"),
        ],
    ),
    (
        "Zes gemeenten (Zeist, Capelle a/d IJssel, Ede en Waddinxveen) doen mee.",
        [("Zeist", ""), ("Capelle a/d IJssel", ""), ("Ede", "gemeente-ede"), ("Waddinxveen", "")],
    ),
]


@pytest.fixture(scope="module")
def nlp() -> Language:
    import kg.nlp.organisations  # noqa: F401  (registers the factory)

    pipeline = spacy.blank("nl")
    pipeline.add_pipe("sentencizer")
    pipeline.add_pipe("kg_organisations")
    return pipeline


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load(default_gazetteer_path())


def mentions(doc: Doc) -> list[tuple[str, str]]:
    return [(span.text, span.kb_id_) for span in doc.spans["organisations"]]


@pytest.mark.parametrize(("text", "expected"), ANNOTATED, ids=[f"fixture-{i}" for i in range(len(ANNOTATED))])
def test_annotated_fixtures(nlp: Language, text: str, expected: list[tuple[str, str]]) -> None:
    doc = nlp(text)
    assert mentions(doc) == expected
    assert all(span.label_ == "ORG" for span in doc.spans["organisations"])


def test_gazetteer_entries_and_resolution(gazetteer: Gazetteer) -> None:
    vws = gazetteer.get("vws")
    assert vws is not None and vws.name == "Ministerie van Volksgezondheid, Welzijn en Sport"
    assert vws.kind == "ministerie" and "VWS" in vws.aliases
    assert gazetteer.get("igj").parent == "vws"
    assert gazetteer.resolve("VWS") is vws
    assert gazetteer.resolve("Avans").id == "avans"
    assert gazetteer.resolve("het Trimbos-instituut").id == "trimbos"
    assert gazetteer.resolve("hogeschool utrecht").id == "hu"
    assert gazetteer.resolve("Provincie Fryslan").id == "provincie-fryslan"
    assert gazetteer.resolve("NIBUD").id == "nibud"


def test_acronyms_are_case_sensitive(gazetteer: Gazetteer, nlp: Language) -> None:
    assert gazetteer.resolve("vws") is None
    assert gazetteer.resolve("Ser") is None
    doc = nlp("Om negen uur belde het OM. Ser van Dam en de ser-leden wachtten op de SER.")
    assert mentions(doc) == [("OM", "openbaar-ministerie"), ("SER", "ser")]


def test_generic_nouns_are_not_organisations(nlp: Language) -> None:
    doc = nlp(
        "De gemeente sprak met de politie, het ministerie en de hogeschool over een stichting "
        "voor buurtwerk. Het instituut zweeg."
    )
    assert mentions(doc) == []


def test_sentence_initial_common_words_are_not_names(nlp: Language) -> None:
    doc = nlp("Trouw aan hun idealen bleven de vrijwilligers. Karakter telt. Volgens Trouw klopt dat.")
    assert mentions(doc) == [("Trouw", "trouw")]


def test_named_police_counts_and_longest_match_wins(nlp: Language) -> None:
    doc = nlp("Zij werkt bij de Nationale Politie en bij Hogeschool Utrecht, niet bij de politie van Utrecht.")
    assert mentions(doc) == [("Nationale Politie", "nationale-politie"), ("Hogeschool Utrecht", "hu")]
    spans = sorted(doc.spans["organisations"], key=lambda span: span.start)
    assert all(left.end <= right.start for left, right in zip(spans, spans[1:]))


def test_acronym_in_all_caps_heading_is_not_an_organisation(nlp: Language) -> None:
    doc = nlp("COLUMN\n\nWAT DE VNG NU MOET DOEN\n\nDe VNG vraagt gemeenten om hulp.")
    assert mentions(doc) == [("VNG", "vng")]
    assert doc.spans["organisations"][0].start_char > doc.text.index("De VNG")


def test_find_organisation_spans_without_a_pipeline() -> None:
    doc = spacy.blank("nl")("Zij werkte jaren bij Movisie-projecten en bij Vilans.")
    assert [(span.text, span.kb_id_) for span in find_organisation_spans(doc)] == [
        ("Movisie-projecten", "movisie"),
        ("Vilans", "vilans"),
    ]


def test_scorer_reports_precision_recall_and_f(nlp: Language) -> None:
    text = "Divosa en de VNG schreven samen met Stichting Het Buurtlicht een brief."
    predicted = nlp(text)
    reference = nlp.make_doc(text)
    reference.spans["organisations"] = [
        reference.char_span(text.index("Divosa"), text.index("Divosa") + 6, label="ORG"),
        reference.char_span(text.index("VNG"), text.index("VNG") + 3, label="ORG"),
        reference.char_span(text.index("Het Buurtlicht"), text.index("Het Buurtlicht") + 14, label="ORG"),
    ]
    scores = nlp.evaluate([Example(predicted, reference)])
    # Predicted: Divosa, VNG, "Stichting Het Buurtlicht" (wider than the reference's extent).
    assert scores["organisations_p"] == pytest.approx(2 / 3)
    assert scores["organisations_r"] == pytest.approx(2 / 3)
    assert scores["organisations_f"] == pytest.approx(2 / 3)


def test_kind_nouns_and_workplaces_name_unseen_organisations() -> None:
    from kg.nlp.pipeline import make_nlp

    doc = make_nlp()(
        "Dat bevestigt Marloes Kuipers van welzijnsorganisatie Samen-Sterk: het werk is veranderd. "
        "Ook Pieter de Wolf, van Buurtdiensten Oost, ziet dat. Tom Akkerman van de gemeente zegt niets."
    )
    found = [span.text for span in doc.spans["organisations"]]
    assert "Samen-Sterk" in found
    assert "Buurtdiensten Oost" in found
    assert not any("gemeente" in text.lower() for text in found)  # a generic noun names nobody


def test_a_web_address_on_an_organisations_domain_names_it_an_email_address_does_not() -> None:
    from kg.nlp.pipeline import make_nlp

    doc = make_nlp()("Meer informatie: www.movisie.nl of mail naar a.bakker@movisie.nl. Zie ook voorbeeld.nl.")
    assert {(span.text, span.kb_id_) for span in doc.spans["organisations"]} == {("www.movisie.nl", "movisie")}


def test_a_municipality_named_as_a_place_is_not_the_organisation(nlp: Language) -> None:
    doc = nlp(
        "De buurtdienst helpt in de gemeenten Zwartewaal, Oudeland en Vierhouten. De gemeente Oudeland "
        "betaalt, net als de provincie Drenthe; de hulp is er ook in de provincie Drenthe en in gemeente Vierhouten."
    )
    assert mentions(doc) == [("gemeente Oudeland", ""), ("provincie Drenthe", "provincie-drenthe")]


def test_a_capitalised_common_word_does_not_open_a_listed_name(nlp: Language) -> None:
    doc = nlp("Zo staat het in de literatuur. (Proefschrift Radboud Universiteit, Nijmegen).")
    assert mentions(doc) == [("Radboud Universiteit", "radboud-universiteit")]


def test_an_unseen_acronym_opening_a_compound_is_not_an_organisation() -> None:
    from kg.nlp.pipeline import make_nlp  # its tokenizer splits "KBW-instrument" at the hyphen

    doc = make_nlp()("Het KBW-instrument en de VR-omgeving werken goed, zegt het KBW, net als de RIVM-maatregelen.")
    assert mentions(doc) == [("KBW", ""), ("RIVM", "rivm")]


def test_a_capitalised_particle_after_a_name_opens_a_surname_not_a_workplace() -> None:
    from kg.nlp.pipeline import make_nlp

    doc = make_nlp()("Het artikel van Marloes Kuipers, Van Dam & Vos (2020) en van Pieter de Wolf, van Buurtdiensten Oost.")
    assert [span.text for span in doc.spans["organisations"]] == ["Buurtdiensten Oost"]


def test_a_name_with_lowercase_words_is_found_whole_when_listed(nlp: Language) -> None:
    doc = nlp("De aanpak bouwt voort op de expertise van de Federatie van Somalische associaties in Nederland.")
    assert mentions(doc) == [("Federatie van Somalische associaties in Nederland", "fsan")]


def test_a_unit_after_its_listed_organisation_is_one_organisation(nlp: Language) -> None:
    doc = nlp("De opleiding valt onder Avans Academie Zorg en Welzijn, niet onder Avans zelf.")
    assert mentions(doc) == [("Avans Academie Zorg en Welzijn", ""), ("Avans", "avans")]


def test_a_network_and_a_place_name_a_local_branch(nlp: Language) -> None:
    doc = nlp("Vrijwilligers van Humanitas Zwolle en Veilig Thuis Twente hielpen, net als Veilig Thuis.")
    assert mentions(doc) == [("Humanitas Zwolle", ""), ("Veilig Thuis Twente", "vt-twente"), ("Veilig Thuis", "veilig-thuis")]


def test_a_bracketed_short_form_or_its_plural_is_no_organisation_of_its_own(nlp: Language) -> None:
    doc = nlp(
        "Elk zorg- en veiligheidshuis (ZVH) werkt anders. Het Zorg- en Veiligheidshuis Rivierenland overlegt "
        "met andere ZVH'en. De wijkverpleging (WVP) en de SPV sluiten aan."
    )
    assert mentions(doc) == [("Zorg- en Veiligheidshuis Rivierenland", "")]


def test_a_lector_of_a_subject_names_no_organisation() -> None:
    from kg.nlp.pipeline import make_nlp

    doc = make_nlp()(
        "Zij werkt samen met andere lectoren zoals Anna Bosman van Gerontologie, Rob Kok van Inclusie in de wijk "
        "en Piet Smits van Jeugd en Gezin. "
        "De wethouder sprak met Lotte Jansen, van Buurtkracht Deventer."
    )
    assert [span.text for span in doc.spans["organisations"]] == ["Buurtkracht Deventer"]


def test_listed_partner_municipalities_are_municipalities(nlp: Language) -> None:
    doc = nlp("Het leertraject loopt samen met de gemeentes Zeewolde, Dronten en Urk.")
    assert [span.text for span in doc.spans["organisations"]] == ["Zeewolde", "Dronten", "Urk"]


def test_a_title_case_name_is_not_matched_by_the_same_words_opening_a_sentence(nlp: Language) -> None:
    doc = nlp("Sociale vraagstukken vragen om beleid. Dat schreef zij in Sociale Vraagstukken.")
    assert mentions(doc) == [("Sociale Vraagstukken", "tsv")]


def test_a_centre_of_expertise_is_named_by_its_head(nlp: Language) -> None:
    doc = nlp("Het onderzoek liep via het Centre of Expertise Sterke Dorpen.")
    assert mentions(doc) == [("Centre of Expertise Sterke Dorpen", "")]


def test_what_a_reference_list_cites_is_a_source_not_an_organisation(nlp: Language) -> None:
    doc = nlp(
        "Volgens Trouw en de Radboud Universiteit groeit de vraag.\n\nLiteratuur\n"
        "- Trouw (12 maart 2019). Buurthuizen sluiten.\n"
        "Bakker, J., & Smit, E. (2021). Nabijheid. Movisie.\n"
    )
    assert mentions(doc) == [("Trouw", "trouw"), ("Radboud Universiteit", "radboud-universiteit")]


def test_a_capitalised_gemeente_is_the_body_and_a_whole_province_is_an_area(nlp: Language) -> None:
    doc = nlp(
        "Wat leeft er in de dorpen in de Gemeente Oudeland? De spreekuren liggen verspreid over de hele "
        "provincie Drenthe."
    )
    assert [span.text for span in doc.spans["organisations"]] == ["Gemeente Oudeland"]


def test_a_platform_named_as_a_channel_is_a_medium_not_an_organisation() -> None:
    from kg.nlp.pipeline import make_nlp  # its tokenizer splits "Instagram-accounts" at the hyphen

    doc = make_nlp()(
        "Er kwam een oproep op Facebook en reacties via Instagram. Ze had twee Instagram-accounts. "
        "Het gebruik van Facebook groeit."
    )
    assert [(span.text, span.kb_id_) for span in doc.spans["organisations"]] == [("Facebook", "facebook")]


def test_datelines_name_no_organisation_and_a_commission_names_both_parties(nlp: Language) -> None:
    doc = nlp(
        "12 MRT 2022 09:15\n\n3 okt 2019 | Afdeling Voorlichting\n\nIn opdracht van het ministerie van VWS heeft "
        "Stichting Buurtwerk Oost op 1 SEPT 2020 om 14:00 UUR een pilot gestart."
    )
    assert mentions(doc) == [("ministerie van VWS", "vws"), ("Stichting Buurtwerk Oost", "")]


def test_where_a_job_title_works_is_an_organisation_up_to_the_next_sentence() -> None:
    from kg.nlp.pipeline import make_nlp

    doc = make_nlp()(
        "Kees Veldman is programmamanager bij de Buurtalliantie en woont in Zwolle. Zijn collega's bij Jan thuis "
        "kennen hem goed. Lotte Smit is adviseur bij Stichting Kompas Op welke manier zij werkt, vertelt ze later."
    )
    found = [span.text for span in doc.spans["organisations"]]
    assert "Buurtalliantie" in found  # one word no list knows, after "programmamanager bij de"
    assert "Jan" not in found  # a given name after "bij" is somebody's home, not an employer
    assert "Stichting Kompas" in found and not any(text.endswith(" Op") for text in found)
