"""Nothing changed, nothing done: a rebuild of unchanged sources into intact exports does no work."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from kg.ingest import read_source
from kg.uptodate import fingerprint
from tests.utils.building import SEEDS, run_build

SOURCE = SEEDS / "000_b5a32a71feb637fb.txt"


def test_the_fingerprint_follows_the_sources_and_the_build_time(monkeypatch: pytest.MonkeyPatch) -> None:
    source, _ = read_source(SOURCE)
    before = fingerprint([source])
    assert fingerprint([read_source(SOURCE)[0]]) == before
    assert fingerprint([replace(source, sha256="0" * 64)]) != before
    assert fingerprint([replace(source, name="ander.txt")]) != before
    assert fingerprint([]) != before
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1")
    assert fingerprint([source]) != before


def test_an_unchanged_rebuild_does_nothing_until_an_export_is_touched_or_force_is_given(tmp_path: Path) -> None:
    out, cache = tmp_path / "out", tmp_path / "cache"
    first = run_build([SOURCE], out, cache)
    assert not first.unchanged
    stamps = {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}
    again = run_build([SOURCE], out, cache)
    assert again.unchanged and again.triples == first.triples and sorted(again.files) == sorted(first.files)
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()} == stamps  # nothing rewritten
    assert [len(e.articles) for e in again.extractions] == [len(e.articles) for e in first.extractions]

    original = (out / "kg.ttl").read_bytes()
    (out / "kg.ttl").write_bytes(original + b"# edited by hand\n")
    repaired = run_build([SOURCE], out, cache)
    assert not repaired.unchanged and b"# edited by hand" not in (out / "kg.ttl").read_bytes()

    assert not run_build([SOURCE], out, cache, force=True).unchanged
