"""The `kg` command as a user types it."""

from __future__ import annotations

import json
import os
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
    assert done.returncode == 2
    assert "empty.txt" in done.stdout + done.stderr
    assert not (tmp_path / "out" / "kg.ttl").exists()


def test_build_failure_goes_to_stderr(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    done = _kg("build", str(tmp_path), "--out", str(tmp_path / "out"), "--strict", "--cache-dir", str(tmp_path / "cache"))
    assert "build failed" in done.stderr and "build failed" not in done.stdout


def test_an_out_or_cache_folder_that_is_a_file_is_refused_before_extraction(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Titel\n\nTekst van het artikel.\n", encoding="utf-8")
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    for option in ("--out", "--cache-dir"):
        args = {"--out": str(tmp_path / "out"), "--cache-dir": str(tmp_path / "cache"), option: str(blocker)}
        done = _kg("build", str(tmp_path / "a.txt"), *[x for pair in args.items() for x in pair])
        assert done.returncode == 2
        assert f"{option} {blocker} is a file" in done.stderr and "Traceback" not in done.stderr


def test_an_out_folder_where_nothing_can_be_written_is_refused_before_extraction(tmp_path: Path) -> None:
    """Permission bits say nothing to root: /proc takes no new folder, whoever asks."""
    (tmp_path / "a.txt").write_text("Titel\n\nTekst van het artikel.\n", encoding="utf-8")
    done = _kg("build", str(tmp_path / "a.txt"), "--out", "/proc/kg-exports", "--cache-dir", str(tmp_path / "cache"))
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr.startswith("kg build: error: --out /proc/kg-exports cannot be written")


def test_a_corrupt_cache_entry_is_a_miss(tmp_path: Path) -> None:
    from kg.cache import ExtractionCache

    cache = ExtractionCache(tmp_path)
    path = cache._path("0" * 64, "a.txt")
    path.parent.mkdir(parents=True)
    path.write_bytes(b"\x80\x05not a pickle at all")
    assert cache.get("0" * 64, "a.txt") is None


def test_an_empty_source_date_epoch_counts_as_unset(tmp_path: Path) -> None:
    """Build tools (a Makefile outside git) may export SOURCE_DATE_EPOCH empty: the build still
    runs, with the current time (numpy's import fails on an empty value if it is left set)."""
    source = tmp_path / "stuk.txt"
    source.write_text("Samen sterker in de wijk\n\nDoor Anna de Vries\n\nBuurtwerkers in Utrecht werken samen met Movisie.\n", encoding="utf-8")
    env = {**os.environ, "SOURCE_DATE_EPOCH": ""}
    done = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(source), "--out", str(tmp_path / "out"), "--cache-dir", str(tmp_path / "cache")], capture_output=True, text=True, timeout=600, env=env)
    assert done.returncode == 0, done.stderr
    assert "prov:startedAtTime" in (tmp_path / "out" / "kg.ttl").read_text(encoding="utf-8")
