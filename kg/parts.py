"""Each source's share of the exports, made once per content and kept in the cache folder.

A part is what a build needs of one source once it is extracted: its graph's TriG block, its
statements as sorted Turtle and JSON-LD rows (rows of every part merge into the merged files: see
`kg/rdf/turtle.py`), what the network reads of it (`kg/network/graph.py` ``projection`` and the
evidence digest), and the fact that it passed SHACL (a part is kept only then). Its graph is made,
checked, written and dropped one source at a time, so no step holds the corpus's graph.

A part is found by its content key: the code and ontology, the SHACL engine, and the source (its
name, text hash and what it was read from). A source's graph depends on the rest of the corpus
only through the names it resolves (`kg/resolve.py`), so the part keeps those names and is used
only while the corpus still resolves them alike. The build activity, which every build names
anew, is written into parts as a placeholder that the exports swap for this build's.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import shutil
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from operator import methodcaller
from pathlib import Path

from rdflib import Graph, URIRef

from kg.cache import remove_older
from kg.ingest import Source
from kg.model import Extraction
from kg.network.evidence import EvidenceDigest
from kg.network.graph import projection
from kg.rdf import iris
from kg.rdf.graph import SourceGraphWriter
from kg.rdf.jsonld import JsonLdWriter
from kg.rdf.namespaces import PREFIX_IRIS
from kg.rdf.nquads import ntriples, quads
from kg.rdf.provenance import activity_node
from kg.rdf import shacl_engines
from kg.rdf.turtle import TurtleWriter
from kg.rdf.validate import Part as Checked
from kg.rdf.validate import Validation, validate
from kg.resolve import NameLog, RecordingResolver, Resolver

PLACEHOLDER_STARTED = "1970-01-01T00:00:00Z"
PLACEHOLDER = activity_node(PLACEHOLDER_STARTED)  # the build activity as parts name it
STALE_SECONDS = 3600
UNUSED_DAYS = 30
ROWS_BLOCK = 1 << 18  # characters of rows read at a time
FILES = ("trig", "turtle.rows", "jsonld.rows", "nquads", "network.pickle", "names.json")


@dataclass(frozen=True)
class Part:
    """One source's cached share of the exports (``folder`` holds ``FILES``)."""

    name: str
    graph: URIRef
    folder: Path

    def text(self, name: str, activity: URIRef) -> str:
        """A whole file of the part ("trig", "nquads"), naming ``activity`` as the build activity."""
        return _swap((self.folder / name).read_text(encoding="utf-8"), activity)

    def turtle_rows(self, activity: URIRef) -> Iterator[str]:
        return self._rows("turtle.rows", activity)

    def jsonld_rows(self, activity: URIRef) -> Iterator[str]:
        return self._rows("jsonld.rows", activity)

    def network(self) -> tuple[list[tuple], EvidenceDigest]:
        with (self.folder / "network.pickle").open("rb") as stream:
            return pickle.load(stream)

    def _rows(self, name: str, activity: URIRef) -> Iterator[str]:
        """The rows of file ``name``, read a block of whole rows at a time and swapped without a
        Python call per row (that cost more than the merge itself); one block per part in memory."""
        swap = methodcaller("replace", str(PLACEHOLDER), str(activity))
        with (self.folder / name).open(encoding="utf-8", newline="\n") as rows:
            while block := rows.readlines(ROWS_BLOCK):
                yield from map(swap, block)


def _touch(folder: Path) -> None:
    """Mark a part used (parts unused for ``UNUSED_DAYS`` are removed: each edit of a source or
    of the code leaves its old parts behind)."""
    try:
        os.utime(folder)
    except OSError:
        pass  # a read-only cache


def _swap(text: str, activity: URIRef) -> str:
    return text.replace(str(PLACEHOLDER), str(activity)) if activity != PLACEHOLDER else text


class PartStore:
    """The parts in ``cache_dir/parts``, one folder per content key."""

    def __init__(self, cache_dir: Path, code: str, engine: str) -> None:
        self.folder = cache_dir / "parts"
        self.salt = f"{code}\n{engine}"
        if self.folder.is_dir():  # staging folders a killed build left (a part takes seconds to write)
            remove_older(self.folder, STALE_SECONDS, ".new-*")

    def key(self, source: Source) -> str:
        identity = (source.name, source.sha256, source.encoding, source.media_type, source.original, source.page_starts, source.metadata)
        return hashlib.sha256(f"{self.salt}\n{identity!r}".encode()).hexdigest()

    def get(self, source: Source, resolver: Resolver) -> Part | None:
        """The source's part when it is cached whole and its names resolve as they did."""
        folder = self.folder / self.key(source)
        try:
            names = json.loads((folder / "names.json").read_text(encoding="utf-8"))
            if not all((folder / name).is_file() for name in FILES) or not NameLog(**names).agrees(resolver):
                return None
        except (OSError, ValueError, TypeError):
            return None
        _touch(folder)
        return Part(source.name, iris.source(source.name), folder)

    def remove_unused(self) -> None:
        """Remove the parts no build has used for ``UNUSED_DAYS`` (after this build took its own)."""
        if self.folder.is_dir():
            remove_older(self.folder, UNUSED_DAYS * 86400)

    def put(self, source: Source, files: dict[str, bytes]) -> Part:
        """Write a part (``FILES`` by name, as ``make_part`` made them); in place only once whole."""
        self.folder.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(dir=self.folder, prefix=".new-"))
        try:
            for name in FILES:
                (staging / name).write_bytes(files[name])
            folder = self.folder / self.key(source)
            shutil.rmtree(folder, ignore_errors=True)  # a stale or broken copy
            try:
                os.rename(staging, folder)
            except OSError:  # another build sharing the cache put the same part first
                if not (folder / "names.json").is_file():
                    raise
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        return Part(source.name, iris.source(source.name), folder)


@dataclass(frozen=True)
class Context:
    """What making any source's part takes besides the source: the corpus's names, and what a
    source's graph is validated with (the graphs it refers to and the ontology, as N-Triples: made
    once per build and sent to each worker, not rebuilt for every source)."""

    resolver: Resolver
    checked_with: str
    ontology: str
    engine: str

    def validate(self, graph: Graph, text: str) -> Validation:
        """SHACL of a source's graph (``text``: its N-Triples) with what it refers to."""
        if self.engine == "shacl":
            return shacl_engines.validate_text(self.ontology, text + self.checked_with)
        shared = Graph().parse(data=self.checked_with, format="nt")
        return validate([Checked(list(graph))], list(shared), Path(self.ontology), 1, None, self.engine)


def make_part(source: Source, extraction: Extraction, context: Context) -> dict[str, bytes] | Validation:
    """A source's part as files by name, or the validation report of a graph that does not conform.
    A plain function of its arguments, so that it runs the same here, in a worker process or on a
    Dask worker (`kg/cluster.py`)."""
    recording = RecordingResolver(context.resolver)
    graph = Graph(store="SimpleMemory", identifier=iris.source(source.name))  # fewer indexes than rdflib's default: a third faster to write
    SourceGraphWriter(graph, source, PLACEHOLDER, recording).write(extraction)
    text = ntriples(graph)
    validation = context.validate(graph, text)
    if not validation.conforms:
        return validation
    turtle, jsonld = TurtleWriter(PREFIX_IRIS), JsonLdWriter(PREFIX_IRIS)
    rows = turtle.rows(graph)
    return {
        "trig": "".join(turtle.blocks_of_rows(rows, indent="    ")).encode("utf-8"),
        "turtle.rows": "".join(rows).encode("utf-8"),
        "jsonld.rows": "".join(jsonld.rows(graph)).encode("utf-8"),
        "nquads": quads(graph, text).encode("utf-8"),
        "network.pickle": pickle.dumps((projection(graph), EvidenceDigest.of(graph)), protocol=pickle.HIGHEST_PROTOCOL),
        "names.json": json.dumps(recording.log.__dict__, sort_keys=True, ensure_ascii=False).encode("utf-8"),
    }
