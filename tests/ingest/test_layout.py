"""Reading order and type hierarchy of printed pages (kg.readers.layout), on invented pages."""

from __future__ import annotations

from pathlib import Path

from kg.ingest import read_source
from kg.readers.layout import Line
from kg.readers.pdf import assemble
from tests.ingest.magazine import render

HEIGHT = 842.0
BODY = "de gemeente werkt samen met de wijkteams aan een betere zorg voor"


def _column(left: float, top: float, count: int, word: str, size: float = 9.0) -> list[Line]:
    """``count`` body lines of one column, each naming ``word`` and its number."""
    return [Line(f"{word} {n} {BODY}", left, left + 230, top - 11.5 * n, size) for n in range(count)]


def _headline(text: list[str], top: float, size: float) -> list[Line]:
    return [Line(line, 50, 50 + 9 * len(line), top - 1.15 * size * n, size, bold=True) for n, line in enumerate(text)]


def test_headline_type_becomes_markdown_headings_one_line_each() -> None:
    first = _headline(["Wijkteams leren", "van de crisis"], 790, 22) + _column(50, 720, 20, "links")
    second = _headline(["Een tweede artikel"], 790, 22) + _headline(["Een citaat in grote letters"], 740, 13) + _column(50, 700, 20, "rechts")
    text, _ = assemble([(first, HEIGHT), (second, HEIGHT)])
    lines = text.splitlines()
    assert "# Wijkteams leren van de crisis" in lines
    assert "# Een tweede artikel" in lines
    assert "## Een citaat in grote letters" in lines
    assert not any(line.startswith("#") and "links" in line for line in lines)  # body type stays body


def test_large_type_without_headline_type_is_no_hierarchy() -> None:
    """An intro set 1.5 times the body, in a document with no headline type (twice the body),
    is display type as before: its own block, no heading marks."""
    page = _headline(["Een inleiding in", "iets grotere letters"], 790, 13.5) + _column(50, 740, 20, "Tekst")
    text, _ = assemble([(page, HEIGHT)])
    assert "#" not in text
    assert text.startswith("Een inleiding in\niets grotere letters\n\n")


def test_a_line_running_off_the_page_stays_in_its_column() -> None:
    """An unbreakable web address overflows the left column (and the page): it neither merges
    the two columns nor cuts them into bands, and it is read where it was printed."""
    left = _column(50, 780, 30, "links")
    right = _column(320, 780, 30, "rechts")
    address = Line("https://www.voorbeeld.nl/een/heel/lang/adres/dat/niet/breekt", 50, 1150, 780 - 11.5 * 15 - 5, 9.0)
    text, _ = assemble([(left + [address] + right, HEIGHT)])
    words = [line.split()[0] for line in text.splitlines() if line]
    assert words == ["links"] * 16 + [address.text] + ["links"] * 14 + ["rechts"] * 30


def test_a_markdown_export_typeset_as_print_reads_back_with_its_headings(tmp_path: Path) -> None:
    """The test typesetter prints markdown as type (no asterisks, no hash marks), and the reader
    gives the headings their levels back from the type sizes."""
    body = " ".join([BODY] * 8)
    text = f"# Samen sterk in de wijk\n\n**Een bold intro over de wijk.**\n\n**V**eel {body}\n\n## Een tussenkop\n\n*Cursief* {body}\n\n# Tweede artikel\n\n{body}\n"
    pdf = tmp_path / "markdown.pdf"
    render(text, pdf, "Magazine")
    read = read_source(pdf)[0].text
    assert "*" not in read
    lines = read.splitlines()
    assert "# Samen sterk in de wijk" in lines and "# Tweede artikel" in lines and "## Een tussenkop" in lines
    assert any(line.startswith("Veel de gemeente") for line in lines)  # the drop cap is a letter of its word
