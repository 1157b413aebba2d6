"""PDF: the text layer in reading order, with where each page begins (pypdfium2, PDFium).

Why PDFium: on the magazine-like test PDFs it reads ~10x faster than pdfminer.six/pdfplumber and
gives each glyph's box, baseline and font size, from which :mod:`kg.readers.layout` orders the
columns and drops the furniture (benchmarks/pdf_readers.py; docs/inputs.md). Its licence
(Apache-2.0 / BSD-3-Clause) suits the project; PyMuPDF (AGPL) does not.
"""

from __future__ import annotations

import unicodedata

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from kg.readers import Reading, Unreadable
from kg.readers.layout import Glyph, Line, body_size, furniture_keys, heading_scale, is_furniture, lines, page_text, reading_order, text_area

MEDIA_TYPE = "application/pdf"
OCR_HINT = "it has no text layer (scanned pages?); build with --ocr to read it by OCR (Tesseract), or make a text layer first (`ocrmypdf -l nld FILE.pdf FILE-ocr.pdf`)"
PAGE_MARK = "\f"  # a page after the first opens with a form feed, as pdftotext marks it; kg.segment.lines reads it as a page start
UNMAPPED = "\ufffd"  # the replacement character, for a glyph with no character: no control character reaches the text
BOLD_WEIGHT = 600  # PDFium's font weight (CSS scale: 400 regular, 700 bold)
_HYPHEN_MARKS = {"\x02", "\ufffe", "\u00ad"}  # PDFium marks a line-end hyphen it would join; we keep it for the normaliser


def read(data: bytes, ocr: bool = False) -> Reading:
    """The text of every page in reading order; raises :class:`Unreadable` for an encrypted,
    damaged or truncated PDF and for one without any text. With ``ocr``, a PDF without a text
    layer is read by Tesseract from its rendered pages (kg.readers.ocr)."""
    if b"%%EOF" not in data[-2048:]:
        raise Unreadable("is truncated or damaged: it does not end with the %%EOF marker a complete PDF ends with; copy or download it again")
    document = _open(data)
    try:
        pages = [_page(document, number) for number in range(len(document))]
        if not any(page_lines for page_lines, _ in pages):
            if not ocr:
                raise Unreadable(OCR_HINT)
            from kg.readers.ocr import recognise

            pages = [recognise(document[number]) for number in range(len(document))]
            if not any(page_lines for page_lines, _ in pages):
                raise Unreadable("has no text layer and OCR found no text on its pages")
    finally:
        document.close()
    text, starts = assemble(pages)
    empty = [str(number) for number, (page_lines, _) in enumerate(pages, start=1) if not page_lines]
    warnings = (f"page(s) {', '.join(empty)} have no text and are left out (scanned? give --ocr)",) if empty else ()
    return Reading(text, MEDIA_TYPE, starts, warnings)


def assemble(pages: list[tuple[list[Line], float]]) -> tuple[str, tuple[int, ...]]:
    """The pages' lines (and heights) as one text in reading order, furniture left out; and the
    offset where each page begins."""
    recurring = furniture_keys(pages)
    area = text_area([page_lines for page_lines, _ in pages])
    document_body = heading_scale([line for page_lines, _ in pages for line in page_lines])
    texts: list[str] = []
    starts: list[int] = []
    offset = 0
    for number, (page_lines, height) in enumerate(pages):
        size = body_size(page_lines)
        body = [line for line in page_lines if not is_furniture(line, height, recurring, size)]
        text = page_text(reading_order(body, area), document_body)
        if number and text:
            text = PAGE_MARK + text
        starts.append(offset)
        texts.append(text)
        offset += len(text) + 1
    return "\n".join(texts), tuple(starts)


def _open(data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        if "password" in str(error).lower():
            raise Unreadable("is encrypted (password-protected); save a copy without a password and build that") from error
        raise Unreadable(f"is damaged or not a PDF ({error})") from error


def _page(document: pdfium.PdfDocument, number: int) -> tuple[list[Line], float]:
    """The page's lines and height; the page is closed before the next is read (memory stays flat)."""
    try:
        page = document[number]
    except pdfium.PdfiumError as error:
        raise Unreadable(f"page {number + 1} is damaged ({error})") from error
    try:
        textpage = page.get_textpage()
        try:
            return lines(_glyphs(textpage)), page.get_height()
        finally:
            textpage.close()
    finally:
        page.close()


def _glyphs(textpage: pdfium.PdfTextPage) -> list[Glyph]:
    """Every printed character with its loose box (the advance width, so that letters of one
    word touch and a space is a gap; the box's bottom is the same for all glyphs of a line)."""
    handle = textpage.raw
    box = raw.FS_RECTF()
    found: list[Glyph] = []
    for index in range(textpage.count_chars()):
        char = chr(raw.FPDFText_GetUnicode(handle, index))
        if char.isspace() or not raw.FPDFText_GetLooseCharBox(handle, index, box):
            continue  # spaces and line breaks (PDFium's own or the file's) come from the geometry
        if char not in _HYPHEN_MARKS and unicodedata.category(char) == "Cc":
            char = UNMAPPED  # a glyph the font maps to no character (NUL): a symbol was printed there
        size = raw.FPDFText_GetFontSize(handle, index) or 1.0
        bold = raw.FPDFText_GetFontWeight(handle, index) >= BOLD_WEIGHT
        found.append(Glyph("-" if char in _HYPHEN_MARKS else char, box.left, box.right, box.bottom, size, bold))
    return found
