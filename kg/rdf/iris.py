"""Stable, safe IRIs: a hash of what identifies a thing, never the raw text itself."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from rdflib import URIRef
from rdflib.term import Node

from kg.rdf.namespaces import KGR


def digest(*parts: str) -> str:
    """First 16 hex digits of SHA-256 over the parts (joined by a separator no text contains)."""
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def name_key(name: str) -> str:
    """A name folded for identity: case, diacritics, punctuation and spacing do not count."""
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).casefold()
    return re.sub(r"[^\w]+", " ", folded).strip()


def source(name: str) -> URIRef:
    return KGR[f"source/{digest(name)}"]


def original(name: str) -> URIRef:
    """The document a source's text was read from (a PDF), when that is not the text itself."""
    return KGR[f"original/{digest(name)}"]


def publication(source_name: str) -> URIRef:
    return KGR[f"publication/{digest(source_name)}"]


def article(source_name: str, start: int) -> URIRef:
    return KGR[f"article/{digest(source_name, str(start))}"]


def person(name: str) -> URIRef:
    return KGR[f"person/{digest(name_key(name))}"]


def organisation(key: str) -> URIRef:
    """``key`` is a gazetteer id (already a safe slug) or a canonical name (hashed)."""
    if re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", key):
        return KGR[f"organization/{key}"]
    return KGR[f"organization/{digest(name_key(key))}"]


def recommendation(source_name: str, start: int) -> URIRef:
    return KGR[f"recommendation/{digest(source_name, str(start))}"]


def statement(subject: URIRef, predicate: URIRef, obj: Node) -> URIRef:
    return KGR[f"statement/{digest(subject, predicate, obj.n3())}"]


def annotation(body: URIRef, source_name: str, start: int, end: int) -> URIRef:
    return KGR[f"annotation/{digest(body, source_name, str(start), str(end))}"]


def activity(version: str, started: str) -> URIRef:
    return KGR[f"activity/{digest(version, started)}"]


def software(version: str) -> URIRef:
    return KGR[f"software/kg-{version}"]


GRAPH_BUILD = KGR["graph/build"]
GRAPH_THESAURUS = KGR["graph/thesaurus"]
GRAPH_ADDRESSEES = KGR["graph/addressees"]
GRAPH_ONTOLOGY = KGR["graph/ontology"]
GRAPH_ANALYSIS = KGR["graph/analysis"]
