"""Setup prepared once per machine (kg/prepared.py) gives what the pipeline made without it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
import simplemma

from kg import prepared
from kg.nlp import lemmas

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty prepared folder, as on a machine that never built."""
    monkeypatch.setenv("KG_PREPARED", str(tmp_path / "prepared"))
    prepared.folder.cache_clear()
    lemmas._lemmatizer.cache_clear()
    lemmas.lemma.cache_clear()
    yield tmp_path / "prepared"
    prepared.folder.cache_clear()
    lemmas._lemmatizer.cache_clear()
    lemmas.lemma.cache_clear()


def test_lemmas_from_the_kept_trie_are_simplemmas_own(fresh: Path) -> None:
    words = sorted({w for path in SEEDS.glob("*.txt") for w in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", path.read_text(encoding="utf-8"))})
    assert len(words) > 5000
    first = [lemmas.lemma(word) for word in words]  # builds the trie
    assert (fresh / "simplemma" / "nl.dic").is_file()
    assert not [p for p in fresh.iterdir() if p.name.startswith(".")]  # no staging folder left
    lemmas._lemmatizer.cache_clear()
    lemmas.lemma.cache_clear()
    again = [lemmas.lemma(word) for word in words]  # reads the kept trie
    expected = [simplemma.lemmatize(word.lower(), lang="nl").replace("_", "") for word in words]
    assert first == expected
    assert again == expected
    for odd in ("\x00", "huizen\x00", "a\x00b"):  # a NUL (read from a damaged PDF) is no key of a trie
        assert lemmas.lemma(odd) == simplemma.lemmatize(odd.lower(), lang="nl").replace("_", "")


def test_prepared_values_are_made_once_and_read_back(fresh: Path) -> None:
    made: list[int] = []

    def make() -> dict[str, int]:
        made.append(1)
        return {"made": len(made)}

    assert prepared.prepared("thing", make) == {"made": 1}
    assert prepared.prepared("thing", make) == {"made": 1}
    assert len(made) == 1
    (fresh / "thing.pickle").write_bytes(b"broken")
    assert prepared.prepared("thing", make) == {"made": 2}  # a broken file is made again


def test_a_folder_that_cannot_be_written_costs_only_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("KG_PREPARED", str(blocked / "prepared"))
    prepared.folder.cache_clear()
    lemmas._lemmatizer.cache_clear()
    lemmas.lemma.cache_clear()
    try:
        assert prepared.prepared("thing", lambda: [1, 2]) == [1, 2]
        assert prepared.prepared("thing", lambda: [3]) == [3]
        assert lemmas.lemma("samengewerkt") == "samenwerken"
    finally:
        prepared.folder.cache_clear()
        lemmas._lemmatizer.cache_clear()
        lemmas.lemma.cache_clear()


def test_builds_preparing_at_once_read_only_whole_files(tmp_path: Path) -> None:
    """Two processes that find nothing prepared build the trie at the same time; neither reads
    the other's half-written file (simplemma writes its own in place)."""
    script = "from kg.nlp.lemmas import lemma; print(lemma('samengewerkt'), lemma('huizen'), lemma('werkten'))"
    env = {**os.environ, "KG_PREPARED": str(tmp_path / "prepared")}
    runs = [subprocess.Popen([sys.executable, "-c", script], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(3)]
    for run in runs:
        out, err = run.communicate(timeout=300)
        assert run.returncode == 0, err
        assert out.split() == ["samenwerken", "huis", "werken"]


def test_folders_of_versions_long_unused_are_removed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KG_PREPARED", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    versions = tmp_path / "kg" / "prepared"
    old, recent = versions / "0ld", versions / "recent"
    for made in (old, recent):
        made.mkdir(parents=True)
    long_ago = time.time() - (prepared.UNUSED_DAYS + 1) * 86400
    os.utime(old, (long_ago, long_ago))
    prepared.folder.cache_clear()
    try:
        current = prepared.folder()
    finally:
        prepared.folder.cache_clear()
    assert current.is_dir() and current.parent == versions
    assert not old.exists() and recent.is_dir()


def test_pattern_docs_hold_the_words_the_tokenizer_cuts_and_are_kept(fresh: Path) -> None:
    from kg.nlp import pipeline
    from kg.nlp.pattern_tokens import PatternTokens

    texts = ["Trimbos-instituut", "Zorg- en Veiligheidshuis", "GGD Hollands-Midden", "Movisie", "St. Jozef"]
    first = PatternTokens(pipeline.vocab())
    made = [[token.text for token in first(text)] for text in texts]
    cutter = pipeline.tokenizer(pipeline.vocab(), False)
    assert made == [[token.text for token in cutter(text)] for text in texts]
    first.keep()
    again = PatternTokens(pipeline.vocab())
    assert [[token.text for token in again(text)] for text in texts] == made
    assert again.cut == 0  # every text read from what the first kept: no tokenizer needed


def test_reading_the_name_lists_leaves_logging_alone() -> None:
    """deduce's lists are read without importing deduce, which would send every library's debug
    lines to stdout (it sets the root logger to DEBUG)."""
    script = "import logging; from kg.nlp.person_lexicon import _read_lexicon; _read_lexicon(); print(logging.getLogger().level, 'deduce' in __import__('sys').modules)"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [str(30), "False"]
