from __future__ import annotations

from kg.extract.interviewees import interviewees
from kg.resolve import PersonResolver


def test_initials_and_full_name_are_one_person() -> None:
    resolver = PersonResolver(["J. Janssen", "Janine Janssen", "Ben Kokkeler"])
    assert resolver.name("J. Janssen") == "Janine Janssen"
    assert resolver.name("Janine  Janssen") == "Janine Janssen"


def test_two_people_sharing_a_surname_stay_two() -> None:
    resolver = PersonResolver(["Jan Janssen", "Janine Janssen", "J. Janssen", "P. Janssen"])
    assert resolver.name("Jan Janssen") == "Jan Janssen"
    assert resolver.name("Janine Janssen") == "Janine Janssen"
    assert resolver.name("J. Janssen") == "J. Janssen"  # fits both: not merged
    assert resolver.name("P. Janssen") == "P. Janssen"


def test_interviewees_are_people_given_the_floor() -> None:
    text = (
        "In gesprek met Lotte Verbeek. ‘Het werk veranderde’, zegt Verbeek. Ook Kees Mol kwam langs. "
        "‘We gingen de straat op’, aldus Verbeek. Volgens Mol was dat nodig."
    )
    assert interviewees(text, ["Lotte Verbeek", "Kees Mol"], "report", exclude=set()) == ["Lotte Verbeek"]
    assert interviewees(text, ["Lotte Verbeek", "Kees Mol"], "interview", exclude={"verbeek"}) == ["Kees Mol"]


def test_a_thinker_whose_book_is_discussed_is_not_interviewed() -> None:
    text = (
        "‘We moeten opnieuw beginnen’, zegt Sanne Kroeze. Kroeze denkt volgens de ideeën van de Duitse filosoof "
        "Hannah Wessel. Wessel komt uit op twee principes. Sanne Kroeze, filosoof, knikt."
    )
    names = ["Sanne Kroeze", "Hannah Wessel"]
    assert interviewees(text, names, "interview", exclude=set(), described={"kroeze", "wessel"}) == ["Sanne Kroeze"]


def test_a_portrait_caption_gives_the_floor_in_an_interview() -> None:
    text = "Kroeze aarzelt. ‘Ik weet het niet.’ Sanne Kroeze, bijzonder hoogleraar Zorgethiek."
    assert interviewees(text, ["Sanne Kroeze"], "interview", exclude=set(), described={"kroeze"}) == ["Sanne Kroeze"]


def test_a_role_and_organisation_may_stand_between_verb_and_name() -> None:
    text = "‘We helpen deelnemers’, zegt projectleider van Movisie, Femke Dorrestein. Mail Dorrestein voor meer."
    assert interviewees(text, ["Femke Dorrestein"], "report", exclude=set(), described={"dorrestein"}) == ["Femke Dorrestein"]


def test_a_pronoun_attribution_counts_for_the_only_person_named() -> None:
    text = "Minister Kuipers (VWS) presenteerde zijn plan. Op de vraag of het werkt, antwoordde hij: ‘Wij weten het niet.’"
    assert interviewees(text, ["Kuipers"], "news", exclude=set(), described={"kuipers"}) == ["Kuipers"]
    two = text + " Ook Joost Mertens van de gemeente Utrecht was er."
    assert interviewees(two, ["Kuipers", "Joost Mertens"], "news", exclude=set(), described={"kuipers", "mertens"}) == []

def test_spellings_that_differ_in_diacritics_or_case_are_one_name() -> None:
    resolver = PersonResolver(["Daniëlle van Oostrum", "Danielle van Oostrum", "DANIËLLE VAN OOSTRUM"])
    assert {resolver.name(n) for n in ("Daniëlle van Oostrum", "Danielle van Oostrum", "DANIËLLE VAN OOSTRUM")} == {"Daniëlle van Oostrum"}


def test_unknown_organisation_spelled_two_ways_gets_one_name() -> None:
    from kg.model import ArticleRecord, Extraction, Mention, PublicationRecord, Span
    from kg.resolve import organisation_names

    def mention(text: str) -> Mention:
        return Mention(text, Span(0, len(text)))

    article = ArticleRecord(mention("Kop"), 1, 2, Span(0, 10), organisations=[mention("U-Centraal"), mention("U Centraal"), mention("U-Centraal")])
    names = organisation_names([Extraction("a.txt", "0" * 64, "text/plain", PublicationRecord(), [article])])
    assert set(names.values()) == {"U-Centraal"}


def test_an_organisation_named_without_lookup_is_the_gazetteers_node() -> None:
    """A signature's "bestuurder Movisie" and a spaCy match of "Movisie" must be one organisation."""
    from pathlib import Path

    from rdflib import Graph, URIRef
    from kg.rdf.namespaces import SCHEMA

    from kg.ingest import Source
    from kg.model import Mention, Span
    from kg.nlp.gazetteer import Gazetteer
    from kg.paths import ontology_dir
    from kg.rdf import iris
    from kg.rdf.graph import SourceGraphWriter
    from kg.resolve import Resolver

    text = "Janny Bakker-Klein, bestuurder Movisie. Een nieuw Buurtnetwerk Oost opent."
    source = Source(Path("a.txt"), "a.txt", text, "0" * 64, "utf-8", "text/plain")
    resolver = Resolver(PersonResolver([]), Gazetteer.load(ontology_dir() / "organisations.tsv"), {})
    writer = SourceGraphWriter(Graph(), source, URIRef("urn:activity"), resolver)
    signed = writer.organisation(Mention("Movisie", Span(31, 38)))
    looked_up = writer.organisation(Mention("Movisie", Span(31, 38), 0.85, "movisie"))
    unknown = writer.organisation(Mention("Buurtnetwerk Oost", Span(50, 67)))
    assert signed == looked_up == iris.organisation("movisie")
    assert unknown != signed and str(writer.g.value(unknown, SCHEMA.name)) == "Buurtnetwerk Oost"


def test_a_double_surname_shortened_to_its_first_part_is_the_same_person() -> None:
    resolver = PersonResolver(["Janny Bakker-Klein", "Janny Bakker", "Hilde Bakker", "J. Bakker", "Anne-Marie van Bergen"])
    assert resolver.name("Janny Bakker") == "Janny Bakker-Klein"
    assert resolver.name("Hilde Bakker") == "Hilde Bakker"
    assert resolver.name("J. Bakker") == "Janny Bakker-Klein"  # the one J. of the Bakkers
    assert PersonResolver(["Janny Bakker-Klein", "J. Bakker"]).name("J. Bakker") == "J. Bakker"  # initials alone do not reach a double surname
    assert resolver.name("Janny Bakker-Klein") == "Janny Bakker-Klein"
