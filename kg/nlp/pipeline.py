"""The spaCy pipeline that reads an article's clean text.

``spacy.blank("nl")`` gives Dutch tokenisation; our registered components add persons,
organisations, themes and recommendations as span groups. Each component is a factory with a
config and its own scorer, so every stage can be evaluated apart (``kg.nlp.scoring``).
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.util import compile_infix_regex

COMPONENTS = ("kg_persons", "kg_organisations", "kg_themes", "kg_recommendations")


def _register() -> None:
    """Import the component modules so their factories are registered with spaCy."""
    from kg.nlp import organisations, persons, recommendations, themes  # noqa: F401


def split_compounds(nlp: Language) -> None:
    """Split "Movisie-bestuurder" and "ggz-aanbieders" at the hyphen (a lowercase part follows),
    so that the organisation or theme in the first part is a token of its own; names such as
    "Bakker-Klein" or "Anne-Marie" (a capital follows) stay whole."""
    infixes = [*nlp.Defaults.infixes, r"(?<=[A-Za-zÀ-ÿ])-(?=[a-zà-ÿ]{2})"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


@lru_cache(maxsize=1)
def make_nlp() -> Language:
    _register()
    nlp = spacy.blank("nl")
    split_compounds(nlp)
    nlp.add_pipe("sentencizer")
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp
