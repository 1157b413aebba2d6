"""The words spaCy's Dutch tokenizer cuts the gazetteer's names and the name patterns into, kept
once per machine.

The organisation patterns are tokenised as written (hyphens kept: "Trimbos-instituut"), by a
tokenizer of their own, and building a Dutch tokenizer loads its 4,670 special cases (0.3 s of
every worker that extracts). Only the pattern docs' words are read (the phrase matchers compare
ORTH and LOWER; the name shapes take the texts), so the words are kept with the prepared setup
(`kg/prepared.py`) and docs are made from them; the tokenizer is built only to cut a text not
kept yet, and what it cut is kept for the next build.
"""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from kg.nlp.pipeline import tokenizer
from kg.prepared import read, store

NAME = "pattern-tokens"


class PatternTokens:
    """``make_doc`` for patterns: a doc of the words spaCy's tokenizer (no compound splitting)
    cuts ``text`` into."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self.words: dict[str, tuple[str, ...]] = read(NAME) or {}
        self.cut = 0  # texts the tokenizer cut in this process

    def __call__(self, text: str) -> Doc:
        words = self.words.get(text)
        if words is None:
            words = self.words[text] = tuple(token.text for token in tokenizer(self.vocab, False)(text))
            self.cut += 1
        return Doc(self.vocab, words=list(words))

    def keep(self) -> None:
        """Keep what was cut for the next build (nothing to do when every text was kept)."""
        if self.cut:
            store(NAME, self.words)
