"""Dutch lemmas from simplemma, cached (the same words recur across a whole corpus).

simplemma's dictionary is read from a trie kept with the pipeline's other prepared setup
(`kg/prepared.py`): decoding the compressed dictionary that simplemma ships took half a second
of every build, the trie opens at once (simplemma's own ``TrieDictionaryFactory``; same entries).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import simplemma
from simplemma import Lemmatizer
from simplemma.strategies import DefaultStrategy
from simplemma.strategies.dictionaries.trie_dictionary_factory import TrieDictionaryFactory

from kg.prepared import prepared_folder

LANGUAGE = "nl"


@lru_cache(maxsize=1)
def _lemmatizer() -> Lemmatizer:
    tries = TrieDictionaryFactory(disk_cache_dir=str(prepared_folder("simplemma", _write_trie)))
    return Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=tries))


def _write_trie(folder: Path) -> None:
    TrieDictionaryFactory(disk_cache_dir=str(folder)).get_dictionary(LANGUAGE)


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """The lower-case Dutch lemma of ``word`` (the word itself, lower-cased, when unknown).

    simplemma writes some separable verbs with an underscore ("samenwerken" -> "samen_werken"
    while "samengewerkt" -> "samenwerken"); the underscore is dropped so both forms agree.
    """
    lemmatizer = _lemmatizer() if "\x00" not in word else simplemma  # a trie's keys hold no NUL
    return lemmatizer.lemmatize(word.lower(), lang=LANGUAGE).replace("_", "")
