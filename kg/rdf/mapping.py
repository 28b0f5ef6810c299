"""Claims → triples: one rdflib Graph per source document.

Mapping knows nothing of text: it reads the block structure (offsets, line
numbers, exact quotes) and the claims, and mints deterministic IRIs
(:mod:`kg.rdf.iris`). Every extracted node has ``prov:wasDerivedFrom`` the row,
item or paragraph that says it, and that segment carries ``skg:start``,
``skg:end``, ``skg:line`` and ``skg:quote``.

The mapper collects the triples in an insertion-ordered set and builds the
graph once at the end, so each triple reaches rdflib's store once (the
context-aware default store, which pySHACL and other readers of
``graph.store`` need). Entities and concepts are mapped once per document,
and the RDF terms it uses are read from their namespaces once per process:
attribute access on an rdflib namespace costs a large part of what adding a
triple does.

Examples:
    >>> from kg.text.parse import parse_article
    >>> from kg.text.extract import extract
    >>> text = "Trump and Putin Set to Meet in Alaska\\nTopic | Likely Outcome |\\n"
    >>> text += "---|---|\\nTrade | New deals |"
    >>> iri, graph = to_graph(extract(parse_article(text)))
    >>> str(iri)
    'https://w3id.org/summit-kg/id/doc/4a745cde75a29249'
    >>> sorted(str(o) for o in graph.objects(None, SKG.likelihood))
    ['https://w3id.org/summit-kg/ontology#Likely']
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import TypeVar

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD
from rdflib.term import Node

from kg.rdf.iris import document_iri, entity_iri, focus_area_iri, summit_iri, topic_iri
from kg.rdf.namespaces import SCHEMA, SEM, SKG, bind_prefixes
from kg.text.claims import (
    Claims,
    ConceptClaim,
    Entity,
    ItemClaim,
    OutcomeClaim,
    PositionClaim,
    SummitClaim,
)
from kg.text.document import Block, Heading, ListBlock, Paragraph, Sentence, Table
from kg.text.normalize import content_hash

__all__ = ["READER_VERSION", "to_graph", "to_triples"]

# Bump READER_VERSION (by one) whenever a change to parsing, extraction or mapping changes
# the triples some text gives: stores keep each document's graph until its text changes, and
# a build reads a text again only when its stored graph carries an older version than this.
READER_VERSION = 16
"""The version of the text reader (parse → extract → map) that articles, saved pages and
curated tables go through, recorded on every document it maps (``skg:readerVersion``).
Graphs without it were made before versions were recorded (some before outcomes named their
document, ``skg:statedIn``): a build reads their texts again as it does an older version's.

A property of summit-kg's own, an ``xsd:integer`` so stores compare it as a number:
``dcterms:hasVersion`` and ``schema:version`` name a version of the resource itself (the
article), not of the program that read it, and PROV's ``prov:wasGeneratedBy`` would need an
activity and a software agent per document to carry one number."""

Triple = tuple[Node, Node, Node]
_C = TypeVar("_C", ConceptClaim, OutcomeClaim, ItemClaim)

# terms, read once (see the module docstring)
_TYPE = RDF.type
_VALUE = RDF.value
_LABEL = RDFS.label
_PREF_LABEL = SKOS.prefLabel
_ALT_LABEL = SKOS.altLabel
_IN_SCHEME = SKOS.inScheme
_TITLE = DCTERMS.title
_IS_PART_OF = DCTERMS.isPartOf
_DC_SOURCE = DCTERMS.source
_DERIVED_FROM = PROV.wasDerivedFrom
_ATTRIBUTED_TO = PROV.wasAttributedTo
_SAME_AS = SCHEMA.sameAs
_IN_DOCUMENT = SKG.inDocument
_STATED_IN = SKG.statedIn
_START = SKG.start
_END = SKG.end
_LINE = SKG.line
_POSITION = SKG.position
_QUOTE = SKG.quote
_MENTIONS = SKG.mentions
_ACTOR = SKG.actor
_TOPIC = SKG.topic
_HAS_FOCUS_AREA = SKG.hasFocusArea


@lru_cache(maxsize=1024)
def _term(name: str) -> URIRef:
    """``SKG[name]`` (an entity kind, a likelihood, a status)."""
    return SKG[name]


@lru_cache(maxsize=16384)
def _text(value: str) -> Literal:
    """A plain string literal; labels recur across documents."""
    return Literal(value)


@lru_cache(maxsize=16384)
def _integer(value: int) -> Literal:
    """An ``xsd:integer`` literal (offsets, lines, positions: every store keeps the type)."""
    return Literal(value, datatype=XSD.integer)


class _Mapper:
    def __init__(self, claims: Claims):
        self.claims = claims
        self.doc = claims.document
        self.hash = content_hash(self.doc.text)
        self.doc_iri = document_iri(self.hash)
        self.triples: dict[Triple, None] = {}
        self.segments: dict[Block, URIRef] = {}
        self.preferred: dict[URIRef, str] = {}
        self.entities: dict[Entity, URIRef] = {}
        self.topics: dict[ConceptClaim, URIRef] = {}
        self.focus_areas: dict[ConceptClaim, URIRef] = {}
        self.claim_iris: dict[tuple[str, object], URIRef] = {}
        self.claims_at: dict[str, int] = {}  # claims so far per IRI base (sentence, cell)
        self.concept_claims = (*claims.agenda, *claims.topics)
        self.by_source: dict[str, dict[Block, list[int]]] = {}
        self.concept_iris: dict[tuple[Callable[[str], URIRef], str], URIRef] = {}

    def add(self, triple: Triple) -> None:
        self.triples[triple] = None

    def run(self) -> None:
        self.document()
        self.structure()
        self.entities_and_mentions()
        self.concepts()
        self.outcomes()
        self.items(self.claims.concerns, SKG.Concern, "concern", SKG.hasConcern)
        self.items(
            self.claims.recommendations, SKG.Recommendation, "recommendation", SKG.hasRecommendation
        )
        self.positions()
        for summit in (self.claims.summit, *self.claims.other_summits):
            if summit is not None:
                self.summit(summit)

    def graph(self) -> Graph:
        """The collected triples as one graph."""
        graph = bind_prefixes(Graph(identifier=self.doc_iri))
        add = graph.store.add
        for triple in self.triples:
            add(triple, graph)
        return graph

    # --- provenance structure -------------------------------------------------

    def document(self) -> None:
        doc = self.doc_iri
        self.add((doc, _TYPE, SKG.SourceDocument))
        self.add((doc, _TITLE, Literal(self.doc.title)))
        self.add((doc, SKG.contentHash, Literal(self.hash)))
        self.add((doc, SKG.readerVersion, _integer(READER_VERSION)))
        meta = self.doc.metadata
        for author in meta.authors:
            self.add((doc, DCTERMS.creator, Literal(author)))
        published = meta.date or (
            self.claims.published.isoformat() if self.claims.published else None
        )
        if published is not None:
            self.add((doc, DCTERMS.date, Literal(published, datatype=XSD.date)))
        if meta.publisher is not None:
            self.add((doc, DCTERMS.publisher, Literal(meta.publisher)))
        if meta.url is not None:
            self.add((doc, _DC_SOURCE, URIRef(meta.url)))

    def segment(
        self, block: Block, iri: URIRef, klass: URIRef, parent: URIRef, position: int
    ) -> URIRef:
        self.segments[block] = iri
        add = self.add
        add((iri, _TYPE, klass))
        add((iri, _IN_DOCUMENT, self.doc_iri))
        add((iri, _IS_PART_OF, parent))
        add((iri, _START, _integer(block.start)))
        add((iri, _END, _integer(block.end)))
        add((iri, _LINE, _integer(block.line)))
        add((iri, _POSITION, _integer(position)))
        add((iri, _QUOTE, Literal(block.text)))
        return iri

    def source(self, block: Block) -> URIRef:
        """The segment IRI of a claim's source; a sentence's is made on first use.

        ``…/paragraph/3/sentence/2``: a sentence is part of its paragraph or item.
        """
        iri = self.segments.get(block)
        if iri is not None:
            return iri
        if not isinstance(block, Sentence) or block.parent is None:
            raise KeyError(block)
        parent = self.source(block.parent)
        return self.segment(
            block, URIRef(f"{parent}/sentence/{block.index}"), SKG.Sentence, parent, block.index
        )

    def claim_iri(self, claim: OutcomeClaim | ItemClaim | PositionClaim, suffix: str) -> URIRef:
        """``…/row/3/outcome``, ``…/row/3/concern/4`` (a cell), ``…/sentence/2/outcome/1``.

        A row or item states one outcome, and one concern, recommendation or position per
        cell, unless the cell is written as clauses (the second is ``…/position/4/2``,
        ``…/row/3/outcome/2``); a sentence may state several, numbered in reading order.
        """
        key = (suffix, claim)
        iri = self.claim_iris.get(key)
        if iri is not None:
            return iri
        base = f"{self.source(claim.source)}/{suffix}"
        in_sentence = isinstance(claim.source, Sentence)
        if not in_sentence and claim.column is not None and not isinstance(claim, OutcomeClaim):
            base = f"{base}/{claim.column}"
        number = self.claims_at[base] = self.claims_at.get(base, 0) + 1
        if in_sentence or number > 1:  # a cell written as clauses: "Haiti seeks …; Jamaica …"
            base = f"{base}/{number}"
        iri = self.claim_iris[key] = URIRef(base)
        return iri

    def attributed(self, iri: URIRef, speakers: tuple[Entity, ...]) -> None:
        """Who voiced a claim, where the source says (``prov:wasAttributedTo``)."""
        for speaker in speakers:
            self.add((iri, _ATTRIBUTED_TO, self.entity(speaker)))

    def structure(self) -> None:
        base = str(self.doc_iri)
        counters = {"heading": 0, "paragraph": 0, "list": 0, "table": 0}

        def next_iri(kind: str) -> URIRef:
            counters[kind] += 1
            return URIRef(f"{base}/{kind}/{counters[kind]}")

        for position, headline in enumerate(self.doc.headlines, start=1):
            self.segment(headline, next_iri("heading"), SKG.Heading, self.doc_iri, position)
        for number, section in enumerate(self.doc.sections, start=1):
            section_iri = URIRef(f"{base}/section/{number}")
            blocks = [b for b in (section.heading, *section.blocks) if b is not None]
            add = self.add
            add((section_iri, _TYPE, SKG.Section))
            add((section_iri, _IN_DOCUMENT, self.doc_iri))
            add((section_iri, _IS_PART_OF, self.doc_iri))
            add((section_iri, _POSITION, _integer(number)))
            add((section_iri, _START, _integer(blocks[0].start)))
            add((section_iri, _END, _integer(blocks[-1].end)))
            add((section_iri, _LINE, _integer(blocks[0].line)))
            if section.title is not None:
                add((section_iri, _TITLE, _text(section.title)))
            for position, block in enumerate(blocks, start=1):
                if isinstance(block, Heading):
                    self.segment(block, next_iri("heading"), SKG.Heading, section_iri, position)
                elif isinstance(block, Paragraph):
                    self.segment(block, next_iri("paragraph"), SKG.Paragraph, section_iri, position)
                elif isinstance(block, ListBlock):
                    list_iri = self.segment(
                        block, next_iri("list"), SKG.List, section_iri, position
                    )
                    for index, item in enumerate(block.items, start=1):
                        self.segment(
                            item, URIRef(f"{list_iri}/item/{index}"), SKG.ListItem, list_iri, index
                        )
                elif isinstance(block, Table):
                    table_iri = self.segment(
                        block, next_iri("table"), SKG.Table, section_iri, position
                    )
                    self.add((table_iri, SKG.header, _text(" | ".join(block.header))))
                    for index, row in enumerate(block.rows, start=1):
                        self.segment(
                            row, URIRef(f"{table_iri}/row/{index}"), SKG.TableRow, table_iri, index
                        )
        for row, cells in self.claims.extra_cells.items():
            row_iri = self.segments[row]
            for column, header, value in cells:
                cell = URIRef(f"{row_iri}/cell/{column}")
                self.add((cell, _TYPE, SKG.Cell))
                self.add((cell, _IS_PART_OF, row_iri))
                self.add((cell, SKG.column, _text(header)))
                self.add((cell, _VALUE, Literal(value)))

    # --- entities ---------------------------------------------------------------

    def entity(self, entity: Entity) -> URIRef:
        """The entity's IRI; its type, labels and links are added on first use."""
        iri = self.entities.get(entity)
        if iri is not None:
            return iri
        iri = self.entities[entity] = entity_iri(entity.id)
        self.add((iri, _TYPE, _term(entity.kind)))
        self.add((iri, _PREF_LABEL, _text(entity.label)))
        for alias in entity.aliases:
            self.add((iri, _ALT_LABEL, _text(alias)))
        for same in entity.same_as:
            self.add((iri, _SAME_AS, URIRef(same)))
        return iri

    def entities_and_mentions(self) -> None:
        for block, entities in self.claims.mentions.items():
            segment = self.source(block)
            for entity in entities:
                self.add((segment, _MENTIONS, self.entity(entity)))

    # --- topics, focus areas, outcomes ------------------------------------------------

    def labels(self, iri: URIRef, claim: ConceptClaim) -> None:
        """One preferred label per concept: the first spelling wins, others are alternatives.

        The preferred label is a display form (:func:`kg.text.lexicon.concept_key`: a short
        name in Title Case, so every source gives the same one); the text as written is
        kept as an alternative label wherever it differs, in its own case.
        """
        preferred = self.preferred.setdefault(iri, claim.label)
        if claim.label != preferred:
            self.add((iri, _ALT_LABEL, _text(claim.label)))
        self.add((iri, _PREF_LABEL, _text(preferred)))
        if claim.surface != preferred:
            self.add((iri, _ALT_LABEL, _text(claim.surface)))

    def topic(self, claim: ConceptClaim) -> URIRef:
        """The topic's IRI; its triples are added the first time ``claim`` is mapped.

        Mapping the same claim again would add the same triples: the preferred
        label of an IRI is fixed by its first claim.
        """
        iri = self.topics.get(claim)
        if iri is not None:
            return iri
        iri = self.topics[claim] = self.concept_iri(topic_iri, claim.key)
        add = self.add
        add((iri, _TYPE, SKG.Topic))
        self.labels(iri, claim)
        add((iri, _IN_SCHEME, SKG.TopicScheme))
        add((iri, _DERIVED_FROM, self.source(claim.source)))
        for place in claim.places:
            add((iri, SKG.relatedPlace, self.entity(place)))
        for actor in claim.actors:
            add((iri, SKG.relatedActor, self.entity(actor)))
        for focus in claim.focus:
            add((iri, _HAS_FOCUS_AREA, self.focus_area(focus)))
        return iri

    def concept_iri(self, mint: Callable[[str], URIRef], key: str) -> URIRef:
        """``mint(key)``, made once per document: rows of a table repeat their topics."""
        iri = self.concept_iris.get((mint, key))
        if iri is None:
            iri = self.concept_iris[(mint, key)] = mint(key)
        return iri

    def focus_area(self, claim: ConceptClaim) -> URIRef:
        """The focus area's IRI; its triples are added the first time ``claim`` is mapped."""
        iri = self.focus_areas.get(claim)
        if iri is not None:
            return iri
        iri = self.focus_areas[claim] = self.concept_iri(focus_area_iri, claim.key)
        self.add((iri, _TYPE, SKG.FocusArea))
        self.labels(iri, claim)
        self.add((iri, _IN_SCHEME, SKG.FocusAreaScheme))
        self.add((iri, _DERIVED_FROM, self.source(claim.source)))
        return iri

    def concepts(self) -> None:
        for claim in self.concept_claims:
            self.topic(claim)

    def outcomes(self) -> None:
        add = self.add
        for claim in self.claims.outcomes:
            row_iri = self.source(claim.source)
            iri = self.claim_iri(claim, "outcome")
            topic = self.topic(claim.topic)
            add((iri, _TYPE, SKG.Outcome))
            add((iri, _LABEL, _text(claim.label)))
            add((iri, _TOPIC, topic))
            add((iri, SKG.likelihood, _term(claim.likelihood.term)))
            if claim.hedge is not None:
                add((iri, SKG.hedge, _text(claim.hedge)))
            if claim.header_likelihood is not None:
                add((iri, SKG.headerLikelihood, _term(claim.header_likelihood.term)))
            if claim.header_hedge is not None:
                add((iri, SKG.headerHedge, _text(claim.header_hedge)))
            if claim.significance is not None:
                add((iri, SKG.significance, _text(claim.significance)))
            add((iri, _DERIVED_FROM, row_iri))
            add((iri, _STATED_IN, self.doc_iri))
            for focus in claim.focus_areas:
                focus_iri = self.focus_area(focus)
                add((iri, SKG.focusArea, focus_iri))
                add((topic, _HAS_FOCUS_AREA, focus_iri))
            for entity in claim.mentions:
                add((iri, _MENTIONS, self.entity(entity)))
            for actor in claim.actors:
                add((iri, _ACTOR, self.entity(actor)))
            if claim.timeframe is not None:
                add((iri, SKG.timeframe, _text(claim.timeframe)))
            if claim.cited is not None:
                add((iri, _DC_SOURCE, _text(claim.cited)))
            self.attributed(iri, claim.speakers)

    def items(
        self, claims: tuple[ItemClaim, ...], klass: URIRef, suffix: str, link: URIRef
    ) -> None:
        add = self.add
        for claim in claims:
            item_iri = self.source(claim.source)
            iri = self.claim_iri(claim, suffix)
            add((iri, _TYPE, klass))
            add((iri, _LABEL, _text(claim.label)))
            add((iri, _DERIVED_FROM, item_iri))
            for entity in claim.mentions:
                add((iri, _MENTIONS, self.entity(entity)))
            for actor in claim.addressed_to:
                add((iri, SKG.addressedTo, self.entity(actor)))
            for actor in claim.actors:
                add((iri, _ACTOR, self.entity(actor)))
            if claim.topic is not None:
                add((iri, _TOPIC, self.topic(claim.topic)))
            self.attributed(iri, claim.speakers)

    def positions(self) -> None:
        add = self.add
        for claim in self.claims.positions:
            iri = self.claim_iri(claim, "position")
            add((iri, _TYPE, SKG.Position))
            add((iri, _LABEL, _text(claim.label)))
            add((iri, _DERIVED_FROM, self.source(claim.source)))
            for actor in claim.actors:
                add((iri, _ACTOR, self.entity(actor)))
            if claim.topic is not None:
                add((iri, _TOPIC, self.topic(claim.topic)))
            if claim.stance is not None:
                add((iri, SKG.stance, _term(claim.stance.capitalize())))
            if claim.cue is not None:
                add((iri, SKG.cue, _text(claim.cue)))
            if claim.quote is not None:
                add((iri, SKG.objectQuote, _text(claim.quote)))
            self.attributed(iri, claim.speakers)

    # --- the summit -------------------------------------------------------------

    def summit(self, claim: SummitClaim) -> None:
        iri = summit_iri(
            claim.place.id if claim.place else None, [p.id for p in claim.participants]
        )
        add = self.add
        add((iri, _TYPE, SKG.Summit))
        add((iri, _LABEL, _text(claim.label)))
        add((iri, _DERIVED_FROM, self.source(claim.source)))
        for block in claim.sources:
            add((iri, _DERIVED_FROM, self.source(block)))
        for actor in claim.participants:
            add((iri, SEM.hasActor, self.entity(actor)))
        if claim.place is not None:
            add((iri, SEM.hasPlace, self.entity(claim.place)))
        if claim.status is not None:
            add((iri, SKG.status, _term(claim.status)))
        if claim.name is not None:
            add((iri, SCHEMA.name, _text(claim.name)))
        for host in claim.host:
            add((iri, SCHEMA.organizer, self.entity(host)))
        if claim.dates is not None:
            add((iri, SKG.dates, _text(claim.dates)))
        if claim.start is not None:
            add((iri, SCHEMA.startDate, Literal(claim.start.isoformat(), datatype=XSD.date)))
        if claim.end is not None:
            add((iri, SCHEMA.endDate, Literal(claim.end.isoformat(), datatype=XSD.date)))

        scope = claim.scope
        for topic in self.scoped("topics", self.concept_claims, scope):
            add((iri, SKG.addressesTopic, self.topics[topic]))
        for outcome in self.scoped("outcomes", self.claims.outcomes, scope):
            add((iri, SKG.hasOutcome, self.claim_iri(outcome, "outcome")))
        for concern in self.scoped("concerns", self.claims.concerns, scope):
            add((iri, SKG.hasConcern, self.claim_iri(concern, "concern")))
        for rec in self.scoped("recommendations", self.claims.recommendations, scope):
            add((iri, SKG.hasRecommendation, self.claim_iri(rec, "recommendation")))

    def scoped(
        self, kind: str, claims: Sequence[_C], scope: frozenset[Block] | None
    ) -> Sequence[_C]:
        """The ``claims`` (of ``kind``) whose source is in ``scope`` (all without one), in order.

        Found through an index of the claims by source, made once per kind: a curated
        table can name a summit per row, each summit's scope is its rows, and scanning
        every claim for every summit would be quadratic.
        """
        if scope is None:
            return claims
        index = self.by_source.get(kind)
        if index is None:
            index = self.by_source[kind] = {}
            for number, item in enumerate(claims):
                index.setdefault(item.source, []).append(number)
        return [claims[n] for n in sorted(n for block in scope for n in index.get(block, ()))]


def to_graph(claims: Claims) -> tuple[URIRef, Graph]:
    """The named graph of one document: ``(document IRI, graph)``."""
    mapper = _Mapper(claims)
    mapper.run()
    return mapper.doc_iri, mapper.graph()


def to_triples(claims: Claims) -> tuple[URIRef, tuple[Triple, ...]]:
    """The triples of one document's graph, without building an rdflib Graph (faster)."""
    mapper = _Mapper(claims)
    mapper.run()
    return mapper.doc_iri, tuple(mapper.triples)
