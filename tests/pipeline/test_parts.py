"""Per-source parts (kg/parts.py): a rebuild redoes only the sources that changed, and its exports are
the bytes a build from scratch writes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import kg.parts
from kg.rdf.namespaces import SCHEMA
from kg.rdf.provenance import activity_node
from tests.utils.building import SEEDS, assert_same_exports, exported, load_turtle, run_build

BYLINE = """{headline}

Door {author}

{body}
"""
LONELINESS = BYLINE.format(
    headline="Buurtteams pakken eenzaamheid samen aan",
    author="J. Verhoeven",
    body="In de wijk Overvecht werken buurtteams en vrijwilligers samen tegen eenzaamheid onder ouderen. Zij bezoeken "
    "mensen thuis en organiseren koffieochtenden in het buurthuis.\n\nVolgens de coördinator helpt vooral het vaste "
    "gezicht aan de deur. Gemeenten zouden deze aanpak moeten uitbreiden naar andere wijken.",
)
DEBTS = BYLINE.format(
    headline="Schuldhulp begint bij de keukentafel",
    author="Johan Verhoeven",
    body="Wie schulden heeft, wacht vaak te lang met hulp vragen. Schuldhulpverleners in Utrecht gaan daarom op "
    "huisbezoek bij mensen met betalingsachterstanden.\n\nEen vroege melding van de woningcorporatie maakt het "
    "verschil. Gemeenten moeten vroegsignalering een vaste plek geven in hun beleid.",
)


@pytest.fixture
def written(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the sources whose part a build writes."""
    names: list[str] = []
    original = kg.parts.PartStore.put

    def put(self: kg.parts.PartStore, source, files):  # type: ignore[no-untyped-def]
        names.append(source.name)
        return original(self, source, files)

    monkeypatch.setattr(kg.parts.PartStore, "put", put)
    return names


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "sources"
    folder.mkdir()
    shutil.copy(SEEDS / "000_b5a32a71feb637fb.txt", folder)
    (folder / "eenzaamheid.txt").write_text(LONELINESS, encoding="utf-8")
    return folder


def test_a_rebuild_redoes_only_the_changed_source_and_writes_the_bytes_of_a_build_from_scratch(
    corpus: Path, tmp_path: Path, written: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    run_build([corpus], tmp_path / "out", tmp_path / "cache")
    assert sorted(written) == ["000_b5a32a71feb637fb.txt", "eenzaamheid.txt"]
    written.clear()
    with (corpus / "eenzaamheid.txt").open("a", encoding="utf-8") as text:
        text.write("\nDe gemeente Utrecht betaalt de koffieochtenden.\n")
    run_build([corpus], tmp_path / "out", tmp_path / "cache")
    assert written == ["eenzaamheid.txt"]
    written.clear()
    run_build([corpus], tmp_path / "scratch", tmp_path / "fresh-cache")
    assert_same_exports(exported(tmp_path / "out"), exported(tmp_path / "scratch"), "between the rebuild and a build from scratch")


def test_a_source_is_written_again_when_the_corpus_resolves_its_names_otherwise(
    corpus: Path, tmp_path: Path, written: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """"J. Verhoeven" is a person of their own until another source names "Johan Verhoeven": then the
    unchanged first source's graph names Johan Verhoeven too, as a build from scratch does."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    run_build([corpus], tmp_path / "out", tmp_path / "cache")
    written.clear()
    (corpus / "schulden.txt").write_text(DEBTS, encoding="utf-8")
    run_build([corpus], tmp_path / "out", tmp_path / "cache")
    assert sorted(written) == ["eenzaamheid.txt", "schulden.txt"]  # the seed's names did not change
    names = {str(name) for name in load_turtle(tmp_path / "out" / "kg.ttl").objects(None, SCHEMA.name)}
    assert "Johan Verhoeven" in names and "J. Verhoeven" not in names
    run_build([corpus], tmp_path / "scratch", tmp_path / "fresh-cache")
    assert_same_exports(exported(tmp_path / "out"), exported(tmp_path / "scratch"))


def test_parts_serve_builds_at_other_times_which_name_their_own_activity(
    corpus: Path, tmp_path: Path, written: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    run_build([corpus], tmp_path / "first", tmp_path / "cache")
    written.clear()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
    run_build([corpus], tmp_path / "later", tmp_path / "cache")
    assert written == []
    run_build([corpus], tmp_path / "scratch", tmp_path / "fresh-cache")
    assert_same_exports(exported(tmp_path / "later"), exported(tmp_path / "scratch"))
    text = (tmp_path / "later" / "kg.trig").read_text(encoding="utf-8")
    assert str(kg.parts.PLACEHOLDER) not in text
    assert text.count(str(activity_node("2027-01-15T08:00:00Z"))) > 10  # the activity and all it generated


def test_a_broken_part_in_the_cache_is_made_again(corpus: Path, tmp_path: Path, written: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    run_build([corpus], tmp_path / "out", tmp_path / "cache")
    written.clear()
    for names in (tmp_path / "cache" / "parts").glob("*/names.json"):
        names.write_text("{not json", encoding="utf-8")
    run_build([corpus], tmp_path / "again", tmp_path / "cache")
    assert sorted(written) == ["000_b5a32a71feb637fb.txt", "eenzaamheid.txt"]
    assert_same_exports(exported(tmp_path / "again"), exported(tmp_path / "out"))


def test_parts_unused_for_a_month_are_removed_and_used_ones_kept(corpus: Path, tmp_path: Path) -> None:
    import os
    import time

    cache = tmp_path / "cache"
    run_build([corpus], tmp_path / "out", cache)
    parts = sorted(p for p in (cache / "parts").iterdir() if p.is_dir())
    assert len(parts) == 2
    long_ago = time.time() - (kg.parts.UNUSED_DAYS + 1) * 86400
    for part in parts:
        os.utime(part, (long_ago, long_ago))
    stale = cache / "parts" / "0000"
    stale.mkdir()
    os.utime(stale, (long_ago, long_ago))  # a part of a source edited since: no build asks for it
    run_build([corpus], tmp_path / "out2", cache)  # reads both parts (marks them used), then removes the stale one
    assert sorted(p for p in (cache / "parts").iterdir() if p.is_dir()) == parts
    assert all(part.stat().st_mtime > long_ago + 86400 for part in parts)
