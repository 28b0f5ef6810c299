"""RDF → networkx: resources become nodes, object properties become keyed edges.

Nodes are IRIs (strings) with a ``label``, a ``type`` (the most specific
summit-kg class) and their literal properties as attributes; literals never
become nodes. Edge keys are predicate IRIs and each edge has a readable
``label``. The provenance structure (documents, sections, rows, items) is
left out unless ``provenance=True``; an Outcome then still carries the
``quote`` and ``source`` of the row it came from as attributes.

Examples:
    >>> from rdflib import Graph, Literal, URIRef
    >>> from kg.namespaces import SKG, SKOS, RDF
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

from collections.abc import Iterable

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS

from kg.namespaces import SCHEMA, SKG

__all__ = ["CLASS_ORDER", "PROVENANCE_CLASSES", "local_name", "to_networkx"]

CLASS_ORDER: tuple[URIRef, ...] = (
    SKG.Summit,
    SKG.Person,
    SKG.State,
    SKG.Organization,
    SKG.Group,
    SKG.Actor,
    SKG.Place,
    SKG.Outcome,
    SKG.Concern,
    SKG.Recommendation,
    SKG.Topic,
    SKG.FocusArea,
    SKG.Likelihood,
    SKG.SourceDocument,
    SKG.Section,
    SKG.Heading,
    SKG.Paragraph,
    SKG.List,
    SKG.ListItem,
    SKG.Table,
    SKG.TableRow,
    SKG.Cell,
)
"""Classes from most to least specific; a node's ``type`` is the first it has."""

PROVENANCE_CLASSES = frozenset(
    {
        SKG.SourceDocument,
        SKG.Section,
        SKG.Heading,
        SKG.Paragraph,
        SKG.List,
        SKG.ListItem,
        SKG.Table,
        SKG.TableRow,
        SKG.Cell,
    }
)
_SKIPPED_EDGES = frozenset({RDF.type, SKOS.inScheme, SKG.likelihood, SKG.headerLikelihood})
_LABELS = (SKOS.prefLabel, RDFS.label, DCTERMS.title, SCHEMA.name)


def local_name(iri: str) -> str:
    """The part of an IRI after the last ``#`` or ``/``.

    Examples:
        >>> local_name("https://w3id.org/summit-kg/ontology#hasOutcome")
        'hasOutcome'
    """
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _node_type(graph: Graph, node: URIRef) -> str | None:
    types = set(graph.objects(node, RDF.type))
    for klass in CLASS_ORDER:
        if klass in types:
            return local_name(klass)
    return None


def to_networkx(
    graph: Graph,
    *,
    classes: Iterable[str] | None = None,
    predicates: Iterable[str] | None = None,
    provenance: bool = False,
) -> nx.MultiDiGraph:
    """Convert an RDF graph to a networkx MultiDiGraph.

    Args:
        graph: the RDF data.
        classes: keep only nodes of these class local names (e.g. ``["Topic", "Outcome"]``).
        predicates: keep only edges whose predicate local name or IRI is listed.
        provenance: keep documents, sections, rows and items as nodes.
    """
    keep_classes = None if classes is None else set(classes)
    keep_predicates = None if predicates is None else set(predicates)
    result = nx.MultiDiGraph()
    types: dict[URIRef, str | None] = {}
    for subject in set(graph.subjects(RDF.type, None)):
        if not isinstance(subject, URIRef):
            continue
        node_type = _node_type(graph, subject)
        if node_type is None:
            continue
        if not provenance and SKG[node_type] in PROVENANCE_CLASSES:
            continue
        if keep_classes is not None and node_type not in keep_classes:
            continue
        types[subject] = node_type

    for node, node_type in sorted(types.items()):
        attrs: dict[str, object] = {"type": node_type}
        label = next((graph.value(node, p) for p in _LABELS if graph.value(node, p)), None)
        attrs["label"] = str(label) if label is not None else local_name(str(node))
        for predicate, value in graph.predicate_objects(node):
            if isinstance(value, Literal) and predicate not in _LABELS:
                attrs.setdefault(local_name(str(predicate)), value.toPython())
        likelihood = graph.value(node, SKG.likelihood)
        if likelihood is not None:
            attrs["likelihood"] = str(
                graph.value(likelihood, SKOS.prefLabel) or local_name(str(likelihood)).lower()
            )
        source = graph.value(node, PROV.wasDerivedFrom)
        if source is not None and not provenance:
            quote = graph.value(source, SKG.quote)
            document = graph.value(source, SKG.inDocument)
            if quote is not None:
                attrs["quote"] = str(quote)
            if document is not None:
                attrs["source"] = str(graph.value(document, DCTERMS.title) or document)
        result.add_node(str(node), **attrs)

    for subject, predicate, obj in graph:
        if subject not in types or obj not in types or predicate in _SKIPPED_EDGES:
            continue
        name = local_name(str(predicate))
        if keep_predicates is not None and not ({name, str(predicate)} & keep_predicates):
            continue
        if predicate == PROV.wasDerivedFrom and not provenance:
            continue
        edge: dict[str, object] = {"label": name}
        if predicate == SKG.topic and "likelihood" in result.nodes[str(subject)]:
            edge["likelihood"] = result.nodes[str(subject)]["likelihood"]
        result.add_edge(str(subject), str(obj), key=str(predicate), **edge)
    return result
