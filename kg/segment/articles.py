"""Split a publication into articles.

Reading order of a PDF extraction is unreliable, so an article is found from its strongest
signals, in this order: a markdown level-1 heading; a byline ("Door: ..."), whose article starts
at the top of its page or headline; a kicker at the top of a page ("COLUMN"); the line after a
closing signature; and a headline after the contact line that closes a news item. The headline
is then chosen among the headline-shaped blocks of the article's opening lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.segment.headlines import Block, block_at, blocks
from kg.segment.lines import Line
from kg.segment.markers import Byline, Signature, byline, kicker_genre, signature

LOOKBACK = 30  # lines above a byline that may still hold its headline
OPENING = 45  # lines at the start of an article searched for its headline
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
    alternatives: list[Block] = field(default_factory=list)


def _article_top(lines: list[Line], index: int) -> int | None:
    """Top of the article whose byline is ``lines[index]``: the highest start of a text box
    within reach above it that leaves no more than a lead between it and the byline."""
    top = None
    for i in range(index, max(0, index - LOOKBACK) - 1, -1):
        if lines[i].page_start and sum(1 for line in lines[i:index] if line.words >= 6) < 12:
            top = i
    return top


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
        if block and block.last.index < index and all(l.blank for l in lines[block.last.index + 1:index]):
            if start == 0 or lines[start - 1].blank or lines[start - 1].page_start or not _fits_body(lines[start - 1]):
                return start
    return None


def _fits_body(line: Line) -> bool:
    return line.words >= 6


def _has_body_between(lines: list[Line], a: int, b: int) -> bool:
    """True when running text (not only headings, kickers and leads) lies between two lines."""
    body = sum(1 for line in lines[a:b] if line.words >= 6 and not line.heading_level)
    return body >= 6


def _anchors(lines: list[Line]) -> list[Draft]:
    drafts: list[Draft] = []
    markdown = sum(1 for line in lines if line.heading_level == 1) >= 2
    for line in lines:
        i = line.index
        if markdown and line.heading_level == 1:
            drafts.append(Draft(i, reason="heading"))
            continue
        found = byline(line)
        if found:
            top = _article_top(lines, i)
            if top is None:
                top = _headline_above(lines, i)
            drafts.append(Draft(top if top is not None else i, reason="byline", byline=found))
            continue
        if kicker_genre(line) and (line.page_start or (i > 0 and lines[i - 1].page_start and lines[i - 1].blank)):
            drafts.append(Draft(i, reason="kicker", kicker=line))
            continue
        sig = signature(line)
        if sig and _closes_article(lines, sig):
            following = next((l for l in lines[i + 1:] if not l.blank), None)
            if following is not None:
                drafts.append(Draft(following.index, reason="after-signature"))
            continue
        if line.blank and i > 0 and i + 1 < len(lines):
            previous = next((l for l in reversed(lines[:i]) if not l.blank), None)
            if previous is not None and _CONTACT.search(previous.text) and block_at(lines, i + 1):
                drafts.append(Draft(i + 1, reason="after-contact"))
    return drafts


def _merge(lines: list[Line], drafts: list[Draft]) -> list[Draft]:
    merged: list[Draft] = []
    for draft in sorted(drafts, key=lambda d: d.start):
        if merged and not _has_body_between(lines, merged[-1].start, draft.start):
            keep = merged[-1]
            keep.byline = keep.byline or draft.byline
            keep.kicker = keep.kicker or draft.kicker
            continue
        merged.append(draft)
    return merged


def _choose_headline(lines: list[Line], draft: Draft) -> None:
    limit = min(draft.end + 1, draft.start + OPENING, len(lines))
    if draft.byline:
        limit = max(limit, min(draft.end + 1, draft.byline.line.index + 25))
    candidates = blocks(lines, draft.start, limit)
    best: tuple[float, Block] | None = None
    for block in candidates:
        score = 0.0
        if block.first.heading_level == 1:
            score += 10
        elif block.first.heading_level:
            score += 1
        if draft.byline:
            gap = draft.byline.line.index - block.last.index
            if 0 < gap <= 4:
                score += 5
            elif gap < 0:
                score -= 1
        if block.first.index == draft.start or (draft.kicker and block.first.index - draft.kicker.index <= 3):
            score += 3
        if block.words == 1:
            score -= 2
        if len(block.lines) >= 2 and block.words >= 3:
            score += 2  # a display headline broken over several lines
        if block.text[:1] in "‘'\"“":
            score -= 1.5
        if block.text.endswith("?"):
            score += 0.5
        score -= 0.04 * (block.first.index - draft.start)
        if best is None or score > best[0]:
            best = (score, block)
    if best is not None:
        draft.headline = best[1]
        draft.alternatives = [b for b in candidates if b is not best[1] and b.first.heading_level == 2][:1]


def segment(lines: list[Line]) -> list[Draft]:
    """Article drafts with line ranges and headline blocks, in reading order."""
    first = next((line.index for line in lines if not line.blank), 0)
    drafts = _merge(lines, [Draft(first, reason="start"), *_anchors(lines)])
    for draft, following in zip(drafts, drafts[1:] + [None]):
        end = (following.start - 1) if following else len(lines) - 1
        while end > draft.start and lines[end].blank:
            end -= 1
        draft.end = end
        for line in lines[draft.start:end + 1]:
            if draft.signature is None:
                draft.signature = signature(line) if line.index > draft.start else None
        _choose_headline(lines, draft)
    return [d for d in drafts if d.headline is not None]
