"""Organisation name shapes: a head before a capitalised name ("Stichting De Buurtbron", "de
gemeente Utrecht", "ministerie van VWS") and a capitalised name before a head ("Verwey-Jonker
Instituut"), found in one pass over a doc's token attribute arrays.

:class:`NameShapes` finds what spaCy's ``Matcher`` finds with the token patterns these shapes
make (``tests/nlp/test_name_shapes.py`` writes them and checks the two agree), reduced to what the
organisation rules read: per start the longest head + name, per end the earliest name + head. It
does so without the Matcher's cost: some sixty patterns, with a regular expression per state,
tried at every token took about a sixth of the extraction stage.

A *name* token starts with a capital or a digit (spaCy shape ``X``/``d``); after the first name
token the name goes on over name tokens and connectors ("Universiteit van Amsterdam", "Platform
Lectoren Sociaal Werk"). A lower-case head may be followed by one connector before the name ("het
ministerie van VWS"); a name before a suffix head has one to four tokens.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from spacy.attrs import LOWER, ORTH, SHAPE
from spacy.tokens import Doc
from spacy.vocab import Vocab

from kg.nlp.token_arrays import columns

NAME_SHAPE = r"^[Xd]"
NAME_START = "A-ZÀ-ÖØ-Þ0-9"
MAX_SUFFIX_NAME = 4

def name_or_connector(connectors: Iterable[str]) -> str:
    """A token that goes on a name: it starts like a name or is a connector."""
    alternation = "|".join(re.escape(word) for word in sorted(connectors))
    return rf"^(?:[{NAME_START}]|(?:{alternation})$)"


def _flags(hashes: list[int], known: dict[int, bool], test: Callable[[str], bool], vocab: Vocab) -> list[bool]:
    """``test`` of each token's string, asked once per distinct string (``known`` keeps the answers)."""
    for key in set(hashes) - known.keys():
        known[key] = test(vocab.strings[key])
    return [known[key] for key in hashes]


class NameShapes:
    """The shapes of one set of heads, matched on a doc's ORTH, LOWER and SHAPE arrays."""

    def __init__(
        self,
        vocab: Vocab,
        make_doc: Callable[[str], Doc],
        lowercase_heads: Iterable[str],
        capitalised_heads: Iterable[str],
        suffix_heads: Iterable[str],
        connectors: Iterable[str],
    ) -> None:
        add = vocab.strings.add
        self._lower: dict[int, list[tuple[int, ...]]] = {}  # first word -> heads, compared in lower case
        self._orth: dict[int, list[tuple[int, ...]]] = {}  # first word -> heads, compared as written
        for heads, index, lowered in ((lowercase_heads, self._lower, True), (capitalised_heads, self._orth, False)):
            for head in heads:
                words = tuple(add(token.text) for token in make_doc(head.lower() if lowered else head))
                index.setdefault(words[0], []).append(words)
        self._suffixes = frozenset(add(head) for head in suffix_heads)
        self._connectors = frozenset(connectors)
        self._name_shape = re.compile(NAME_SHAPE)
        self._goes_on = re.compile(name_or_connector(connectors))
        self._known_names: dict[int, bool] = {}
        self._known_goes_on: dict[int, bool] = {}
        self._known_connectors: dict[int, bool] = {}

    def __call__(self, doc: Doc) -> tuple[dict[int, int], dict[int, int]]:
        """Per start token the end of the longest head + name, and per end token the start of
        the longest name + head."""
        if not len(doc):
            return {}, {}
        orth, lower, shape = columns(doc, ORTH, LOWER, SHAPE)
        vocab = doc.vocab
        name = _flags(shape, self._known_names, lambda s: self._name_shape.search(s) is not None, vocab)
        connector = _flags(lower, self._known_connectors, self._connectors.__contains__, vocab)
        goes_on = _flags(orth, self._known_goes_on, lambda s: self._goes_on.search(s) is not None, vocab)
        length = len(orth)
        run = [0] * (length + 1)  # run[i]: tokens from i on that go on a name
        for i in range(length - 1, -1, -1):
            if goes_on[i]:
                run[i] = run[i + 1] + 1
        prefixes: dict[int, int] = {}
        for start in range(length):
            ends = []
            for words in self._lower.get(lower[start], ()):
                after = _after(lower, start, words)
                if after is not None:
                    ends += _name_ends(after, name, run)
                    if after < length and connector[after]:
                        ends += _name_ends(after + 1, name, run)
            for words in self._orth.get(orth[start], ()):
                after = _after(orth, start, words)
                if after is not None:
                    ends += _name_ends(after, name, run)
            if ends:
                prefixes[start] = max(ends)
        suffixes: dict[int, int] = {}
        names = 0  # name tokens right before the current one
        for i in range(length):
            if names and orth[i] in self._suffixes:
                suffixes[i + 1] = i - min(names, MAX_SUFFIX_NAME)
            names = names + 1 if name[i] else 0
        return prefixes, suffixes


def _after(hashes: list[int], start: int, words: tuple[int, ...]) -> int | None:
    """Index after ``words`` when they stand at ``start``, else None."""
    end = start + len(words)
    return end if tuple(hashes[start:end]) == words else None


def _name_ends(at: int, name: list[bool], run: list[int]) -> list[int]:
    """The end of the name that opens at ``at`` with a name token, or nothing."""
    return [at + 1 + run[at + 1]] if at < len(name) and name[at] else []
