"""Is this a Dutch word? Frequencies from the ``wordfreq`` package (no word list typed here)."""

from __future__ import annotations

from functools import lru_cache

from wordfreq import zipf_frequency


@lru_cache(maxsize=200_000)
def zipf(word: str) -> float:
    """Zipf frequency of ``word`` in Dutch (0 when unknown; 3 is about once per million words)."""
    return zipf_frequency(word.lower(), "nl")
