"""The exports users import: deterministic, atomic, valid for other tools, with exact evidence."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Dataset, Graph
from rdflib.namespace import PROV, RDF

from kg.build import BuildError
from kg.rdf.namespaces import OA, SCHEMA
from tests.utils.building import EXPORTS, ROOT, SEEDS, assert_same_exports, exported, load_turtle, run_build


def test_building_twice_gives_byte_identical_exports(seed_build: Path, tmp_path: Path) -> None:
    """Also across processes with other hash seeds: set and dict order must never leak into the output."""
    again = tmp_path / "again"
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    command = [sys.executable, "-m", "kg.cli", "build", str(SEEDS), "--out", str(again), "--cache-dir", str(tmp_path / "cache"), "--force", "--jobs", "1"]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=900, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert {"kg.ttl", "kg.trig", "kg.jsonld", "network.graphml", "network.gexf", "maps/index.html", "maps/overview.html"} <= set(exported(again))
    assert_same_exports(exported(again), exported(seed_build))


def test_committed_seed_exports_equal_a_fresh_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    committed = load_turtle(EXPORTS / "kg.ttl")
    started = next(committed.objects(None, PROV.startedAtTime))
    epoch = int(started.toPython().timestamp())
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(epoch))
    run_build([SEEDS], tmp_path / "out", tmp_path / "cache", force=True)
    assert_same_exports(exported(tmp_path / "out"), exported(EXPORTS), "(exports/ is stale: run `make demo` and commit exports/)")


def test_every_position_selector_points_at_its_exact_text(seed_build: Path) -> None:
    graph = load_turtle(seed_build / "kg.ttl")
    texts = {str(name): (SEEDS / str(name)).read_text(encoding="utf-8") for name in graph.objects(None, SCHEMA.name) if (SEEDS / str(name)).is_file()}
    checked = 0
    for target in graph.subjects(RDF.type, OA.SpecificResource):
        source_name = str(graph.value(graph.value(target, OA.hasSource), SCHEMA.name))
        selectors = list(graph.objects(target, OA.hasSelector))
        position = next(s for s in selectors if (s, RDF.type, OA.TextPositionSelector) in graph)
        quote = next(s for s in selectors if (s, RDF.type, OA.TextQuoteSelector) in graph)
        start, end = int(graph.value(position, OA.start)), int(graph.value(position, OA.end))
        text = texts[source_name]
        assert text[start:end] == str(graph.value(quote, OA.exact))
        assert text[:start].endswith(str(graph.value(quote, OA.prefix)))
        assert text[end:].startswith(str(graph.value(quote, OA.suffix)))
        checked += 1
    assert checked > 100


def test_trig_has_one_named_graph_per_source(seed_build: Path) -> None:
    dataset = Dataset()
    dataset.parse(seed_build / "kg.trig", format="trig")
    documents = {str(g.identifier) for g in dataset.graphs() if (None, RDF.type, SCHEMA.DigitalDocument) in g}
    assert len(documents) == len(list(SEEDS.glob("*.txt")))
    merged = load_turtle(seed_build / "kg.ttl")
    assert len(set(dataset.quads((None, None, None, None)))) >= len(merged)


def test_jsonld_holds_the_same_triples_as_turtle(seed_build: Path) -> None:
    turtle = load_turtle(seed_build / "kg.ttl")
    jsonld = Graph().parse(seed_build / "kg.jsonld", format="json-ld")
    assert len(jsonld) == len(turtle)


def test_jena_riot_reads_turtle_and_trig_without_warnings(seed_build: Path) -> None:
    riot = ROOT / "tools" / "riot"
    if not Path("/usr/share/java/jena-core.jar").exists() or shutil.which("java") is None:
        message = "Apache Jena RIOT is missing: apt-get install libapache-jena-java (make test installs it as root)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    done = subprocess.run([str(riot), str(seed_build / "kg.ttl"), str(seed_build / "kg.trig")], check=False, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "" and done.stderr.strip() == "", done.stdout + done.stderr


def test_a_failed_build_leaves_the_previous_exports_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    run_build([SEEDS / "000_b5a32a71feb637fb.txt"], out, tmp_path / "cache")
    before = exported(out)
    strict_ontology = tmp_path / "ontology"
    shutil.copytree(ROOT / "ontology", strict_ontology)
    with (strict_ontology / "shapes.ttl").open("a", encoding="utf-8") as shapes:
        shapes.write(
            "\n<urn:test:impossible> a <http://www.w3.org/ns/shacl#NodeShape> ;\n"
            "  <http://www.w3.org/ns/shacl#targetClass> <https://schema.org/Article> ;\n"
            "  <http://www.w3.org/ns/shacl#property> [ <http://www.w3.org/ns/shacl#path> <urn:test:never> ;"
            " <http://www.w3.org/ns/shacl#minCount> 1 ] .\n"
        )
    monkeypatch.setenv("KG_ONTOLOGY", str(strict_ontology))
    with pytest.raises(BuildError, match="does not conform"):
        run_build([SEEDS], out, tmp_path / "cache")
    assert_same_exports(exported(out), before)


def test_unchanged_sources_come_from_the_cache_and_force_redoes_them(tmp_path: Path) -> None:
    source = SEEDS / "000_b5a32a71feb637fb.txt"
    first = run_build([source], tmp_path / "a", tmp_path / "cache")
    second = run_build([source], tmp_path / "b", tmp_path / "cache")
    forced = run_build([source], tmp_path / "c", tmp_path / "cache", force=True)
    assert (first.cached, second.cached, forced.cached) == (0, 1, 0)
    assert (tmp_path / "b" / "kg.ttl").read_bytes() == (tmp_path / "c" / "kg.ttl").read_bytes()
