"""The graph facade: load, query, validate, export and draw, whatever the store.

:class:`SummitGraph` wraps a :class:`~kg.stores.Store` (in memory, Oxigraph
on disk or a SPARQL server) holding one named graph per source document and
the ontology in ``https://w3id.org/summit-kg/ontology`` (so queries can read
likelihood ranks and labels). Every source is read whole before its graph
replaces earlier versions of the same document: :meth:`SummitGraph.load`
takes all sources or none; :meth:`SummitGraph.ingest` reports bad files and
takes the rest.

Examples:
    >>> g = SummitGraph()
    >>> len(g)
    0
    >>> g.documents()
    []
    >>> list(COUNTED_CLASSES)
    ['Summit', 'Topic', 'Outcome', 'Concern', 'Recommendation']
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, overload

from rdflib import RDF, Dataset, Graph, URIRef

from kg._io import atomic_write_bytes, atomic_write_with
from kg.errors import LoaderError, StoreError, UsageError
from kg.ingest import COUNTED, FileReport, IngestSummary, ingest
from kg.network.views import PROVENANCE_TYPES, VIEWS
from kg.rdf.formats import RdfFormat, format_for_path, format_named, jsonld_context
from kg.rdf.namespaces import EXPORT_PREFIXES, ONTOLOGY_GRAPH, SKG
from kg.sparql.catalogue import QueryFile, resolve_query
from kg.sparql.runner import DEFAULT_MAX_ROWS, DEFAULT_TIMEOUT, QueryResult, run_query
from kg.stores import DocumentInfo, GraphData, Store, find_document, open_store

if TYPE_CHECKING:
    import networkx as nx

    from kg.display import InlineView
    from kg.rdf.validation import ValidationReport

__all__ = ["COUNTED_CLASSES", "DocumentInfo", "FileReport", "SummitGraph", "load"]

COUNTED_CLASSES: dict[str, str] = {
    klass.split("#")[-1]: plural
    for plural, klass in COUNTED.items()
    if klass.split("#")[-1] not in PROVENANCE_TYPES
}
"""The claims :meth:`SummitGraph.counts` counts: class local name → plural, as in reports.

The claim classes of :data:`kg.ingest.COUNTED` (what ``build --report`` counts
per file), without the parts of documents.
"""
_SUMMITS = """
SELECT DISTINCT ?label WHERE {
  ?summit a <https://w3id.org/summit-kg/ontology#Summit> ;
          <http://www.w3.org/2000/01/rdf-schema#label> ?label .
} ORDER BY ?label LIMIT 6
"""
_COUNTS = f"""
SELECT ?class (COUNT(DISTINCT ?x) AS ?n) WHERE {{
  VALUES ?class {{ {" ".join(f"<{SKG[name]}>" for name in COUNTED_CLASSES)} }}
  ?x a ?class .
}} GROUP BY ?class
"""


class SummitGraph:
    """An RDF dataset of summit claims with query, validation, export and views.

    ``store`` says where the graph lives (see :func:`kg.stores.open_store`):
    ``None``/``"memory"``, ``"oxigraph:PATH"``, ``"sparql:URL"`` or a
    :class:`~kg.stores.Store`. ``read_only`` opens an existing persistent
    store for reading.

    With no ``store``, a first load of :data:`~kg.ingest.MEMORY_INPUT_BYTES` or more
    goes into a temporary Oxigraph store instead of the memory store (which needs
    hundreds of times its input), removed by :meth:`close`; ``spilled`` is then the
    input's size in bytes. ``store="memory"`` keeps the memory store whatever the size.
    """

    def __init__(self, store: str | Store | None = None, *, read_only: bool = False) -> None:
        self.store = open_store(store, read_only=read_only)
        self.spilled = 0
        """The input's size when a first large load moved the graph to a temporary Oxigraph
        store (0 otherwise)."""
        self._may_spill = store is None

    def __enter__(self) -> SummitGraph:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Release the store (writes flushed, locks freed)."""
        self.store.close()

    @property
    def dataset(self) -> Dataset:
        """The rdflib Dataset of the in-memory store.

        Raises:
            StoreError: the graph lives in another store (query it with :meth:`query`).
        """
        from kg.stores.memory import MemoryStore

        if self.spilled:
            raise StoreError(
                f"the {self.spilled / 1e6:.1f} MB of input went into a temporary Oxigraph store, "
                "not an rdflib Dataset (query it with query(); store='memory' keeps a Dataset)"
            )
        if not isinstance(self.store, MemoryStore):
            raise StoreError(f"{self.store.spec} is not an in-memory rdflib Dataset")
        return self.store.dataset

    def _repr_html_(self) -> str:
        """What a notebook shows for the graph: its store, summits, documents and claim counts.

        Examples:
            >>> page = load()._repr_html_()
            >>> "Summit of Donald Trump and Vladimir Putin in Alaska" in page, "<td>14</td>" in page
            (True, True)
        """
        from html import escape

        from kg.display import html_table

        with self.store.reading() as target:
            rows = run_query(target, _SUMMITS, timeout=None, trusted=True)
        summits = [str(row["label"]) for row in rows]
        documents = self.documents()
        head = (
            f"<p><strong>SummitGraph</strong> ({escape(self.store.spec)}): {len(self):,} "
            f"triples from {len(documents):,} document{'' if len(documents) == 1 else 's'}</p>"
        )
        summit_list = "".join(f"<li>{escape(label)}</li>" for label in summits[:5])
        if len(summits) > 5:
            summit_list += "<li>…</li>"
        counts = html_table(["claims", "count"], list(self.counts().items()))
        titles = html_table(
            ["document", "triples"],
            ((doc.title or doc.iri, doc.triples) for doc in documents),
            limit=10,
        )
        return f"{head}<ul>{summit_list}</ul>{counts}{titles}"

    # --- loading -----------------------------------------------------------------

    def load(self, *sources: str | Path) -> SummitGraph:
        """Load articles and RDF files (no source: the embedded default).

        All sources are read before any is added: a bad one leaves the graph as it was.

        Raises:
            LoaderError: a source is missing, unreadable or malformed (names file and line).
        """
        self.ingest(sources, strict=True)
        return self

    def ingest(
        self,
        sources: Iterable[str | Path],
        *,
        strict: bool = False,
        jobs: int = 1,
        follow_links: bool = False,
        progress: bool | None = False,
        on_file: Callable[[FileReport], None] | None = None,
        executor: str = "processes",
        scheduler: str | None = None,
        shards: Path | None = None,
        reread: bool = False,
    ) -> IngestSummary:
        """Load sources one document at a time; count what was written, skipped or refused.

        With ``strict`` the first bad file raises and nothing is added; otherwise
        bad files are reported (``on_file`` gets every :class:`FileReport`) and
        the others are added. No source means the embedded default. A persistent
        store skips a file whose graphs it holds already, unless an older reader
        made them; ``reread`` reads every file again. See
        :func:`kg.ingest.ingest` for ``jobs``, ``follow_links`` (links in a
        folder to files outside it are not read by default), ``progress``, and
        ``executor="dask"`` (with ``scheduler`` and ``shards``): reading on a Dask
        cluster into N-Quads shards that the store bulk-loads.

        Raises:
            LoaderError: a source path is missing or not local, or (``strict``) a file is bad.
            StoreError: the store refused a write (documents before it are kept).
        """
        if self._may_spill:
            self._may_spill = False
            sources = list(sources)
            if executor == "processes":
                self._spill_if_large(sources, follow_links)
        return ingest(
            self.store,
            sources,
            strict=strict,
            jobs=jobs,
            follow_links=follow_links,
            progress=progress,
            on_file=on_file,
            executor=executor,
            scheduler=scheduler,
            shards=shards,
            skip_unchanged=not reread,
        )

    def _spill_if_large(self, sources: list[str | Path], follow_links: bool) -> None:
        """Swap the empty memory store for a temporary Oxigraph store when ``sources`` are large."""
        from kg.ingest import MEMORY_INPUT_BYTES, input_bytes
        from kg.stores.oxigraph import OxigraphStore

        size = input_bytes(sources, follow_links=follow_links)
        if size < MEMORY_INPUT_BYTES or self.store.graph_names():
            return
        temporary = OxigraphStore.temporary()
        self.store.close()
        self.store, self.spilled = temporary, size

    def replace_graph(self, iri: URIRef, graph: Graph) -> None:
        """Put ``graph`` in the store as named graph ``iri``, replacing any earlier one."""
        self.store.put(GraphData.of(iri, graph, as_text=self.store.wants_text))

    def remove(self, iri: str | URIRef) -> bool:
        """Remove a document's named graph; ``True`` if it was there."""
        return self.store.remove(str(iri))

    # --- reading -------------------------------------------------------------------

    def data(self) -> Graph:
        """The union of all loaded sources as one graph (a copy)."""
        return self.store.data()

    def __len__(self) -> int:
        """Number of distinct triples in the loaded sources (the ontology not counted)."""
        return self.store.triple_count()

    def documents(self) -> list[DocumentInfo]:
        """The loaded sources: graph IRI, document title and hash, triple count."""
        return self.store.documents()

    def find_document(self, name: str | Path) -> DocumentInfo:
        """The one loaded document ``name`` means: as ``documents`` lists it or its source.

        A graph IRI (bare, in ``<>`` or short, ``id:doc/…``), the start of its
        content hash (8 or more hex digits) or a source file that was loaded.

        Raises:
            UsageError: nothing or several documents match; a hash prefix too short.

        Examples:
            >>> g = load()
            >>> [document] = g.documents()
            >>> g.find_document(document.hash[:8]) == document
            True
        """
        return find_document(str(name), self.store.documents(), files=_graphs_of_file)

    def counts(self) -> dict[str, int]:
        """How many summits, topics, outcomes, concerns and recommendations the graph holds.

        Examples:
            >>> load().counts()["Summit"]
            1
        """
        with self.store.reading() as target:  # the project's own query: no worker needed
            rows = run_query(target, _COUNTS, timeout=None, trusted=True)
        found = {str(row["class"]): row["n"] for row in rows}
        return {name: int(str(found.get(str(SKG[name]), 0))) for name in COUNTED_CLASSES}

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

        Read-only, local and time-limited: see :func:`kg.sparql.runner.run_query`
        (``timeout``, ``max_rows`` and ``allow_remote`` are not query parameters).

        Examples:
            >>> g = load()
            >>> rows = g.query("outcomes-by-topic", topic="Cybersecurity")
            >>> [str(r["outcome"]) for r in rows][:1]
            ['Strengthened Cyber Defenses']
        """
        query_file = query if isinstance(query, QueryFile) else resolve_query(query)
        with self.store.reading_for(query_file) as target:
            return run_query(
                target,
                query_file,
                params,
                timeout=timeout,
                max_rows=max_rows,
                allow_remote=allow_remote,
            )

    # --- output --------------------------------------------------------------------

    def serialize(
        self, path: str | Path | None = None, format: str | None = None, *, ontology: bool = True
    ) -> str:
        """The loaded data as RDF text; written atomically to ``path`` when given.

        Triple formats (turtle, nt) hold the union of all sources, with every
        document's metadata (title, hash); JSON-LD holds the same union,
        compacted with the project's ``@context`` (``ontology/context.jsonld``,
        inlined, so no reader fetches anything). Quad formats (nquads, trig)
        keep one named graph per source and, unless ``ontology`` is false, the
        ontology in its own graph (``https://w3id.org/summit-kg/ontology``), so
        the catalogue answers the same on any SPARQL engine that loads the file.

        Raises:
            UsageError: an unknown format.
            StoreError: the file cannot be written (the old one is kept).
        """
        if format is None:
            format = format_for_path(path) if path is not None else "turtle"
        fmt = format_named(format)
        try:
            try:
                text = self._render(fmt, ontology)
            except RecursionError:
                # rdflib's JSON-LD writer nests blank nodes by recursion (rdflib#1424):
                # a long chain of them is written by Oxigraph, which labels them
                text = self._render_with_oxigraph(fmt, ontology)
        except Exception as exc:  # the serializers raise many kinds of error
            raise _export_failed(format, exc, path) from exc
        if path is not None:
            atomic_write_bytes(path, text.encode("utf-8"))
        return text

    def write(self, path: str | Path, format: str | None = None, *, ontology: bool = True) -> Path:
        """Write the loaded data to ``path`` atomically, as :meth:`serialize` would, without
        holding the text: Oxigraph writes the statements to the file as the store gives
        them (JSON-LD is still made whole by rdflib).

        Examples:
            >>> import tempfile, pathlib
            >>> out = pathlib.Path(tempfile.mkdtemp()) / "summit.nt"
            >>> load().write(out).read_text(encoding="utf-8").count("\\n") > 100
            True

        Raises:
            UsageError: an unknown format.
            StoreError: the file cannot be written (the old one is kept).
        """
        import pyoxigraph as ox

        fmt = format_named(format or format_for_path(path))
        if fmt.union and fmt.name == "json-ld":
            self.serialize(path, format=fmt.name, ontology=ontology)
            return Path(path)

        def write_to(handle: BinaryIO) -> None:
            statements = self._statements_to_write(fmt, ontology)
            ox.serialize(statements, handle, format=fmt.oxigraph_format(), prefixes=EXPORT_PREFIXES)

        try:
            return atomic_write_with(path, write_to)
        except StoreError:
            raise
        except Exception as exc:  # the serializer raises many kinds of error
            raise _export_failed(fmt.name, exc, path) from exc

    def _render(self, fmt: RdfFormat, ontology: bool) -> str:
        """The data as ``fmt`` text: JSON-LD by rdflib (compacted), the others by Oxigraph.

        rdflib's Turtle and TriG writers grow much faster than the data (a table of
        4,000 rows took minutes); Oxigraph's writers are linear.
        """
        if fmt.union and fmt.name == "json-ld":
            return self.data().serialize(
                format="json-ld", context=jsonld_context(), auto_compact=True
            )
        return self._render_with_oxigraph(fmt, ontology)

    def _render_with_oxigraph(self, fmt: RdfFormat, ontology: bool) -> str:
        """The data as ``fmt`` text, written by pyoxigraph with the project's prefixes
        (see :meth:`_statements_to_write`)."""
        import pyoxigraph as ox

        statements = self._statements_to_write(fmt, ontology)
        data = ox.serialize(statements, format=fmt.oxigraph_format(), prefixes=EXPORT_PREFIXES)
        assert data is not None
        return data.decode("utf-8")

    def _statements_to_write(self, fmt: RdfFormat, ontology: bool) -> Iterable[Any]:
        """What an export of ``fmt`` holds, as pyoxigraph statements in the order written.

        Triple formats hold the union of the data graphs (as :meth:`data`); quad formats
        each data graph and, with ``ontology``, the ontology's. Each subject's statements
        come together, with each predicate's together, so Turtle and TriG write a subject
        once with each predicate once: subjects in a store's own index order, read as they
        are written (Oxigraph), or else gathered and sorted by graph and subject; a
        subject's statements by predicate (``rdf:type`` first) and object. The same store
        always gives the same text; Oxigraph labels blank nodes itself, without recursion.
        """
        import pyoxigraph as ox

        from kg.sparql.engines import to_oxigraph

        grouped = self.store.grouped_statements(union=not fmt.exports_graphs, ontology=ontology)
        if grouped is not None:
            return _each_subject_sorted(grouped)
        items: list[Any]
        if fmt.exports_graphs:
            items = list(self.store.oxigraph_quads())
            if ontology:
                name = ox.NamedNode(str(ONTOLOGY_GRAPH))
                items += (
                    ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), name)
                    for s, p, o in self.store.ontology()
                )
            items.sort(key=lambda q: (q.graph_name.value, *_statement_order(q)))
        else:
            union = dict.fromkeys(q.triple for q in self.store.oxigraph_quads())
            items = sorted(union, key=_statement_order)
        return items

    def validate(self) -> ValidationReport:
        """Check the data against ``ontology/shapes.ttl`` (SHACL)."""
        from kg.rdf.validation import validate

        return validate(self.data(), self.store.ontology())

    def to_networkx(
        self,
        *,
        view: str | None = None,
        focus: str | None = None,
        depth: int = 1,
        through_hubs: bool = False,
        query: str | Path | QueryFile | None = None,
        params: Mapping[str, Any] | None = None,
        **options: Any,
    ) -> nx.MultiDiGraph:
        """The graph, or one view of it, as a networkx MultiDiGraph.

        With no arguments: every claim (see :func:`kg.network.convert.to_networkx`,
        whose options such as ``classes=`` or ``provenance=True`` pass
        through). ``view`` picks one of :data:`kg.network.views.VIEWS`; ``query``
        converts the graph a CONSTRUCT or DESCRIBE query builds (a catalogue
        name, a ``.rq`` path or text; ``params`` are bound); ``focus`` then
        keeps what lies within ``depth`` links of the node with that label,
        not walking on from hubs (the summit, documents, nodes far better
        connected than the rest) unless ``through_hubs``
        (:func:`kg.network.analytics.ego_graph`).

        Raises:
            UsageError: an unknown view; a view with a query or with options;
                a query that builds no graph; a focus label that matches no
                single node.

        Examples:
            >>> g = load()
            >>> g.to_networkx(view="topics", focus="Cybersecurity", depth=1).number_of_nodes()
            8
        """
        from kg.network.convert import to_networkx, view_graph

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
            from kg.network.views import view_builder

            build = view_builder(view) if view in VIEWS else None  # unknown: view_graph says
            network = view_graph(self.data(), view) if build is None else build(self)
        else:
            network = to_networkx(self.data(), **options)
        if focus is not None:
            from kg.network.analytics import ego_graph

            network = ego_graph(network, focus, depth, through_hubs=through_hubs)
        return network

    @overload
    def to_html(
        self,
        path: None = None,
        *,
        title: str | None = None,
        view: str | None = None,
        focus: str | None = None,
        depth: int = 1,
        through_hubs: bool = False,
        query: str | Path | QueryFile | None = None,
        params: Mapping[str, Any] | None = None,
        physics: bool = False,
        size_by: str = "degree",
        max_nodes: int | None = None,
        **options: Any,
    ) -> str: ...

    @overload
    def to_html(
        self,
        path: str | Path,
        *,
        title: str | None = None,
        view: str | None = None,
        focus: str | None = None,
        depth: int = 1,
        through_hubs: bool = False,
        query: str | Path | QueryFile | None = None,
        params: Mapping[str, Any] | None = None,
        physics: bool = False,
        size_by: str = "degree",
        max_nodes: int | None = None,
        **options: Any,
    ) -> Path: ...

    def to_html(
        self,
        path: str | Path | None = None,
        *,
        title: str | None = None,
        view: str | None = None,
        focus: str | None = None,
        depth: int = 1,
        through_hubs: bool = False,
        query: str | Path | QueryFile | None = None,
        params: Mapping[str, Any] | None = None,
        physics: bool = False,
        size_by: str = "degree",
        max_nodes: int | None = None,
        **options: Any,
    ) -> Path | str:
        """A self-contained interactive HTML view, as ``summit-kg viz`` draws it.

        ``view``, ``focus``, ``depth``, ``through_hubs``, ``query`` and ``params``
        choose what to draw (see :meth:`to_networkx`; no view and no query is the overview);
        ``physics``, ``size_by`` and ``max_nodes`` how (see
        :func:`kg.network.page.render_html`). With ``path`` the page is written
        atomically as UTF-8 (nothing else is written) and the path returned;
        without, the page is returned as text.

        Examples:
            >>> page = load().to_html(view="topics")
            >>> page.startswith("<!DOCTYPE html>"), 'src="http' in page
            (True, False)
        """
        from kg._io import atomic_write_text
        from kg.network.page import render_html, view_title
        from kg.network.views import MAX_NODES

        network = self.to_networkx(
            view=view,
            focus=focus,
            depth=depth,
            through_hubs=through_hubs,
            query=query,
            params=params,
            **options,
        )
        page = render_html(
            network,
            title=title or view_title(view=view, query=query, focus=focus, depth=depth),
            physics=physics,
            size_by=size_by,
            max_nodes=MAX_NODES if max_nodes is None else max_nodes,
        )
        return page if path is None else atomic_write_text(path, page)

    def show(self, *, height: int = 600, **view: Any) -> InlineView:
        """The interactive view for a notebook cell: ``g.show(view="topics")``.

        Takes the same keywords as :meth:`to_html` (``view``, ``focus``,
        ``depth``, ``query``, ``params``, ``size_by`` …). The result displays
        itself as a sandboxed frame holding the self-contained page (no CDN, no
        request to any host), ``height`` pixels tall; its ``page`` is the HTML.

        Examples:
            >>> inline = load().show(view="topics", focus="Cybersecurity")
            >>> inline._repr_html_().startswith('<iframe sandbox="allow-scripts" srcdoc=')
            True
        """
        from kg.display import InlineView

        return InlineView(self.to_html(**view), height=height)


_RDF_TYPE = str(RDF.type)


def _statement_order(statement: Any) -> tuple[str, bool, str, str]:
    """Sort key of an Oxigraph triple or quad: subject, ``rdf:type`` first, predicate, object."""
    predicate = statement.predicate.value
    return (str(statement.subject), predicate != _RDF_TYPE, predicate, str(statement.object))


def _export_failed(format: str, exc: Exception, path: str | Path | None) -> StoreError:
    """The one-line error of a serializer's failure, on one line and cut to 300 characters."""
    message = " ".join(str(exc).split())[:300]
    return StoreError(f"cannot export as {format}: {type(exc).__name__}: {message}", path=path)


def _each_subject_sorted(statements: Iterable[Any]) -> Iterator[Any]:
    """``statements`` that come each subject's together, each subject's sorted as
    :func:`_statement_order` sorts them (``rdf:type`` first): one subject held at a time."""
    for _, together in itertools.groupby(
        statements, key=lambda s: (getattr(s, "graph_name", None), s.subject)
    ):
        yield from sorted(together, key=_statement_order)


def _graphs_of_file(name: str) -> set[str]:
    """The graphs a source file gives (by its loader's ``identify``), or none."""
    from kg.loaders import loader_for

    path = Path(name)
    if not path.is_file():
        return set()
    try:
        return {str(iri) for iri in loader_for(path).identify(path) or ()}
    except LoaderError:  # not a file any loader reads: it names no document
        return set()


def load(*sources: str | Path, store: str | Store | None = None) -> SummitGraph:
    """Load articles and RDF files into a new :class:`SummitGraph` (all or nothing).

    No source loads the embedded default (a briefing on the 2025 Alaska summit).
    ``store`` as for :class:`SummitGraph` (default: in memory, or a temporary Oxigraph
    store for large inputs; close the graph, or use it in a ``with``, to remove that).

    Examples:
        >>> g = load()
        >>> [d.title for d in g.documents()][0][:33]
        'Trump and Putin Set to Meet in Al'
    """
    return SummitGraph(store=store).load(*sources)
