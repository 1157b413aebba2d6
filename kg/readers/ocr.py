"""OCR of a PDF page without a text layer: Debian's Tesseract (tesseract-ocr, tesseract-ocr-nld).

The page is rendered by PDFium at 300 dpi and Tesseract reads it in Dutch; each line it recognises,
with its box, becomes a line of :mod:`kg.readers.layout`, which orders columns and drops furniture as
it does for a text layer. Tesseract runs on one thread (OMP_THREAD_LIMIT=1), so that the same page gives
the same words.
"""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pypdfium2 as pdfium

from kg.readers import Unreadable
from kg.readers.layout import Line

DPI = 300
LANGUAGE = "nld"
_INSTALL = "--ocr needs Tesseract with Dutch: apt-get install tesseract-ocr tesseract-ocr-nld"


def recognise(page: pdfium.PdfPage) -> tuple[list[Line], float]:
    """The page's lines as Tesseract reads them (y up, in points, as the text layer's), and its height."""
    if shutil.which("tesseract") is None:
        raise Unreadable(_INSTALL)
    height = page.get_height()
    scale = DPI / 72
    image = page.render(scale=scale).to_pil()
    with tempfile.TemporaryDirectory() as folder:
        picture = Path(folder) / "page.png"
        image.save(picture)
        done = subprocess.run(
            ["tesseract", str(picture), "stdout", "-l", LANGUAGE, "--psm", "3", "tsv"],
            capture_output=True,
            text=True,
            env={**os.environ, "OMP_THREAD_LIMIT": "1"},
            check=False,
        )
    if done.returncode != 0:
        problem = done.stderr.strip().splitlines()[-1:] or ["no message"]
        raise Unreadable(f"Tesseract could not read a page ({problem[0]}); " + _INSTALL)
    return _lines(done.stdout, height, scale), height


def _lines(tsv: str, height: float, scale: float) -> list[Line]:
    """Tesseract's lines (its words, TSV level 5, grouped by block, paragraph and line; a line of
    Tesseract never crosses a column), in points with y up; the line box's bottom stands in for
    the baseline and its height for the font size."""
    grouped: dict[tuple[str, str, str], list[tuple[str, float, float, float, float]]] = {}
    for row in csv.DictReader(tsv.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE):
        text = (row.get("text") or "").strip()
        if row.get("level") != "5" or not text:
            continue
        left, top, width, tall = (int(row[key]) / scale for key in ("left", "top", "width", "height"))
        grouped.setdefault((row["block_num"], row["par_num"], row["line_num"]), []).append((text, left, left + width, top, top + tall))
    found = []
    for words in grouped.values():
        top, bottom = min(w[3] for w in words), max(w[4] for w in words)
        found.append(Line(" ".join(w[0] for w in words), min(w[1] for w in words), max(w[2] for w in words), height - bottom, max(bottom - top, 1.0)))
    return sorted(found, key=lambda line: (-line.baseline, line.left))
