"""Per-source records to score, and the gold annotations (GOLD_FORMAT.md) read into them.

Gold and predictions share these records so that scoring never needs to know where a record came
from. Things that can have several names (an organisation and its aliases, an article and its
alternative titles, a theme concept and its labels) keep all of them; the first is the main one.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
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
    genre: str | None = None  # editorial, interview, column, ... (GOLD_FORMAT.md)


@dataclass(frozen=True)
class SourceRecord:
    source: str  # the file name, as in the gold "source" field and the graph's schema:DigitalDocument
    articles: tuple[Article, ...]
    covers: tuple[tuple[int, int], ...] = ()  # line ranges the gold annotates; empty: the whole source

    def covered(self, line: int | None) -> bool:
        """Whether an article starting at ``line`` lies in the annotated part of the source."""
        return not self.covers or line is None or any(first <= line <= last for first, last in self.covers)


class GoldError(Exception):
    """A gold file or folder that cannot be read; the message names it."""


def _text(value: Any, what: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{what} must be a string, not {value!r}")
    return value


def _list(entry: dict[str, Any], key: str) -> list[Any]:
    value = entry.get(key) or []
    if not isinstance(value, list):
        raise TypeError(f'"{key}" must be a list, not {value!r}')
    return value


def _organisation(entry: Any) -> Organisation:
    if isinstance(entry, str):
        return Organisation((entry,))
    return Organisation((_text(entry["name"], "an organisation's name"), *(_text(a, "an alias") for a in _list(entry, "aliases"))))


def _person(entry: Any) -> Person:
    if isinstance(entry, str):
        return Person((entry,))
    return Person((_text(entry["name"], "a person's name"),), tuple(_organisation(a) for a in _list(entry, "affiliations")))


def _article(entry: dict[str, Any]) -> Article:
    first_line = entry.get("first_line")
    if first_line is not None and type(first_line) is not int:
        raise TypeError(f'"first_line" must be a line number, not {first_line!r}')
    return Article(
        titles=(_text(entry["title"], "a title"), *(_text(t, "a title") for t in _list(entry, "alt_titles"))),
        first_line=first_line,
        authors=tuple(_person(p) for p in _list(entry, "authors")),
        interviewees=tuple(_person(p) for p in _list(entry, "interviewees")),
        persons=tuple(_person(p) for p in _list(entry, "persons_mentioned")),
        organisations=tuple(_organisation(o) for o in _list(entry, "organisations")),
        themes=tuple(Theme((_text(label, "a theme"),)) for label in _list(entry, "themes")),
        recommendations=tuple(_text(r["text"], "a recommendation's text") for r in _list(entry, "recommendations")),
        genre=_text(entry["genre"], "a genre") if entry.get("genre") is not None else None,
    )


def _read(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise GoldError(f"{path}: not a readable gold JSON file ({exc})") from exc
    if not isinstance(data, dict) or not isinstance(data.get("source"), str) or not isinstance(data.get("articles", []), list):
        raise GoldError(f"{path}: not in the gold format (an object with a \"source\" name and a list of \"articles\"; see GOLD_FORMAT.md)")
    covers = data.get("covers")
    if covers is not None and not _line_range(covers):
        raise GoldError(f"{path}: \"covers\" must be [first_line, last_line], 1-based lines with first <= last")
    return data


def _line_range(covers: Any) -> bool:
    """Whether ``covers`` is [first, last]: two whole numbers (not booleans), 1 <= first <= last."""
    if not (isinstance(covers, list) and len(covers) == 2 and all(type(n) is int for n in covers)):
        return False
    return 1 <= covers[0] <= covers[1]


def load_gold(folders: Sequence[Path]) -> dict[str, SourceRecord]:
    """Every ``*.json`` directly in the folders, merged per gold "source" field.

    Part files (``x.part-a.json``, ``x.part-b.json``) are merged by that field, not by file name;
    an article present in two parts (same title and first line) is kept once. Articles are
    ordered by first line. A source's ``covers`` is the union of its files' ranges; a file
    without ``covers`` covers the whole source. Raises :class:`GoldError` for a file that is not
    gold, or when the folders hold no gold at all.
    """
    articles: dict[str, dict[tuple[str, int | None], Article]] = {}
    covers: dict[str, list[tuple[int, int]] | None] = {}
    for folder in folders:
        if not folder.is_dir():
            raise GoldError(f"{folder}: not a folder of gold JSON files")
        for path in sorted(folder.glob("*.json")):
            data = _read(path)
            merged = articles.setdefault(data["source"], {})
            ranges = covers.setdefault(data["source"], [])
            if data.get("covers") is None:
                covers[data["source"]] = None
            elif ranges is not None:
                ranges.append((data["covers"][0], data["covers"][1]))
            try:
                for entry in data.get("articles", []):
                    article = _article(entry)
                    merged.setdefault((article.titles[0], article.first_line), article)
            except (KeyError, TypeError, AttributeError) as exc:
                raise GoldError(f"{path}: an article is not in the gold format ({exc!r}; see GOLD_FORMAT.md)") from exc
    if not articles:
        raise GoldError(f"no gold JSON files in {', '.join(map(str, folders))}")
    return {
        source: SourceRecord(source, tuple(sorted(found.values(), key=lambda a: (a.first_line or 0, a.titles[0]))), tuple(covers[source] or ()))
        for source, found in sorted(articles.items())
    }
