"""The project's vocabulary: ontology/kg.ttl, ontology/shapes.ttl and the thesaurus ontology/themes.ttl.

Checks that the three files parse (with rdflib and, where installed, Apache Jena RIOT), that every
``kg:`` term docs/data-model.md uses is declared with Dutch and English labels and comments, that
the thesaurus is well formed (one label -> one concept, no broader cycles), and that the SHACL
shapes accept a small graph that follows docs/data-model.md and reject broken variants of it with
the specific violation.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import unicodedata
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, SH, SKOS

from kg.rdf.shacl_engines import ENGINES

ROOT = Path(__file__).resolve().parents[2]
ONTOLOGY = ROOT / "ontology"
KG_TTL = ONTOLOGY / "kg.ttl"
SHAPES_TTL = ONTOLOGY / "shapes.ttl"
THEMES_TTL = ONTOLOGY / "themes.ttl"
ADDRESSEES_TTL = ONTOLOGY / "addressees.ttl"
DATA_MODEL = ROOT / "docs" / "data-model.md"
VALID = Path(__file__).resolve().parent / "fixtures" / "valid.ttl"

KG = Namespace("https://w3id.org/sociaal-kg/ontology#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")  # rdflib's closed XSD namespace warns under pytest collection
KGS = Namespace("https://w3id.org/sociaal-kg/shapes#")
KGT = Namespace("https://w3id.org/sociaal-kg/theme/")
KGR = Namespace("https://w3id.org/sociaal-kg/id/")
SCHEMA = Namespace("https://schema.org/")
OA = Namespace("http://www.w3.org/ns/oa#")
ONTOLOGY_IRI = URIRef("https://w3id.org/sociaal-kg/ontology")
SCHEME = KGT["scheme"]

# Terms the brief asks for beyond those docs/data-model.md shows (network metrics for later analysis).
EXTRA_TERMS = {"degreeCentrality", "betweennessCentrality", "community"}


def load(*paths: Path) -> Graph:
    graph = Graph()
    for path in paths:
        graph.parse(path, format="turtle")
    return graph


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return load(KG_TTL)


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return load(SHAPES_TTL)


@pytest.fixture(scope="module")
def themes() -> Graph:
    return load(THEMES_TTL)


# ------------------------------------------------------------------------------------------
# Parsing
# ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", [KG_TTL, SHAPES_TTL, THEMES_TTL, ADDRESSEES_TTL, VALID], ids=lambda p: p.name)
def test_turtle_file_parses(path: Path) -> None:
    assert len(load(path)) > 0


def test_jena_riot_accepts_the_vocabulary_files() -> None:
    riot = ROOT / "tools" / "riot"
    if not riot.exists() or not Path("/usr/share/java/jena-core.jar").exists() or shutil.which("java") is None:
        message = "Apache Jena RIOT is missing: apt-get install libapache-jena-java"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    files = [str(p) for p in (KG_TTL, SHAPES_TTL, THEMES_TTL, ADDRESSEES_TTL, VALID)]
    done = subprocess.run([str(riot), *files], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "" and done.stderr.strip() == "", done.stdout + done.stderr


# ------------------------------------------------------------------------------------------
# ontology/kg.ttl
# ------------------------------------------------------------------------------------------


def documented_kg_terms() -> set[str]:
    """Local names of every ``kg:`` term docs/data-model.md mentions (``kgr:``/``kgt:`` are other prefixes)."""
    return set(re.findall(r"(?<![\w-])kg:([A-Za-z_][\w-]*)", DATA_MODEL.read_text(encoding="utf-8")))


def test_the_data_model_mentions_the_core_terms() -> None:
    assert {"Recommendation", "interviews", "firstLine", "lastLine", "publicationKind", "confidence", "weight"} <= documented_kg_terms()


def test_ontology_header(ontology: Graph) -> None:
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(ONTOLOGY_IRI, OWL.versionInfo) == Literal("0.1.0")
    assert ontology.value(ONTOLOGY_IRI, URIRef("http://purl.org/dc/terms/license")) is not None
    comments = {c.language for c in ontology.objects(ONTOLOGY_IRI, RDFS.comment)}
    assert {"nl", "en"} <= comments


@pytest.mark.parametrize("name", sorted(documented_kg_terms() | EXTRA_TERMS))
def test_kg_term_is_declared_with_dutch_and_english_label_and_comment(ontology: Graph, name: str) -> None:
    term = KG[name]
    types = set(ontology.objects(term, RDF.type))
    assert types & {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, RDFS.Class, RDF.Property}, f"kg:{name} has no type"
    for predicate in (RDFS.label, RDFS.comment):
        languages = [value.language for value in ontology.objects(term, predicate)]
        assert sorted(languages) == ["en", "nl"], f"kg:{name} needs one {predicate.n3(ontology.namespace_manager)} @nl and one @en"
    assert ontology.value(term, RDFS.isDefinedBy) == ONTOLOGY_IRI


def test_kg_terms_hang_off_the_standard_vocabularies(ontology: Graph) -> None:
    assert (KG.Recommendation, RDFS.subClassOf, SCHEMA.CreativeWork) in ontology
    assert (KG.interviews, RDFS.subPropertyOf, SCHEMA.mentions) in ontology
    assert (KG.firstLine, RDFS.range, XSD.integer) in ontology
    assert (KG.lastLine, RDFS.range, XSD.integer) in ontology
    assert (KG.confidence, RDFS.range, XSD.decimal) in ontology


def test_kg_ttl_declares_only_its_own_terms(ontology: Graph) -> None:
    """Standard terms (schema:, skos:, prov:, oa:, ...) are reused, never redeclared."""
    declared = {s for s in ontology.subjects(RDF.type, None) if s != ONTOLOGY_IRI}
    foreign = sorted(str(s) for s in declared if not str(s).startswith(str(KG)))
    assert not foreign, foreign


# ------------------------------------------------------------------------------------------
# ontology/themes.ttl
# ------------------------------------------------------------------------------------------


def normalise(label: str) -> str:
    """Case, diacritics, hyphens, apostrophes and spacing folded: the form a tagger matches on."""
    folded = unicodedata.normalize("NFKD", label)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).casefold()
    return re.sub(r"[\W_]+", " ", folded).strip()


def concepts(themes: Graph) -> list[URIRef]:
    return sorted(s for s in themes.subjects(RDF.type, SKOS.Concept) if isinstance(s, URIRef))


def test_the_scheme_is_labelled(themes: Graph) -> None:
    assert (SCHEME, RDF.type, SKOS.ConceptScheme) in themes
    labels = set(themes.objects(SCHEME, SKOS.prefLabel))
    assert Literal("Thesaurus sociaal domein", lang="nl") in labels
    assert Literal("Social domain thesaurus", lang="en") in labels


def test_the_thesaurus_is_broad(themes: Graph) -> None:
    assert len(concepts(themes)) >= 70


def test_every_concept_is_in_the_scheme_with_one_dutch_and_one_english_preflabel(themes: Graph) -> None:
    problems = []
    for concept in concepts(themes):
        if not re.fullmatch(re.escape(str(KGT)) + r"[a-z0-9]+(?:-[a-z0-9]+)*", str(concept)):
            problems.append(f"{concept}: not kgt:<ascii-slug>")
        if (concept, SKOS.inScheme, SCHEME) not in themes:
            problems.append(f"{concept}: not skos:inScheme the scheme")
        languages = sorted(str(label.language) for label in themes.objects(concept, SKOS.prefLabel))
        if languages != ["en", "nl"]:
            problems.append(f"{concept}: prefLabel languages {languages}")
        for label in themes.objects(concept, SKOS.altLabel):
            if label.language != "nl" or not str(label).strip():
                problems.append(f"{concept}: altLabel {label!r} must be a non-empty @nl label")
    assert not problems, "\n".join(problems)


def test_no_label_points_to_two_concepts(themes: Graph) -> None:
    owners: dict[str, set[URIRef]] = defaultdict(set)
    for concept in concepts(themes):
        for predicate in (SKOS.prefLabel, SKOS.altLabel):
            for label in themes.objects(concept, predicate):
                owners[normalise(str(label))].add(concept)
    shared = {label: sorted(str(c) for c in owner) for label, owner in owners.items() if len(owner) > 1}
    assert not shared, shared


def test_preflabels_and_altlabels_are_disjoint(themes: Graph) -> None:
    """SKOS integrity condition S13, per concept."""
    for concept in concepts(themes):
        overlap = set(themes.objects(concept, SKOS.prefLabel)) & set(themes.objects(concept, SKOS.altLabel))
        assert not overlap, (concept, overlap)


def test_broader_links_stay_inside_the_scheme_and_have_no_cycles(themes: Graph) -> None:
    known = set(concepts(themes))
    broader = {c: set(themes.objects(c, SKOS.broader)) for c in known}
    dangling = {(c, b) for c, parents in broader.items() for b in parents if b not in known}
    assert not dangling, dangling
    done: set[URIRef] = set()

    def visit(node: URIRef, path: list[URIRef]) -> None:
        if node in path:
            raise AssertionError("skos:broader cycle: " + " -> ".join(str(n) for n in [*path[path.index(node):], node]))
        if node in done:
            return
        for parent in broader[node]:
            visit(parent, [*path, node])
        done.add(node)

    for concept in sorted(known):
        visit(concept, [])


def test_top_concepts_are_consistent_and_everything_reaches_one(themes: Graph) -> None:
    tops = set(themes.objects(SCHEME, SKOS.hasTopConcept))
    assert tops == set(themes.subjects(SKOS.topConceptOf, SCHEME))
    assert tops
    for concept in concepts(themes):
        has_broader = (concept, SKOS.broader, None) in themes
        assert has_broader != (concept in tops), f"{concept}: either a top concept or has a skos:broader, not both or neither"


# Topics the field writes about; each must be the prefLabel or altLabel of some concept.
REQUIRED_TOPICS = [
    "samenwerking", "huiselijk geweld", "kindermishandeling", "eergerelateerd geweld",
    "geweld in afhankelijkheidsrelaties", "ouderenmishandeling", "veiligheid", "veiligheidszorg",
    "dakloosheid", "armoede", "schulden", "bestaanszekerheid", "eenzaamheid", "coronacrisis",
    "digitalisering", "online hulpverlening", "jeugdhulp", "jeugd en gezin", "jongerenwerk", "ouderen",
    "mantelzorg", "vrijwilligerswerk", "sociaal werk", "opbouwwerk", "wijkgericht werken",
    "ervaringsdeskundigheid", "participatie", "inclusieve arbeidsmarkt", "werk en inkomen", "ggz",
    "verslaving", "licht verstandelijke beperking", "vluchtelingen", "migratie", "discriminatie", "racisme",
    "inclusie", "diversiteit", "lhbti-acceptatie", "emancipatie", "positieve gezondheid",
    "gezondheidsverschillen", "onderwijs", "wonen", "huisvesting", "burgerinitiatieven", "sociale cohesie",
    "solidariteit", "sociale basis", "cliëntondersteuning", "Wmo", "zorg", "welzijn", "preventie",
    "professionalisering", "onderzoek en kennisontwikkeling", "praktijkgericht onderzoek", "beleid",
    "gemeenten en decentralisatie", "ethiek", "rouw en verlies", "dementie", "zingeving", "polarisatie",
    "radicalisering", "criminaliteit", "stalking", "seksueel geweld", "mensenhandel", "sociale technologie",
    "wat werkt", "stress en bestaansonzekerheid",
]

# Distinct topics must stay distinct concepts (not folded into one another as altLabels).
DISTINCT = [
    ("veiligheid", "veiligheidszorg"), ("discriminatie", "racisme"), ("inclusie", "diversiteit"),
    ("wonen", "huisvesting"), ("ouderen", "dementie"), ("sociale cohesie", "sociale basis"),
    ("onderzoek en kennisontwikkeling", "praktijkgericht onderzoek"), ("radicalisering", "polarisatie"),
    ("digitalisering", "sociale technologie"), ("jeugd en gezin", "jongerenwerk"), ("bestaanszekerheid", "werk en inkomen"),
]


@pytest.fixture(scope="module")
def label_index(themes: Graph) -> dict[str, URIRef]:
    index = {}
    for concept in concepts(themes):
        for predicate in (SKOS.prefLabel, SKOS.altLabel):
            for label in themes.objects(concept, predicate):
                index[normalise(str(label))] = concept
    return index


def test_the_field_is_covered(label_index: dict[str, URIRef]) -> None:
    missing = [topic for topic in REQUIRED_TOPICS if normalise(topic) not in label_index]
    assert not missing, missing


@pytest.mark.parametrize(("one", "other"), DISTINCT)
def test_distinct_topics_are_distinct_concepts(label_index: dict[str, URIRef], one: str, other: str) -> None:
    assert label_index[normalise(one)] != label_index[normalise(other)]


@pytest.mark.parametrize(
    ("text_form", "concept"),
    [
        ("samenwerken", "samenwerking"), ("samenwerkingsverband", "samenwerking"), ("ketensamenwerking", "samenwerking"),
        ("corona", "coronacrisis"), ("covid-19", "coronacrisis"), ("coronavirus", "coronacrisis"),
        ("pandemie", "coronacrisis"), ("coronatijd", "coronacrisis"), ("lockdown", "coronacrisis"),
        ("geweld in intieme relaties", "huiselijk-geweld"), ("schuldhulpverlening", "schuldhulpverlening"), ("problematische schulden", "schulden"),
        ("daklozen", "dakloosheid"), ("mantelzorgers", "mantelzorg"), ("wijkteams", "wijkteams"),
        ("ervaringsdeskundigen", "ervaringsdeskundigheid"), ("statushouders", "vluchtelingen"),
        ("lvb", "lvb"), ("Wet maatschappelijke ondersteuning", "wmo"), ("beeldbellen", "contact-op-afstand"), ("chathulp", "online-hulpverlening"),
    ],
)
def test_text_forms_lead_to_their_concept(label_index: dict[str, URIRef], text_form: str, concept: str) -> None:
    assert label_index.get(normalise(text_form)) == KGT[concept]


def test_the_thesaurus_itself_conforms_to_the_shapes(themes: Graph, shapes: Graph, ontology: Graph) -> None:
    conforms, _, text = validate(Graph() + themes, shacl_graph=shapes, ont_graph=ontology, inference="none", advanced=True)
    assert conforms, text


# ------------------------------------------------------------------------------------------
# ontology/shapes.ttl
# ------------------------------------------------------------------------------------------


def test_every_property_shape_is_named_and_explains_itself(shapes: Graph) -> None:
    property_shapes = set(shapes.subjects(RDF.type, SH.PropertyShape)) | set(shapes.objects(None, SH.property))
    assert len(property_shapes) > 40
    for shape in property_shapes:
        assert isinstance(shape, URIRef), f"property shape {shape} needs an IRI so reports name it"
        assert shapes.value(shape, SH.name) is not None, shape
        assert shapes.value(shape, SH.message) is not None, shape
    for shape in shapes.subjects(RDF.type, SH.NodeShape):
        assert shapes.value(shape, RDFS.label) is not None, shape


def test_shapes_use_only_shacl_core(shapes: Graph) -> None:
    """No SPARQL-based constraints: pySHACL must validate ~100k triples in reasonable time."""
    assert not list(shapes.subjects(SH.sparql, None))
    assert not list(shapes.subjects(SH.select, None))


def run_shacl(data: Graph, shapes: Graph, ontology: Graph, inference: str = "none") -> tuple[bool, set[tuple[URIRef, URIRef]], str]:
    """(conforms, {(source shape, focus node)} of the violations, report text)."""
    conforms, results, text = validate(
        data, shacl_graph=shapes, ont_graph=ontology, inference=inference, advanced=True, allow_warnings=True
    )
    found = {
        (results.value(result, SH.sourceShape), results.value(result, SH.focusNode))
        for result in results.subjects(RDF.type, SH.ValidationResult)
        if results.value(result, SH.resultSeverity) == SH.Violation
    }
    return bool(conforms), found, str(text)


@pytest.fixture()
def valid(themes: Graph) -> Graph:
    """The fixture graph merged with the thesaurus and the addressee scheme, as the build validates the merged export."""
    return load(VALID) + themes + load(ADDRESSEES_TTL)


@pytest.mark.parametrize("inference", ["none", "rdfs"])
def test_a_graph_that_follows_the_data_model_conforms(valid: Graph, shapes: Graph, ontology: Graph, inference: str) -> None:
    conforms, found, text = run_shacl(valid, shapes, ontology, inference)
    assert conforms and not found, text


ART = KGR["article/art1"]
REC = KGR["recommendation/r1"]
PUB = KGR["publication/p1"]
SRC = KGR["source/s1"]
PERSON = KGR["person/jbk"]
ORG = KGR["organization/movisie"]
ANNOTATION = KGR["annotation/art1"]
TARGET = KGR["annotation/art1/target"]
QUOTE = KGR["annotation/art1/quote"]
POSITION = KGR["annotation/art1/position"]
STATEMENT = KGR["statement/author1"]
ACTIVITY = KGR["activity/a1"]
SOFTWARE = KGR["software/kg-0.1.0"]


def drop(subject: URIRef, predicate: URIRef, value: object = None) -> Callable[[Graph], None]:
    return lambda g: g.remove((subject, predicate, value))


def put(subject: URIRef, predicate: URIRef, value: object) -> Callable[[Graph], None]:
    return lambda g: g.set((subject, predicate, value))


def add(subject: URIRef, predicate: URIRef, value: object) -> Callable[[Graph], None]:
    return lambda g: g.add((subject, predicate, value))


def both(*changes: Callable[[Graph], None]) -> Callable[[Graph], None]:
    def change(g: Graph) -> None:
        for one in changes:
            one(g)
    return change


def drop_annotation_of_article(g: Graph) -> None:
    for predicate, value in list(g.predicate_objects(ANNOTATION)):
        g.remove((ANNOTATION, predicate, value))


BROKEN: dict[str, tuple[Callable[[Graph], None], set[tuple[URIRef, URIRef]]]] = {
    # The four variants the brief names.
    "article-without-headline": (drop(ART, SCHEMA.headline), {(KGS["Article-headline"], ART)}),
    "position-start-equals-end": (put(POSITION, OA.start, Literal(11)), {(KGS["Position-start"], POSITION)}),
    "position-start-after-end": (put(POSITION, OA.start, Literal(40)), {(KGS["Position-start"], POSITION)}),
    "recommendation-without-text": (drop(REC, SCHEMA.text), {(KGS["Recommendation-text"], REC)}),
    "unknown-genre": (put(ART, SCHEMA.genre, Literal("advertorial")), {(KGS["Article-genre"], ART)}),
    # Further rules of docs/data-model.md.
    "blank-headline": (put(ART, SCHEMA.headline, Literal("  ")), {(KGS["Article-headline"], ART)}),
    "two-headlines": (add(ART, SCHEMA.headline, Literal("Voorwoord")), {(KGS["Article-headline"], ART)}),
    "genre-missing": (drop(ART, SCHEMA.genre), {(KGS["Article-genre"], ART)}),
    "first-line-after-last-line": (put(ART, KG.firstLine, Literal(9)), {(KGS["Article-firstLine"], ART)}),
    "first-line-zero": (put(ART, KG.firstLine, Literal(0)), {(KGS["Article-firstLine"], ART)}),
    "line-as-string": (put(ART, KG.lastLine, Literal("5")), {(KGS["Article-lastLine"], ART), (KGS["Article-firstLine"], ART)}),
    "article-part-of-a-person": (put(ART, SCHEMA.isPartOf, PERSON), {(KGS["Article-isPartOf"], ART)}),
    "article-without-source": (drop(ART, PROV.wasDerivedFrom), {(KGS["Article-derivedFrom"], ART)}),
    "author-is-an-organisation": (put(ART, SCHEMA.author, ORG), {(KGS["Article-author"], ART)}),
    "interviewee-is-an-organisation": (put(ART, KG.interviews, ORG), {(KGS["Article-interviews"], ART)}),
    "about-a-non-concept": (add(ART, SCHEMA.about, KGT["no-such-theme"]), {(KGS["Article-about"], ART)}),
    "article-without-evidence": (drop_annotation_of_article, {(KGS["Article-evidence"], ART)}),
    "source-hash-uppercase": (
        put(SRC, SCHEMA.sha256, Literal("ABB0E6483B85F0BA62AE2859BD42CCE46E9F37B15E5EDFF6578511E540C66FEA")),
        {(KGS["Source-sha256"], SRC)},
    ),
    "source-without-name": (drop(SRC, SCHEMA.name), {(KGS["Source-name"], SRC)}),
    "publication-without-name": (drop(PUB, SCHEMA.name), {(KGS["Publication-name"], PUB)}),
    "publication-date-untyped": (put(PUB, SCHEMA.datePublished, Literal("2020")), {(KGS["Publication-datePublished"], PUB)}),
    "publisher-is-a-person": (put(PUB, SCHEMA.publisher, PERSON), {(KGS["Publication-publisher"], PUB)}),
    "editor-is-an-organisation": (put(PUB, SCHEMA.editor, ORG), {(KGS["Publication-editor"], PUB)}),
    "contributor-is-an-organisation": (add(PUB, SCHEMA.contributor, ORG), {(KGS["Publication-contributor"], PUB)}),
    "unknown-publication-kind": (put(PUB, KG.publicationKind, Literal("blog")), {(KGS["Publication-kind"], PUB)}),
    "person-with-two-names": (add(PERSON, SCHEMA.name, Literal("J. Bakker")), {(KGS["Person-name"], PERSON)}),
    "affiliation-is-a-person": (put(PERSON, SCHEMA.affiliation, PERSON), {(KGS["Person-affiliation"], PERSON)}),
    "organisation-without-name": (drop(ORG, SCHEMA.name), {(KGS["Organization-name"], ORG)}),
    "recommendation-in-a-publication": (put(REC, SCHEMA.isPartOf, PUB), {(KGS["Recommendation-isPartOf"], REC)}),
    "recommendation-by-an-organisation": (put(REC, SCHEMA.author, ORG), {(KGS["Recommendation-author"], REC)}),
    "recommendation-about-a-person": (put(REC, SCHEMA.about, PERSON), {(KGS["Recommendation-about"], REC)}),
    "annotation-with-two-bodies": (add(ANNOTATION, OA.hasBody, PERSON), {(KGS["Annotation-body"], ANNOTATION)}),
    "annotation-without-motivation": (drop(ANNOTATION, OA.motivatedBy), {(KGS["Annotation-motivation"], ANNOTATION)}),
    "confidence-above-one": (put(ANNOTATION, KG.confidence, Literal("1.5", datatype=XSD.decimal)), {(KGS["Annotation-confidence"], ANNOTATION)}),
    "confidence-as-double": (put(ANNOTATION, KG.confidence, Literal(0.5)), {(KGS["Annotation-confidence"], ANNOTATION)}),
    "annotation-without-activity": (drop(ANNOTATION, PROV.wasGeneratedBy), {(KGS["Annotation-generatedBy"], ANNOTATION)}),
    "target-without-position-selector": (drop(TARGET, OA.hasSelector, POSITION), {(KGS["Target-positionSelector"], TARGET)}),
    "target-with-two-quote-selectors": (
        both(add(TARGET, OA.hasSelector, KGR["extra-quote"]), add(KGR["extra-quote"], RDF.type, OA.TextQuoteSelector),
             add(KGR["extra-quote"], OA.exact, Literal("Wederopbouw"))),
        {(KGS["Target-quoteSelector"], TARGET)},
    ),
    "target-source-is-not-a-document": (put(TARGET, OA.hasSource, PUB), {(KGS["Target-source"], TARGET)}),
    "quote-without-exact": (drop(QUOTE, OA.exact), {(KGS["Quote-exact"], QUOTE)}),
    "negative-start": (put(POSITION, OA.start, Literal(-1)), {(KGS["Position-start"], POSITION)}),
    "statement-without-object": (drop(STATEMENT, RDF.object), {(KGS["Statement-object"], STATEMENT)}),
    "weight-above-one": (put(KGR["statement/about1"], KG.weight, Literal("2", datatype=XSD.decimal)), {(KGS["Statement-weight"], KGR["statement/about1"])}),
    "activity-time-as-string": (put(ACTIVITY, PROV.startedAtTime, Literal("2026-11-25T10:00:00Z")), {(KGS["Activity-startedAtTime"], ACTIVITY)}),
    "activity-without-software": (drop(ACTIVITY, PROV.wasAssociatedWith), {(KGS["Activity-associatedWith"], ACTIVITY)}),
    "software-without-version": (drop(SOFTWARE, SCHEMA.softwareVersion), {(KGS["Software-version"], SOFTWARE)}),
    "concept-without-english-label": (
        drop(KGT["samenwerking"], SKOS.prefLabel, Literal("collaboration", lang="en")),
        {(KGS["Concept-prefLabelEn"], KGT["samenwerking"])},
    ),
    "concept-with-two-dutch-labels": (
        add(KGT["samenwerking"], SKOS.prefLabel, Literal("samenwerken", lang="nl")),
        {(KGS["Concept-prefLabel"], KGT["samenwerking"]), (KGS["Concept-prefLabelNl"], KGT["samenwerking"])},
    ),
    "concept-outside-the-scheme": (
        put(KGT["samenwerking"], SKOS.inScheme, KGT["other-scheme"]),
        {(KGS["Concept-inScheme"], KGT["samenwerking"])},
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_a_broken_graph_fails_with_the_specific_violation(valid: Graph, shapes: Graph, ontology: Graph, case: str) -> None:
    change, expected = BROKEN[case]
    change(valid)
    conforms, found, text = run_shacl(valid, shapes, ontology)
    assert not conforms, f"{case}: expected a violation"
    assert found == expected, f"{case}: got {found}\n{text}"


@pytest.mark.parametrize("engine", sorted(ENGINES))
@pytest.mark.parametrize("case", ["(as built)", *sorted(BROKEN)])
def test_each_build_engine_finds_what_pyshacl_finds(valid: Graph, engine: str, case: str) -> None:
    """`kg build --validator ENGINE` gives the verdict and the violations (shape, focus node) that
    pySHACL, the reference, gives above, on the valid graph and on every broken one."""
    if case in BROKEN:
        BROKEN[case][0](valid)
    expected = BROKEN[case][1] if case in BROKEN else set()
    result = ENGINES[engine](str(ONTOLOGY), list(valid), ())
    assert result.conforms == (not expected), result.report
    assert result.violations == {(shape.n3(), node.n3()) for shape, node in expected}, result.report


def test_violation_reports_carry_the_english_message(valid: Graph, shapes: Graph, ontology: Graph) -> None:
    valid.remove((ART, SCHEMA.headline, None))
    _, _, text = run_shacl(valid, shapes, ontology)
    assert "An article needs exactly one non-empty xsd:string schema:headline." in text
    for engine in ENGINES.values():
        report = engine(str(ONTOLOGY), list(valid), ()).report
        assert "An article needs exactly one non-empty xsd:string schema:headline." in report and ART.n3() in report


def test_blank_node_property_shapes_are_not_used(shapes: Graph) -> None:
    """Every sh:property points at a named shape (the qualified value shapes may be blank)."""
    assert not [o for o in shapes.objects(None, SH.property) if isinstance(o, BNode)]
