"""A box printed inside an article has its own facts: they are not also its host's."""

from __future__ import annotations

from pathlib import Path

from kg.extract.source import extract
from kg.ingest import Source

BODY = [
    "Bewoners van de wijk kwamen dit voorjaar nauwelijks buiten. De buurtwerkers belden",
    "iedereen die ze kenden en brachten soep rond bij wie alleen woonde. Zo bleef het contact",
    "bestaan, ook al zag niemand elkaar. Vrijwilligers hielpen met boodschappen en met",
    "de computer, zodat opa en oma hun kleinkinderen toch konden zien op een scherm.",
]
HOST = [" Buurtwerk op afstand", "Door: Kees Smit", "", *BODY, "Ook de bibliotheek deed mee en leende tablets uit aan wie er geen had. Die"]
BOX = [
    "",
    "Project Digitale",
    "buurtkamer",
    "",
    "Het project is een samenwerking van het Nederlands Jeugdinstituut en de Vereniging van",
    "Nederlandse Gemeenten. Zij zochten tien wijken die het digitale buurthuis wilden proberen",
    "en die hun ervaringen wilden delen met andere gemeenten in het hele land.",
    "Lees meer over het project op buurtkamer.nl/",
    "digitaal.",
    "",
]
REST = ["tablets kwamen na de zomer terug en gingen naar de volgende groep bewoners bij Movisie.", *BODY]


def organisations(text: str) -> dict[str, set[str]]:
    source = Source(Path("box.txt"), "box.txt", text, "0" * 64, "utf-8", "text/plain")
    return {article.headline.text: {o.text for o in article.organisations} for article in extract(source).articles}


def test_a_boxs_organisations_are_the_boxs_and_the_host_keeps_its_own() -> None:
    found = organisations("\n".join([*HOST, *BOX, *REST]))
    assert set(found) == {"Buurtwerk op afstand", "Project Digitale buurtkamer"}
    assert {"Nederlands Jeugdinstituut", "Vereniging van Nederlandse Gemeenten"} <= found["Project Digitale buurtkamer"]
    assert "Movisie" in found["Buurtwerk op afstand"]
    assert not found["Buurtwerk op afstand"] & {"Nederlands Jeugdinstituut", "Vereniging van Nederlandse Gemeenten"}
