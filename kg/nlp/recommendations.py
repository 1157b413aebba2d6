"""Recommendations: sentences that say what should be done, with who says it and who should act.

A sentence is a recommendation when it carries a normative cue (``kg/data/recommendation_cues.tsv``:
"moet", "zou ... moeten", "is nodig", "het is zaak", "laten we", "pleit voor", "advies is", ...)
or opens with an imperative, and is not a question, a reported past obligation ("moesten"), a
rule-like condition ("Wie ... moet") or a view the writer rejects ("sommigen vinden ... maar").
The speaker is the person a quote is attributed to ("zegt X", "aldus X", "X: ‘...’") or a
sentence names ("vindt Bergen", "volgens Roovers"); the addressee is the subject of the cue
("gemeenten moeten") or the vocative of an imperative (``kg/data/addressees.tsv``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Optional

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.training import Example
from spacy.util import registry

from kg.lexicon import zipf
from kg.nlp.lemmas import lemma
from kg.nlp.scoring import score_span_group
from kg.nlp.speakers import OPENING_QUOTES, Speakers

SPANS_KEY = "recommendations"
LABEL = "RECOMMENDATION"
GAP = 12  # tokens a "..." in a cue may stand for
POSITIVE = ("modal", "necessity", "urgency", "exhortation", "advocacy", "advice", "importance", "wish")
COLON_LEAD = 6  # words before a colon that may introduce an imperative
HEADLINE_TOKENS = 15  # a paragraph this short without final punctuation is a headline
BULLETS = "•*·-–"
_PRONOUN = "*"

Span.set_extension("speaker", default=None, force=True)
Span.set_extension("addressee", default=None, force=True)
Span.set_extension("cues", default=(), force=True)  # kinds of the cues that made it one

Pattern = tuple[str, ...]
Hit = tuple[str, int, int]  # kind, first word, end word (indexes into the sentence's words)


def _rows(path: Path | None, name: str) -> list[list[str]]:
    """Non-comment lines of a data file, split on tabs; ``path=None`` reads ``kg/data/<name>``."""
    if path is None:
        text = resources.files("kg.data").joinpath(name).read_text(encoding="utf-8")
    else:
        text = path.read_text(encoding="utf-8")
    return [[cell.strip() for cell in line.split("\t")] for line in text.splitlines() if line.strip() and not line.startswith("#")]


@dataclass(frozen=True)
class Cues:
    """The cue words as data: normative cues by kind, addressees, speech verbs."""

    patterns: dict[str, tuple[Pattern, ...]]
    addressees: dict[Pattern, str]
    speech_verbs: frozenset[str]

    @classmethod
    def load(cls, cues: Path | None = None, addressees: Path | None = None, speech_verbs: Path | None = None) -> Cues:
        patterns: dict[str, list[Pattern]] = {}
        for cue, kind in _rows(cues, "recommendation_cues.tsv"):
            patterns.setdefault(kind, []).append(tuple(cue.lower().split()))
        return cls(
            {kind: tuple(found) for kind, found in patterns.items()},
            {tuple(surface.lower().split()): label for surface, label in _rows(addressees, "addressees.tsv")},
            frozenset(row[0].lower() for row in _rows(speech_verbs, "speech_verbs.txt")),
        )

    def find(self, kinds: Iterable[str], words: Sequence[str], start: int = 0) -> list[Hit]:
        """Every match of a cue of these kinds in ``words`` (lower case) at or after ``start``."""
        hits = []
        for kind in kinds:
            for pattern in self.patterns.get(kind, ()):
                for at in range(start, len(words)):
                    end = _match(pattern, words, at)
                    if end is not None:
                        hits.append((kind, at, end))
        return hits

    def opens(self, kind: str, words: Sequence[str], at: int) -> bool:
        return any(_match(pattern, words, at) is not None for pattern in self.patterns.get(kind, ()))


def _match(pattern: Pattern, words: Sequence[str], at: int) -> int | None:
    """End index when ``pattern`` matches ``words`` from ``at``; "..." skips up to GAP words."""
    if not pattern:
        return at
    head, rest = pattern[0], pattern[1:]
    if head == "...":
        for skip in range(GAP + 1):
            if at + skip > len(words):
                break
            end = _match(rest, words, at + skip)
            if end is not None:
                return end
        return None
    if at < len(words) and words[at] == head:
        return _match(rest, words, at + 1)
    return None


@lru_cache(maxsize=1)
def default_cues() -> Cues:
    return Cues.load()


def sentence_units(doc: Doc) -> list[Span]:
    """Sentences, also cut at line and paragraph breaks (a headline has no full stop) and before
    a run-in headline's body, with an opening quote moved to the sentence it opens."""
    cuts = {0, len(doc)}
    for sentence in doc.sents:
        cuts.add(sentence.start)
    for token in doc:
        if token.is_space and "\n" in token.text:
            cuts.update((token.i, token.i + 1))
        elif _runs_in(token):
            cuts.add(token.i)
    for cut in list(cuts):
        if 0 < cut < len(doc) and doc[cut - 1].text in OPENING_QUOTES:
            cuts.discard(cut)
            cuts.add(cut - 1)
    units = []
    bounds = sorted(cuts)
    for start, end in zip(bounds, bounds[1:]):
        while start < end and doc[start].is_space:
            start += 1
        while end > start and doc[end - 1].is_space:
            end -= 1
        if start < end:
            units.append(doc[start:end])
    return units


class Recommender:
    """Finds the recommendation sentences of a doc and fills speaker and addressee."""

    def __init__(self, cues: Cues) -> None:
        self.cues = cues

    def __call__(self, doc: Doc) -> list[Span]:
        speakers = Speakers(doc, self.cues.speech_verbs)
        found = []
        for unit in sentence_units(doc):
            words = [token.lower_ for token in unit]
            hits = self._normative(unit, words)
            if hits is None:
                continue
            span = Span(doc, unit.start, unit.end, label=LABEL)
            span._.speaker = speakers.of(unit)
            span._.addressee = self._addressee(unit, words, hits)
            span._.cues = tuple(sorted({kind for kind, _, _ in hits})) or ("imperative",)
            found.append(span)
        return found

    def _normative(self, unit: Span, words: list[str]) -> list[Hit] | None:
        """The cue hits that make ``unit`` a recommendation (``[]`` for an imperative), or None."""
        if "?" in words[-3:] or words[-1] == ",":
            return None
        imperative = self._imperative(unit, words)
        if _is_headline(unit):  # only a tip in a list: "3 Neem lichte contacten serieus"
            return [] if imperative is not None and (unit[0].like_num or unit[0].text in BULLETS) else None
        hits = [hit for hit in self.cues.find(POSITIVE, words) if hit[0] != "exhortation" or self._opens_clause(unit, words, hit[1])]
        if self.cues.find(("past",), words):
            hits = [hit for hit in hits if hit[0] not in ("modal", "necessity")]
        idioms = self.cues.find(("idiom",), words)
        hits = [hit for hit in hits if not any(start <= hit[1] < end for _, start, end in idioms)]
        for _, _, end in self.cues.find(("distance",), words):
            if self.cues.find(("contrast",), words, end):
                return None
        if hits and words[0] in _flat(self.cues.patterns.get("conditional", ())):
            hits = [hit for hit in hits if hit[0] != "modal" or self._subject(unit, words, hit) is not None]
        hits = [
            hit
            for hit in hits
            if hit[0] != "modal" or not self._in_subclause(unit, words, hit[1]) or self._subject(unit, words, hit) not in (None, "wij")
        ]
        if hits:
            return hits
        ends = unit[-1].text in ".!’”" or (len(unit) > 1 and unit[-2].text in ".!")  # not a fragment cut by a page break
        return [] if imperative is not None and ends else None

    def _in_subclause(self, unit: Span, words: list[str], at: int) -> bool:
        """A modal at the end of a conditional or relative clause describes ("als je iets goed
        moet maken", "mensen die achteraan moeten sluiten"); it does not recommend, unless its
        subject is a named addressee ("Waar mogelijk moeten hulpverleners ...")."""
        for i in range(at - 1, -1, -1):
            if unit[i].is_punct:
                return False
            if self.cues.opens("conditional", words, i) or self.cues.opens("relative", words, i):
                return True
        return False

    def _opens_clause(self, unit: Span, words: list[str], at: int) -> bool:
        """"Laten we" exhorts at the start of a clause; after a subject it is "we let"."""
        return at == 0 or unit[at - 1].is_punct or self.cues.opens("clause-opener", words, at - 1)

    def _imperative(self, unit: Span, words: list[str]) -> int | None:
        """Index of an imperative verb that opens the sentence (after a bullet, a quote or a
        vocative "Hulpverleners, ...") or the clause after a short lead and a colon ("Daar bedoel
        ik mee: luister ..."); None if there is none."""
        first = _first_word(unit, 0)
        starts = [first] if first is not None and unit[first].is_title else []
        starts += [_first_word(unit, i + 1) for i, word in enumerate(words[:-1]) if word == ":" and i <= COLON_LEAD]
        for at in starts:
            if at is None:
                continue
            vocative = _match_longest(self.cues.addressees, words, at)
            if vocative and vocative[0] < len(words) and words[vocative[0]] == ",":
                at = vocative[0] + 1
            if at + 1 >= len(words) or self.cues.opens("not-imperative", words, at):
                continue
            if self.cues.opens("not-after-imperative", words, at + 1):
                continue
            if unit[at].is_alpha and _verb_stem(words[at]) and not self._finite_before_boundary(words, at + 1):
                return at
        return None

    def _finite_before_boundary(self, words: list[str], at: int) -> bool:
        """A finite verb in the first clause ("Stress door schaarste maakt ...", "Verlies gaat
        over ...") makes the sentence's first word its subject, not an imperative."""
        for i in range(at, len(words)):
            if self.cues.opens("clause-boundary", words, i):
                return False
            if _finite(words[i]):
                return True
        return False

    def _subject(self, unit: Span, words: list[str], hit: Hit) -> str | None:
        """The addressee right before the cue ("gemeenten moeten", two words may stand between)
        or right after it ("moet de overheid", "belangrijk dat gemeenten"; after "om" comes an
        object: "belangrijk om mantelzorgers te ontlasten")."""
        _, start, end = hit
        for at in range(max(0, start - 6), start):
            found = _match_longest(self.cues.addressees, words, at)
            if found and start - 2 <= found[0] <= start and not any(unit[i].is_punct for i in range(found[0], start)):
                return self._resolve(words, at, found[1])
        after = () if words[end - 1] == "om" else (start + 1, start + 2, end)  # "om" + an object
        for at in after:
            found = _match_longest(self.cues.addressees, words, at) if at < len(words) else None
            if found:
                return self._resolve(words, at, found[1])
        return None

    def _addressee(self, unit: Span, words: list[str], hits: list[Hit]) -> str | None:
        if not hits:  # imperative: a vocative, else the reader
            found = _match_longest(self.cues.addressees, words, _first_word(unit, 0) or 0)
            at = found[0] if found else 0
            return found[1] if found and found[1] != _PRONOUN and at < len(words) and words[at] == "," else None
        for hit in sorted(hits, key=lambda hit: hit[1]):
            label = self._subject(unit, words, hit)
            if label:
                return label
        return None

    def _resolve(self, words: list[str], at: int, label: str) -> str | None:
        """A pronoun ("we", "je") stands for the group named beside it ("wij als sociaal werkers")."""
        if label != _PRONOUN:
            return label
        for after in range(at + 1, min(at + 4, len(words))):
            found = _match_longest(self.cues.addressees, words, after)
            if found and found[1] != _PRONOUN:
                return found[1]
        return "wij" if words[at] in ("we", "wij") else None


def _flat(patterns: Iterable[Pattern]) -> set[str]:
    return {" ".join(pattern) for pattern in patterns}


def _match_longest(table: dict[Pattern, str], words: Sequence[str], at: int) -> tuple[int, str] | None:
    """(end, label) of the longest entry of ``table`` starting at ``at``."""
    for length in range(min(5, len(words) - at), 0, -1):
        label = table.get(tuple(words[at : at + length]))
        if label:
            return at + length, label
    return None


def _first_word(unit: Span, at: int) -> int | None:
    """Index in ``unit`` of the first word from ``at`` past bullets, numbers and quotes."""
    for i in range(at, len(unit)):
        token = unit[i]
        if token.is_alpha:
            return i
        if not (token.is_punct or token.like_num or token.is_space or token.text in BULLETS):
            return None
    return None


def _stems(word: str) -> set[str]:
    """Ways the stem of an infinitive can start, undoing Dutch spelling of the imperative:
    "neem" <- nemen, "geef" <- geven, "lees" <- lezen, "zet" <- zetten."""
    short = re.sub(r"([aeou])\1", r"\1", word)
    forms = {word, short}
    if short.endswith("f"):
        forms.add(short[:-1] + "v")
    if short.endswith("s"):
        forms.add(short[:-1] + "z")
    return forms


def _verb_stem(word: str) -> bool:
    """Is ``word`` the bare stem of a verb (its imperative): "help", "neem", "zorg", "investeer"?

    The stem + "t" is the present 3rd person; when that form is in use and simplemma maps it to
    an infinitive that starts with the stem, the word is a stem. Function words fail the test.
    """
    if len(word) < 3 or not word.isalpha() or zipf(word) > 6.5:
        return False
    probe = word if word.endswith(("t", "d")) else word + "t"
    if zipf(probe) < 2.0:  # "zeker" -> "zekert": a verb in the lexicon, but not in use
        return False
    infinitive = lemma(probe)
    if infinitive in (probe, word) or not infinitive.endswith("n"):
        return False
    return any(infinitive.startswith(stem) for stem in _stems(word))


def _finite(word: str) -> bool:
    """A present or past finite verb form: "maakt", "gaat", "woonden", "is" (not a participle
    used as an adjective: "discriminerende")."""
    if word in ("is", "was", "wordt", "werd"):
        return True
    if len(word) < 4 or not word.endswith(("t", "de", "te", "den", "ten")) or word.endswith("nde"):
        return False
    base = lemma(word)
    return base != word and base.endswith("n")


def _runs_in(token: Token) -> bool:
    """A common word capitalised right after a content word with no punctuation between starts
    a sentence the extraction ran into a headline: "Neem contacten serieus Er is ..."."""
    if token.i == 0 or not token.is_title:
        return False
    before = token.doc[token.i - 1]
    return before.is_alpha and before.is_lower and zipf(before.text) < 5.5 and zipf(token.lower_) >= 5.5


def _is_headline(unit: Span) -> bool:
    """A short paragraph opening that does not end like a sentence."""
    doc = unit.doc
    opens = unit.start == 0 or "\n" in doc[unit.start - 1].text
    return opens and len(unit) <= HEADLINE_TOKENS and unit[-1].text not in ".!?:;’”…)"


def find_recommendations(doc: Doc) -> list[Span]:
    """The recommendation sentences of ``doc`` with the project's cue files."""
    return Recommender(default_cues())(doc)


class RecommendationTagger:
    """Writes ``doc.spans["recommendations"]``."""

    def __init__(self, recommender: Recommender, scorer: Callable[..., dict[str, Any]]) -> None:
        self.recommender = recommender
        self.scorer = scorer

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[SPANS_KEY] = self.recommender(doc)
        return doc

    def score(self, examples: Iterable[Example], **kwargs: Any) -> dict[str, Any]:
        return self.scorer(examples, **kwargs)


@Language.factory(
    "kg_recommendations",
    default_config={"cues": None, "addressees": None, "speech_verbs": None, "scorer": {"@scorers": "kg.recommendations_scorer.v1"}},
)
def make_recommendations(
    nlp: Language,
    name: str,
    cues: Optional[str],
    addressees: Optional[str],
    speech_verbs: Optional[str],
    scorer: Callable[..., dict[str, Any]],
) -> RecommendationTagger:
    """Paths of the cue files; ``None`` reads the project's ``kg/data`` files."""
    if cues is None and addressees is None and speech_verbs is None:
        loaded = default_cues()
    else:
        loaded = Cues.load(*(Path(path) if path else None for path in (cues, addressees, speech_verbs)))
    return RecommendationTagger(Recommender(loaded), scorer)


def score_recommendations(examples: Iterable[Example], **kwargs: Any) -> dict[str, Any]:
    """``recommendations_p``, ``_r`` and ``_f`` over the examples."""
    return score_span_group(SPANS_KEY, examples, **kwargs)


@registry.scorers("kg.recommendations_scorer.v1")
def make_recommendations_scorer() -> Callable[..., dict[str, Any]]:
    return score_recommendations
