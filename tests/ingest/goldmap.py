"""Gold annotations of a text, carried over to another rendering of the same text (the text read
from a PDF made of it), so that both builds are scored against the same gold.

The gold names the text file and counts its lines; the PDF's text has other line breaks and
names. Each gold line number is carried over by aligning the two texts word by word: a line maps
to the line of the other text where the first word of that line (or the next word that has a
partner) lands. The covered lines (``covers``) end before the first line of the other text that
holds a word the gold leaves out: in a two-column page the next article's headline may be printed
beside the last column of the annotated one, and an article found there is not annotated.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

_WORD = re.compile(r"\w+")


def _words(text: str) -> tuple[list[str], list[int]]:
    """The words of ``text`` (case-folded) and the 1-based line each starts on."""
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    found = list(_WORD.finditer(text))
    return [m.group(0).casefold() for m in found], [bisect_right(starts, m.start()) for m in found]


def line_map(original: str, rendered: str) -> dict[int, int]:
    """Line of ``original`` -> line of ``rendered`` holding the same words."""
    words_a, lines_a = _words(original)
    words_b, lines_b = _words(rendered)
    partner: dict[int, int] = {}
    for block in SequenceMatcher(None, words_a, words_b, autojunk=False).get_matching_blocks():
        for k in range(block.size):
            partner[block.a + k] = block.b + k
    mapped: dict[int, int] = {}
    last = 1
    for index in range(len(words_a) - 1, -1, -1):  # backwards: a line without partners takes the next mapped line
        if index in partner:
            last = lines_b[partner[index]]
        mapped[lines_a[index]] = last
    total = original.count("\n") + 1
    following = 1
    for line in range(total, 0, -1):
        following = mapped.setdefault(line, following)
    return mapped


def carry_over(gold: dict[str, Any], source: str, lines: dict[int, int], worded: set[int]) -> dict[str, Any]:
    """The gold file renamed to ``source`` with every line number carried over; ``worded``: the
    lines of the original that hold a word."""

    def at(line: int | None) -> int | None:
        return None if line is None else lines.get(line, max(lines.values()))

    moved = json.loads(json.dumps(gold))
    moved["source"] = source
    if moved.get("covers"):
        first, last = moved["covers"]
        later = [lines[line] for line in worded if line > last]  # text the gold leaves unannotated
        end = min(at(last), min(later) - 1) if later else at(last)
        moved["covers"] = [at(first), max(at(first), end)]
    for article in moved.get("articles", []):
        for key in ("first_line", "last_line"):
            if article.get(key) is not None:
                article[key] = at(article[key])
        for rec in article.get("recommendations", []):
            if rec.get("line") is not None:
                rec["line"] = at(rec["line"])
    return moved


def write_carried_gold(gold_dir: Path, texts: dict[str, tuple[str, str, str]], out: Path) -> None:
    """For each gold file whose source is in ``texts`` (source -> (new name, its text, the
    rendered text)), a carried-over copy in ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    maps: dict[str, tuple[dict[int, int], set[int]]] = {}  # one alignment per source, shared by its part files
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if gold.get("source") in texts:
            name, original, rendered = texts[gold["source"]]
            if gold["source"] not in maps:
                maps[gold["source"]] = line_map(original, rendered), set(_words(original)[1])
            moved = carry_over(gold, name, *maps[gold["source"]])
            (out / path.name).write_text(json.dumps(moved, ensure_ascii=False, indent=1), encoding="utf-8")
