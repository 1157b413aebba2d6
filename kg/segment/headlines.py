"""Headline-shaped blocks of lines.

A headline in a PDF extraction is a short run of short lines that starts with a capital, does
not end a sentence with a full stop, and is not followed by the rest of its own sentence. A
double-spaced extraction may put a blank line inside a headline; a lowercase line after such a
blank continues it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.data import word_list
from kg.extract.names import is_person_name
from kg.model import Span
from kg.segment.lines import Line
from kg.segment.markers import byline, kicker_genre, reply_subject
from kg.segment.pagemeta import page_meta

MAX_LINE = 56
MAX_LINES = 7
DISPLAY_LINE = 38  # lines of a display headline, set in a large type, are short
LONG_TAIL = 110  # a subtitle that a display headline runs into is at most this long
SECOND_LINE = 70  # the second line of a headline whose sentence runs on
_OPENERS = re.compile(r"^[\"'‘“#(]?[A-Z0-9\u00C0-\u00DE]")
_BULLET = re.compile(r"^[•●▪◦✓➜→*]\s?")


@dataclass(frozen=True)
class Block:
    lines: tuple[Line, ...]

    @property
    def first(self) -> Line:
        return self.lines[0]

    @property
    def last(self) -> Line:
        return self.lines[-1]

    @property
    def text(self) -> str:
        """The headline as one line, with line-break hyphens undone."""
        out = ""
        for line in self.lines:
            part = line.text
            if out.endswith("-") and part[:1].islower():
                out = out[:-1] + part
            else:
                out = f"{out} {part}".strip()
        return out.rstrip(" .:")

    @property
    def words(self) -> int:
        return len(self.text.split())

    @property
    def display(self) -> bool:
        """Set in display type: several short lines, as headlines and pull quotes are."""
        return len(self.lines) >= 2 and self.words >= 3 and all(len(l.text) <= DISPLAY_LINE for l in self.lines[:-1])

    def span(self) -> Span:
        return Span(self.first.span().start, self.last.span().end)


def open_words() -> frozenset[str]:
    return word_list("open_words.txt")


def bullet(line: Line) -> bool:
    """True when the line is an item of a bulleted list."""
    return bool(_BULLET.match(line.text))


def _starts_like_headline(line: Line) -> bool:
    return bool(_OPENERS.match(line.text)) and not line.furniture


def _fits(line: Line) -> bool:
    return (
        0 < len(line.text) <= MAX_LINE
        and not line.furniture
        and not bullet(line)
        and byline(line) is None
        and kicker_genre(line) is None
        and not reply_subject(line)
        and not page_meta(line.text)
    )


def _runs_on(lines: list[Line], index: int) -> bool:
    """True when the sentence of ``lines[index]`` continues after a blank line (double spacing)."""
    after = lines[index + 2] if index + 2 < len(lines) else None
    return (
        index + 1 < len(lines)
        and lines[index + 1].blank
        and after is not None
        and after.text[:1].islower()
        and not lines[index].ends_sentence
    )


def _ends_over_byline(lines: list[Line], index: int) -> bool:
    """True when ``lines[index]`` finishes the sentence of the line above it and a byline follows
    directly: a headline set in body type over two lines ("Drie hoogleraren praten over de /
    coronacrisis en het sociaal domein." over "Door: ...")."""
    line = lines[index] if index < len(lines) else None
    under = lines[index + 1] if index + 1 < len(lines) else None
    if line is None or under is None or line.page_start or not line.text[:1].islower():
        return False
    return len(line.text) <= SECOND_LINE and line.ends_sentence and byline(under) is not None


def _subtitle(lines: list[Line], index: int) -> list[Line]:
    """The subtitle that starts at ``lines[index]`` and the lines it wraps onto (a PDF breaks a
    subtitle that a text file kept on one line): lower-case lines of the same paragraph, at most
    :data:`LONG_TAIL` characters in all."""
    tail = [lines[index]]
    length = len(lines[index].text)
    for line in lines[index + 1:]:
        length += len(line.text) + 1
        if line.blank or line.page_start or line.heading_level or not line.text[:1].islower() or tail[-1].ends_sentence or length > LONG_TAIL:
            break
        tail.append(line)
    return tail


def block_at(lines: list[Line], index: int) -> Block | None:
    """The headline-shaped block that starts at ``lines[index]``, if any."""
    line = lines[index]
    if line.heading_level and not line.blank and len(line.text) <= 200:
        return Block((line,))  # a markdown heading is a block of its own
    if line.blank or not _starts_like_headline(line) or not _fits(line):
        return None
    taken = [line]
    subtitled = False  # a display headline that runs into its subtitle
    i = index
    while len(taken) < MAX_LINES:
        current = taken[-1]
        if current.text.endswith(("?", "!")) or current.text.endswith((".", ",", ";")):
            break
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        last_word = current.text.split()[-1]
        capital_after_closed_line = (
            nxt is not None
            and nxt.text[:1].isupper()
            and last_word.lower() not in open_words()
            and not (last_word[:1].isupper() and current.words > 1)  # "Institute for Positive | Health": a name runs on; a word alone is capitalised as a sentence opens
        )
        case_change = nxt is not None and _capitals(current.text) != _capitals(nxt.text)  # a capitals title over its subtitle
        if nxt is not None and _fits(nxt) and not nxt.heading_level and not nxt.page_start and not _runs_on(lines, i + 1) and not capital_after_closed_line and not case_change:
            taken.append(nxt)
            i += 1
            continue
        if len(taken) == 1 and _runs_on(lines, i) and len(lines[i + 2].text) <= SECOND_LINE and lines[i + 2].ends_sentence:
            taken.append(lines[i + 2])  # a double-spaced headline continues after a blank line
            i += 2
            continue
        if len(taken) == 1 and _ends_over_byline(lines, i + 1):
            taken.append(lines[i + 1])  # a headline is not cut from the byline under it
            i += 1
            continue
        if (
            nxt is not None
            and len(current.text) <= DISPLAY_LINE
            and nxt.text[:1].islower()
            and len(nxt.text) <= LONG_TAIL
            and not nxt.text.endswith("-")
        ):
            tail = _subtitle(lines, i + 1)
            subtitled = True
            taken += tail  # a display headline whose last line ran into its subtitle
            i += len(tail)
        break
    block = Block(tuple(taken))
    if block.last.text.endswith(":"):
        return None  # it introduces what follows (a list, a quote)
    if block.last.text.endswith((".", ",", ";", "-")) and not block.last.text.endswith("..."):
        if len(taken) == 1 or not taken[-1].text[:1].islower():
            return None
    following = lines[i + 1] if i + 1 < len(lines) else None
    runs_over_page = bool(following) and following.page_start and block.last.text.split()[-1].casefold() in open_words()
    if following is not None and following.text[:1].islower() and (not following.page_start or runs_over_page) and not block.last.text.endswith(("?", "!")):
        return None  # a narrow column of running text (its sentence may go on over the page), not a headline
    if _runs_on(lines, block.last.index):
        return None  # the sentence goes on after a blank line: double-spaced running text
    if re.search(r"[a-z]\. [A-Z]", block.text) or (not (block.display or subtitled) and _continues_paragraph(lines, index)):
        return None  # two sentences, or the tail of a double-spaced paragraph: running text
    if re.match(r"\d{1,2}\.?\s*[A-Z]", block.text) or re.search(r"[a-z]\d{1,2}$", block.text):
        return None  # an item of a numbered list of tips, not a headline
    if not 1 <= block.words <= 18 or is_person_name(block.text):
        return None  # a name alone under a headline is its author, not a headline
    return block


TITLE_WORDS = 30  # a page title may be long ("Lex Staal: 'Sociaal werk moet ... verzilveren'")
_FIRST_SENTENCE = re.compile(r"^(?P<first>[^.!?]{8,80}[a-z)])\.\s+[A-Z]")


def title_block(lines: list[Line], start: int, end: int) -> Block | None:
    """The title line that opens a text: its first line that is not page furniture, standing
    alone above the text. A scraped web page, a report and a paper put their title first,
    however long; datelines, category labels and breadcrumbs around it are skipped. A title
    line that runs on into a description ("Zicht op de toeloop. De toeloop is een ...")
    is titled by its first sentence."""
    line = _opening_line(lines, start, end)
    if line is None or line.furniture or bullet(line) or byline(line) or kicker_genre(line) or not _OPENERS.match(line.text):
        return None
    line = _under_label(lines, line, end) or line
    after = line.index + 1
    if after < len(lines) and not lines[after].blank or line.text.endswith(":") or not 1 <= line.words <= TITLE_WORDS:
        return None
    if is_person_name(line.text):
        return None
    first = _FIRST_SENTENCE.match(line.text)
    if first:
        line = line.part(first.group("first"))
    elif re.search(r"[a-z]\.$", line.text):
        return None  # a sentence of running text, not a title
    return Block((line,))


DATELINE_RUN = 8  # a page may print its dateline one part per line: "29", "augustus", "2018", "|", "10:04"
LABEL_WORDS = 3  # a category label over a title ("Instellingen", "Tips Wijkaanpak") is a word or three


def _paragraph(lines: list[Line], index: int, end: int) -> list[Line]:
    """The lines from ``lines[index]`` up to the next blank line."""
    run: list[Line] = []
    for line in lines[index:end]:
        if line.blank:
            break
        run.append(line)
    return run


def _meta_run(run: list[Line]) -> bool:
    """A paragraph of page furniture: each line a dateline or label, or together one dateline
    set one part per line ("29 | augustus | 2018 | 10:04")."""
    if all(page_meta(line.text) for line in run):
        return True
    return 1 < len(run) <= DATELINE_RUN and all(line.words <= 2 for line in run) and page_meta(" ".join(line.text for line in run))


def _opening_line(lines: list[Line], start: int, end: int) -> Line | None:
    """The first line of the text that is not page furniture."""
    index = start
    while index < end:
        if lines[index].blank:
            index += 1
            continue
        run = _paragraph(lines, index, end)
        if not _meta_run(run):
            return lines[index]
        index = run[-1].index + 1
    return None


def _under_label(lines: list[Line], line: Line, end: int) -> Line | None:
    """The title under a category label: a label of a word or three standing alone
    ("Instellingen", "Tips Wijkaanpak") over a longer line that stands alone too and reads as
    a title (no full stop, no name alone). The label names the section, the line under it the page."""
    if line.words > LABEL_WORDS or len(_paragraph(lines, line.index, end)) != 1:
        return None
    below = _opening_line(lines, line.index + 1, end)
    if below is None or len(_paragraph(lines, below.index, end)) != 1 or not _OPENERS.match(below.text):
        return None
    if not line.words < below.words <= TITLE_WORDS or below.text.endswith((".", ":", ",", ";")) or byline(below) or is_person_name(below.text):
        return None
    return below


def _capitals(text: str) -> bool:
    """Set in capitals: every letter is upper case (at least three letters)."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def _continues_paragraph(lines: list[Line], index: int) -> bool:
    if index < 2 or not lines[index - 1].blank or lines[index].page_start:
        return False
    before = lines[index - 2]
    if before.blank or before.ends_sentence or before.page_start:
        return False
    return (before.words >= 5 and len(before.text) >= 40) or before.text[:1].islower()  # a long line, or itself a continuation


def blocks(lines: list[Line], start: int, end: int) -> list[Block]:
    """All headline-shaped blocks that start in ``lines[start:end]`` (each line used once); a
    block opens a paragraph, and ``start`` opens one (an article starts there)."""
    found: list[Block] = []
    index = start
    while index < end:
        block = block_at(lines, index) if (index == start or lines[index - 1].blank or lines[index].page_start or lines[index].heading_level) else None
        if block:
            found.append(block)
            index = block.last.index + 1
        else:
            index += 1
    return found
