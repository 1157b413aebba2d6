from __future__ import annotations

from kg.extract.publication import describe, find_publisher
from kg.nlp.gazetteer import Gazetteer
from kg.paths import ontology_dir
from kg.segment.lines import split_lines

TEXT = (
    "Vooraf\nIn deze Buurtwijzer leest u over de wijk. Het werk in maart 2022 liep goed.\n"
    "Ook in deze Buurtwijzer: een interview. In april 2022 volgt meer.\n"
)


def test_a_magazine_that_names_itself_gets_name_year_and_kind() -> None:
    record = describe(TEXT, split_lines(TEXT))
    assert record.name is not None and record.name.text == "Buurtwijzer"
    assert TEXT[record.name.span.start:record.name.span.end] == "Buurtwijzer"
    assert record.date is not None and record.date.text == "2022"
    assert record.kind == "magazine"


def test_publisher_from_the_name_of_the_magazine() -> None:
    gazetteer = Gazetteer.load(ontology_dir() / "organisations.tsv")
    text = "In deze Movisies leest u meer. Ook in deze Movisies: nieuws uit het land."
    record = describe(text, split_lines(text))
    publisher = find_publisher(record, gazetteer)
    assert publisher is not None and publisher.key == "movisie"
    unknown = describe(TEXT, split_lines(TEXT))
    assert find_publisher(unknown, gazetteer) is None
