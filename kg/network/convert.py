"""RDF → networkx: resources become nodes, object properties become keyed edges.

Nodes are IRIs (strings) with a ``label``, a ``type`` (the most specific
summit-kg class) and their literal properties as attributes; literals never
become nodes. Edge keys are predicate IRIs and each edge has a readable
``label``. The provenance structure (documents, sections, rows, items) is
left out unless ``provenance=True``; every node still carries ``source``, the
sorted titles of the documents that state it (through ``prov:wasDerivedFrom``
or a ``skg:mentions`` from their text), the ``quote`` it was derived from and
its ``evidence``: every passage it was derived from as ``(quote, document
title, line)``. :func:`predicate_labels` reads the ontology's ``rdfs:label``
of each property, for pages that name edges in words.

The conversion is one pass over the triples plus one over the nodes: linear in
the size of the graph, with no per-node index look-ups.

Examples:
    >>> from rdflib import Graph, Literal, URIRef
    >>> from kg.rdf.namespaces import SKG, SKOS, RDF
    >>> g = Graph()
    >>> t, o = URIRef("urn:t"), URIRef("urn:o")
    >>> for triple in [(t, RDF.type, SKG.Topic), (t, SKOS.prefLabel, Literal("Trade")),
    ...                (o, RDF.type, SKG.Outcome), (o, SKG.topic, t)]:
    ...     _ = g.add(triple)
    >>> nxg = to_networkx(g)
    >>> sorted(nxg.nodes(data="type")), list(nxg.edges(keys=True, data="label"))
    ([('urn:o', 'Outcome'), ('urn:t', 'Topic')], [('urn:o', 'urn:t', '...#topic', 'topic')])
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Iterable
from typing import Any, NamedTuple

import networkx as nx
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS
from rdflib.term import Node

from kg.errors import UsageError
from kg.network.views import ACTOR_TYPES, PROVENANCE_TYPES, VIEWS
from kg.rdf.namespaces import SCHEMA, SKG
from kg.text.claims import Likelihood

__all__ = [
    "CLASS_ORDER",
    "EVIDENCE_MAX",
    "LIKELIHOOD_RANK",
    "Evidence",
    "local_name",
    "predicate_label",
    "predicate_labels",
    "to_networkx",
    "view_graph",
]

EVIDENCE_MAX = 12
"""The most passages a node's ``evidence`` lists (in document order; the page says how many)."""


class Evidence(NamedTuple):
    """One passage a claim was derived from: its exact words, document and line."""

    quote: str
    document: str
    line: int | None

    def __str__(self) -> str:
        where = self.document + (f", line {self.line}" if self.line is not None else "")
        return f"{where}: {self.quote}"


CLASS_ORDER: tuple[URIRef, ...] = tuple(
    SKG[name]
    for name in (
        "Summit",
        *ACTOR_TYPES,
        "Place",
        "Outcome",
        "Concern",
        "Recommendation",
        "Topic",
        "FocusArea",
        "Likelihood",
        *PROVENANCE_TYPES,
    )
)
"""Classes from most to least specific; a node's ``type`` is the first it has."""

LIKELIHOOD_RANK: dict[str, int] = {
    level.term.lower(): level.rank for level in Likelihood if level.rank is not None
}
"""The rank of each likelihood by label (:attr:`kg.text.claims.Likelihood.rank`).

Used when the graph holds only data and not the ontology's ``skg:rank``
(``ontology/summit.ttl``; a test keeps the two in step). Unstated has none.
"""

# The conversion works on plain strings, not rdflib terms: rdflib's term equality
# is Python code, and a dict look-up that meets an equal but distinct term calls
# it. Node keys are IRIs, or "_:" + id for blank nodes.
_CLASS_NAMES = {str(klass): klass.split("#")[-1] for klass in CLASS_ORDER}
_PROVENANCE_NAMES = frozenset(PROVENANCE_TYPES)
_DERIVED = str(PROV.wasDerivedFrom)
_DOCUMENT, _QUOTE, _START, _LINE = map(str, (SKG.SourceDocument, SKG.quote, SKG.start, SKG.line))
_TITLE, _PREF_LABEL, _RANK = map(str, (DCTERMS.title, SKOS.prefLabel, SKG.rank))
# skg:statedIn repeats prov:wasDerivedFrom/skg:inDocument, from which documents are linked.
_SKIPPED_EDGES = frozenset(
    map(str, (RDF.type, SKOS.inScheme, SKG.likelihood, SKG.headerLikelihood, SKG.statedIn))
)
_LABELS = tuple(map(str, (SKOS.prefLabel, RDFS.label, DCTERMS.title, SCHEMA.name)))
_OUTCOME_EDGES = frozenset(map(str, (SKG.topic, SKG.focusArea)))  # edges with the likelihood
_STATED_IN = str(SKG.inDocument)
# Properties whose IRI values are shown as attributes when they are not nodes.
_IRI_ATTRIBUTES = frozenset(map(str, (SCHEMA.sameAs, SKG.status)))
_SKG_NS = str(SKG.Summit)[: -len("Summit")]
# What the one pass over the triples does with each predicate (default: an edge).
_ROLES: dict[str, str] = {
    str(RDF.type): "type",
    _DERIVED: "derived",
    _STATED_IN: "document",
    str(SKG.mentions): "mentions",
    str(SKG.likelihood): "likelihood",
    **dict.fromkeys(_IRI_ATTRIBUTES, "iri"),
}


def local_name(iri: str) -> str:
    """The part of an IRI after the last ``#`` or ``/``.

    Examples:
        >>> local_name("https://w3id.org/summit-kg/ontology#hasOutcome")
        'hasOutcome'
    """
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


@functools.cache
def predicate_labels() -> dict[str, str]:
    """Property IRI -> its ``rdfs:label`` in the bundled ontology (``ontology/summit.ttl``).

    English labels are preferred; read once per process (a few milliseconds).

    >>> predicate_labels()[str(SKG.hasFocusArea)]
    'has focus area'
    """
    import pyoxigraph as ox  # its parser reads the file only: nothing is fetched

    from kg.resources import resource_file

    label = str(RDFS.label)
    found: dict[str, tuple[int, str]] = {}
    path = resource_file("ontology", "summit.ttl")
    for triple in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE):
        obj = triple.object
        if triple.predicate.value != label or not isinstance(obj, ox.Literal):
            continue
        rank = 0 if obj.language in (None, "en") else 1
        subject = triple.subject.value
        if subject not in found or (rank, obj.value) < found[subject]:
            found[subject] = (rank, obj.value)
    return {subject: text for subject, (_rank, text) in found.items()}


def predicate_label(iri: str) -> str:
    """A property in words: its ontology ``rdfs:label``, else its local name split into words.

    >>> predicate_label(str(SKG.addressesTopic)), predicate_label("http://ex.org/hasActor")
    ('addresses topic', 'has actor')
    """
    known = predicate_labels().get(iri)
    if known is not None:
        return known
    name = local_name(iri)
    words = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", name).split()
    return " ".join(w if w.isupper() and len(w) > 1 else w.lower() for w in words) or name


def _key(term: Node) -> str:
    """A term as a plain string: its IRI, or "_:" + id for a blank node."""
    return f"_:{term}" if isinstance(term, BNode) else str(term)


def _sort_key(value: object) -> tuple[str, str]:
    return (type(value).__name__, str(value))


class _Triples:
    """Everything :func:`to_networkx` needs, gathered in one pass over the graph."""

    def __init__(self, graph: Graph) -> None:
        self.types: dict[str, set[str]] = defaultdict(set)
        self.literals: dict[str, dict[str, list[Literal]]] = defaultdict(lambda: defaultdict(list))
        self.derived: dict[str, list[str]] = defaultdict(list)
        self.mentioned_by: dict[str, list[str]] = defaultdict(list)
        self.in_document: dict[str, str] = {}
        self.likelihood: dict[str, str] = {}
        self.iri_values: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        self.links: list[tuple[str, str, str]] = []
        types, literals, links, roles = self.types, self.literals, self.links, _ROLES
        for s, p, o in graph:
            sk = str(s) if type(s) is URIRef else _key(s)
            pk = str(p)
            if isinstance(o, Literal):
                literals[sk][pk].append(o)
                continue
            ok = str(o) if type(o) is URIRef else _key(o)
            role = roles.get(pk)
            if role == "type":
                types[sk].add(ok)
                continue
            if role == "derived":
                self.derived[sk].append(ok)
            elif role == "document":
                self.in_document[sk] = ok
            elif role == "mentions":
                self.mentioned_by[ok].append(sk)
            elif role == "likelihood":
                self.likelihood[sk] = ok
            elif role == "iri":
                self.iri_values[sk][pk].append(ok)
            links.append((sk, pk, ok))

    def node_type(self, node: str) -> str | None:
        """The most specific summit-kg class of ``node``, else None."""
        types = self.types.get(node)
        if not types:
            return None
        for klass, name in _CLASS_NAMES.items():
            if klass in types:
                return name
        return None

    def first(self, node: str, predicate: str) -> Literal | None:
        values = self.literals.get(node, {}).get(predicate)
        return min(values, key=str) if values else None

    def label(self, node: str) -> str:
        for predicate in _LABELS:
            value = self.first(node, predicate)
            if value is not None:
                return str(value)
        return local_name(node)

    def document_of(self, segment: str) -> str | None:
        """The source document a text segment (or the document itself) belongs to."""
        if _DOCUMENT in self.types.get(segment, ()):
            return segment
        return self.in_document.get(segment)

    def documents_stating(self, node: str) -> set[str]:
        docs = {
            self.document_of(segment)
            for segment in (*self.derived.get(node, ()), *self.mentioned_by.get(node, ()))
        }
        own = self.document_of(node)  # a document, or a segment when provenance is kept
        docs.add(own)
        docs.discard(None)
        return docs  # type: ignore[return-value]

    def title(self, document: str) -> str:
        value = self.first(document, _TITLE)
        return str(value) if value is not None else local_name(document)

    def quote(self, node: str) -> str | None:
        """The exact text of the first segment ``node`` was derived from."""
        quotes = []
        for segment in self.derived.get(node, ()):
            text = self.first(segment, _QUOTE)
            if text is not None:
                start = self.first(segment, _START)
                line = self.first(segment, _LINE)
                order = start if start is not None else line
                position = int(order.toPython()) if order is not None else 0
                document = self.document_of(segment)
                quotes.append((self.title(document) if document else "", position, str(text)))
        return min(quotes)[2] if quotes else None

    def evidence(self, node: str) -> list[Evidence]:
        """Every passage ``node`` was derived from, in document order, at most EVIDENCE_MAX."""
        found = []
        for segment in set(self.derived.get(node, ())):
            text = self.first(segment, _QUOTE)
            if text is None:
                continue
            start, line = self.first(segment, _START), self.first(segment, _LINE)
            order = start if start is not None else line
            position = int(order.toPython()) if order is not None else 0
            document = self.document_of(segment)
            title = self.title(document) if document else ""
            number = line.toPython() if line is not None else None
            found.append((title, position, str(text), number if isinstance(number, int) else None))
        found.sort(key=lambda item: (item[0], item[1], item[2]))
        return [Evidence(text, title, line) for title, _, text, line in found[:EVIDENCE_MAX]]

    def likelihood_label(self, node: str) -> tuple[str, int | None] | None:
        level = self.likelihood.get(node)
        if level is None:
            return None
        label = self.first(level, _PREF_LABEL)
        text = str(label) if label is not None else local_name(level).lower()
        rank = self.first(level, _RANK)
        value = rank.toPython() if rank is not None else LIKELIHOOD_RANK.get(text)
        return text, value if isinstance(value, int) else None


def to_networkx(
    graph: Graph,
    *,
    classes: Iterable[str] | None = None,
    predicates: Iterable[str] | None = None,
    provenance: bool = False,
    documents: bool = False,
    untyped: bool = False,
) -> nx.MultiDiGraph:
    """Convert an RDF graph to a networkx MultiDiGraph.

    Node attributes: ``label``; ``type``, the class local name; every literal
    property under its local name (a sorted list when it has several values);
    ``source``, the sorted titles of the documents that state the node;
    ``quote``, the text it was derived from, and ``evidence``, each passage
    it was derived from as an :class:`Evidence` (quote, document title,
    line); ``mentionedIn``, the number of
    text passages that mention it; for outcomes ``likelihood`` (its
    label) and ``likelihoodRank``. Edges are keyed by predicate IRI with a
    ``label``; an outcome's ``topic`` and ``focusArea`` edges also carry its
    ``likelihood``. The caller's graph is not changed.

    Args:
        graph: the RDF data.
        classes: keep only nodes of these class local names (e.g. ``["Topic", "Outcome"]``).
        predicates: keep only edges whose predicate local name or IRI is listed.
        provenance: keep documents, sections, rows and items as nodes.
        documents: keep source documents as nodes, each claim linked to the
            documents that state it by a ``skg:inDocument`` edge labelled "stated in".
        untyped: keep resources without a summit-kg class too (type ``"Other"``);
            for graphs built by CONSTRUCT queries.

    Examples:
        >>> from rdflib import Graph
        >>> g = Graph().parse(format="turtle", data='''
        ...   @prefix skg: <https://w3id.org/summit-kg/ontology#> .
        ...   @prefix dct: <http://purl.org/dc/terms/> .
        ...   @prefix prov: <http://www.w3.org/ns/prov#> .
        ...   <urn:d> a skg:SourceDocument ; dct:title "Alaska briefing" .
        ...   <urn:r> a skg:TableRow ; skg:inDocument <urn:d> ; skg:quote "Cyber | norms |" .
        ...   <urn:o> a skg:Outcome ; dct:title "Cyber norms" ; skg:likelihood skg:Possible ;
        ...       prov:wasDerivedFrom <urn:r> .''')
        >>> node = to_networkx(g).nodes["urn:o"]
        >>> node["type"], node["label"], node["source"], node["quote"]
        ('Outcome', 'Cyber norms', ['Alaska briefing'], 'Cyber | norms |')
        >>> node["evidence"]
        [Evidence(quote='Cyber | norms |', document='Alaska briefing', line=None)]
        >>> node["likelihood"], node["likelihoodRank"]
        ('possible', 1)
        >>> list(to_networkx(g, documents=True).edges(data="label"))
        [('urn:o', 'urn:d', 'stated in')]
    """
    keep_classes = None if classes is None else set(classes)
    keep_predicates = None if predicates is None else set(predicates)
    facts = _Triples(graph)

    def wanted(node_type: str) -> bool:
        if keep_classes is not None and node_type not in keep_classes:
            return False
        if node_type in _PROVENANCE_NAMES and not provenance:
            return documents and node_type == "SourceDocument"
        return True

    kept: dict[str, str] = {}
    for subject in facts.types:
        node_type = facts.node_type(subject)
        if node_type is not None and wanted(node_type):
            kept[subject] = node_type
    if untyped and (keep_classes is None or "Other" in keep_classes):
        for s, p, o in facts.links:
            if p in _SKIPPED_EDGES:
                continue
            for term in (s, o):
                if term not in kept and facts.node_type(term) is None:
                    kept[term] = "Other"

    result = nx.MultiDiGraph()
    stated: dict[str, set[str]] = {}
    for node in sorted(kept):
        attrs: dict[str, Any] = {"type": kept[node], "label": facts.label(node)}
        for predicate, values in sorted(facts.literals.get(node, {}).items()):
            if predicate in _LABELS:
                continue
            python = sorted({v.toPython() for v in values}, key=_sort_key)
            attrs.setdefault(local_name(predicate), python[0] if len(python) == 1 else python)
        for predicate, iris in sorted(facts.iri_values.get(node, {}).items()):
            shown = sorted({local_name(i) if i.startswith(_SKG_NS) else i for i in iris})
            attrs.setdefault(local_name(predicate), shown[0] if len(shown) == 1 else shown)
        docs = facts.documents_stating(node)
        if docs:
            stated[node] = docs
            attrs["source"] = sorted({facts.title(d) for d in docs})
        passages = sum(1 for m in facts.mentioned_by.get(node, ()) if facts.document_of(m))
        if passages:
            attrs["mentionedIn"] = passages
        quote = facts.quote(node)
        if quote is not None and not provenance:
            attrs["quote"] = quote
            attrs["evidence"] = facts.evidence(node)
        likelihood = facts.likelihood_label(node)
        if likelihood is not None:
            attrs["likelihood"], rank = likelihood
            if rank is not None:
                attrs["likelihoodRank"] = rank
        result.add_node(node, **attrs)

    names: dict[str, str | None] = {}  # predicate -> edge label, None if left out

    def edge_name(predicate: str) -> str | None:
        if predicate not in names:
            name = local_name(predicate)
            keep = keep_predicates is None or bool({name, predicate} & keep_predicates)
            skip = predicate in _SKIPPED_EDGES or (predicate == _DERIVED and not provenance)
            names[predicate] = name if keep and not skip else None
        return names[predicate]

    # Sorted, so the same data gives the same edge order in every process (rdflib's
    # iteration order follows string hashes, which change from run to run).
    links = [(s, p, o) for s, p, o in facts.links if s in kept and o in kept]
    links.sort()
    for subject, predicate, obj in links:
        name = edge_name(predicate)
        if name is None:
            continue
        edge: dict[str, Any] = {"label": name}
        source = result.nodes[subject]
        if predicate in _OUTCOME_EDGES and "likelihood" in source:
            edge["likelihood"] = source["likelihood"]
        result.add_edge(subject, obj, key=predicate, **edge)

    if documents and edge_name(_STATED_IN) is not None:
        for node, docs in sorted(stated.items()):
            for doc in sorted(docs):
                if doc in kept and doc != node:
                    result.add_edge(node, doc, key=_STATED_IN, label="stated in")
    return result


def view_graph(graph: Graph, view: str) -> nx.MultiDiGraph:
    """The networkx graph of one of the :data:`~kg.network.views.VIEWS`.

    Raises:
        UsageError: an unknown view name.

    Examples:
        >>> from rdflib import Graph
        >>> g = Graph().parse(format="turtle", data='''
        ...   @prefix skg: <https://w3id.org/summit-kg/ontology#> .
        ...   <urn:t> a skg:Topic . <urn:c> a skg:Concern .
        ...   <urn:o> a skg:Outcome ; skg:topic <urn:t> ; skg:likelihood skg:Likely .''')
        >>> list(view_graph(g, "topics").edges(data="label"))
        [('urn:o', 'urn:t', 'likely')]
    """
    try:
        spec = VIEWS[view]
    except KeyError:
        raise UsageError(f"unknown view '{view}'. Known: {', '.join(VIEWS)}") from None
    result = to_networkx(
        graph, classes=spec.classes, predicates=spec.predicates, documents=spec.documents
    )
    if spec.edge_label is not None:
        for _u, _v, data in result.edges(data=True):
            value = data.get(spec.edge_label)
            if value is not None:
                data["label"] = str(value)
    return result
