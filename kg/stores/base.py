"""What every store does: named graphs written whole, listed, removed, and read by queries.

A store holds one named graph per source document and the ontology in
:data:`~kg.rdf.namespaces.ONTOLOGY_GRAPH`; queries read a default graph that is
the *set* union of all of them (a triple two sources share counts once).
Documents arrive as :class:`GraphData`, built by the loaders' worker
processes: either rdflib triples (for the in-memory store) or N-Triples
statements (for Oxigraph and SPARQL servers, which parse text much faster
than Python builds terms).

Examples:
    >>> from rdflib import Literal, URIRef
    >>> data = GraphData.of(URIRef("urn:g"), [(URIRef("urn:s"), URIRef("urn:p"), Literal('a "b"'))])
    >>> data.statements
    ('<urn:s> <urn:p> "a \\\\"b\\\\""',)
    >>> data.count
    1
"""

from __future__ import annotations

import functools
import itertools
import re
import zlib
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kg.sparql.engines import sparql_term
from kg.text.normalize import content_hash

__all__ = [
    "MIN_HASH_PREFIX",
    "DocumentInfo",
    "GraphData",
    "GraphStamp",
    "Store",
    "Triple",
    "describe_graph",
    "find_document",
    "nt_term",
    "read_shard",
    "reader_version",
    "shard_quads",
    "stamps_of",
]

MIN_HASH_PREFIX = 8
"""Hex digits a hash prefix needs to name a document."""

Triple = tuple[Node, Node, Node]
_BNODE_LABEL = re.compile(r"[A-Za-z0-9_]+")


@dataclass(frozen=True)
class DocumentInfo:
    """A named graph in a store: its IRI, title and content hash (for articles), triple count,
    and the name of the file it was read from (for articles, pages and tables)."""

    iri: str
    title: str | None
    hash: str | None
    triples: int
    file: str | None = None


class GraphStamp(NamedTuple):
    """What an ingest checks before it skips a file: the content hash a graph carries (as
    :func:`describe_graph` finds it) and the reader version on the graph's own document
    node (``skg:readerVersion``; ``None`` when it has none, or none that is a number)."""

    hash: str | None
    reader: int | None = None


def stamps_of(
    iris: Iterable[str],
    sources: Mapping[str, Sequence[tuple[str, str | None, str | None]]],
    readers: Mapping[str, Sequence[str]],
) -> dict[str, GraphStamp]:
    """Each graph's stamp from the documents it holds (as :func:`describe_graph` reads them)
    and the reader versions on its own document node.

    Examples:
        >>> stamps_of(["urn:g"], {"urn:g": [("urn:g", "A", "h1")]}, {"urn:g": ["2"]})
        {'urn:g': GraphStamp(hash='h1', reader=2)}
    """
    return {
        iri: GraphStamp(
            describe_graph(iri, sources.get(iri, ()))[1], reader_version(readers.get(iri, ()))
        )
        for iri in iris
    }


def reader_version(values: Iterable[object]) -> int | None:
    """The reader version a document carries: the lowest of its ``skg:readerVersion`` values
    that are whole numbers (one that is not counts as none), or ``None``.

    Examples:
        >>> reader_version(["2", "1"]), reader_version(["x"]), reader_version([])
        (1, None, None)
    """
    numbers = [str(value).strip() for value in values]
    if not numbers or not all(re.fullmatch(r"[+-]?[0-9]{1,18}", n) for n in numbers):
        return None
    return min(int(n) for n in numbers)


def describe_graph(
    iri: str, sources: Iterable[tuple[str, str | None, str | None]]
) -> tuple[str | None, str | None]:
    """A graph's title and hash from the source documents it holds: ``(document, title, hash)``.

    A document's own graph describes itself; a graph read from a Turtle export
    (one graph for a whole file) holds the documents of that export: one gives
    its title and hash, several their titles.

    Examples:
        >>> describe_graph("urn:g", [("urn:g", "A", "h1"), ("urn:d", "B", "h2")])
        ('A', 'h1')
        >>> describe_graph("urn:import", [("urn:d", "B", "h2")])
        ('B', 'h2')
        >>> describe_graph("urn:import", [("urn:d", "B", "h2"), ("urn:e", "A", "h3")])
        ('2 documents: A; B', None)
    """
    found = sorted(set(sources), key=lambda source: (source[1] or "", source[0]))
    for document, title, digest in found:
        if document == iri:
            return title, digest
    if len(found) == 1:
        return found[0][1], found[0][2]
    if not found:
        return None, None
    titles = "; ".join(title or document for document, title, _ in found)
    return f"{len(found)} documents: {titles}", None


def _expand(name: str) -> str:
    """``<IRI>`` or a prefixed name (``id:doc/…``, as listings show it) as a full IRI."""
    from kg.rdf.namespaces import PREFIXES

    if name.startswith("<") and name.endswith(">"):
        return name[1:-1]
    prefix, colon, local = name.partition(":")
    namespace = PREFIXES.get(prefix) if colon and not local.startswith("//") else None
    return name if namespace is None else str(namespace) + local


def find_document(
    name: str, documents: Iterable[DocumentInfo], files: Callable[[str], set[str]] | None = None
) -> DocumentInfo:
    """The one document ``name`` means among ``documents``.

    ``name`` is a graph IRI (bare or in ``<>``), its short form as listings show
    it (``id:doc/0407…``), the start of its content hash or of its IRI's last
    segment (at least :data:`MIN_HASH_PREFIX` hex digits), or, when ``files``
    is given, a source file: ``files(name)`` names the graphs that file gives;
    last, the file name a document was read from (its ``file``), which needs
    no file on disk.

    Raises:
        UsageError: nothing matches, more than one document does, or a hash prefix
            is too short to tell documents apart.

    Examples:
        >>> docs = [DocumentInfo("https://w3id.org/summit-kg/id/doc/0407aa11bb22cc33", "A",
        ...                      "0407aa11bb22cc33dd", 3)]
        >>> find_document("id:doc/0407aa11bb22cc33", docs).title
        'A'
        >>> find_document("0407aa11", docs).title
        'A'
        >>> find_document("old/b.md", docs + [DocumentInfo("urn:b", "B", "0407", 1, "b.md")]).iri
        'urn:b'
        >>> find_document("0407", docs)
        Traceback (most recent call last):
        ...
        kg.errors.UsageError: '0407' is too short: give at least 8 hex digits of the hash
    """
    from kg.errors import UsageError

    documents = list(documents)
    iri = _expand(name.strip())
    matches = [d for d in documents if d.iri == iri]
    hexadecimal = re.fullmatch(r"[0-9a-fA-F]+", name) is not None
    if not matches and hexadecimal and len(name) < MIN_HASH_PREFIX:
        raise UsageError(
            f"'{name}' is too short: give at least {MIN_HASH_PREFIX} hex digits of the hash"
        )
    if not matches and hexadecimal and len(name) <= 64:
        prefix = name.lower()
        matches = [
            d
            for d in documents
            if (d.hash or "").startswith(prefix) or d.iri.rsplit("/", 1)[-1].startswith(prefix)
        ]
    if not matches and files is not None:
        graphs = files(name)
        matches = [d for d in documents if d.iri in graphs]
    if not matches:
        matches = [d for d in documents if d.file is not None and d.file == Path(name).name]
    if not matches:
        raise UsageError(f"no document in the store matches '{name}' (see 'summit-kg documents')")
    if len(matches) > 1:
        raise UsageError(f"'{name}' matches {len(matches)} documents; give more of the hash")
    return matches[0]


def nt_term(term: Node) -> str:
    """A term in N-Triples syntax (also valid SPARQL), escaped so it cannot end early.

    Examples:
        >>> from rdflib import BNode, Literal
        >>> nt_term(Literal("Путин\\n"))
        '"Путин\\\\n"'
        >>> nt_term(BNode("b1"))
        '_:b1'
    """
    if isinstance(term, BNode):
        label = str(term)
        return f"_:{label}" if _BNODE_LABEL.fullmatch(label) else f"_:h{content_hash(label)[:24]}"
    if isinstance(term, URIRef | Literal):
        return sparql_term(term)
    raise ValueError(f"not an RDF term: {term!r}")


_iri_text = functools.lru_cache(maxsize=4096)(nt_term)
""":func:`nt_term` of IRIs, kept across documents: they share their predicates, classes,
topics and actors (a few thousand at most; literals are a document's own)."""


def _term_text(term: Node) -> str:
    return _iri_text(term) if isinstance(term, URIRef) else nt_term(term)


LARGE_GRAPH = 64_000
"""Triples from which :meth:`GraphData.of` packs a graph's text into compressed chunks: the
whole text of a 600,000-triple table as strings cost 180 MB beside its terms; packed, the
759,000 statements of a 20,000-row Markdown table are 5 MB (130 MB of N-Triples)."""
PACK_STATEMENTS = 8_192
"""Statements per packed chunk of a large graph."""


def _statements(triples: Iterable[Triple], cache_size: int | None = None) -> Iterator[str]:
    """``triples`` as N-Triples statements, each distinct term written once (within
    ``cache_size`` recent terms when given; terms rdflib holds equal, such as language tags
    differing in case, are written alike; Oxigraph and Virtuoso lower-case tags anyway)."""
    text = functools.lru_cache(maxsize=cache_size)(_term_text)
    return (f"{text(s)} {text(p)} {text(o)}" for s, p, o in triples)


@dataclass(frozen=True)
class GraphData:
    """One named graph ready to be written: its IRI, size and triples, as terms or as text.

    ``statements`` are ``"<s> <p> <o>"`` strings in N-Triples syntax, without the
    final dot; ``triples`` are rdflib terms; ``packed`` holds the statements of a
    large graph as zlib-compressed chunks of lines. At least one of the three is set.
    """

    iri: URIRef
    count: int
    statements: tuple[str, ...] | None = None
    triples: tuple[Triple, ...] | None = None
    packed: tuple[bytes, ...] | None = None

    @classmethod
    def of(cls, iri: URIRef, triples: Iterable[Triple], *, as_text: bool = True) -> GraphData:
        """Package ``triples`` as text (``as_text``) or as terms; the text of a graph of
        :data:`LARGE_GRAPH` triples or more is packed, :data:`PACK_STATEMENTS` statements
        a chunk, so that its terms can go once it is read.

        Raises:
            ValueError: a term cannot be written (an IRI with a space, say).
        """
        kept = tuple(triples)
        if not as_text:
            return cls(iri, len(kept), triples=kept)
        if len(kept) >= LARGE_GRAPH:
            return cls(iri, len(kept), packed=tuple(_pack(_statements(kept, cache_size=4096))))
        return cls(iri, len(kept), statements=tuple(_statements(kept)))

    def iter_statements(self) -> Iterator[str]:
        """The statements as N-Triples text, a packed chunk at a time for a large graph.

        Examples:
            >>> from rdflib import Literal, URIRef
            >>> triple = (URIRef("urn:s"), URIRef("urn:p"), Literal(1))
            >>> data = GraphData.of(URIRef("urn:g"), [triple])
            >>> list(data.iter_statements())
            ['<urn:s> <urn:p> "1"^^<http://www.w3.org/2001/XMLSchema#integer>']
        """
        if self.statements is not None:
            return iter(self.statements)
        if self.packed is not None:
            return _unpack(self.packed)
        assert self.triples is not None
        return _statements(self.triples, cache_size=4096)

    def text_statements(self) -> tuple[str, ...]:
        """The statements as N-Triples text (made from the terms when needed)."""
        if self.statements is not None:
            return self.statements
        return tuple(self.iter_statements())

    def term_triples(self) -> tuple[Triple, ...]:
        """The triples as rdflib terms (parsed from the text when needed)."""
        if self.triples is not None:
            return self.triples
        graph = Graph()
        graph.parse(data="".join(f"{line} .\n" for line in self.iter_statements()), format="nt")
        return tuple(graph)


def _pack(statements: Iterator[str]) -> Iterator[bytes]:
    """Statements as zlib-compressed chunks of UTF-8 lines (N-Triples text compresses
    about 25 times: its IRIs repeat)."""
    while chunk := list(itertools.islice(statements, PACK_STATEMENTS)):
        yield zlib.compress("\n".join(chunk).encode("utf-8"), 1)


def _unpack(packed: Iterable[bytes]) -> Iterator[str]:
    """The statements :func:`_pack` packed, in order."""
    for chunk in packed:
        yield from zlib.decompress(chunk).decode("utf-8").split("\n")


def shard_quads(shard: Path, documents: Sequence[str]) -> Iterator[Any]:
    """The quads of an N-Quads shard (pyoxigraph ``Quad``), checked to be in ``documents``' graphs.

    Raises:
        StoreError: the shard cannot be read or parsed, or a quad is in another graph.
    """
    import pyoxigraph as ox

    from kg.errors import StoreError

    allowed = set(documents)
    try:
        for quad in ox.parse(path=str(shard), format=ox.RdfFormat.N_QUADS):
            graph = quad.graph_name
            if not isinstance(graph, ox.NamedNode) or graph.value not in allowed:
                raise StoreError(
                    f"a quad outside the shard's documents, in graph {graph}", path=shard
                )
            yield quad
    except (OSError, SyntaxError, ValueError) as exc:
        message = " ".join(str(exc).split())[:300]
        raise StoreError(f"cannot read the shard: {message}", path=shard) from exc


def read_shard(shard: Path, documents: Sequence[str]) -> list[GraphData]:
    """The graphs of an N-Quads shard as text :class:`GraphData`, in ``documents`` order.

    Raises:
        StoreError: as :func:`shard_quads`.
    """
    statements: dict[str, list[str]] = {iri: [] for iri in documents}
    for quad in shard_quads(shard, documents):
        statements[quad.graph_name.value].append(f"{quad.subject} {quad.predicate} {quad.object}")
    return [
        GraphData(URIRef(iri), len(lines), statements=tuple(lines))
        for iri, lines in statements.items()
    ]


class Store(ABC):
    """A place where the graph lives; subclasses: memory, Oxigraph on disk, SPARQL server.

    Writers replace one document per call, all or nothing. ``wants_text``
    tells the ingest pipeline which form of :class:`GraphData` to build.
    """

    spec: str = "memory"
    wants_text: bool = True
    persistent: bool = True
    batch_statements: int = 0
    """Statements a bulk ingest gathers into one :meth:`put_batch` (0: one :meth:`put` per
    graph)."""

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @abstractmethod
    def put(self, data: GraphData) -> None:
        """Write one named graph, replacing any graph of that name, all or nothing."""

    def put_batch(self, graphs: Sequence[GraphData]) -> None:
        """Write several graphs, in order, each all or nothing (by default one :meth:`put` each).

        After an error or a crash some of them may be written, each whole: putting
        them again is safe.
        """
        for data in graphs:
            self.put(data)

    def load_shard(self, shard: Path, documents: Sequence[str]) -> None:
        """Write the graphs ``documents`` of an N-Quads shard (:mod:`kg.ingest.shards`), each whole.

        By default the shard is parsed and its graphs written by :meth:`put_batch`;
        stores with a native bulk loader override this. A document is listed only
        once its quads are in.

        Raises:
            StoreError: the shard cannot be read, names a graph not in ``documents``,
                or the store refused it (documents written before are kept).
        """
        self.put_batch(read_shard(shard, documents))

    @abstractmethod
    def remove(self, iri: str) -> bool:
        """Remove one named graph (and its triples from the union); ``True`` if it was there."""

    @abstractmethod
    def graph_names(self) -> set[str]:
        """The IRIs of the data graphs in the store (not the ontology)."""

    @abstractmethod
    def documents(self) -> list[DocumentInfo]:
        """Every data graph with its title, hash and triple count, in IRI order."""

    def graph_hashes(self) -> dict[str, str | None]:
        """Every data graph with the content hash it carries (as :meth:`documents` gives it)."""
        return {iri: stamp.hash for iri, stamp in self.graph_stamps().items()}

    def graph_stamps(self) -> dict[str, GraphStamp]:
        """Every data graph with its content hash and reader version, without counting
        triples: what an ingest checks before it skips a file (one query per store, never
        one per document). By default from :meth:`documents`, without reader versions."""
        return {info.iri: GraphStamp(info.hash) for info in self.documents()}

    @abstractmethod
    def quads(self) -> Iterator[tuple[Node, Node, Node, URIRef]]:
        """Every triple of every data graph, with its graph name."""

    def grouped_statements(self, *, union: bool, ontology: bool) -> Iterator[Any] | None:
        """What an export writes, as pyoxigraph statements each subject's and predicate's
        together, read as they are written out; ``None`` when the store cannot give them so
        (the exporter then gathers and sorts :meth:`oxigraph_quads`).

        With ``union``, the triples of the data graphs, each once; otherwise every data
        graph's quads, graph by graph in the order of their names, and then, with
        ``ontology``, the ontology's.
        """
        return None

    def oxigraph_quads(self) -> Iterator[Any]:
        """The data graphs' quads as pyoxigraph ``Quad`` objects, graph by graph (what
        exports are written from; a store that holds them so gives them unconverted)."""
        import pyoxigraph as ox

        from kg.sparql.engines import to_oxigraph

        term = functools.cache(to_oxigraph)  # terms recur: convert each once
        for s, p, o, g in self.quads():
            yield ox.Quad(term(s), term(p), term(o), term(g))

    @abstractmethod
    def ontology(self) -> Graph:
        """The ontology graph as stored."""

    @abstractmethod
    def triple_count(self) -> int:
        """Distinct triples across the data graphs (the ontology not counted)."""

    @abstractmethod
    def reading(self) -> AbstractContextManager[Any]:
        """A context giving what :func:`kg.sparql.runner.run_query` runs on, for one read."""

    def reading_for(self, query: Any) -> AbstractContextManager[Any]:
        """What ``query`` (a :class:`~kg.sparql.catalogue.QueryFile`) runs on: :meth:`reading`,
        unless the store keeps the graph in more than one engine."""
        return self.reading()

    def data(self) -> Graph:
        """The union of the data graphs as one rdflib graph (a copy)."""
        from kg.rdf.namespaces import bind_prefixes

        union = bind_prefixes(Graph())
        for s, p, o, _ in self.quads():
            union.add((s, p, o))
        return union

    def contains(self, iri: str) -> bool:
        """Whether a data graph of that name is in the store."""
        return iri in self.graph_names()

    def flush(self) -> None:
        """Make every write so far durable (by default nothing to do: writes already are)."""
        return None

    def optimize(self) -> None:
        """Ready the store for queries after an ingest wrote batches (by default nothing to do)."""
        return None

    def close(self) -> None:
        """Release the store (locks, files, connections); by default nothing to release."""
        return None
