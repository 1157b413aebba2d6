"""One scorer for every component that writes a span group: spaCy's span scorer on that group,
so ``nlp.evaluate`` reports ``<group>_p``, ``<group>_r`` and ``<group>_f`` per stage."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from spacy.scorer import Scorer
from spacy.training import Example


def score_span_group(key: str, examples: Iterable[Example], **kwargs: Any) -> dict[str, Any]:
    """Precision, recall and F of ``doc.spans[key]`` (exact extents and labels)."""
    kwargs.setdefault("getter", lambda doc, attr: doc.spans.get(key, []))
    kwargs.setdefault("has_annotation", lambda doc: key in doc.spans)
    return Scorer.score_spans(examples, key, **kwargs)
