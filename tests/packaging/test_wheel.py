"""A wheel carries everything a build needs: installed outside the checkout (not editable), `kg
build` finds its ontology, shapes, thesaurus, gazetteer and saved questions."""

from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(a) for a in args], capture_output=True, text=True, timeout=600, cwd=cwd)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment with the wheel installed; its dependencies are borrowed from
    the test environment (a path entry), so no download is needed."""
    root = tmp_path_factory.mktemp("wheel")
    built = _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", ROOT, "-w", root / "dist")
    if built.returncode != 0:
        pytest.fail(f"building the wheel failed (pip needs setuptools from PyPI):\n{built.stderr[-2000:]}")
    shutil.rmtree(ROOT / "build", ignore_errors=True)
    env = root / "venv"
    assert _run(sys.executable, "-m", "venv", env).returncode == 0
    python = env / "bin" / "python"
    purelib = Path(_run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])").stdout.strip())
    (purelib / "borrowed-deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    wheel = next((root / "dist").glob("*.whl"))
    done = _run(python, "-m", "pip", "install", "-q", "--no-deps", wheel)
    assert done.returncode == 0, done.stderr
    return env


def test_the_installed_package_is_the_wheel_not_the_checkout(installed: Path, tmp_path: Path) -> None:
    done = _run(installed / "bin" / "python", "-c", "import kg, kg.paths; print(kg.__file__); print(kg.paths.ontology_dir())", cwd=tmp_path)
    module, ontology = done.stdout.split()
    assert str(installed) in module and str(installed) in ontology


def test_an_installed_kg_builds_a_source_and_lists_its_saved_questions(installed: Path, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(next((ROOT / "seeds").glob("000_*.txt")), corpus)
    kg = installed / "bin" / "kg"
    done = _run(kg, "build", corpus, "--out", tmp_path / "out", "--cache-dir", tmp_path / "cache", cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    assert (tmp_path / "out" / "kg.ttl").stat().st_size > 0
    listed = _run(kg, "query", "--list", cwd=tmp_path)
    assert listed.returncode == 0 and "articles-by-author" in listed.stdout
