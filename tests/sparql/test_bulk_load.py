"""`kg build --nquads` for corpora past what one push should carry: Virtuoso's bulk loader (``ld_dir``,
``rdf_loader_run``) reads the per-source N-Quads into their named graphs, the same graphs kg.trig has."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rdflib import Dataset

from tests.utils.building import SEEDS, run_build
from tests.utils.virtuoso import require_virtuoso, running_virtuoso

SOURCES = [SEEDS / "000_b5a32a71feb637fb.txt", SEEDS / "001_4b697ca891046f76.txt"]


def test_virtuoso_bulk_loads_the_per_source_nquads_into_the_graphs_of_the_trig(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    binary = require_virtuoso()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    run_build(SOURCES, tmp_path / "out", tmp_path / "cache", nquads=True)
    files = sorted(path.name for path in (tmp_path / "out" / "nquads").iterdir())
    assert files == [f"{source.name}.nq" for source in SOURCES] + ["shared.nq"]
    trig = Dataset()
    trig.parse(tmp_path / "out" / "kg.trig", format="trig")
    expected = {str(graph.identifier): len(graph) for graph in trig.graphs() if len(graph)}
    with running_virtuoso(binary) as virtuoso:
        folder = virtuoso.folder / "load"  # inside the DirsAllowed of the test's virtuoso.ini
        shutil.copytree(tmp_path / "out" / "nquads", folder)
        virtuoso.isql(f"ld_dir('{folder}', '*.nq', 'urn:kg:no-default-graph');\nrdf_loader_run();\ncheckpoint;\n")
        report = virtuoso.isql("SELECT ll_file, ll_state, ll_error FROM DB.DBA.LOAD_LIST;\n")  # state 2: loaded
        rows = [line.split() for line in report.splitlines() if line.startswith(str(folder))]
        assert sorted((Path(file).name, state, error) for file, state, error in rows) == [(name, "2", "NULL") for name in files], report
        loaded = {graph: virtuoso.count(graph) for graph in expected}
    assert loaded == expected
