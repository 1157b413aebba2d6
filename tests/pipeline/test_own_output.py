"""A source folder may hold the build's own output and cache: they are never read back as sources."""

from __future__ import annotations

from pathlib import Path

from tests.utils.building import run_build

ARTICLE = """Buurtteams werken samen met de bibliotheek

Door Anna de Boer

In Zwolle werken buurtteams sinds dit jaar samen met de bibliotheek. Eenzaamheid onder ouderen
is volgens de teams het grootste probleem in de wijk.
"""


def test_a_build_into_its_own_source_folder_reads_only_the_sources(tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "buurtteams.txt").write_text(ARTICLE, encoding="utf-8")
    out, cache = notes / "exports", notes / "cache"
    first = run_build([notes], out, cache)
    assert list(out.rglob("*.html"))  # the maps now lie inside the source folder, and .html is a source type
    again = run_build([notes], out, cache, force=True)
    assert [e.source_name for e in again.extractions] == ["buurtteams.txt"]
    assert not again.refused and again.triples == first.triples
    assert any("not read" in w and str(out) in w for w in again.warnings)
    assert not any(w.startswith("left out") for w in again.warnings)
