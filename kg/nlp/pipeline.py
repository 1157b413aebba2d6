"""The spaCy pipeline that reads an article's clean text.

``spacy.blank("nl")`` gives Dutch tokenisation; our registered components add persons,
organisations, themes and recommendations as span groups. Each component is a factory with a
config and its own scorer, so every stage can be evaluated apart (``kg.nlp.scoring``).

Building a Dutch tokenizer loads spaCy's ~9,000 tokenizer exceptions (0.4 s), and changing a
tokenizer's infixes loads them again. The tokenizers are therefore built once, each with its final
rules, and shared: the pipeline's, the themes' labels' and the organisation patterns' (see
:func:`tokenizer`).
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.lang.nl import Dutch
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex, registry
from spacy.vocab import Vocab, create_vocab

from kg import lexicon

COMPONENTS = ("kg_persons", "kg_organisations", "kg_themes", "kg_recommendations")

#: Split "Movisie-bestuurder" and "ggz-aanbieders" at the hyphen (a lowercase part follows), so
#: that the organisation or theme in the first part is a token of its own; names such as
#: "Bakker-Klein" or "Anne-Marie" (a capital follows) stay whole.
COMPOUND_INFIX = r"(?<=[A-Za-zÀ-ÿ])-(?=[a-zà-ÿ]{2})"


def _register() -> None:
    """Import the component modules so their factories are registered with spaCy."""
    from kg.nlp import organisations, persons, recommendations, themes  # noqa: F401


@lru_cache(maxsize=None)
def tokenizer(vocab: Vocab, compounds: bool) -> Tokenizer:
    """spaCy's Dutch tokenizer on ``vocab``, splitting compounds at a hyphen (``COMPOUND_INFIX``)
    when ``compounds``; one per vocabulary and kind."""
    defaults = Dutch.Defaults
    infixes = [*defaults.infixes, COMPOUND_INFIX] if compounds else defaults.infixes
    return Tokenizer(
        vocab,
        rules=defaults.tokenizer_exceptions,
        prefix_search=compile_prefix_regex(defaults.prefixes).search,
        suffix_search=compile_suffix_regex(defaults.suffixes).search,
        infix_finditer=compile_infix_regex(infixes).finditer,
        token_match=defaults.token_match,
        url_match=defaults.url_match,
    )


@lru_cache(maxsize=1)
def vocab() -> Vocab:
    """The Dutch vocabulary the pipeline and the tokenizers of its data share."""
    return create_vocab("nl", Dutch.Defaults)


@registry.tokenizers("kg.compounds.v1")
def _compound_tokenizer() -> object:
    return lambda nlp: tokenizer(nlp.vocab, True)


@lru_cache(maxsize=1)
def make_nlp() -> Language:
    """The pipeline, with the word frequency lists its rules read loaded too (setup, not reading)."""
    _register()
    lexicon.load()
    nlp = spacy.blank("nl", vocab=vocab(), config={"nlp": {"tokenizer": {"@tokenizers": "kg.compounds.v1"}}})
    nlp.add_pipe("sentencizer")
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp
