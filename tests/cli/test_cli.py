"""The `kg` command as a user types it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "evaluate" / "fixtures"


def _kg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True, timeout=600)


def test_build_help_explains_every_option() -> None:
    done = _kg("build", "--help")
    assert done.returncode == 0
    for option in ("--out", "--strict", "--force", "--cache-dir", "--jobs", "SOURCES"):
        assert option in done.stdout


def test_eval_prints_json_scores() -> None:
    done = _kg("eval", "--gold", str(FIXTURES / "gold"), "--graph", str(FIXTURES / "graph.ttl"), "--json")
    assert done.returncode == 0, done.stderr
    scores = json.loads(done.stdout)["categories"]
    assert {"articles", "authors", "affiliations", "organisations", "themes", "recommendations"} <= set(scores)
    assert 0 <= scores["articles"]["f1"] <= 1


def test_eval_names_a_missing_file() -> None:
    done = _kg("eval", "--gold", str(FIXTURES / "gold"), "--graph", "nowhere.ttl")
    assert done.returncode == 2 and "nowhere.ttl" in done.stdout + done.stderr


def test_strict_build_fails_with_the_refused_file_named(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    done = _kg("build", str(tmp_path), "--out", str(tmp_path / "out"), "--strict", "--cache-dir", str(tmp_path / "cache"))
    assert done.returncode == 1
    assert "empty.txt" in done.stdout + done.stderr
    assert not (tmp_path / "out" / "kg.ttl").exists()
