"""An article's text, read once per doc.

``Doc.text`` joins every token again on each access, so reading it once per person, span or
rule makes a long article quadratic. The rules read it through :func:`text_of` instead.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

_KEY = "kg.text"


def text_of(doc: Doc) -> str:
    """``doc.text``, computed on the first call and kept in the doc's user data."""
    text = doc.user_data.get(_KEY)
    if text is None:
        text = doc.user_data[_KEY] = doc.text
    return text


def make_doc(nlp: Language, text: str) -> Doc:
    """``nlp.make_doc(text)`` with ``text`` already kept for :func:`text_of`: spaCy's tokenizer
    loses no character, so the doc's text is ``text`` and need not be joined from its tokens."""
    doc = nlp.make_doc(text)
    keep_text(doc, text)
    return doc


def keep_text(doc: Doc, text: str) -> None:
    """Keep ``text`` as what :func:`text_of` answers for ``doc``; it must be ``doc.text``."""
    doc.user_data[_KEY] = text
