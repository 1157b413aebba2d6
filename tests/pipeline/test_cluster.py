"""`kg build --scheduler`: extraction and each source's part (its graph, validated and serialised)
on a real Dask cluster (a scheduler and two workers on 127.0.0.1) give the bytes of a local build; a scheduler nobody runs, or Dask missing, is one
line and no traceback."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import kg.cluster
import kg.stages
from kg.build import BuildError, InputError
from tests.utils.building import SEEDS, assert_same_exports, exported, run_build
from tests.utils.dask_cluster import local_cluster

SOURCES = [SEEDS / "000_b5a32a71feb637fb.txt", SEEDS / "001_4b697ca891046f76.txt", SEEDS / "004_24f140e9e9071b6d.txt"]


def test_a_build_on_a_cluster_gives_the_bytes_of_a_local_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    run_build(SOURCES, tmp_path / "local", tmp_path / "local-cache", jobs=1)

    def here(*_: object) -> None:
        raise AssertionError("a source's part was made in the building process, not on the cluster")

    monkeypatch.setattr(kg.stages, "make_part", here)
    with local_cluster(tmp_path) as address:
        capsys.readouterr()
        result = run_build(SOURCES, tmp_path / "cluster", tmp_path / "cluster-cache", jobs=1, scheduler=address)
    assert result.cached == 0
    assert capsys.readouterr().err.count("extracted on the cluster") == len(SOURCES)
    assert_same_exports(exported(tmp_path / "cluster"), exported(tmp_path / "local"))


def test_a_scheduler_nobody_runs_fails_the_build_with_its_address(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kg.cluster, "CONNECT_SECONDS", 2)
    with pytest.raises(BuildError, match="no Dask scheduler answers at tcp://127.0.0.1:9") as failed:
        run_build(SOURCES[:1], tmp_path / "out", tmp_path / "cache", scheduler="tcp://127.0.0.1:9")
    assert failed.value.exit_code == 1 and not (tmp_path / "out").exists()


def test_without_dask_installed_the_build_says_how_to_install_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed raises ImportError
    with pytest.raises(InputError, match=r"pip install 'kg\[cluster\]'"):
        run_build(SOURCES[:1], tmp_path / "out", tmp_path / "cache", scheduler="tcp://127.0.0.1:8786")
