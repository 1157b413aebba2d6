"""Saved web pages, Word and OpenDocument files: the main text, the page's metadata, headings and
footnotes, and builds that score as the same texts do as .txt."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF

from kg.evaluate import evaluate
from kg.ingest import RefusedSource, read_source
from kg.rdf.namespaces import SCHEMA
from tests.ingest.goldmap import write_carried_gold
from tests.ingest.pages import SITE, html_page, odt_file, odt_package, word_file
from tests.utils.building import GOLD, run_build

GOLD_WEB = GOLD.with_name("gold-web")  # beside the seeds' gold
PAGES = ("wa01_jongerenwerk-noodkreet-nieuws", "wa02_sociaal-werk-meerwaarde-interview", "wa03_eenzaamheid-buurtdominee-column")
XSD = "http://www.w3.org/2001/XMLSchema#"  # as strings: rdflib's XSD namespace object warns when pytest inspects it
NOTE = "Zie ook het jaarverslag van de brancheorganisatie over 2019."


def _text(stem: str) -> str:
    return (GOLD_WEB / f"{stem}.txt").read_text(encoding="utf-8")


def test_a_saved_page_gives_its_article_without_navigation_and_its_metadata(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(html_page(_text(PAGES[0]), "noodkreet", author="Anna de Vries"))
    source, _ = read_source(path)
    lines = source.text.split("\n")
    assert lines[0] == "Noodkreet: veel meer jongerenwerkers nodig" and lines[2] == "Door: Anna de Vries"
    for chrome in ("Meest gelezen", "Privacyverklaring", "nieuwsbrief", "Agenda", "Alle rechten"):
        assert chrome not in source.text
    assert "EINDHOVEN - Het jongerenwerk" in source.text
    meta = source.metadata
    assert meta is not None and (meta.site_name, meta.date, meta.url) == (SITE, "2020-06-12", "https://sociaalnieuws.example/nieuws/noodkreet")
    assert source.original is not None and source.original.media_type == "text/html"


def test_a_word_file_keeps_headings_as_headings_and_footnotes_apart(tmp_path: Path) -> None:
    path = tmp_path / "paper.docx"
    word_file(_text(PAGES[1]), path, NOTE)
    source, _ = read_source(path)
    blocks = source.text.split("\n\n")
    assert blocks[0] == "# Lex Staal: 'Sociaal werk moet aangetoonde meerwaarde verzilveren’"
    assert "## Nieuwsbericht" in blocks
    assert blocks[-2:] == ["## Voetnoten", f"[1] {NOTE}\n"]
    assert sum(NOTE in block for block in blocks) == 1


ODT_BODY = """<text:p text:style-name="P1">Werkplaats in de wijk</text:p>
<text:h text:outline-level="2">Wat we <text:span>leerden</text:span></text:h>
<text:p>De gemeente en<text:s text:c="3"/>Movisie werken samen<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation>
<text:note-body><text:p>Zie het verslag van 2020.</text:p></text:note-body></text:note> aan de wijkteams.<office:annotation><dc:creator>Redactie</dc:creator><text:p>nakijken</text:p></office:annotation></text:p>
<text:list><text:list-item><text:p>Eerste les</text:p></text:list-item><text:list-item><text:p>Tweede<text:line-break/>les</text:p></text:list-item></text:list>
<draw:frame draw:name="Foto"><draw:text-box><text:p>Foto: bijschrift</text:p></draw:text-box></draw:frame>
<table:table><table:table-row><table:table-cell><text:p>Duur</text:p></table:table-cell><table:table-cell><text:p>2 jaar<text:note text:id="ftn2" text:note-class="footnote"><text:note-citation>2</text:note-citation><text:note-body><text:p>Met verlenging.</text:p></text:note-body></text:note></text:p></table:table-cell></table:table-row></table:table>
<text:section><text:p>Slot<text:note text:id="edn1" text:note-class="endnote"><text:note-citation>i</text:note-citation><text:note-body><text:p>Een eindnoot.</text:p></text:note-body></text:note></text:p></text:section>"""
TITLE_STYLE = '<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Title"/>'


def test_an_opendocument_text_keeps_headings_lists_and_tables_and_its_notes_apart(tmp_path: Path) -> None:
    """An invented .odt as LibreOffice writes one: a paragraph in the Title style and a text:h are
    headings; spaces, list items, a table row and a section are read in order; the footnotes (one
    in a table cell) and the endnote follow the text, each once; a comment and a picture's caption are not running text."""
    path = tmp_path / "werkplaats.odt"
    path.write_bytes(odt_package(ODT_BODY, TITLE_STYLE))
    source, _ = read_source(path)
    assert source.text.split("\n\n") == [
        "# Werkplaats in de wijk",
        "## Wat we leerden",
        "De gemeente en Movisie werken samen aan de wijkteams.",
        "Eerste les",
        "Tweede les",
        "Duur | 2 jaar",
        "Slot",
        "## Voetnoten",
        "[1] Zie het verslag van 2020.",
        "[2] Met verlenging.",
        "[3] Een eindnoot.\n",
    ]
    assert source.original is not None and source.original.media_type == "application/vnd.oasis.opendocument.text"


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("empty.html", b"<html><head><title>Leeg</title></head><body><nav><a href='/'>Home</a></nav></body></html>", "no main text"),
        ("broken.docx", b"PK\x03\x04 not really a zip", "not a Word .docx"),
        ("broken.odt", b"PK\x03\x04 not really a zip", "not an OpenDocument text"),
        ("empty.odt", odt_package(""), "has no text"),
    ],
)
def test_unreadable_pages_and_word_files_are_refused_by_name(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(RefusedSource) as refused:
        read_source(path)
    assert name in str(refused.value) and message in str(refused.value)


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """The three gold-web texts built as .txt, and as saved pages plus Word and OpenDocument files;
    returns (txt out, doc out, corpus)."""
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1700000000")
    folder = tmp_path_factory.mktemp("web-word")
    texts, documents = folder / "texts", folder / "documents"
    texts.mkdir()
    documents.mkdir()
    for stem in PAGES:
        (texts / f"{stem}.txt").write_text(_text(stem), encoding="utf-8")
        (documents / f"{stem}.html").write_bytes(html_page(_text(stem), stem))
        word_file(_text(stem), documents / f"{stem}.docx", NOTE)
        odt_file(_text(stem), documents / f"{stem}.odt", NOTE)
    run_build([texts], folder / "text-out", folder / "cache", jobs=2)
    run_build([documents], folder / "doc-out", folder / "cache", jobs=2)
    return folder / "text-out", folder / "doc-out", documents


def test_pages_and_word_files_score_as_their_texts_against_gold(builds: tuple[Path, Path, Path], tmp_path: Path) -> None:
    text_out, doc_out, _ = builds
    for suffix in (".html", ".docx", ".odt"):
        carried = {
            f"{stem}.txt": (f"{stem}{suffix}.txt", _text(stem), (doc_out / "text" / f"{stem}{suffix}.txt").read_text(encoding="utf-8")) for stem in PAGES
        }
        write_carried_gold(GOLD_WEB, carried, tmp_path / suffix)
        from_document = evaluate(tmp_path / suffix, doc_out / "kg.ttl").categories
        gold_text = tmp_path / f"gold{suffix}"
        gold_text.mkdir()
        for stem in PAGES:
            (gold_text / f"{stem}.json").write_text((GOLD_WEB / f"{stem}.json").read_text(encoding="utf-8"), encoding="utf-8")
        from_text = evaluate(gold_text, text_out / "kg.ttl").categories
        for category, counts in from_text.items():
            assert abs(from_document[category].f1 - counts.f1) <= 0.05, (suffix, category, from_document[category].f1, counts.f1)


def test_a_page_s_metadata_describes_its_publication_and_original(builds: tuple[Path, Path, Path]) -> None:
    _, doc_out, corpus = builds
    graph = Graph().parse(doc_out / "kg.ttl")
    page = graph.value(predicate=SCHEMA.name, object=Literal(f"{PAGES[0]}.html"))
    assert graph.value(page, SCHEMA.encodingFormat) == Literal("text/html")
    assert graph.value(page, SCHEMA.url) == Literal(f"https://sociaalnieuws.example/nieuws/{PAGES[0]}", datatype=URIRef(XSD + "anyURI"))
    text_doc = graph.value(predicate=PROV.wasDerivedFrom, object=page)
    publication = next(s for s in graph.subjects(PROV.wasDerivedFrom, text_doc) if (s, RDF.type, SCHEMA.PublicationIssue) in graph)
    assert graph.value(publication, SCHEMA.name) == Literal(SITE)
    assert graph.value(publication, SCHEMA.datePublished) == Literal("2020-06-12", datatype=URIRef(XSD + "date"))
    word = graph.value(predicate=SCHEMA.name, object=Literal(f"{PAGES[0]}.docx"))
    assert str(graph.value(word, SCHEMA.encodingFormat)).endswith("wordprocessingml.document")
    assert (doc_out / "text" / f"{PAGES[0]}.docx.txt").read_text(encoding="utf-8").startswith("# Noodkreet")
