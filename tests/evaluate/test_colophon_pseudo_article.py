"""The graph states a colophon's people as editors and contributors of the issue; the gold
(GOLD_FORMAT.md) records them under a final pseudo-article "Colofon". The scorer reads one as the other."""

from __future__ import annotations

from rdflib import Graph

from kg.evaluate.predicted import read_predictions

GRAPH = """
@prefix schema: <https://schema.org/> . @prefix kg: <https://w3id.org/sociaal-kg/ontology#> .
@prefix prov: <http://www.w3.org/ns/prov#> . @prefix oa: <http://www.w3.org/ns/oa#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> . @prefix ex: <https://example.org/> .

ex:doc a schema:DigitalDocument ; schema:name "wijkblad.txt" .
ex:pub a schema:PublicationIssue ; schema:name "Wijkblad" ; prov:wasDerivedFrom ex:doc ;
    schema:editor ex:eva ; schema:contributor ex:koen .
ex:a1 a schema:Article ; schema:headline "Samen de straat op" ; prov:wasDerivedFrom ex:doc ;
    kg:firstLine 3 ; kg:lastLine 20 ; schema:author ex:lotte .
ex:a2 a schema:Article ; schema:headline "Achterkant" ; prov:wasDerivedFrom ex:doc ;
    kg:firstLine 40 ; kg:lastLine 50 .
ex:eva a schema:Person ; schema:name "Eva Mulder" ; schema:affiliation ex:movisie .
ex:koen a schema:Person ; schema:name "Koen Jansen" .
ex:lotte a schema:Person ; schema:name "Lotte Kramer" .
ex:movisie a schema:Organization ; schema:name "Movisie" .

ex:n1 oa:hasBody ex:a1 ; oa:hasTarget [ oa:hasSource ex:doc ; oa:hasSelector [ oa:start 10 ] ] .
ex:n2 oa:hasBody ex:a2 ; oa:hasTarget [ oa:hasSource ex:doc ; oa:hasSelector [ oa:start 900 ] ] .
ex:s1 rdf:subject ex:pub ; rdf:predicate schema:editor ; rdf:object ex:eva .
ex:n3 oa:hasBody ex:s1 ; oa:hasTarget [ oa:hasSource ex:doc ; oa:hasSelector [ oa:start 600 ] ] .
"""


def test_editors_and_contributors_make_a_colofon_pseudo_article_after_the_article_before_them() -> None:
    (record,) = read_predictions(Graph().parse(data=GRAPH, format="turtle")).values()
    titles = [a.titles[0] for a in record.articles]
    assert titles == ["Samen de straat op", "Colofon", "Achterkant"]
    colofon = record.articles[1]
    assert colofon.first_line == 21
    assert {p.names[0] for p in colofon.authors} == {"Eva Mulder", "Koen Jansen"}
    assert [o.names[0] for p in colofon.authors for o in p.affiliations] == ["Movisie"]
    assert [p.names[0] for p in record.articles[0].authors] == ["Lotte Kramer"]


def test_an_issue_without_colophon_people_has_no_pseudo_article() -> None:
    graph = Graph().parse(data=GRAPH, format="turtle")
    for predicate in ("editor", "contributor"):
        graph.update(f"PREFIX schema: <https://schema.org/> DELETE WHERE {{ ?p schema:{predicate} ?x }}")
    (record,) = read_predictions(graph).values()
    assert [a.titles[0] for a in record.articles] == ["Samen de straat op", "Achterkant"]
