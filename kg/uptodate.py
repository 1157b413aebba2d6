"""Nothing changed, nothing done: a record of the last build into each output folder.

The record (in the cache folder, one per ``--out``) holds a fingerprint of everything the
exports depend on (the sources' contents and names, the package's code and data, the ontology,
the versions of the libraries that write the files, ``SOURCE_DATE_EPOCH``) and the SHA-256 of
every file written. A build whose fingerprint matches, into a folder whose files still match,
has nothing to do. A changed, added or removed source, an edited rule or shape, or an export
deleted or edited by hand means a full build.
"""

from __future__ import annotations

import hashlib
import json
import os
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

from kg.ingest import Source
from kg.paths import PACKAGE, ontology_dir

LIBRARIES = ("rdflib", "pyshacl", "shacl", "spacy", "networkx", "numpy", "scipy", "pyvis", "pyoxigraph", "pypdfium2", "trafilatura", "python-docx", "lxml")


@lru_cache(maxsize=1)
def code() -> str:
    """A hash of the package's code and data, the ontology and the writing libraries' versions."""
    digest = hashlib.sha256(" ".join(version(name) for name in LIBRARIES).encode())
    for folder in (PACKAGE, ontology_dir()):
        for path in sorted(folder.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(folder)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def fingerprint(sources: list[Source], ocr: bool = False) -> str:
    digest = hashlib.sha256(code().encode() + b"ocr" * ocr)
    digest.update(os.environ.get("SOURCE_DATE_EPOCH", "").encode())
    for source in sources:
        digest.update(f"\n{source.name}\t{source.sha256}".encode())
    return digest.hexdigest()


def _sha256(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


class BuildRecord:
    def __init__(self, cache_dir: Path, out: Path) -> None:
        key = hashlib.sha256(str(out.resolve()).encode()).hexdigest()[:16]
        self.path = cache_dir / "builds" / f"{key}.json"
        self.out = out

    def unchanged(self, print_: str) -> tuple[list[Path], int] | None:
        """The files and triple count of the last build, when it had this fingerprint and its
        files are still as it wrote them; else None."""
        try:
            record = json.loads(self.path.read_text(encoding="utf-8"))
            files, triples = record["files"], int(record["triples"])
            if record["fingerprint"] != print_ or not isinstance(files, dict):
                return None
        except (OSError, ValueError, KeyError, TypeError):
            return None
        if any(_sha256(self.out / name) != digest for name, digest in files.items()):
            return None
        return [self.out / name for name in sorted(files)], triples

    def save(self, print_: str, names: list[str], triples: int) -> None:
        """Record this build (``names``: the files written, relative to the output folder); a
        cache folder that cannot be written only costs a build later."""
        files = {name: _sha256(self.out / name) for name in names}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.path.write_text(json.dumps({"fingerprint": print_, "files": files, "triples": triples}, sort_keys=True), encoding="utf-8")
        except OSError:
            return
