from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.utils.building import SEEDS, run_build


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed corpus built once per test session; returns the output folder."""
    out = tmp_path_factory.mktemp("seed-exports")
    cache = tmp_path_factory.mktemp("seed-cache")
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1700000000")
    run_build([SEEDS], out, cache, jobs=2)
    return out
