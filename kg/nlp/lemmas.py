"""Dutch lemmas from simplemma, cached (the same words recur across a whole corpus)."""

from __future__ import annotations

from functools import lru_cache

import simplemma


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """The lower-case Dutch lemma of ``word`` (the word itself, lower-cased, when unknown).

    simplemma writes some separable verbs with an underscore ("samenwerken" -> "samen_werken"
    while "samengewerkt" -> "samenwerken"); the underscore is dropped so both forms agree.
    """
    return simplemma.lemmatize(word.lower(), lang="nl").replace("_", "")
