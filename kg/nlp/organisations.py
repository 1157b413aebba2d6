"""The ``kg_organisations`` component: organisation mentions as ``doc.spans["organisations"]``.

Three sources, then the longest span wins where they overlap:

1. the gazetteer (``ontology/organisations.tsv``): acronyms in their own casing (PhraseMatcher on
   ORTH), names and aliases in any casing (PhraseMatcher on LOWER) as long as the mention is
   capitalised somewhere; ``span.kb_id_`` is the gazetteer id;
2. name shapes from ``kg/data/organisation_patterns.json`` (``kg.nlp.name_shapes``): a head and a capitalised name
   ("Stichting De Buurtbron", "de gemeente Ooststellingwerf") or a capitalised name and a head
   ("Verwey-Jonker Instituut"); ``kb_id_`` is set when the whole span resolves in the gazetteer;
3. unseen acronyms (``IZA``, ``BSvL``), minus a stoplist of capitals that name no organisation.

Also from the gazetteer: compounds that open with a listed name ("Movisie-bestuurder", the whole
token, as the tokenizer keeps it whole) and names listed after a plural head ("gemeenten (Zeist,
Ede en Assen)": each bare name, resolved as "Gemeente X"). An unresolved acronym takes the id of
the name it abbreviates in the same text.

Guards: a common Dutch word that is capitalised only because it opens a
sentence is not a name, and an acronym inside an ALL-CAPS heading is a word of the heading.
A municipality or province named as a place ("in de gemeente Westerveld") is not the
organisation, and an unseen acronym opening a compound ("VR-omgeving") names no organisation.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import spacy
from spacy.attrs import IS_ALPHA, LIKE_EMAIL, LIKE_URL, LOWER, ORTH
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.training import Example
from spacy.util import filter_spans
from spacy.vocab import Vocab
from wordfreq import zipf_frequency

from kg.data import word_list
from kg.lexicon import zipf
from kg.nlp.doctext import text_of
from kg.nlp.gazetteer import Gazetteer, Organisation, fold, is_acronym, strip_diacritics
from kg.nlp.name_shapes import NameShapes
from kg.nlp.person_lexicon import load_lexicon
from kg.nlp.pattern_tokens import PatternTokens
from kg.nlp.scoring import score_span_group
from kg.nlp.token_arrays import column, rows, strings
from kg.paths import ontology_dir

SPAN_KEY = "organisations"
LABEL = "ORG"
DEFAULT_PATTERNS = Path(__file__).resolve().parents[1] / "data" / "organisation_patterns.json"

_SENTENCE_ENDS = frozenset({".", "!", "?", ":", ";", "•", "–", "—"})
_ARTICLES = frozenset({"de", "het", "den", "the"})
_OPENERS = frozenset({"‘", "“", "'", '"', "(", "-", "–", "—", "•"})


def default_gazetteer_path() -> Path:
    return ontology_dir() / "organisations.tsv"


@dataclass(frozen=True)
class PatternData:
    """The contents of ``organisation_patterns.json`` (see its ``_about``)."""

    lowercase_heads: tuple[str, ...]
    capitalised_heads: tuple[str, ...]
    suffix_heads: tuple[str, ...]
    unit_heads: frozenset[str]
    branch_networks: frozenset[str]
    chair_words: tuple[str, ...]
    reference_entry: re.Pattern[str]
    channel_ids: frozenset[str]
    channel_prepositions: frozenset[str]
    connectors: frozenset[str]
    name_stoplist: frozenset[str]
    list_heads: dict[str, str]
    territory_heads: frozenset[str]
    locative_prepositions: frozenset[str]
    acronym_stoplist: frozenset[str]
    acronym: re.Pattern[str]
    min_capitals_mixed_case: int
    common_word_zipf: float
    function_word_zipf: float
    run_stop_zipf: float
    caps_word_zipf: float
    heading_word_zipf: float

    @classmethod
    def load(cls, path: Path | str) -> PatternData:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        shape = data["acronym"]
        rest = f"{{{shape['min_length'] - 1},{shape['max_length'] - 1}}}"
        return cls(
            lowercase_heads=tuple(data["prefix_heads"]["lowercase_ok"]),
            capitalised_heads=tuple(data["prefix_heads"]["capitalised_only"]),
            suffix_heads=tuple(data["suffix_heads"]),
            unit_heads=frozenset(data["unit_heads"]),
            branch_networks=frozenset(data["branch_networks"]),
            chair_words=tuple(data["chair_words"]),
            reference_entry=re.compile(data["reference_entry"]),
            channel_ids=frozenset(data["channels"]["ids"]),
            channel_prepositions=frozenset(data["channels"]["prepositions"]),
            connectors=frozenset(data["connectors"]),
            name_stoplist=frozenset(data["name_stoplist"]),
            list_heads=dict(data["list_heads"]),
            territory_heads=frozenset(data["territory"]["heads"]),
            locative_prepositions=frozenset(data["territory"]["prepositions"]),
            acronym_stoplist=frozenset(data["acronym_stoplist"]),
            acronym=re.compile(rf"[A-Z][A-Za-z0-9&]{rest}"),
            min_capitals_mixed_case=shape["min_capitals_mixed_case"],
            common_word_zipf=data["common_word_zipf"],
            function_word_zipf=data["function_word_zipf"],
            run_stop_zipf=data["run_stop_zipf"],
            caps_word_zipf=data["caps_word_zipf"],
            heading_word_zipf=data["heading_word_zipf"],
        )


class OrganisationFinder:
    """Finds organisation spans in a Doc; built once per vocabulary (matchers hold patterns)."""

    def __init__(self, vocab: Vocab, gazetteer: Gazetteer, patterns: PatternData) -> None:
        self.gazetteer = gazetteer
        self.patterns = patterns
        make_doc = PatternTokens(vocab)
        self._exact = PhraseMatcher(vocab, attr="ORTH")
        self._folded = PhraseMatcher(vocab, attr="LOWER")
        self._acronyms_inside: dict[str, frozenset[str]] = {}
        for surface, _ in gazetteer.surfaces():
            if is_acronym(surface):
                self._exact.add(surface, [make_doc(surface)])
                continue
            if " " not in surface:  # a one-word name may be written in capitals: NIBUD, MOVISIE
                self._exact.add(surface, [make_doc(surface.upper())])
            self._folded.add(surface, [make_doc(form) for form in {surface, strip_diacritics(surface)}])
            self._acronyms_inside[surface] = frozenset(word for word in surface.split() if is_acronym(word))
        self._shapes = NameShapes(
            vocab, make_doc, patterns.lowercase_heads, patterns.capitalised_heads, patterns.suffix_heads, patterns.connectors
        )
        make_doc.keep()

    def __call__(self, doc: Doc) -> list[Span]:
        listed = [*self._gazetteer_spans(doc), *self._compound_spans(doc), *self._list_spans(doc)]
        acronyms = list(self._acronym_spans(doc))
        shapes = list(self._shape_spans(doc, {span.start for span in listed}, {span.start for span in acronyms}))
        units = [*self._unit_spans(doc, listed, shapes), *self._branch_spans(doc, listed)]
        spans = [*units, *listed, *shapes, *acronyms, *self._affiliation_spans(doc), *self._employer_spans(doc), *self._address_spans(doc)]
        found = filter_spans(spans)  # stable sort: a gazetteer span wins a tie with a shape span
        ends = {span.end for span in found}
        kept = [
            span
            for span in found
            if not self._names_territory(doc, span.start)
            and not self._names_channel(span)
            and not _short_form_of_phrase(span, ends)
            and not self._in_reference_entry(span)
        ]
        return self._propagate_short_forms(doc, kept)

    def _names_channel(self, span: Span) -> bool:
        """Is a platform named as the channel something happens on ("een oproep op Facebook",
        "Instagram-accounts") rather than as the company?"""
        if span.kb_id_ not in self.patterns.channel_ids:
            return False
        doc = span.doc
        before = doc[span.start - 1].lower_ if span.start > 0 else ""
        compound = "-" in span.text or (span.end < len(doc) and not span[-1].whitespace_ and doc[span.end].text == "-")
        return before in self.patterns.channel_prepositions or compound

    def _in_reference_entry(self, span: Span) -> bool:
        """Is the span on a line of a reference list? What an entry cites is a source."""
        text = text_of(span.doc)
        start = text.rfind("\n", 0, span.start_char) + 1
        end = text.find("\n", span.end_char)
        return self.patterns.reference_entry.match(text[start : end if end >= 0 else len(text)]) is not None

    def _unit_spans(self, doc: Doc, listed: list[Span], shapes: list[Span]) -> Iterable[Span]:
        """A listed organisation followed by one of its units: "Fontys Hogeschool Sociaal Werk" is
        the unit, not Fontys plus a "Hogeschool Sociaal Werk" of its own."""
        ends = {span.end: span for span in listed if span.kb_id_}
        for shape in shapes:
            owner = ends.get(shape.start)
            if owner is not None and shape[0].text in self.patterns.unit_heads and owner[-1].whitespace_:
                unit = doc[owner.start : shape.end]
                yield self._labelled(unit, self.gazetteer.resolve(unit.text))

    # -- 1. gazetteer -------------------------------------------------------------------------

    def _gazetteer_spans(self, doc: Doc) -> Iterable[Span]:
        for match_id, start, end in self._exact(doc):
            span = doc[start:end]
            if not (is_acronym(span.text) and self._in_caps_heading(span)):
                yield self._labelled(span, self.gazetteer.resolve(doc.vocab.strings[match_id]))
        for match_id, start, end in self._folded(doc):
            surface = doc.vocab.strings[match_id]
            span = doc[start:end]
            if self._accept_folded(span, surface):
                yield self._labelled(span, self.gazetteer.resolve(surface))

    def _address_spans(self, doc: Doc) -> Iterable[Span]:
        """A web address on an organisation's own domain names it ("te downloaden op movisie.nl");
        only for one-word gazetteer names. An e-mail address does not: it is a contact line's
        mailbox ("Meer informatie: Joost de Haan, j.dehaan@movisie.nl"), not the organisation."""
        texts = strings(doc, ORTH)
        for i, (url, email) in enumerate(rows(doc, LIKE_URL, LIKE_EMAIL)):
            if not url or email:
                continue
            host = re.sub(r"^(?:https?://)?(?:www\.)?", "", texts[i].lower()).split("/")[0]
            label = host.split(".")[0] if host.count(".") >= 1 else ""
            organisation = self.gazetteer.resolve(label) if len(label) >= 4 else None
            if organisation is not None and " " not in organisation.name:
                yield self._labelled(doc[i : i + 1], organisation)

    def _affiliation_spans(self, doc: Doc) -> Iterable[Span]:
        """A name introduced by where a person works: "Lori van Egmond, van Vriendendiensten
        Deventer", "Kees Mol van het Buurtteam Oost". Needs the persons component to have run."""
        for person in doc.spans.get("persons", []):
            index = person.end
            role = False
            if index < len(doc) and doc[index].text == ",":
                role = (linked := _past_role(doc, index + 1)) != index + 1
                index = linked
            if index >= len(doc) or doc[index].text not in ("van", "bij"):
                continue  # "Schell-Kiehl, Van Rest & Vos": a capital "Van" opens the next surname
            index += 1
            if index < len(doc) and doc[index].lower_ in ("de", "het"):
                index += 1
            end = self._capitalised_run(doc, index)
            chair = role and _role_word(doc, person.end + 1).lower_.endswith(self.patterns.chair_words)
            common = chair and zipf(doc[index].lower_) >= self.patterns.common_word_zipf  # "hoogleraar Economie van Kunst": a chair, not an organisation
            if end > index and not common and not any(p.start < end and p.end > index for p in doc.spans["persons"]):
                name = doc[index:end]
                organisation = self.gazetteer.resolve(name.text)
                if organisation is not None or not self._holds_chair(doc, person.start):
                    yield self._labelled(name, organisation)

    def _capitalised_run(self, doc: Doc, index: int) -> int:
        """End of the run of capitalised words at ``index`` that may name an organisation."""
        end = index
        while end < len(doc) and doc[end].text[:1].isupper() and doc[end].text not in self.patterns.name_stoplist:
            if end > index and zipf(doc[end].lower_) >= self.patterns.run_stop_zipf:
                break  # "Movisie Op welke manier": a function word opens the next sentence or line
            end += 1
        return end

    def _employer_spans(self, doc: Doc) -> Iterable[Span]:
        """A name after a job title and "bij": "programmamanager bij de Zorgalliantie", "werknemers
        bij Wedeka". Where someone works is an organisation, even a one-word name no list knows."""
        persons = doc.spans.get("persons", [])
        texts, lowers, alpha = strings(doc, ORTH), strings(doc, LOWER), column(doc, IS_ALPHA)
        for i in range(len(doc) - 2):
            if not (alpha[i] and _is_job_title(texts[i])) or lowers[i + 1] != "bij":
                continue
            index = i + 2 + (lowers[i + 2] in ("de", "het"))
            end = self._capitalised_run(doc, index)
            given = all(t.lower_ in load_lexicon().first_names for t in doc[index:end])  # "bij Jan thuis"
            if end > index and not given and not any(p.start < end and p.end > index for p in persons):
                name = doc[index:end]
                yield self._labelled(name, self.gazetteer.resolve(name.text))

    def _branch_spans(self, doc: Doc, listed: list[Span]) -> Iterable[Span]:
        """A national network followed by a place names its local branch: "Humanitas Rotterdam",
        "Veilig Thuis Zuid-Limburg" (one span, resolved when the gazetteer lists the branch)."""
        for span in listed:
            if span.kb_id_ not in self.patterns.branch_networks or not span[-1].whitespace_:
                continue
            end = span.end
            while end < len(doc) and _is_place_word(doc[end]) and doc[end].text not in self.patterns.name_stoplist:
                end += 1
            if end > span.end:
                branch = doc[span.start : end]
                yield self._labelled(branch, self.gazetteer.resolve(branch.text))

    def _holds_chair(self, doc: Doc, start: int) -> bool:
        """Is the person at ``start`` introduced as a lector or professor, alone or in a list
        ("lector X", "Avanslectoren zoals A van B, X")? Then "X van Gerontologie" names the chair's
        subject, not an organisation. Looking back, names, connectors and the items before a comma or
        "en" are the list; one other word ("zoals") may stand between it and the chair word."""
        words = 0
        for token in reversed(doc[:start]):
            if token.lower_.endswith(self.patterns.chair_words):
                return True
            if token.text in _SENTENCE_ENDS or token.is_space:
                return False
            if token.text == "," or token.lower_ == "en":
                words = 0  # what stood before belongs to the previous item of the list
                continue
            if token.text[:1].isupper() or token.lower_ in self.patterns.connectors:
                continue
            words += 1
            if words > 1:
                return False
        return False

    def _compound_spans(self, doc: Doc) -> Iterable[Span]:
        """A compound token that opens with an organisation ("Movisie-bestuurder",
        "Volkskrant-columnist"): the tokenizer keeps it whole, so the span is the whole token."""
        for i, text in enumerate(strings(doc, ORTH)):
            head, hyphen, rest = text.partition("-")
            if hyphen and rest[:1].islower() and head[:1].isupper() and self._exact_surface(head):
                yield self._labelled(doc[i : i + 1], self.gazetteer.resolve(head))

    def _exact_surface(self, text: str) -> bool:
        """Is ``text`` a gazetteer name or alias exactly as written (or a one-word name in capitals)?"""
        organisation = self.gazetteer.resolve(text)
        return organisation is not None and any(text in (surface, surface.upper()) for surface in organisation.surfaces)

    def _list_spans(self, doc: Doc) -> Iterable[Span]:
        """The names listed after a plural head: "gemeenten (Westland, Capelle a/d IJssel en Ede)"
        are Gemeente Westland, ...; each span is the bare name, its id that of "Gemeente X"."""
        for i, lower in enumerate(strings(doc, LOWER)):
            singular = self.patterns.list_heads.get(lower)
            if singular is None or self._names_territory(doc, i):
                continue
            index = i + 1
            if index < len(doc) and doc[index].text in ("(", ":"):
                index += 1
            while index < len(doc) and doc[index].text[0].isupper():
                end = index + 1
                while end < len(doc) and (doc[end].text[0].isupper() or self._inner_connector(doc, end)):
                    end += 1
                name = doc[index:end]
                if not any(token.text in self.patterns.name_stoplist for token in name):
                    yield self._labelled(name, self.gazetteer.resolve(f"{singular} {name.text}".strip()))
                if end < len(doc) and doc[end].lower_ in (",", "en"):
                    index = end + 1
                else:
                    break

    def _inner_connector(self, doc: Doc, index: int) -> bool:
        """A connector inside a listed name ("Capelle a/d IJssel"); "en" separates the names."""
        following = doc[index + 1] if index + 1 < len(doc) else None
        inside = doc[index].lower_ in self.patterns.connectors - {"en"}
        return inside and following is not None and following.text[0].isupper()

    def _accept_folded(self, span: Span, surface: str) -> bool:
        """A case-insensitive gazetteer hit is a mention when it is written like a name.

        Acronyms inside a multiword alias keep their casing ("Ministerie van VWS"), the mention is
        capitalised somewhere, and a one-word name that is also a common word ("Trouw", "Halt")
        does not count where only the start of the sentence capitalised it.
        """
        acronyms = self._acronyms_inside[surface]
        if any(token.lower_ == acronym.lower() and token.text != acronym for token in span for acronym in acronyms):
            return False
        if not any(char.isupper() for char in span.text):
            return False
        if len(span) == 1:
            return span[0].text[0].isupper() and not self._common_at_sentence_start(span[0])
        return not _sentence_case_of_title(span, surface)

    # -- 2. name shapes -----------------------------------------------------------------------

    def _shape_spans(self, doc: Doc, listed: set[int], acronyms: set[int]) -> Iterable[Span]:
        """Shape matches cut to a name. A name after a head ends where a gazetteer hit or an acronym
        starts, or where a connector leads to one or to another head ("lectoraat Social Work | van
        de Saxion Hogeschool", "Platform X | en Platform Y"); a head that starts a gazetteer hit is
        left to the gazetteer."""
        prefixes, suffixes = self._shapes(doc)  # start -> longest end; end -> earliest start
        for start, end in prefixes.items():
            others = set(prefixes) - {start}
            span = None if start in listed else self._trim_prefix(doc, start, end, listed | acronyms, others)
            if span is not None:
                yield self._labelled(span, self.gazetteer.resolve(span.text))
        for end, start in suffixes.items():
            span = self._trim_suffix(doc, start, end)
            if span is not None:
                span = self._without_opener(span)
                yield self._labelled(span, self._resolve_suffix(span))

    @staticmethod
    def _labelled(span: Span, organisation: Organisation | None) -> Span:
        return Span(span.doc, span.start, span.end, label=LABEL, kb_id=organisation.id if organisation else "")

    def _trim_prefix(self, doc: Doc, start: int, end: int, stops: set[int], heads: set[int]) -> Span | None:
        """Head + name, the name ending before a stoplisted word, at ``stops``, at connectors that
        lead to ``stops``, ``heads`` or a number, and never on a connector."""
        name_start = start + self._head_length(doc, start)
        while name_start < end and doc[name_start].lower_ in self.patterns.connectors:
            name_start += 1
        name_end = name_start
        while name_end < end:
            token = doc[name_end]
            if token.text in self.patterns.name_stoplist or name_end in stops:
                break
            if token.lower_ in self.patterns.connectors:
                ahead = name_end
                while ahead < end and doc[ahead].lower_ in self.patterns.connectors:
                    ahead += 1
                if ahead in stops or ahead in heads or (ahead < end and doc[ahead].is_digit):
                    break  # "Stichting X op 1 september": a date follows, not more name
            name_end += 1
        while name_end > name_start and doc[name_end - 1].lower_ in self.patterns.connectors:
            name_end -= 1
        if name_end == name_start or not doc[name_start].text[0].isupper():
            return None
        return doc[start:name_end]

    def _head_length(self, doc: Doc, start: int) -> int:
        """How many tokens the prefix head at ``start`` takes (the longest head that fits)."""
        best = 0
        for head in (*self.patterns.lowercase_heads, *self.patterns.capitalised_heads):
            words = head.lower().split()
            if [token.lower_ for token in doc[start : start + len(words)]] == words:
                best = max(best, len(words))
        return best

    def _trim_suffix(self, doc: Doc, start: int, end: int) -> Span | None:
        """Name + head, without stoplisted words, capitalised prepositions ("In Nederland") and
        function words ("Toen Nederland"; an article only where it opens the sentence: "Het
        Instituut", but "bij De Haagse Hogeschool"). Only function words go: "Sociaal Werk Nederland"."""
        while start < end - 1 and (
            doc[start].text in self.patterns.name_stoplist
            or (
                zipf(doc[start].text) >= self.patterns.function_word_zipf
                and (doc[start].lower_ not in _ARTICLES or _sentence_initial(doc[start]))
            )
            or doc[start].lower_ in self.patterns.connectors - _ARTICLES
        ):
            start += 1
        if any(token.text in self.patterns.name_stoplist for token in doc[start : end - 1]):
            return None
        return doc[start:end] if start < end - 1 else None

    def _without_opener(self, span: Span) -> Span:
        """The span without a common word that only the sentence start capitalised, when the rest
        is a listed name: "(Proefschrift Radboud Universiteit, Nijmegen)" names Radboud Universiteit."""
        rest = span[1:]
        if len(rest) < 2 or not self._common_at_sentence_start(span[0]) or self._resolve_suffix(span) is not None:
            return span
        return rest if self._resolve_suffix(rest) is not None else span

    def _resolve_suffix(self, span: Span) -> Organisation | None:
        """The whole span, or its name when the head only repeats what the organisation is called:
        "NHLStenden Hogeschool" is NHL Stenden Hogeschool, "Movisie Academie" is not Movisie."""
        organisation = self.gazetteer.resolve(span.text)
        if organisation is not None:
            return organisation
        named = self.gazetteer.resolve(span[:-1].text)
        head = fold(span[-1].text)
        if named is not None and any(head in fold(surface).split() for surface in named.surfaces):
            return named
        return None

    # -- 3. unseen acronyms -------------------------------------------------------------------

    def _acronym_spans(self, doc: Doc) -> Iterable[Span]:
        for i, text in enumerate(strings(doc, ORTH)):
            if self.patterns.acronym.fullmatch(text) and self._is_unseen_acronym(doc[i]):  # the shape first: most tokens fail it
                yield Span(doc, i, i + 1, label=LABEL, kb_id="")

    def _is_unseen_acronym(self, token: Token) -> bool:
        """Capitals of the acronym shape, not stoplisted, not a word in capitals ("COLUMN")."""
        text = token.text
        if not self.patterns.acronym.fullmatch(text) or text in self.patterns.acronym_stoplist:
            return False
        capitals = sum(char.isupper() for char in text)
        if not (text.isupper() or (capitals >= self.patterns.min_capitals_mixed_case and text[-1].isupper())):
            return False
        if sum(char.isalpha() for char in text) < 2 or zipf(text) >= self.patterns.caps_word_zipf:
            return False
        if len(text) >= 5 and max(zipf(text), zipf_frequency(text.lower(), "en")) >= self.patterns.common_word_zipf:
            return False
        return not (_opens_compound(token) or self._in_caps_heading(token.doc[token.i : token.i + 1]))

    def _propagate_short_forms(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """An unresolved acronym takes the id of the name it abbreviates in this text: the name it
        follows in brackets ("Institute for Positive Health (IPH)") or a name it begins ("JES" after
        "JES Rijnland")."""
        defined: dict[str, str] = {}
        for previous, span in zip(spans, spans[1:]):
            if previous.kb_id_ and not span.kb_id_ and previous.end == span.start - 1 and doc[previous.end].text == "(":
                defined.setdefault(span.text, previous.kb_id_)
        for span in spans:
            if span.kb_id_ and len(span) > 1 and span[0].text.isupper():
                defined.setdefault(span[0].text, span.kb_id_)
        return [
            Span(doc, span.start, span.end, label=LABEL, kb_id=defined[span.text])
            if not span.kb_id_ and span.text in defined
            else span
            for span in spans
        ]

    # -- guards -------------------------------------------------------------------------------

    def _names_territory(self, doc: Doc, head: int) -> bool:
        """Does the kind noun at ``head`` name a place: "in de gemeente Westerveld", "in de gemeenten
        Deventer en Raalte", "de hele provincie Limburg" say where something happens; "de gemeente Utrecht
        besloot" and "in de Gemeente Westerveld" (capitalised as the body writes itself) are the organisation."""
        if doc[head].text not in self.patterns.territory_heads:  # "in de Gemeente Westerveld": the body's own spelling
            return False
        before = head - 1
        if before >= 0 and doc[before].lower_ in _ARTICLES:
            before -= 1
        return before >= 0 and doc[before].lower_ in self.patterns.locative_prepositions

    def _common_at_sentence_start(self, token: Token) -> bool:
        """Is this token an ordinary word, capitalised only because the sentence starts with it?"""
        return _sentence_initial(token) and zipf(token.text) >= self.patterns.common_word_zipf

    def _in_caps_heading(self, span: Span) -> bool:
        """Is the span a heading line of its own, or does a neighbouring word in capitals (a common
        word, or a long one) show it sits in an ALL-CAPS heading?"""
        doc = span.doc
        before = list(doc[max(0, span.start - 4) : span.start])
        after = list(doc[span.end : span.end + 4])
        paragraph = [*_until_space(reversed(before)), *_until_space(after)]
        neighbours = [token for token in paragraph if token.is_alpha and len(token) >= 2]
        alone = (span.start == 0 or doc[span.start - 1].is_space) and (span.end == len(doc) or doc[span.end].is_space)
        return alone or any(
            token.is_upper and (zipf(token.text) >= self.patterns.heading_word_zipf or len(token) >= 7)
            for token in neighbours
        )


def _until_space(tokens: Iterable[Token]) -> list[Token]:
    """The tokens up to the first whitespace token (a paragraph break in the clean text)."""
    taken = []
    for token in tokens:
        if token.is_space:
            break
        taken.append(token)
    return taken


def _sentence_case_of_title(span: Span, surface: str) -> bool:
    """Is a name written with capitals inside ("Sociale Vraagstukken") matched by the same words in
    sentence case, capitalised only by the start of a sentence ("Sociale vraagstukken vragen ...")?"""
    inner_capitals = any(word[:1].isupper() for word in surface.split()[1:])
    return inner_capitals and _sentence_initial(span[0]) and not any(char.isupper() for char in span[1:].text)


def _is_place_word(token: Token) -> bool:
    """A word of a place name: capitalised letters and hyphens ("Zuid-Limburg", "IJsselland")."""
    return token.text[:1].isupper() and token.text.replace("-", "").isalpha() and not token.is_upper


def _short_form_of_phrase(span: Span, organisation_ends: set[int]) -> bool:
    """Is the span an unseen acronym in brackets after a phrase that names no organisation ("het
    zorg- en veiligheidshuis (ZVH)")? It abbreviates a generic phrase, so it names no organisation
    of its own; after a name ("Landelijk Steunpunt Mantelhulp (LSM)") it is that name's short form."""
    doc = span.doc
    return (
        not span.kb_id_
        and len(span) == 1
        and span.start >= 2
        and doc[span.start - 1].text == "("
        and doc[span.start - 2].is_alpha
        and span.start - 1 not in organisation_ends
        and span.end < len(doc)
        and doc[span.end].text == ")"
    )


def _opens_compound(token: Token) -> bool:
    """Is the token the first part of a hyphenated compound ("VR-omgevingen", "SyRI-instrument",
    "GET-lab")? An unseen acronym there qualifies a thing; it is not named as an organisation."""
    doc = token.doc
    hyphen = token.i + 1
    return (
        not token.whitespace_
        and hyphen + 1 < len(doc)
        and doc[hyphen].text == "-"
        and not doc[hyphen].whitespace_
        and doc[hyphen + 1].text[:1].islower()
    )


def _sentence_initial(token: Token) -> bool:
    """First word of a sentence (or paragraph, or quote or bullet opening one)."""
    index = token.i
    doc = token.doc
    while index > 0 and doc[index - 1].text in _OPENERS:
        index -= 1
    if index == 0 or doc[index].is_sent_start:
        return True
    previous = doc[index - 1]
    return previous.is_space or previous.text in _SENTENCE_ENDS


@lru_cache(maxsize=4)
def _default_finder(vocab: Vocab) -> OrganisationFinder:
    return OrganisationFinder(vocab, Gazetteer.load(default_gazetteer_path()), PatternData.load(DEFAULT_PATTERNS))


def find_organisation_spans(doc: Doc, finder: OrganisationFinder | None = None) -> list[Span]:
    """Organisation mentions in ``doc``, non-overlapping, in text order (default data files)."""
    return (finder or _default_finder(doc.vocab))(doc)


class OrganisationRecogniser:
    """The pipeline component: writes ``doc.spans["organisations"]``."""

    def __init__(self, finder: OrganisationFinder, scorer: Callable[..., dict[str, Any]]) -> None:
        self.finder = finder
        self.scorer = scorer

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[SPAN_KEY] = self.finder(doc)
        return doc

    def score(self, examples: Iterable[Example], **kwargs: Any) -> dict[str, Any]:
        return self.scorer(examples, **kwargs)


def score_organisations(examples: Iterable[Example], **kwargs: Any) -> dict[str, Any]:
    """Precision, recall and F of ``doc.spans["organisations"]`` (exact extents and label)."""
    return score_span_group(SPAN_KEY, examples, **kwargs)


@spacy.registry.scorers("kg.organisations_scorer.v1")
def make_organisations_scorer() -> Callable[..., dict[str, Any]]:
    return score_organisations


@Language.factory(
    "kg_organisations",
    default_config={
        "gazetteer_path": None,
        "patterns_path": None,
        "scorer": {"@scorers": "kg.organisations_scorer.v1"},
    },
)
def make_organisations(
    nlp: Language,
    name: str,
    gazetteer_path: str | None,
    patterns_path: str | None,
    scorer: Callable[..., dict[str, Any]],
) -> OrganisationRecogniser:
    """``gazetteer_path``/``patterns_path`` default to the project's ontology and data files."""
    gazetteer = Gazetteer.load(gazetteer_path or default_gazetteer_path())
    patterns = PatternData.load(patterns_path or DEFAULT_PATTERNS)
    return OrganisationRecogniser(OrganisationFinder(nlp.vocab, gazetteer, patterns), scorer)


ROLE_TOKENS = 6  # "Nancy van Loon, manager Eindhoven van Lumens": a role before the link


def _job_title(token: Token) -> bool:
    """A job title in lower case, as it stands before a name or a link: "manager", "programmamanager"."""
    return _is_job_title(token.text)


@lru_cache(maxsize=65536)  # one entry per distinct word
def _is_job_title(text: str) -> bool:
    """Is a token with this text a job title (see :func:`_job_title`)?"""
    return text[:1].islower() and text.lower().endswith(tuple(word_list("job_titles.txt")))


def _role_word(doc: Doc, index: int) -> Token:
    """The first word of a role that opens at ``index``, past an article ("de directeur")."""
    return doc[index + 1] if doc[index].lower_ in ("de", "het") and index + 1 < len(doc) else doc[index]


def _past_role(doc: Doc, index: int) -> int:
    """Where the link of an apposition stands, past a role that opens with a job title ("de
    directeur", "manager Eindhoven"); ``index`` itself when no role opens there."""
    start = _role_word(doc, index).i if index < len(doc) else index
    if start >= len(doc) or not _job_title(doc[start]):
        return index
    for end in range(start + 1, min(len(doc), start + ROLE_TOKENS)):
        if doc[end].text in ("van", "bij"):
            return end
        if doc[end].is_punct:
            break
    return index
