"""Shared helpers: run a build into a temporary folder and read its results back."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from kg.build import BuildOptions, BuildResult, build
from kg.progress import PlainReporter

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
EXPORTS = ROOT / "exports"
GOLD = ROOT.parent / "shared" / "gold"


def run_build(sources: list[Path], out: Path, cache: Path, **options: object) -> BuildResult:
    return build(BuildOptions(sources=sources, out=out, cache_dir=cache, **options), PlainReporter())  # type: ignore[arg-type]


def load_turtle(path: Path) -> Graph:
    return Graph().parse(path, format="turtle")
