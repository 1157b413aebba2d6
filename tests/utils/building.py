"""Shared helpers: run a build into a temporary folder and read its results back."""

from __future__ import annotations

import os
from pathlib import Path

from rdflib import Graph

from kg.build import BuildOptions, BuildResult, build
from kg.extract.source import extract
from kg.ingest import read_source
from kg.model import ArticleRecord
from kg.progress import PlainReporter

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
EXPORTS = ROOT / "exports"
GOLD = Path(os.environ.get("KG_GOLD", ROOT.parent / "shared" / "gold"))  # KG_GOLD: where a worktree elsewhere finds it


def run_build(sources: list[Path], out: Path, cache: Path, **options: object) -> BuildResult:
    return build(BuildOptions(sources=sources, out=out, cache_dir=cache, **options), PlainReporter())  # type: ignore[arg-type]


def load_turtle(path: Path) -> Graph:
    return Graph().parse(path, format="turtle")


def only_article(path: Path) -> ArticleRecord:
    """The one article extracted from the source file at ``path``."""
    source, _ = read_source(path)
    (record,) = extract(source).articles
    return record


def exported(folder: Path) -> dict[str, bytes]:
    """Every file a build wrote into ``folder`` (maps in sub-folders included), by relative path."""
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def assert_same_exports(built: dict[str, bytes], expected: dict[str, bytes], hint: str = "") -> None:
    assert sorted(built) == sorted(expected), hint
    for name, data in built.items():
        assert data == expected[name], f"{name} differs {hint}"
