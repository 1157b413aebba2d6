"""A doc's token attributes as plain lists, read from ``Doc.to_array``.

Iterating a doc makes a ``Token`` object per token and reading an attribute goes through it: for
rules that look at every token of every article, that was a large part of the extraction stage.
The arrays hold the same values (lexeme attributes such as ``ORTH``, ``IS_PUNCT``, ``SHAPE`` as
spaCy stores them), read in one call; strings are hashes until looked up in the vocabulary.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc


def rows(doc: Doc, *attrs: int) -> Iterator[tuple[int, ...]]:
    """Per token, the values of two or more ``attrs``, in that order (made from the columns: one
    list per token from ``tolist`` is several times slower)."""
    return zip(*columns(doc, *attrs))


def column(doc: Doc, attr: int) -> list[int]:
    """Per token, the value of ``attr``."""
    return doc.to_array(attr).tolist() if len(doc) else []


def columns(doc: Doc, *attrs: int) -> list[list[int]]:
    """Per attribute of two or more ``attrs``, its value for each token."""
    return doc.to_array(list(attrs)).T.tolist() if len(doc) else [[] for _ in attrs]


def strings(doc: Doc, attr: int) -> list[str]:
    """Per token, the string of ``attr`` (``ORTH``: its text, ``LOWER``: in lower case), read once
    per doc and kept in its user data for every rule that asks again."""
    key = f"kg.strings.{attr}"
    found = doc.user_data.get(key)
    if found is None:
        store = doc.vocab.strings
        found = doc.user_data[key] = [store[value] for value in column(doc, attr)]
    return found
