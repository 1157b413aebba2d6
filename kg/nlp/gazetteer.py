"""The organisation gazetteer: ``ontology/organisations.tsv`` as an index from surface form to entry.

Names and aliases are compared *folded* (lowercase, no diacritics, hyphens as spaces, ``&`` as
``en``), except acronyms: ``VWS``, ``NJi`` or ``SER`` only match in their own casing, because a
lowercased acronym is usually an ordinary word ("ser", "om"). See ``ontology/organisations.md``.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

#: Articles a text puts before a name ("het Trimbos-instituut", "de Volkskrant").
_LEADING_ARTICLES = ("de ", "het ", "the ")
_ACRONYM = re.compile(r"[A-Za-z0-9&/+.\-]{2,}")


@dataclass(frozen=True)
class Organisation:
    """One line of the gazetteer; ``parent`` is the id of the organisation it belongs to."""

    id: str
    name: str
    kind: str
    parent: str | None
    aliases: tuple[str, ...]

    @property
    def surfaces(self) -> tuple[str, ...]:
        """The canonical name followed by the aliases."""
        return (self.name, *self.aliases)


def strip_diacritics(text: str) -> str:
    """``"Fryslân"`` -> ``"Fryslan"``."""
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize("NFC", "".join(char for char in decomposed if not unicodedata.combining(char)))


def fold(text: str) -> str:
    """Case- and diacritics-insensitive key: ``"Trimbos-instituut"`` -> ``"trimbos instituut"``."""
    plain = strip_diacritics(text).replace("’", "'").replace("&", " en ").replace("-", " ").replace("‐", " ")
    return " ".join(plain.lower().split())


def is_acronym(surface: str) -> bool:
    """One word with at least two capitals, or all capitals: ``VWS``, ``NJi``, ``UvA``, ``TU/e``.

    A name such as ``Movisie`` or ``Nibud`` is not one: it may be written ``NIBUD`` too.
    """
    if " " in surface or not _ACRONYM.fullmatch(surface):
        return False
    capitals = sum(char.isupper() for char in surface)
    return capitals >= 2 or (capitals == 1 and surface.isupper())


class Gazetteer:
    """Organisations by id, and ids by folded surface form (names and aliases)."""

    def __init__(self, organisations: list[Organisation]) -> None:
        self._by_id = {organisation.id: organisation for organisation in organisations}
        self._acronyms: dict[str, str] = {}
        self._folded: dict[str, str] = {}
        for organisation in organisations:
            for surface in organisation.surfaces:
                if is_acronym(surface):
                    self._acronyms[surface] = organisation.id
                else:
                    self._folded[fold(surface)] = organisation.id

    @classmethod
    def load(cls, path: Path | str) -> Gazetteer:
        """Read the tab-separated gazetteer (header ``id name kind parent aliases``)."""
        with open(path, encoding="utf-8", newline="") as handle:
            rows = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
            organisations = [
                Organisation(
                    id=row["id"],
                    name=row["name"],
                    kind=row["kind"],
                    parent=row["parent"] or None,
                    aliases=tuple(alias for alias in (row["aliases"] or "").split("|") if alias),
                )
                for row in rows
            ]
        return cls(organisations)

    def __iter__(self) -> Iterator[Organisation]:
        return iter(self._by_id.values())

    def __len__(self) -> int:
        return len(self._by_id)

    def get(self, organisation_id: str) -> Organisation | None:
        return self._by_id.get(organisation_id)

    def surfaces(self) -> Iterator[tuple[str, str]]:
        """Every ``(surface, id)`` pair: names and aliases as the gazetteer writes them."""
        for organisation in self:
            for surface in organisation.surfaces:
                yield surface, organisation.id

    def resolve(self, surface: str) -> Organisation | None:
        """The organisation a text's surface form names, or None.

        Acronyms match in their own casing only (``VWS``, not ``vws``); other forms match folded,
        also after a leading article ("het Trimbos-instituut") and, for one-word names, in capitals
        ("NIBUD" -> Nibud).
        """
        surface = " ".join(surface.split())
        if surface in self._acronyms:
            return self._by_id[self._acronyms[surface]]
        if is_acronym(surface) and not surface.isupper():
            return None
        key = fold(surface)
        for article in _LEADING_ARTICLES:
            if key.startswith(article) and key not in self._folded:
                key = key[len(article) :]
        found = self._folded.get(key)
        return self._by_id[found] if found else None
