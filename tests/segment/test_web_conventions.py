"""Conventions of scraped web pages, reports and columns, on invented texts (fixtures/web/)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract.articles import to_record
from kg.model import ArticleRecord
from kg.segment.articles import segment
from kg.segment.contents import contents_region
from kg.segment.lines import split_lines
from kg.segment.pagemeta import breadcrumb, dateline, label_line, page_meta

WEB = Path(__file__).parent / "fixtures" / "web"


def _records(name: str) -> list[ArticleRecord]:
    text = (WEB / name).read_text(encoding="utf-8")
    lines = split_lines(text)
    return [to_record(d, lines, text, i) for i, d in enumerate(segment(lines), start=1)]


def _authors(record: ArticleRecord) -> list[str]:
    return [a.name.text for a in record.authors]


@pytest.mark.parametrize(
    "line",
    ["16 FEB 2021 10:02", "5 nov 2013 | Afdeling Communicatie", "Op 17 juni 2020 geplaatst door", "Gepubliceerd op dinsdag 3 mei 2022", "12-04-2019"],
)
def test_datelines_are_page_furniture(line: str) -> None:
    assert dateline(line) and page_meta(line)


@pytest.mark.parametrize("line", ["Vanaf 1 januari nieuwe regels voor de bijstand", "Mei 2020 was een bijzondere maand voor het jongerenwerk in Tilburg", "Zorg in de wijk"])
def test_headlines_that_mention_a_date_are_no_datelines(line: str) -> None:
    assert not page_meta(line)


def test_category_labels_and_breadcrumbs() -> None:
    assert label_line("Open Access | Wetenschappelijk artikel")
    assert label_line("Opinie")
    assert not label_line("Opinie over de Wmo")
    assert breadcrumb("Home > Nieuws > Jeugd")
    assert not breadcrumb("Wonen en zorg")


def test_title_line_of_a_scraped_page_is_the_headline_not_its_dateline_or_labels() -> None:
    (record,) = _records("scraped_news.txt")
    assert record.headline.text == "Buurtteams in Zwolle krijgen meer ruimte voor preventie en vroegsignalering bij jonge gezinnen"


def test_a_title_that_runs_on_into_a_description_is_titled_by_its_first_sentence() -> None:
    (record,) = _records("numbered_report.txt")
    assert record.headline.text == "Samen sterker in de wijk"


def test_numbered_paragraphs_are_no_table_of_contents() -> None:
    lines = split_lines((WEB / "numbered_report.txt").read_text(encoding="utf-8"))
    assert contents_region(lines) is None


def test_two_posts_on_one_page_the_second_with_byline_and_organisation() -> None:
    first, second = _records("two_posts.txt")
    assert first.headline.text == "Waarom de bibliotheek het nieuwe buurthuis wordt"
    assert _authors(first) == []
    assert second.headline.text == "Vrijwilligers houden de taalcafés draaiende"
    (author,) = second.authors
    assert author.name.text == "Wilma Verhoeven-Dekker"
    assert [a.text for a in author.affiliations] == ["Stichting Taalmaatjes Oost"]


def test_title_that_ends_in_the_author_name() -> None:
    (record,) = _records("column_with_bio.txt")
    assert record.headline.text == "Stilte"
    assert _authors(record) == ["Hendrika Mulder"]


def test_closing_bio_of_an_unnamed_person_signs_the_text() -> None:
    (record,) = _records("unsigned_column_bio.txt")
    assert _authors(record) == ["Joris Brandsma"]


def test_closing_bio_of_someone_quoted_in_the_text_signs_nothing() -> None:
    (record,) = _records("quoted_then_bio.txt")
    assert _authors(record) == []


def test_name_line_under_a_headline_is_the_author_without_titles() -> None:
    (record,) = _records("titled_oratie.txt")
    assert record.headline.text == "HET NUT VAN TWIJFEL"
    assert _authors(record) == ["Anneke van den Broek"]


def test_every_author_span_points_at_the_printed_name() -> None:
    for name in sorted(p.name for p in WEB.glob("*.txt")):
        text = (WEB / name).read_text(encoding="utf-8")
        for record in _records(name):
            for author in record.authors:
                assert text[author.name.span.start:author.name.span.end] == author.name.text
            assert " ".join(text[record.headline.span.start:record.headline.span.end].split()) == record.headline.text


def test_portrait_boxes_headed_by_a_name_are_articles_with_their_subject_as_interviewee() -> None:
    records = _records("portraits.md")
    portraits = {r.headline.text: r for r in records if r.genre == "portrait"}
    assert sorted(portraits) == ["Fatima el Amrani, buurtwerker bij Stichting Welzijn Noord", "Gerrit Hofstede (79)", "Priya Ramdin"]
    assert [p.name.text for p in portraits["Gerrit Hofstede (79)"].interviewees] == ["Gerrit Hofstede"]
    (fatima,) = portraits["Fatima el Amrani, buurtwerker bij Stichting Welzijn Noord"].interviewees
    assert [r.text for r in fatima.roles] == ["buurtwerker"]
    assert [a.text for a in fatima.affiliations] == ["Stichting Welzijn Noord"]
    (priya,) = portraits["Priya Ramdin"].interviewees
    assert [r.text for r in priya.roles] == ["Coördinator mantelzorg"]
    assert [a.text for a in priya.affiliations] == ["Steunpunt Mantelzorg Oost"]


def test_a_heading_that_is_no_name_or_has_no_first_person_text_is_no_portrait() -> None:
    records = _records("portraits.md")
    assert "Wat we leren van dit jaar" not in [r.headline.text for r in records if r.genre == "portrait"]
    assert records[0].headline.text == "Thuiswerken in de wijk" and records[0].genre != "portrait"


def test_a_lead_that_says_who_writes_names_the_authors() -> None:
    (opinion,) = _records("opinion_lead.txt")
    assert _authors(opinion) == ["Anouk de Graaf", "Peter Vos"]
    (column,) = _records("column_lead.txt")
    assert _authors(column) == ["Sanne Bakker"]


def test_a_person_quoted_in_a_news_lead_is_no_author() -> None:
    (news,) = _records("news_quote_lead.txt")
    assert _authors(news) == []


def test_a_marked_bio_names_every_author_but_not_the_subject_of_an_interview() -> None:
    research, interview = _records("marked_bios.md")
    assert _authors(research) == ["Fenna Brouwer", "Karim Ouali", "Tess Vermeulen"]
    assert _authors(interview) == []


def test_contents_names_after_a_page_number_and_kicker_belong_to_the_title_below_them() -> None:
    from kg.segment.contents import contents_entries

    lines = split_lines((WEB / "contents_kickers.md").read_text(encoding="utf-8"))
    region = contents_region(lines)
    assert region is not None
    credited = {e.title: [m.text for m in e.authors] for e in contents_entries(lines, region)}
    assert credited["Wat werkt bij schulden?"] == ["Youssef Amrani", "Ilse de Wit"]
    assert credited["Grenzen aan de participatiesamenleving"] == ["Bram Hoekstra"]
    assert credited["Jongeren aan het woord"] == ["Noor Dekker"]


def test_a_repeated_title_page_lists_the_authors_of_a_report() -> None:
    (report,) = _records("report_title_page.txt")
    assert report.headline.text == "Buren voor buren"
    assert _authors(report) == ["Marloes van Rijn", "Arjen Kuipers", "Sevda Yilmaz"]


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_every_newline_convention_reads_alike(newline: str) -> None:
    from kg.normalise import normalise

    text = (WEB / "two_posts.txt").read_text(encoding="utf-8")
    other = text.replace("\n", newline)
    lines, other_lines = split_lines(text), split_lines(other)
    expected = [(r.headline.text, r.first_line, [a.name.text for a in r.authors]) for r in _records("two_posts.txt")]
    found = [(r.headline.text, r.first_line, [a.name.text for a in r.authors]) for i, d in enumerate(segment(other_lines), start=1) for r in [to_record(d, other_lines, other, i)]]
    assert found == expected and len(lines) == len(other_lines)
    clean = normalise(other)
    assert clean.text == normalise(text).text
    start = clean.text.index("Wilma")
    assert other[slice(*clean.to_original(start, start + 5))] == "Wilma"


def test_headlines_printed_twice_start_the_items_of_a_page() -> None:
    records = _records("two_items_repeated.txt")
    assert [r.headline.text for r in records] == ["‘Buren kunnen veel meer voor elkaar betekenen dan ze denken’", "Van stage naar baan in de thuiszorg"]


def test_a_name_printed_twice_is_one_author_and_a_late_byline_signs_its_article() -> None:
    from kg.extract.names import split_names

    assert [m.text for m in split_names("Bianca de Wit Bianca de Wit", 0)] == ["Bianca de Wit"]
    (record,) = _records("late_byline.txt")
    assert record.headline.text == "Jongerenwerk verhuist naar de sporthal"
    assert _authors(record) == ["Tom de Groot"]


def test_a_portrait_descriptor_naming_two_organisations_gives_both() -> None:
    from kg.segment.portraits import portrait

    text = "## Noor Bakker\n\n### Stichting De Brug en Werkplaats Sociaal Domein Oost\n\n'Ik werk met gezinnen die rond moeten komen van weinig geld.'\n"
    lines = split_lines(text)
    person = portrait(lines, 0)
    assert person is not None
    assert [a.text for a in person.affiliations] == ["Stichting De Brug", "Werkplaats Sociaal Domein Oost"]


def test_a_marked_bio_sentence_does_not_end_at_a_title_or_initial() -> None:
    from kg.segment.bios import bio_credit

    text = "Kort verslag\n\nDe bijeenkomst over armoede trok veel bezoekers uit de regio en leverde nieuwe afspraken op.\n\n■ Prof. dr. G. de Boer is lector Armoede aan Hogeschool Noord. Dr. A.M. Koster werkt als onderzoeker bij hetzelfde lectoraat.\n"
    lines = split_lines(text)
    found = bio_credit(lines, 0, len(lines) - 1)
    assert found is not None and [n.text for n in found.names] == ["G. de Boer", "A.M. Koster"]


def test_a_dateline_printed_one_part_per_line_is_no_headline() -> None:
    assert dateline("14 maart 2022 | 09:30 Europe/Amsterdam")
    (record,) = _records("dateline_per_line.txt")
    assert record.headline.text == "Nieuwe lector Armoede en Schulden bij Hogeschool Oostland"


def test_a_category_label_over_the_title_is_no_headline() -> None:
    (record,) = _records("label_over_title.txt")
    assert record.headline.text == "Wethouder wil kortere wachttijden voor de wijkverpleging in Noordveld"


def test_a_portrait_name_directly_over_its_role_and_employer_lines() -> None:
    (record,) = _records("portrait_descriptors.txt")
    assert record.genre == "portrait"
    (noor,) = record.interviewees
    assert noor.name.text == "Noor Hendriks"
    assert [r.text for r in noor.roles] == ["Beleidsadviseur"]
    assert [a.text for a in noor.affiliations] == ["Expertisecentrum Wonen en Zorg", "Hogeschool Westkust"]


def test_a_portrait_role_before_a_municipality_keeps_the_municipality_whole() -> None:
    (record,) = _records("portrait_municipal.txt")
    (kees,) = record.interviewees
    assert [r.text for r in kees.roles] == ["Beleidsmedewerker"]
    assert [a.text for a in kees.affiliations] == ["gemeente Lingewaard"]
