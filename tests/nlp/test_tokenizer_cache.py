"""Warming the tokenizer's cache chunk by chunk (kg.nlp.pipeline.warm) leaves the tokens as they were."""

from __future__ import annotations

from kg.nlp.doctext import make_doc
from kg.nlp.pipeline import make_nlp, tokenizer, vocab
from tests.utils.building import SEEDS


def _tokens(doc: object) -> list[tuple[str, str, str, bool]]:
    return [(t.text, t.whitespace_, t.norm_, t.is_sent_start or False) for t in doc]  # type: ignore[attr-defined]


def test_warmed_tokens_are_those_of_a_tokenizer_without_a_cache() -> None:
    uncached = tokenizer.__wrapped__(vocab(), True)
    uncached.max_cache_size = 0  # tokenises every chunk afresh
    texts = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    texts.append("Zie bijv. dr. Jansen (o.a. ggz-aanbieders) en e-learning, enz.  Daarna: ‘z’n’ boek.")
    for text in texts:
        assert _tokens(make_doc(make_nlp(), text)) == _tokens(uncached(text))

