"""Every saved question gives the same rows in Virtuoso, after `kg push` of the seed TriG, as `kg query` gives here.

Virtuoso's default graph repeats a triple once per named graph that states it, and it refuses some
forms Oxigraph accepts (an aggregate's alias in ORDER BY): a question that passes here is written
so that neither changes its answer.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import pytest
import requests

from kg.cli import main
from kg.sparql.saved import saved_questions
from kg.sparql.store import SparqlStore
from tests.utils.building import EXPORTS
from tests.utils.virtuoso import Virtuoso, require_virtuoso, running_virtuoso

LISTS = {"headlines", "organisationNames", "jobTitles", "via"}
"""GROUP_CONCAT columns: the order inside them is the store's, so they compare as sets."""


@pytest.fixture(scope="module")
def virtuoso() -> Iterator[Virtuoso]:
    """A Virtuoso holding the seed graph, pushed the way a user does."""
    with running_virtuoso(require_virtuoso()) as server:
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("KG_PUSH_PASSWORD", "dba")
            assert main(["push", "--endpoint", server.graph_store, "--graph", str(EXPORTS / "kg.trig"), "--user", "dba", "--auth", "digest"]) == 0
        yield server


def _cell(column: str, value: str) -> object:
    if column in LISTS:
        return frozenset(value.split(" | " if " | " in value else "; ")) - {""}
    try:
        return round(float(value), 9)  # 0.5 and 0.50, 2 and 2.0E0: one number
    except ValueError:
        return value


@pytest.mark.parametrize("question", saved_questions(), ids=lambda question: question.name)
def test_virtuoso_gives_the_same_rows(virtuoso: Virtuoso, question: object, seed_store: SparqlStore) -> None:
    here = seed_store.query(question.text)
    columns = [variable.value for variable in here.variables]
    ours = Counter(tuple(_cell(c, "" if row[c] is None else row[c].value) for c in columns) for row in here)
    response = requests.post(f"{virtuoso.url}/sparql", data={"query": question.text}, headers={"Accept": "application/sparql-results+json"}, timeout=120)
    assert response.status_code == 200, response.text[:300]
    theirs = Counter(tuple(_cell(c, row.get(c, {}).get("value", "")) for c in columns) for row in response.json()["results"]["bindings"])
    assert sum(theirs.values()) == sum(ours.values())
    assert theirs == ours


@pytest.fixture(scope="module")
def seed_store() -> SparqlStore:
    return SparqlStore.open(EXPORTS / "kg.trig")
