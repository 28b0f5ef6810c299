"""Claims → triples: one rdflib Graph per source document.

Mapping knows nothing of text: it reads the block structure (offsets, line
numbers, exact quotes) and the claims, and mints deterministic IRIs
(:mod:`kg.ids`). Every extracted node has ``prov:wasDerivedFrom`` the row,
item or paragraph that says it, and that segment carries ``skg:start``,
``skg:end``, ``skg:line`` and ``skg:quote``.

Examples:
    >>> from kg.parse import parse_article
    >>> from kg.extract import extract
    >>> text = "Trump and Putin Set to Meet in Alaska\\nTopic | Likely Outcome |\\n"
    >>> text += "---|---|\\nTrade | New deals |"
    >>> iri, graph = to_graph(extract(parse_article(text)))
    >>> str(iri)
    'https://w3id.org/summit-kg/id/doc/4a745cde75a29249'
    >>> sorted(str(o) for o in graph.objects(None, SKG.likelihood))
    ['https://w3id.org/summit-kg/ontology#Likely']
"""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from kg.claims import Claims, ConceptClaim, Entity, ItemClaim, OutcomeClaim, SummitClaim
from kg.document import Block, Heading, ListBlock, Paragraph, Table
from kg.ids import content_hash, document_iri, entity_iri, focus_area_iri, summit_iri, topic_iri
from kg.namespaces import PREFIXES, SCHEMA, SEM, SKG

__all__ = ["bind_prefixes", "to_graph"]


def bind_prefixes(graph: Graph) -> Graph:
    """Bind the project's prefix map on ``graph`` and return it."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


class _Mapper:
    def __init__(self, claims: Claims):
        self.claims = claims
        self.doc = claims.document
        self.hash = content_hash(self.doc.text)
        self.doc_iri = document_iri(self.hash)
        self.graph = bind_prefixes(Graph(identifier=self.doc_iri))
        self.segments: dict[Block, URIRef] = {}
        self.preferred: dict[URIRef, str] = {}
        self.add = self.graph.add

    def run(self) -> Graph:
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
        return self.graph

    # --- provenance structure -------------------------------------------------

    def document(self) -> None:
        doc = self.doc_iri
        self.add((doc, RDF.type, SKG.SourceDocument))
        self.add((doc, DCTERMS.title, Literal(self.doc.title)))
        self.add((doc, SKG.contentHash, Literal(self.hash)))

    def segment(
        self, block: Block, iri: URIRef, klass: URIRef, parent: URIRef, position: int
    ) -> URIRef:
        self.segments[block] = iri
        add = self.add
        add((iri, RDF.type, klass))
        add((iri, SKG.inDocument, self.doc_iri))
        add((iri, DCTERMS.isPartOf, parent))
        add((iri, SKG.start, Literal(block.start, datatype=XSD.integer)))
        add((iri, SKG.end, Literal(block.end, datatype=XSD.integer)))
        add((iri, SKG.line, Literal(block.line, datatype=XSD.integer)))
        add((iri, SKG.position, Literal(position, datatype=XSD.integer)))
        add((iri, SKG.quote, Literal(block.text)))
        return iri

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
            add((section_iri, RDF.type, SKG.Section))
            add((section_iri, SKG.inDocument, self.doc_iri))
            add((section_iri, DCTERMS.isPartOf, self.doc_iri))
            add((section_iri, SKG.position, Literal(number, datatype=XSD.integer)))
            add((section_iri, SKG.start, Literal(blocks[0].start, datatype=XSD.integer)))
            add((section_iri, SKG.end, Literal(blocks[-1].end, datatype=XSD.integer)))
            add((section_iri, SKG.line, Literal(blocks[0].line, datatype=XSD.integer)))
            if section.title is not None:
                add((section_iri, DCTERMS.title, Literal(section.title)))
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
                    self.add((table_iri, SKG.header, Literal(" | ".join(block.header))))
                    for index, row in enumerate(block.rows, start=1):
                        self.segment(
                            row, URIRef(f"{table_iri}/row/{index}"), SKG.TableRow, table_iri, index
                        )
        for row, cells in self.claims.extra_cells.items():
            row_iri = self.segments[row]
            for column, header, value in cells:
                cell = URIRef(f"{row_iri}/cell/{column}")
                self.add((cell, RDF.type, SKG.Cell))
                self.add((cell, DCTERMS.isPartOf, row_iri))
                self.add((cell, SKG.column, Literal(header)))
                self.add((cell, RDF.value, Literal(value)))

    # --- entities ---------------------------------------------------------------

    def entity(self, entity: Entity) -> URIRef:
        iri = entity_iri(entity.id)
        self.add((iri, RDF.type, SKG[entity.kind]))
        self.add((iri, SKOS.prefLabel, Literal(entity.label)))
        for alias in entity.aliases:
            self.add((iri, SKOS.altLabel, Literal(alias)))
        for same in entity.same_as:
            self.add((iri, SCHEMA.sameAs, URIRef(same)))
        return iri

    def entities_and_mentions(self) -> None:
        for block, entities in self.claims.mentions.items():
            segment = self.segments[block]
            for entity in entities:
                self.add((segment, SKG.mentions, self.entity(entity)))

    # --- topics, focus areas, outcomes ------------------------------------------------

    def labels(self, iri: URIRef, claim: ConceptClaim) -> None:
        """One preferred label per concept: the first spelling wins, others are alternatives."""
        preferred = self.preferred.setdefault(iri, claim.label)
        if claim.label != preferred:
            self.add((iri, SKOS.altLabel, Literal(claim.label)))
        self.add((iri, SKOS.prefLabel, Literal(preferred)))
        if claim.surface.casefold() != preferred.casefold():
            self.add((iri, SKOS.altLabel, Literal(claim.surface)))

    def topic(self, claim: ConceptClaim) -> URIRef:
        iri = topic_iri(claim.key)
        add = self.add
        add((iri, RDF.type, SKG.Topic))
        self.labels(iri, claim)
        add((iri, SKOS.inScheme, SKG.TopicScheme))
        add((iri, PROV.wasDerivedFrom, self.segments[claim.source]))
        for place in claim.places:
            add((iri, SKG.relatedPlace, self.entity(place)))
        for actor in claim.actors:
            add((iri, SKG.relatedActor, self.entity(actor)))
        for focus in claim.focus:
            add((iri, SKG.hasFocusArea, self.focus_area(focus)))
        return iri

    def focus_area(self, claim: ConceptClaim) -> URIRef:
        iri = focus_area_iri(claim.key)
        self.add((iri, RDF.type, SKG.FocusArea))
        self.labels(iri, claim)
        self.add((iri, SKOS.inScheme, SKG.FocusAreaScheme))
        self.add((iri, PROV.wasDerivedFrom, self.segments[claim.source]))
        return iri

    def concepts(self) -> None:
        for claim in (*self.claims.agenda, *self.claims.topics):
            self.topic(claim)

    def outcome_iri(self, claim: OutcomeClaim) -> URIRef:
        """``…/row/3/outcome`` (one outcome per row or list item)."""
        return URIRef(f"{self.segments[claim.source]}/outcome")

    def item_iri(self, claim: ItemClaim, suffix: str) -> URIRef:
        """``…/item/2/concern``, or ``…/row/3/concern/4`` for a table cell."""
        base = f"{self.segments[claim.source]}/{suffix}"
        return URIRef(base if claim.column is None else f"{base}/{claim.column}")

    def outcomes(self) -> None:
        add = self.add
        for claim in self.claims.outcomes:
            row_iri = self.segments[claim.source]
            iri = self.outcome_iri(claim)
            topic = self.topic(claim.topic)
            add((iri, RDF.type, SKG.Outcome))
            add((iri, RDFS.label, Literal(claim.label)))
            add((iri, SKG.topic, topic))
            add((iri, SKG.likelihood, SKG[claim.likelihood.term]))
            if claim.hedge is not None:
                add((iri, SKG.hedge, Literal(claim.hedge)))
            if claim.header_likelihood is not None:
                add((iri, SKG.headerLikelihood, SKG[claim.header_likelihood.term]))
            if claim.header_hedge is not None:
                add((iri, SKG.headerHedge, Literal(claim.header_hedge)))
            if claim.significance is not None:
                add((iri, SKG.significance, Literal(claim.significance)))
            add((iri, PROV.wasDerivedFrom, row_iri))
            for focus in claim.focus_areas:
                focus_iri = self.focus_area(focus)
                add((iri, SKG.focusArea, focus_iri))
                add((topic, SKG.hasFocusArea, focus_iri))
            for entity in claim.mentions:
                add((iri, SKG.mentions, self.entity(entity)))
            for actor in claim.actors:
                add((iri, SKG.actor, self.entity(actor)))
            if claim.timeframe is not None:
                add((iri, SKG.timeframe, Literal(claim.timeframe)))
            if claim.cited is not None:
                add((iri, DCTERMS.source, Literal(claim.cited)))

    def items(
        self, claims: tuple[ItemClaim, ...], klass: URIRef, suffix: str, link: URIRef
    ) -> None:
        for claim in claims:
            item_iri = self.segments[claim.source]
            iri = self.item_iri(claim, suffix)
            self.add((iri, RDF.type, klass))
            self.add((iri, RDFS.label, Literal(claim.label)))
            self.add((iri, PROV.wasDerivedFrom, item_iri))
            for entity in claim.mentions:
                self.add((iri, SKG.mentions, self.entity(entity)))
            for actor in claim.addressed_to:
                self.add((iri, SKG.addressedTo, self.entity(actor)))
            for actor in claim.actors:
                self.add((iri, SKG.actor, self.entity(actor)))
            if claim.topic is not None:
                self.add((iri, SKG.topic, self.topic(claim.topic)))

    def positions(self) -> None:
        for claim in self.claims.positions:
            row_iri = self.segments[claim.source]
            iri = URIRef(f"{row_iri}/position/{claim.column}")
            self.add((iri, RDF.type, SKG.Position))
            self.add((iri, RDFS.label, Literal(claim.label)))
            self.add((iri, PROV.wasDerivedFrom, row_iri))
            for actor in claim.actors:
                self.add((iri, SKG.actor, self.entity(actor)))
            if claim.topic is not None:
                self.add((iri, SKG.topic, self.topic(claim.topic)))

    # --- the summit -------------------------------------------------------------

    def summit(self, claim: SummitClaim) -> None:
        iri = summit_iri(
            claim.place.id if claim.place else None, [p.id for p in claim.participants]
        )
        add = self.add
        add((iri, RDF.type, SKG.Summit))
        add((iri, RDFS.label, Literal(claim.label)))
        add((iri, PROV.wasDerivedFrom, self.segments[claim.source]))
        for block in claim.sources:
            add((iri, PROV.wasDerivedFrom, self.segments[block]))
        for actor in claim.participants:
            add((iri, SEM.hasActor, self.entity(actor)))
        if claim.place is not None:
            add((iri, SEM.hasPlace, self.entity(claim.place)))
        if claim.status is not None:
            add((iri, SKG.status, SKG[claim.status]))
        if claim.name is not None:
            add((iri, SCHEMA.name, Literal(claim.name)))
        for host in claim.host:
            add((iri, SCHEMA.organizer, self.entity(host)))
        if claim.dates is not None:
            add((iri, SKG.dates, Literal(claim.dates)))

        def scoped(block: Block) -> bool:
            return claim.scope is None or block in claim.scope

        for topic in (*self.claims.agenda, *self.claims.topics):
            if scoped(topic.source):
                add((iri, SKG.addressesTopic, topic_iri(topic.key)))
        for outcome in self.claims.outcomes:
            if scoped(outcome.source):
                add((iri, SKG.hasOutcome, self.outcome_iri(outcome)))
        for concern in self.claims.concerns:
            if scoped(concern.source):
                add((iri, SKG.hasConcern, self.item_iri(concern, "concern")))
        for rec in self.claims.recommendations:
            if scoped(rec.source):
                add((iri, SKG.hasRecommendation, self.item_iri(rec, "recommendation")))


def to_graph(claims: Claims) -> tuple[URIRef, Graph]:
    """The named graph of one document: ``(document IRI, graph)``."""
    mapper = _Mapper(claims)
    return mapper.doc_iri, mapper.run()
