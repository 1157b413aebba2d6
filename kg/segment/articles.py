"""Split a publication into articles.

Reading order of a PDF extraction is unreliable, so an article is found from its strongest
signals, in this order: a markdown level-1 heading; a byline ("Door: ..."), whose article starts
at the top of its page (its headline may be printed after the first column) or at its headline;
a kicker at the top of a page ("COLUMN"); the line after a closing signature; and a headline
after the contact line that closes a news item. The headline
is then chosen among the headline-shaped blocks of the article's opening lines; a name alone
under it is the byline, and a box printed inside an article is added as an article of its own.
"""

from __future__ import annotations

import re
from itertools import pairwise
from dataclasses import dataclass, field

from kg.model import PersonRecord
from kg.segment.bios import bio_credit
from kg.segment.contents import contents_region
from kg.segment.credits import lead_credit, name_line, title_author, title_page_credit
from kg.segment.headlines import Block, block_at, blocks, bullet, title_block
from kg.segment.lines import Line
from kg.segment.markers import Byline, Signature, byline, colophon_heading, kicker_genre, names_only, signature
from kg.segment.portraits import portrait

MIN_BODY_WORDS = 40
MIN_CREDITED_BODY_WORDS = 20  # a headline over a "Door ..." byline, or a portrait's name, heads an article even when short
CLOSING_LINES = 8  # a signature closes its article: it stands among the last lines (pull quotes may follow)
STRONG_WORDS = 6  # a page-opening block this long is a headline, not a subhead
BOX_LINES = 60  # a box printed inside an article is short
BOX_WORDS = 20
NAME_REACH = 12
NAME_LINE_REACH = 2
REPEATED_WORDS = 25  # a headline printed twice is at most this long  # lines under a headline in which "Name, role ..." is its author  # lines at the top of an article in which a name alone on its line is its byline
PAGE_REACH = 150  # lines above a byline's headline that may still be the top of its page
OPENING = 400  # lines at the start of an article searched for its headline: PDF reading order
# often puts a display headline after the first column of body text, or at the end of the page
CONTACT_LINES = 3  # lines of a paragraph's last sentence searched for its contact
DROP_CAP_REACH = 4  # non-blank lines under a heading in which its article's drop cap stands
_DROP_CAP = re.compile(r"^\s*\*\*[A-ZÀ-Ý]\*\*[a-zà-ÿ]")  # "**M**et": one bold capital opens the first word
_CLOSED = re.compile(r"[.!?][’”\"')]*$")  # a line that ends a sentence (not a comma or colon)
_ADDRESS_END = re.compile(r"([.!?][’”\"')]*|\S+@\S+\.\w+|www\.\S+)$")  # a sentence or an address closes the line
_CONTACT = re.compile(r"(www\.|https?://|\S+@\S+\.\w+|^meer informatie|^kijk op|^lees meer)", re.IGNORECASE)


@dataclass
class Draft:
    start: int  # 0-based line index
    end: int = -1  # inclusive
    reason: str = ""
    headline: Block | None = None
    kicker: Line | None = None
    byline: Byline | None = None
    signature: Signature | None = None
    late_headline: int | None = None  # where an absorbed draft began: a display headline printed after the first column
    alternatives: list[Block] = field(default_factory=list)
    portrait: PersonRecord | None = None  # the person a portrait box is of


def _article_top(lines: list[Line], index: int, floor: int, paged: bool) -> int | None:
    """Top of the article whose byline is ``lines[index]``: the top of its page.

    A feature starts on a new page, but PDF reading order often puts its display headline,
    byline and lead after the first column of body text, or at the end of the page (an e-mail
    exchange is printed before its headline altogether), so the article starts at the nearest
    page top above the byline within reach, and only failing that at the headline right above
    it. A byline that opens a page is its own top; the top is never above ``floor``, the first
    line after the previous article's byline, kicker or closing signature."""
    if lines[index].page_start:
        return index
    headline = _headline_above(lines, index)
    if not paged:
        return headline  # a text without pages (a web page, a document): the headline is the top
    below = headline if headline is not None else index
    tops = [i for i in range(below, max(floor, below - PAGE_REACH) - 1, -1) if lines[i].page_start]
    return tops[0] if tops else headline


def _closes_article(lines: list[Line], sig: Signature) -> bool:
    """A signature closes an article when it stands alone after the last paragraph and its
    signer is not named in the text above: a caption, by contrast, names someone the article
    talks about."""
    i = sig.line.index
    alone = (i == 0 or lines[i - 1].blank) and (i + 1 >= len(lines) or lines[i + 1].blank or lines[i + 1].page_start)
    if not alone:
        return False
    surname = sig.name.text.split()[-1]
    around = " ".join(line.text for line in lines[max(0, i - 80):i] + lines[i + 1:i + 80])
    return surname not in around


def _headline_above(lines: list[Line], index: int) -> int | None:
    """Start of the headline block that ends just above line ``index`` (blank lines allowed)."""
    for start in range(index - 1, max(-1, index - 10), -1):
        block = block_at(lines, start)
        if block and block.last.index < index and all(line.blank for line in lines[block.last.index + 1:index]):
            return start
    return None


def _has_body_between(lines: list[Line], a: int, b: int) -> bool:
    """True when running text (not only headings, kickers and leads) lies between two lines."""
    return _has_words(lines, a, b, 40)


def _has_words(lines: list[Line], a: int, b: int, minimum: int) -> bool:
    """True when the lines between two lines hold at least ``minimum`` words of running text."""
    return sum(line.words for line in lines[a:b] if line.words >= 3 and not line.heading_level) >= minimum


def _anchors(lines: list[Line], contents: range) -> list[Draft]:
    """Where articles start. A markdown text marks its articles with level-1 headings, and then
    only those count; a plain extraction needs the layout signals below."""
    drafts: list[Draft] = []
    floor = 0  # an article found by its byline starts no higher than this line
    markdown = sum(1 for line in lines if line.heading_level == 1) >= 2
    paged = any(line.page_start for line in lines[1:])
    for line in lines:
        i = line.index
        if i in contents:
            continue
        if colophon_heading(line.text):
            drafts.append(Draft(i, reason="colophon", headline=Block((line,))))
            continue
        portrayed = portrait(lines, i) if (line.heading_level >= 2 or not markdown and (_set_apart(lines, i) or _opens_paragraph(lines, i))) else None
        if portrayed is not None:
            drafts.append(Draft(i, reason="portrait", headline=Block((line,)), portrait=portrayed))
            continue
        if markdown:
            if line.heading_level == 1:
                previous = _previous_text(lines, i)
                kicker = previous is not None and previous.heading_level == 2 and previous.index not in contents
                drafts.append(Draft(previous.index if kicker and previous else i, reason="heading"))
            elif line.heading_level == 2 and _opens_with_drop_cap(lines, i):
                drafts.append(Draft(i, reason="heading"))
            continue
        previous = _previous_text(lines, i) if not line.blank else None
        if previous is not None and previous.text == line.text and _repeatable(line):
            drafts.append(Draft(previous.index, reason="repeated", headline=Block((previous,))))
            continue
        found = byline(line)
        if found:
            top = _article_top(lines, i, floor, paged)
            late = top is None and not paged  # "Door: X" under the lead of a web article: no new article
            drafts.append(Draft(top if top is not None else i, reason="late-byline" if late else "byline", byline=found))
            floor = i + 1
            continue
        standalone = i > 0 and lines[i - 1].blank and i + 1 < len(lines) and lines[i + 1].blank
        if kicker_genre(line) and (line.page_start or standalone):
            drafts.append(Draft(i, reason="kicker", kicker=line))
            floor = i
            continue
        sig = signature(line)
        if sig and _closes_article(lines, sig):
            following = next((lines[j] for j in range(i + 1, len(lines)) if not lines[j].blank), None)
            if following is not None:
                drafts.append(Draft(following.index, reason="after-signature"))
                floor = following.index
            continue
        if line.page_start and i > 0:
            drafts.extend(_page_headlines(lines, i))
            continue
        if line.blank and i > 0 and i + 1 < len(lines):
            previous = _previous_text(lines, i)
            if previous is not None and _closes_with_contact(lines, previous.index) and lines[i + 1].text[:1].isupper() and not _ends_page(lines, i + 1):
                drafts.append(Draft(i + 1, reason="after-contact"))
        elif i > 0 and _after_closing_contact(lines, i):
            drafts.append(Draft(i, reason="after-contact"))
    return drafts


def _after_closing_contact(lines: list[Line], index: int) -> bool:
    """True when a headline follows straight on the contact line that closes a news item, with
    no blank line between: a PDF shows a paragraph break as a gap only where the layout leaves
    one. The contact's sentence is closed, and the headline stands over text of its own."""
    above = lines[index - 1]
    if lines[index].blank or above.blank or not _ADDRESS_END.search(above.text) or not _closes_with_contact(lines, above.index):
        return False
    return block_at(lines, index) is not None and not _ends_page(lines, index)


def _closes_with_contact(lines: list[Line], index: int) -> bool:
    """True when the paragraph that ends at ``lines[index]`` closes with a contact line (an
    address, "Meer informatie: ..."): its last sentence names one, also where the printed
    column broke that sentence over lines."""
    for line in (lines[k] for k in range(index, max(-1, index - CONTACT_LINES), -1)):
        if line.blank or line.index < index and _CLOSED.search(line.text):
            return False
        if _CONTACT.search(line.text):
            return True
    return False


def _opens_with_drop_cap(lines: list[Line], index: int) -> bool:
    """Whether the heading at ``index`` heads an article: a magazine sets the first letter of an
    article's first paragraph as a drop cap ("**M**et het topic ..."), after at most a bio and a
    lead, never after a subhead."""
    following = [line for line in lines[index + 1:] if not line.blank][:DROP_CAP_REACH]
    for line in following:
        if line.heading_level:
            return False
        if _DROP_CAP.match(line.raw):
            return True
    return False


def _ends_page(lines: list[Line], index: int) -> bool:
    """True when ``lines[index]`` is the last line of its page. A headline is kept with the
    text under it, never left alone at the foot of a page: a line there after a news item's
    contact line is that item's subtitle or a caption, printed last by the extraction."""
    return index + 1 < len(lines) and lines[index + 1].page_start


def _page_headlines(lines: list[Line], index: int) -> list[Draft]:
    """A page that opens with a headline of some length (not a two-word subhead, not an
    interviewer's question) starts an article; on a news page several such headlines may be
    stacked above their bodies."""
    first = block_at(lines, index)
    if first is None or first.words < STRONG_WORDS or first.text.endswith((".", ":", "?")):
        return []
    drafts = [Draft(index, reason="page-headline")]
    i = first.last.index + 1
    while i < len(lines) and i - index < 12 and lines[i].words < 8:
        block = block_at(lines, i) if lines[i - 1].blank else None
        if block is not None and block.words >= 4 and not block.display:
            drafts.append(Draft(i, reason="stacked"))
        i = block.last.index + 1 if block else i + 1
    return drafts


def _merge(lines: list[Line], drafts: list[Draft]) -> list[Draft]:
    """One draft per article. A draft that starts between a byline's page top and the byline
    opens the same article: what looked like the start of another article there is its display
    headline, printed after the first column. A byline that opens its page heads its article
    there, and a page before it that holds only a headline-shaped block (a pull quote the layout
    pushed to the top of a page) is not that article's start: a headline is not cut from its
    byline by a page break."""
    merged: list[Draft] = []
    for draft in sorted(drafts, key=lambda d: d.start):
        if merged and merged[-1].reason == "page-headline" and _opens_page(draft) and not _has_body_between(lines, merged[-1].start, draft.start):
            merged[-1] = draft
            continue
        explicit = draft.reason in ("stacked", "heading", "colophon", "portrait", "repeated")  # news stacks; markdown headings
        same_start = bool(merged) and merged[-1].start == draft.start
        opening = bool(merged) and merged[-1].byline is not None and draft.start < merged[-1].byline.line.index
        late = draft.reason == "late-byline"  # a byline printed after the lead signs the article it stands in
        if merged and (same_start or opening or late or not explicit and not _has_body_between(lines, merged[-1].start, draft.start)):
            keep = merged[-1]
            if same_start and draft.portrait is not None:
                keep.reason, keep.headline, keep.portrait = draft.reason, draft.headline, draft.portrait  # a page that opens with a portrait
            keep.late_headline = draft.start if opening and not same_start else keep.late_headline
            keep.byline = keep.byline or draft.byline
            keep.kicker = keep.kicker or draft.kicker
            continue
        merged.append(draft)
    return merged


def _opens_page(draft: Draft) -> bool:
    """True when the draft is an article found by a byline that opens a page."""
    return draft.byline is not None and draft.byline.line.page_start and draft.start == draft.byline.line.index


TITLE_BONUS = 3  # the title line that opens a text


def _score(block: Block, draft: Draft, nearest_above_byline: Block | None, first_display: Block | None, title: Block | None) -> float:
    score = TITLE_BONUS if block is title else 0.0
    if block.first.heading_level == 1:
        score += 10
    elif block.first.heading_level:
        score += 1
    if block is nearest_above_byline or block.first.index == draft.late_headline:
        score += 4
    if block.first.index == draft.start or (draft.kicker and 0 < block.first.index - draft.kicker.index <= 3):
        score += 2
    if block.display:
        score += 2
    if block is first_display:
        score += 1
    if block.words == 1:
        score -= 2
    if block.text[:1] in "‘'\"“":
        score -= 1.5  # a pull quote
    return score - 0.01 * (block.first.index - draft.start)


def _choose_headline(lines: list[Line], draft: Draft) -> None:
    limit = min(draft.end + 1, draft.start + OPENING, len(lines))
    candidates = blocks(lines, draft.start, limit)
    title = title_block(lines, draft.start, limit) if draft.reason == "start" else None
    if title is not None:
        candidates = sorted([b for b in candidates if b.first.index != title.first.index] + [title], key=lambda b: b.first.index)
    if not candidates:
        return
    nearest = None
    if draft.byline:
        above = [b for b in candidates if 0 < draft.byline.line.index - b.last.index <= 15]
        nearest = above[-1] if above else None
    first_display = next((b for b in candidates if b.display), None)
    best = max(candidates, key=lambda b: _score(b, draft, nearest, first_display, title))
    draft.headline = best
    draft.alternatives = [b for b in candidates if b is not best and b.first.heading_level == 2][:1]


def segment(lines: list[Line], contents: range | None = None) -> list[Draft]:
    """Article drafts with line ranges and headline blocks, in reading order. ``contents`` is
    the table of contents' line range when the caller has found it already."""
    contents = contents if contents is not None else contents_region(lines) or range(0)
    first = next((line.index for line in lines if not line.blank), 0)
    drafts = _merge(lines, [Draft(first, reason="start"), *_anchors(lines, contents)])
    for draft, following in zip(drafts, drafts[1:] + [None]):
        end = (following.start - 1) if following else len(lines) - 1
        while end > draft.start and lines[end].blank:
            end -= 1
        draft.end = end
        closing = [line for line in lines[draft.start + 1:end + 1] if not line.blank][-CLOSING_LINES:]
        if draft.reason != "colophon":  # a colophon's "Name (Organisation), Name" lines sign nothing
            draft.signature = next((found for line in closing if (found := signature(line, organisation_only=True))), None)
        for line in lines[draft.start:min(end + 1, draft.start + 12)]:
            draft.kicker = draft.kicker or (line if kicker_genre(line) else None)
        if draft.reason not in ("colophon", "portrait"):
            if draft.reason != "repeated":
                _choose_headline(lines, draft)
            _credit(lines, draft, contents)
        if draft.headline is None and draft.reason == "start":
            _fallback_headline(lines, draft)
    _share_stacked_bodies(drafts)
    kept = _absorb_headless(drafts)
    return _with_boxes(lines, [d for d in kept if d.reason in ("page-headline", "stacked", "colophon") or _has_body(lines, d, contents)])


def _with_boxes(lines: list[Line], articles: list[Draft]) -> list[Draft]:
    """The articles and the boxes printed inside them, in reading order. Stacked news items
    share their text, and so their boxes: each box is taken once, and never where an article
    starts already."""
    boxes = {box.start: box for draft in articles for block in blocks(lines, draft.start + 1, draft.end + 1) if (box := _box(lines, block, draft.end))}
    starts = {draft.start for draft in articles}
    return sorted(articles + [box for start, box in boxes.items() if start not in starts], key=lambda d: d.start)


def _box(lines: list[Line], title: Block, end: int) -> Draft | None:
    """A box printed inside an article (a project, a publication, an event) is an article of
    its own. Reading order puts it in the middle of a sentence of the article around it: the
    line above its title does not end a sentence, and after the box the sentence goes on in
    lower case. A box closes with a contact line ("Lees meer op ...", "Meer informatie: ...");
    without one, such an interruption is as likely a pull quote or a caption. The article
    around it keeps its lines (the two overlap, as stacked news items do)."""
    above = _previous_text(lines, title.first.index)
    if title.first.heading_level or title.words < 2 or above is None or above.words < 5 or bullet(above) or _CLOSED.search(above.text):
        return None  # not a title, or not in the middle of a sentence of running text
    for line in lines[title.last.index + 1:min(end + 1, title.first.index + BOX_LINES)]:
        last = _previous_text(lines, line.index)
        if line.blank or not line.text[:1].islower() or _CONTACT.search(line.text) or last is None or not _CLOSED.search(last.text):
            continue
        closing = [l for l in lines[title.last.index + 1:line.index] if not l.blank][-3:]
        if not _has_words(lines, title.last.index + 1, line.index, BOX_WORDS) or not any(_CONTACT.search(l.text) for l in closing):
            return None
        return Draft(title.first.index, last.index, reason="box", headline=title)
    return None


def _repeatable(line: Line) -> bool:
    """A title-like line that a web page prints twice in a row (as its page title and as the
    heading of its item) marks where an item starts; a repeated sentence marks nothing."""
    closed_quote = line.text.endswith(("’", "”", "'", '"', "?", "!"))
    return 2 <= line.words <= REPEATED_WORDS and (closed_quote or not line.ends_sentence)


def _previous_text(lines: list[Line], index: int) -> Line | None:
    """The nearest line above ``lines[index]`` that is not blank."""
    return next((lines[i] for i in range(index - 1, -1, -1) if not lines[i].blank), None)


def _name_byline(lines: list[Line], draft: Draft, contents: range) -> Byline | None:
    """A name alone on its line in an article's opening, between its headline, subtitle or
    kicker and the body text, is its byline: editorials, columns and opinion pages print the
    author so, without "Door:". It stands apart (blank lines or a kicker around it), no running
    text comes before it and running text follows. Looked for only after the headline is
    chosen: the block above such a name is often a subtitle, not the headline. A markdown
    heading that is a name heads a testimony box, and is not taken."""
    for line in lines[draft.start:min(draft.end + 1, draft.start + NAME_REACH)]:
        if _has_body_between(lines, draft.start, line.index):
            return None
        if line.heading_level or line.index in contents or not _set_apart(lines, line.index):
            continue
        names = names_only(line)
        if names and _has_body_between(lines, line.index + 1, draft.end + 1):
            return Byline(line, names)
    return None


def _credit(lines: list[Line], draft: Draft, contents: range) -> None:
    """The author of an article without a "Door:" byline: a name after its title, a name alone
    or a name line under its headline, a lead that says who writes, a repeated title page that
    lists them, or failing all, a bio
    (``kg.segment.credits``)."""
    titled = title_author(draft.headline) if draft.headline is not None else None
    if titled is not None:
        draft.headline, named = titled
        draft.byline = draft.byline or named
    draft.byline = draft.byline or _name_byline(lines, draft, contents) or _name_line_under(lines, draft)
    if draft.byline is None and draft.headline is not None:
        draft.byline = lead_credit(lines, draft.headline.last.index + 1, draft.end) or title_page_credit(lines, draft.headline.text, draft.start, draft.end)
    if draft.byline is None and draft.signature is None and draft.reason != "box":
        draft.byline = bio_credit(lines, draft.start, draft.end)


def _name_line_under(lines: list[Line], draft: Draft) -> Byline | None:
    """A "Name, ..." line among the first lines under the headline (after a subtitle at most)."""
    if draft.headline is None:
        return None
    under = [line for line in lines[draft.headline.last.index + 1:draft.end + 1] if not line.blank][:NAME_LINE_REACH + 1]
    for line, following in pairwise(under):
        found = name_line(line)
        if found is not None and not following.text[:1].islower():  # not the opening of a sentence that runs on
            return found
    return None


def _set_apart(lines: list[Line], index: int) -> bool:
    """True when the lines on either side of ``lines[index]`` are blank or kickers."""
    around = [lines[i] for i in (index - 1, index + 1) if 0 <= i < len(lines)]
    return all(line.blank or kicker_genre(line) for line in around)


def _opens_paragraph(lines: list[Line], index: int) -> bool:
    """True when ``lines[index]`` follows a blank line or opens the text and lines follow it
    directly (a portrait's name over the lines that say who they are)."""
    return (index == 0 or lines[index - 1].blank) and index + 1 < len(lines) and not lines[index + 1].blank


def _fallback_headline(lines: list[Line], draft: Draft) -> None:
    """The text opens without a headline-shaped block: its first line stands for the headline."""
    first = next(line for line in lines[draft.start:draft.end + 1] if not line.blank)
    draft.headline = Block((first,))


def _has_body(lines: list[Line], draft: Draft, contents: range) -> bool:
    """A cover, a table of contents or a bare heading is not an article: an article has at
    least a few lines of running text outside the table of contents. (Stacked news headlines
    share the body printed under the last of them.)"""
    words = sum(line.words for line in lines[draft.start:draft.end + 1] if line.index not in contents and not line.heading_level)
    return words >= (MIN_CREDITED_BODY_WORDS if draft.reason in ("byline", "portrait") else MIN_BODY_WORDS)


def _share_stacked_bodies(drafts: list[Draft]) -> None:
    """Headlines stacked at the top of a news page share the text printed under them: each
    stacked article reaches to the end of the last one (their ranges overlap)."""
    for i, draft in enumerate(drafts):
        if draft.reason != "page-headline":
            continue
        j = i
        while j + 1 < len(drafts) and drafts[j + 1].reason == "stacked":
            j += 1
        for stacked in drafts[i:j]:
            stacked.end = drafts[j].end


def _absorb_headless(drafts: list[Draft]) -> list[Draft]:
    """A stretch without any headline is the continuation of the article before it, or the
    opening of the news item after it (``_opens_next``)."""
    kept: list[Draft] = []
    for draft, following in zip(drafts, drafts[1:] + [None]):
        if draft.headline is None and following is not None and _opens_next(draft, following):
            following.start = draft.start
        elif draft.headline is None and kept:
            kept[-1].end = draft.end
        elif draft.headline is not None:
            kept.append(draft)
    return kept


def _opens_next(headless: Draft, following: Draft) -> bool:
    """True when a stretch without a headline opens the news item after it: the stretch
    follows a contact line, so the item before it is closed, and the next item, also found
    after a contact line, has its headline printed after all of its text. Such an item's text
    starts where the one before it closed; a link in its own text ("Kijk eens op www...") only
    seemed to split it."""
    late = following.headline is not None and following.headline.last.index == following.end
    return headless.reason == following.reason == "after-contact" and late
