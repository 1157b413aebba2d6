"""Checks on the curated gazetteer ontology/organisations.tsv (see ontology/organisations.md)."""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

TSV = Path(__file__).resolve().parents[2] / "ontology" / "organisations.tsv"

HEADER = ["id", "name", "kind", "parent", "aliases"]

KINDS = {
    "hogeschool", "universiteit", "ministerie", "kennisinstituut", "overheidsorganisatie", "gemeente",
    "adviesraad", "fonds", "branchevereniging", "beroepsvereniging", "zorgaanbieder", "welzijnsorganisatie",
    "belangenorganisatie", "werkplaats", "lectoraat", "expertisecentrum", "onderzoeksinstituut",
    "politie-justitie", "politieke-partij", "media", "bedrijf", "woningcorporatie", "internationaal", "other",
}

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

# Organisations a social-domain gazetteer cannot do without; each must be found by name or alias.
KEY_ORGANISATIONS = [
    "Movisie",
    "Nederlands Jeugdinstituut",
    "Trimbos-instituut",
    "Vilans",
    "Pharos",
    "Kennisplatform Inclusief Samenleven",
    "Sociaal en Cultureel Planbureau",
    "RIVM",
    "CBS",
    "ZonMw",
    "VNG",
    "Veilig Thuis",
    "Raad voor de Kinderbescherming",
    "Divosa",
]

MIN_PER_KIND = {"hogeschool": 35, "universiteit": 12, "ministerie": 10}


def key(text: str) -> str:
    """Comparison key: diacritics stripped, casefolded, whitespace collapsed."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.casefold().split())


def aliases(row: dict[str, str]) -> list[str]:
    return row["aliases"].split("|") if row["aliases"] else []


@pytest.fixture(scope="module")
def table() -> tuple[list[str], list[dict[str, str]]]:
    with TSV.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE, strict=True)
        rows = list(reader)
        header = list(reader.fieldnames or [])
    return header, rows


@pytest.fixture(scope="module")
def rows(table) -> list[dict[str, str]]:
    return table[1]


def test_header_exact(table) -> None:
    header, _ = table
    assert header == HEADER
    assert TSV.read_text(encoding="utf-8").splitlines()[0] == "\t".join(HEADER)


def test_every_line_has_five_clean_fields(rows) -> None:
    bad = []
    for number, row in enumerate(rows, start=2):
        if None in row or any(value is None for value in row.values()):
            bad.append((number, "wrong number of fields"))
            continue
        for column in HEADER:
            value = row[column]
            if value != value.strip() or "  " in value:
                bad.append((number, f"stray whitespace in {column}: {value!r}"))
        if not row["name"]:
            bad.append((number, "empty name"))
        for alias in aliases(row):
            if not alias or alias != alias.strip():
                bad.append((number, f"empty or padded alias in {row['aliases']!r}"))
    assert not bad


def test_ids_unique_and_slug_shaped(rows) -> None:
    ids = [row["id"] for row in rows]
    duplicates = [i for i, n in Counter(ids).items() if n > 1]
    assert not duplicates
    assert not [i for i in ids if not SLUG.match(i)]


def test_kinds_allowed(rows) -> None:
    assert not [(row["id"], row["kind"]) for row in rows if row["kind"] not in KINDS]


def test_parents_exist_and_have_no_cycles(rows) -> None:
    parent = {row["id"]: row["parent"] for row in rows}
    missing = [(i, p) for i, p in parent.items() if p and p not in parent]
    assert not missing
    for start in parent:
        seen = {start}
        current = parent[start]
        while current:
            assert current not in seen, f"parent cycle through {start!r}"
            seen.add(current)
            current = parent[current]


def test_lectoraten_have_a_parent(rows) -> None:
    assert not [row["id"] for row in rows if row["kind"] == "lectoraat" and not row["parent"]]


def test_no_name_or_alias_shared_by_two_lines(rows) -> None:
    owners: dict[str, set[str]] = {}
    for row in rows:
        for label in [row["name"], *aliases(row)]:
            owners.setdefault(key(label), set()).add(row["id"])
    shared = {label: ids for label, ids in owners.items() if len(ids) > 1}
    assert not shared


def test_no_label_repeated_within_a_line(rows) -> None:
    repeated = []
    for row in rows:
        labels = [key(label) for label in [row["name"], *aliases(row)]]
        if len(labels) != len(set(labels)):
            repeated.append(row["id"])
    assert not repeated


def test_aliases_are_not_bare_lowercase_words(rows) -> None:
    def marked(alias: str) -> bool:
        return any(c.isupper() or c.isdigit() or not (c.isalpha() or c.isspace()) for c in alias)

    assert not [(row["id"], a) for row in rows for a in aliases(row) if not marked(a)]


def test_gemeente_aliases_name_the_organisation_not_the_place(rows) -> None:
    bad = [
        (row["id"], label)
        for row in rows
        if row["kind"] == "gemeente"
        for label in [row["name"], *aliases(row)]
        if not label.startswith("Gemeente ")
    ]
    assert not bad


@pytest.mark.parametrize(("kind", "minimum"), sorted(MIN_PER_KIND.items()))
def test_coverage_per_kind(rows, kind: str, minimum: int) -> None:
    assert sum(row["kind"] == kind for row in rows) >= minimum


@pytest.mark.parametrize("organisation", KEY_ORGANISATIONS)
def test_key_field_organisation_present(rows, organisation: str) -> None:
    labels = {key(label) for row in rows for label in [row["name"], *aliases(row)]}
    assert key(organisation) in labels
