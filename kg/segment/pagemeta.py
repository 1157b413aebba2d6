"""Lines that a web page prints around its title: datelines, category labels and breadcrumbs.

A scraped page keeps them as lines of their own ("16 FEB 2021 10:02", "5 nov 2013 | Afdeling
Communicatie", "Op 17 juni 2020 geplaatst door", "Open Access | Wetenschappelijk artikel",
"Home > Nieuws > Opinie"). They are short and headline-shaped, but never a headline. The words
are data: ``kg/data/months.txt``, ``dateline_words.txt`` and ``page_labels.txt``.
"""

from __future__ import annotations

import re

from kg.data import word_list

MAX_WORDS = 12  # a dateline or label line is short; a headline may hold a date in a sentence
_PARTS = re.compile(r"\s*(?:\||·|•|»|›|>|\s/\s)\s*")
_WORD = re.compile(r"[\w'’]+")
_NUMERIC_DATE = re.compile(r"^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}$")
_TIME = re.compile(r"^\d{1,2}[:.]\d{2}(?:u|uur)?$")


def _fold(word: str) -> str:
    return word.casefold().rstrip(".")


def _date_word(word: str) -> bool:
    folded = _fold(word)
    return folded in word_list("months.txt") or bool(_NUMERIC_DATE.match(folded))


def _calendar_word(word: str) -> bool:
    """A day or year number, a time, a month, or a word that stands around dates."""
    folded = _fold(word)
    return (
        folded.isdigit() and len(folded) in (1, 2, 4)
        or _date_word(word)
        or bool(_TIME.match(folded))
        or folded in word_list("dateline_words.txt")
    )


def dateline(text: str) -> bool:
    """A line that opens with a date: "16 FEB 2021 10:02", "Op 17 juni 2020 geplaatst door",
    "5 nov 2013 | Afdeling Communicatie" (what follows a separator is the desk that wrote it).
    A headline that mentions a date ("Vanaf 1 januari nieuwe regels") opens with other words."""
    head = _PARTS.split(text.strip(), maxsplit=1)[0]
    words = head.replace(",", " ").split()
    if not words or len(text.split()) > MAX_WORDS or not any(_date_word(w) for w in words):
        return False
    return all(_calendar_word(w) for w in words)


def label_line(text: str) -> bool:
    """A line made only of category or access labels: "Nieuws", "Open Access | Wetenschappelijk artikel"."""
    parts = [p for p in _PARTS.split(text.strip(" :")) if p]
    labels = word_list("page_labels.txt")
    return bool(parts) and all(" ".join(_WORD.findall(p.casefold())) in labels for p in parts)


def breadcrumb(text: str) -> bool:
    """A trail of short links: "Home > Nieuws > Opinie", "Onderzoek / Projecten / Wijkteams"."""
    parts = [p for p in _PARTS.split(text.strip()) if p]
    return len(parts) >= 3 and all(len(p.split()) <= 5 for p in parts)


def page_meta(text: str) -> bool:
    """True for a dateline, a label line or a breadcrumb: page furniture of a scraped page."""
    return bool(text) and (dateline(text) or label_line(text) or breadcrumb(text))
