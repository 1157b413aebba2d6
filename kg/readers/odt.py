"""OpenDocument text (.odt, LibreOffice's and many governments' format): paragraphs in document
order, headings as headings, footnotes apart, as :mod:`kg.readers.docx` reads a Word file.

The text is in the package's content.xml. A heading (``text:h``, or a paragraph in the "Title"
style) is written as a markdown heading of its outline level; list items, sections and table cells
are read in order (a table row as "a | b"); a footnote or endnote (``text:note``) is taken out of the
paragraph that cites it and follows the text under "Voetnoten" (:func:`kg.readers.document_reading`).
Comments and the contents of frames (pictures, their captions, text boxes) are not running text.
"""

from __future__ import annotations

import zipfile
from io import BytesIO

from lxml import etree

from kg.readers import TITLE_STYLES, Reading, Unreadable, document_reading

MEDIA_TYPE = "application/vnd.oasis.opendocument.text"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
_SKIPPED = {f"{_OFFICE}annotation", f"{_TEXT}tracked-changes", "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}frame"}


def read(data: bytes) -> Reading:
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            content = archive.read("content.xml")
        root = etree.fromstring(content, etree.XMLParser(resolve_entities=False, no_network=True))
    except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError) as error:
        raise Unreadable(f"is damaged or not an OpenDocument text (.odt) file ({error})") from error
    body = root.find(f"{_OFFICE}body/{_OFFICE}text")
    if body is None:
        raise Unreadable("is not an OpenDocument text (.odt) file: it holds no text body (a spreadsheet or a drawing?)")
    reader = _Reader(_titles(root))
    reader.blocks_of(body)
    return document_reading(reader.blocks, reader.notes, MEDIA_TYPE)


def _titles(root: etree._Element) -> set[str]:
    """The names of the paragraph styles that are the "Title" style or based on it in this file."""
    parents = {style.get(f"{_STYLE}name"): style.get(f"{_STYLE}parent-style-name") for style in root.iter(f"{_STYLE}style")}
    return {name for name in parents if _based_on_title(name, parents)}


def _based_on_title(name: str | None, parents: dict[str | None, str | None]) -> bool:
    seen: set[str] = set()
    while name and name not in seen:
        if name.lower() in TITLE_STYLES:
            return True
        seen.add(name)
        name = parents.get(name)
    return False


class _Reader:
    """Walks the body in document order, collecting blocks and notes."""

    def __init__(self, titles: set[str]) -> None:
        self.titles = titles
        self.blocks: list[str] = []
        self.notes: list[str] = []

    def blocks_of(self, element: etree._Element) -> None:
        for child in element:
            if child.tag in _SKIPPED:
                continue
            if child.tag in (f"{_TEXT}p", f"{_TEXT}h"):
                self.blocks.append(self._paragraph(child))
            elif child.tag == f"{_TABLE}table-row":
                self.blocks.append(" | ".join(self._cell(cell) for cell in child if cell.tag == f"{_TABLE}table-cell"))
            else:  # lists, sections, tables and their row groups: what they hold, in order
                self.blocks_of(child)

    def _paragraph(self, element: etree._Element) -> str:
        text = " ".join(self._inline(element).split())
        level = int(element.get(f"{_TEXT}outline-level", "1")) if element.tag == f"{_TEXT}h" else 0
        if not level and element.get(f"{_TEXT}style-name") in self.titles:
            level = 1
        return f"{'#' * min(level, 6)} {text}" if level and text else text

    def _cell(self, cell: etree._Element) -> str:
        """The cell's paragraphs (those of a note in it are the note's)."""
        paragraphs = (p for p in cell.iter(f"{_TEXT}p", f"{_TEXT}h") if not any(a.tag == f"{_TEXT}note" for a in p.iterancestors()))
        return " ".join(" ".join(self._inline(p).split()) for p in paragraphs)

    def _inline(self, element: etree._Element) -> str:
        """The paragraph's characters: spaces (``text:s``), tabs and line breaks as spaces, a note's
        body kept apart (its citation number left out too)."""
        parts = [element.text or ""]
        for child in element:
            if child.tag == f"{_TEXT}note":
                body = child.find(f"{_TEXT}note-body")
                note = " ".join(" ".join(self._inline(p).split()) for p in body.iter(f"{_TEXT}p")) if body is not None else ""
                if note.strip():
                    self.notes.append(note.strip())
            elif child.tag == f"{_TEXT}s":
                parts.append(" " * int(child.get(f"{_TEXT}c", "1")))
            elif child.tag in (f"{_TEXT}tab", f"{_TEXT}line-break"):
                parts.append(" ")
            elif child.tag not in _SKIPPED:
                parts.append(self._inline(child))
            parts.append(child.tail or "")
        return "".join(parts)
