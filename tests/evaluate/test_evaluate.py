"""`evaluate` on a hand-written graph and gold with deliberate differences (see fixtures/)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, URIRef
from rich.console import Console

from kg.evaluate import EvalReport, evaluate, render_table
from kg.evaluate.gold import load_gold
from kg.evaluate.score import CATEGORIES, Counts

FIXTURES = Path(__file__).parent / "fixtures"
GOLD = FIXTURES / "gold"
GRAPH = FIXTURES / "graph.ttl"
SOURCE = "100_fixture.txt"

# (tp, fp, fn); the comments name the deliberate differences between graph.ttl and the gold.
EXPECTED = {
    # gold "Agenda" has no predicted article; predicted "Advertentie" has no gold one
    "articles": (3, 1, 1),
    # Daniëlle/Danielle and Olaf Stomp found; the second author Karin Bos is missing
    "authors": (2, 0, 1),
    # "J. Janssen" is "Janine Janssen"
    "interviewees": (1, 0, 0),
    # "Blokhuis" is "Paul Blokhuis"
    "persons": (1, 0, 0),
    # de Wit-Movisie and Janssen-Avans stated in this source; Stomp-Sociaal Werk Nederland has no
    # evidence so it counts (FP); Janssen-Hogeschool Utrecht is stated only in 200_other.txt
    "affiliations": (2, 1, 0),
    # VWS via alias, CBS via acronym, Avans via an affiliation, Utrecht via "Gemeente";
    # FP: Universiteit Utrecht, Sociaal Werk Nederland (affiliation), Movisie in "Advertentie";
    # FN: Hogeschool Utrecht of the unaligned "Agenda"
    "organisations": (5, 3, 1),
    # altLabel "kwetsbare mensen", English/Dutch prefLabels, unlabelled kgt:wijkteams;
    # ervaringskennis is not ervaringsdeskundigheid; sociaal domein and scholing missing
    "themes": (5, 1, 3),
    # one sentence cut without its full stop still matches; one wrong, one missed
    "recommendations": (3, 1, 1),
    # three of the four aligned articles have the gold's genre
    "genres": (3, 1, 1),
}


@pytest.fixture(scope="module")
def report() -> EvalReport:
    return evaluate(GOLD, GRAPH)


def _triples(report: EvalReport) -> dict[str, tuple[int, int, int]]:
    return {c: (v.tp, v.fp, v.fn) for c, v in report.categories.items()}


def test_counts_per_category(report: EvalReport) -> None:
    assert _triples(report) == EXPECTED


def test_only_sources_with_gold_are_scored(report: EvalReport) -> None:
    assert list(report.sources) == [SOURCE]
    assert report.missing_sources == ()


def test_part_files_are_merged_per_source() -> None:
    gold = load_gold([GOLD])
    assert list(gold) == [SOURCE]
    assert [a.titles[0] for a in gold[SOURCE].articles] == [
        "Samen sterker na de crisis",
        "‘Luister naar de mensen om wie het gaat’",
        "Wijkteams in beweging",
        "Agenda",
    ]


def test_to_dict_is_json_with_ratios(report: EvalReport) -> None:
    data = json.loads(json.dumps(report.to_dict()))
    assert set(data) == {"categories", "sources", "missing_sources"}
    assert data["categories"]["authors"] == {"tp": 2, "fp": 0, "fn": 1, "precision": 1.0, "recall": 0.6667, "f1": 0.8}
    assert data["sources"][SOURCE]["themes"]["tp"] == 5


def test_table_has_a_row_per_category(report: EvalReport) -> None:
    console = Console(width=120, record=True)
    console.print(render_table(report))
    text = console.export_text()
    for category in CATEGORIES:
        assert category in text


def test_missing_source_counts_all_gold_as_false_negatives(tmp_path: Path) -> None:
    graph = Graph().parse(GRAPH, format="turtle")
    graph.remove((URIRef("https://w3id.org/sociaal-kg/id/source/s100"), None, None))
    path = tmp_path / "without-100.ttl"
    graph.serialize(path, format="turtle")
    report = evaluate(GOLD, path)
    assert report.missing_sources == (SOURCE,)
    gold_sizes = {
        "articles": 4, "genres": 4, "authors": 3, "interviewees": 1, "persons": 1, "affiliations": 2,
        "organisations": 6, "themes": 8, "recommendations": 4,
    }
    assert _triples(report) == {c: (0, 0, n) for c, n in gold_sizes.items()}
    assert all(v.precision == 0.0 and v.recall == 0.0 and v.f1 == 0.0 for v in report.categories.values())


@pytest.mark.parametrize(("suffix", "fmt"), [(".trig", "trig"), (".jsonld", "json-ld")])
def test_trig_and_jsonld_give_the_same_scores(tmp_path: Path, suffix: str, fmt: str, report: EvalReport) -> None:
    dataset = Dataset()
    named = dataset.graph(URIRef("https://w3id.org/sociaal-kg/id/source/s100"))
    for triple in Graph().parse(GRAPH, format="turtle"):
        named.add(triple)
    path = tmp_path / f"kg{suffix}"
    dataset.serialize(path, format=fmt)
    assert _triples(evaluate(GOLD, path)) == _triples(report)


def test_unknown_graph_format_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "kg.xml"
    path.write_text("<rdf/>", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown graph format"):
        evaluate(GOLD, path)


def test_ratios_are_zero_without_predictions_or_gold() -> None:
    assert (Counts().precision, Counts().recall, Counts().f1) == (0.0, 0.0, 0.0)
    assert Counts(tp=1, fp=1, fn=3).to_dict() == {"tp": 1, "fp": 1, "fn": 3, "precision": 0.5, "recall": 0.25, "f1": 0.3333}
