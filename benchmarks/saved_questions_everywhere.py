"""Every saved question's row count in each store: Oxigraph over the TriG (`kg query`), rdflib over the Turtle
export, and Virtuoso after `kg push` of the TriG (started on loopback in a temporary folder, when installed).

The rows must be equal: a question that counts differently in one store depends on how that store
builds its default graph (Virtuoso's repeats a triple once per named graph that states it). Prints
a markdown table, and the first line of any store's error; asserts nothing.

    python benchmarks/saved_questions_everywhere.py [--graph exports/kg.trig]
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import requests
from rdflib import Graph

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.sparql.saved import saved_questions  # noqa: E402
from kg.sparql.store import SparqlStore  # noqa: E402
from tests.utils.virtuoso import running_virtuoso  # noqa: E402


def virtuoso_rows(url: str, query: str) -> str:
    response = requests.post(f"{url}/sparql", data={"query": query}, headers={"Accept": "application/sparql-results+json"}, timeout=120)
    if response.status_code != 200:
        return "error: " + " ".join(response.text.split())[:100]
    return str(len(response.json()["results"]["bindings"]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--graph", type=Path, default=ROOT / "exports" / "kg.trig")
    args = parser.parse_args()
    questions = saved_questions()
    oxigraph = SparqlStore.open(args.graph)
    counts: dict[str, list[str]] = {q.name: [str(len(list(oxigraph.query(q.text))))] for q in questions}
    turtle = Graph().parse(args.graph.with_suffix(".ttl"), format="turtle")
    for question in questions:
        counts[question.name].append(str(len(turtle.query(question.text))))
    binary = "/usr/bin/virtuoso-t"
    if os.path.exists(binary):
        from kg.cli import main as kg

        with running_virtuoso(binary) as virtuoso:
            os.environ["KG_PUSH_PASSWORD"] = "dba"
            pushed = kg(["push", "--endpoint", virtuoso.graph_store, "--graph", str(args.graph), "--user", "dba", "--auth", "digest"])
            for question in questions:
                counts[question.name].append(virtuoso_rows(virtuoso.url, question.text) if pushed == 0 else "push failed")
    else:
        for question in questions:
            counts[question.name].append("not installed")
    print(f"Saved questions over {args.graph.relative_to(ROOT) if args.graph.is_relative_to(ROOT) else args.graph} ({len(oxigraph):,} triples)\n")
    print("| saved question | Oxigraph (TriG) | rdflib (Turtle) | Virtuoso (after kg push) | equal |")
    print("|---|---:|---:|---:|---|")
    for name, row in counts.items():
        print(f"| {name} | {' | '.join(row)} | {'yes' if len(set(row)) == 1 else 'NO'} |")


if __name__ == "__main__":
    main()
