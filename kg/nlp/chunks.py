"""Long texts through spaCy in bounded pieces, put back together with exact offsets.

spaCy refuses a text longer than ``nlp.max_length`` (E088) and its memory grows with a doc's
length. A text over :data:`CHUNK_CHARS` is cut at paragraph breaks (else line breaks, else
spaces), each piece goes through the pipeline, and ``Doc.from_docs`` joins the pieces without
adding whitespace, so the joined doc's text, character offsets and span groups are those of
one doc of the whole text. Cuts fall where a sentence ends anyway, so rules that read within a
sentence see the same words.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from kg.nlp.doctext import keep_text, make_doc

CHUNK_CHARS = 100_000
_BREAKS = ("\n\n", "\n", " ")


def cut(text: str, limit: int = CHUNK_CHARS) -> list[str]:
    """``text`` as consecutive pieces of at most ``limit`` characters (one piece when it fits),
    each ending just after a break where there is one in reach."""
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        end = start + limit
        for mark in _BREAKS:
            found = text.rfind(mark, start + limit // 2, end)
            if found >= 0:
                end = found + len(mark)
                break
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return pieces


def pipe(nlp: Language, texts: Iterable[str], limit: int = CHUNK_CHARS) -> Iterator[Doc]:
    """``nlp.pipe(texts)``, but any text longer than ``limit`` (or than ``nlp.max_length``) is
    read in pieces and joined."""
    limit = min(limit, nlp.max_length)
    for text in texts:
        pieces = cut(text, limit)
        if len(pieces) == 1:
            yield nlp(make_doc(nlp, text))
        else:
            joined = Doc.from_docs(list(nlp.pipe(make_doc(nlp, piece) for piece in pieces)), ensure_whitespace=False, exclude=["user_data"])
            keep_text(joined, text)
            yield joined
