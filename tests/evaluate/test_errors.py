"""What was wrong, not only how much: the false positives and negatives that `evaluate` keeps and
`kg eval --errors` shows, on the fixtures of test_evaluate.py."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rich.console import Console

from kg.cli import main
from kg.evaluate import EvalReport, evaluate, render_errors
from kg.evaluate.gold import Person
from kg.evaluate.score import CATEGORIES, MAX_TEXT, Counts, ErrorItem, describe

FIXTURES = Path(__file__).parent / "fixtures"
GOLD = FIXTURES / "gold"
GRAPH = FIXTURES / "graph.ttl"
SOURCE = "100_fixture.txt"
INTERVIEW_GOLD = "‘Luister naar de mensen om wie het gaat’"  # the gold title of the interview
INTERVIEW_GRAPH = "Luister naar de mensen om wie het gaat"  # its headline in graph.ttl


@pytest.fixture(scope="module")
def report() -> EvalReport:
    return evaluate(GOLD, GRAPH)


def _eval(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["eval", "--gold", str(GOLD), "--graph", str(GRAPH), *args])
    return code, capsys.readouterr().out


def test_a_missed_author_is_listed_with_the_gold_article_and_source(report: EvalReport) -> None:
    authors = report.categories["authors"]
    assert authors.false_negatives == (ErrorItem("Karin Bos", SOURCE, INTERVIEW_GOLD),)
    assert authors.false_positives == ()


def test_a_spurious_organisation_is_listed_with_the_predicted_article_and_source(report: EvalReport) -> None:
    organisations = report.categories["organisations"]
    assert ErrorItem("Universiteit Utrecht", SOURCE, INTERVIEW_GRAPH) in organisations.false_positives
    # items of articles without a partner: all spurious (predicted) or all missed (gold)
    assert ErrorItem("Movisie", SOURCE, "Advertentie") in organisations.false_positives
    assert organisations.false_negatives == (ErrorItem("Hogeschool Utrecht", SOURCE, "Agenda"),)


def test_per_source_categories_name_no_article(report: EvalReport) -> None:
    assert report.categories["affiliations"].false_positives == (ErrorItem("Olaf Stomp — Sociaal Werk Nederland", SOURCE),)
    assert report.categories["recommendations"].false_negatives == (ErrorItem("Bewoners zouden eerder bij het wijkteam moeten aankloppen.", SOURCE),)
    assert report.categories["articles"].false_negatives == (ErrorItem("Agenda", SOURCE),)


def test_counts_equal_the_lengths_of_the_lists(report: EvalReport) -> None:
    for counts in [*report.categories.values(), *report.sources[SOURCE].values()]:
        assert counts.fp == len(counts.false_positives)
        assert counts.fn == len(counts.false_negatives)


def test_a_missing_source_lists_every_gold_item_as_missed(tmp_path: Path) -> None:
    path = tmp_path / "empty.ttl"
    path.write_text("", encoding="utf-8")
    authors = evaluate(GOLD, path).categories["authors"]
    assert [(e.text, e.article) for e in authors.false_negatives] == [
        ("Daniëlle de Wit", "Samen sterker na de crisis"),
        ("Olaf Stomp", INTERVIEW_GOLD),
        ("Karin Bos", INTERVIEW_GOLD),
    ]


def test_the_lists_do_not_change_equality_or_to_dict() -> None:
    with_lists = Counts(1, 1, 0, false_positives=(ErrorItem("X", SOURCE),))
    assert with_lists == Counts(1, 1, 0)
    assert with_lists.to_dict() == Counts(1, 1, 0).to_dict()
    assert (with_lists + with_lists).false_positives == (ErrorItem("X", SOURCE),) * 2


def test_a_long_sentence_is_cut_to_one_line() -> None:
    text = describe("Gemeenten moeten\n" + "heel " * 100)
    assert len(text) == MAX_TEXT and text.endswith("…") and "\n" not in text
    assert describe(Person(("J. Janssen", "Janine Janssen"))) == "J. Janssen"


def test_render_errors_groups_by_source_and_article(report: EvalReport) -> None:
    console = Console(width=120, record=True)
    console.print(render_errors(report, ["organisations"]))
    text = console.export_text()
    assert "organisations: 1 missed, 3 spurious" in text
    spurious = text.index("spurious (false positives)")
    positions = [text.index(part, spurious) for part in (SOURCE, INTERVIEW_GRAPH, "Universiteit Utrecht")]
    assert positions == sorted(positions)


def test_cli_errors_prints_the_named_categories_after_the_table(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _eval(capsys, "--errors", "authors")
    assert code == 0
    assert out.index("recommendations") < out.index("authors: 1 missed, 0 spurious") < out.index("Karin Bos")
    assert INTERVIEW_GOLD in out and SOURCE in out
    assert "organisations: " not in out


def test_cli_bare_errors_prints_every_category(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _eval(capsys, "--errors")
    assert code == 0
    assert all(f"{category}: " in out for category in CATEGORIES)


def test_cli_refuses_an_unknown_category(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["eval", "--gold", str(GOLD), "--graph", str(GRAPH), "--errors", "authors", "writers"])
    err = capsys.readouterr().err
    assert code == 2
    assert "writers" in err and all(category in err for category in CATEGORIES)


def test_cli_json_with_errors_has_the_lists(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _eval(capsys, "--json", "--errors", "authors", "organisations")
    assert code == 0
    scores = json.loads(out)["sources"][SOURCE]
    assert scores["authors"]["false_negatives"] == [{"text": "Karin Bos", "article": INTERVIEW_GOLD}]
    assert scores["authors"]["false_positives"] == []
    assert {"text": "Universiteit Utrecht", "article": INTERVIEW_GRAPH} in scores["organisations"]["false_positives"]
    assert len(scores["organisations"]["false_positives"]) == scores["organisations"]["fp"]
    assert "false_negatives" not in scores["themes"]


def test_cli_json_without_errors_has_no_lists(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _eval(capsys, "--json")
    assert code == 0
    assert "false_positives" not in out
