"""Render a plain text into a PDF that looks like a magazine, for the PDF reader's tests and benchmark.

No real magazine PDF can be downloaded here, so the seed texts are typeset the way a magazine
prints them: A4, two columns, a running header with the magazine's name, a page number in the
footer, every sixth paragraph in a framed box, paragraphs re-flowed and hyphenated in Dutch
(pyphen), so the lines break where the PDF breaks them, not where the text file did. A page of
the text (the seeds came from PDFs and mark where a page began) starts a new page of the PDF, as
the magazine's articles did; a long page runs on over more.

Which lines of the text are one paragraph: a line that fills most of the widest line of its
block runs on into the next one; a short line (a headline, a byline, the last line of a
paragraph) ends its paragraph, and a byline ("Door: ...") is a paragraph of its own. A line-end
hyphen of the text is undone with the normaliser's own decision before the paragraph is re-flowed.

The type follows the text's line shape, which is what the magazine's type left in it: a block that
opens with two or more short lines (at most :data:`DISPLAY_CHARS` characters, none closing a
clause) was set in display type, so those lines are a headline here too (large and bold, broken
where the text breaks them); a single short line opening a block, not closing a clause, is a
subhead (bold, body size). Neither is always right (a pull quote, a signature), as in print.

A markdown text (seed 003 is a magazine exported to markdown) is typeset as the magazine printed
it, not with its marks: a heading of level 1 is a headline, of level 2 a section title (set larger
than the body, smaller than a headline: pull quotes and kickers are level 2 there), a deeper one
a subhead; ``**bold**``, ``*italic*`` and ``<sup>`` are set in bold, italic and superscript, so a
drop cap ("**V**eel") is a bold letter of its word. A mark left unpaired within a paragraph is dropped: print has no asterisks.
Its other lines are body type: a markdown text marks its display type itself, so nothing is guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageBreak, PageTemplate, Paragraph, Spacer, Table, TableStyle

from kg.normalise.hyphenation import HYPHENS, Hyphen, line_end_hyphen
from kg.segment.lines import split_lines

FONT_FILE = Path("/usr/share/fonts/truetype/liberation/LiberationSansNarrow-Regular.ttf")  # Debian fonts-liberation: a condensed magazine face
FONT = "LiberationSansNarrow"
BOLD = "LiberationSansNarrow-Bold"
MARGIN, GUTTER = 36.0, 16.0
BOX_EVERY = 6
DISPLAY_CHARS = 40  # a line of display type in the text is at most this long
_OPENER = re.compile(r"^[\"'‘“#(]?[A-Z0-9\u00C0-\u00DE]")
_BYLINE = re.compile(r"^Door\b")
_CLOSES = (".", ",", ";", ":")
_HEADING_STYLES = {1: "title", 2: "section"}
_MARKS = re.compile(r"\*+|</?sup>")
_INLINE = (
    (re.compile(r"\*\*\*([^\s*](?:.*?[^\s*])??)\*\*\*", re.DOTALL), r"<b><i>\1</i></b>"),
    (re.compile(r"\*\*([^\s*](?:.*?[^\s*])??)\*\*", re.DOTALL), r"<b>\1</b>"),
    (re.compile(r"(?<![*\w])\*([^\s*](?:.*?[^\s*])??)\*(?![*\w])", re.DOTALL), r"<i>\1</i>"),
    (re.compile(r"&lt;sup&gt;(.*?)&lt;/sup&gt;"), r"<super>\1</super>"),
)


@dataclass(frozen=True)
class Piece:
    """A paragraph and how it is set: ``body``; ``title`` and ``headline`` (display type, its
    lines kept, joined by newlines); ``section`` (larger than the body); ``subhead`` (bold); or,
    with no text, ``page`` (the text's page ends here: the magazine turns the page too) and ``gap``
    (a blank line)."""

    style: str
    text: str = ""


PAGE, GAP = Piece("page"), Piece("gap")


def paragraphs(text: str) -> list[Piece]:
    """The text's paragraphs (re-joined lines), with :data:`GAP` for a blank line and
    :data:`PAGE` where the text starts a new page (kg.segment.lines: an indented first line)."""
    found: list[Piece] = []
    block: list[str] = []
    lines = split_lines(text)
    guess = not any(line.heading_level for line in lines)  # a markdown text states its display type
    for line in lines:
        if line.page_start and line.index:
            found.extend(_block(block, guess))
            block = []
            found.append(PAGE)
        if line.blank or line.heading_level:
            found.extend(_block(block, guess))
            block = []
        if line.heading_level:
            found.append(Piece(_HEADING_STYLES.get(line.heading_level, "subhead"), line.raw.strip().lstrip("#").strip()))
        elif line.blank:
            if found and found[-1] != GAP:
                found.append(GAP)
        else:
            block.append(line.raw.strip())
    return found + _block(block, guess)


def _visible(line: str) -> str:
    """The line as printed: without markdown's marks."""
    return _MARKS.sub("", line).strip()


def _display(lines: list[str]) -> int:
    """How many of the block's first lines are display type (see the module's docstring)."""
    shown = [_visible(line) for line in lines]
    count = 0
    while count < len(shown) and len(shown[count]) <= DISPLAY_CHARS and not shown[count].endswith(_CLOSES) and not _BYLINE.match(shown[count]):
        count += 1
    return count if shown and _OPENER.match(shown[0]) else 0


def _block(lines: list[str], guess_display: bool) -> list[Piece]:
    """A block of lines as paragraphs: its display lines first (when ``guess_display``), then
    the rest, where a line that fills most of the block's widest line runs on."""
    if not lines:
        return []
    display = _display(lines) if guess_display else 0
    found = [Piece("headline" if display > 1 else "subhead", "\n".join(lines[:display]))] if display else []
    lines = lines[display:]
    widest = max((len(_visible(line)) for line in lines), default=0)
    current = ""
    for line in lines:
        shown = _visible(line)
        if _BYLINE.match(shown) and current:
            found.append(Piece("body", current))
            current = ""
        current = _join(current, line) if current else line
        if len(shown) < 0.75 * widest or len(shown) < 40 or _BYLINE.match(shown):
            found.append(Piece("body", current))
            current = ""
    return found + ([Piece("body", current)] if current else [])


def _join(left: str, right: str) -> str:
    if left.endswith(HYPHENS):
        decision = line_end_hyphen(left, right)
        if decision is Hyphen.JOIN:
            return left[:-1] + right
        return left + right if decision is Hyphen.ATTACH else left + " " + right
    return left + " " + right


def markup(text: str) -> str:
    """A paragraph's text as reportlab's markup: markdown's emphasis as type, unpaired marks dropped."""
    marked = escape(text)
    for pattern, tag in _INLINE:
        marked = pattern.sub(tag, marked)
    return re.sub(r"\*{2,}", "", marked).replace("\n", "<br/>")


def register_fonts() -> None:
    """The magazine's faces, registered with reportlab once; ``<b>``/``<i>`` pick the bold and
    italic faces, in body and in bold headline type alike."""
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    italic, bold_italic = f"{FONT}-Italic", f"{FONT}-BoldItalic"
    pdfmetrics.registerFont(TTFont(FONT, str(FONT_FILE)))
    for face in (BOLD, italic, bold_italic):
        pdfmetrics.registerFont(TTFont(face, str(FONT_FILE.with_name(f"{face}.ttf"))))
    for family, faces in {FONT: (FONT, BOLD, italic, bold_italic), BOLD: (BOLD, BOLD, bold_italic, bold_italic)}.items():
        for (bold, slanted), face in zip(((0, 0), (1, 0), (0, 1), (1, 1)), faces):
            addMapping(family, bold, slanted, face)


def render(text: str, path: Path, title: str, columns: int = 2) -> int:
    """Write ``text`` as a magazine-like PDF to ``path``; return its number of pages."""
    register_fonts()
    width, height = A4
    column = (width - 2 * MARGIN - (columns - 1) * GUTTER) / columns
    frames = [Frame(MARGIN + i * (column + GUTTER), MARGIN + 14, column, height - 2 * MARGIN - 34, id=f"c{i}", showBoundary=0) for i in range(columns)]

    def furniture(canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 7.5)
        canvas.drawString(MARGIN, height - MARGIN + 4, title)
        canvas.drawRightString(width - MARGIN, height - MARGIN + 4, "nummer 3 · 2020")
        canvas.line(MARGIN, height - MARGIN, width - MARGIN, height - MARGIN)
        canvas.drawCentredString(width / 2, MARGIN - 10, str(doc.page))
        canvas.restoreState()

    doc = BaseDocTemplate(str(path), pagesize=A4, pageTemplates=[PageTemplate(frames=frames, onPage=furniture)], invariant=1, title=title)
    body = ParagraphStyle("body", fontName=FONT, fontSize=9, leading=11.5, hyphenationLang="nl_NL", embeddedHyphenation=1, uriWasteReduce=0.3)
    styles = {
        "body": body,
        "title": ParagraphStyle("title", fontName=BOLD, fontSize=20, leading=23, spaceBefore=4, spaceAfter=6, keepWithNext=1),
        "headline": ParagraphStyle("headline", fontName=BOLD, fontSize=16, leading=18.5, spaceBefore=4, spaceAfter=6, keepWithNext=1),
        "section": ParagraphStyle("section", fontName=BOLD, fontSize=13, leading=15.5, spaceBefore=3, spaceAfter=4, keepWithNext=1),
        "subhead": ParagraphStyle("subhead", fontName=BOLD, fontSize=9.5, leading=11.5, spaceBefore=2, keepWithNext=1),
    }
    story: list = []
    count = 0
    for piece in paragraphs(text):
        if piece == PAGE:
            story.append(PageBreak())
            continue
        if piece == GAP:
            story.append(Spacer(1, 7))
            continue
        count += 1
        flowable = Paragraph(markup(piece.text), styles[piece.style])
        if piece.style == "body" and count % BOX_EVERY == 0 and len(piece.text) > 200:
            box = Table([[flowable]], colWidths=[column - 4])
            box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.8, HexColor("#336699")), ("BACKGROUND", (0, 0), (-1, -1), HexColor("#e8eef5"))]))
            flowable = box
        story.append(flowable)
    doc.build(story)
    return doc.page
