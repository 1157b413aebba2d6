"""OCR of a PDF page without a text layer: Debian's Tesseract (tesseract-ocr, tesseract-ocr-nld).

The page is rendered by PDFium in grayscale at 300 dpi and Tesseract reads it in Dutch (hOCR: its
lines with baselines and type heights, and the characters it weighed, :mod:`kg.readers.hocr`). Each
line becomes a line of :mod:`kg.readers.layout`, which orders columns and drops furniture as it does
for a text layer:

- a Tesseract line is cut where a gap between its words is a gutter (Tesseract joins the lines of
  two columns that share a baseline when the columns are not set apart as blocks);
- its font size is measured from how high Tesseract finds its type above the baseline (x_size less
  x_descenders), not from the height of its box: Tesseract guesses the descenders of a line that has
  none, and a headline without descenders came out a fifth smaller than one with them;
- it is bold when its letters' stems are :data:`BOLD_STROKE` times as wide as the page's usual
  (:mod:`kg.readers.ink`), so headlines and subheads in bold body size stand apart as they do
  in a text layer;
- a speck of noise that Tesseract reads as a dot or a comma, with little confidence, is left out;
- a word of one solid square mark is the bullet "■" (bios, contents), which Tesseract reads as "m";
- a word that is none, where one of the characters Tesseract weighed makes it an organisation's name
  or a common word, is respelt (:mod:`kg.readers.spelling`: "ledereen" -> "Iedereen").

Tesseract runs on one thread (OMP_THREAD_LIMIT=1), so that the same page gives the same words.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from xml.etree import ElementTree

import numpy as np
import pypdfium2 as pdfium

from kg.readers import Unreadable
from kg.readers.hocr import Row, Word, rows
from kg.readers.ink import solid, stems
from kg.readers.layout import Glyph, Line, gutter_runs
from kg.readers.spelling import respell

DPI = 300
LANGUAGE = "nld"
BOLD_STROKE = 1.2  # stems this many times as wide as the page's usual (by characters) are bold
BAR = 0.25  # an ink run longer than this share of the type height is a bar or rule, not a stem
SPECK, UNSURE = 0.2, 50  # a word lower than this share of the type height, and read with less confidence, is noise
EM_PER_ASCENT = 1.35  # a font's size is about this many times the height its letters reach above the baseline
BULLET = "■"
_INSTALL = "--ocr needs Tesseract with Dutch: apt-get install tesseract-ocr tesseract-ocr-nld"


def recognise(page: pdfium.PdfPage) -> tuple[list[Line], float]:
    """The page's lines as Tesseract reads them (y up, in points, as the text layer's), and its height."""
    if shutil.which("tesseract") is None:
        raise Unreadable(_INSTALL)
    scale = DPI / 72
    image = page.render(scale=scale, grayscale=True).to_pil()
    picture = io.BytesIO()
    image.save(picture, format="PPM")  # uncompressed, on stdin: no PNG to write and decode
    done = subprocess.run(
        ["tesseract", "stdin", "stdout", "-l", LANGUAGE, "--psm", "3", "--dpi", str(DPI), "-c", "lstm_choice_mode=2", "hocr"],
        input=picture.getvalue(),
        capture_output=True,
        env={**os.environ, "OMP_THREAD_LIMIT": "1"},
        check=False,
    )
    if done.returncode != 0:
        problem = done.stderr.decode(errors="replace").strip().splitlines()[-1:] or ["no message"]
        raise Unreadable(f"Tesseract could not read a page ({problem[0]}); " + _INSTALL)
    height = page.get_height()
    try:
        found = rows(done.stdout.decode())
    except (ElementTree.ParseError, ValueError) as error:
        raise Unreadable(f"Tesseract's reading of a page could not be parsed ({error})") from None
    return page_lines(found, np.asarray(image), height, scale), height


def page_lines(found: list[Row], image: np.ndarray, height: float, scale: float) -> list[Line]:
    """Tesseract's rows as layout lines (points, y up), cut at gutters, with bold and bullets
    read from the ``image`` (grayscale pixels)."""
    pieces: list[tuple[list[Word], Row]] = []
    for row in found:
        words = [word for word in row.words if not _speck(word, row)]
        glyphs = [Glyph(word.text, word.box[0] / scale, word.box[2] / scale, height - row.baseline / scale, _font_size(row, scale)) for word in words]
        start = 0
        for run in gutter_runs(glyphs):  # words as glyphs, left to right: runs keep their order
            pieces.append((words[start : start + len(run)], row))
            start += len(run)
    strokes = [_stroke(image, words, row) for words, row in pieces]
    weights = [sum(len(word.text) for word in words) for words, _ in pieces]
    usual = _weighted_median(strokes, weights)
    return [
        Line(
            " ".join(BULLET if _bullet(image, word, row) else respell(word.text, word.choices) for word in words),
            words[0].box[0] / scale,
            words[-1].box[2] / scale,
            height - row.baseline / scale,
            _font_size(row, scale),
            bool(usual) and stroke >= BOLD_STROKE * usual,
        )
        for (words, row), stroke in zip(pieces, strokes)
    ]


def _font_size(row: Row, scale: float) -> float:
    """The line's font size in points, from the height of its type above the baseline."""
    return (row.x_size - row.x_descenders) * EM_PER_ASCENT / scale


def _speck(word: Word, row: Row) -> bool:
    """A dot of noise read as a character: lower than :data:`SPECK` of the type height (only
    dashes and dots are that low) and a guess (confidence below :data:`UNSURE`)."""
    return word.box[3] - word.box[1] < SPECK * row.x_size and word.confidence < UNSURE


def _stroke(image: np.ndarray, words: list[Word], row: Row) -> float:
    """The mean stem width of the words, as a share of the row's type height."""
    total, count = stems(image, [word.box for word in words], BAR * row.x_size)
    return total / count / row.x_size if count else 0.0


def _weighted_median(values: list[float], weights: list[int]) -> float:
    """The value that half of the weight lies at or below (0.0 for none)."""
    expanded = sorted(zip(values, weights))
    half, seen = sum(weights) / 2, 0
    for value, weight in expanded:
        seen += weight
        if seen >= half and weight:
            return value
    return 0.0


def _bullet(image: np.ndarray, word: Word, row: Row) -> bool:
    """A word of one character whose box is a square of solid ink, at least the size of a small letter."""
    left, top, right, bottom = word.box
    side = 0.4 * row.x_size
    return len(word.text) == 1 and right - left >= side and bottom - top >= side and 0.75 <= (right - left) / (bottom - top) <= 1.33 and solid(image, word.box)
