"""Recommendations: sentences that say what should be done, with who says it and who should act.

A sentence is a recommendation when it carries a normative cue (``kg/data/recommendation_cues.tsv``:
"moet", "zou ... moeten", "is nodig", "het is zaak", "laten we", "pleit voor", "advies is", ...)
or opens with an imperative, and is not a question, a reported past obligation ("moesten"), a
rule-like condition ("Wie ... moet"), a fear ("mijn angst is dat ... moeten"), a view the writer
rejects ("sommigen vinden ... maar") or a sentence a pull quote was merged into ("..., Laten we").
The speaker is the person a quote is attributed to ("zegt X", "aldus X", "X: ‘...’") or a
sentence names ("vindt Bergen", "volgens Roovers"); the addressee (``kg/data/addressees.tsv``) is
the group that should act: the subject of the cue ("gemeenten moeten", "dat de overheid ...
moet", "het is aan de gemeente om"), the agent of a passive ("door gemeenten"), or the vocative
or colon lead of an imperative ("Hulpverleners, ...", "Aan beleidsmakers: ..."), else the group
the article's opening addresses ("Drie tips voor wijkteams"). A headline recommends when it is a
listed tip or demands of a named group ("Kabinet moet ..."); a cue in capitals is a pull quote."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import chain
from importlib import resources
from pathlib import Path
from typing import Any, Optional

from spacy.attrs import IS_SPACE, IS_TITLE, LOWER, ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.training import Example
from spacy.util import registry

from kg.lexicon import zipf
from kg.nlp.lemmas import lemma
from kg.nlp.scoring import score_span_group
from kg.nlp.speakers import OPENING_QUOTES, Speakers
from kg.nlp.token_arrays import rows, strings

SPANS_KEY = "recommendations"
LABEL = "RECOMMENDATION"
GAP = 12  # tokens a "..." in a cue may stand for
POSITIVE = ("modal", "necessity", "urgency", "exhortation", "advocacy", "advice", "importance", "wish", "suggestion")
DESCRIBED = ("modal", "necessity")  # the kinds a past tense or a prediction frame turns into a description
COLON_LEAD = 6  # words before a colon that may introduce an imperative
THEN_GAP = 3  # words between the imperative after a condition and its "dan"
HEADLINE_TOKENS = 15  # a paragraph this short without final punctuation is a headline
BULLETS = "•*·-–"
FINAL = ".!?…"  # sentence-final punctuation
_PRONOUN = "*"
COMPOUND_TAIL = 6  # letters of a group name that may end a compound ("jeugdprofessionals")
APPOSITION = 5  # words after a pronoun in which "als <group>" names it ("we moeten als opleiding")
AUDIENCE_UNITS = 3  # sentences at an article's start (headline, lead) that may name whom it addresses
ADDRESSEE_KINDS = ("determiner", "preposition", "agent", "addressing", "complementiser", "passive")

Span.set_extension("speaker", default=None, force=True)
Span.set_extension("addressee", default=None, force=True)
Span.set_extension("cues", default=(), force=True)  # kinds of the cues that made it one

_CLITIC = re.compile(r"(\w)(’\w)")  # "z’n" is two tokens, "z" and "’n"

Pattern = tuple[str, ...]
Hit = tuple[str, int, int]  # kind, first word, end word (indexes into the sentence's words)
_NONE: dict[str, list[tuple[int, Pattern]]] = {}  # no pattern starts with this word


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

    @property
    def closing(self) -> frozenset[str]:
        """Abbreviations that end a sentence when a capital follows ("etc.", "enz.")."""
        return frozenset(_flat(self.patterns.get("closing-abbreviation", ())))

    @classmethod
    def load(cls, cues: Path | None = None, addressees: Path | None = None, speech_verbs: Path | None = None) -> Cues:
        patterns: dict[str, list[Pattern]] = {}
        for cue, kind in _rows(cues, "recommendation_cues.tsv"):
            patterns.setdefault(kind, []).append(tuple(cue.lower().split()))
        return cls(
            {kind: tuple(found) for kind, found in patterns.items()},
            {tuple(_CLITIC.sub(r"\1 \2", surface.lower()).split()): label for surface, label in _rows(addressees, "addressees.tsv")},
            frozenset(row[0].lower() for row in _rows(speech_verbs, "speech_verbs.txt")),
        )

    @cached_property
    def _by_first(self) -> dict[str, dict[str, list[tuple[int, Pattern]]]]:
        """Every pattern (with its place in its kind's list) by its first word, then by kind, so
        that one pass over a sentence tries at each word only the patterns that can start there."""
        index: dict[str, dict[str, list[tuple[int, Pattern]]]] = {}
        for kind, patterns in self.patterns.items():
            for order, pattern in enumerate(patterns):
                index.setdefault(pattern[0] if pattern else "", {}).setdefault(kind, []).append((order, pattern))
        return index

    @cached_property
    def _unanchored(self) -> dict[str, tuple[Pattern, ...]]:
        """Per kind, the patterns that do not open with a word ("..." first): any word may start them."""
        return {kind: tuple(p for p in patterns if not p or p[0] == "...") for kind, patterns in self.patterns.items()}

    def find(self, kinds: Iterable[str], words: Sequence[str], start: int = 0) -> list[Hit]:
        """Every match of a cue of these kinds in ``words`` (lower case) at or after ``start``,
        by kind, then by the cue's place in the file, then by position."""
        kinds = tuple(kinds)
        found: dict[str, list[tuple[int, int, int]]] = {kind: [] for kind in kinds}
        by_first = self._by_first
        for at in range(start, len(words)):
            for kind, patterns in by_first.get(words[at], _NONE).items():
                if kind in found:
                    for order, pattern in patterns:
                        end = _match(pattern, words, at)
                        if end is not None:
                            found[kind].append((order, at, end))
        return [(kind, at, end) for kind in kinds for _, at, end in sorted(found[kind])]

    def opens(self, kind: str, words: Sequence[str], at: int) -> bool:
        anchored = self._by_first.get(words[at], _NONE).get(kind, ()) if at < len(words) else ()
        return any(_match(pattern, words, at) is not None for pattern in chain((p for _, p in anchored), self._unanchored.get(kind, ())))


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


def sentence_units(doc: Doc, closing: frozenset[str] = frozenset()) -> list[Span]:
    """Sentences, also cut at line and paragraph breaks (a headline has no full stop), before
    a run-in headline's body and after an abbreviation that closes a sentence ("etc. Zorg dat"),
    with an opening quote moved to the sentence it opens."""
    cuts = {0, len(doc)}
    for sentence in doc.sents:
        cuts.add(sentence.start)
    texts, lowers = strings(doc, ORTH), strings(doc, LOWER)
    for i, (space, title) in enumerate(rows(doc, IS_SPACE, IS_TITLE)):
        if space and "\n" in texts[i]:
            cuts.update((i, i + 1))
        elif title and (_runs_in(doc[i]) or (i > 0 and lowers[i - 1] in closing)):  # _runs_in asks for a title too
            cuts.add(i)
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
        self.addressees = Addressees(cues)

    def __call__(self, doc: Doc) -> list[Span]:
        speakers = Speakers(doc, self.cues.speech_verbs)
        units = sentence_units(doc, self.cues.closing)
        audience = self.addressees.audience(units[:AUDIENCE_UNITS])
        found = []
        lowers = strings(doc, LOWER)
        for unit in units:
            words = lowers[unit.start : unit.end]
            hits = self._normative(unit, words)
            if hits is None:
                continue
            span = Span(doc, unit.start, unit.end, label=LABEL)
            span._.speaker = speakers.of(unit)
            span._.addressee = self._addressee(unit, words, hits) or audience
            span._.cues = tuple(sorted({kind for kind, _, _ in hits})) or (("tip",) if _is_headline(unit) else ("imperative",))
            found.append(span)
        return found

    def _normative(self, unit: Span, words: list[str]) -> list[Hit] | None:
        """The cue hits that make ``unit`` a recommendation (``[]`` for an imperative), or None."""
        if "?" in words[-3:] or words[-1] == ",":
            return None
        imperative = self._imperative(unit, words)
        if _is_headline(unit):  # a tip in a list: "3 Neem lichte contacten serieus", not a reference "- Trouw (4 mei 2020)"
            listed = unit[0].like_num or unit[0].text in BULLETS
            if imperative is not None and listed and not any(token.is_digit for token in unit[1:]):
                return []
            return self._demand(unit, words)
        hits = [hit for hit in self.cues.find(POSITIVE, words) if hit[0] != "exhortation" or self._opens_clause(unit, words, hit[1])]
        if any(_merged(unit, start) for _, start, _ in hits):
            return None
        if any(self._one_clause(words, start, end) for _, start, end in self.cues.find(("past",), words)):
            hits = [hit for hit in hits if hit[0] not in DESCRIBED]
        frames = self.cues.find(("prediction",), words)
        hits = [hit for hit in hits if hit[0] not in DESCRIBED or not any(end <= hit[1] for _, _, end in frames)]
        idioms = self.cues.find(("idiom",), words)
        hits = [hit for hit in hits if not any(start <= hit[1] < end or start < hit[2] <= end for _, start, end in idioms)]
        for _, _, end in self.cues.find(("distance",), words):
            if self.cues.find(("contrast",), words, end):
                return None
        if hits and self._conditional(words):
            hits = [hit for hit in hits if hit[0] != "modal" or self.addressees.subject(unit, words, hit) is not None]
        hits = [
            hit
            for hit in hits
            if hit[0] not in DESCRIBED or not self._in_subclause(unit, words, hit[1]) or self.addressees.subject(unit, words, hit) not in (None, "wij")
        ]
        hits = [hit for hit in hits if not _in_parentheses(words, hit[1]) and not _shouted(unit, hit)]
        if hits:
            return hits
        ends = unit[-1].text in ".!’”" or (len(unit) > 1 and unit[-2].text in ".!")  # not a fragment cut by a page break
        return [] if imperative is not None and ends and not self._consequence(words) else None

    def _demand(self, unit: Span, words: list[str]) -> list[Hit] | None:
        """A headline that demands of a named group ("Kabinet moet armoede aanpakken", "Gemeenten
        moeten meer doen"); a headline with "we" or "je", or without a group, only names a topic."""
        hits = [
            hit
            for hit in self.cues.find(("modal",), words)
            if not _shouted(unit, hit) and self.addressees.subject(unit, words, hit) not in (None, "wij")
        ]
        return hits or None

    def _one_clause(self, words: list[str], start: int, end: int) -> bool:
        """Does a cue with a gap stay inside one clause ("hebben we concessies moeten doen", not
        "heb ik gezegd dat we moeten ...")?"""
        return not any(self.cues.opens("clause-boundary", words, i) for i in range(start + 1, end - 1))

    def _consequence(self, words: list[str]) -> bool:
        """"Combineer die taal met ... en je krijgt ...": an imperative with a consequence after
        it states a condition ("if you combine"), it does not advise."""
        return any(end < len(words) and _finite(words[end]) for _, _, end in self.cues.find(("consequence",), words))

    def _conditional(self, words: list[str]) -> bool:
        """Does the sentence open with a condition ("Wie ...", "En wanneer ...")?"""
        first = 1 if len(words) > 1 and self.cues.opens("clause-opener", words, 0) else 0
        return words[first] in _flat(self.cues.patterns.get("conditional", ()))

    def _in_subclause(self, unit: Span, words: list[str], at: int) -> bool:
        """A modal or necessity at the end of a conditional, relative or reason clause describes
        ("als je iets goed moet maken", "mensen die achteraan moeten sluiten", "als contact
        noodzakelijk is", "omdat het zo hoort te gaan"); it does not recommend, unless its subject
        is a named addressee ("Waar mogelijk moeten hulpverleners ...")."""
        for i in range(at - 1, -1, -1):
            if unit[i].is_punct:
                return False
            if any(self.cues.opens(kind, words, i) for kind in ("conditional", "relative", "reason")):
                return True
        return False

    def _opens_clause(self, unit: Span, words: list[str], at: int) -> bool:
        """"Laten we" exhorts at the start of a clause; after a subject it is "we let"."""
        return at == 0 or unit[at - 1].is_punct or self.cues.opens("clause-opener", words, at - 1)

    def _imperative(self, unit: Span, words: list[str]) -> int | None:
        """Index of an imperative verb that opens the sentence (after a bullet, a quote or a
        vocative "Hulpverleners, ..."), the clause after a short lead and a colon ("Daar bedoel
        ik mee: luister ...") or the main clause after a condition ("Als je ..., doe het dan
        digitaal"); None if there is none."""
        first = _first_word(unit, 0)
        starts = [first] if first is not None and unit[first].is_title else []
        starts += [_first_word(unit, i + 1) for i, word in enumerate(words[:-1]) if word == ":" and i <= COLON_LEAD]
        starts += self._after_condition(words)
        for at in starts:
            if at is None:
                continue
            vocative = _match_longest(self.cues.addressees, words, at)
            if vocative and vocative[0] < len(words) and words[vocative[0]] == ",":
                at = vocative[0] + 1
            if at + 1 >= len(words) or self.cues.opens("not-imperative", words, at):
                continue
            if self.cues.opens("not-after-imperative", words, at + 1) and not _paired_imperative(words, at):
                continue
            if unit[at].is_alpha and _verb_stem(words[at]) and not self._finite_before_boundary(words, at + 1):
                return at
        return None

    def _after_condition(self, words: list[str]) -> list[int]:
        """The first word after a fronted condition's comma when "dan" follows it closely: the
        main clause of "Als je ze gebruikt, doe dat dan alleen ..." is an imperative."""
        if not self._conditional(words) or "," not in words:
            return []
        at = words.index(",") + 1
        then = _flat(self.cues.patterns.get("then", ()))
        return [at] if any(word in then for word in words[at + 1 : at + 1 + THEN_GAP]) else []

    def _finite_before_boundary(self, words: list[str], at: int) -> bool:
        """A finite verb in the first clause ("Stress door schaarste maakt ...", "Verlies gaat
        over ...") makes the sentence's first word its subject, not an imperative."""
        for i in range(at, len(words)):
            if self.cues.opens("clause-boundary", words, i):
                return False
            if _finite(words[i]):
                return True
        return False

    def _addressee(self, unit: Span, words: list[str], hits: list[Hit]) -> str | None:
        if not hits:
            return self.addressees.of_imperative(unit, words)
        for hit in sorted(hits, key=lambda hit: hit[1]):
            label = self.addressees.subject(unit, words, hit)
            if label:
                return label
        return None


class Addressees:
    """Who a sentence asks to act: a group of ``kg/data/addressees.tsv`` that is the subject of
    the cue, the vocative or the lead of an imperative. A group named after a preposition
    ("kaart voor hulpverleners", "samenwerking met gemeenten") or the subject of a passive
    ("mantelzorgers moeten ondersteund worden") is not who acts; the agent ("door gemeenten") is."""

    def __init__(self, cues: Cues) -> None:
        self.cues = cues
        self.table = cues.addressees
        self.tails = {p[0]: label for p, label in cues.addressees.items() if len(p) == 1 and len(p[0]) >= COMPOUND_TAIL and label != _PRONOUN}
        self.words = {kind: frozenset(_flat(cues.patterns.get(kind, ()))) for kind in ADDRESSEE_KINDS}

    def at(self, words: Sequence[str], at: int) -> tuple[int, str] | None:
        """(end, label) of a group named from ``at``: "gemeenten", "de gemeente", "een leerkracht",
        "de verantwoordelijke politici", a compound on a group ("jeugdprofessionals")."""
        if at >= len(words):
            return None
        found = _match_longest(self.table, words, at)
        if found:
            return found
        i = at + (words[at] in self.words["determiner"])
        if i + 1 < len(words) and _attributive(words[i]):  # one adjective: "lokale", "verantwoordelijke"
            i += 1
        found = _match_longest(self.table, words, i) if i > at and i < len(words) else None
        if found and found[1] != _PRONOUN:
            return found
        return self._compound(words, i) if i < len(words) else None

    def _compound(self, words: Sequence[str], at: int) -> tuple[int, str] | None:
        """A compound whose last part names a group: "beroepsopleidingen", "praktijkorganisaties"."""
        word = words[at]
        tails = [tail for tail in self.tails if word.endswith(tail) and len(word) - len(tail) >= 3]
        return (at + 1, self.tails[max(tails, key=len)]) if tails else None

    def _actor(self, words: Sequence[str], at: int) -> tuple[int, str] | None:
        """A group whose phrase starts at ``at`` and that can act: not the object of a preposition
        ("voor hulpverleners", "in onze samenleving"); a phrase starts before a determiner or adjective."""
        before = words[at - 1] if at > 0 else ""
        if before in self.words["preposition"] or before in self.words["determiner"] or _attributive(before):
            return None
        return self.at(words, at)

    def subject(self, unit: Span, words: list[str], hit: Hit) -> str | None:
        """The group that should act on the cue ``hit``, or None (a pronoun resolved by ``resolve``)."""
        kind, start, end = hit
        candidates = chain(self._after_complementiser(unit, words, start), self._before(unit, words, start), self._after(words, kind, start, end))
        at, found = next(candidates, (0, None))
        if found is None:
            return None
        if self._passive(words, found[0]):
            return self._agent(words, start)
        return self.resolve(words, at, found[1])

    def _after_complementiser(self, unit: Span, words: list[str], start: int) -> Iterator[tuple[int, tuple[int, str]]]:
        """The first group after "dat" is the subject of its clause ("dat de overheid deze burgers
        zou moeten beschermen": de overheid, not the object nearest the cue)."""
        for i in range(start - 1, -1, -1):
            if unit[i].is_punct:
                return
            if words[i] in self.words["complementiser"]:
                found = self._actor(words, i + 1)
                if found and found[0] <= start:
                    yield i + 1, found
                return

    def _before(self, unit: Span, words: list[str], start: int) -> Iterator[tuple[int, tuple[int, str]]]:
        """A group right before the cue ("gemeenten moeten"; two words may stand between)."""
        for at in range(max(0, start - 6), start):
            found = self._actor(words, at)
            if found and start - 2 <= found[0] <= start and not any(unit[i].is_punct for i in range(found[0], start)):
                yield at, found

    def _after(self, words: list[str], kind: str, start: int, end: int) -> Iterator[tuple[int, tuple[int, str]]]:
        """A group inside or right after the cue: "moet de overheid", "het is aan de gemeente om",
        "ik roep de minister op", "belangrijk dat gemeenten", "advies aan gemeenten", "zaak dat de
        politiek", "dit vraagt van wijkteams om". What is necessary ("we hebben professionals nodig") is not who acts, and after
        "om" comes an object ("belangrijk om mantelzorgers te ontlasten")."""
        inside = [] if kind == "necessity" else [start + 1, start + 2, *range(start + 3, end)]
        after = [end, end + 1] if end < len(words) and words[end] in self.words["addressing"] | self.words["complementiser"] else [end]
        limit = end - 1 if words[end - 1] == "om" else len(words)  # "om" + an object
        for at in dict.fromkeys(at for at in inside + after if at < limit):
            addressed = start < at < end and words[at - 1] in self.words["addressing"]  # "vraagt van wijkteams om"
            found = self.at(words, at) if addressed else self._actor(words, at)
            if found:
                yield at, found

    def _clause_end(self, words: Sequence[str], at: int) -> int:
        return next((i for i in range(at, len(words)) if self.cues.opens("clause-boundary", words, i)), len(words))

    def _passive(self, words: Sequence[str], at: int) -> bool:
        """Does the clause go on in the passive ("moeten beter ondersteund worden")?"""
        return any(word in self.words["passive"] for word in words[at : self._clause_end(words, at)])

    def _agent(self, words: Sequence[str], start: int) -> str | None:
        """The agent of a passive clause: "moet door gemeenten worden opgepakt"."""
        for i in range(start, self._clause_end(words, start + 1)):
            found = self.at(words, i + 1) if words[i] in self.words["agent"] else None
            if found and found[1] != _PRONOUN:
                return found[1]
        return None

    def audience(self, opening: Sequence[Span]) -> str | None:
        """The group a whole article addresses, named in its opening lines: after an address
        ("tips voor wijkteams", "een oproep aan de minister", "Beste wethouders,"). It is who
        should act on a recommendation that names no one ("Bel vaker aan.")."""
        for unit in opening:
            words = strings(unit.doc, LOWER)[unit.start : unit.end]
            for _, _, end in self.cues.find(("audience",), words):
                found = self.at(words, end)
                if found and found[1] != _PRONOUN:
                    return found[1]
        return None

    def of_imperative(self, unit: Span, words: list[str]) -> str | None:
        """A vocative ("Hulpverleners, werk ..."), a group in a short lead before a colon ("Aan
        beleidsmakers: betrek ...") or beside the reader ("zorg dat je als professional ..."),
        else the reader (None)."""
        first = _first_word(unit, 0) or 0
        found = _match_longest(self.table, words, first)
        if found and found[1] != _PRONOUN and found[0] < len(words) and words[found[0]] == ",":
            return found[1]
        lead = words.index(":") if ":" in words[: COLON_LEAD + 1] else 0
        for at in range(first, lead):
            found = self.at(words, at)
            if found and found[1] != _PRONOUN:
                return found[1]
        for at, word in enumerate(words):
            label = self.resolve(words, at, _PRONOUN) if word in ("je", "jij", "u") else None
            if label:
                return label
        return None

    def resolve(self, words: Sequence[str], at: int, label: str) -> str | None:
        """A pronoun ("we", "je") stands for the group named right after it ("we professionals") or
        in apposition with "als" ("wij als sociaal werkers", "we moeten als opleiding")."""
        if label != _PRONOUN:
            return label
        found = self.at(words, at + 1)
        if found and found[1] != _PRONOUN:
            return found[1]
        for i in range(at + 1, min(at + APPOSITION, len(words))):
            found = self.at(words, i + 1) if words[i] == "als" else None
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
    "neem" <- nemen, "geef" <- geven, "lees" <- lezen, "zet" <- zetten, "creëer" <- creëren."""
    short = re.sub(r"([aeou])\1", r"\1", word.replace("ëe", "ë"))
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
    if word.endswith("e") and not word.endswith(("ee", "ie", "oe")):  # no stem ends in a schwa: "Interne" (+t = "internet")
        return False
    probe = word if word.endswith(("t", "d")) else word + "t"
    if zipf(probe) < 2.0:  # "zeker" -> "zekert": a verb in the lexicon, but not in use
        return False
    infinitive = lemma(probe)
    if infinitive in (probe, word) or not infinitive.endswith("n"):
        return False
    return any(infinitive.startswith(stem) for stem in _stems(word))


def _paired_imperative(words: Sequence[str], at: int) -> bool:
    """Two imperatives joined by "en" ("Denk en praat mee", "Vraag en stimuleer"), not a pair of
    nouns ("Zorg en welzijn", "Werk en inkomen")."""
    return at + 2 < len(words) and words[at + 1] == "en" and _verb_stem(words[at]) and _verb_stem(words[at + 2])


def _attributive(word: str) -> bool:
    """An inflected adjective before a noun: "lokale", "verantwoordelijke"."""
    return len(word) > 3 and word.isalpha() and word.endswith("e")


def _finite(word: str) -> bool:
    """A present or past finite verb form: "maakt", "gaat", "woonden", "kwamen", "is" (not a
    participle used as an adjective: "discriminerende", "gebroken"; an infinitive is its own lemma)."""
    if word in ("is", "was", "wordt", "werd"):
        return True
    endings = ("t", "de", "te", "den", "ten", "en")
    if len(word) < 4 or not word.endswith(endings) or word.endswith("nde") or (word.endswith("en") and word.startswith("ge")):
        return False
    base = lemma(word)
    return base != word and base.endswith("n")


def _runs_in(token: Token) -> bool:
    """A common word capitalised right after a word with no punctuation between starts a
    sentence the extraction ran into a headline: "Neem contacten serieus Er is ...", "Verstoor de
    verbanden niet Mensen zijn ...". Only a headline does this: a short stretch from the
    paragraph's start without sentence punctuation; inside a sentence a capital is a name
    ("om het verdeelde Nederland te bewegen")."""
    if token.i == 0 or not token.is_title or zipf(token.lower_) < 5.5:
        return False
    before = token.doc[token.i - 1]
    if not before.text[-1:].isalpha() or not before.text[-1:].islower() or before.is_title and token.i > 1:
        return False  # after a capitalised word it goes on a name: "Platform Lectoren Sociaal Werk"
    for back in range(token.i - 1, max(-1, token.i - 1 - HEADLINE_TOKENS), -1):
        previous = token.doc[back]
        if previous.is_space and "\n" in previous.text:
            return True
        if previous.text in FINAL + ":;":
            return False
    return token.i <= HEADLINE_TOKENS


def _merged(unit: Span, at: int) -> bool:
    """A cue capitalised after a comma ("een oplossing, Laten we ...", "Huisvesting, Hopelijk")
    opens a pull quote or a column the PDF extraction ran into this sentence: the unit is garbled."""
    return at > 0 and unit[at].is_title and unit[at - 1].text == ","


def _in_parentheses(words: list[str], at: int) -> bool:
    """Is word ``at`` inside brackets? An aside or an example (‘u moet vooral niet denken ...’)
    is not what the sentence recommends."""
    depth = 0
    for word in words[:at]:
        depth += (word == "(") - (word == ")")
    return depth > 0


def _shouted(unit: Span, hit: Hit) -> bool:
    """A cue in capitals ("PROFESSIONALS MOETEN ...") is in a pull quote, which repeats a sentence
    of the body; the body's sentence is the recommendation."""
    _, start, end = hit
    return any(token.is_upper and len(token) > 1 for token in unit[start:end])


def _is_headline(unit: Span) -> bool:
    """A short paragraph opening that does not end like a sentence."""
    doc = unit.doc
    opens = unit.start == 0 or "\n" in doc[unit.start - 1].text
    return opens and len(unit) <= HEADLINE_TOKENS and unit[-1].text not in ".!?:;’”'\"…)"


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
