"""Which graphs already passed SHACL: a record keyed by their content, kept in the cache folder.

A source's graph changes only when the source, the extraction or the RDF writer does, so an
unchanged source is not validated again. The key hashes the triples in a canonical order
(blank nodes are not used in source graphs), the shapes, the ontology and the engine and its version;
terms that change with every build without changing what is checked (the build activity's IRI
and start time) are replaced by a placeholder. Only passes are recorded: a failure is checked
again, so its report is always fresh.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

from rdflib.term import Node

from kg.rdf.shacl_engines import DEFAULT, engine_version

_PLACEHOLDER = "\x00volatile"


class ValidatedGraphs:
    def __init__(self, folder: Path, ontology_folder: Path, volatile: Iterable[Node] = (), engine: str = DEFAULT) -> None:
        self.folder = folder / "validated"
        self.volatile = frozenset(volatile)
        digest = hashlib.sha256(engine_version(engine).encode())
        for name in ("shapes.ttl", "kg.ttl"):
            digest.update((ontology_folder / name).read_bytes())
        self.salt = digest.digest()

    def key(self, triples: Iterable[tuple[Node, Node, Node]], shapes: tuple[str, ...] = ()) -> str:
        """The content key of ``triples`` checked against ``shapes`` (all when empty)."""
        lines = sorted(" ".join(_PLACEHOLDER if term in self.volatile else term.n3() for term in triple) for triple in triples)
        digest = hashlib.sha256(self.salt + " ".join(shapes).encode())
        for line in lines:
            digest.update(line.encode("utf-8", "surrogatepass"))
            digest.update(b"\n")
        return digest.hexdigest()

    def passed(self, key: str) -> bool:
        return (self.folder / key[:2] / key).is_file()

    def record(self, key: str) -> None:
        """Remember a pass; a cache folder that cannot be written only costs a validation later."""
        path = self.folder / key[:2] / key
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.touch()
        except OSError:
            return
