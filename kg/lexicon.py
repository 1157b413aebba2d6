"""Is this a Dutch word? Frequencies from the ``wordfreq`` package (no word list typed here)."""

from __future__ import annotations

from functools import lru_cache

LANGUAGES = ("nl", "en")  # the frequency lists the rules read


@lru_cache(maxsize=200_000)
def zipf(word: str) -> float:
    """Zipf frequency of ``word`` in Dutch (0 when unknown; 3 is about once per million words)."""
    from wordfreq import zipf_frequency  # loaded where words are weighed: not by every process of a build

    return zipf_frequency(word.lower(), "nl")


def load() -> None:
    """Read the frequency lists and wordfreq's language data now (0.2 s a language), with the rest
    of the pipeline's setup, rather than in the middle of the first article that asks about a word."""
    from wordfreq import get_frequency_dict, zipf_frequency

    for language in LANGUAGES:
        get_frequency_dict(language)
        zipf_frequency("de", language)  # the first question also loads the language's tokenizer data
