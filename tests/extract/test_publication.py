from __future__ import annotations

from kg.extract.publication import describe, find_publisher, name_by_title
from kg.model import ArticleRecord, Mention, Span
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


def test_without_masthead_a_publication_is_named_by_its_title_line_never_its_file() -> None:
    """A scraped page or report names itself by its first article's headline, else by its first line with words."""
    text = "12\n\nWat buurtteams leren van elkaar\nIn drie wijken werkten teams samen met bewoners.\n"
    lines = split_lines(text)
    record = describe(text, lines)
    assert record.name is None  # no heading, no "in deze X"
    name_by_title(record, [], lines)
    assert record.name is not None and record.name.text == "Wat buurtteams leren van elkaar"
    assert text[record.name.span.start:record.name.span.end] == record.name.text

    headline = Mention("Buurtteams in beeld", Span(0, 19))
    titled = describe(text, lines)
    name_by_title(titled, [ArticleRecord(headline, 1, 4, Span(0, len(text)))], lines)
    assert titled.name == headline


def test_a_masthead_is_kept() -> None:
    record = describe(TEXT, split_lines(TEXT))
    name_by_title(record, [], split_lines(TEXT))
    assert record.name is not None and record.name.text == "Buurtwijzer"
