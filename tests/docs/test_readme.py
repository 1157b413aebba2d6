"""What the README promises a newcomer must hold."""

from __future__ import annotations

import re

import pytest

from tests.utils.building import EXPORTS, ROOT, load_turtle

README = (ROOT / "README.md").read_text(encoding="utf-8")
QUERIES = re.findall(r"```sparql\n(.*?)```", README, re.DOTALL)


def test_readme_gives_the_two_commands_and_ci_runs_the_test_command() -> None:
    assert "make demo" in README and "make test" in README
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


@pytest.mark.parametrize("query", QUERIES, ids=[f"query{i + 1}" for i in range(len(QUERIES))])
def test_readme_sparql_examples_answer_on_the_seed_exports(query: str) -> None:
    rows = list(load_turtle(EXPORTS / "kg.ttl").query(query))
    assert rows, query


def test_readme_has_at_least_three_queries() -> None:
    assert len(QUERIES) >= 3
