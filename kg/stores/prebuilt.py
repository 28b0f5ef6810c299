"""The embedded default, prebuilt: its quads shipped as N-Quads, read without the article reader.

Reading the embedded briefing means importing the whole extraction package and
the world gazetteer (about a second); the graph it gives changes only when the
briefing, the reader or the mapping does. So the package ships that graph,
``data/prebuilt/default.nq`` (each document's triples in the order the reader
gave them), and the catalogue's gate verdicts, ``data/prebuilt/catalogue.json``
(each catalogue text's type and projection, by SHA-256, and whether Oxigraph
answers it on the embedded default exactly as rdflib does: same rows, same
order). Both are written by::

    python -m kg.stores.prebuilt

and ``tests/stores/test_prebuilt.py`` fails when either is stale (a fresh read
of the embedded articles, or a fresh check of the catalogue, gives something else).

:class:`PrebuiltStore` is an in-memory store (``memory``) holding that graph. Its
rdflib Dataset is built only when something needs it (a query the verdicts do
not send to Oxigraph, ``documents``, views, validation): from the shipped quads,
added in the reader's order, so rdflib's answers and every export are those of
a fresh read. A catalogue query marked ``oxigraph`` (every one, as the catalogue
is written: its answers are fixed down to the order of rows and of list parts,
whatever the engine) runs on an in-memory Oxigraph store loaded from the same
file (a few milliseconds), whose default graph is the set union of the named
graphs, as :func:`kg.sparql.engines.oxigraph_store` builds it.

If the shipped file does not name the embedded articles as they are now (their
SHA-256) and the reader version that read them
(:data:`~kg.rdf.mapping.READER_VERSION`, also on each document as
``skg:readerVersion``), :func:`embedded_default` reads the articles instead.

Examples:
    >>> store = embedded_default()
    >>> isinstance(store, PrebuiltStore), store.triple_count()
    (True, 918)
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rdflib import Dataset, URIRef

from kg.resources import default_sources, resource_dir
from kg.stores.base import GraphData, Store, Triple, nt_term
from kg.stores.memory import MemoryStore

if TYPE_CHECKING:
    from kg.sparql.catalogue import QueryFile

__all__ = [
    "CATALOGUE_FILE",
    "QUADS_FILE",
    "PrebuiltStore",
    "embedded_default",
    "prebuilt_dir",
    "source_line",
    "write_prebuilt",
]

QUADS_FILE = "default.nq"
CATALOGUE_FILE = "catalogue.json"
_SOURCES = "# sources: "


def prebuilt_dir() -> Path:
    """The folder of the prebuilt files: ``data/prebuilt`` (in a wheel, under ``kg/_data/``)."""
    return resource_dir("data") / "prebuilt"


def source_line(sources: list[Path] | None = None) -> str:
    """The comment line naming the articles a prebuilt graph was read from, with their SHA-256,
    and the version of the reader that read them.

    Examples:
        >>> source_line()[:50]
        '# sources: alaska-summit-briefing.md sha256:d9b7ae'
        >>> source_line().rsplit("; ", 1)[1].split()[0]  # "reader 2": the READER_VERSION
        'reader'
    """
    from kg.rdf.mapping import READER_VERSION  # light: no extraction, no gazetteer

    names = [
        f"{path.name} sha256:{hashlib.sha256(path.read_bytes()).hexdigest()}"
        for path in (default_sources() if sources is None else sources)
    ]
    return f"{_SOURCES}{', '.join(names)}; reader {READER_VERSION}"


class PrebuiltStore(MemoryStore):
    """The embedded default from its shipped N-Quads; rdflib and Oxigraph built on first use."""

    def __init__(self, quads: Path) -> None:  # no Dataset yet: see the ``dataset`` property
        self.path = quads

    @functools.cached_property
    def dataset(self) -> Dataset:  # type: ignore[override]
        """The rdflib Dataset, filled as :class:`MemoryStore` fills it on a fresh read."""
        store = MemoryStore()
        for data in self.graphs():
            store.put(data)
        return store.dataset

    def graphs(self) -> Iterator[GraphData]:
        """The shipped graphs in file order, each with its triples in the reader's order."""
        import pyoxigraph as ox

        from kg.sparql.engines import from_oxigraph

        triples: dict[str, list[Triple]] = {}
        term: Callable[[Any], Any] = functools.cache(from_oxigraph)  # each term once
        for quad in ox.parse(path=str(self.path), format=ox.RdfFormat.N_QUADS):
            graph = triples.setdefault(quad.graph_name.value, [])
            graph.append((term(quad.subject), term(quad.predicate), term(quad.object)))
        for iri, found in triples.items():
            yield GraphData(URIRef(iri), len(found), triples=tuple(found))

    @functools.cached_property
    def oxigraph(self) -> Any:
        """An in-memory Oxigraph store: the shipped graphs, the ontology, and their union."""
        import pyoxigraph as ox

        from kg.rdf.namespaces import ONTOLOGY_GRAPH
        from kg.resources import resource_file

        store = ox.Store()
        store.load(path=str(self.path), format=ox.RdfFormat.N_QUADS)
        store.load(
            path=str(resource_file("ontology", "summit.ttl")),
            format=ox.RdfFormat.TURTLE,
            to_graph=ox.NamedNode(str(ONTOLOGY_GRAPH)),
        )
        # the default graph holds the set union of the graphs (the project's own fixed text)
        store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
        return store

    def reading_for(self, query: QueryFile) -> AbstractContextManager[Any]:
        """Oxigraph for a catalogue query it answers as rdflib does here; else the Dataset."""
        from kg.sparql.catalogue import bundled_verdict

        verdict = bundled_verdict(query.text)
        return nullcontext(
            self.oxigraph if verdict is not None and verdict.oxigraph else self.dataset
        )


def embedded_default() -> Store:
    """The embedded default as a store: prebuilt when the shipped file matches the articles.

    Otherwise (the file missing, or the articles changed since it was written)
    the articles are read, as ``kg.load()`` does.
    """
    path = prebuilt_dir() / QUADS_FILE
    try:
        with path.open(encoding="utf-8") as lines:
            first = lines.readline().rstrip("\n")
    except OSError:
        first = ""
    if first == source_line():
        return PrebuiltStore(path)
    store = MemoryStore()
    from kg.ingest import ingest

    ingest(store, (), strict=True)
    return store


def _read_fresh() -> list[GraphData]:
    """The graphs a fresh read of the embedded articles puts in a memory store, in order."""
    from kg.ingest import ingest

    puts: list[GraphData] = []

    class Recorder(MemoryStore):
        def put(self, data: GraphData) -> None:
            puts.append(data)
            super().put(data)

    ingest(Recorder(), (), strict=True)
    names = [data.iri for data in puts]
    if len(set(names)) != len(names):
        raise RuntimeError("a graph of the embedded default was written twice")
    return puts


def quads_text(graphs: list[GraphData]) -> str:
    """The N-Quads file: the sources line, then every graph's triples in order."""
    lines = [source_line()]
    for data in graphs:
        graph = nt_term(data.iri)
        lines.extend(
            f"{nt_term(s)} {nt_term(p)} {nt_term(o)} {graph} ." for s, p, o in data.term_triples()
        )
    return "\n".join(lines) + "\n"


def catalogue_verdicts(store: PrebuiltStore) -> dict[str, dict[str, Any]]:
    """Each catalogue text's gate verdict by SHA-256, and whether Oxigraph may answer it.

    A text goes to Oxigraph only if it is a SELECT, ASK or CONSTRUCT that does not
    ``SAMPLE`` (whose pick each engine makes its own way) and names the columns
    that hold a ``GROUP_CONCAT`` on a ``# list:`` line (the runner sorts their
    parts), and if it gives rdflib's answer on the embedded default, without
    parameters and with the example of each: the same rows in the same order, or
    the same triples (the runner adds them to the answer's graph in one order).
    """
    import re

    from kg.sparql.catalogue import catalogue
    from kg.sparql.engines import NOT_CODE
    from kg.sparql.gate import compile_readonly
    from kg.sparql.runner import QueryResult, canonical_triples, run_query

    def answer(result: QueryResult) -> tuple[Any, ...]:
        graph = None if result.graph is None else canonical_triples(result.graph)
        return (result.type, result.vars, result.rows, result.boolean, graph)

    verdicts = {}
    for name, query in catalogue().items():
        checked = compile_readonly(query.text, source="<catalogue>")
        if checked.text != query.text:
            raise RuntimeError(f"catalogue query {name} is not in canonical form")
        code = re.sub(NOT_CODE, " ", query.text)
        same = (
            checked.kind in ("SELECT", "ASK", "CONSTRUCT")
            and not re.search(r"(?i)\bSAMPLE\s*\(", code)
            and (bool(query.lists) or not re.search(r"(?i)\bGROUP_CONCAT\s*\(", code))
        )
        runs: list[dict[str, str]] = [{}]
        example = {p.name: p.example for p in query.params if p.example}
        if example:
            runs.append(example)
        for params in runs if same else []:
            a = run_query(store.dataset, query, params, timeout=None, max_rows=None)
            b = run_query(store.oxigraph, query, params, timeout=None, max_rows=None)
            same = same and answer(a) == answer(b)
        digest = hashlib.sha256(query.text.encode("utf-8")).hexdigest()
        verdicts[digest] = {
            "name": name,
            "kind": checked.kind,
            "projection": list(checked.projection),
            "oxigraph": same,
        }
    return dict(sorted(verdicts.items(), key=lambda item: str(item[1]["name"])))


def catalogue_text(store: PrebuiltStore) -> str:
    """``catalogue.json`` as written."""
    return json.dumps(catalogue_verdicts(store), indent=1, ensure_ascii=False) + "\n"


def write_prebuilt(folder: Path | None = None) -> list[Path]:
    """Read the embedded articles and check the catalogue; write both prebuilt files."""
    from kg._io import atomic_write_text

    folder = prebuilt_dir() if folder is None else folder
    folder.mkdir(parents=True, exist_ok=True)
    quads = atomic_write_text(folder / QUADS_FILE, quads_text(_read_fresh()))
    verdicts = atomic_write_text(folder / CATALOGUE_FILE, catalogue_text(PrebuiltStore(quads)))
    return [quads, verdicts]


if __name__ == "__main__":
    for written in write_prebuilt():
        print(written)
