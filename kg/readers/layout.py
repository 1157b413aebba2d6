"""Reading order of printed pages: glyphs with their positions in, lines of text out.

Library-independent: :mod:`kg.readers.pdf` supplies the glyphs. A page is read the way a reader
reads a magazine page: the running header, footer and page number (repeated at the same height
on several pages, or a bare number) are furniture and left out; the body is cut into bands at
lines that span the columns (a headline over the whole page), and each band's columns are read
one after the other, left to right, top to bottom. A vertical gap larger than the page's usual
line spacing becomes an empty line (a paragraph break). Lines in display type (larger than the
body text, or bold: headlines, subheads) keep their line breaks and stand between empty lines,
as a careful text extraction shows a headline. In a document with headline type (twice the body
size or more), type much larger than the body text is written as a markdown heading, one line
however many it was printed on: a headline (level 1) or a section title, pull quote or large kicker
(level 2), which is how a size-aware PDF converter marks them and how the segmenter reads a
markdown text's structure. Hyphens at line ends are kept: undoing them is the normaliser's job
(kg.normalise.hyphenation).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from statistics import median


@dataclass(frozen=True)
class Glyph:
    """One printed character (or, from OCR, one word): its text, left and right edge, baseline (y up),
    font size and weight."""

    text: str
    left: float
    right: float
    baseline: float
    size: float
    bold: bool = False


@dataclass(frozen=True)
class Line:
    """A run of glyphs on one baseline, not crossing a gutter; bold when most of its glyphs are."""

    text: str
    left: float
    right: float
    baseline: float
    size: float
    bold: bool = False


LINE_TOLERANCE = 0.35  # baselines closer than this many font sizes are one line
SPACE_GAP = 0.18  # a gap wider than this many font sizes between glyphs is a space
GUTTER_GAP = 1.2  # a gap wider than this many font sizes on one baseline separates columns
SPANNING = 0.62  # a line wider than this share of the text area spans the columns
OVERFLOW = 1.15  # a narrow line this many times wider than a full column line ran over its column's edge
FULL_LINE = 0.9  # the width of a full column line: this quantile of the narrow lines' widths
OVERFLOW_SLACK = 0.1  # a line ending this share of the text area's width beyond it overflowed (it spans nothing)
MARGIN_BAND = 0.1  # furniture lies in the top or bottom tenth of the page
PARAGRAPH_GAP = 1.45  # a baseline step this many times the usual one is a paragraph break
DISPLAY_SIZE = 1.15  # a line set this many times larger than the body text is display type
HEADLINE_SIZE = 2.0  # ... this many times larger than the document's body text, a headline (heading level 1)
SECTION_SIZE = 1.3  # ... this many times, a section title or pull quote (heading level 2)
RECURRING_STEP = 0.05  # the usual line step is the smallest that this share of the steps (at least 2) take
_PAGE_NUMBER = re.compile(r"^\W{0,3}(?:p\.?\s*|pagina\s+)?\d{1,4}\W{0,3}$", re.IGNORECASE)


def lines(glyphs: list[Glyph]) -> list[Line]:
    """Glyphs grouped into lines (top to bottom), split where a gap on one baseline is a gutter."""
    ordered = sorted(glyphs, key=lambda g: (-g.baseline, g.left))
    rows: list[list[Glyph]] = []
    for glyph in ordered:
        if rows and abs(rows[-1][0].baseline - glyph.baseline) <= LINE_TOLERANCE * max(glyph.size, rows[-1][0].size):
            rows[-1].append(glyph)
        else:
            rows.append([glyph])
    return [_line(run) for row in rows for run in gutter_runs(sorted(row, key=lambda g: g.left))]


def gutter_runs(row: list[Glyph]) -> list[list[Glyph]]:
    """A row of glyphs (left to right) cut where a gap is wider than :data:`GUTTER_GAP` font
    sizes: the gutter between two columns whose lines share a baseline."""
    runs: list[list[Glyph]] = [[row[0]]] if row else []
    for glyph in row[1:]:
        if glyph.left - runs[-1][-1].right > GUTTER_GAP * glyph.size:
            runs.append([])
        runs[-1].append(glyph)
    return runs


def _line(run: list[Glyph]) -> Line:
    parts = [run[0].text]
    for before, glyph in zip(run, run[1:]):
        if glyph.left - before.right > SPACE_GAP * glyph.size and not before.text.isspace():
            parts.append(" ")
        parts.append(glyph.text)
    text = re.sub(r"\s+", " ", "".join(parts)).strip()
    bold = 2 * sum(1 for g in run if g.bold) > len(run)
    return Line(text, run[0].left, max(g.right for g in run), run[0].baseline, median(g.size for g in run), bold)


def furniture_keys(pages: list[tuple[list[Line], float]]) -> set[tuple[int, str]]:
    """The (height, text with digits as #) of lines in the margin bands that recur on several
    pages: running headers and footers, page numbers."""
    seen: Counter[tuple[int, str]] = Counter()
    for page_lines, height in pages:
        seen.update({_key(line) for line in page_lines if _in_margin(line, height)})
    needed = max(2, round(0.3 * len(pages)))
    return {key for key, count in seen.items() if count >= needed}


def _key(line: Line) -> tuple[int, str]:
    return round(line.baseline / 3), re.sub(r"\d+", "#", line.text)


def _in_margin(line: Line, height: float) -> bool:
    return line.baseline > (1 - MARGIN_BAND) * height or line.baseline < MARGIN_BAND * height


def heading_scale(document: list[Line]) -> float:
    """The body size that headings are measured against (:func:`heading_level`), or 0 when the
    document has fewer than two lines in headline type: without headlines its large type (an
    intro, a pull quote) is no hierarchy, and it is read as display type only."""
    body = body_size(document)
    headlines = sum(1 for line in document if line.size >= HEADLINE_SIZE * body)
    return body if headlines >= 2 else 0.0


def body_size(page_lines: list[Line]) -> float:
    """The font size of most of the page's text, counted by characters."""
    sizes: Counter[float] = Counter()
    for line in page_lines:
        sizes[round(line.size, 1)] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def is_furniture(line: Line, height: float, recurring: set[tuple[int, str]], body: float) -> bool:
    """A margin line that recurs on other pages, is a bare page number, or is set smaller than
    the body text (a running header on a page of its own)."""
    if not _in_margin(line, height):
        return False
    return _key(line) in recurring or bool(_PAGE_NUMBER.match(line.text)) or line.size < 0.9 * body


def text_area(pages: list[list[Line]]) -> tuple[float, float]:
    """The left and right edge of the text on all pages: a page with one short column does not
    make its full lines look as if they spanned the page. The edges are the outermost that two
    lines or more share (to a point): a line that overflows its column (an unbreakable web
    address running off the page) is alone where it ends and does not widen the area."""
    every = [line for page in pages for line in page]
    if not every:
        return 0.0, 0.0
    return _shared_edge([line.left for line in every], min), _shared_edge([line.right for line in every], max)


def _shared_edge(edges: list[float], outermost: Callable[[Iterable[float]], float]) -> float:
    counts = Counter(round(edge) for edge in edges)
    shared = [edge for edge in edges if counts[round(edge)] >= 2]
    return outermost(shared or edges)


def reading_order(body: list[Line], area: tuple[float, float]) -> list[list[Line]]:
    """The body lines as runs read top to bottom: per band, each column in turn. A line wider
    than :data:`SPANNING` of the ``area`` (:func:`text_area`) spans the columns and cuts the bands."""
    if not body:
        return []
    left, right = area
    inside = right + OVERFLOW_SLACK * (right - left)  # a line ending beyond this ran off the text area
    spanning = [line for line in body if line.right - line.left > SPANNING * (right - left) and line.right <= inside]
    narrow = [line for line in body if line.right - line.left <= SPANNING * (right - left) or line.right > inside]
    widths = sorted(line.right - line.left for line in narrow)
    typical = widths[int(FULL_LINE * (len(widths) - 1))] if widths else 0.0
    columns = _columns([line for line in narrow if line.right - line.left <= OVERFLOW * typical])
    column_of = {id(line): _column(line, columns, typical) for line in narrow}
    cuts = sorted(spanning, key=lambda line: -line.baseline)
    runs: list[list[Line]] = []
    top = float("inf")
    for cut in [*cuts, None]:
        floor = cut.baseline if cut else float("-inf")
        for number in range(len(columns)):
            run = [line for line in narrow if floor < line.baseline < top and column_of[id(line)] == number]
            if run:
                runs.append(sorted(run, key=lambda line: -line.baseline))
        if cut:
            runs.append([cut])
        top = floor
    return runs


def _column(line: Line, columns: list[tuple[float, float]], typical: float) -> int:
    """The column whose range holds the line's centre, or the nearest one; a line that overflows
    its column (wider than ``typical``, a full column line) belongs where it starts."""
    centre = line.left + min(line.right - line.left, typical) / 2
    return min(range(len(columns)), key=lambda n: max(columns[n][0] - centre, centre - columns[n][1], 0.0))


def _columns(narrow: list[Line]) -> list[tuple[float, float]]:
    """The x ranges covered by the narrow lines, merged where they overlap, left to right. A
    line much wider than a full column line (:data:`OVERFLOW`) ran over its gutter and is left
    out here."""
    merged: list[list[float]] = []
    for line in sorted(narrow, key=lambda line: line.left):
        if merged and line.left <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], line.right)
        else:
            merged.append([line.left, line.right])
    return [(low, high) for low, high in merged]


def page_text(runs: list[list[Line]], document_body: float = 0.0) -> str:
    """The runs as text: one line per printed line; an empty line at a paragraph gap (a step
    down to an overlapping line larger than the page's usual line step) and around each run of
    display lines (:func:`display`). Lines of a heading (:func:`heading_level`, against the
    ``document_body`` size) are one markdown heading line."""
    ordered = [line for run in runs for line in run]
    body = body_size(ordered)
    pairs = list(zip(ordered, ordered[1:]))
    usual = usual_step([a.baseline - b.baseline for a, b in pairs if _below(a, b) and not display(a, body) and not display(b, body)])
    levels = [heading_level(line, document_body) for line in ordered]
    out = [_heading(ordered[0].text, levels[0])] if ordered else []
    for number, (before, line) in enumerate(pairs, start=1):
        shown = display(before, body), display(line, body)
        if shown[0] != shown[1] or shown[0] and not _same_type(before, line):
            gap = not line.text[:1].islower()  # a headline or subhead stands apart, unless its sentence runs on
        elif shown[0]:
            gap = not _below(before, line) or before.baseline - line.baseline > 2 * max(before.size, line.size)
        else:
            gap = bool(usual) and _below(before, line) and before.baseline - line.baseline > PARAGRAPH_GAP * usual
        if levels[number] and not gap and levels[number - 1] == levels[number] and _same_type(before, line):
            out[-1] += " " + line.text
            continue
        if gap and out[-1]:
            out.append("")
        out.append(_heading(line.text, levels[number]))
    return "\n".join(out)


def heading_level(line: Line, document_body: float) -> int:
    """1 for a headline, 2 for a section title or pull quote, 0 for other type (:data:`HEADLINE_SIZE`)."""
    if not document_body:
        return 0
    return 1 if line.size >= HEADLINE_SIZE * document_body else 2 if line.size >= SECTION_SIZE * document_body else 0


def _heading(text: str, level: int) -> str:
    return f"{'#' * level} {text}" if level else text


def display(line: Line, body: float) -> bool:
    """Set in display type: larger than the page's body text, or bold."""
    return line.bold or line.size >= DISPLAY_SIZE * body


def _same_type(a: Line, b: Line) -> bool:
    return a.bold == b.bold and max(a.size, b.size) < DISPLAY_SIZE * min(a.size, b.size)


def usual_step(steps: list[float]) -> float:
    """The page's line spacing: the smallest step (to a quarter point) that recurs. Neither the
    median nor a quartile will do: on a page of short paragraphs most steps are gaps."""
    counts = Counter(round(step * 4) / 4 for step in steps if step > 0)
    needed = max(2, RECURRING_STEP * len(steps))
    recurring = sorted(step for step, count in counts.items() if count >= needed)
    return recurring[0] if recurring else min(counts, default=0.0)


def _below(upper: Line, lower: Line) -> bool:
    """Whether ``lower`` follows ``upper`` further down the same column."""
    return upper.baseline > lower.baseline and lower.left < upper.right and upper.left < lower.right
