"""Dutch lemmas from simplemma, cached (the same words recur across a whole corpus).

simplemma's dictionary is read from a trie kept with the pipeline's other prepared setup
(`kg/prepared.py`): decoding the compressed dictionary that simplemma ships took half a second
of every build, the trie opens at once (simplemma's own ``TrieDictionaryFactory``; same entries).
"""

from __future__ import annotations

from functools import lru_cache

from simplemma import Lemmatizer
from simplemma.strategies import DefaultStrategy
from simplemma.strategies.dictionaries.trie_dictionary_factory import TrieDictionaryFactory

from kg.prepared import folder


@lru_cache(maxsize=1)
def _lemmatizer() -> Lemmatizer:
    tries = TrieDictionaryFactory(disk_cache_dir=str(folder() / "simplemma"))
    return Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=tries))


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """The lower-case Dutch lemma of ``word`` (the word itself, lower-cased, when unknown).

    simplemma writes some separable verbs with an underscore ("samenwerken" -> "samen_werken"
    while "samengewerkt" -> "samenwerken"); the underscore is dropped so both forms agree.
    """
    return _lemmatizer().lemmatize(word.lower(), lang="nl").replace("_", "")
