"""A source graph that passed SHACL is not validated again while its content and the shapes are unchanged."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rdflib import Literal, URIRef

import kg.rdf.shacl_engines
from kg.rdf.validated import ValidatedGraphs
from tests.utils.building import ROOT, SEEDS, run_build

A, B, C = URIRef("urn:a"), URIRef("urn:b"), URIRef("urn:c")
WHEN = Literal("2026-01-01T00:00:00Z")


def test_the_key_ignores_order_and_the_per_build_terms(tmp_path: Path) -> None:
    validated = ValidatedGraphs(tmp_path, ROOT / "ontology", {C, WHEN})
    key = validated.key([(A, B, C), (A, B, WHEN)])
    assert validated.key([(A, B, WHEN), (A, B, C)]) == key
    assert ValidatedGraphs(tmp_path, ROOT / "ontology", {URIRef("urn:other"), WHEN}).key([(A, B, C), (A, B, WHEN)]) != key
    assert validated.key([(A, B, A), (A, B, WHEN)]) != key


def test_the_key_changes_with_the_shapes(tmp_path: Path) -> None:
    ontology = tmp_path / "ontology"
    shutil.copytree(ROOT / "ontology", ontology)
    before = ValidatedGraphs(tmp_path, ontology).key([(A, B, C)])
    with (ontology / "shapes.ttl").open("a", encoding="utf-8") as shapes:
        shapes.write("\n# a changed shape\n")
    assert ValidatedGraphs(tmp_path, ontology).key([(A, B, C)]) != before


def test_an_unchanged_rebuild_validates_nothing_and_force_everything(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    checked: list[int] = []
    original = kg.rdf.shacl_engines.validate_text

    def counting(folder: str, text: str, only: tuple[str, ...] = ()) -> kg.rdf.shacl_engines.Validation:
        checked.append(len(text))
        return original(folder, text, only)

    monkeypatch.setattr(kg.rdf.shacl_engines, "validate_text", counting)
    sources = [SEEDS / "000_b5a32a71feb637fb.txt", SEEDS / "001_4b697ca891046f76.txt"]
    run_build(sources, tmp_path / "out", tmp_path / "cache", jobs=1)
    assert len(checked) == 3  # two sources and the network metrics
    checked.clear()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")  # another build time: the same check
    run_build(sources, tmp_path / "other", tmp_path / "cache", jobs=1)  # another folder: a real build
    assert checked == []  # the sources and the metrics are the same
    checked.clear()
    run_build(sources, tmp_path / "out", tmp_path / "cache", jobs=1, force=True)
    assert len(checked) == 3
