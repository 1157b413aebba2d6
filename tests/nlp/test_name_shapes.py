"""kg.nlp.name_shapes finds what spaCy's Matcher finds with the shapes' token patterns."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import pytest
from spacy.matcher import Matcher
from spacy.tokens import Doc

from kg.nlp.name_shapes import MAX_SUFFIX_NAME, NAME_SHAPE, NameShapes, name_or_connector
from kg.nlp.organisations import DEFAULT_PATTERNS, PatternData
from kg.nlp.pipeline import make_nlp, tokenizer, vocab
from tests.utils.building import SEEDS

EDGES = [
    "het ministerie van VWS en de gemeente Utrecht; het Ministerie Van Justitie",
    "Werkplaats Sociaal Domein Noord en de werkplaats sociaal domein van Twente",
    "bij de Universiteit van Amsterdam, Centrum voor Sociaal Werk en Instituut voor 2030",
    "Een Twee Drie Vier Vijf Instituut, Łódź Universiteit, 2 Instituut en Instituut",
    "stichting van de Jongeren en stichting en de Ouderen",
    "De gemeente\n\nUtrecht en de provincie",
    "Zorg- en Veiligheidshuis Twente, Koninklijke Landelijk Nationaal Raad",
    "gemeente",
    "",
]


def _matcher_patterns(make_doc: Callable[[str], Doc], data: PatternData) -> Iterable[tuple[str, list[dict[str, Any]]]]:
    """The shapes as token patterns for spaCy's Matcher, the reference."""
    name = {"SHAPE": {"REGEX": NAME_SHAPE}}
    optional_connector = {"LOWER": {"IN": sorted(data.connectors)}, "OP": "?"}
    goes_on = {"TEXT": {"REGEX": name_or_connector(data.connectors)}, "OP": "*"}
    for head in data.lowercase_heads:
        yield "PREFIX", [*({"LOWER": t.text} for t in make_doc(head.lower())), optional_connector, name, goes_on]
    for head in data.capitalised_heads:
        yield "PREFIX", [*({"ORTH": t.text} for t in make_doc(head)), name, goes_on]
    for head in data.suffix_heads:
        yield "SUFFIX", [{**name, "OP": f"{{1,{MAX_SUFFIX_NAME}}}"}, {"ORTH": head}]


def _reference(matcher: Matcher, doc: Doc) -> tuple[dict[int, int], dict[int, int]]:
    prefixes: dict[int, int] = {}
    suffixes: dict[int, int] = {}
    for match_id, start, end in matcher(doc):
        if doc.vocab.strings[match_id] == "PREFIX":
            prefixes[start] = max(end, prefixes.get(start, end))
        else:
            suffixes[end] = min(start, suffixes.get(end, start))
    return prefixes, suffixes


@pytest.fixture(scope="module")
def both() -> tuple[NameShapes, Matcher]:
    data = PatternData.load(DEFAULT_PATTERNS)
    make_doc = tokenizer(vocab(), False)
    matcher = Matcher(vocab())
    for label, pattern in _matcher_patterns(make_doc, data):
        matcher.add(label, [pattern])
    shapes = NameShapes(vocab(), make_doc, data.lowercase_heads, data.capitalised_heads, data.suffix_heads, data.connectors)
    return shapes, matcher


@pytest.mark.parametrize("text", EDGES)
def test_same_as_the_matcher_on_edge_cases(both: tuple[NameShapes, Matcher], text: str) -> None:
    shapes, matcher = both
    doc = make_nlp().make_doc(text)
    assert shapes(doc) == _reference(matcher, doc)


def test_same_as_the_matcher_on_the_seeds(both: tuple[NameShapes, Matcher]) -> None:
    shapes, matcher = both
    found = 0
    for path in sorted(SEEDS.glob("*.txt")):
        doc = make_nlp().make_doc(path.read_text(encoding="utf-8"))
        expected = _reference(matcher, doc)
        assert shapes(doc) == expected, path.name
        found += len(expected[0]) + len(expected[1])
    assert found > 100  # the seeds name many organisations by their shape


def test_a_name_needs_a_capital_after_the_head(both: tuple[NameShapes, Matcher]) -> None:
    shapes, _ = both
    doc = make_nlp().make_doc("de gemeente besloot; de gemeente Deventer en Raalte")
    prefixes, suffixes = shapes(doc)
    assert [doc[start:end].text for start, end in prefixes.items()] == ["gemeente Deventer en Raalte"]
    assert suffixes == {}
