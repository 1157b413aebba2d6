"""Scores saved by one run (`--save`) and compared by the next (`--baseline`): the change per source
and category, and every loss listed, so a gain in one source cannot hide a loss in another."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from kg.cli import main
from kg.evaluate import evaluate
from kg.evaluate.baseline import BaselineError, load_baseline, losses
from kg.evaluate.report import render_sources

FIXTURES = Path(__file__).parent / "fixtures"
GOLD = FIXTURES / "gold"
GRAPH = FIXTURES / "graph.ttl"
SOURCE = "100_fixture.txt"


def _saved(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    saved = tmp_path / "scores.json"
    assert main(["eval", "--gold", str(GOLD), "--graph", str(GRAPH), "--save", str(saved)]) == 0
    capsys.readouterr()
    return saved


def _better_authors(saved: Path) -> Path:
    """The saved scores as if the run before had found every author of the source."""
    data = json.loads(saved.read_text(encoding="utf-8"))
    counts = data["sources"][SOURCE]["authors"]
    counts["tp"], counts["fn"] = counts["tp"] + counts["fn"], 0
    before = saved.with_name("before.json")
    before.write_text(json.dumps(data), encoding="utf-8")
    return before


def test_saved_scores_are_what_json_prints(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    saved = _saved(tmp_path, capsys)
    assert main(["eval", "--gold", str(GOLD), "--graph", str(GRAPH), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == json.loads(saved.read_text(encoding="utf-8"))


def test_a_baseline_reads_back_the_counts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = evaluate(GOLD, GRAPH)
    baseline = load_baseline(_saved(tmp_path, capsys))
    assert baseline.sources == report.sources and baseline.categories == report.categories
    assert losses(report, baseline) == []


def test_a_source_that_lost_is_listed_with_its_counts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = _better_authors(_saved(tmp_path, capsys))
    lost = losses(evaluate(GOLD, GRAPH), load_baseline(before))
    assert [(loss.source, loss.category) for loss in lost] == [(SOURCE, "authors"), ("all", "authors")]
    assert "F1 1.000 -> 0.800" in lost[0].describe() and "FN 0->1" in lost[0].describe()


def test_the_table_shows_each_change_and_the_cli_lists_the_losses(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = _better_authors(_saved(tmp_path, capsys))
    table = render_sources(evaluate(GOLD, GRAPH), load_baseline(before))
    authors = table.columns[3]
    assert authors.header == "auth" and "[red]-0.20[/]" in list(authors.cells)[0]
    assert main(["eval", "--gold", str(GOLD), "--graph", str(GRAPH), "--baseline", str(before)]) == 0
    out = capsys.readouterr().out
    assert f"{SOURCE} authors: F1 1.000 -> 0.800" in out and "-0.20" in out


def test_the_same_run_as_baseline_loses_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    saved = _saved(tmp_path, capsys)
    assert main(["eval", "--gold", str(GOLD), "--graph", str(GRAPH), "--baseline", str(saved)]) == 0
    assert "lost since" in (out := capsys.readouterr().out) and ": nothing" in out


@pytest.mark.parametrize(("content", "expected"), [("{ not json", "not a readable JSON file"), ('{"categories": {}}', "not the output of `kg eval --json`")])
def test_an_unreadable_baseline_is_refused_by_name(tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, expected: str) -> None:
    bad = tmp_path / "old.json"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(BaselineError):
        load_baseline(bad)
    assert main(["eval", "--gold", str(GOLD), "--graph", str(GRAPH), "--baseline", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "old.json" in err and expected in err and "Traceback" not in err


def test_scores_that_cannot_be_saved_are_refused_by_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "no-such-folder" / "scores.json"
    assert main(["eval", "--gold", str(GOLD), "--graph", str(GRAPH), "--save", str(target)]) == 2
    assert "scores.json" in capsys.readouterr().err


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_eval_scores_both_dev_sets_from_its_variables_and_compares_with_the_last_run() -> None:
    """`make eval GOLD=… GOLD_WEB=… EVAL_OUT=…`, shown (make -n), not run: builds go to EVAL_OUT, not exports."""
    root = Path(__file__).resolve().parents[2]
    shown = subprocess.run(
        ["make", "-n", "eval", "GOLD=/g/gold", "GOLD_WEB=/g/web", "EVAL_OUT=/o"],
        cwd=root, capture_output=True, text=True, check=True,
    ).stdout
    assert "kg build seeds --out /o/seeds" in shown and "kg build /g/web --out /o/web" in shown
    assert "--gold /g/gold --graph /o/seeds/kg.ttl --save /o/seeds.json" in shown
    assert "--gold /g/web --graph /o/web/kg.ttl --save /o/web.json" in shown
    assert "--baseline /o/seeds.before.json" in shown and "exports" not in shown
