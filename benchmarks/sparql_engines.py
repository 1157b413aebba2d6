"""rdflib against pyoxigraph on the project's graphs: load time, peak memory, each saved question's time.

Usage: .venv/bin/python benchmarks/sparql_engines.py [--triples N] [--timeout SECONDS] [--seed-only]

Two graphs: the seed exports (exports/kg.trig) and a synthetic TriG graph of about --triples triples in
the project's data model (one named graph per source, people and organisations repeated in every source
that names them, every edge reified and annotated), written deterministically into a temporary folder.
Each engine runs in its own process, so that its peak RSS is its own:

- rdflib: ``Dataset(default_union=True).parse`` and ``.query``;
- pyoxigraph: ``kg.sparql.store.SparqlStore`` in memory (its load includes copying the merge of all
  named graphs into the default graph, which is what the questions read);
- pyoxigraph on disk: ``SparqlStore`` with a store folder, timed when first loaded and when reopened
  (the queries run on the reopened store).

Every query runs in a forked child (the loaded graph is shared copy-on-write) that is killed after
--timeout seconds (reported as ">Ns"), so one slow query cannot stall the benchmark.

Prints markdown tables; never asserts anything about times.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import select
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.sparql.saved import saved_questions

SEED = ROOT / "exports" / "kg.trig"
ENGINES = ("rdflib", "pyoxigraph", "pyoxigraph-disk-first", "pyoxigraph-disk-reopen")
LABELS = {
    "rdflib": "rdflib 7 (Dataset)",
    "pyoxigraph": "pyoxigraph, in memory (SparqlStore)",
    "pyoxigraph-disk-first": "pyoxigraph on disk, first load",
    "pyoxigraph-disk-reopen": "pyoxigraph on disk, reopened",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--triples", type=int, default=1_000_000, help="size of the synthetic graph (default: %(default)s)")
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds each query may take (default: %(default)s)")
    parser.add_argument("--seed-only", action="store_true", help="measure the seed exports only")
    parser.add_argument("--worker", nargs=3, metavar=("ENGINE", "GRAPH", "STORE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(*args.worker, timeout=args.timeout)
        return
    with tempfile.TemporaryDirectory(prefix="kg-sparql-bench-") as tmp:
        graphs = [("seed exports", SEED)]
        if not args.seed_only:
            started = time.perf_counter()
            synthetic = Path(tmp) / "synthetic.trig"
            count = write_synthetic(synthetic, args.triples)
            print(f"generated {synthetic.name}: {count:,} triples, {synthetic.stat().st_size / 1e6:.0f} MB in {time.perf_counter() - started:.1f} s\n")
            graphs.append((f"synthetic, {count / 1e6:.2f} M triples", synthetic))
        for label, graph in graphs:
            store = Path(tmp) / f"store-{graph.stem}"
            results = {engine: measure(engine, graph, store, args.timeout) for engine in ENGINES}
            print_tables(label, graph, results, args.timeout)


# --- measuring ------------------------------------------------------------------------------


def measure(engine: str, graph: Path, store: Path, timeout: float) -> dict:
    """Run one engine in a fresh process; its JSON lines become one dict (load, questions, peak)."""
    command = [sys.executable, __file__, "--worker", engine, str(graph), str(store), "--timeout", str(timeout)]
    budget = 600 + timeout * (len(saved_questions()) + 1)
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=budget, check=False)
    except subprocess.TimeoutExpired:
        return {"error": f"no answer within {budget:.0f} s"}
    if done.returncode != 0:
        return {"error": done.stderr.strip().splitlines()[-1] if done.stderr.strip() else f"exit {done.returncode}"}
    result: dict = {"questions": {}}
    for line in done.stdout.splitlines():
        event = json.loads(line)
        if event.pop("event") == "query":
            result["questions"][event.pop("name")] = event
        else:
            result.update(event)
    return result


def worker(engine: str, graph: str, store: str, timeout: float) -> None:
    """In the engine's own process: load, report, then answer every saved question."""
    started = time.perf_counter()
    run, size = _load(engine, Path(graph), Path(store))
    _emit(event="load", seconds=time.perf_counter() - started, triples=size, load_peak_mb=_peak_mb())
    if engine == "pyoxigraph-disk-first":
        return
    for question in saved_questions():
        _emit(event="query", name=question.name, **_forked(run, question.text, timeout))
    _emit(event="end", peak_mb=max(_peak_mb(), resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024))


def _load(engine: str, graph: Path, store: Path) -> tuple[Callable[[str], int], int]:
    if engine == "rdflib":
        from rdflib import Dataset

        dataset = Dataset(default_union=True)
        dataset.parse(graph, format="trig" if graph.suffix == ".trig" else "turtle")
        return (lambda sparql: sum(1 for _ in dataset.query(sparql))), len(dataset)
    from kg.sparql.store import SparqlStore

    sparql_store = SparqlStore.open(graph, store if engine.startswith("pyoxigraph-disk") else None)
    size = len(sparql_store)
    return (lambda sparql: sum(1 for _ in sparql_store.query(sparql))), size


def _timed(run: Callable[[str], int], sparql: str) -> dict:
    started = time.perf_counter()
    rows = run(sparql)
    return {"seconds": time.perf_counter() - started, "rows": rows}


def _forked(run: Callable[[str], int], sparql: str, timeout: float) -> dict:
    """Answer in a forked child (the loaded graph is shared copy-on-write), killed after ``timeout`` seconds."""
    read, write = os.pipe()
    child = os.fork()
    if child == 0:
        os.close(read)
        os.write(write, json.dumps(_timed(run, sparql)).encode())
        os._exit(0)
    os.close(write)
    ready, _, _ = select.select([read], [], [], timeout)
    if not ready:
        os.kill(child, signal.SIGKILL)
    data = os.read(read, 1 << 16) if ready else b""
    os.close(read)
    os.waitpid(child, 0)
    return json.loads(data) if data else {"timeout": timeout}


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _emit(**event: object) -> None:
    print(json.dumps(event), flush=True)


# --- reporting ------------------------------------------------------------------------------


def print_tables(label: str, graph: Path, results: dict[str, dict], timeout: float) -> None:
    print(f"## {label} ({graph.name}, {graph.stat().st_size / 1e6:.1f} MB)\n")
    print("| engine | triples | load | peak RSS after load | peak RSS overall |")
    print("|---|---:|---:|---:|---:|")
    for engine, result in results.items():
        if "error" in result:
            print(f"| {LABELS[engine]} | failed: {result['error']} | | | |")
            continue
        overall = f"{result['peak_mb']:,.0f} MB" if "peak_mb" in result else ""
        print(f"| {LABELS[engine]} | {result['triples']:,} | {result['seconds']:.2f} s | {result['load_peak_mb']:,.0f} MB | {overall} |")
    queried = [engine for engine in ENGINES if results[engine].get("questions")]
    print("\n| saved question | rows | " + " | ".join(LABELS[engine] for engine in queried) + " |")
    print("|---|---:|" + "---:|" * len(queried))
    for question in saved_questions():
        answers = [results[engine]["questions"].get(question.name, {}) for engine in queried]
        rows = sorted({answer["rows"] for answer in answers if "rows" in answer})
        cells = [f">{answer['timeout']:.0f} s" if "timeout" in answer else f"{answer['seconds']:.3f} s" for answer in answers]
        print(f"| {question.name} | {' ≠ '.join(map(str, rows))} | " + " | ".join(cells) + " |")
    print()


# --- a synthetic graph in the project's data model ------------------------------------------

KGR = "https://w3id.org/sociaal-kg/id/"
KGT = "https://w3id.org/sociaal-kg/theme/"
PREAMBLE = """@prefix kg: <https://w3id.org/sociaal-kg/ontology#> .
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix schema: <https://schema.org/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""
WORDS = [
    "sociaal",
    "werk",
    "wijk",
    "gemeente",
    "zorg",
    "jongeren",
    "armoede",
    "samenwerking",
    "professionals",
    "bewoners",
    "beleid",
    "participatie",
    "inclusie",
    "eenzaamheid",
    "schulden",
    "wonen",
    "onderwijs",
    "veiligheid",
    "vrijwilligers",
    "praktijk",
    "onderzoek",
    "lectoraat",
    "hogeschool",
    "werkplaats",
    "kennis",
    "ervaring",
    "regie",
    "preventie",
    "gezondheid",
]
PEOPLE, ORGANISATIONS, THEMES, ARTICLES_PER_SOURCE = 3000, 800, 120, 20


def write_synthetic(path: Path, triples: int) -> int:
    """Write a TriG graph of at least ``triples`` triples, one a line (the same graph for the same size); returns the count."""
    rng = random.Random(20_260_101)
    count = 0
    with path.open("w", encoding="utf-8") as out:
        out.write(PREAMBLE)
        source = 0
        while count < triples:
            graph = _thesaurus() if source == 0 else _SourceGraph(rng, source).triples()
            out.write(f"<{graph[0]}> {{\n" + "\n".join(graph[1:]) + "\n}\n")
            count += len(graph) - 1
            source += 1
    return count


def _thesaurus() -> list[str]:
    lines = [f"{KGR}graph/thesaurus"]
    for theme in range(THEMES):
        concept = f"<{KGT}t{theme}>"
        lines += [f"{concept} a skos:Concept .", f'{concept} skos:prefLabel "thema {theme}"@nl .', f'{concept} skos:prefLabel "theme {theme}"@en .']
        if theme >= 6:
            lines.append(f"{concept} skos:broader <{KGT}t{theme // 6}> .")
    return lines


def _zipf(rng: random.Random, n: int) -> int:
    """A few very frequent nodes and a long tail, as people and organisations are in the real graph."""
    return min(int(rng.paretovariate(1.1)) - 1, n - 1) if rng.random() < 0.5 else rng.randrange(n)


class _SourceGraph:
    """One source (a magazine issue): its graph name, then its triples, every edge reified and annotated."""

    def __init__(self, rng: random.Random, source: int) -> None:
        self.rng, self.source = rng, source
        self.iri = f"<{KGR}source/s{source}>"
        self.out: list[str] = [f"{KGR}source/s{source}"]
        self.nodes: set[str] = set()
        self.annotations = 0

    def triples(self) -> list[str]:
        publication = f"<{KGR}publication/s{self.source}>"
        self._t(self.iri, "a", "schema:DigitalDocument")
        self._t(self.iri, "schema:name", f'"{self.source:05d}_synthetic.txt"')
        self._t(publication, "a", "schema:PublicationIssue")
        self._t(publication, "schema:name", f'"Magazine {self.source % 7}"')
        self._t(publication, "prov:wasDerivedFrom", self.iri)
        for number in range(ARTICLES_PER_SOURCE):
            self._article(publication, f"<{KGR}article/s{self.source}a{number}>", number)
        return self.out

    def _t(self, subject: str, predicate: str, obj: str) -> None:
        self.out.append(f"{subject} {predicate} {obj} .")

    def _article(self, publication: str, article: str, number: int) -> None:
        rng = self.rng
        self._t(article, "a", "schema:Article")
        self._t(article, "schema:headline", f'"{self._text(4)}"')
        self._t(article, "schema:genre", f'"{rng.choice(("interview", "column", "report"))}"')
        self._t(article, "schema:isPartOf", publication)
        self._t(article, "prov:wasDerivedFrom", self.iri)
        self._t(article, "schema:position", str(number + 1))
        self._annotate(article, "identifying")
        for _ in range(rng.choice((1, 1, 1, 2, 3))):
            self._edge(article, "schema:author", self._person())
        for _ in range(rng.choice((0, 0, 1))):
            self._edge(article, "kg:interviews", self._person())
        for _ in range(rng.randint(1, 4)):
            self._edge(article, "schema:mentions", self._person())
        for _ in range(rng.randint(1, 4)):
            self._edge(article, "schema:mentions", self._organisation())
        for theme in rng.sample(range(THEMES), rng.randint(2, 5)):
            self._edge(article, "schema:about", f"<{KGT}t{theme}>", weight=f"{rng.random():.2f}")
        for index in range(rng.choice((0, 1, 2, 3, 4, 5))):
            self._recommendation(article, f"<{KGR}recommendation/s{self.source}a{number}r{index}>")

    def _recommendation(self, article: str, node: str) -> None:
        self._t(node, "a", "kg:Recommendation")
        self._t(node, "schema:text", f'"{self._text(14)}"')
        self._annotate(node, "describing")
        self._edge(node, "schema:isPartOf", article)
        if self.rng.random() < 0.5:
            self._edge(node, "schema:author", self._person())
        if self.rng.random() < 0.6:
            self._edge(node, "schema:about", f"<{KGT}t{self.rng.randrange(THEMES)}>")

    def _person(self) -> str:
        number = _zipf(self.rng, PEOPLE)
        iri = f"<{KGR}person/p{number}>"
        if iri not in self.nodes:
            self.nodes.add(iri)
            self._t(iri, "a", "schema:Person")
            self._t(iri, "schema:name", f'"Persoon {number}"')
            self._annotate(iri, "identifying")
            if number % 4 == 0:
                self._t(iri, "schema:jobTitle", f'"{("lector", "onderzoeker", "adviseur", "wethouder")[number % 3]}"')
                self._edge(iri, "schema:affiliation", self._organisation(number % ORGANISATIONS))
        return iri

    def _organisation(self, number: int | None = None) -> str:
        number = _zipf(self.rng, ORGANISATIONS) if number is None else number
        iri = f"<{KGR}organization/o{number}>"
        if iri not in self.nodes:
            self.nodes.add(iri)
            self._t(iri, "a", "schema:Organization")
            self._t(iri, "schema:name", f'"Organisatie {number}"')
            if number >= 100 and number % 3 == 0:
                self._t(iri, "schema:parentOrganization", f"<{KGR}organization/o{number // 10}>")
            self._annotate(iri, "identifying")
        return iri

    def _edge(self, subject: str, predicate: str, obj: str, weight: str = "") -> None:
        statement = f"<{KGR}statement/s{self.source}n{self.annotations}>"
        self._t(subject, predicate, obj)
        self._t(statement, "a", "rdf:Statement")
        self._t(statement, "rdf:subject", subject)
        self._t(statement, "rdf:predicate", predicate)
        self._t(statement, "rdf:object", obj)
        if weight:
            self._t(statement, "kg:weight", weight)
        self._annotate(statement, "linking")

    def _annotate(self, body: str, motivation: str) -> None:
        """An annotation as the build writes it: 17 triples quoting a span of the source."""
        self.annotations += 1
        base = f"{KGR}annotation/s{self.source}n{self.annotations}"
        annotation, target, quote, position = f"<{base}>", f"<{base}/target>", f"<{base}/quote>", f"<{base}/position>"
        start = self.rng.randrange(200_000)
        exact = self._text(self.rng.randint(2, 12))
        for subject, predicate, obj in (
            (annotation, "a", "oa:Annotation"),
            (annotation, "oa:hasBody", body),
            (annotation, "oa:hasTarget", target),
            (annotation, "oa:motivatedBy", f"oa:{motivation}"),
            (annotation, "kg:confidence", f"{self.rng.uniform(0.5, 1):.2f}"),
            (annotation, "prov:wasGeneratedBy", f"<{KGR}activity/synthetic>"),
            (target, "a", "oa:SpecificResource"),
            (target, "oa:hasSource", self.iri),
            (target, "oa:hasSelector", quote),
            (target, "oa:hasSelector", position),
            (quote, "a", "oa:TextQuoteSelector"),
            (quote, "oa:exact", f'"{exact}"'),
            (quote, "oa:prefix", f'"{self._text(3)}"'),
            (quote, "oa:suffix", f'"{self._text(3)}"'),
            (position, "a", "oa:TextPositionSelector"),
            (position, "oa:start", str(start)),
            (position, "oa:end", str(start + len(exact))),
        ):
            self._t(subject, predicate, obj)

    def _text(self, words: int) -> str:
        return " ".join(self.rng.choice(WORDS) for _ in range(words))


if __name__ == "__main__":
    main()
