"""Cache of extractions keyed by a source's content hash and the pipeline's version.

The pipeline version hashes the code and data that extraction depends on, so any change to a
rule, a gazetteer or the thesaurus invalidates every entry without a manual bump.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import tempfile
import time
from functools import lru_cache
from pathlib import Path

from kg import __version__
from kg.model import Extraction
from kg.paths import PACKAGE, ontology_dir

#: Parts of the package that only read or present extractions: editing them keeps the cache valid.
DOWNSTREAM = {"commands", "evaluate", "maps", "network", "rdf", "sparql", "build.py", "cli.py", "cluster.py", "extraction.py", "output.py", "parts.py", "prepared.py", "progress.py", "resolve.py", "stages.py", "summary.py", "uptodate.py", "workers.py", "queries", "shapes.ttl", "kg.ttl", "organisations.md"}


@lru_cache(maxsize=1)
def pipeline_version() -> str:
    """A hash of everything an extraction depends on: the extraction code, its data and the ontology folder."""
    digest = hashlib.sha256(__version__.encode())
    files = sorted(PACKAGE.rglob("*.py")) + sorted((PACKAGE / "data").rglob("*")) + sorted(ontology_dir().rglob("*"))
    for path in files:
        relative = path.relative_to(PACKAGE if path.is_relative_to(PACKAGE) else ontology_dir()).parts
        if path.is_file() and "__pycache__" not in path.parts and relative[0] not in DOWNSTREAM:
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def remove_older(folder: Path, seconds: float, pattern: str = "*") -> None:
    """Remove the folders in ``folder`` (matching ``pattern``) untouched for ``seconds``: caches whose
    entries are keyed by content and code gain one at every edit and never lose one, and a killed
    build leaves its staging folders."""
    limit = time.time() - seconds
    for entry in folder.glob(pattern):
        try:
            if entry.is_dir() and entry.stat().st_mtime < limit:
                shutil.rmtree(entry, ignore_errors=True)
        except OSError:  # another build removed it first
            continue


def write_whole(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all (builds sharing a cache may write at once);
    a folder that cannot be written is left alone: the entry is made again next time."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, staging = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}-")
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(staging, path)
    except OSError:
        Path(staging).unlink(missing_ok=True)


def default_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "kg"


class ExtractionCache:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _path(self, sha256: str, name: str) -> Path:
        key = hashlib.sha256(f"{pipeline_version()}:{sha256}:{name}".encode()).hexdigest()
        return self.folder / key[:2] / f"{key}.pickle"

    def get(self, sha256: str, name: str) -> Extraction | None:
        path = self._path(sha256, name)
        try:
            with path.open("rb") as stream:
                value = pickle.load(stream)
        except Exception:  # a corrupt, truncated or foreign entry is a miss: the source is extracted again
            return None
        return value if isinstance(value, Extraction) else None

    def put(self, extraction: Extraction) -> None:
        path = self._path(extraction.sha256, extraction.source_name)
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(handle, "wb") as stream:
            pickle.dump(extraction, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temp, path)
