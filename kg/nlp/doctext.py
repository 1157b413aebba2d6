"""An article's text, read once per doc.

``Doc.text`` joins every token again on each access, so reading it once per person, span or
rule makes a long article quadratic. The rules read it through :func:`text_of` instead.
"""

from __future__ import annotations

from spacy.tokens import Doc

_KEY = "kg.text"


def text_of(doc: Doc) -> str:
    """``doc.text``, computed on the first call and kept in the doc's user data."""
    text = doc.user_data.get(_KEY)
    if text is None:
        text = doc.user_data[_KEY] = doc.text
    return text
