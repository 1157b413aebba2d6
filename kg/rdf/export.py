"""Deterministic, atomic exports: Turtle (merged), TriG (a named graph per source), JSON-LD.

All files are first written next to their targets under temporary names; only when every one
of them was written are they renamed into place, so a failed build leaves the previous exports.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from rdflib import Dataset, Graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from kg.rdf.namespaces import PREFIXES


def merged(dataset: Dataset) -> Graph:
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    for subject, predicate, obj, _ in dataset.quads((None, None, None, None)):
        graph.add((subject, predicate, obj))
    return graph


def _canonical_jsonld(graph: Graph) -> str:
    """rdflib's JSON-LD follows set order; sort nodes and values so the bytes are stable."""
    context = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
    data = json.loads(graph.serialize(format="json-ld", context=context, auto_compact=False))
    nodes = data.get("@graph", data if isinstance(data, list) else [data])

    def canon(value: object) -> object:
        if isinstance(value, list):
            items = [canon(v) for v in value]
            return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
        if isinstance(value, dict):
            return {k: canon(v) for k, v in value.items()}
        return value

    document = {"@context": context, "@graph": canon(nodes)}
    return json.dumps(document, sort_keys=True, ensure_ascii=False, indent=1) + "\n"


def _trig(dataset: Dataset) -> str:
    """TriG with named graphs in IRI order (rdflib's own TriG follows set order)."""
    prefixes: set[str] = set()
    blocks: list[str] = []
    for context in sorted(dataset.graphs(), key=lambda g: str(g.identifier)):
        if len(context) == 0 or context.identifier == DATASET_DEFAULT_GRAPH_ID:
            continue
        graph = Graph()
        for prefix, namespace in PREFIXES.items():
            graph.bind(prefix, namespace, override=True, replace=True)
        for triple in context:
            graph.add(triple)
        lines = graph.serialize(format="turtle").splitlines()
        prefixes.update(line for line in lines if line.startswith("@prefix"))
        body = "\n".join(line for line in lines if not line.startswith("@prefix")).strip("\n")
        blocks.append(f"<{context.identifier}> {{\n{body}\n}}\n")
    return "\n".join(sorted(prefixes)) + "\n\n" + "\n".join(blocks)


def _escape_replacement_characters(text: str) -> str:
    """OCR'd sources contain U+FFFD; quoted as printed it makes RDF parsers (Jena) warn about a
    decoding error, so it is written as the escape \\uFFFD (same literal, no warning). Only
    literals can hold it: IRIs never contain text."""
    return text.replace("\ufffd", "\\uFFFD")


def render(dataset: Dataset) -> dict[str, bytes]:
    """Serialise the dataset into the export files' bytes, keyed by file name."""
    for prefix, namespace in PREFIXES.items():
        dataset.bind(prefix, namespace, override=True, replace=True)
    graph = merged(dataset)
    return {
        "kg.ttl": _escape_replacement_characters(graph.serialize(format="turtle")).encode("utf-8"),
        "kg.trig": _escape_replacement_characters(_trig(dataset)).encode("utf-8"),
        "kg.jsonld": _canonical_jsonld(graph).encode("utf-8"),
    }


def write_atomically(files: dict[str, bytes], out_dir: Path) -> list[Path]:
    """Write all files to temporaries in ``out_dir``, then rename them into place."""
    out_dir.mkdir(parents=True, exist_ok=True)
    pending: list[tuple[Path, Path]] = []
    try:
        for name, data in sorted(files.items()):
            handle, temp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=out_dir)
            pending.append((Path(temp), out_dir / name))
            os.chmod(temp, 0o644)
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
    except BaseException:
        for temp, _ in pending:
            temp.unlink(missing_ok=True)
        raise
    for temp, target in pending:
        os.replace(temp, target)
    return [target for _, target in pending]
