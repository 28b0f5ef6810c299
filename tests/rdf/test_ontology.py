"""Checks of the ontology, the SHACL shapes and the gazetteer in ``ontology/``."""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph
import pytest
from pyshacl import validate
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SH, SKOS, XSD

from kg.rdf import bound_numbers
from kg.rdf.namespaces import ONTOLOGY_GRAPH, PREFIXES, SCHEMA, SEM, SKG
from kg.text.claims import STANCES
from tests.support.paths import ROOT

ONTOLOGY_DIR = ROOT / "ontology"
SUMMIT = ONTOLOGY_DIR / "summit.ttl"
SHAPES = ONTOLOGY_DIR / "shapes.ttl"
GAZETTEER = ONTOLOGY_DIR / "gazetteer.ttl"
ALL_FILES = [SUMMIT, SHAPES, GAZETTEER]

SKG_NS = str(SKG)
SKG_TERMS = frozenset(SKG.__annotations__)
WIKIDATA_ENTITY = re.compile(r"^http://www\.wikidata\.org/entity/Q[1-9][0-9]*$")

DECLARATION_TYPES = {
    OWL.Class,
    OWL.ObjectProperty,
    OWL.DatatypeProperty,
    SKOS.ConceptScheme,
    SKG.Likelihood,
    SKG.SummitStatus,
    SKG.Stance,
}


def _load(path: Path) -> Graph:
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    graph.parse(path, format="turtle")
    return graph


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return _load(SUMMIT)


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return _load(SHAPES)


@pytest.fixture(scope="module")
def gazetteer() -> Graph:
    return _load(GAZETTEER)


def _data(turtle: str) -> Graph:
    header = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in PREFIXES.items())
    graph = Graph()
    graph.parse(data=header + turtle, format="turtle")
    return graph


# --------------------------------------------------------------------------- parsing


@pytest.mark.parametrize("path", ALL_FILES, ids=lambda p: p.name)
def test_parses_with_rdflib(path: Path) -> None:
    assert len(_load(path)) > 0


@pytest.mark.parametrize("path", ALL_FILES, ids=lambda p: p.name)
def test_parses_with_strict_oxigraph(path: Path) -> None:
    quads = list(pyoxigraph.parse(path.read_bytes(), format=pyoxigraph.RdfFormat.TURTLE))
    assert len(quads) == len(_load(path))


# --------------------------------------------------------------------------- ontology


def test_ontology_header(ontology: Graph) -> None:
    assert (ONTOLOGY_GRAPH, RDF.type, OWL.Ontology) in ontology
    for prop in (DCTERMS.title, DCTERMS.description, DCTERMS.created):
        assert ontology.value(ONTOLOGY_GRAPH, prop) is not None, prop
    assert ontology.value(ONTOLOGY_GRAPH, OWL.versionInfo) == Literal("0.1.0")
    assert ontology.value(ONTOLOGY_GRAPH, DCTERMS.license) == URIRef(
        "https://opensource.org/licenses/MIT"
    )
    assert not list(ontology.objects(ONTOLOGY_GRAPH, OWL.imports))


@pytest.mark.parametrize("name", sorted(SKG_TERMS))
def test_every_term_is_defined(ontology: Graph, name: str) -> None:
    term = SKG[name]
    assert set(ontology.objects(term, RDF.type)) & DECLARATION_TYPES, f"{name} is not declared"
    labels = list(ontology.objects(term, RDFS.label))
    assert len(labels) == 1 and labels[0].language == "en", f"{name}: rdfs:label@en"
    definitions = list(ontology.objects(term, SKOS.definition))
    assert len(definitions) == 1 and definitions[0].language == "en", f"{name}: definition@en"
    assert (term, RDFS.isDefinedBy, ONTOLOGY_GRAPH) in ontology


@pytest.mark.parametrize("path", ALL_FILES, ids=lambda p: p.name)
def test_no_undeclared_skg_terms(path: Path) -> None:
    used = {
        str(node)[len(SKG_NS) :]
        for triple in _load(path)
        for node in triple
        if isinstance(node, URIRef) and str(node).startswith(SKG_NS)
    }
    assert used, "expected the file to use skg: terms"
    assert used <= SKG_TERMS, f"not in kg.rdf.namespaces.SKG: {sorted(used - SKG_TERMS)}"


def test_only_declared_subjects_in_skg(ontology: Graph) -> None:
    subjects = {
        s for s in ontology.subjects() if isinstance(s, URIRef) and str(s).startswith(SKG_NS)
    }
    assert {str(s)[len(SKG_NS) :] for s in subjects} == SKG_TERMS


def test_actor_subclasses_are_pairwise_disjoint(ontology: Graph) -> None:
    members = set()
    for axiom in ontology.subjects(RDF.type, OWL.AllDisjointClasses):
        members |= set(ontology.items(ontology.value(axiom, OWL.members)))
    assert {SKG.Person, SKG.State, SKG.Organization, SKG.Group} <= members


def test_likelihood_ranks_are_ordered(ontology: Graph) -> None:
    order = [SKG.Unlikely, SKG.Possible, SKG.Likely, SKG.Projected, SKG.Anticipated, SKG.Agreed]
    ranks = [ontology.value(level, SKG.rank) for level in order]
    assert all(isinstance(rank, Literal) and rank.datatype == XSD.integer for rank in ranks)
    values = [rank.toPython() for rank in ranks]  # type: ignore[union-attr]
    assert values == sorted(values) and len(set(values)) == len(values)
    assert values == [0, 1, 2, 3, 4, 5]
    assert ontology.value(SKG.Unstated, SKG.rank) is None


def test_likelihood_concepts(ontology: Graph) -> None:
    levels = set(ontology.subjects(RDF.type, SKG.Likelihood))
    assert len(levels) == 8
    seen: dict[Literal, URIRef] = {}
    for level in levels:
        assert (level, SKOS.inScheme, SKG.LikelihoodScheme) in ontology
        assert (level, SKOS.topConceptOf, SKG.LikelihoodScheme) in ontology
        assert (SKG.LikelihoodScheme, SKOS.hasTopConcept, level) in ontology
        pref = ontology.value(level, SKOS.prefLabel)
        assert isinstance(pref, Literal) and pref.language == "en" and str(pref).islower()
        for label in [pref, *ontology.objects(level, SKOS.altLabel)]:
            assert label not in seen, f"{label} maps to two likelihoods"
            seen[label] = level  # type: ignore[assignment]
    assert seen[Literal("expected", lang="en")] == SKG.Anticipated
    assert seen[Literal("might", lang="en")] == SKG.Possible
    assert seen[Literal("signed", lang="en")] == SKG.Agreed
    assert seen[Literal("not agreed", lang="en")] == SKG.Refused
    assert (SKG.Refused, SKG.rank, None) not in ontology


def test_stance_concepts(ontology: Graph) -> None:
    stances = set(ontology.subjects(RDF.type, SKG.Stance))
    assert {str(ontology.value(s, SKOS.prefLabel)) for s in stances} == set(STANCES)
    for stance in stances:
        assert (SKG.StanceScheme, SKOS.hasTopConcept, stance) in ontology


def test_summit_statuses(ontology: Graph) -> None:
    assert set(ontology.subjects(RDF.type, SKG.SummitStatus)) == {SKG.Scheduled, SKG.Held}


# --------------------------------------------------------------------------- shapes

VALID_DATA = """
@prefix actor: <https://w3id.org/summit-kg/id/actor/> .
@prefix place: <https://w3id.org/summit-kg/id/place/> .
@prefix ex: <https://w3id.org/summit-kg/id/test/> .
ex:doc a skg:SourceDocument ;
    dcterms:title "Alaska summit preview" ;
    skg:contentHash "%s" ;
    skg:readerVersion 1 .
ex:table1 a skg:Table ;
    skg:inDocument ex:doc ;
    dcterms:isPartOf ex:doc ;
    skg:start "10"^^xsd:integer ;
    skg:end "90"^^xsd:integer ;
    skg:header "| Outcome | Anticipated |" .
ex:row1 a skg:TableRow ;
    skg:inDocument ex:doc ;
    dcterms:isPartOf ex:table1 ;
    skg:start "40"^^xsd:integer ;
    skg:end "40"^^xsd:integer ;
    skg:line "3"^^xsd:integer ;
    skg:position "1"^^xsd:integer ;
    skg:quote "" .
actor:donald-trump a skg:Person ;
    skos:prefLabel "Donald Trump" ;
    schema:sameAs wd:Q22686 .
place:alaska a skg:Place ; skos:prefLabel "Alaska" .
ex:ceasefire a skg:Topic ; skos:prefLabel "ceasefire" ;
    skg:hasFocusArea ex:security .
ex:security a skg:FocusArea ; skos:prefLabel "security" .
ex:summit a skg:Summit ;
    sem:hasActor actor:donald-trump ;
    sem:hasPlace place:alaska ;
    skg:status skg:Scheduled ;
    skg:addressesTopic ex:ceasefire ;
    skg:hasOutcome ex:outcome1 .
ex:outcome1 a skg:Outcome ;
    rdfs:label "A ceasefire framework" ;
    skg:topic ex:ceasefire ;
    skg:focusArea ex:security ;
    skg:likelihood skg:Possible ;
    skg:hedge "Possible" ;
    skg:headerLikelihood skg:Anticipated ;
    skg:headerHedge "Anticipated" ;
    skg:mentions actor:donald-trump , place:alaska ;
    prov:wasDerivedFrom ex:row1 ;
    skg:statedIn ex:doc .
""" % ("0" * 64)


def _validate(data: Graph, shapes: Graph, **kwargs: object) -> tuple[bool, Graph, str]:
    conforms, results, text = validate(data, shacl_graph=shapes, **kwargs)
    return bool(conforms), results, str(text)


def _result_paths(results: Graph) -> set[URIRef]:
    return {p for p in results.objects(None, SH.resultPath) if isinstance(p, URIRef)}


def test_shapes_are_labelled(shapes: Graph) -> None:
    for shape in shapes.subjects(RDF.type, SH.NodeShape):
        assert shapes.value(shape, RDFS.label) is not None, shape
    for shape in shapes.objects(None, SH.property):
        assert shapes.value(shape, RDFS.label) is not None, shape
        assert shapes.value(shape, SH.message) is not None, shape


def test_every_segment_class_but_cell_is_targeted(ontology: Graph, shapes: Graph) -> None:
    segment_classes = set(ontology.transitive_subjects(RDFS.subClassOf, SKG.Segment))
    segment_classes -= {SKG.Segment, SKG.Cell}
    assert segment_classes
    targeted = {
        target
        for shape in shapes.subjects(SH.targetClass, None)
        for prop in shapes.objects(shape, SH.property)
        if shapes.value(prop, SH.path) == SKG.inDocument
        and shapes.value(prop, SH.minCount) == Literal(1)
        for target in shapes.objects(shape, SH.targetClass)
    }
    assert segment_classes <= targeted, sorted(segment_classes - targeted)


def test_valid_data_conforms(shapes: Graph) -> None:
    conforms, _, text = _validate(_data(VALID_DATA), shapes)
    assert conforms, text


def test_valid_data_conforms_with_ontology_and_inference(
    shapes: Graph, ontology: Graph, gazetteer: Graph
) -> None:
    data = _data(VALID_DATA) + gazetteer
    try:
        conforms, _, text = _validate(data, shapes, ont_graph=ontology, inference="rdfs")
    finally:
        bound_numbers()  # owlrl's inference resets rdflib's number conversions
    assert conforms, text


def test_gazetteer_conforms(shapes: Graph, ontology: Graph, gazetteer: Graph) -> None:
    conforms, _, text = _validate(gazetteer, shapes, ont_graph=ontology)
    assert conforms, text


def test_outcome_with_two_likelihoods_and_no_topic_fails(shapes: Graph) -> None:
    data = _data(
        VALID_DATA
        + """
ex:outcome2 a skg:Outcome ;
    rdfs:label "Sanctions relief" ;
    skg:likelihood skg:Likely , skg:Agreed ;
    prov:wasDerivedFrom ex:row1 .
"""
    )
    conforms, results, text = _validate(data, shapes)
    assert not conforms
    assert {SKG.likelihood, SKG.topic} <= _result_paths(results)
    assert "skg:likelihood" in text or str(SKG.likelihood) in text


@pytest.mark.parametrize(
    ("patch", "path"),
    [
        # start after end
        (('skg:start "40"^^xsd', 'skg:start "41"^^xsd'), SKG.start),
        # a bad content hash
        (("0" * 64, "0" * 63 + "G"), SKG.contentHash),
        # a status outside the scheme
        (("skg:status skg:Scheduled", "skg:status skg:Possible"), SKG.status),
        # header likelihood equal to the cell's
        (
            ("skg:headerLikelihood skg:Anticipated", "skg:headerLikelihood skg:Possible"),
            SKG.headerLikelihood,
        ),
        # a likelihood that is not a likelihood
        (("skg:likelihood skg:Possible", "skg:likelihood skg:Held"), SKG.likelihood),
        # a language-tagged preferred label
        (('skos:prefLabel "ceasefire"', 'skos:prefLabel "ceasefire"@en'), SKOS.prefLabel),
        # an empty preferred label
        (('skos:prefLabel "security"', 'skos:prefLabel ""'), SKOS.prefLabel),
        # a sameAs that is a literal
        (("schema:sameAs wd:Q22686", 'schema:sameAs "Q22686"'), SCHEMA.sameAs),
        # two Wikidata ids for one actor
        (("schema:sameAs wd:Q22686", "schema:sameAs wd:Q22686 , wd:Q7747"), SCHEMA.sameAs),
        # a summit participant that is not an actor
        (("sem:hasActor actor:donald-trump", "sem:hasActor place:alaska"), SEM.hasActor),
        # an outcome that names no document, or one that is not a source document
        (("ex:row1 ;\n    skg:statedIn ex:doc .", "ex:row1 ."), SKG.statedIn),
        (("skg:statedIn ex:doc .", "skg:statedIn ex:row1 ."), SKG.statedIn),
        # a document without its reader version (made before versions were recorded),
        # or with one that is not a positive integer
        ((" ;\n    skg:readerVersion 1 .", " ."), SKG.readerVersion),
        (("skg:readerVersion 1 .", 'skg:readerVersion "1" .'), SKG.readerVersion),
        (("skg:readerVersion 1 .", "skg:readerVersion 0 ."), SKG.readerVersion),
        (("skg:readerVersion 1 .", "skg:readerVersion 1 , 2 ."), SKG.readerVersion),
    ],
)
def test_invalid_data_fails(shapes: Graph, patch: tuple[str, str], path: URIRef) -> None:
    old, new = patch
    assert old in VALID_DATA
    conforms, results, text = _validate(_data(VALID_DATA.replace(old, new, 1)), shapes)
    assert not conforms
    assert path in _result_paths(results), text


# --------------------------------------------------------------------------- gazetteer


def _entities(gazetteer: Graph) -> set[URIRef]:
    return {s for s in gazetteer.subjects(RDF.type, None) if isinstance(s, URIRef)}


def test_gazetteer_entities(ontology: Graph, gazetteer: Graph) -> None:
    entities = _entities(gazetteer)
    assert len(entities) >= 20
    for entity in entities:
        assert str(entity).startswith(
            ("https://w3id.org/summit-kg/id/actor/", "https://w3id.org/summit-kg/id/place/")
        ), entity
        prefs = list(gazetteer.objects(entity, SKOS.prefLabel))
        assert len(prefs) == 1, entity
        types = set(gazetteer.objects(entity, RDF.type))
        assert len(types) == 1, entity
        (kind,) = types
        supers = set(ontology.transitive_objects(kind, RDFS.subClassOf))
        if "/actor/" in str(entity):
            assert SKG.Actor in supers and kind != SKG.Actor, entity
        else:
            assert kind == SKG.Place, entity


def test_gazetteer_labels_are_plain_strings(gazetteer: Graph) -> None:
    for prop in (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel):
        for label in gazetteer.objects(None, prop):
            assert isinstance(label, Literal)
            assert label.language is None and label.datatype in (None, XSD.string), label
            assert str(label) == str(label).strip() and str(label), label


def test_gazetteer_labels_are_unambiguous_within_a_kind(gazetteer: Graph) -> None:
    # Actors and places may share a label (Ukraine, Syria), but within actors
    # (and within places) a surface form must point to one entity.
    for marker in ("/actor/", "/place/"):
        seen: dict[str, URIRef] = {}
        for entity in _entities(gazetteer):
            if marker not in str(entity):
                continue
            for prop in (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel):
                for label in gazetteer.objects(entity, prop):
                    assert seen.setdefault(str(label), entity) == entity, label


def test_gazetteer_same_as_is_wikidata(gazetteer: Graph) -> None:
    links = list(gazetteer.subject_objects(SCHEMA.sameAs))
    assert links
    for entity, target in links:
        assert isinstance(target, URIRef) and WIKIDATA_ENTITY.match(str(target)), (entity, target)
    assert not list(gazetteer.triples((None, OWL.sameAs, None)))
    for entity in _entities(gazetteer):
        if gazetteer.value(entity, SCHEMA.sameAs) is None:
            assert gazetteer.value(entity, RDFS.comment) is not None, entity


@pytest.mark.parametrize(
    ("slug", "pref", "qid"),
    [
        ("actor/donald-trump", "Donald Trump", "Q22686"),
        ("actor/vladimir-putin", "Vladimir Putin", "Q7747"),
        ("actor/united-states", "United States", "Q30"),
        ("actor/russia", "Russia", "Q159"),
        ("actor/nato", "NATO", "Q7184"),
        ("actor/ukraine", "Ukraine", "Q212"),
        ("actor/syria", "Syria", "Q858"),
        ("place/ukraine", "Ukraine", "Q212"),
        ("place/syria", "Syria", "Q858"),
        ("place/alaska", "Alaska", "Q797"),
        ("place/arctic", "Arctic", "Q25322"),
        ("place/pacific", "Pacific", "Q98"),
        ("place/eastern-europe", "Eastern Europe", "Q27468"),
        ("place/russian-far-east", "Russian Far East", None),
        ("actor/analysts", "analysts", None),
        ("actor/intelligence-agencies", "intelligence agencies", None),
        ("actor/allies", "allies", None),
        ("actor/us-decision-makers", "U.S. decision-makers", None),
    ],
)
def test_gazetteer_required_entries(
    gazetteer: Graph, slug: str, pref: str, qid: str | None
) -> None:
    entity = URIRef(f"https://w3id.org/summit-kg/id/{slug}")
    assert gazetteer.value(entity, SKOS.prefLabel) == Literal(pref)
    same_as = gazetteer.value(entity, SCHEMA.sameAs)
    expected = URIRef(f"http://www.wikidata.org/entity/{qid}") if qid else None
    assert same_as == expected


def test_gazetteer_aliases(gazetteer: Graph) -> None:
    def labels(slug: str, prop: URIRef) -> set[str]:
        entity = URIRef(f"https://w3id.org/summit-kg/id/{slug}")
        return {str(o) for o in gazetteer.objects(entity, prop)}

    assert {"Trump", "Donald J. Trump"} <= labels("actor/donald-trump", SKOS.altLabel)
    assert {"Putin", "Vladimir Vladimirovich Putin"} <= labels(
        "actor/vladimir-putin", SKOS.altLabel
    )
    assert {"United States of America", "USA"} <= labels("actor/united-states", SKOS.altLabel)
    assert {"U.S.", "US", "American", "Washington", "White House"} <= labels(
        "actor/united-states", SKOS.hiddenLabel
    )
    assert "Russian Federation" in labels("actor/russia", SKOS.altLabel)
    assert {"Russian", "Moscow", "Kremlin"} <= labels("actor/russia", SKOS.hiddenLabel)
    assert {"North Atlantic Treaty Organization", "the Alliance"} <= labels(
        "actor/nato", SKOS.altLabel
    )
    assert {"Ukrainian", "Kyiv"} <= labels("actor/ukraine", SKOS.hiddenLabel)
    assert {"Syrian", "Damascus"} <= labels("actor/syria", SKOS.hiddenLabel)
    assert "the Last Frontier" in labels("place/alaska", SKOS.altLabel)
    assert {"Arctic region", "High North"} <= labels("place/arctic", SKOS.altLabel)
    assert "Pacific Ocean" in labels("place/pacific", SKOS.altLabel)
    assert "Far East" in labels("place/russian-far-east", SKOS.altLabel)
    assert {"experts", "security analysts", "observers"} <= labels("actor/analysts", SKOS.altLabel)
    assert "intelligence services" in labels("actor/intelligence-agencies", SKOS.altLabel)
    assert {"global partners", "Western allies"} <= labels("actor/allies", SKOS.altLabel)
    assert {"decision-makers", "policymakers", "U.S. policymakers"} <= labels(
        "actor/us-decision-makers", SKOS.altLabel
    )


def test_no_blank_node_entities_in_gazetteer(gazetteer: Graph) -> None:
    assert not [s for s in gazetteer.subjects() if isinstance(s, BNode)]


# --------------------------------------------------------------------------- metadata, datatypes

VANN = "http://purl.org/vocab/vann/"


def test_the_ontology_describes_itself(ontology: Graph) -> None:
    header = ONTOLOGY_GRAPH
    version = ontology.value(header, OWL.versionInfo)
    assert ontology.value(header, OWL.versionIRI) == URIRef(f"{header}/{version}")
    assert str(ontology.value(header, URIRef(VANN + "preferredNamespacePrefix"))) == "skg"
    assert str(ontology.value(header, URIRef(VANN + "preferredNamespaceUri"))) == SKG_NS
    assert PREFIXES["skg"] == SKG_NS
    assert ontology.value(header, DCTERMS.creator) is not None
    label = ontology.value(header, RDFS.label)
    assert isinstance(label, Literal) and label.language == "en"
    created, modified = (ontology.value(header, p) for p in (DCTERMS.created, DCTERMS.modified))
    assert isinstance(created, Literal) and isinstance(modified, Literal)
    assert created.datatype == modified.datatype == XSD.date
    assert created.toPython() <= modified.toPython()


def test_whole_number_ranges_are_the_datatype_the_data_uses(ontology: Graph, shapes: Graph) -> None:
    import kg

    data = kg.load().data()
    for prop in (SKG.start, SKG.end, SKG.line, SKG.position, SKG.rank):
        assert ontology.value(prop, RDFS.range) == XSD.integer, prop
        written = {o.datatype for o in data.objects(None, prop) if isinstance(o, Literal)}
        written |= {o.datatype for o in ontology.objects(None, prop) if isinstance(o, Literal)}
        assert written <= {XSD.integer}, (prop, written)
        for shape in shapes.subjects(SH.path, prop):
            assert shapes.value(shape, SH.datatype) == XSD.integer, prop
            assert shapes.value(shape, SH.minInclusive) is not None, prop


def test_a_concept_has_one_label_form(ontology: Graph) -> None:
    """rdfs:label and the SKOS labels of the ontology's own concepts are all English, tagged."""
    concepts = set(ontology.subjects(RDF.type, SKOS.Concept)) | set(
        ontology.subjects(RDF.type, SKOS.ConceptScheme)
    )
    assert len(concepts) >= 13
    for concept in concepts:
        for prop in (RDFS.label, SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel):
            for label in ontology.objects(concept, prop):
                assert isinstance(label, Literal) and label.language == "en", (concept, label)
        if (concept, RDF.type, SKOS.Concept) in ontology:
            assert ontology.value(concept, RDFS.label) == ontology.value(concept, SKOS.prefLabel)


def test_negative_offsets_and_line_zero_are_violations(shapes: Graph) -> None:
    from kg.rdf.validation import validate as validate_data

    good = _default_data()
    assert validate_data(good, shapes=shapes).conforms
    for prop, bad in ((SKG.start, -1), (SKG.line, 0)):
        broken = Graph()
        for triple in good:
            broken.add(triple)
        segment = next(good.subjects(prop, None))
        broken.set((segment, prop, Literal(bad)))
        report = validate_data(broken, shapes=shapes)
        assert not report.conforms
        assert any(v.path == str(prop) for v in report.violations), prop


def _default_data() -> Graph:
    import kg

    return kg.load().data()
