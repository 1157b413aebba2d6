"""Readers for publications that are not plain text: each turns a file's bytes into the text
that extraction reads, with what the file says about its pages. One module per format."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from importlib import import_module

FORMATS = {".pdf": "pdf", ".html": "html", ".htm": "html", ".docx": "docx", ".odt": "odt"}  # file suffix -> the module of kg.readers that reads it


class Unreadable(Exception):
    """The file cannot be read as its format; the message says why and, where possible, what to do."""


@dataclass(frozen=True)
class PageMeta:
    """What a web page states about itself in its metadata (not in its text)."""

    title: str | None = None
    author: str | None = None
    date: str | None = None  # ISO 8601, as trafilatura gives it
    site_name: str | None = None
    url: str | None = None  # the canonical address


@dataclass(frozen=True)
class Reading:
    """The text read from a document. ``page_starts[i]`` is the offset in ``text`` where page
    i + 1 begins (PDF only); ``warnings`` name what was read only in part."""

    text: str
    media_type: str
    page_starts: tuple[int, ...] = ()
    warnings: tuple[str, ...] = ()
    metadata: PageMeta | None = None


Reader = Callable[[bytes], Reading]
TITLE_STYLES = ("title", "titel")  # a word processor's paragraph style for a document's title: a level-1 heading


def document_reading(blocks: list[str], notes: list[str], media_type: str) -> Reading:
    """A word processor's document as text: its blocks (paragraphs, markdown headings, table rows)
    separated by a blank line, and its footnotes after them under "## Voetnoten", each as "[N] text",
    so that a footnote's sentences are not read into the paragraph that cites them."""
    if notes:
        blocks = [*blocks, "## Voetnoten", *(f"[{number}] {note}" for number, note in enumerate(notes, start=1))]
    text = "\n\n".join(block for block in blocks if block.strip())
    if not text.strip():
        raise Unreadable("has no text (an empty document, or only pictures)")
    return Reading(text + "\n", media_type)


def reader(suffix: str, ocr: bool = False) -> Reader:
    """The reader for a suffix of :data:`FORMATS`, imported on first use so that a build of text
    files loads no document library. ``ocr``: a PDF without a text layer is read by OCR."""
    read: Reader = import_module(f"kg.readers.{FORMATS[suffix]}").read
    return partial(read, ocr=True) if ocr and suffix == ".pdf" else read
