"""Tesseract's hOCR output read into rows of words, with what its TSV output lacks.

Per line, hOCR gives the baseline (the TSV only the box, whose bottom drops with every descender)
and ``x_size``, Tesseract's estimate of the line's type height from its letters (the box of a line
in capitals, without ascenders or descenders, is lower than that of a line of the same type in
lower case), with ``x_descenders``, how much of it lies below the baseline. Per word, with ``-c
lstm_choice_mode=2``, the characters Tesseract weighed at each position. Positions are pixels, y down.
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.etree import ElementTree

_XHTML = "{http://www.w3.org/1999/xhtml}"
_LINES = {"ocr_line", "ocr_header", "ocr_caption", "ocr_textfloat"}  # the kinds of line Tesseract writes


@dataclass(frozen=True)
class Word:
    text: str
    box: tuple[int, int, int, int]  # left, top, right, bottom
    confidence: int  # Tesseract's, 0-100
    choices: tuple[tuple[tuple[str, float], ...], ...] = ()  # per character of text: (character, confidence), the one read first


@dataclass(frozen=True)
class Row:
    """A line as Tesseract found it: its words left to right; a line may cross a gutter."""

    words: tuple[Word, ...]
    baseline: float
    x_size: float
    x_descenders: float = 0.0


def rows(hocr: str) -> list[Row]:
    """Every line of the page that holds a word."""
    found = []
    for span in ElementTree.fromstring(hocr).iter(f"{_XHTML}span"):
        if span.get("class") not in _LINES:
            continue
        words = tuple(
            Word(text, _box(word), int(_title(word).get("x_wconf", "0")), _choices(word, text))
            for word in span
            if word.get("class") == "ocrx_word" and (text := (word.text or "").strip())
        )
        if words:
            fields = _title(span)
            _, offset = (float(value) for value in fields.get("baseline", "0 0").split())
            box = _box(span)
            found.append(Row(words, box[3] + offset, float(fields.get("x_size", box[3] - box[1])), float(fields.get("x_descenders", "0"))))
    return found


def _choices(word: ElementTree.Element, text: str) -> tuple[tuple[tuple[str, float], ...], ...]:
    """The characters Tesseract weighed at each position of the word (with ``-c lstm_choice_mode=2``),
    best first; none where they do not spell the word as read (a position of a space is skipped)."""
    positions = []
    for position in word:
        options = tuple((choice.text or "", float(_title(choice).get("x_confs", "0"))) for choice in position)
        if options and options[0][0].strip():
            positions.append(options)
    return tuple(positions) if "".join(options[0][0] for options in positions) == text else ()


def _title(element: ElementTree.Element) -> dict[str, str]:
    """hOCR's properties: ``title="bbox 1 2 3 4; baseline 0 -7; x_size 35"`` -> {"bbox": "1 2 3 4", ...}."""
    pairs = (part.strip().split(" ", 1) for part in element.get("title", "").split(";"))
    return {pair[0]: pair[1] if len(pair) > 1 else "" for pair in pairs if pair[0]}


def _box(element: ElementTree.Element) -> tuple[int, int, int, int]:
    left, top, right, bottom = (int(value) for value in _title(element)["bbox"].split())
    return left, top, right, bottom
