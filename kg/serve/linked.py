"""Linked Data: what the pages say about one resource, and about the ontology.

An entity (``https://w3id.org/summit-kg/id/…``) is described by three fixed
queries run like any other (through the server's :class:`~kg.serve.workers.QueryService`,
the resource bound as a typed IRI parameter, never pasted into the text): its
statements, the statements that point at it, and the passages it was derived
from or that mention it. Its RDF form is a concise bounded description: its
statements, with those of the blank nodes they reach.

Examples:
    >>> entity_iri("topic/trade")
    rdflib.term.URIRef('https://w3id.org/summit-kg/id/topic/trade')
    >>> local_path("https://w3id.org/summit-kg/id/topic/trade")
    '/id/topic/trade'
    >>> local_path("https://w3id.org/summit-kg/ontology#Topic")
    '/ontology#Topic'
    >>> local_path("https://example.org/x") is None
    True
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import quote

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS
from rdflib.term import Node

from kg.rdf.namespaces import ID, SKG
from kg.serve.workers import QueryService
from kg.sparql.catalogue import QueryFile, declare_prefixes
from kg.sparql.results import short_term
from kg.sparql.runner import QueryResult

__all__ = [
    "Entity",
    "OntologyDoc",
    "Statement",
    "describe",
    "entity_iri",
    "label_of",
    "local_path",
    "ontology_doc",
]

ONTOLOGY = "https://w3id.org/summit-kg/ontology"


def _query(name: str, text: str) -> QueryFile:
    return QueryFile(name, declare_prefixes(text))


_LABEL = "skos:prefLabel|rdfs:label|dcterms:title"
OUTGOING = _query(
    "entity-outgoing",
    f"SELECT ?p ?o (SAMPLE(?name) AS ?label) WHERE {{ ?s ?p ?o . "
    f"OPTIONAL {{ ?o {_LABEL} ?name }} }} GROUP BY ?p ?o ORDER BY ?p ?o",
)
INCOMING = _query(
    "entity-incoming",
    f"SELECT ?x ?p (SAMPLE(?name) AS ?label) WHERE {{ ?x ?p ?s . "
    f"OPTIONAL {{ ?x {_LABEL} ?name }} }} GROUP BY ?x ?p ORDER BY ?p ?x LIMIT 500",
)
PROVENANCE = _query(
    "entity-provenance",
    """SELECT ?how ?segment ?quote ?line ?document ?title WHERE {
  { ?s prov:wasDerivedFrom ?segment BIND ("derived from" AS ?how) }
  UNION { ?segment skg:mentions ?s BIND ("mentioned in" AS ?how) }
  OPTIONAL { ?segment skg:quote ?quote }
  OPTIONAL { ?segment skg:line ?line }
  OPTIONAL { ?segment skg:inDocument ?document OPTIONAL { ?document dcterms:title ?title } }
} ORDER BY ?how ?title ?line LIMIT 500""",
)
DESCRIPTION = _query(
    "entity-description",
    "CONSTRUCT { ?s ?p ?o . ?o ?q ?v } WHERE { ?s ?p ?o "
    "OPTIONAL { ?o ?q ?v FILTER (isBlank(?o)) } }",
)
"""The concise bounded description (one level of blank nodes)."""


def entity_iri(path: str) -> URIRef:
    """The IRI ``/id/{path}`` stands for."""
    return URIRef(str(ID) + path)


def local_path(iri: str) -> str | None:
    """Where this server shows ``iri``: ``/id/…`` for entities, ``/ontology#…`` for terms."""
    if iri.startswith(str(ID)):
        return "/id/" + quote(iri[len(str(ID)) :], safe="/:@!$&'()*+,;=-._~")
    if iri.startswith(str(SKG)):
        return "/ontology#" + quote(iri[len(str(SKG)) :], safe="-._~")
    if iri == ONTOLOGY:
        return "/ontology"
    return None


@dataclass
class Statement:
    """One link of the entity: the property and the other end (with its label and page)."""

    property: str
    property_label: str
    value: str
    label: str
    href: str | None
    literal: bool


@dataclass
class Entity:
    """What an entity page shows."""

    iri: str
    label: str
    classes: list[Statement] = field(default_factory=list)
    outgoing: list[Statement] = field(default_factory=list)
    incoming: list[Statement] = field(default_factory=list)
    provenance: list[dict[str, str]] = field(default_factory=list)
    likelihood: str | None = None
    hedge: str | None = None


def _statement(prop: Node | None, other: Node | None, label: Node | None) -> Statement:
    p = str(prop)
    if isinstance(other, Literal):
        return Statement(p, short_term(prop), str(other), str(other), None, True)
    text = str(other)
    shown = str(label) if label is not None else short_term(other)
    return Statement(p, short_term(prop), text, shown, local_path(text), False)


async def describe(service: QueryService, iri: URIRef) -> Entity | None:
    """The entity page's data for ``iri``, or ``None`` when the graph says nothing of it."""
    out, into, prov = await asyncio.gather(
        service.run(OUTGOING, {"s": iri}),
        service.run(INCOMING, {"s": iri}),
        service.run(PROVENANCE, {"s": iri}),
    )
    if not out.rows and not into.rows:
        return None
    entity = Entity(str(iri), label_of(out) or short_term(iri))
    for row in out.rows:
        statement = _statement(row["p"], row["o"], row.get("label"))
        if row["p"] == RDF.type:
            entity.classes.append(statement)
            continue
        if row["p"] == SKG.likelihood:
            entity.likelihood = statement.label
        if row["p"] == SKG.hedge:
            entity.hedge = statement.label
        entity.outgoing.append(statement)
    for row in into.rows:
        statement = _statement(row["p"], row["x"], row.get("label"))
        entity.incoming.append(statement)
    for row in prov.rows:
        segment = str(row["segment"])
        entity.provenance.append(
            {
                "how": str(row["how"]),
                "segment": segment,
                "href": local_path(segment) or "",
                "quote": "" if row.get("quote") is None else str(row["quote"]),
                "line": "" if row.get("line") is None else str(row["line"]),
                "title": "" if row.get("title") is None else str(row["title"]),
                "document": "" if row.get("document") is None else str(row["document"]),
                "document_href": local_path(str(row.get("document") or "")) or "",
            }
        )
    return entity


def label_of(result: QueryResult) -> str | None:
    """The entity's own label among its statements (prefLabel, then label, then title)."""
    found: dict[Node, str] = {}
    for row in result.rows:
        prop = row["p"]
        if prop is not None and prop in (SKOS.prefLabel, RDFS.label, DCTERMS.title):
            found.setdefault(prop, str(row["o"]))
    for prop in (SKOS.prefLabel, RDFS.label, DCTERMS.title):
        if prop in found:
            return found[prop]
    return None


# --- the ontology -------------------------------------------------------------------------


@dataclass
class Term:
    """A class, property or concept of the ontology, as its documentation shows it."""

    iri: str
    name: str
    label: str
    definition: str
    comment: str
    links: dict[str, list[tuple[str, str | None]]] = field(default_factory=dict)
    """Heading (``subclass of``, ``domain``, ``range``…) → (text, href) pairs."""
    rank: str = ""


@dataclass
class OntologyDoc:
    """The documentation page's content: header, classes, properties, concept schemes."""

    title: str
    comment: str
    version: str
    classes: list[Term]
    properties: list[Term]
    schemes: list[tuple[Term, list[Term]]]


def _text(graph: Graph, node: Node, *props: URIRef) -> str:
    for prop in props:
        for value in graph.objects(node, prop):
            if isinstance(value, Literal) and value.language in (None, "en"):
                return str(value)
    return ""


def _refs(graph: Graph, values: Iterable[Node]) -> list[tuple[str, str | None]]:
    """Classes as (short name, href); a union as its members; restrictions left out."""
    found: list[tuple[str, str | None]] = []
    for value in values:
        if isinstance(value, BNode):
            members = graph.value(value, OWL.unionOf)
            if members is not None:
                from rdflib.collection import Collection

                found.extend(_refs(graph, Collection(graph, members)))
            continue
        found.append((short_term(value), local_path(str(value))))
    return sorted(set(found), key=lambda pair: pair[0])


def _term(graph: Graph, node: URIRef) -> Term:
    iri = str(node)
    name = iri.split("#")[-1] if "#" in iri else iri.rsplit("/", 1)[-1]
    return Term(
        iri,
        name,
        _text(graph, node, RDFS.label, SKOS.prefLabel),
        _text(graph, node, SKOS.definition),
        _text(graph, node, RDFS.comment),
        rank=str(graph.value(node, SKG.rank) or ""),
    )


def ontology_doc(graph: Graph) -> OntologyDoc:
    """The documentation of the ontology in ``graph`` (``graph.store.ontology()``)."""
    own = str(SKG)

    def ours(nodes: Iterable[Node]) -> list[URIRef]:
        return sorted({n for n in nodes if isinstance(n, URIRef) and str(n).startswith(own)})

    classes = []
    for node in ours(graph.subjects(RDF.type, OWL.Class)):
        term = _term(graph, node)
        term.links["subclass of"] = _refs(graph, graph.objects(node, RDFS.subClassOf))
        classes.append(term)
    kinds = (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, RDF.Property)
    properties = []
    for node in ours(s for kind in kinds for s in graph.subjects(RDF.type, kind)):
        term = _term(graph, node)
        term.links["domain"] = _refs(graph, graph.objects(node, RDFS.domain))
        term.links["range"] = _refs(graph, graph.objects(node, RDFS.range))
        term.links["subproperty of"] = _refs(graph, graph.objects(node, RDFS.subPropertyOf))
        properties.append(term)
    schemes = []
    for node in ours(graph.subjects(RDF.type, SKOS.ConceptScheme)):
        concepts = [_term(graph, c) for c in ours(graph.subjects(SKOS.inScheme, node))]
        concepts.sort(key=lambda t: (int(t.rank) if t.rank.isdigit() else -1, t.name))
        schemes.append((_term(graph, node), concepts))
    head = URIRef(ONTOLOGY)
    return OntologyDoc(
        _text(graph, head, DCTERMS.title, RDFS.label) or "summit-kg ontology",
        _text(graph, head, DCTERMS.description, RDFS.comment),
        str(graph.value(head, OWL.versionInfo) or ""),
        classes,
        properties,
        schemes,
    )
