"""The graph wrapper: one named graph per source, the ontology beside them.

:class:`SummitGraph` holds an rdflib :class:`~rdflib.Dataset` whose default
graph is the union of all named graphs: one per source document, plus the
ontology in ``https://w3id.org/summit-kg/ontology`` (so queries can read
likelihood ranks and labels). Every source is parsed into its own graph
first and only then swapped into the dataset, replacing earlier versions of
the same document: :meth:`SummitGraph.load` takes all sources or none;
:meth:`SummitGraph.ingest` reports bad files and takes the rest.

Examples:
    >>> g = SummitGraph()
    >>> len(g)
    0
    >>> g.documents()
    []
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import DCTERMS, RDF

from kg._io import atomic_write_bytes
from kg.errors import LoaderError, StoreError, UsageError
from kg.loaders import Loaded, loader_for
from kg.mapping import bind_prefixes
from kg.namespaces import ONTOLOGY_GRAPH, SKG
from kg.query import DEFAULT_MAX_ROWS, DEFAULT_TIMEOUT, QueryFile, QueryResult, run_query
from kg.resources import default_sources, resource_file
from kg.sources import expand_sources

if TYPE_CHECKING:
    import networkx as nx

    from kg.validate import ValidationReport

__all__ = ["EXPORT_FORMATS", "DocumentInfo", "FileReport", "SummitGraph", "load"]

EXPORT_FORMATS: dict[str, str] = {
    "turtle": ".ttl",
    "nt": ".nt",
    "nquads": ".nq",
    "trig": ".trig",
    "json-ld": ".jsonld",
}
_QUAD_FORMATS = {"nquads", "trig", "json-ld"}


_COUNTED = {
    "tables": SKG.Table,
    "rows": SKG.TableRow,
    "lists": SKG.List,
    "items": SKG.ListItem,
    "summits": SKG.Summit,
    "topics": SKG.Topic,
    "outcomes": SKG.Outcome,
    "concerns": SKG.Concern,
    "recommendations": SKG.Recommendation,
}


@dataclass(frozen=True)
class FileReport:
    """What loading one file gave: triples, parts and claims counted, skipped lines, or an error."""

    path: Path
    triples: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    warnings: tuple[tuple[int, str], ...] = ()
    error: str | None = None

    @classmethod
    def of(cls, loaded: Loaded) -> FileReport:
        """Count the tables, lists and claims in what a loader read."""
        counts = dict.fromkeys(_COUNTED, 0)
        triples = 0
        for _, graph in loaded.graphs:
            triples += len(graph)
            for name, klass in _COUNTED.items():
                counts[name] += sum(1 for _ in graph.subjects(RDF.type, klass))
        return cls(loaded.path, triples, counts, loaded.warnings)


@dataclass(frozen=True)
class DocumentInfo:
    """A named graph in the store: its IRI, title (if an article) and triple count."""

    iri: str
    title: str | None
    triples: int


def format_for_path(path: str | Path) -> str:
    """The export format a file suffix implies (``.ttl`` → ``turtle``).

    Raises:
        UsageError: an unknown suffix.
    """
    suffix = Path(path).suffix.lower()
    for name, known in EXPORT_FORMATS.items():
        if suffix == known:
            return name
    raise UsageError(
        f"cannot tell the format of '{path}' from its suffix; pass --format "
        f"({', '.join(EXPORT_FORMATS)})"
    )


class SummitGraph:
    """An RDF dataset of summit claims with query, validation, export and views."""

    def __init__(self, store: str | None = None) -> None:
        if store not in (None, "memory"):
            raise UsageError(
                f"store '{store}' is not supported in this version; only 'memory' is "
                "(persistent Oxigraph and SPARQL-server stores are planned)"
            )
        self.dataset = Dataset(default_union=True)
        bind_prefixes(self.dataset)
        ontology = self.dataset.graph(ONTOLOGY_GRAPH)
        ontology.parse(
            data=resource_file("ontology", "summit.ttl").read_text(encoding="utf-8"),
            format="turtle",
        )

    # --- loading -----------------------------------------------------------------

    def load(self, *sources: str | Path) -> SummitGraph:
        """Load articles and RDF files (no source: the embedded default).

        All sources are read before any is added: a bad one leaves the graph as it was.

        Raises:
            LoaderError: a source is missing, unreadable or malformed (names file and line).
        """
        self.ingest(sources, strict=True)
        return self

    def ingest(self, sources: Iterable[str | Path], *, strict: bool = False) -> list[FileReport]:
        """Load sources and report, per file, what was read, skipped or refused.

        With ``strict`` the first bad file raises and nothing is added; otherwise
        bad files are reported (``FileReport.error``) and the others are added.
        No source means the embedded default.

        Raises:
            LoaderError: a source path is missing or not local, or (``strict``) a file is bad.
        """
        given = list(sources)
        files = expand_sources(given) if given else default_sources()
        reports: list[FileReport] = []
        staged: list[tuple[URIRef, Graph]] = []
        for path in files:
            try:
                loaded = loader_for(path).read(path)
            except LoaderError as exc:
                if strict:
                    raise
                reports.append(FileReport(path, error=str(exc)))
                continue
            except (RecursionError, ValueError, OSError) as exc:  # a reader's own failure
                error = LoaderError(f"cannot read: {type(exc).__name__}: {exc}", path=path)
                if strict:
                    raise error from exc
                reports.append(FileReport(path, error=str(error)))
                continue
            staged.extend(loaded.graphs)
            reports.append(FileReport.of(loaded))
        for iri, graph in staged:
            self.replace_graph(iri, graph)
        return reports

    def replace_graph(self, iri: URIRef, graph: Graph) -> None:
        """Put ``graph`` in the dataset as named graph ``iri``, replacing any earlier one."""
        if iri == ONTOLOGY_GRAPH:
            raise StoreError("the ontology graph cannot be replaced by loaded data")
        self.dataset.remove_graph(iri)
        target = self.dataset.graph(iri)
        for triple in graph:
            target.add(triple)

    def remove(self, iri: str | URIRef) -> bool:
        """Remove a document's named graph; ``True`` if it was there."""
        ref = URIRef(str(iri))
        present = any(g.identifier == ref for g in self.dataset.graphs())
        if present:
            self.dataset.remove_graph(ref)
        return present

    # --- reading -------------------------------------------------------------------

    def data_graphs(self) -> Iterator[Graph]:
        """The named graphs of loaded sources (not the ontology), in IRI order."""
        graphs = [
            g
            for g in self.dataset.graphs()
            if g.identifier != ONTOLOGY_GRAPH and isinstance(g.identifier, URIRef) and len(g)
        ]
        yield from sorted(graphs, key=lambda g: str(g.identifier))

    def data(self) -> Graph:
        """The union of all loaded sources as one graph (a copy)."""
        union = bind_prefixes(Graph())
        for graph in self.data_graphs():
            for triple in graph:
                union.add(triple)
        return union

    def __len__(self) -> int:
        """Number of distinct triples in the loaded sources (the ontology not counted)."""
        return len(self.data())

    def documents(self) -> list[DocumentInfo]:
        """The loaded sources: graph IRI, document title, triple count."""
        infos = []
        for graph in self.data_graphs():
            title = graph.value(graph.identifier, DCTERMS.title)
            if (graph.identifier, RDF.type, SKG.SourceDocument) not in graph:
                title = None
            infos.append(
                DocumentInfo(
                    str(graph.identifier), None if title is None else str(title), len(graph)
                )
            )
        return infos

    def query(
        self,
        query: str | Path | QueryFile,
        /,
        *,
        timeout: float | None = DEFAULT_TIMEOUT,
        max_rows: int | None = DEFAULT_MAX_ROWS,
        allow_remote: bool = False,
        **params: Any,
    ) -> QueryResult:
        """Run a catalogue query, a ``.rq`` file or SPARQL text; ``params`` are bound, typed.

        Read-only, local and time-limited: see :func:`kg.query.run_query`
        (``timeout``, ``max_rows`` and ``allow_remote`` are not query parameters).

        Examples:
            >>> g = load()
            >>> rows = g.query("outcomes-by-topic", topic="Cybersecurity")
            >>> [str(r["outcome"]) for r in rows][:1]
            ['Strengthened Cyber Defenses']
        """
        return run_query(
            self.dataset,
            query,
            params,
            timeout=timeout,
            max_rows=max_rows,
            allow_remote=allow_remote,
        )

    # --- output --------------------------------------------------------------------

    def serialize(self, path: str | Path | None = None, format: str | None = None) -> str:
        """The loaded data as RDF text; written atomically to ``path`` when given.

        Triple formats (turtle, nt) hold the union of all sources; quad formats
        (nquads, trig, json-ld) keep one named graph per source.

        Raises:
            UsageError: an unknown format.
            StoreError: the file cannot be written (the old one is kept).
        """
        if format is None:
            format = format_for_path(path) if path is not None else "turtle"
        if format not in EXPORT_FORMATS:
            raise UsageError(f"unknown format '{format}'. Known: {', '.join(EXPORT_FORMATS)}")
        if format in _QUAD_FORMATS:
            dataset = Dataset()
            bind_prefixes(dataset)
            for graph in self.data_graphs():
                target = dataset.graph(graph.identifier)
                for triple in graph:
                    target.add(triple)
            with warnings.catch_warnings():
                # rdflib's quad serializers call its own deprecated Dataset.contexts()
                warnings.filterwarnings(
                    "ignore", "Dataset.contexts is deprecated", DeprecationWarning
                )
                text = dataset.serialize(format=format)
        else:
            text = self.data().serialize(format=format)
        if path is not None:
            atomic_write_bytes(path, text.encode("utf-8"))
        return text

    def validate(self) -> ValidationReport:
        """Check the data against ``ontology/shapes.ttl`` (SHACL)."""
        from kg.validate import validate

        return validate(self.data(), self.dataset.graph(ONTOLOGY_GRAPH))

    def to_networkx(
        self,
        *,
        view: str | None = None,
        focus: str | None = None,
        depth: int = 1,
        query: str | Path | QueryFile | None = None,
        params: Mapping[str, Any] | None = None,
        **options: Any,
    ) -> nx.MultiDiGraph:
        """The graph, or one view of it, as a networkx MultiDiGraph.

        With no arguments: every claim (see :func:`kg.convert.to_networkx`,
        whose options such as ``classes=`` or ``provenance=True`` pass
        through). ``view`` picks one of :data:`kg.convert.VIEWS`; ``query``
        converts the graph a CONSTRUCT or DESCRIBE query builds (a catalogue
        name, a ``.rq`` path or text; ``params`` are bound); ``focus`` then
        keeps what lies within ``depth`` links of the node with that label.

        Raises:
            UsageError: an unknown view; a view with a query or with options;
                a query that builds no graph; a focus label that matches no
                single node.

        Examples:
            >>> g = load()
            >>> g.to_networkx(view="topics", focus="Cybersecurity", depth=1).number_of_nodes()
            8
        """
        from kg.convert import to_networkx, view_graph

        if view is not None and (query is not None or options):
            raise UsageError("choose a view, or a query or conversion options, not both")
        if query is not None:
            result = self.query(query, **dict(params or {}))
            if result.graph is None:
                raise UsageError(
                    f"a view needs a query that builds a graph (CONSTRUCT or DESCRIBE), "
                    f"not a {result.type} query; try 'topic-network'"
                )
            network = to_networkx(result.graph, **{"untyped": True, "provenance": True, **options})
        elif view is not None:
            network = view_graph(self.data(), view)
        else:
            network = to_networkx(self.data(), **options)
        if focus is not None:
            from kg.analytics import ego_graph

            network = ego_graph(network, focus, depth)
        return network

    def to_html(
        self,
        path: str | Path,
        *,
        title: str | None = None,
        view: str | None = None,
        focus: str | None = None,
        depth: int = 1,
        query: str | Path | QueryFile | None = None,
        params: Mapping[str, Any] | None = None,
        physics: bool = False,
        size_by: str = "degree",
        max_nodes: int | None = None,
        **options: Any,
    ) -> Path:
        """Write a self-contained interactive HTML view, as ``summit-kg viz`` does.

        ``view``, ``focus``, ``depth``, ``query`` and ``params`` choose what to
        draw (see :meth:`to_networkx`; no view and no query is the overview);
        ``physics``, ``size_by`` and ``max_nodes`` how (see
        :func:`kg.viz.render_html`). The file is written atomically as UTF-8;
        nothing else is written.
        """
        from kg.viz import MAX_NODES, view_title, write_html

        network = self.to_networkx(
            view=view, focus=focus, depth=depth, query=query, params=params, **options
        )
        return write_html(
            network,
            path,
            title=title or view_title(view=view, query=query, focus=focus, depth=depth),
            physics=physics,
            size_by=size_by,
            max_nodes=MAX_NODES if max_nodes is None else max_nodes,
        )


def load(*sources: str | Path, store: str | None = None) -> SummitGraph:
    """Load articles and RDF files into a new :class:`SummitGraph`.

    No source loads the embedded default (a briefing on the 2025 Alaska summit).

    Examples:
        >>> g = load()
        >>> [d.title for d in g.documents()][0][:33]
        'Trump and Putin Set to Meet in Al'
    """
    return SummitGraph(store=store).load(*sources)
