"""Tests for kg.network.convert: RDF → networkx (nodes, attributes, edges, views, sources)."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
from rdflib import BNode, Graph, Literal, URIRef

import kg
from kg.errors import UsageError
from kg.network.convert import LIKELIHOOD_RANK, to_networkx, view_graph
from kg.network.views import VIEWS
from kg.rdf.namespaces import SKG

ID = "https://w3id.org/summit-kg/id/"
P = str(SKG.Summit)[: -len("Summit")]
PREFIXES = """
@prefix skg: <https://w3id.org/summit-kg/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix schema: <https://schema.org/> .
@prefix sem: <http://semanticweb.cs.vu.nl/2009/11/sem/> .
@prefix id: <https://w3id.org/summit-kg/id/> .
"""

TWO_SOURCES = (
    PREFIXES
    + """
id:docA a skg:SourceDocument ; dct:title "Article A" .
id:docB a skg:SourceDocument ; dct:title "Article B" .
id:docA-row1 a skg:TableRow ; skg:inDocument id:docA ; skg:start 40 ; skg:quote "Cyber | norms |" .
id:docA-row0 a skg:TableRow ; skg:inDocument id:docA ; skg:start 10 ; skg:quote "Cyber | first |" .
id:docB-par1 a skg:Paragraph ; skg:inDocument id:docB ; skg:quote "NATO worries." ;
    skg:mentions id:nato .
id:docA-item1 a skg:ListItem ; skg:inDocument id:docA ; skg:quote "- NATO" ; skg:mentions id:nato .
id:cyber a skg:Topic ; skos:prefLabel "Cybersecurity" ; skos:altLabel "cyber", "cyber security" ;
    prov:wasDerivedFrom id:docA-row1, id:docA-row0 .
id:nato a skg:Organization, skg:Actor ; skos:prefLabel "NATO" ;
    schema:sameAs <http://www.wikidata.org/entity/Q7184> .
id:o1 a skg:Outcome ; rdfs:label "Cyber norms" ; skg:topic id:cyber ; skg:likelihood skg:Possible ;
    skg:hedge "Possible" ; prov:wasDerivedFrom id:docA-row1 ; skg:statedIn id:docA .
id:s a skg:Summit ; rdfs:label "Alaska summit" ; sem:hasActor id:nato ;
    skg:addressesTopic id:cyber ;
    skg:hasOutcome id:o1 ; skg:status skg:Scheduled .
"""
)


def graph(text: str = TWO_SOURCES) -> Graph:
    return Graph().parse(data=text, format="turtle")


# --- nodes and attributes ----------------------------------------------------


def test_nodes_are_resources_with_most_specific_class_and_label() -> None:
    nxg = to_networkx(graph())
    assert isinstance(nxg, nx.MultiDiGraph)
    types = dict(nxg.nodes(data="type"))
    assert types == {
        ID + "cyber": "Topic",
        ID + "nato": "Organization",  # not the less specific Actor
        ID + "o1": "Outcome",
        ID + "s": "Summit",
    }
    assert nxg.nodes[ID + "cyber"]["label"] == "Cybersecurity"
    assert list(nxg.nodes) == sorted(nxg.nodes)  # deterministic order


def test_literals_are_attributes_never_nodes() -> None:
    nxg = to_networkx(graph())
    assert not [n for n in nxg if not n.startswith(ID)]
    topic = nxg.nodes[ID + "cyber"]
    assert topic["altLabel"] == ["cyber", "cyber security"]  # several values: a sorted list
    assert nxg.nodes[ID + "o1"]["hedge"] == "Possible"
    assert nxg.nodes[ID + "nato"]["sameAs"] == "http://www.wikidata.org/entity/Q7184"
    assert nxg.nodes[ID + "s"]["status"] == "Scheduled"


def test_source_lists_every_document_that_states_a_node() -> None:
    nxg = to_networkx(graph())
    assert nxg.nodes[ID + "nato"]["source"] == ["Article A", "Article B"]  # via skg:mentions
    assert nxg.nodes[ID + "nato"]["mentionedIn"] == 2
    assert nxg.nodes[ID + "cyber"]["source"] == ["Article A"]  # via prov:wasDerivedFrom
    assert "source" not in nxg.nodes[ID + "s"]  # nothing says where it came from


def test_quote_is_the_first_passage_in_document_order() -> None:
    nxg = to_networkx(graph())
    assert nxg.nodes[ID + "cyber"]["quote"] == "Cyber | first |"
    assert nxg.nodes[ID + "o1"]["quote"] == "Cyber | norms |"


def test_outcomes_carry_likelihood_label_and_rank() -> None:
    outcome = to_networkx(graph()).nodes[ID + "o1"]
    assert (outcome["likelihood"], outcome["likelihoodRank"]) == ("possible", 1)


def test_likelihood_ranks_match_the_ontology() -> None:
    ontology = Graph().parse(Path(kg.__file__).parents[1] / "ontology" / "summit.ttl")
    ranks = {
        str(ontology.value(level, URIRef("http://www.w3.org/2004/02/skos/core#prefLabel"))): int(
            rank
        )
        for level, rank in ontology.subject_objects(SKG.rank)
    }
    assert ranks == LIKELIHOOD_RANK


# --- edges --------------------------------------------------------------------


def test_edges_are_keyed_by_predicate_with_a_readable_label() -> None:
    edges = {
        (u, v, k): label for u, v, k, label in to_networkx(graph()).edges(keys=True, data="label")
    }
    assert edges[(ID + "s", ID + "nato", "http://semanticweb.cs.vu.nl/2009/11/sem/hasActor")] == (
        "hasActor"
    )
    assert edges[(ID + "o1", ID + "cyber", P + "topic")] == "topic"
    # rdf:type, likelihood and links to non-nodes (Wikidata, status) are not edges.
    assert len(edges) == 4


def test_outcome_topic_edges_carry_the_likelihood() -> None:
    data = to_networkx(graph()).get_edge_data(ID + "o1", ID + "cyber", P + "topic")
    assert data == {"label": "topic", "likelihood": "possible"}


def test_parallel_edges_with_different_predicates_are_kept() -> None:
    text = (
        PREFIXES
        + """
    id:a a skg:Person . id:b a skg:Person .
    id:a skg:mentions id:b ; skg:addressedTo id:b ."""
    )
    assert to_networkx(graph(text)).number_of_edges(ID + "a", ID + "b") == 2


# --- options ------------------------------------------------------------------


def test_classes_and_predicates_filter() -> None:
    only = to_networkx(graph(), classes=["Topic", "Outcome"])
    assert {t for _, t in only.nodes(data="type")} == {"Topic", "Outcome"}
    by_name = to_networkx(graph(), predicates=["topic"])
    by_iri = to_networkx(graph(), predicates=[P + "topic"])
    assert [k for *_, k in by_name.edges(keys=True)] == [P + "topic"]
    assert list(by_name.edges(keys=True)) == list(by_iri.edges(keys=True))


def test_provenance_is_left_out_unless_asked() -> None:
    plain = to_networkx(graph())
    assert not {"SourceDocument", "TableRow", "Paragraph"} & {
        t for _, t in plain.nodes(data="type")
    }
    full = to_networkx(graph(), provenance=True)
    assert {"SourceDocument", "TableRow", "Paragraph", "ListItem"} <= {
        t for _, t in full.nodes(data="type")
    }
    assert full.has_edge(ID + "o1", ID + "docA-row1", "http://www.w3.org/ns/prov#wasDerivedFrom")
    assert full.nodes[ID + "docA-row1"]["source"] == ["Article A"]


def test_documents_option_links_claims_to_the_documents_stating_them() -> None:
    nxg = to_networkx(graph(), documents=True)
    assert nxg.nodes[ID + "docA"]["type"] == "SourceDocument"
    assert "TableRow" not in {t for _, t in nxg.nodes(data="type")}
    stated = sorted((u, v) for u, v, k in nxg.edges(keys=True) if k == P + "inDocument")
    assert (ID + "nato", ID + "docB") in stated
    assert (ID + "cyber", ID + "docA") in stated
    assert all(nxg.edges[u, v, P + "inDocument"]["label"] == "stated in" for u, v in stated)
    # an outcome's own link to its document is that same edge, not a second one
    assert (ID + "o1", ID + "docA") in stated
    assert not any(k == P + "statedIn" for _, _, k in nxg.edges(keys=True))
    full = to_networkx(graph(), provenance=True)
    assert not any(k == P + "statedIn" for _, _, k in full.edges(keys=True))


def test_untyped_keeps_resources_of_construct_results() -> None:
    text = (
        PREFIXES
        + """
    id:x skg:relatedPlace id:y . id:y rdfs:label "Somewhere" .
    id:x skg:topic [ rdfs:label "anonymous" ] ."""
    )
    assert to_networkx(graph(text)).number_of_nodes() == 0
    nxg = to_networkx(graph(text), untyped=True)
    assert {t for _, t in nxg.nodes(data="type")} == {"Other"}
    assert nxg.nodes[ID + "y"]["label"] == "Somewhere"
    assert any(n.startswith("_:") for n in nxg)
    assert nxg.number_of_edges() == 2


def test_the_callers_graph_is_not_changed() -> None:
    data = graph()
    before = set(data)
    to_networkx(data, documents=True, provenance=True, untyped=True)
    assert set(data) == before


def test_same_data_gives_the_same_graph_in_any_order() -> None:
    triples = list(graph())
    forward, backward = Graph(), Graph()
    for triple in triples:
        forward.add(triple)
    for triple in reversed(triples):
        backward.add(triple)
    a, b = to_networkx(forward, documents=True), to_networkx(backward, documents=True)
    assert list(a.nodes(data=True)) == list(b.nodes(data=True))
    assert list(a.edges(keys=True, data=True)) == list(b.edges(keys=True, data=True))


def test_blank_node_subjects_do_not_crash() -> None:
    data = graph()
    data.add((BNode(), SKG.topic, URIRef(ID + "cyber")))
    data.add((BNode(), URIRef("urn:p"), Literal("x")))
    assert to_networkx(data).number_of_nodes() == 4


# --- views --------------------------------------------------------------------


def test_views_of_the_embedded_default(alaska: kg.SummitGraph) -> None:
    counts = {name: alaska.to_networkx(view=name) for name in VIEWS}
    overview = counts["overview"]
    assert list(overview.nodes(data=True)) == list(alaska.to_networkx().nodes(data=True))
    assert {"Summit", "Topic", "Outcome", "Place", "Person"} <= {
        t for _, t in overview.nodes(data="type")
    }
    topics = counts["topics"]
    assert {t for _, t in topics.nodes(data="type")} == {"Topic", "FocusArea", "Outcome"}
    labels = {label for *_, label in topics.edges(data="label")}
    assert {"possible", "likely", "projected", "anticipated"} <= labels  # likelihoods on edges
    sources = counts["sources"]
    docs = [n for n, t in sources.nodes(data="type") if t == "SourceDocument"]
    assert len(docs) == 1
    assert sources.in_degree(docs[0]) == sources.number_of_nodes() - 1  # everything is stated in it
    actors = counts["actors"]
    assert actors.has_node(ID + "actor/nato")


def test_unknown_view_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="Known: overview, topics, actors, sources"):
        view_graph(graph(), "people")


def test_two_documents_give_two_sources(tmp_path: Path) -> None:
    article = tmp_path / "second.md"
    article.write_text(
        "Analysts Weigh the Alaska Talks\n"
        "The agenda is expected to cover:\n"
        "- Cybersecurity: Setting norms for cyberspace\n",
        encoding="utf-8",
    )
    g = kg.load(*kg.resources.default_sources(), article)
    cyber = g.to_networkx().nodes[ID + "topic/cybersecurity"]
    assert len(cyber["source"]) == 2
    assert "Analysts Weigh the Alaska Talks" in cyber["source"]
