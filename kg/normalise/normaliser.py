"""From a PDF extraction to clean running text: the driver that ties the line decisions together."""

from __future__ import annotations

from kg.normalise.furniture import furniture_lines
from kg.normalise.hyphenation import HYPHENS, SOFT_HYPHEN, Hyphen, line_end_hyphen
from kg.normalise.lines import copy_line, physical_lines, text_span
from kg.normalise.offsets import CleanText, CleanTextBuilder
from kg.normalise.paragraphs import breaks_paragraph, column_widths


def normalise(original: str) -> CleanText:
    """Clean running text: furniture dropped, line-break hyphens undone, lines joined into
    paragraphs (one space within, ``"\\n\\n"`` between), runs of blanks collapsed."""
    physical = physical_lines(original)
    lines = [line for _, line in physical]
    furniture = furniture_lines(lines)
    spans = [(0, 0) if index in furniture else text_span(line) for index, line in enumerate(lines)]
    widths = column_widths([end - start for start, end in spans])
    builder = CleanTextBuilder()
    previous = ""  # text of the last line copied
    previous_width = 0.0
    line_break = 0  # offset of the "\n" after that line
    blank = False  # blank or dropped lines since that line
    for index, (offset, line) in enumerate(physical):
        start, end = spans[index]
        if start == end:
            blank = True
        else:
            text = line[start:end]
            if previous:
                _join(builder, previous, text, line_break, blank, previous_width)
            copy_line(builder, line, offset, start, end)
            previous, previous_width, line_break, blank = text, widths[index], offset + len(line), False
    return builder.build(original)


def _join(builder: CleanTextBuilder, previous: str, text: str, at: int, blank: bool, width: float) -> None:
    """Write what stands between two text lines: nothing, a space or a paragraph break."""
    if previous.endswith(HYPHENS):
        decision = line_end_hyphen(previous, text)
        if decision is Hyphen.JOIN:
            if not previous.endswith(SOFT_HYPHEN):  # soft hyphens were never copied
                builder.drop_last()
            if builder.last() == " ":  # "ge -|organiseerd": the space before the hyphen goes too
                builder.drop_last()
            return
        if not blank or text[:1].islower():
            if decision is Hyphen.SEPARATE:
                builder.insert(" ", at)
            return
    builder.insert("\n\n" if breaks_paragraph(previous, text, blank, width) else " ", at)
