"""The in-memory store: an rdflib Dataset whose default graph is the union of its graphs.

Nothing to start and nothing kept: the default for one to a few hundred
documents. Queries run on rdflib's own SPARQL engine.

Examples:
    >>> from rdflib import Literal, URIRef
    >>> store = MemoryStore()
    >>> store.put(GraphData.of(URIRef("urn:g"), [(URIRef("urn:s"), URIRef("urn:p"), Literal("x"))]))
    >>> store.documents()
    [DocumentInfo(iri='urn:g', title=None, hash=None, triples=1, file=None)]
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, nullcontext
from typing import Any

from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import DCTERMS, RDF
from rdflib.term import Node

from kg.errors import StoreError
from kg.rdf.namespaces import ONTOLOGY_GRAPH, SKG, bind_prefixes
from kg.resources import resource_file
from kg.stores.base import (
    DocumentInfo,
    GraphData,
    GraphStamp,
    Store,
    describe_graph,
    reader_version,
)

__all__ = ["MemoryStore"]


def _describe(graph: Graph) -> tuple[str | None, str | None]:
    """The title and content hash of the source document(s) a graph holds (see describe_graph)."""
    sources = []
    for document in graph.subjects(RDF.type, SKG.SourceDocument):
        title = graph.value(document, DCTERMS.title)
        digest = graph.value(document, SKG.contentHash)
        sources.append(
            (
                str(document),
                None if title is None else str(title),
                None if digest is None else str(digest),
            )
        )
    return describe_graph(str(graph.identifier), sources)


class MemoryStore(Store):
    """An rdflib :class:`~rdflib.Dataset` with ``default_union`` and the ontology graph."""

    spec = "memory"
    wants_text = False
    persistent = False

    def __init__(self) -> None:
        self.dataset = Dataset(default_union=True)
        bind_prefixes(self.dataset)
        self.dataset.graph(ONTOLOGY_GRAPH).parse(
            data=resource_file("ontology", "summit.ttl").read_text(encoding="utf-8"),
            format="turtle",
        )

    def put(self, data: GraphData) -> None:
        if data.iri == ONTOLOGY_GRAPH:
            raise StoreError("the ontology graph cannot be replaced by loaded data")
        self.dataset.remove_graph(data.iri)
        target = self.dataset.graph(data.iri)
        for triple in data.term_triples():
            target.add(triple)

    def remove(self, iri: str) -> bool:
        ref = URIRef(iri)
        if ref == ONTOLOGY_GRAPH or iri not in self.graph_names():
            return False
        self.dataset.remove_graph(ref)
        return True

    def _data_graphs(self) -> list[Graph]:
        graphs = [
            g
            for g in self.dataset.graphs()
            if g.identifier != ONTOLOGY_GRAPH and isinstance(g.identifier, URIRef) and len(g)
        ]
        return sorted(graphs, key=lambda g: str(g.identifier))

    def graph_names(self) -> set[str]:
        return {str(g.identifier) for g in self._data_graphs()}

    def documents(self) -> list[DocumentInfo]:
        infos = []
        for graph in self._data_graphs():
            title, digest = _describe(graph)
            files = sorted(str(name) for name in graph.objects(graph.identifier, SKG.fileName))
            infos.append(
                DocumentInfo(
                    str(graph.identifier), title, digest, len(graph), files[0] if files else None
                )
            )
        return infos

    def graph_stamps(self) -> dict[str, GraphStamp]:
        return {
            str(graph.identifier): GraphStamp(
                _describe(graph)[1],
                reader_version(graph.objects(graph.identifier, SKG.readerVersion)),
            )
            for graph in self._data_graphs()
        }

    def quads(self) -> Iterator[tuple[Node, Node, Node, URIRef]]:
        for graph in self._data_graphs():
            name = graph.identifier
            assert isinstance(name, URIRef)
            for s, p, o in graph:
                yield s, p, o, name

    def ontology(self) -> Graph:
        return self.dataset.graph(ONTOLOGY_GRAPH)

    def triple_count(self) -> int:
        graphs = self._data_graphs()
        if len(graphs) == 1:
            return len(graphs[0])  # no triple to count once only: skip the walk
        seen: set[tuple[Node, Node, Node]] = set()
        for graph in graphs:
            seen.update(graph)
        return len(seen)

    def reading(self) -> AbstractContextManager[Any]:
        return nullcontext(self.dataset)
