"""Extraction in the build's workers (kg/extraction.py): a rebuild hands its changed source to a
worker at once, and the building process loads no spaCy for it; the exports are the bytes of a
build in one process."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.utils.building import ROOT, SEEDS, assert_same_exports, exported, run_build

#: One build with --jobs 2; prints which of the pipeline's modules the building process loaded.
BUILD = """
import json, sys
from pathlib import Path
from kg.build import BuildOptions, build
from kg.progress import PlainReporter
sources, out, cache = map(Path, sys.argv[1:4])
build(BuildOptions(sources=[sources], out=out, cache_dir=cache, jobs=2), PlainReporter())
print(json.dumps(sorted(name for name in ("spacy", "kg.extract.source") if name in sys.modules)))
"""
EPOCH = "1700000000"


def _build_in_a_process(sources: Path, out: Path, cache: Path) -> list[str]:
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", BUILD, str(sources), str(out), str(cache)], capture_output=True, text=True, env=env, cwd=ROOT, timeout=900)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_a_rebuild_extracts_in_a_worker_and_writes_what_one_process_writes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    for name in ("000_b5a32a71feb637fb.txt", "001_4b697ca891046f76.txt", "004_24f140e9e9071b6d.txt"):
        shutil.copy(SEEDS / name, sources)
    out, cache = tmp_path / "out", tmp_path / "cache"
    # three sources for two workers: the libraries are loaded here once and shared by forking
    assert _build_in_a_process(sources, out, cache) == ["kg.extract.source", "spacy"]
    changed = sources / "001_4b697ca891046f76.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nDe buurtcoach in Utrecht helpt jongeren.\n", encoding="utf-8")
    # one changed source: a worker loads spaCy and extracts it while this process loads the rest
    assert _build_in_a_process(sources, out, cache) == []
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    run_build([sources], tmp_path / "one", tmp_path / "cache-one", jobs=1)
    assert_same_exports(exported(out), exported(tmp_path / "one"))
