"""The ``kg_persons`` component: personal names as ``doc.spans["persons"]`` (label ``PERSON``).

A *full name* is a run of given names or initials, optional particles and a capitalised surname
("Janny Bakker-Klein", "J.M. de Vries", "Jan Willem van de Maat"). Its first token must be an
initial or a first name from deduce's list: that guard keeps out capitalised words at the start
of a sentence ("Samenwerking is ..."), organisations ("Hogeschool Utrecht") and most places. The
surname may be unknown, so new names are found as long as the first name is a known one. A
given name no list knows is taken before a surname deduce knows or one quoted elsewhere in the
text ("Afiah Vijlbrief", "Halleh Ghorashi" ... "stelt Ghorashi"), if it is a rare Dutch word.

A *lone surname* ("Roovers", "Van Houten") counts when the text names that person in full
elsewhere, or when deduce knows the surname and a cue stands right next to it ("aldus Roovers",
"staatssecretaris Blokhuis", "dr. Janssen"); then every other occurrence in the text counts too
("Blokhuis ziet rol ..." in a headline). A first name alone ("Ellen") is never taken.

Titles ("dr.", "prof.", "mevrouw") are never part of a span.

Names in a reference list or a footnote that cites a publication ("- Bredewold, F., Kampen, T. &
Tonkens, E. (2018). De verhuizing ...", "1 J. Janssen, ‘Het virus ...’, NRC 16 maart 2020") are
not taken: they credit the authors of a cited work, which the article does not talk about, and
the same holds for the people named in the cited titles ("Burgemeester Paul Depla: laat ...").
Nor are the names in a photo credit ("Foto: Marieke de Vries", labels in
``kg/data/person_credits.txt``): they credit who made the pictures.
"""

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Optional

import spacy
from spacy.attrs import ORTH, SHAPE
from spacy.lang.nl.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.training import Example
from spacy.util import filter_spans

from kg.data import word_list
from kg.nlp.doctext import text_of
from kg.nlp.person_lexicon import (
    PersonCues,
    PersonLexicon,
    credit_labels,
    fold,
    is_rare_word,
    load_cues,
    load_lexicon,
)
from kg.nlp.scoring import score_span_group
from kg.nlp.token_arrays import strings

SPANS_KEY = "persons"
LABEL = "PERSON"

#: spaCy token shapes of initials: "J.", "J.M.", "A.J.M.", "Th.".
_INITIAL_SHAPES = frozenset({"X.", "X.X.", "X.X.X.", "X.X.X.X.", "Xx."})
_MAX_GIVEN = 4
#: A rare capitalised word longer than this is a Dutch compound ("Bewegcoaches", "Casemanager")
#: rather than a given name; longer given names are in deduce's list.
_MAX_UNKNOWN_GIVEN = 8
_NAME_PUNCT = "-'’"
_INITIALS = r"(?:[A-Z][a-z]?\.\s*)+"
#: A line that opens with a bullet or note number and the first author of a cited work: inverted
#: ("Lipsky, M.", "Jonge, E. de", "De Graaf, P."), or initials first and a year later in the line
#: ("1 J. Janssen, ‘Het virus ...’, NRC 16 maart 2020").
_REFERENCE_ENTRY = re.compile(
    rf"^[ \t]*(?:[-•*■][ \t]*|\d{{1,3}}\.?[ \t]+)?"
    rf"(?:[A-Z][\w'’-]+(?:[ \t][A-Za-z][\w'’-]+){{0,2}},[ \t]+{_INITIALS}"
    rf"|{_INITIALS}(?:[a-z']+[ \t]+){{0,3}}[A-Z][\w'’-]+,[^\n]*\b(?:19|20)\d\d\b)"
    r"[^\n]*",
    re.MULTILINE,
)


@dataclass(frozen=True)
class _Token:
    """What the matcher needs of one token, computed once per doc."""

    folded: str
    initial: bool
    capitalised: bool  # "Bakker-Klein", "Ročak", "D'Ancona"; not "KLM", not "p.5"
    stop: bool


@lru_cache(maxsize=65536)  # one entry per distinct word: texts repeat their words
def _token(text: str, shape: str, titles: frozenset[str]) -> _Token:
    core = text
    for mark in _NAME_PUNCT:
        core = core.replace(mark, "")
    capitalised = (
        len(core) >= 2 and core.isalpha() and text[0].isupper() and any(c.islower() for c in core[1:])
    )
    lower = text.lower()
    stop = lower in STOP_WORDS or lower.replace("’", "'") in STOP_WORDS
    folded = fold(text)
    initial = shape in _INITIAL_SHAPES and folded not in titles  # "Th." yes, "Dr." no
    return _Token(folded, initial, capitalised, stop)


@lru_cache(maxsize=4)
def _openings(particles: frozenset[str]) -> frozenset[str]:
    """What a particle's first word or words can be: each particle and each of its beginnings
    that ends before a space ("van", "van de", "van der" of "van der")."""
    return frozenset(p[:k] for p in particles for k in range(1, len(p) + 1) if k == len(p) or p[k] == " ")


@lru_cache(maxsize=1)
def _credit_pattern() -> re.Pattern[str]:
    """A credit label before a colon in any case, or in capitals, and the rest of its line (at most 80 characters)."""
    labels = sorted(credit_labels(), key=len, reverse=True)
    alternatives = "|".join(re.escape(label) for label in labels)
    upper = "|".join(re.escape(label.upper()) for label in labels)
    return re.compile(rf"(?:\b(?i:{alternatives})[ \t]*:|\b(?:{upper})\b)[^\n]{{0,80}}")


def _cited_tokens(doc: Doc) -> list[bool]:
    """Per token: whether it stands in a reference-list entry, a footnote citing a work or a photo credit."""
    cited = [False] * len(doc)
    for match in (*_REFERENCE_ENTRY.finditer(text_of(doc)), *_credit_pattern().finditer(text_of(doc))):
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is not None:
            cited[span.start:span.end] = [True] * len(span)
    return cited


class _Matcher:
    """Finds the spans in one doc; the lists come from ``PersonLexicon`` and ``PersonCues``."""

    def __init__(self, doc: Doc, lexicon: PersonLexicon, cues: PersonCues) -> None:
        self.lexicon = lexicon
        self.cues = cues
        self.texts = strings(doc, ORTH)
        self.tokens = [_token(text, shape, lexicon.titles) for text, shape in zip(self.texts, strings(doc, SHAPE))]
        self.max_particle = max(len(p.split()) for p in lexicon.particles)
        self.particle_openings = _openings(lexicon.particles)
        self.quoted = self._quoted_words()
        self.cited = _cited_tokens(doc)

    def _name_word(self, i: int) -> bool:
        token = self.tokens[i]
        return token.capitalised and not token.stop

    def _mid_sentence(self, i: int) -> bool:
        """After a word in lower case or a comma: a capital there marks a name, also on a word
        that is a stop word as well ("met Ben Rovers"; not "Ben je ...", "De Stichting"), unless
        it is a particle ("het boek De Pest")."""
        before = self.texts[i - 1] if i > 0 else ""
        return before == "," or (before.isalpha() and before.islower())

    def _organisation_word(self, i: int) -> bool:
        """"Stichting", "Hogeschool", "lezing": a name next to it names an organisation or event."""
        return 0 <= i < len(self.tokens) and self.tokens[i].folded in self.cues.organisation

    def _particles(self, i: int) -> int:
        """Index just after the longest particle sequence at ``i`` (``i`` when there is none)."""
        if i < len(self.tokens) and self.tokens[i].folded not in self.particle_openings:
            return i
        for length in range(min(self.max_particle, len(self.tokens) - i), 0, -1):
            if self._key(i, i + length) in self.lexicon.particles:
                return i + length
        return i

    def _surname_end(self, i: int) -> int | None:
        """End of "[particles] Surname" starting at ``i``, or None."""
        k = self._particles(i)
        if k < len(self.tokens) and self._name_word(k):
            return k + 1
        return None

    def _key(self, start: int, end: int) -> str:
        return " ".join(t.folded for t in self.tokens[start:end])

    def _role_or_speech(self, start: int, end: int) -> bool:
        """"aldus X", "X vertelt", "wethouder X", also a role in a compound: "opbouwwerker X"."""
        before = self.tokens[start - 1].folded if start > 0 else ""
        after = self.tokens[end].folded if end < len(self.tokens) else ""
        if before in self.cues.speech or after in self.cues.speech:
            return True
        return any(before.endswith(role) for role in self.cues.role)

    def _lone_cued(self, start: int, end: int) -> bool:
        """A known surname with a cue: a title ("dr. Jansen") always; another cue only when the
        word is no first name as well ("vertelt Angela" is a first name alone)."""
        surname = self.tokens[end - 1].folded
        if surname not in self.lexicon.surnames:
            return False
        if start > 0 and self.tokens[start - 1].folded in self.lexicon.titles:
            return True
        return surname not in self.lexicon.first_names and self._role_or_speech(start, end)

    def _quoted_words(self) -> frozenset[str]:
        """Rare capitalised words next to a speech verb ("stelt Ghorashi"): surnames no list
        knows, which ``_known_surname`` accepts after a given name no list knows either."""
        words = set()
        speech = self.cues.speech
        for i, token in enumerate(self.tokens):
            if not self._name_word(i):
                continue
            before = self.tokens[i - 1].folded if i > 0 else ""
            after = self.tokens[i + 1].folded if i + 1 < len(self.tokens) else ""
            if (before in speech or after in speech) and is_rare_word(token.folded):
                words.add(token.folded)
        return frozenset(words)

    def _known_name(self, i: int) -> int | None:
        """End of a name whose first token is an initial or a known first name, or None."""
        first = self.tokens[i]
        given = self._name_word(i) or (first.capitalised and self._mid_sentence(i) and first.folded not in self.lexicon.particles)
        if not (first.initial or (given and first.folded in self.lexicon.first_names)):
            return None
        j = i + 1
        while j < len(self.tokens) and j - i < _MAX_GIVEN:
            token = self.tokens[j]
            if not (token.initial or (self._name_word(j) and token.folded in self.lexicon.any_first_names)):
                break
            j += 1
        end = self._surname_end(j)
        if end is not None and not self._organisation_word(end):
            return end
        # "George Michael zich ...", "Eva Storm van de Erasmus Universiteit": the last of the
        # given names was the surname.
        if j - i >= 2 and not self.tokens[j - 1].initial:
            return j
        return None

    def _known_surname(self, i: int) -> int | None:
        """End of "Given [particles] Surname" with a given name no list knows ("Afiah Vijlbrief",
        "Halleh Ghorashi"): the surname is a known one or quoted elsewhere, and the given name
        is a rare Dutch word or one of the names deduce excepts ("Radboud"). A given name that is
        also a word ("Ernst") takes any surname after a role or before a speech verb: "aldus
        adviseur Ernst Zandvoorde"."""
        first = self.tokens[i]
        if not self._name_word(i):
            return None
        if first.folded not in self.lexicon.any_first_names and not (
            len(first.folded) <= _MAX_UNKNOWN_GIVEN and is_rare_word(first.folded)
        ):
            return None
        end = self._surname_end(i + 1)
        if end is None:
            return None
        surname = self.tokens[end - 1].folded
        if surname in self.lexicon.first_names:  # "Casemanager Angela"
            return None
        introduced = first.folded in self.lexicon.any_first_names and self._role_or_speech(i, end)
        return end if surname in self.lexicon.surnames or surname in self.quoted or introduced else None

    def full_name(self, i: int) -> int | None:
        """End of the full name that starts at token ``i``, or None. A name opens with an initial or
        a capitalised word (the test first: most tokens are neither)."""
        if not (self.tokens[i].initial or self.tokens[i].capitalised):
            return None
        if self.cited[i] or self._organisation_word(i - 1):
            return None
        end = self._known_name(i) or self._known_surname(i)
        if end is None or self._organisation_word(end):  # "Marie Kamphuis Stichting"
            return None
        return end

    def surname_key(self, start: int, end: int) -> str:
        """Of a full name: what a later lone mention looks like ("Marjet van Houten" -> "van houten")."""
        k = end - 1
        while k - 1 > start and self._key(k - 1, end - 1) in self.lexicon.particles:
            k -= 1
        return self._key(k, end)

    def lone_surnames(self, taken: list[bool], known: set[str]) -> list[tuple[int, int]]:
        """Surnames outside ``taken`` tokens: in ``known`` (keys of full names), or known to
        deduce and cued. Cued surnames join ``known``, so their uncued occurrences count too."""
        candidates: list[tuple[int, int]] = []
        for i in range(len(self.tokens)):
            end = None if taken[i] or self.cited[i] else self._surname_end(i)
            if end is None or any(taken[i:end]) or self._organisation_word(i - 1):
                continue
            candidates.append((i, end))
            if self._lone_cued(i, end):
                known.add(self._key(i, end))
        found: list[tuple[int, int]] = []
        last_end = 0
        for start, end in candidates:
            if start >= last_end and self._key(start, end) in known:
                found.append((start, end))
                last_end = end
        return found


_MARKED = re.compile(r"\*\*(?P<name>[^*\n]{4,60}?)\*\*(?=\s*(?:,|\ben\b|&)\s*\*\*|\s+(?P<verb>[a-z]+)\b)")
_MARKED_WORDS = (2, 5)  # words in a name a bio prints in bold


def _marked_names(doc: Doc, lexicon: PersonLexicon, cues: PersonCues) -> list[tuple[int, int]]:
    """Names a bio prints in bold before its verb ("■ **Suzan van der Pas** is lector ...",
    "**A** en **B** zijn ..."): the mark says it is a name even when no list knows the surname.
    Each word is capitalised or a particle, none is a title or an organisation's word, and the
    first is a known given name or a rare word (not "Werkplaats")."""
    found: list[tuple[int, int]] = []
    for match in _MARKED.finditer(text_of(doc)):
        if match.group("verb") is not None and match.group("verb") not in word_list("bio_verbs.txt"):
            continue
        words = match.group("name").split()
        if not _MARKED_WORDS[0] <= len(words) <= _MARKED_WORDS[1] or not words[0][:1].isupper() or words[-1].isupper():
            continue
        folded = [fold(w) for w in words]
        if any(f in lexicon.titles or f in cues.organisation for f in folded):
            continue
        if folded[0] not in lexicon.any_first_names and not is_rare_word(folded[0]):
            continue  # "**Werkplaats Sociaal Domein** is ...": a given name is a name or a rare word
        if not all(w[:1].isupper() or f in lexicon.particles or " ".join(folded[k:k + 2]) in lexicon.particles for k, (w, f) in enumerate(zip(words, folded))):
            continue
        span = doc.char_span(match.start("name"), match.end("name"))
        if span is not None:
            found.append((span.start, span.end))
    return found


def _genitive(doc: Doc, start: int, end: int, given: set[str]) -> bool:
    """A given name with the genitive s before a noun is no surname: "zegt Marks moeder" after
    "Mark Bomhof" is Mark's mother speaking."""
    word = doc[start].lower_
    return end - start == 1 and word.endswith("s") and word[:-1] in given and end < len(doc) and doc[end].is_lower


def find_person_spans(
    doc: Doc, lexicon: PersonLexicon | None = None, cues: PersonCues | None = None
) -> list[Span]:
    """Person-name mentions in ``doc``, sorted and without overlaps, labelled ``PERSON``."""
    matcher = _Matcher(doc, lexicon or load_lexicon(), cues or load_cues())
    spans: list[tuple[int, int]] = []
    taken = [False] * len(doc)
    known: set[str] = set()
    for start, end in _marked_names(doc, matcher.lexicon, matcher.cues):
        spans.append((start, end))
        known.add(matcher.surname_key(start, end))
        taken[start:end] = [True] * (end - start)
    i = 0
    while i < len(doc):
        if taken[i]:
            i += 1
            continue
        end = matcher.full_name(i)
        if end is None:
            i += 1
            continue
        spans.append((i, end))
        known.add(matcher.surname_key(i, end))
        taken[i:end] = [True] * (end - i)
        i = end
    given = {doc[start].lower_ for start, end in spans if end - start > 1}
    spans.extend(span for span in matcher.lone_surnames(taken, known) if not _genitive(doc, *span, given))
    return filter_spans([Span(doc, start, end, label=LABEL) for start, end in sorted(spans)])


def score_persons(examples: Iterable[Example], **kwargs: Any) -> dict[str, Any]:
    """``persons_p``, ``persons_r``, ``persons_f`` (and per type) over the examples."""
    return score_span_group(SPANS_KEY, examples, **kwargs)


@spacy.registry.scorers("kg.persons_scorer.v1")
def make_persons_scorer() -> Callable[..., dict[str, Any]]:
    return score_persons


class PersonRecognizer:
    """Writes ``doc.spans["persons"]``; ``score`` lets ``nlp.evaluate`` report this stage."""

    def __init__(self, name: str, cues: PersonCues, scorer: Callable[..., dict[str, Any]]) -> None:
        self.name = name
        self.cues = cues
        self.scorer = scorer

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[SPANS_KEY] = find_person_spans(doc, cues=self.cues)
        return doc

    def score(self, examples: Iterable[Example], **kwargs: Any) -> dict[str, Any]:
        return self.scorer(examples, **kwargs)


@Language.factory(
    "kg_persons",
    default_config={"cues_path": None, "scorer": {"@scorers": "kg.persons_scorer.v1"}},
)
def make_persons(
    nlp: Language, name: str, cues_path: Optional[str], scorer: Callable[..., dict[str, Any]]
) -> PersonRecognizer:
    """``cues_path``: a cue file like ``kg/data/person_cues.txt`` (None: that file)."""
    return PersonRecognizer(name, load_cues(cues_path), scorer)
