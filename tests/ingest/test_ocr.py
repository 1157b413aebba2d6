"""OCR of scanned pages: Tesseract's lines made into layout lines (gutters, bold, bullets, specks),
on invented pages. Only the last test runs Tesseract (one small page, a few seconds)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import numpy as np
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from kg.ingest import read_source
from kg.readers.hocr import Row, Word, rows
from kg.readers.ink import solid, stems
from kg.readers.ocr import EM_PER_ASCENT, page_lines
from kg.readers.spelling import respell
from tests.ingest import pdfs
from tests.ingest.magazine import BOLD, FONT, register_fonts

SCALE = 300 / 72
HEIGHT = 842.0
HOCR = """<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml"><body><div class='ocr_page' title='bbox 0 0 2480 3508'>
<div class='ocr_carea' title="bbox 100 100 1300 160"><p class='ocr_par' title="bbox 100 100 1300 160">
<span class='ocr_line' title="bbox 100 100 1300 140; baseline 0.001 -8; x_size 35; x_descenders 8; x_ascenders 7">
<span class='ocrx_word' title='bbox 100 100 240 132; x_wconf 96'>Wijkteams</span>
<span class='ocrx_word' title='bbox 250 100 330 140; x_wconf 91'>&amp; zorg</span></span>
<span class='ocr_header' title="bbox 100 150 400 210; baseline 0 -12; x_size 62; x_descenders 12; x_ascenders 12">
<span class='ocrx_word' title='bbox 100 150 400 210; x_wconf 88'>Kop</span></span>
<span class='ocr_line' title="bbox 100 220 300 250; baseline 0 0; x_size 35"><span class='ocrx_word' title='bbox 100 220 300 250; x_wconf 90'> </span></span>
</p></div></div></body></html>"""


def test_hocr_rows_give_words_baseline_and_type_height() -> None:
    found = rows(HOCR)
    assert [[w.text for w in row.words] for row in found] == [["Wijkteams", "& zorg"], ["Kop"]]  # a line without words is left out
    assert found[0].baseline == 140 - 8 and found[0].x_size == 35 and found[0].words[1] == Word("& zorg", (250, 100, 330, 140), 91)
    assert found[1].baseline == 210 - 12 and (found[1].x_size, found[1].x_descenders) == (62, 12)  # a header line counts as a line


CHOICES = """<html xmlns="http://www.w3.org/1999/xhtml"><body>
<span class='ocr_line' title="bbox 0 0 200 40; baseline 0 -8; x_size 35"><span class='ocrx_word' title='bbox 0 0 90 40; x_wconf 87'>(/WS)
<span class='ocrx_cinfo'><span class='ocrx_cinfo' title='x_confs 96.7'> </span></span>
<span class='ocrx_cinfo'><span class='ocrx_cinfo' title='x_confs 96.1'>(</span></span>
<span class='ocrx_cinfo'><span class='ocrx_cinfo' title='x_confs 94.2'>/</span><span class='ocrx_cinfo' title='x_confs 48.9'>Y</span>
<span class='ocrx_cinfo' title='x_confs 47.1'>V</span></span>
<span class='ocrx_cinfo'><span class='ocrx_cinfo' title='x_confs 99.0'>W</span></span>
<span class='ocrx_cinfo'><span class='ocrx_cinfo' title='x_confs 99.0'>S</span></span>
<span class='ocrx_cinfo'><span class='ocrx_cinfo' title='x_confs 98.0'>)</span></span>
</span></span></body></html>"""


def _read(text: str, *alternatives: tuple[int, str, float]) -> tuple[tuple[tuple[str, float], ...], ...]:
    """Choices for ``text`` as Tesseract gives them: each character read with 95, and the ``alternatives`` (position, character, confidence)."""
    return tuple(((character, 95.0), *((other, sure) for at, other, sure in alternatives if at == position)) for position, character in enumerate(text))


def test_the_characters_tesseract_weighed_are_kept_per_position_of_the_word() -> None:
    (word,) = rows(CHOICES)[0].words
    assert word.text == "(/WS)" and word.choices[1] == (("/", 94.2), ("Y", 48.9), ("V", 47.1)) and len(word.choices) == 5


def test_a_misread_word_takes_the_alternative_that_makes_a_name_or_a_common_word() -> None:
    assert respell("(/WS)", rows(CHOICES)[0].words[0].choices) == "(VWS)"  # an acronym of the gazetteer (ontology/organisations.tsv)
    assert respell("‘ledereen", _read("‘ledereen", (1, "I", 21.0))) == "‘Iedereen"  # I and l: one glyph in a sans-serif face
    assert respell("leder", _read("leder", (0, "I", 21.0))) == "leder"  # a Dutch word (leather) stays as read
    assert respell("Roëak", _read("Roëak", (2, "c", 40.0))) == "Roëak"  # a name that is no word stays: "Rocak" is none either
    assert respell("lemand", _read("lemand", (0, "I", 10.0))) == "lemand"  # an alternative Tesseract hardly weighed is not taken
    assert respell("*", _read("*", (0, "e", 40.0))) == "*"  # a mark alone (a bullet) is no word misread
    assert respell("*een", _read("*een", (0, "t", 40.0))) == "*een"  # an emphasis mark is the text's own, not a letter misread


def _stems(image: np.ndarray, box: tuple[int, int, int, int], width: int) -> None:
    """Draw vertical stems ``width`` pixels wide, a stem every 12 pixels, in ``box``; and one long bar on top."""
    left, top, right, bottom = box
    for x in range(left, right - width, 12):
        image[top:bottom, x : x + width] = 0
    image[top : top + 3, left:right] = 0


def test_stems_are_measured_without_the_bars() -> None:
    image = np.full((60, 400), 255, dtype=np.uint8)
    _stems(image, (0, 10, 200, 50), 3)
    _stems(image, (200, 10, 400, 50), 5)
    regular, bold = stems(image, [(0, 10, 200, 50)], 9), stems(image, [(200, 10, 400, 50)], 9)
    assert regular[0] / regular[1] == pytest.approx(3) and bold[0] / bold[1] == pytest.approx(5)


def test_a_solid_box_is_a_mark_and_a_letter_is_not() -> None:
    image = np.full((40, 80), 255, dtype=np.uint8)
    image[10:30, 10:30] = 0
    _stems(image, (40, 10, 70, 30), 3)
    assert solid(image, (10, 10, 30, 30)) and not solid(image, (40, 10, 70, 30))


def _row(baseline: int, *words: tuple[str, int, int, int, int]) -> Row:
    """A row of 35-pixel type (7 of them below the baseline): words as (text, left, right, height,
    confidence), standing on the baseline."""
    return Row(tuple(Word(text, (left, baseline - tall, right, baseline), sure) for text, left, right, tall, sure in words), baseline, 35.0, 7.0)


def test_a_tesseract_line_across_the_gutter_becomes_one_line_per_column() -> None:
    image = np.full((400, 1400), 255, dtype=np.uint8)
    found = page_lines([_row(100, ("links", 100, 300, 30, 95), ("eind", 310, 560, 30, 95), ("rechts", 640, 900, 30, 95))], image, HEIGHT, SCALE)
    assert [line.text for line in found] == ["links eind", "rechts"]  # 80 pixels apart: a gutter for 35-pixel type, not a space
    assert found[1].left == pytest.approx(640 / SCALE) and found[0].baseline == pytest.approx(HEIGHT - 100 / SCALE)
    assert found[0].size == pytest.approx((35 - 7) * EM_PER_ASCENT / SCALE)


def test_a_headline_without_descenders_is_as_large_as_one_with_them() -> None:
    """Tesseract's type height of two 20-point headlines at 300 dpi: "Even niet aan zet" has no
    descenders and gets x_size 68.4, "Weer de straat op" 78; above the baseline both reach 61-62
    pixels, as high as a 20-point face does (body text: 35 and 28 pixels)."""
    image = np.full((400, 1400), 255, dtype=np.uint8)
    plain, descending, body = (Row((Word(text, (100, 30, 600, 100), 95),), 100, size, below) for text, size, below in (("Even", 68.42, 7.42), ("Weer", 78.0, 16.0), ("De", 35.0, 7.0)))
    sizes = [page_lines([row], image, HEIGHT, SCALE)[0].size for row in (plain, descending, body)]
    assert sizes[0] == pytest.approx(sizes[1], rel=0.03)
    assert sizes[0] / sizes[2] == pytest.approx(20 / 9, rel=0.03)  # the text layer's ratio: headlines stay headlines
    assert sizes[2] == pytest.approx(9, rel=0.05)


def test_specks_go_and_a_solid_square_is_a_bullet() -> None:
    image = np.full((400, 1400), 255, dtype=np.uint8)
    image[80:100, 100:120] = 0  # a 20-pixel square, as a 9-point "■" at 300 dpi
    image[70:100, 135:300:12] = 0  # the letters of the name: ink, but far from solid
    found = page_lines(
        [_row(100, ("m", 100, 120, 20, 60), ("Fenna", 135, 300, 30, 95), (".", 330, 334, 4, 10)), _row(160, ("-", 100, 115, 4, 90), ("ja", 130, 170, 22, 92))], image, HEIGHT, SCALE
    )
    assert [line.text for line in found] == ["■ Fenna", "- ja"]  # the speck goes; a dash (as low, but read with confidence) stays


def test_lines_with_wider_stems_than_the_page_usual_are_bold() -> None:
    image = np.full((400, 1400), 255, dtype=np.uint8)
    found = []
    for number, width in enumerate([3, 3, 5, 3]):
        baseline = 60 + 70 * number
        _stems(image, (100, baseline - 30, 600, baseline), width)
        found.append(_row(baseline, ("woorden" * 3, 100, 600, 30, 95)))
    assert [line.bold for line in page_lines(found, image, HEIGHT, SCALE)] == [False, False, True, False]


LEFT = [
    "De gemeente Drechtstad werkt sinds dit",
    "voorjaar met wijkteams die bewoners thuis",
    "bezoeken. Zij vragen naar geldzorgen, naar",
    "eenzaamheid en naar de buren.",
]
RIGHT = [
    "Het buurthuis aan de Lindelaan opent op",
    "dinsdag de deuren voor een soepmaaltijd.",
    "Vrijwilligers koken, de bewoners praten",
    "over wat er in de straat beter kan.",
]


def _page(path: Path) -> None:
    """An invented magazine page: two columns of 9-point type on a loose leading whose lines share
    baselines across a 16-point gutter (Tesseract reads them as one line), then a bold subhead in body
    size with no space around it, and a bio that opens with a square bullet."""
    register_fonts()
    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    left, right, top = 36.0, 36.0 + 253.6 + 16.0, 760.0
    for number, (one, two) in enumerate(zip(LEFT, RIGHT)):
        canvas.setFont(FONT, 9)
        canvas.drawString(left, top - 18.5 * number, one)
        canvas.drawString(right, top - 18.5 * number, two)
    body = [(FONT, "Bewoners en werkers eten er samen."), (BOLD, "Samen aan tafel"), (FONT, "Zij maken afspraken over de zorg in de wijk.")]
    for number, (face, line) in enumerate(body):
        canvas.setFont(face, 9)
        canvas.drawString(left, top - 18.5 * 5 - 11.5 * number, line)
    canvas.setFont(FONT, 9)
    canvas.drawString(left, top - 18.5 * 5 - 11.5 * 5, "\u25a0 Fenna Roeland is onderzoeker bij het Kenniscentrum")
    canvas.drawString(left, top - 18.5 * 5 - 11.5 * 6, "Buurtzorg in Drechtstad.")
    canvas.showPage()
    canvas.save()


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="Tesseract is not installed")
def test_a_scanned_magazine_page_reads_in_column_order_with_subhead_and_bullet(tmp_path: Path) -> None:
    _page(tmp_path / "page.pdf")
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(pdfs.rasterised((tmp_path / "page.pdf").read_bytes()))
    source, _ = read_source(scan, True)
    text = source.text
    flat = re.sub(r"\s+", " ", text)
    assert " ".join(LEFT) in flat and " ".join(RIGHT) in flat, text  # each column whole: Tesseract's lines across the gutter are cut
    assert flat.index(LEFT[-1]) < flat.index(RIGHT[0])  # the left column first
    assert "\n\nSamen aan tafel\n\n" in text, text  # bold in body size: a subhead, set apart
    assert re.search(r"^■ Fenna Roeland is onderzoeker", text, re.MULTILINE), text


def test_a_tesseract_reading_that_cannot_be_parsed_is_an_unreadable_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Tesseract cut off mid-page (killed, out of disk) leaves hOCR that is no XML: the file is
    refused with a message, as for any unreadable page, not a traceback."""
    import subprocess

    import pypdfium2 as pdfium

    from kg.readers import Unreadable
    from kg.readers import ocr

    canvas = Canvas(str(tmp_path / "page.pdf"), pagesize=A4)
    canvas.showPage()
    canvas.save()
    monkeypatch.setattr(ocr.shutil, "which", lambda name: "/usr/bin/tesseract")
    monkeypatch.setattr(ocr.subprocess, "run", lambda *args, **kwargs: subprocess.CompletedProcess(args, 0, b"<html><body><span class='ocr_line'", b""))
    with pytest.raises(Unreadable, match="could not be parsed"):
        ocr.recognise(pdfium.PdfDocument(str(tmp_path / "page.pdf"))[0])
