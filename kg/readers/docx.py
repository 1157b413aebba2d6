"""Word documents (.docx): paragraphs in document order, headings as headings, footnotes apart.

A heading (a paragraph in a "Heading N" / "Kop N" style, or with an outline level) is written as a
markdown heading of its level, which the segmenter reads as an article's title (level 1) or a subhead.
Paragraphs are separated by a blank line, table cells read row by row. Footnotes are not in the
running text: they follow it under a "Voetnoten" heading (:func:`kg.readers.document_reading`).
"""

from __future__ import annotations

import re
import zipfile
from io import BytesIO

from kg.readers import TITLE_STYLES, Reading, Unreadable, document_reading

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING = re.compile(r"^(?:heading|kop)\s*(\d)$", re.IGNORECASE)


def read(data: bytes) -> Reading:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise Unreadable(f"is damaged or not a Word .docx file ({error})") from error
    blocks: list[str] = []
    for element in document.element.body.iterchildren():
        if element.tag == f"{_W}p":
            blocks.extend(_paragraph(docx.text.paragraph.Paragraph(element, document)))
        elif element.tag == f"{_W}tbl":
            table = docx.table.Table(element, document)
            blocks.extend(" | ".join(cell.text.strip() for cell in row.cells) for row in table.rows)
    return document_reading(blocks, _footnotes(data), MEDIA_TYPE)


def _paragraph(paragraph: object) -> list[str]:
    text = " ".join(paragraph.text.split())  # type: ignore[attr-defined]
    if not text:
        return []
    level = _heading_level(paragraph)
    return [f"{'#' * level} {text}" if level else text]


def _heading_level(paragraph: object) -> int:
    style = paragraph.style  # type: ignore[attr-defined]
    while style is not None:
        match = _HEADING.match(style.name or "")
        if match:
            return min(int(match.group(1)), 6)
        if style.name and style.name.lower() in TITLE_STYLES:
            return 1
        style = style.base_style
    return 0


def _footnotes(data: bytes) -> list[str]:
    """The footnotes' text, numbered as Word numbers them (separators and continuation notes left out)."""
    from lxml import etree

    with zipfile.ZipFile(BytesIO(data)) as archive:
        if "word/footnotes.xml" not in archive.namelist():
            return []
        root = etree.fromstring(archive.read("word/footnotes.xml"))
    notes = []
    for note in root.iter(f"{_W}footnote"):
        if note.get(f"{_W}type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        text = " ".join("".join(t.text or "" for t in note.iter(f"{_W}t")).split())
        if text:
            notes.append(text)
    return notes
