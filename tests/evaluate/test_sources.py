"""Per-source scoring, gold that covers part of a source, several gold folders, and clean
refusals of what is not gold or not a graph."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kg.cli import main
from kg.evaluate import GoldError, evaluate
from kg.evaluate.score import CATEGORIES, Counts

FIXTURES = Path(__file__).parent / "fixtures"
GOLD = FIXTURES / "gold"
GRAPH = FIXTURES / "graph.ttl"


def _gold_copy(tmp_path: Path, covers: list[int] | None) -> Path:
    """The fixture gold with only its first part, which annotates lines ``covers`` of the source."""
    folder = tmp_path / "gold"
    folder.mkdir(parents=True)
    data = json.loads((GOLD / "100_fixture.part-a.json").read_text(encoding="utf-8"))
    if covers:
        data["covers"] = covers
    (folder / "100_fixture.part-a.json").write_text(json.dumps(data), encoding="utf-8")
    return folder


def test_only_predicted_articles_that_start_in_the_covered_lines_count(tmp_path: Path) -> None:
    whole = evaluate(_gold_copy(tmp_path / "a", None), GRAPH).categories["articles"]
    covered = evaluate(_gold_copy(tmp_path / "b", [1, 30]), GRAPH).categories["articles"]
    assert whole.tp == covered.tp == 1
    assert whole.fp == 3  # the graph's articles at lines 32, 81 and 130 have no gold partner
    assert covered.fp == 0  # they start outside the annotated lines 1-30


def test_a_file_without_covers_covers_the_whole_source(tmp_path: Path) -> None:
    folder = _gold_copy(tmp_path, [1, 30])
    shutil.copy(GOLD / "100_fixture.part-b.json", folder)  # part b has no "covers"
    assert evaluate(folder, GRAPH).categories == evaluate(GOLD, GRAPH).categories


def test_per_source_counts_add_up_to_the_totals() -> None:
    report = evaluate(GOLD, GRAPH)
    for category in CATEGORIES:
        summed = sum((counts[category] for counts in report.sources.values()), Counts())
        assert summed == report.categories[category]


def test_several_gold_folders_are_scored_together(tmp_path: Path) -> None:
    other = tmp_path / "other"
    other.mkdir()
    (other / "200_elsewhere.json").write_text(json.dumps({"source": "200_elsewhere.txt", "articles": [{"title": "Niet gebouwd", "first_line": 1}]}), encoding="utf-8")
    report = evaluate([GOLD, other], GRAPH)
    assert set(report.sources) == {"100_fixture.txt", "200_elsewhere.txt"}
    assert report.missing_sources == ("200_elsewhere.txt",)
    assert report.categories["articles"].fn == evaluate(GOLD, GRAPH).categories["articles"].fn + 1


def test_cli_prints_a_row_per_source_and_the_totals(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", "--gold", str(GOLD), "--graph", str(GRAPH)]) == 0
    out = capsys.readouterr().out
    assert "source" in out and "100_fixture" in out and "│ all" in out and "precision" in out


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"{ not json", "not a readable gold JSON file"),
        (b"\x00\x01\x02\xff", "not a readable gold JSON file"),
        (b'{"articles": []}', "not in the gold format"),
        (b'{"source": "x.txt", "articles": [{"first_line": 1}]}', "an article is not in the gold format"),
        (b'{"source": "x.txt", "covers": "1-9", "articles": []}', '"covers" must be'),
        (b'{"source": "x.txt", "covers": [926, 1], "articles": []}', '"covers" must be'),
        (b'{"source": "x.txt", "articles": [{"title": "T", "first_line": "12"}]}', '"first_line" must be'),
        (b'{"source": "x.txt", "articles": [{"title": "T", "authors": "Jan de Vries"}]}', '"authors" must be a list'),
        (b'{"source": "x.txt", "articles": [{"title": 5}]}', "a title must be a string"),
        (b'{"source": "x.txt", "articles": [{"title": "T", "recommendations": ["Doe dit."]}]}', "an article is not in the gold format"),
        (b'{"source": "x.txt", "covers": [true, 9], "articles": []}', '"covers" must be'),
    ],
)
def test_cli_names_a_gold_file_it_cannot_read(tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, expected: str) -> None:
    (tmp_path / "bad.json").write_bytes(content)
    assert main(["eval", "--gold", str(tmp_path), "--graph", str(GRAPH)]) == 2
    captured = capsys.readouterr()
    assert expected in captured.err and "bad.json" in captured.err and "Traceback" not in captured.err
    assert captured.out == ""


def test_an_empty_gold_folder_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", "--gold", str(tmp_path), "--graph", str(GRAPH)]) == 2
    assert "no gold JSON files" in capsys.readouterr().err
    with pytest.raises(GoldError):
        evaluate(tmp_path, GRAPH)


@pytest.mark.parametrize(("name", "content"), [("graph.txt", "kg.ttl"), ("broken.ttl", "@prefix : <x> .\n:a :b")])
def test_cli_names_a_graph_it_cannot_read(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: str) -> None:
    graph = tmp_path / name
    graph.write_text(content, encoding="utf-8")
    assert main(["eval", "--gold", str(GOLD), "--graph", str(graph)]) == 2
    err = capsys.readouterr().err
    assert name in err and "Traceback" not in err


@pytest.mark.parametrize("mode", [[], ["--json"], ["--errors"]])
def test_a_reader_that_stops_early_gets_no_traceback(mode: list[str]) -> None:
    """`kg eval --json | head`: the pipe is closed before kg writes; kg ends without a traceback."""
    command = [sys.executable, "-c", "import sys; from kg.cli import main; sys.exit(main())", "eval", "--gold", str(GOLD), "--graph", str(GRAPH), *mode]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # the reader is gone before the first write
    err = process.stderr.read().decode()
    assert process.wait(timeout=60) in (0, 1)
    assert "Traceback" not in err and "BrokenPipe" not in err
