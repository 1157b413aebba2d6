"""Render a plain text into a PDF that looks like a magazine, for the PDF reader's tests and benchmark.

No real magazine PDF can be downloaded here, so the seed texts are typeset the way a magazine
prints them: A4, two columns, a running header with the magazine's name, a page number in the
footer, every sixth paragraph in a framed box, paragraphs re-flowed and hyphenated in Dutch
(pyphen), so the lines break where the PDF breaks them, not where the text file did. A page of
the text (the seeds came from PDFs and mark where a page began) starts a new page of the PDF, as
the magazine's articles did; a long page runs on over more.

Which lines of the text are one paragraph: a line that fills most of the widest line of its
block runs on into the next one; a short line (a headline, a byline, the last line of a
paragraph) ends its paragraph. A line-end hyphen of the text is undone with the normaliser's
own decision before the paragraph is re-flowed.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageBreak, PageTemplate, Paragraph, Spacer, Table, TableStyle

from kg.normalise.hyphenation import HYPHENS, Hyphen, line_end_hyphen
from kg.segment.lines import split_lines

FONT_FILE = Path("/usr/share/fonts/truetype/liberation/LiberationSansNarrow-Regular.ttf")  # Debian fonts-liberation: a condensed magazine face
FONT = "LiberationSansNarrow"
MARGIN, GUTTER = 36.0, 16.0
BOX_EVERY = 6


PAGE = "\f"  # in :func:`paragraphs`: the text's page ends here; the magazine turns the page too
GAP = ""  # in :func:`paragraphs`: a blank line


def paragraphs(text: str) -> list[str]:
    """The text's paragraphs (re-joined lines), with :data:`GAP` for a blank line and
    :data:`PAGE` where the text starts a new page (kg.segment.lines: an indented first line)."""
    found: list[str] = []
    block: list[str] = []
    for line in split_lines(text):
        if line.page_start and line.index:
            found.extend(_block(block))
            block = []
            found.append(PAGE)
        if line.blank:
            found.extend(_block(block))
            block = []
            if found and found[-1] != GAP:
                found.append(GAP)
        else:
            block.append(line.raw.strip())
    return found + _block(block)


def _block(lines: list[str]) -> list[str]:
    """A block of lines as paragraphs: a line that fills most of the block's widest line runs on."""
    if not lines:
        return []
    found: list[str] = []
    widest = max(len(line) for line in lines)
    current = ""
    for line in lines:
        current = _join(current, line) if current else line
        if len(line) < 0.75 * widest or len(line) < 40:
            found.append(current)
            current = ""
    return found + ([current] if current else [])


def _join(left: str, right: str) -> str:
    if left.endswith(HYPHENS):
        decision = line_end_hyphen(left, right)
        if decision is Hyphen.JOIN:
            return left[:-1] + right
        return left + right if decision is Hyphen.ATTACH else left + " " + right
    return left + " " + right


def render(text: str, path: Path, title: str, columns: int = 2) -> int:
    """Write ``text`` as a magazine-like PDF to ``path``; return its number of pages."""
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, str(FONT_FILE)))
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
    story: list = []
    count = 0
    for paragraph in paragraphs(text):
        if paragraph == PAGE:
            story.append(PageBreak())
            continue
        if paragraph == GAP:
            story.append(Spacer(1, 7))
            continue
        count += 1
        flowable = Paragraph(escape(paragraph), body)
        if count % BOX_EVERY == 0 and len(paragraph) > 200:
            box = Table([[flowable]], colWidths=[column - 4])
            box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.8, HexColor("#336699")), ("BACKGROUND", (0, 0), (-1, -1), HexColor("#e8eef5"))]))
            flowable = box
        story.append(flowable)
    doc.build(story)
    return doc.page
