"""Stores: memory, Oxigraph on disk and a SPARQL server give the same graph and answers.

Also: persistence across reopening, per-document atomicity (shared triples
stay until their last document goes), "store in use", the ingest pipeline
(parallel, skip-by-hash, progress) and the ``documents``/``remove`` commands.
The SPARQL store runs against ``sparql_server`` (the protocol, on loopback);
``test_virtuoso.py`` runs it against a real Virtuoso.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from rdflib import Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import XSD

import kg
import kg.ingest
import kg.resources
from kg.errors import QueryError, StoreError, UsageError
from kg.rdf.mapping import READER_VERSION
from kg.rdf.namespaces import ONTOLOGY_GRAPH, SKG
from kg.stores import DEFAULT_STORE, STORES, GraphData, Store, StoreKind, open_store
from kg.stores.memory import MemoryStore
from kg.stores.oxigraph import OxigraphStore
from kg.stores.sparql import UNION_GRAPH, SparqlStore
from tests.support.answers import assert_same_answer, catalogue_runs
from tests.support.articles import write_articles
from tests.support.checks import run
from tests.support.paths import FIXTURES
from tests.support.sparql_server import Endpoint, sparql_server
from tests.support.tally import tally

SOURCES = [*kg.resources.default_sources(), FIXTURES / "harbour-summit.md", FIXTURES / "genre"]
EX = "https://example.org/"


def triple(s: str, p: str, o: str) -> tuple[URIRef, URIRef, Literal]:
    return URIRef(EX + s), URIRef(EX + p), Literal(o)


@pytest.fixture(scope="module")
def reference() -> kg.SummitGraph:
    """The corpus in memory: what every other store must hold and answer."""
    return kg.load(*SOURCES)


@pytest.fixture(scope="module")
def server() -> Iterator[Endpoint]:
    with sparql_server() as endpoint:
        yield endpoint


@pytest.fixture(scope="module", params=["oxigraph", "sparql"])
def stored(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, server: Endpoint
) -> Iterator[kg.SummitGraph]:
    """The same corpus in a persistent store, reopened read-only."""
    if request.param == "oxigraph":
        spec = f"oxigraph:{tmp_path_factory.mktemp('store') / 'db'}"
    else:
        spec = f"sparql:{server.url}"
    with kg.SummitGraph(spec) as writer:
        writer.ingest(SOURCES, strict=True)
    with kg.SummitGraph(spec, read_only=True) as graph:
        yield graph


# --- same graph, same answers ----------------------------------------------------------


def test_a_persistent_store_reopens_with_the_same_graph(
    stored: kg.SummitGraph, reference: kg.SummitGraph
) -> None:
    assert stored.documents() == reference.documents()
    hashes = {info.iri: info.hash for info in reference.documents()}
    assert stored.store.graph_hashes() == hashes == reference.store.graph_hashes()
    stamps = stored.store.graph_stamps()
    assert stamps == reference.store.graph_stamps()
    assert {stamp.reader for stamp in stamps.values()} == {READER_VERSION}
    assert len(stored) == len(reference)
    assert isomorphic(stored.data(), reference.data())
    # the ontology's one xsd:nonNegativeInteger comes back as xsd:integer from Oxigraph
    assert len(stored.store.ontology()) == len(reference.store.ontology())


@pytest.mark.parametrize(("name", "params"), list(catalogue_runs()))
def test_every_catalogue_query_answers_the_same_on_every_store(
    stored: kg.SummitGraph, reference: kg.SummitGraph, name: str, params: dict[str, str]
) -> None:
    assert_same_answer(reference, stored, name, params)


def test_graph_views_read_from_a_store(stored: kg.SummitGraph, reference: kg.SummitGraph) -> None:
    assert stored.validate().conforms == reference.validate().conforms
    assert stored.counts() == reference.counts()


# --- per-document writes ---------------------------------------------------------------


def _stores(tmp_path: Path, server: Endpoint) -> Iterator[Any]:
    yield open_store("memory")
    yield OxigraphStore(tmp_path / "db")
    server.store.clear()
    yield SparqlStore(server.url)


def _union(store: Any) -> set[Any]:
    with store.reading() as target:
        rows = kg.sparql.runner.run_query(target, "SELECT ?s ?p ?o { ?s ?p ?o }", timeout=30)
    return {(r["s"], r["p"], r["o"]) for r in rows} - set(store.ontology())


def test_shared_triples_stay_until_their_last_document_goes(
    tmp_path: Path, server: Endpoint
) -> None:
    shared, only_a, only_b = (
        triple("x", "p", "shared"),
        triple("a", "p", "1"),
        triple("b", "p", "2"),
    )
    for store in _stores(tmp_path, server):
        with store:
            store.put(GraphData.of(URIRef(EX + "A"), [shared, only_a], as_text=store.wants_text))
            store.put(GraphData.of(URIRef(EX + "B"), [shared, only_b], as_text=store.wants_text))
            assert _union(store) == {shared, only_a, only_b}, store.spec
            assert store.triple_count() == 3
            assert store.remove(EX + "A") is True
            assert _union(store) == {shared, only_b}, store.spec
            assert store.remove(EX + "A") is False
            # replacing B with other triples drops what only the old B held
            store.put(GraphData.of(URIRef(EX + "B"), [only_a], as_text=store.wants_text))
            assert _union(store) == {only_a}, store.spec
            assert [d.iri for d in store.documents()] == [EX + "B"]


def test_the_ontology_graph_is_not_data(tmp_path: Path, server: Endpoint) -> None:
    for store in _stores(tmp_path, server):
        with store:
            with pytest.raises(StoreError, match="ontology"):
                store.put(GraphData.of(ONTOLOGY_GRAPH, [triple("a", "p", "x")]))
            assert str(ONTOLOGY_GRAPH) not in store.graph_names()


def test_sparql_store_writes_one_request_per_document(
    server: Endpoint, reference: kg.SummitGraph
) -> None:
    server.store.clear()
    store = SparqlStore(server.url)
    before = server.updates
    kg.ingest.ingest(store, SOURCES)
    assert server.updates - before == len(store.documents()) == len(reference.documents())


def test_sparql_upload_failing_half_way_leaves_the_document_absent(server: Endpoint) -> None:
    server.store.clear()
    store = SparqlStore(server.url)
    good, bad = triple("g", "p", "good"), triple("h", "p", "half")
    store.put(GraphData.of(URIRef(EX + "good"), [good]))
    server.cut_update.add(server.updates + 1)
    with pytest.raises(StoreError, match="cannot write"):
        store.put(GraphData.of(URIRef(EX + "half"), [bad, good]))
    server.fail_update.add(server.updates + 1)
    with pytest.raises(StoreError, match="HTTP 500"):
        store.put(GraphData.of(URIRef(EX + "half"), [bad, good]))
    assert [d.iri for d in store.documents()] == [EX + "good"]
    assert _union(store) == {good}


def test_sparql_store_reads_its_union_graph_only(server: Endpoint) -> None:
    import pyoxigraph as ox

    server.store.clear()
    theirs = ox.Quad(ox.NamedNode(EX + "f"), ox.NamedNode(EX + "p"), ox.Literal("f"))
    server.store.add(theirs)  # someone else's data, in the server's default graph
    server.store.add(ox.Quad(theirs.subject, theirs.predicate, theirs.object, ox.NamedNode(EX)))
    store = SparqlStore(server.url)
    store.put(GraphData.of(URIRef(EX + "mine"), [triple("m", "p", "mine")]))
    assert store.graph_names() == {EX + "mine"}
    assert _union(store) == {triple("m", "p", "mine")}
    assert str(UNION_GRAPH) not in store.graph_names()


UNICODE_LABELS = [
    "Путин и Трамп",
    "قمة ألاسكا",
    "summit 🤝🇺🇸🇷🇺",
    "e\u0301 combining",
    'say "yes"',
    "back\\slash \\u0022 not an escape",
    "two\nlines\tand tab",
]


def test_labels_come_back_byte_identical_from_every_store(tmp_path: Path, server: Endpoint) -> None:
    triples = [triple(f"l{i}", "label", text) for i, text in enumerate(UNICODE_LABELS)]
    for store in _stores(tmp_path, server):
        with store:
            store.put(GraphData.of(URIRef(EX + "labels"), triples, as_text=store.wants_text))
            got = {str(o) for _, _, o in _union(store)}
            assert got == set(UNICODE_LABELS), store.spec


# --- locks -----------------------------------------------------------------------------


def test_a_second_writer_gets_store_in_use(tmp_path: Path) -> None:
    with OxigraphStore(tmp_path / "db"):
        with pytest.raises(StoreError, match="store in use"):
            OxigraphStore(tmp_path / "db")
        with pytest.raises(StoreError, match="store in use"):
            OxigraphStore(tmp_path / "db", read_only=True)
    with OxigraphStore(tmp_path / "db", read_only=True):
        with OxigraphStore(tmp_path / "db", read_only=True):  # readers share
            pass
        with pytest.raises(StoreError, match="store in use"):
            OxigraphStore(tmp_path / "db")


def test_a_writer_in_another_process_keeps_the_cli_out(tmp_path: Path) -> None:
    import subprocess
    import sys

    path = tmp_path / "db"
    OxigraphStore(path).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, kg.stores.oxigraph as o; s = o.OxigraphStore(sys.argv[1]); "
            "print('ready', flush=True); sys.stdin.read()",
            str(path),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        code, _, err = run("build", "--store", f"oxigraph:{path}", "--quiet")
        assert code == 2 and "store in use" in err and err.count("\n") == 1
        code, _, err = run("query", "topics", "--store", f"oxigraph:{path}")
        assert code == 2 and "store in use" in err
    finally:
        holder.communicate("")
    code, _, _ = run("build", "--store", f"oxigraph:{path}", "--quiet")
    assert code == 0


def test_reading_a_missing_store_is_a_clear_error(tmp_path: Path) -> None:
    code, _, err = run("query", "topics", "--store", f"oxigraph:{tmp_path / 'nowhere'}")
    assert code == 2 and "no Oxigraph store here" in err and "nowhere" in err
    assert not (tmp_path / "nowhere").exists()


@pytest.mark.parametrize(
    ("spec", "message"),
    [("postgres:db", "unknown store"), ("oxigraph:", "unknown store"), ("sparql:ftp://x", "http")],
)
def test_bad_store_specs_are_usage_errors(spec: str, message: str) -> None:
    code, _, err = run("query", "topics", "--store", spec)
    assert code == 2 and message in err


@pytest.mark.parametrize("spec", ["memory:", "memory:x", "sparql:", "Memory", ""])
def test_store_specs_must_match_a_registered_syntax(spec: str) -> None:
    with pytest.raises(UsageError, match="use 'memory', 'oxigraph:PATH' or 'sparql:URL'"):
        open_store(spec)


def test_each_registered_kind_opens_its_class(tmp_path: Path, server: Endpoint) -> None:
    where = {"memory": "", "oxigraph": str(tmp_path / "db"), "sparql": server.url}
    assert set(where) == set(STORES)
    for name, kind in STORES.items():
        spec = kind.syntax.replace(kind.where or "\0", where[name])
        with open_store(spec) as store:
            assert type(store).__name__ == kind.cls
            assert type(store).__module__ == kind.module
            assert store.spec == spec
    assert type(open_store(None)).__name__ == STORES[DEFAULT_STORE].cls


class _ScratchStore(MemoryStore):
    """A store kind added by one registry row and one class (here: memory under a name)."""

    def __init__(self, where: str, *, read_only: bool = False) -> None:
        super().__init__()
        self.spec = f"scratch:{where}"


def test_a_new_kind_of_store_is_one_registry_row(monkeypatch: pytest.MonkeyPatch) -> None:
    row = StoreKind("scratch", "NAME", "a scratch pad", __name__, "_ScratchStore")
    monkeypatch.setitem(STORES, "scratch", row)
    with kg.SummitGraph("scratch:pad") as graph:
        assert isinstance(graph.store, _ScratchStore) and graph.store.spec == "scratch:pad"
        graph.load()
        assert graph.counts()["Summit"] == 1
    with pytest.raises(UsageError, match="'oxigraph:PATH', 'sparql:URL' or 'scratch:NAME'"):
        open_store("scratch:")
    code, out, _ = run("build", "--help")
    assert code == 0 and "scratch:NAME" in out and "a scratch pad" in out
    assert "memory (default), oxigraph:PATH, sparql:URL or scratch:NAME" in " ".join(out.split())


def test_unreachable_sparql_server_is_one_line(unused_port: int) -> None:
    code, _, err = run("build", "--store", f"sparql:http://127.0.0.1:{unused_port}/sparql")
    assert code == 2 and "cannot reach the SPARQL server" in err and err.count("\n") == 1


@pytest.fixture
def unused_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


# --- ingest ----------------------------------------------------------------------------


def test_parallel_ingest_writes_what_serial_ingest_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "articles"
    write_articles(folder, 12)
    monkeypatch.setattr(kg.ingest, "PARALLEL_FROM", 2)
    graphs = []
    for jobs in (1, 2):
        with kg.SummitGraph(f"oxigraph:{tmp_path / f'db{jobs}'}") as graph:
            summary = graph.ingest([folder], jobs=jobs)
            assert (summary.written, summary.failed) == (12, 0)
            graphs.append((graph.documents(), graph.data()))
    assert graphs[0][0] == graphs[1][0]
    assert isomorphic(graphs[0][1], graphs[1][1])


def test_rebuilding_skips_unchanged_documents_and_reads_changed_ones(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    paths = write_articles(folder, 3)
    spec = f"oxigraph:{tmp_path / 'db'}"
    code, out, _ = run("build", str(folder), "--store", spec, "--quiet")
    assert code == 0 and out.startswith("3 documents written, 0 unchanged")
    paths[0].write_text(paths[0].read_text() + "\nAnalysts expect a short meeting.\n")
    code, out, _ = run("build", str(folder), "--store", spec, "--report", "--quiet")
    assert code == 0 and "1 document written, 2 unchanged (skipped)" in out
    assert out.count("unchanged, already in the store") == 2
    code, out, _ = run("documents", "--store", spec, "--format", "csv")
    assert out.count("\n") == 1 + 4  # the edited article is a new document beside the old


# --- a newer reader reads again --------------------------------------------------------


class _KeptMemory(MemoryStore):
    """The memory store, taken for a persistent one (which skips unchanged files)."""

    persistent = True


def _reader_stores(tmp_path: Path, server: Endpoint) -> Iterator[Store]:
    yield _KeptMemory()
    yield OxigraphStore(tmp_path / "db")
    server.store.clear()
    yield SparqlStore(server.url)


def _set_reader(store: Store, iri: str, version: Literal | None) -> None:
    """Rewrite a document's graph by hand, as an older reader left it: its reader version
    replaced by ``version``, or removed (``None``: made before versions were recorded)."""
    kept = [
        (s, p, o)
        for s, p, o, g in store.quads()
        if str(g) == iri and not (str(s) == iri and p == SKG.readerVersion)
    ]
    if version is not None:
        kept.append((URIRef(iri), SKG.readerVersion, version))
    store.put(GraphData.of(URIRef(iri), kept, as_text=store.wants_text))


def _reader_of(store: Store, iri: str) -> list[Any]:
    return [o for s, p, o, g in store.quads() if str(s) == iri and p == SKG.readerVersion]


@pytest.mark.parametrize(
    "version",
    [None, Literal(READER_VERSION - 1, datatype=XSD.integer), Literal("x")],
    ids=["none", "older", "not-a-number"],
)
def test_a_graph_an_older_reader_made_is_read_again_on_every_store(
    tmp_path: Path, server: Endpoint, version: Literal | None
) -> None:
    folder = tmp_path / "sources"
    article, other = write_articles(folder, 2)
    rdf = folder / "export.ttl"  # RDF is loaded as it is: never re-read for the reader
    rdf.write_text(
        "<urn:x:doc> a <https://w3id.org/summit-kg/ontology#SourceDocument> ;\n"
        '  <https://w3id.org/summit-kg/ontology#contentHash> "00" .\n',
        encoding="utf-8",
    )
    for store in _reader_stores(tmp_path, server):
        with store:
            first = kg.ingest.ingest(store, [folder])
            assert (first.written, first.skipped, first.reread) == (3, 0, 0), store.spec
            expected = {(s, p, o, g) for s, p, o, g in store.quads()}
            (iri,) = (d.iri for d in store.documents() if d.file == article.name)
            stamp = store.graph_stamps()[iri]
            assert iri.endswith(str(stamp.hash)[:16]) and stamp.reader == READER_VERSION
            _set_reader(store, iri, version)  # as an older reader left it
            written = str(version) if version is not None else ""
            assert store.graph_stamps()[iri].reader == (int(written) if written.isdigit() else None)

            reports: list[kg.FileReport] = []
            again = kg.ingest.ingest(store, [folder], on_file=reports.append)
            assert (again.written, again.skipped, again.reread) == (1, 2, 1), store.spec
            assert [r.path.name for r in reports if r.reread] == [article.name]
            assert [r.path.name for r in reports if r.unchanged] == [other.name, rdf.name]
            assert _reader_of(store, iri) == [Literal(READER_VERSION, datatype=XSD.integer)]
            assert {(s, p, o, g) for s, p, o, g in store.quads()} == expected  # replaced whole
            assert store.triple_count() == len({(s, p, o) for s, p, o, _ in expected})

            third = kg.ingest.ingest(store, [folder])  # current again: skipped
            assert (third.written, third.skipped, third.reread) == (0, 3, 0), store.spec


def test_a_graph_a_newer_reader_made_is_kept(tmp_path: Path) -> None:
    (article,) = write_articles(tmp_path / "sources", 1)
    with OxigraphStore(tmp_path / "db") as store:
        kg.ingest.ingest(store, [article])
        (iri,) = store.graph_names()
        _set_reader(store, iri, Literal(READER_VERSION + 1, datatype=XSD.integer))
        again = kg.ingest.ingest(store, [article])
        assert (again.written, again.skipped) == (0, 1)
        forced = kg.ingest.ingest(store, [article], skip_unchanged=False)
        assert (forced.written, forced.skipped, forced.reread) == (1, 0, 0)
        assert _reader_of(store, iri) == [Literal(READER_VERSION, datatype=XSD.integer)]


def test_build_rereads_for_a_newer_reader_and_on_request(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    paths = write_articles(folder, 3)
    spec = f"oxigraph:{tmp_path / 'db'}"
    code, out, _ = run("build", str(folder), "--store", spec, "--quiet")
    assert code == 0 and out.startswith("3 documents written, 0 unchanged")
    with OxigraphStore(tmp_path / "db") as store:
        old = {d.file: d.iri for d in store.documents()}
        _set_reader(store, old[paths[1].name], None)
    code, out, _ = run("build", str(folder), "--store", spec, "--report", "--quiet")
    assert code == 0
    assert "1 document written (1 re-read: newer reader), 2 unchanged (skipped)" in out
    assert out.count("unchanged, already in the store") == 2
    assert f"{paths[1]}: " in out and "triples (re-read: newer reader); " in out
    code, out, _ = run("build", str(folder), "--store", spec, "--quiet")
    assert code == 0 and out.startswith("0 documents written, 3 unchanged (skipped)")
    code, out, _ = run("build", str(folder), "--store", spec, "--quiet", "--reread")
    assert code == 0 and out.startswith("3 documents written, 0 unchanged (skipped)")
    code, out, err = run("build", str(folder), "--reread", "--quiet")
    assert code == 0 and "--reread is for a persistent store" in err


def test_strict_build_into_a_store_writes_nothing_when_a_file_is_bad(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    write_articles(folder, 3)
    (folder / "zz-bad.ttl").write_text("<urn:a> <urn:b> .\n")
    spec = f"oxigraph:{tmp_path / 'db'}"
    code, _, err = run("build", str(folder), "--store", spec, "--strict", "--quiet")
    assert code == 2 and "zz-bad.ttl:1" in err
    with kg.SummitGraph(spec, read_only=True) as graph:
        assert graph.documents() == []
    code, out, err = run("build", str(folder), "--store", spec, "--quiet")
    assert code == 2 and out.startswith("3 documents written, 0 unchanged (skipped), 1 failed")


def test_progress_bar_shows_documents_per_second(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "articles"
    write_articles(folder, 3)
    kg.ingest.ingest(open_store("memory"), [folder], progress=True)
    shown = capsys.readouterr().err
    assert "3/3" in shown and "doc/s" in shown
    kg.ingest.ingest(open_store("memory"), [folder], progress=None)  # not a terminal: quiet
    assert capsys.readouterr().err == ""


# --- documents and remove --------------------------------------------------------------


def test_documents_lists_title_hash_triples_and_file() -> None:
    code, out, _ = run("documents", "--format", "csv")
    assert code == 0
    header, row = out.splitlines()
    assert header == "iri,title,hash,triples,file"
    assert row.startswith("https://w3id.org/summit-kg/id/doc/")
    assert row.endswith(",918,alaska-summit-briefing.md")


def test_remove_by_the_file_name_documents_lists_once_the_file_is_gone(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    paths = write_articles(folder, 2)
    spec = f"oxigraph:{tmp_path / 'db'}"
    assert run("build", str(folder), "--store", spec, "--quiet")[0] == 0
    with kg.SummitGraph(spec, read_only=True) as graph:
        files = {d.file: d.iri for d in graph.documents()}
    assert set(files) == {p.name for p in paths}
    paths[0].unlink()
    code, out, _ = run("remove", paths[0].name, "--store", spec)
    assert code == 0 and out.startswith(f"removed <{files[paths[0].name]}>")
    with kg.SummitGraph(spec, read_only=True) as graph:
        assert [d.file for d in graph.documents()] == [paths[1].name]


def test_remove_by_file_by_hash_prefix_and_refusals(tmp_path: Path) -> None:
    from kg.loaders import article

    folder = tmp_path / "articles"
    paths = write_articles(folder, 3)
    spec = f"oxigraph:{tmp_path / 'db'}"
    assert run("build", str(folder), "--store", spec, "--quiet")[0] == 0
    (by_file,) = article.identify(paths[0])
    code, out, _ = run("remove", str(paths[0]), "--store", spec)
    assert code == 0 and out.startswith(f"removed <{by_file}> (Trump and Putin")
    with kg.SummitGraph(spec, read_only=True) as graph:
        left = graph.documents()
    assert len(left) == 2 and str(by_file) not in {d.iri for d in left}
    assert left[0].hash is not None
    code, _, err = run("remove", left[0].hash[:10], "ffffffffffff", "--store", spec)
    assert code == 2 and "no document in the store matches 'ffffffffffff'" in err
    with kg.SummitGraph(spec, read_only=True) as graph:
        assert graph.documents() == left  # nothing removed when one name is unknown
    code, out, _ = run("remove", left[0].hash[:10], "--store", spec)
    assert code == 0 and out.startswith(f"removed <{left[0].iri}>")
    with kg.SummitGraph(spec, read_only=True) as graph:
        assert graph.documents() == left[1:]
    code, _, err = run("remove", "abc", "--store", "memory")
    assert code == 2 and "persistent store" in err


def test_data_and_store_together_are_refused(tmp_path: Path) -> None:
    code, _, err = run("query", "topics", "--data", "x.md", "--store", f"oxigraph:{tmp_path}")
    assert code == 2 and "summit-kg build SOURCE… --store" in err


def test_library_load_into_a_store_and_query_it(tmp_path: Path) -> None:
    with kg.load(store=f"oxigraph:{tmp_path / 'db'}") as graph:
        rows = graph.query("outcomes-by-topic", topic="Cybersecurity")
        assert sorted(str(r["likelihood"]) for r in rows) == [
            "anticipated",
            "possible",
            "projected",
        ]
        with pytest.raises(StoreError, match="not an in-memory"):
            _ = graph.dataset
    with pytest.raises(UsageError):
        open_store("nowhere:x")


# --- crashes ---------------------------------------------------------------------------

KILL_TRIALS = 8
_INGEST = """
import sys, kg

def said(report):
    if not report.unchanged:
        print(report.path.name, flush=True)

kg.SummitGraph(sys.argv[1]).ingest([sys.argv[2]], on_file=said)
"""
"""An ingest that prints a line for each file it reads (the test kills it after some)."""


def _check_whole(path: Path, expected: dict[str, int]) -> int:
    """Every document in the store is whole and the union is exactly their set union."""
    import pyoxigraph as ox

    with OxigraphStore(path, read_only=True) as store:
        documents = store.documents()
        for document in documents:
            assert document.triples == expected[document.iri], document.iri
        db = store._store
        union = {q.triple for q in db.quads_for_pattern(None, None, None, ox.DefaultGraph())}
        named = {
            q.triple
            for q in db.quads_for_pattern(None, None, None, None)
            if not isinstance(q.graph_name, ox.DefaultGraph)
        }
        assert union == named
    return len(documents)


def test_a_killed_ingest_leaves_whole_documents_and_a_rerun_completes(tmp_path: Path) -> None:
    """SIGKILL at random points of an ingest, run again each time: never half a document."""
    import random
    import signal
    import subprocess
    import sys
    import time

    folder = tmp_path / "articles"
    write_articles(folder, 600)
    reference = kg.load(folder)
    expected = {d.iri: d.triples for d in reference.documents()}
    path = tmp_path / "db"
    command = [sys.executable, "-c", _INGEST, f"oxigraph:{path}", str(folder)]
    rng = random.Random(20261126)
    written = [0]
    for _ in range(KILL_TRIALS):
        # killed some files into the run, at a random moment after the last one it named:
        # paced by the worker's own progress, not the clock (a busy machine starts slowly)
        worker = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
        assert worker.stdout is not None
        for _ in range(rng.randint(5, 60)):
            if not worker.stdout.readline():
                break
        time.sleep(rng.uniform(0.0, 0.2))
        worker.send_signal(signal.SIGKILL)
        worker.stdout.close()
        worker.wait()
        tally("SIGKILL trials during ingest")
        written.append(_check_whole(path, expected))
    assert sum(1 for a, b in itertools.pairwise(written) if a < b < len(expected)) >= 2, written
    code, _, _ = run("build", str(folder), "--store", f"oxigraph:{path}", "--quiet")
    assert code == 0
    assert _check_whole(path, expected) == len(expected)
    with kg.SummitGraph(f"oxigraph:{path}", read_only=True) as graph:
        assert len(graph) == len(reference)


def test_an_interrupted_ingest_keeps_whole_documents_and_stops_its_writer(
    tmp_path: Path,
) -> None:
    import threading

    folder = tmp_path / "articles"
    write_articles(folder, 12)
    expected = {d.iri: d.triples for d in kg.load(folder).documents()}
    seen: list[object] = []

    def interrupt(report: object) -> None:
        seen.append(report)
        if len(seen) == 3:
            raise KeyboardInterrupt

    with (
        kg.SummitGraph(f"oxigraph:{tmp_path / 'db'}") as graph,
        pytest.raises(KeyboardInterrupt),
    ):
        graph.ingest([folder], on_file=interrupt)
    assert not any(t.name == "summit-kg-writer" for t in threading.enumerate())
    assert 3 <= _check_whole(tmp_path / "db", expected) < 12


def test_a_failed_write_stops_the_ingest_and_keeps_what_was_written(tmp_path: Path) -> None:
    from kg.stores.memory import MemoryStore

    class FullStore(MemoryStore):
        def put(self, data: GraphData) -> None:
            if len(self.graph_names()) == 2:
                raise StoreError("disk full", path=tmp_path / "db")
            super().put(data)

    folder = tmp_path / "articles"
    write_articles(folder, 6)
    store = FullStore()
    with pytest.raises(StoreError, match="disk full"):
        kg.ingest.ingest(store, [folder])
    assert len(store.documents()) == 2


def test_a_script_without_a_main_guard_can_query_a_store(tmp_path: Path) -> None:
    """The query worker is a fork: it never re-imports the caller's ``__main__``."""
    import subprocess
    import sys

    spec = f"oxigraph:{tmp_path / 'db'}"
    kg.load(store=spec).close()
    script = tmp_path / "script.py"
    script.write_text(
        "import sys, kg\n"
        "print('start', flush=True)\n"
        "with kg.SummitGraph(sys.argv[1], read_only=True) as graph:\n"
        "    print(len(graph.query('topics')))\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, str(script), spec], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["start", "13"]


EDGE_SOURCES = {
    "empty": (),
    "no-topics": (FIXTURES / "edge" / "short-news.md",),
    "unlinked": (FIXTURES / "edge" / "unlinked-claims.ttl",),
}


@pytest.mark.parametrize("kind", ["oxigraph", "sparql"])
@pytest.mark.parametrize("edge", list(EDGE_SOURCES))
def test_edge_graphs_answer_the_same_on_every_store(tmp_path: Path, kind: str, edge: str) -> None:
    """Nothing, a news item without topics, claims without links: grouped subqueries over no
    rows must give no row on any store (rdflib gives one unbound row, Oxigraph none)."""
    sources = EDGE_SOURCES[edge]
    reference = kg.SummitGraph().load(*sources) if sources else kg.SummitGraph()
    with sparql_server() as endpoint:
        spec = f"oxigraph:{tmp_path / 'db'}" if kind == "oxigraph" else f"sparql:{endpoint.url}"
        with kg.SummitGraph(spec) as writer:
            if sources:
                writer.load(*sources)
        with kg.SummitGraph(spec, read_only=True) as stored:
            assert stored.documents() == reference.documents()
            for run_ in catalogue_runs():
                name, params = run_.values
                try:
                    assert_same_answer(reference, stored, name, params)
                except QueryError as error:  # a node parameter no label names: so on every store
                    for graph in (reference, stored):
                        with pytest.raises(QueryError, match=re.escape(str(error))):
                            graph.query(name, timeout=60, **params)
            assert stored.query("topics").rows == [] or edge == "unlinked"
