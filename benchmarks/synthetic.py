"""Generate an RDF graph in summit-kg's shape with about N claim nodes.

Unlike ``corpus.py`` (articles run through the whole loader), this writes the
triples directly, so graphs of 10,000 or 100,000 nodes take seconds to make.
The shape follows what ``kg.mapping`` writes: summits with actors, places and
topics; outcomes with a topic, focus areas, a likelihood and a hedge, each
derived from a table row of a source document; concerns that mention actors;
recommendations addressed to actors. Seeded, so the same N gives the same graph.
"""

from __future__ import annotations

import random

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from kg.rdf.namespaces import SCHEMA, SEM, SKG

ID = "https://w3id.org/summit-kg/id/"
LIKELIHOODS = ["Possible", "Likely", "Projected", "Anticipated", "Agreed"]
ACTOR_CLASSES = [SKG.Person, SKG.State, SKG.Organization, SKG.Group]


def synthetic_graph(nodes: int, seed: int = 1) -> Graph:
    """An RDF graph whose networkx overview has roughly ``nodes`` nodes."""
    rng = random.Random(seed)
    g = Graph()
    add = g.add

    def share(fraction: float) -> int:
        return max(1, round(nodes * fraction))

    topics = [URIRef(f"{ID}topic/t{i}") for i in range(share(0.05))]
    focus = [URIRef(f"{ID}focus-area/f{i}") for i in range(share(0.10))]
    actors = [URIRef(f"{ID}actor/a{i}") for i in range(share(0.05))]
    places = [URIRef(f"{ID}place/p{i}") for i in range(share(0.04))]
    docs = [URIRef(f"{ID}doc/d{i}") for i in range(share(0.01))]
    summits = [URIRef(f"{ID}summit/s{i}") for i in range(share(0.01))]
    for i, t in enumerate(topics):
        add((t, RDF.type, SKG.Topic))
        add((t, SKOS.prefLabel, Literal(f"Topic {i}")))
        add((t, SKG.relatedPlace, rng.choice(places)))
    for i, f in enumerate(focus):
        add((f, RDF.type, SKG.FocusArea))
        add((f, SKOS.prefLabel, Literal(f"Focus area {i}")))
    for i, a in enumerate(actors):
        add((a, RDF.type, rng.choice(ACTOR_CLASSES)))
        add((a, SKOS.prefLabel, Literal(f"Actor {i}")))
        add((a, SCHEMA.sameAs, URIRef(f"http://www.wikidata.org/entity/Q{1000 + i}")))
    for i, p in enumerate(places):
        add((p, RDF.type, SKG.Place))
        add((p, SKOS.prefLabel, Literal(f"Place {i}")))
    for i, d in enumerate(docs):
        add((d, RDF.type, SKG.SourceDocument))
        add((d, DCTERMS.title, Literal(f"Article {i} on the summit talks")))
    for i, s in enumerate(summits):
        add((s, RDF.type, SKG.Summit))
        add((s, RDFS.label, Literal(f"Summit {i}")))
        for actor in rng.sample(actors, min(2, len(actors))):
            add((s, SEM.hasActor, actor))
        add((s, SEM.hasPlace, rng.choice(places)))
        for topic in rng.sample(topics, min(8, len(topics))):
            add((s, SKG.addressesTopic, topic))

    def row(kind: str, i: int, text: str) -> URIRef:
        doc = rng.choice(docs)
        r = URIRef(f"{doc}/{kind}/{i}")
        add((r, RDF.type, SKG.TableRow if kind == "row" else SKG.ListItem))
        add((r, SKG.inDocument, doc))
        add((r, SKG.line, Literal(i + 1, datatype=XSD.integer)))
        add((r, SKG.quote, Literal(text)))
        return r

    for i in range(share(0.6)):
        o = URIRef(f"{ID}outcome/o{i}")
        topic, level = rng.choice(topics), rng.choice(LIKELIHOODS)
        add((o, RDF.type, SKG.Outcome))
        add((o, RDFS.label, Literal(f"Outcome {i}")))
        add((o, SKG.topic, topic))
        for f in rng.sample(focus, min(rng.randint(1, 2), len(focus))):
            add((o, SKG.focusArea, f))
            add((topic, SKG.hasFocusArea, f))
        add((o, SKG.likelihood, SKG[level]))
        add((o, SKG.hedge, Literal(level)))
        add((o, PROV.wasDerivedFrom, row("row", i, f"Topic | {level} outcome {i} |")))
        add((rng.choice(summits), SKG.hasOutcome, o))
    for i in range(share(0.1)):
        c = URIRef(f"{ID}concern/c{i}")
        add((c, RDF.type, SKG.Concern))
        add((c, RDFS.label, Literal(f"Concern {i}")))
        add((c, SKG.mentions, rng.choice(actors)))
        add((c, PROV.wasDerivedFrom, row("item", i, f"- Concern {i}")))
        add((rng.choice(summits), SKG.hasConcern, c))
    for i in range(share(0.04)):
        r = URIRef(f"{ID}recommendation/r{i}")
        add((r, RDF.type, SKG.Recommendation))
        add((r, RDFS.label, Literal(f"Recommendation {i}")))
        add((r, SKG.addressedTo, rng.choice(actors)))
        add((r, PROV.wasDerivedFrom, row("rec", i, f"- Recommendation {i}")))
        add((rng.choice(summits), SKG.hasRecommendation, r))
    return g
