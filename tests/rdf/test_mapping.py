"""Unit tests for mapping (kg.mapping): Claims → one rdflib Graph per document.

Checks deterministic IRIs, provenance quotes, topic merging, that labels come
from the text, that IRIs minted from hostile labels are valid, and that the
result conforms to the SHACL shapes.
"""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import PROV, RDF, RDFS, SKOS, XSD

from kg.rdf.mapping import READER_VERSION, to_graph
from kg.rdf.namespaces import ID, SEM, SKG
from kg.rdf.validation import validate
from kg.text.extract import extract
from kg.text.parse import normalise_text, parse_article
from tests.support.paths import FIXTURES, ROOT

ALASKA = (
    "Trump and Putin Set to Meet in Alaska\n"
    "The leaders will meet in Anchorage next week.\n"
    "The agenda is expected to cover:\n"
    "- Reevaluating arms control: New START and beyond\n"
    "- Energy: Arctic drilling\n"
    "Topic | Primary Focus | Likely Outcome | Significance |\n"
    "---|---|---|---|\n"
    "Arms Control | Nuclear arms treaties, missile defense | Possible renewal | Stability |\n"
    "Sanctions Policy | Banking, energy | Relaxation | Leverage |\n"
    "Key concerns include:\n"
    "- Ukraine insists on guarantees\n"
    "- Mistrust between intelligence agencies\n"
    "Guidance for U.S. Strategy\n"
    "Washington should keep allies informed.\n"
    "- Coordinate with NATO.\n"
)


def graph_of(text: str) -> tuple[URIRef, Graph]:
    return to_graph(extract(parse_article(text)))


def iris(graph: Graph) -> set[URIRef]:
    return {t for triple in graph for t in triple if isinstance(t, URIRef)}


@pytest.fixture(scope="module")
def harbour_text() -> str:
    return (FIXTURES / "harbour-summit.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def harbour(harbour_text: str) -> tuple[URIRef, Graph]:
    return graph_of(harbour_text)


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ROOT / "ontology" / "summit.ttl", format="turtle")


# --- determinism ----------------------------------------------------------------------


@pytest.mark.parametrize("name", ["alaska", "harbour"])
def test_same_text_twice_gives_the_same_graph_and_iris(name: str, harbour_text: str):
    text = ALASKA if name == "alaska" else harbour_text
    iri1, g1 = graph_of(text)
    iri2, g2 = graph_of(text)
    assert iri1 == iri2
    assert isomorphic(g1, g2)
    assert set(g1) == set(g2)  # no blank nodes: identical triples, identical IRIs
    assert iris(g1) == iris(g2)
    assert len(g1) > 50


def test_document_iri_is_the_content_hash_of_the_normalised_text(harbour):
    iri, graph = harbour
    (hash_literal,) = graph.objects(iri, SKG.contentHash)
    assert str(iri) == f"{ID}doc/{str(hash_literal)[:16]}"
    assert len(str(hash_literal)) == 64


def test_the_document_records_the_reader_version(harbour):
    iri, graph = harbour
    assert list(graph.objects(iri, SKG.readerVersion)) == [
        Literal(READER_VERSION, datatype=XSD.integer)
    ]
    assert list(graph.subject_objects(SKG.readerVersion)) == [
        (iri, Literal(READER_VERSION, datatype=XSD.integer))
    ]  # on the document node only


@pytest.mark.parametrize(
    "variant",
    [
        lambda t: t.replace("\n", "\r\n"),
        lambda t: t.replace("\n", "\r"),
        lambda t: "\ufeff" + t,
    ],
    ids=["crlf", "lone-cr", "bom"],
)
def test_line_ending_and_bom_variants_give_an_isomorphic_graph(variant, harbour, harbour_text):
    iri, graph = harbour
    other_iri, other = graph_of(variant(harbour_text))
    assert other_iri == iri
    assert isomorphic(other, graph)
    assert set(other) == set(graph)


def test_different_text_gives_a_different_document_iri(harbour, harbour_text):
    other_iri, _ = graph_of(harbour_text + "\nOne more line of prose.")
    assert other_iri != harbour[0]


# --- document and provenance ----------------------------------------------------------


def test_source_document_title_and_type(harbour):
    iri, graph = harbour
    assert (iri, RDF.type, SKG.SourceDocument) in graph
    assert graph.value(iri, URIRef("http://purl.org/dc/terms/title")) == Literal(
        "Ølgaard and Ellertsson Set to Meet in Tromsø for Harbour Summit"
    )


def test_every_segment_quote_equals_the_text_at_its_offsets(harbour, harbour_text):
    _, graph = harbour
    text = normalise_text(harbour_text)
    segments = list(graph.subjects(SKG.quote, None))
    assert len(segments) == 30  # every block, item and row, and the two sentences claims cite
    for segment in segments:
        start = int(graph.value(segment, SKG.start))
        end = int(graph.value(segment, SKG.end))
        assert str(graph.value(segment, SKG.quote)) == text[start:end], segment
        line = int(graph.value(segment, SKG.line))
        assert text.count("\n", 0, start) == line - 1


def test_every_outcome_has_one_likelihood_topics_and_a_row_or_sentence_as_source(
    harbour, harbour_text
):
    doc_iri, graph = harbour
    text = normalise_text(harbour_text)
    outcomes = set(graph.subjects(RDF.type, SKG.Outcome))
    assert len(outcomes) == 6  # five table rows, one sentence ("hope to sign …")
    kinds = []
    for outcome in outcomes:
        assert len(list(graph.objects(outcome, SKG.likelihood))) == 1
        topics = list(graph.objects(outcome, SKG.topic))
        assert topics and all((t, RDF.type, SKG.Topic) in graph for t in topics)
        (row,) = graph.objects(outcome, PROV.wasDerivedFrom)
        kinds.append(graph.value(row, RDF.type))
        # the shortcut to the document names the row's document
        assert list(graph.objects(outcome, SKG.statedIn)) == [doc_iri]
        assert graph.value(row, SKG.inDocument) == doc_iri
        start, end = int(graph.value(row, SKG.start)), int(graph.value(row, SKG.end))
        assert str(graph.value(row, SKG.quote)) == text[start:end]
        label = str(graph.value(outcome, RDFS.label))
        assert label in text[start:end]
    assert sorted(kinds) == sorted([SKG.TableRow] * 5 + [SKG.Sentence])


def test_outcome_likelihoods_and_hedges(harbour):
    _, graph = harbour
    got = {}
    for outcome in graph.subjects(RDF.type, SKG.Outcome):
        got[str(graph.value(outcome, RDFS.label))] = (
            graph.value(outcome, SKG.likelihood),
            str(graph.value(outcome, SKG.hedge)),
            graph.value(outcome, SKG.headerLikelihood),
        )
    assert got == {
        "Joint management plan": (SKG.Anticipated, "Expected", None),
        "Expanded shipping capacity": (SKG.Anticipated, "Expected", None),
        "Faster emergency response": (SKG.Anticipated, "Expected", None),
        "Likely agreement on shared cod quotas": (SKG.Likely, "Likely", SKG.Possible),
        "Joint polar research station in Svalbard": (SKG.Possible, "Possible", None),
        "a joint declaration by Friday evening": (SKG.Possible, "hope to", None),
    }


def test_outcome_iri_is_under_its_row(harbour):
    doc_iri, graph = harbour
    outcomes = sorted(str(o) for o in graph.subjects(RDF.type, SKG.Outcome))
    assert outcomes == [
        f"{doc_iri}/paragraph/6/sentence/1/outcome/1",
        f"{doc_iri}/table/1/row/1/outcome",
        f"{doc_iri}/table/1/row/2/outcome",
        f"{doc_iri}/table/1/row/3/outcome",
        f"{doc_iri}/table/2/row/1/outcome",
        f"{doc_iri}/table/2/row/2/outcome",
    ]


# --- topics ---------------------------------------------------------------------------


def test_topics_merge_across_tables_and_the_agenda(harbour):
    _, graph = harbour
    topics = set(graph.subjects(RDF.type, SKG.Topic))
    assert topics == {
        ID["topic/fisheries-cooperation"],
        ID["topic/port-infrastructure"],
        ID["topic/search-and-rescue"],
        ID["topic/arctic-research"],
    }
    fisheries = ID["topic/fisheries-cooperation"]
    assert len(set(graph.subjects(SKG.topic, fisheries))) == 3  # two rows and the outlook
    # one display form preferred; each spelling as written is an alternative
    assert list(graph.objects(fisheries, SKOS.prefLabel)) == [Literal("Fisheries Cooperation")]
    assert set(graph.objects(fisheries, SKOS.altLabel)) == {
        Literal("Strengthening fisheries cooperation"),
    }
    # derived from the agenda item and both table rows
    assert len(set(graph.objects(fisheries, PROV.wasDerivedFrom))) == 3


def test_focus_areas_hang_off_their_topic(harbour):
    _, graph = harbour
    fisheries = ID["topic/fisheries-cooperation"]
    assert set(graph.objects(fisheries, SKG.hasFocusArea)) == {
        ID["focus-area/quota-coordination"],
        ID["focus-area/catch-data-sharing"],
    }


def test_labels_of_claims_occur_in_the_article_text(harbour, harbour_text):
    _, graph = harbour
    text = normalise_text(harbour_text).casefold()
    checked = 0
    for klass in (SKG.Outcome, SKG.Concern, SKG.Recommendation, SKG.Topic, SKG.FocusArea):
        for node in graph.subjects(RDF.type, klass):
            for prop in (RDFS.label, SKOS.prefLabel, SKOS.altLabel):
                for label in graph.objects(node, prop):
                    assert str(label).casefold() in text, (node, label)
                    checked += 1
    assert checked == 6 + 2 + 3 + 4 + 4 + 4  # outcomes, concerns, recs, topics(+alt), focus


def test_concerns_and_recommendations_link_back_to_list_items_and_sentences(harbour):
    _, graph = harbour
    for klass, items, sentences in ((SKG.Concern, 2, 0), (SKG.Recommendation, 2, 1)):
        sources = []
        for node in graph.subjects(RDF.type, klass):
            (source,) = graph.objects(node, PROV.wasDerivedFrom)
            sources.append(graph.value(source, RDF.type))
        assert sorted(sources) == sorted([SKG.ListItem] * items + [SKG.Sentence] * sentences)


def test_a_sentence_segment_is_part_of_its_paragraph(harbour, harbour_text):
    _, graph = harbour
    (sentence,) = (
        node
        for node in graph.subjects(RDF.type, SKG.Sentence)
        if str(graph.value(node, SKG.quote)).startswith("Both delegations should")
    )
    paragraph = graph.value(sentence, URIRef("http://purl.org/dc/terms/isPartOf"))
    assert (paragraph, RDF.type, SKG.Paragraph) in graph
    assert str(sentence) == f"{paragraph}/sentence/1"
    assert int(graph.value(sentence, SKG.start)) >= int(graph.value(paragraph, SKG.start))


def test_harbour_summit_node_has_the_introduced_people_as_participants(harbour):
    _, graph = harbour
    (summit,) = graph.subjects(RDF.type, SKG.Summit)
    assert summit == ID["summit/tromso-ana-ølgaard-jónas-ellertsson"]
    people = set(graph.objects(summit, SEM.hasActor))
    assert people == {ID["actor/ana-ølgaard"], ID["actor/jónas-ellertsson"]}
    for person in people:
        assert (person, RDF.type, SKG.Person) in graph
    assert graph.value(ID["actor/ana-ølgaard"], SKOS.altLabel) == Literal("Ølgaard")
    assert graph.value(summit, SEM.hasPlace) == ID["place/tromso"]


def test_summit_node_links_participants_place_topics_and_claims():
    _, graph = graph_of(ALASKA)
    (summit,) = graph.subjects(RDF.type, SKG.Summit)
    assert summit == ID["summit/alaska-donald-trump-vladimir-putin"]
    assert set(graph.objects(summit, SEM.hasActor)) == {
        ID["actor/donald-trump"],
        ID["actor/vladimir-putin"],
    }
    assert graph.value(summit, SEM.hasPlace) == ID["place/alaska"]
    assert graph.value(summit, SKG.status) == SKG.Scheduled
    assert ID["topic/arms-control"] in set(graph.objects(summit, SKG.addressesTopic))
    assert len(set(graph.objects(summit, SKG.hasOutcome))) == 2
    assert len(set(graph.objects(summit, SKG.hasConcern))) == 2
    recs = set(graph.objects(summit, SKG.hasRecommendation))  # the item and the sentence
    assert {graph.value(rec, RDFS.label) for rec in recs} == {
        Literal("Coordinate with NATO."),
        Literal("keep allies informed"),
    }
    assert {graph.value(rec, SKG.addressedTo) for rec in recs} == {ID["actor/united-states"]}
    # "Reevaluating arms control" (agenda) and "Arms Control" (table) meet
    assert len(set(graph.objects(ID["topic/arms-control"], PROV.wasDerivedFrom))) == 2


# --- hostile labels -------------------------------------------------------------------

HOSTILE_CELLS = [
    'Arms "Control" talks',
    "Tariffs <script>{x}</script> ^`tick`",
    "Pipe \\| inside",
    "back\\slash topic",
    "שלום ועידה",
    "قمة السلام",
    "Tru\u200bmp\u200d Tower\u2060",
    "\u202eevil\u202c bidi",
    "🚀 Space race 🌍",
    "🇺🇦",
    "/#% path?query=1&x=2",
    "Caf\u0065\u0301 talks",
    "  spaced   out  ",
]


def hostile_article() -> str:
    rows = [f"{cell} | {cell}, other | Possible {i} |" for i, cell in enumerate(HOSTILE_CELLS)]
    return (
        "Hostile Labels Test Article\nThe talks begin today.\n"
        "Topic | Focus | Outcome |\n---|---|---|\n" + "\n".join(rows) + "\n"
    )


def test_iris_from_hostile_labels_are_valid():
    _, graph = graph_of(hostile_article())
    minted = [i for i in iris(graph) if str(i).startswith(str(ID))]
    topics = set(graph.subjects(RDF.type, SKG.Topic))
    assert len(topics) == len(HOSTILE_CELLS)
    for iri in minted:
        iri.n3()  # raises for characters that are not allowed in an IRI
        assert not set(str(iri)) & set(' "<>{}|^`\\\u200b\u200d\u2060\u202e\u202c'), iri
    for topic in topics:
        local = str(topic).rsplit("/", 1)[1]
        assert local and "#" not in local and "%" not in local and "?" not in local


def test_hostile_labels_are_kept_as_literals():
    _, graph = graph_of(hostile_article())
    labels = {str(o) for o in graph.objects(None, RDFS.label)}
    assert {f"Possible {i}" for i in range(len(HOSTILE_CELLS))} <= labels
    topic_surfaces = {str(o) for o in graph.objects(None, SKOS.prefLabel)} | {
        str(o) for o in graph.objects(None, SKOS.altLabel)
    }
    assert 'Arms "Control" Talks' in topic_surfaces
    assert "Pipe | Inside" in topic_surfaces
    assert "שלום ועידה" in topic_surfaces


def test_hostile_label_export_parses_in_oxigraph():
    import pyoxigraph

    _, graph = graph_of(hostile_article())
    data = graph.serialize(format="nt")
    triples = list(pyoxigraph.parse(data, format=pyoxigraph.RdfFormat.N_TRIPLES))
    assert len(triples) == len(graph)


def test_harbour_export_parses_in_oxigraph(harbour):
    import pyoxigraph

    _, graph = harbour
    data = graph.serialize(format="nt")
    triples = list(pyoxigraph.parse(data, format=pyoxigraph.RdfFormat.N_TRIPLES))
    assert len(triples) == len(graph)


# --- SHACL ----------------------------------------------------------------------------


def test_harbour_graph_conforms(harbour, ontology):
    _, graph = harbour
    report = validate(graph, ontology)
    assert report.conforms, report.text
    assert report.violations == ()


def test_hostile_label_graph_conforms(ontology):
    _, graph = graph_of(hostile_article())
    report = validate(graph, ontology)
    assert report.conforms, report.text


def test_alaska_graph_conforms(ontology):
    _, graph = graph_of(ALASKA)
    report = validate(graph, ontology)
    assert report.conforms, report.text


def test_validation_catches_a_broken_outcome(harbour, ontology):
    """The check above can fail: remove an outcome's likelihood and it does."""
    _, graph = harbour
    broken = Graph()
    for triple in graph:
        broken.add(triple)
    outcome = next(iter(graph.subjects(RDF.type, SKG.Outcome)))
    broken.remove((outcome, SKG.likelihood, None))
    report = validate(broken, ontology)
    assert not report.conforms
    assert [v.focus for v in report.violations] == [str(outcome)]


def test_one_pref_label_per_topic_when_spellings_differ(ontology):
    _, graph = graph_of(
        "Hostile Labels Test Article\nThe talks begin today.\n"
        "Topic | Outcome |\n---|---|\n"
        "Nuclear Arms-Control | Deal |\nnuclear arms control | Other deal |\n"
    )
    topic = ID["topic/nuclear-arms-control"]
    assert len(list(graph.objects(topic, SKOS.prefLabel))) == 1
    assert validate(graph, ontology).conforms


def test_symbol_only_topics_do_not_merge():
    _, graph = graph_of(
        "Hostile Labels Test Article\nThe talks begin today.\n"
        "Topic | Outcome |\n---|---|\n🚀 | Deal |\n🇺🇦 | Other deal |\n"
    )
    assert len(set(graph.subjects(RDF.type, SKG.Topic))) == 2
