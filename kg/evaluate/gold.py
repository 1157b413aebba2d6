"""Per-source records to score, and the gold annotations (GOLD_FORMAT.md) read into them.

Gold and predictions share these records so that scoring never needs to know where a record came
from. Things that can have several names (an organisation and its aliases, an article and its
alternative titles, a theme concept and its labels) keep all of them; the first is the main one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Organisation:
    names: tuple[str, ...]


@dataclass(frozen=True)
class Person:
    names: tuple[str, ...]
    affiliations: tuple[Organisation, ...] = ()  # as stated in this source


@dataclass(frozen=True)
class Theme:
    labels: tuple[str, ...]


@dataclass(frozen=True)
class Article:
    titles: tuple[str, ...]
    first_line: int | None
    authors: tuple[Person, ...] = ()
    interviewees: tuple[Person, ...] = ()
    persons: tuple[Person, ...] = ()  # mentioned, other than authors and interviewees
    organisations: tuple[Organisation, ...] = ()
    themes: tuple[Theme, ...] = ()
    recommendations: tuple[str, ...] = ()


@dataclass(frozen=True)
class SourceRecord:
    source: str  # the file name, as in the gold "source" field and the graph's schema:DigitalDocument
    articles: tuple[Article, ...]


def _organisation(entry: Any) -> Organisation:
    if isinstance(entry, str):
        return Organisation((entry,))
    return Organisation((entry["name"], *entry.get("aliases", [])))


def _person(entry: Any) -> Person:
    if isinstance(entry, str):
        return Person((entry,))
    return Person((entry["name"],), tuple(_organisation(a) for a in entry.get("affiliations", [])))


def _article(entry: dict[str, Any]) -> Article:
    return Article(
        titles=(entry["title"], *entry.get("alt_titles", [])),
        first_line=entry.get("first_line"),
        authors=tuple(_person(p) for p in entry.get("authors", [])),
        interviewees=tuple(_person(p) for p in entry.get("interviewees", [])),
        persons=tuple(_person(p) for p in entry.get("persons_mentioned", [])),
        organisations=tuple(_organisation(o) for o in entry.get("organisations", [])),
        themes=tuple(Theme((label,)) for label in entry.get("themes", [])),
        recommendations=tuple(r["text"] for r in entry.get("recommendations", [])),
    )


def load_gold(folder: Path) -> dict[str, SourceRecord]:
    """Every ``*.json`` directly in ``folder``, merged per gold "source" field.

    Part files (``x.part-a.json``, ``x.part-b.json``) are merged by that field, not by file name;
    an article present in two parts (same title and first line) is kept once. Articles are
    ordered by first line.
    """
    articles: dict[str, dict[tuple[str, int | None], Article]] = {}
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        merged = articles.setdefault(data["source"], {})
        for entry in data.get("articles", []):
            article = _article(entry)
            merged.setdefault((article.titles[0], article.first_line), article)
    return {
        source: SourceRecord(source, tuple(sorted(found.values(), key=lambda a: (a.first_line or 0, a.titles[0]))))
        for source, found in sorted(articles.items())
    }
