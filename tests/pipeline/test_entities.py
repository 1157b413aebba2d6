"""One node per real entity, with every surface form kept and every mention evidenced."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph, Literal
from rdflib.namespace import RDF, SKOS

from kg.rdf.namespaces import KG, SCHEMA
from tests.utils.building import load_turtle, run_build

MAGAZINE = """ Samen werken aan veiligheid

Door: Janine Janssen

Het lectoraat van Avans Hogeschool werkt al jaren samen met het Ministerie van Justitie en
Veiligheid. Onderzoekers van Avans spraken met ambtenaren van V&J over de aanpak van huiselijk
geweld. ‘Samenwerking begint met een gedeelde analyse van het probleem’, zegt Karin Mulder,
projectleider bij Movisie. ‘Professionals moeten eerst samen het probleem doorgronden.’ Volgens
Mulder is dat de les van dit jaar. ‘Gemeenten moeten daar ruimte voor maken’, aldus Mulder.

Janine Janssen is lector Veiligheid in Afhankelijkheidsrelaties aan Avans Hogeschool.

 Een tweede verhaal over samenwerking

Door: J. Janssen en Ben Kokkeler

De gemeenten in de regio werken samen met de politie en met Avans Hogeschool aan een betere
aanpak van huiselijk geweld. Daarvoor is kennis nodig van wat werkt, en tijd om die kennis te
delen met professionals. De onderzoekers pleiten voor een vaste plek waar die kennis samenkomt.
Zij vinden dat gemeenten en professionals elkaar vaker moeten opzoeken in de wijk.
"""


def _build(tmp_path: Path) -> Graph:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "magazine.txt").write_text(MAGAZINE, encoding="utf-8")
    run_build([tmp_path / "src"], tmp_path / "out", tmp_path / "cache")
    return load_turtle(tmp_path / "out" / "kg.ttl")


def _named(graph: Graph, kind, name: str) -> list:
    return [n for n in graph.subjects(SCHEMA.name, Literal(name)) if (n, RDF.type, kind) in graph]


def test_aliases_and_initials_are_one_node_each(tmp_path: Path) -> None:
    graph = _build(tmp_path)
    avans = _named(graph, SCHEMA.Organization, "Avans Hogeschool")
    assert len(avans) == 1
    assert Literal("Avans") in set(graph.objects(avans[0], SKOS.altLabel))
    ministry = _named(graph, SCHEMA.Organization, "Ministerie van Justitie en Veiligheid")
    assert len(ministry) == 1 and Literal("V&J") in set(graph.objects(ministry[0], SKOS.altLabel))
    janssen = _named(graph, SCHEMA.Person, "Janine Janssen")
    assert len(janssen) == 1
    assert not _named(graph, SCHEMA.Person, "J. Janssen")
    assert Literal("J. Janssen") in set(graph.objects(janssen[0], SKOS.altLabel))
    articles = set(graph.subjects(SCHEMA.author, janssen[0]))
    assert len(articles) == 2


def test_roles_affiliations_and_interviewees(tmp_path: Path) -> None:
    graph = _build(tmp_path)
    janssen = _named(graph, SCHEMA.Person, "Janine Janssen")[0]
    avans = _named(graph, SCHEMA.Organization, "Avans Hogeschool")[0]
    assert (janssen, SCHEMA.affiliation, avans) in graph
    assert any("lector" in str(t) for t in graph.objects(janssen, SCHEMA.jobTitle))
    mulder = _named(graph, SCHEMA.Person, "Karin Mulder")[0]
    movisie = _named(graph, SCHEMA.Organization, "Movisie")[0]
    assert (mulder, SCHEMA.affiliation, movisie) in graph
    assert any(graph.subjects(KG.interviews, mulder))


def test_recommendations_have_speaker_article_and_evidence(tmp_path: Path) -> None:
    graph = _build(tmp_path)
    texts = {str(graph.value(r, SCHEMA.text)): r for r in graph.subjects(RDF.type, KG.Recommendation)}
    quoted = next(r for t, r in texts.items() if t.startswith("‘Professionals moeten"))
    assert str(graph.value(graph.value(quoted, SCHEMA.author), SCHEMA.name)) == "Karin Mulder"
    assert (graph.value(quoted, SCHEMA.isPartOf), RDF.type, SCHEMA.Article) in graph
    assert any("pleiten voor" in t for t in texts)
