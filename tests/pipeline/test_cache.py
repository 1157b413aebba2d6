"""The extraction cache is invalidated by what extraction reads, and only by that."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.cache import pipeline_version
from tests.utils.building import ROOT


@pytest.fixture
def ontology(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "ontology"
    shutil.copytree(ROOT / "ontology", folder)
    monkeypatch.setenv("KG_ONTOLOGY", str(folder))
    pipeline_version.cache_clear()
    yield folder
    pipeline_version.cache_clear()


def _version_after(edit: Path) -> str:
    before = pipeline_version()
    with edit.open("a", encoding="utf-8") as stream:
        stream.write("\n# edited\n")
    pipeline_version.cache_clear()
    return before


def test_editing_the_thesaurus_or_gazetteer_invalidates_extractions(ontology: Path) -> None:
    for name in ("themes.ttl", "organisations.tsv"):
        before = _version_after(ontology / name)
        assert pipeline_version() != before, name


def test_editing_shapes_or_saved_queries_keeps_extractions(ontology: Path) -> None:
    (ontology / "queries").mkdir(exist_ok=True)
    (ontology / "queries" / "new.rq").write_text("SELECT * WHERE { ?s ?p ?o }\n", encoding="utf-8")
    for name in ("shapes.ttl", "queries/new.rq"):
        before = _version_after(ontology / name)
        assert pipeline_version() == before, name
