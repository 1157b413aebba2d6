"""Themes: mentions of the thesaurus concepts (``ontology/themes.ttl``) in an article.

Labels match on lemmas, so inflected forms hit ("samengewerkt" -> samenwerken), multiword labels on
lemma sequences, and a compound word whose head is a label ("schuldhulpverlening" ->
hulpverlening) when the rest of the word is itself a Dutch word. The thesaurus is read when a
document is processed (cached until the file changes), so an enlarged thesaurus is picked up.
"""

from __future__ import annotations

import hashlib
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

from rdflib import Graph
from rdflib.namespace import RDF, SKOS
from spacy.attrs import IS_ALPHA, IS_LOWER, IS_PUNCT, IS_SPACE, LENGTH, ORTH
from spacy.language import Language
from spacy.scorer import Scorer
from spacy.tokens import Doc, Span, Token
from spacy.training import Example
from spacy.util import registry

from kg.lexicon import zipf
from kg.nlp.doctext import text_of
from kg.nlp.lemmas import lemma
from kg.nlp.organisations import SPAN_KEY as ORGANISATIONS_KEY  # kg_organisations runs before kg_themes
from kg.nlp.pipeline import tokenizer, vocab
from kg.nlp.token_arrays import column, rows
from kg.paths import ontology_dir
from kg.prepared import prepared

SPANS_KEY = "themes"
LABEL = "THEME"
MIN_HEAD_LABEL = 5  # shorter labels ("zorg") match whole words only: "zorgen" is mostly a verb
MIN_COMPOUND = MIN_HEAD_LABEL + 3  # a compound has at least three letters before its head
MIN_PREFIX_ZIPF = 3.0  # the part before a compound's head must be a common Dutch word
LINKING = ("en", "s", "e")  # linking sounds between compound parts: veiligheid+s+zorg
INFLECTIONS = ("s", "n", "en", "e")  # regular plural and adjective endings
MIN_PER_THOUSAND_WORDS = 3.0  # rarer than this, a concept the headline does not name is a passing mention
SHORT_ITEM_WORDS = 450  # up to this length (one magazine page) every mention is dense enough
MIN_SINGLE_SPECIFICITY = 0.8  # a concept named once, in the body only, must be printed as an uncommon word (zipf <= 4.8)
MIN_THEMES = 6  # a librarian tags an article with 3-8 themes: fewer salient ones are topped up
SUBHEADING_WORDS = 8  # a paragraph after the lead this short, ending in no punctuation, is a subheading
SUBHEADING = 0.3  # weight a subheading adds to the concepts it names: a magazine article's subtopics
HYPHENS = frozenset("-\u2010\u2011")
_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\n)[^\n]*)*")  # clean text: paragraphs between blank lines
_SENTENCE_END = re.compile(r"[.!?:;,…’”\"')]\s*$")
_DROP = HYPHENS | frozenset(" \u00ad")

FOLDED = 200_000  # distinct word forms whose folded form is kept: a word recurs in every article
Key = tuple[str, str]  # ("s", folded surface form) or ("l", folded lemma)
Match = tuple[int, int, str]  # token start, token end, concept id


@lru_cache(maxsize=FOLDED)
def fold(text: str) -> str:
    """Case, diacritics, hyphens and spacing folded, as the thesaurus compares its labels."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c) and c not in _DROP)


def _label_key(word: str) -> Key:
    """How one word of a label is compared: by lemma when the label word is a base form (or its
    regular plural/inflection), else by its exact form.

    simplemma maps "ouderen" to "oudere" and "jongeren" to "jong": matching those lemmas would
    make "oud" and "jong" hits, so such labels keep their printed form.
    """
    surface, base = fold(word), fold(lemma(word))
    if len(surface) >= MIN_HEAD_LABEL and (surface == base or surface in {base + end for end in INFLECTIONS}):
        return ("l", base)
    return ("s", surface)


@lru_cache(maxsize=FOLDED)
def _keys(text: str, space: bool, punct: bool) -> tuple[Key, ...]:
    """How a token with this text, blank or punctuation, is compared with the labels' words. A
    hyphen inside a word ("e-learning", "lhbti-acceptatie") is a token of its own in text and in
    the label alike, so it is compared as the label's hyphen folds: to the empty form."""
    if text in HYPHENS:
        return (("s", ""),)
    if space or punct:
        return ()
    return (("s", fold(text)), ("l", fold(lemma(text))))


def _doc_keys(doc: Doc) -> list[tuple[Key, ...]]:
    """:func:`_keys` of every token, read from the doc's arrays: no token object is made."""
    strings = doc.vocab.strings
    return [_keys(strings[orth], bool(space), bool(punct)) for orth, space, punct in rows(doc, ORTH, IS_SPACE, IS_PUNCT)]


def _infinitive_like(word: str) -> bool:
    """A label that is its own lemma and ends in -en is a verb ("wonen", "pesten"): as a compound
    head it would hit verbs with a prefix ("verpesten"), so it only matches whole words."""
    return word.endswith("en") and fold(lemma(word)) == word


def _noun_like(token: Token) -> bool:
    """Lower case (or capitalised as the first word of a sentence) and not a verb form: a word
    whose lemma is a different -en infinitive ("verzorgt" -> "verzorgen") is skipped."""
    text = token.text
    if not (token.is_alpha and (token.is_lower or (token.is_sent_start and text[1:].islower()))):
        return False
    base = lemma(text)
    return not (base.endswith("en") and base != text.lower())


def _in_name(span: Span) -> bool:
    """Several capitalised words are part of a name ("Werkplaats Sociaal Domein", "Lectoraat
    Huiselijk Geweld"), not the theme a lower-case label names. A single capitalised word is not:
    list items and lines after a colon start with a capital too."""
    return len(span) > 1 and all(token.is_title for token in span if token.is_alpha)


def _is_word(part: str) -> bool:
    cores = [part] + [part[: -len(end)] for end in LINKING if part.endswith(end)]
    return any(len(core) >= 3 and zipf(core) >= MIN_PREFIX_ZIPF for core in cores)


@dataclass(frozen=True)
class ThemeMatcher:
    """A trie of label keys (words compared by lemma or form) and an index of compound heads."""

    trie: dict[Any, Any]
    heads: dict[str, str]
    cased: frozenset[str]  # concepts with a capitalised label ("Wmo"): a capital is no name for them

    @classmethod
    def build(cls, concepts: dict[str, tuple[str, ...]]) -> ThemeMatcher:
        trie: dict[Any, Any] = {}
        heads: dict[str, str] = {}
        cased = frozenset(concept for concept, labels in concepts.items() if any(not label.islower() for label in labels))
        for concept, labels in concepts.items():
            for label, words in ((label, words) for label in labels for words in _label_words(label)):
                node = trie
                for word in words:
                    node = node.setdefault(_label_key(word), {})
                node.setdefault(None, concept)
                surface = fold(label)
                if len(words) == 1 and len(surface) >= MIN_HEAD_LABEL and not _infinitive_like(surface):
                    heads.setdefault(surface, concept)
                    heads.setdefault(_label_key(label)[1], concept)
        return cls(trie, heads, cased)

    def __call__(self, doc: Doc) -> list[Match]:
        """Non-overlapping mentions, longest label first, then compound heads."""
        keys = _doc_keys(doc)
        lengths = column(doc, LENGTH)  # characters per token
        found: list[Match] = []
        i = 0
        while i < len(doc):
            longest = self._longest(keys, i)
            if longest:
                if longest[1] in self.cased or not _in_name(doc[i : longest[0]]):
                    found.append((i, longest[0], longest[1]))
                i = longest[0]
                continue
            concept = self._compound(doc[i]) if lengths[i] >= MIN_COMPOUND else None
            if concept:
                found.append((i, i + 1, concept))
            i += 1
        return found

    def _longest(self, keys: list[tuple[Key, ...]], start: int) -> tuple[int, str] | None:
        best: tuple[int, str] | None = None
        stack = [(self.trie, start)]
        while stack:
            node, at = stack.pop()
            if at >= len(keys):
                continue
            for key in keys[at]:
                child = node.get(key)
                if child is None:
                    continue
                if None in child and (best is None or at + 1 > best[0]):
                    best = (at + 1, child[None])
                stack.append((child, at + 1))
        return best

    def _compound(self, token: Token) -> str | None:
        if not _noun_like(token):  # the caller has checked the length (MIN_COMPOUND)
            return None
        for form in dict.fromkeys((fold(token.text), fold(lemma(token.text)))):
            for cut in range(3, len(form) - MIN_HEAD_LABEL + 1):  # longest head first
                concept = self.heads.get(form[cut:])
                if concept and _is_word(form[:cut]):
                    return concept
        return None


@lru_cache(maxsize=1)
def _tokenizers() -> tuple[Callable[[str], Doc], Callable[[str], Doc]]:
    """spaCy's Dutch tokenisation and the project pipeline's, which also splits at a hyphen before
    a lower-case part ("e-learning" -> e, -, learning)."""
    return tokenizer(vocab(), False), tokenizer(vocab(), True)


def _tokenizer() -> Callable[[str], Doc]:
    """The pipeline's tokenizer (the other is built only to prepare the labels' words)."""
    return tokenizer(vocab(), True)


def _label_words(label: str) -> list[tuple[str, ...]]:
    """The label's words as each tokenisation cuts them, so that a hyphenated label matches a text
    tokenised either way."""
    return list(dict.fromkeys(tuple(t.text for t in tokenizer(label) if not t.is_space) for tokenizer in _tokenizers()))


def default_thesaurus() -> Path:
    return ontology_dir() / "themes.ttl"


def load_concepts(path: Path) -> dict[str, tuple[str, ...]]:
    """Concept id (local name of the ``kgt:`` IRI) -> its Dutch labels, prefLabel first."""
    return _concepts(str(path), path.stat().st_mtime)


@lru_cache(maxsize=4)
def _concepts(path: str, mtime: float) -> dict[str, tuple[str, ...]]:
    graph = Graph().parse(path, format="turtle")
    concepts: dict[str, tuple[str, ...]] = {}
    for iri in sorted(graph.subjects(RDF.type, SKOS.Concept)):
        labels = [
            str(label)
            for predicate in (SKOS.prefLabel, SKOS.altLabel)
            for label in sorted(graph.objects(iri, predicate))
            if getattr(label, "language", None) == "nl"
        ]
        concepts[str(iri).rstrip("/").rsplit("/", 1)[-1]] = tuple(labels)
    return concepts


def matcher_for(path: Path) -> ThemeMatcher:
    return _matcher(str(path), path.stat().st_mtime)


@lru_cache(maxsize=4)
def _matcher(path: str, mtime: float) -> ThemeMatcher:
    """Built once per machine for each thesaurus content (`kg/prepared.py`)."""
    content = hashlib.sha256(Path(path).read_bytes()).hexdigest()[:16]
    return prepared(f"themes-{content}", lambda: ThemeMatcher.build(_concepts(path, mtime)))


class ThemeTagger:
    """Writes ``doc.spans["themes"]``; each span's ``kb_id_`` is a concept id."""

    def __init__(self, thesaurus: Path, scorer: Callable[..., dict[str, Any]]) -> None:
        self.thesaurus = thesaurus
        self.scorer = scorer

    def __call__(self, doc: Doc) -> Doc:
        names = _organisation_tokens(doc)
        matches = [m for m in matcher_for(self.thesaurus)(doc) if not names.intersection(range(m[0], m[1]))]
        doc.spans[SPANS_KEY] = [Span(doc, start, end, label=LABEL, kb_id=concept) for start, end, concept in matches]
        doc.spans[SPANS_KEY].attrs["thesaurus"] = str(self.thesaurus)
        return doc

    def score(self, examples: Iterable[Example], **kwargs: Any) -> dict[str, Any]:
        return self.scorer(examples, **kwargs)


def _organisation_tokens(doc: Doc) -> set[int]:
    """Tokens of the organisations found before this component ran: a label inside a name
    ("Werkplaats Sociaal Domein Nijmegen", "Zorg- en Veiligheidshuis Brabant") names the
    organisation, not the theme the article is about."""
    group = doc.spans[ORGANISATIONS_KEY] if ORGANISATIONS_KEY in doc.spans else []
    return {i for span in group for i in range(span.start, span.end)}


@Language.factory(
    "kg_themes",
    default_config={"thesaurus": None, "scorer": {"@scorers": "kg.themes_scorer.v1"}},
)
def make_themes(nlp: Language, name: str, thesaurus: Optional[str], scorer: Callable[..., dict[str, Any]]) -> ThemeTagger:
    """``thesaurus``: path of a SKOS Turtle file; ``None`` is the project's ``ontology/themes.ttl``."""
    return ThemeTagger(Path(thesaurus) if thesaurus else default_thesaurus(), scorer)


def _concept_spans(doc: Doc, attr: str) -> list[Span]:
    """The theme spans labelled with their concept id, so the score asks for the right concept."""
    group = doc.spans[SPANS_KEY] if SPANS_KEY in doc.spans else []
    return [Span(doc, span.start, span.end, label=span.kb_id_) for span in group]


def score_themes(examples: Iterable[Example], **kwargs: Any) -> dict[str, Any]:
    kwargs.setdefault("getter", _concept_spans)
    kwargs.setdefault("has_annotation", lambda doc: SPANS_KEY in doc.spans)
    kwargs.setdefault("allow_overlap", True)
    return Scorer.score_spans(examples, f"spans_{SPANS_KEY}", **kwargs)


@registry.scorers("kg.themes_scorer.v1")
def make_themes_scorer() -> Callable[..., dict[str, Any]]:
    return score_themes


def _specificity(surfaces: list[str]) -> float:
    """1 for words rarer than once per 10 million (zipf <= 4), down to 0.5 for everyday words
    (zipf >= 6); multiword surfaces count as specific."""
    rarity = [zipf(text) for text in surfaces if " " not in text.strip()]
    if not rarity:
        return 1.0
    mean = sum(rarity) / len(rarity)
    return 1.0 - 0.25 * min(2.0, max(0.0, mean - 4.0))


def _recurs(count: int, words: int) -> bool:
    """At least MIN_PER_THOUSAND_WORDS mentions per thousand words: once in a 200-word news item,
    but three times in a 1000-word interview, where everyday concepts ("zorg", "beleid",
    "jongeren") come up once or twice in passing, even in the lead, without being its subject.
    An item of at most SHORT_ITEM_WORDS (a magazine page, a news item) names nothing in passing:
    there every mention counts."""
    return words <= SHORT_ITEM_WORDS or count * 1000 >= MIN_PER_THOUSAND_WORDS * max(words, 1)


def _in_subheadings(doc: Doc, group: Iterable[Span], lead_chars: int) -> set[str]:
    """Concepts a subheading after the lead names ("Moreel beraad", "Drie zwaktes"): a paragraph of
    at most SUBHEADING_WORDS words that ends in no punctuation, as a magazine sets its intertitles."""
    headings = [
        (found.start(), found.end())
        for found in _PARAGRAPH.finditer(text_of(doc))
        if found.start() >= lead_chars and len(found.group().split()) <= SUBHEADING_WORDS and not _SENTENCE_END.search(found.group())
    ]
    return {span.kb_id_ for span in group if any(start <= span.start_char < end for start, end in headings)}


def weigh_themes(doc: Doc, headline: str, lead_chars: int = 400, limit: int = 8) -> list[tuple[str, float]]:
    """The article's strongest concepts with a weight in (0, 1], strongest first.

    weight = 0.65 * (in the headline) + 0.5 * (only in the lead) * specificity + 0.3 * (in a
    subheading) + (0.1 * in the lead + 0.25 * log-scaled frequency) * specificity, at most 1: a
    concept the headline, lead or a subheading names (what the article says it is about) outranks
    a body-only one. A body-only concept mentioned once
    is salient only when it is printed as an uncommon word (``MIN_SINGLE_SPECIFICITY``: "zorg" or
    "beleid" once is a passing mention) and the article is short enough for one mention to pass
    the density bar (see :func:`_recurs`: one page of up to 450 words). A concept the headline does
    not name that is rare for the article's length is a passing mention too, unless the article
    has fewer than MIN_THEMES salient concepts: then the strongest of the rare ones that the lead
    names or that recur fill the gap, since a long article's secondary topics fall under the
    density bar. Of equal weights, the concept the article names first wins. Specificity
    discounts concepts printed as everyday words ("beleid", "samenleving"): by their Dutch word
    frequency (wordfreq), the way IDF discounts words
    every document uses.
    """
    group = doc.spans[SPANS_KEY] if SPANS_KEY in doc.spans else None
    if group is None:
        return []
    thesaurus = Path(group.attrs.get("thesaurus") or default_thesaurus())
    counts = Counter(span.kb_id_ for span in group)
    in_lead = {span.kb_id_ for span in group if span.start_char < lead_chars}
    in_headline = {concept for _, _, concept in matcher_for(thesaurus)(_tokenizer()(headline))}
    in_subheadings = _in_subheadings(doc, group, lead_chars)
    top = max(counts.values(), default=1)
    surfaces: dict[str, list[str]] = {}
    first: dict[str, int] = {}
    for span in group:
        surfaces.setdefault(span.kb_id_, []).append(span.text)
        first.setdefault(span.kb_id_, span.start_char)

    def weight(concept: str) -> float:
        frequency = math.log1p(counts[concept]) / math.log1p(top)
        specificity = _specificity(surfaces.get(concept, [concept]))
        headline = 0.65 if concept in in_headline else 0.0  # what the headline names is never discounted
        lead = 0.5 * specificity if concept in in_lead and not headline else 0.0
        subheading = SUBHEADING if concept in in_subheadings else 0.0
        return min(1.0, headline + lead + subheading + (0.1 * (concept in in_lead) + 0.25 * frequency) * specificity)

    words = sum(1 for token in doc if not (token.is_punct or token.is_space))

    def rank(concept: str) -> tuple[float, int, str]:
        return -weight(concept), first.get(concept, -1), concept

    ranked = sorted(set(counts) | in_headline, key=rank)
    named = {c for c in ranked if c in in_headline or c in in_lead or counts[c] > 1}
    specific = {c for c in ranked if c not in named and _specificity(surfaces[c]) >= MIN_SINGLE_SPECIFICITY}  # once, in the body
    salient = [c for c in ranked if c in in_headline or (c in named or c in specific) and _recurs(counts[c], words)]
    backup = [c for c in ranked if c in named and c not in salient][: max(0, MIN_THEMES - len(salient))]
    kept = sorted(salient + backup, key=rank)
    return [(concept, round(weight(concept), 3)) for concept in kept[:limit]]


def candidate_keyphrases(docs: Iterable[Doc], min_count: int = 2, limit: int = 50) -> list[tuple[str, int]]:
    """Frequent compounds and adjective + noun phrases that no theme span covers: candidates for
    the thesaurus, for the build summary. Counted by lemma, shown in their most frequent form."""
    counts: Counter[str] = Counter()
    forms: dict[str, Counter[str]] = {}
    for doc in docs:
        covered = {i for span in (doc.spans[SPANS_KEY] if SPANS_KEY in doc.spans else []) for i in range(span.start, span.end)}
        for phrase in _phrases(doc, covered):
            key = " ".join(lemma(word) for word in phrase.split())
            counts[key] += 1
            forms.setdefault(key, Counter())[phrase] += 1
    frequent = [(forms[key].most_common(1)[0][0], n) for key, n in counts.items() if n >= min_count]
    return sorted(frequent, key=lambda item: (-item[1], item[0]))[:limit]


def _phrases(doc: Doc, covered: set[int]) -> Iterable[str]:
    """Rare long lower-case words (Dutch compounds) and inflected adjective + noun pairs."""
    strings = doc.vocab.strings
    words = [strings[orth] if alpha and lower else None for orth, alpha, lower in rows(doc, ORTH, IS_ALPHA, IS_LOWER)]
    for i, text in enumerate(words):  # text: a lower-case word, else None
        if i in covered or text is None:
            continue
        if len(text) >= 10 and zipf(text) < 3.5:
            yield text
        following = words[i + 1] if i + 1 < len(words) else None
        if (  # the tests of the letters first: a frequency is a lookup
            following is not None
            and i + 1 not in covered
            and len(following) >= 4
            and text.endswith("e")
            and len(text) >= 5
            and zipf(following) < 6.5
            and zipf(text) < 5.5
            and lemma(text) != text
        ):
            yield f"{text} {following}"
