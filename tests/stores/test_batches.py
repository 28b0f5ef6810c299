"""Batches of new documents written to Oxigraph by one bulk load, under an intent record.

A writer stopped in the middle of a batch (SIGKILL in the bulk load, or a
bulk write that only got half way) leaves ``summit-kg.pending``: opened for
writing, the store removes every graph it names; opened read-only, it leaves
them out of what it lists and refuses queries. Running the ingest again
gives the same quads as an ingest never stopped.
"""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest

import kg
import kg.ingest
from kg.errors import StoreError
from kg.rdf.namespaces import ONTOLOGY_GRAPH
from kg.stores.oxigraph import PENDING_FILE, OxigraphStore
from tests.support.articles import write_articles
from tests.support.checks import run
from tests.support.tally import tally

ARTICLES = 80


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("batches") / "articles"
    write_articles(folder, ARTICLES)
    return folder


@pytest.fixture(scope="module")
def uninterrupted(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> set[Any]:
    """The quads of an ingest of the corpus never stopped."""
    path = tmp_path_factory.mktemp("whole") / "db"
    with kg.SummitGraph(f"oxigraph:{path}") as graph:
        graph.ingest([corpus])
    with OxigraphStore(path, read_only=True) as store:
        return set(store.quads())


def _union_is_the_named_graphs(store: OxigraphStore) -> None:
    db = store._store
    union = {q.triple for q in db.quads_for_pattern(None, None, None, ox.DefaultGraph())}
    named = {
        q.triple
        for q in db.quads_for_pattern(None, None, None, None)
        if not isinstance(q.graph_name, ox.DefaultGraph)
    }
    assert union == named


def _whole(path: Path, expected: dict[str, int]) -> int:
    """Open for writing (the recovery runs), then every document is whole; how many there are."""
    with OxigraphStore(path) as store:
        assert not (path / PENDING_FILE).exists()
        documents = store.documents()
        for document in documents:
            assert document.triples == expected[document.iri], document.iri
        _union_is_the_named_graphs(store)
    return len(documents)


def test_an_ingest_writes_new_documents_in_bulk_batches_and_leaves_no_record(
    corpus: Path, uninterrupted: set[Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    batches: list[int] = []
    bulk = OxigraphStore._bulk

    def counted(self: OxigraphStore, graphs: list[Any], **options: Any) -> None:
        batches.append(len(graphs))
        bulk(self, graphs, **options)

    compacted: list[int] = []
    optimize = OxigraphStore.optimize

    def compact(self: OxigraphStore) -> None:
        compacted.append(self._bulk_bytes)
        optimize(self)

    monkeypatch.setattr(OxigraphStore, "_bulk", counted)
    monkeypatch.setattr(OxigraphStore, "optimize", compact)
    path = tmp_path / "db"
    with kg.SummitGraph(f"oxigraph:{path}") as graph:
        summary = graph.ingest([corpus])
    assert summary.written == ARTICLES
    assert len(compacted) == 1 and compacted[0] > 0  # once, at the end of an ingest in batches
    assert len(batches) >= 2 and sum(batches) <= ARTICLES, batches  # the first batches grow
    assert not (path / PENDING_FILE).exists()
    reference = kg.load(corpus)
    with OxigraphStore(path, read_only=True) as store:
        assert store.graph_names() == {d.iri for d in reference.documents()}
        assert set(store.quads()) == uninterrupted
        assert store.triple_count() == len(reference)
        _union_is_the_named_graphs(store)
    # run again: every file is skipped, nothing is written
    with kg.SummitGraph(f"oxigraph:{path}") as graph:
        assert graph.ingest([corpus]).skipped == ARTICLES


def test_a_batch_repeating_a_graph_or_replacing_one_keeps_the_order_of_writes(
    tmp_path: Path,
) -> None:
    from rdflib import Literal, URIRef

    from kg.stores.base import GraphData

    def data(graph: str, value: str) -> GraphData:
        return GraphData.of(URIRef(graph), [(URIRef("urn:s"), URIRef("urn:p"), Literal(value))])

    with OxigraphStore(tmp_path / "db") as store:
        store.put(data("urn:old", "before"))
        store.put_batch(
            [data("urn:a", "1"), data("urn:old", "after"), data("urn:b", "2"), data("urn:a", "3")]
        )
        values = {(str(g), str(o)) for _, _, o, g in store.quads()}
        assert values == {("urn:a", "3"), ("urn:old", "after"), ("urn:b", "2")}
        _union_is_the_named_graphs(store)
        with pytest.raises(StoreError, match="ontology"):
            store.put_batch([data(str(ONTOLOGY_GRAPH), "x")])


class _CountedLoads:
    """A pyoxigraph store that counts its bulk loads and can fail the ``fail_at``-th."""

    def __init__(self, db: Any, fail_at: int | None = None) -> None:
        self._db, self.fail_at, self.loads = db, fail_at, 0

    def bulk_load(self, *args: Any, **options: Any) -> None:
        self.loads += 1
        if self.loads == self.fail_at:
            raise OSError("disk full (simulated)")
        self._db.bulk_load(*args, **options)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._db, name)


def test_a_document_as_large_as_a_batch_is_bulk_loaded_in_slices_and_replaced_whole(
    tmp_path: Path,
) -> None:
    from rdflib import OWL, RDF, Literal, URIRef

    from kg.rdf.namespaces import SKG
    from kg.stores.base import GraphData

    def data(graph: str, values: list[str]) -> GraphData:
        triples = [(URIRef(f"urn:s{i}"), URIRef("urn:p"), Literal(v)) for i, v in enumerate(values)]
        return GraphData.of(URIRef(graph), triples)

    def values(store: OxigraphStore, graph: str) -> list[str]:
        return sorted(str(o) for _, _, o, g in store.quads() if str(g) == graph)

    with OxigraphStore(tmp_path / "db") as store:
        store.batch_statements = 10
        store.load_statements = 8
        store._db = counted = _CountedLoads(store._db)
        store.put(data("urn:small", ["a", "b"]))
        assert counted.loads == 0  # a small document: one transaction
        store.put(data("urn:big", [f"v{i:02}" for i in range(25)]))
        assert counted.loads == 4  # 8 + 8 + 8 + 1 statements
        store.put(data("urn:big", ["new"] * 12))  # replacing drops the old one first
        assert values(store, "urn:big") == ["new"] * 12
        assert values(store, "urn:small") == ["a", "b"]
        _union_is_the_named_graphs(store)
        # the union holds an ontology triple a document also states: counted once, as data
        store.put(GraphData.of(URIRef("urn:echo"), [(SKG.Actor, RDF.type, OWL.Class)]))
        assert store.triple_count() == 12 + 2 + 1
        assert not (store.path / PENDING_FILE).exists()


def test_a_large_graph_is_packed_when_read_and_written_slice_by_slice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A graph of ``LARGE_GRAPH`` triples or more is kept as compressed chunks of text, not
    as terms nor as one string per statement: its terms are checked when it is read, and the
    store writes it a slice at a time."""
    from rdflib import Literal, URIRef

    import kg.stores.base
    from kg.stores.base import GraphData

    monkeypatch.setattr(kg.stores.base, "LARGE_GRAPH", 5)
    monkeypatch.setattr(kg.stores.base, "PACK_STATEMENTS", 5)
    triples = [(URIRef(f"urn:s{i}"), URIRef("urn:p"), Literal(f"v{i}\nline")) for i in range(12)]
    large = GraphData.of(URIRef("urn:large"), triples)
    assert large.statements is None and large.triples is None and large.count == 12
    assert large.packed is not None and len(large.packed) == 3  # 5 + 5 + 2 statements
    small = GraphData.of(URIRef("urn:large"), triples, as_text=False)
    assert list(large.iter_statements()) == list(small.iter_statements())
    assert set(large.term_triples()) == set(triples)
    assert GraphData.of(URIRef("urn:small"), triples[:4]).statements is not None
    unwritable = (URIRef("urn:a b"), URIRef("urn:p"), Literal(1))
    with pytest.raises(ValueError):
        GraphData.of(URIRef("urn:bad"), [*triples, unwritable])
    with OxigraphStore(tmp_path / "db") as store:
        store.batch_statements, store.load_statements = 10, 5
        store._db = counted = _CountedLoads(store._db)
        store.put(large)
        assert counted.loads == 3  # 5 + 5 + 2 statements
        assert sorted(str(o) for *_, o, g in store.quads()) == sorted(
            f"v{i}\nline" for i in range(12)
        )


def test_a_large_document_whose_bulk_load_fails_half_way_is_left_out_whole(
    tmp_path: Path,
) -> None:
    from rdflib import Literal, URIRef

    from kg.stores.base import GraphData

    def data(graph: str, value: str, count: int) -> GraphData:
        triples = [
            (URIRef(f"urn:{graph}{i}"), URIRef("urn:p"), Literal(value)) for i in range(count)
        ]
        return GraphData.of(URIRef(f"urn:{graph}"), triples)

    with OxigraphStore(tmp_path / "db") as store:
        store.batch_statements = store.load_statements = 10
        store.put(data("kept", "x", 3))
        store.put(data("big", "old", 30))
        store._db = _CountedLoads(store._db, fail_at=2)
        with pytest.raises(StoreError, match="disk full"):
            store.put(data("big", "new", 30))  # the first slice is in when the second fails
        store._db = store._db._db
        assert store.graph_names() == {"urn:kept"}
        assert not (store.path / PENDING_FILE).exists()
        _union_is_the_named_graphs(store)


def test_a_failed_bulk_write_leaves_nothing_and_the_ingest_goes_on_one_document_at_a_time(
    corpus: Path, uninterrupted: set[Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bulk load writes half of the batch, then fails: the recovery removes that half."""
    failures: list[int] = []

    def half_then_fail(self: OxigraphStore, graphs: list[Any]) -> None:
        self._intend([str(d.iri) for d in graphs])
        _write_half(self, graphs)
        failures.append(len(graphs))
        try:
            raise OSError("disk full")
        except OSError as exc:
            self._recover()
            raise StoreError("cannot write a batch: disk full", path=self.path) from exc

    monkeypatch.setattr(OxigraphStore, "_bulk", half_then_fail)
    path = tmp_path / "db"
    with kg.SummitGraph(f"oxigraph:{path}") as graph:
        summary = graph.ingest([corpus])
    assert failures and summary.written == ARTICLES
    assert not (path / PENDING_FILE).exists()
    with OxigraphStore(path, read_only=True) as store:
        assert set(store.quads()) == uninterrupted
        _union_is_the_named_graphs(store)


def _write_half(store: OxigraphStore, graphs: list[Any]) -> None:
    """Half the lines of a batch's N-Quads (a quad may lack its union copy), in one load."""
    lines = [
        line
        for data in graphs
        for statement in data.text_statements()
        for line in (f"{statement} <{data.iri}> .\n", f"{statement} .\n")
    ]
    store._store.load("".join(lines[: len(lines) // 2 + 1]).encode(), format=ox.RdfFormat.N_QUADS)
    store._store.flush()


_HALF_AND_KILL = """
import os, signal, sys
sys.path.insert(0, sys.argv[4])
import kg
from kg.stores import oxigraph
from tests.stores.test_batches import _write_half

bulk, calls = oxigraph.OxigraphStore._bulk, []

def killed_half_way(self, graphs):
    calls.append(1)
    if len(calls) < int(sys.argv[3]):
        return bulk(self, graphs)
    self._intend([str(d.iri) for d in graphs])
    _write_half(self, graphs)
    os.kill(os.getpid(), signal.SIGKILL)

oxigraph.OxigraphStore._bulk = killed_half_way
kg.SummitGraph(sys.argv[1]).ingest([sys.argv[2]])
"""


@pytest.mark.parametrize("batch", [1, 3])
def test_a_writer_killed_half_way_through_a_batch_leaves_whole_documents_after_reopening(
    batch: int, corpus: Path, uninterrupted: set[Any], tmp_path: Path
) -> None:
    expected = {d.iri: d.triples for d in kg.load(corpus).documents()}
    path = tmp_path / "db"
    root = str(Path(__file__).resolve().parents[2])
    child = subprocess.run(
        [sys.executable, "-c", _HALF_AND_KILL, f"oxigraph:{path}", str(corpus), str(batch), root],
        capture_output=True,
        text=True,
        check=False,
    )
    assert child.returncode == -signal.SIGKILL, child.stderr
    tally("SIGKILL trials during ingest")
    listed = set((path / PENDING_FILE).read_text(encoding="utf-8").split())
    assert listed
    # read-only: the batch's graphs are left out of every listing, and queries are refused
    with OxigraphStore(path, read_only=True) as store:
        assert (path / PENDING_FILE).exists()  # a reader does not recover
        names = store.graph_names()
        assert not names & listed
        assert {d.iri for d in store.documents()} == names
        assert not any(store.contains(iri) for iri in listed)
        assert {str(g) for *_, g in store.quads()} == names
        for document in store.documents():
            assert document.triples == expected[document.iri]
        with pytest.raises(StoreError, match="stopped in the middle of a batch"), store.reading():
            pass
    code, _, err = run("query", "topics", "--store", f"oxigraph:{path}")
    assert code != 0 and "run the build again" in err
    code, out, _ = run("documents", "--store", f"oxigraph:{path}")
    assert code == 0 and len(out.splitlines()) == 1 + len(names)  # a header, then one a line
    # writable: the recovery removes the batch; every document left is whole
    assert _whole(path, expected) == len(names)
    # running the ingest again converges to the quads of an uninterrupted one
    with kg.SummitGraph(f"oxigraph:{path}") as graph:
        graph.ingest([corpus])
    with OxigraphStore(path, read_only=True) as store:
        assert set(store.quads()) == uninterrupted
        _union_is_the_named_graphs(store)


_INGEST = "import sys, kg; kg.SummitGraph(sys.argv[1]).ingest([sys.argv[2]])"
KILL_TRIALS = 6


def test_sigkill_inside_real_bulk_loads_leaves_whole_documents_and_a_rerun_converges(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Kill the writer while its intent record is there: a real bulk load is running."""
    import random

    folder = tmp_path / "articles"
    write_articles(folder, 400)
    reference = kg.load(folder)
    expected = {d.iri: d.triples for d in reference.documents()}
    path = tmp_path / "db"
    record = path / PENDING_FILE
    rng = random.Random(20261127)
    inside = 0
    for _ in range(KILL_TRIALS):
        worker = subprocess.Popen([sys.executable, "-c", _INGEST, f"oxigraph:{path}", str(folder)])
        time.sleep(rng.uniform(0.0, 1.0))
        while worker.poll() is None and not record.exists():
            time.sleep(0.001)
        worker.send_signal(signal.SIGKILL)
        if worker.wait() == 0:  # it finished first: start the next trial from an empty store
            shutil.rmtree(path)
            continue
        tally("SIGKILL trials during ingest")
        if record.exists():
            inside += 1
            tally("SIGKILL trials inside a bulk batch")
            with OxigraphStore(path, read_only=True) as store:
                for document in store.documents():
                    assert document.triples == expected[document.iri]
        _whole(path, expected)
    assert inside >= 1  # the record is there for the whole of a bulk load (tens of ms)
    code, _, _ = run("build", str(folder), "--store", f"oxigraph:{path}", "--quiet")
    assert code == 0
    assert _whole(path, expected) == len(expected)
    with kg.SummitGraph(f"oxigraph:{path}", read_only=True) as graph:
        assert len(graph) == len(reference)


def test_opening_for_writing_undoes_a_recorded_batch_and_keeps_shared_triples(
    corpus: Path, tmp_path: Path
) -> None:
    path = tmp_path / "db"
    with kg.SummitGraph(f"oxigraph:{path}") as graph:
        graph.ingest([corpus])
    with OxigraphStore(path, read_only=True) as store:
        documents = store.documents()
        before = store.triple_count()
    gone, kept = documents[:3], documents[3:]
    (path / PENDING_FILE).write_text(
        "".join(f"{d.iri}\n" for d in gone) + "https://example.org/never-written\n",
        encoding="utf-8",
    )
    stray = path / "bulk-123.sst"
    stray.write_bytes(b"a sorted file a cut-off bulk load left")
    with OxigraphStore(path, read_only=True) as store:
        assert [d.iri for d in store.documents()] == [d.iri for d in kept]
        hidden = store.triple_count()
        assert hidden < before
        assert set(store.graph_hashes()) == {d.iri for d in kept}
        assert len(store.data()) == hidden
    assert stray.exists() and (path / PENDING_FILE).exists()
    with OxigraphStore(path) as store:
        assert not stray.exists() and not (path / PENDING_FILE).exists()
        assert store.documents() == kept
        assert store.triple_count() == hidden  # shared triples stay, the others went
        _union_is_the_named_graphs(store)
        assert all(not store._store.contains_named_graph(ox.NamedNode(d.iri)) for d in gone)


_SHARD_AND_KILL = """
import os, signal, sys
sys.path.insert(0, sys.argv[4])
from pathlib import Path
from kg.stores import oxigraph

real = oxigraph.shard_quads

def dying(shard, documents):
    for count, quad in enumerate(real(shard, documents)):
        if count == int(sys.argv[3]):
            os.kill(os.getpid(), signal.SIGKILL)
        yield quad

oxigraph.shard_quads = dying
with oxigraph.OxigraphStore(Path(sys.argv[1])) as store:
    store.load_shard(Path(sys.argv[2]), [line for line in sys.stdin.read().split() if line])
"""


@pytest.mark.parametrize("after", [0, 500, 1500])
def test_sigkill_inside_a_shards_bulk_load_leaves_whole_documents_and_a_rerun_converges(
    after: int, tmp_path: Path
) -> None:
    """A Dask build's load step killed while pyoxigraph's bulk_extend takes a shard."""
    from kg.ingest.shards import write_shard

    paths = write_articles(tmp_path / "articles", 20)
    shard = write_shard([str(p) for p in paths], str(tmp_path / "shards"), 0)
    reference = tmp_path / "reference"
    with OxigraphStore(reference) as store:
        store.load_shard(shard.path, shard.iris)
        expected = {d.iri: d.triples for d in store.documents()}
        uninterrupted = set(store.quads())
    path = tmp_path / "db"
    root = str(Path(__file__).resolve().parents[2])
    child = subprocess.run(
        [sys.executable, "-c", _SHARD_AND_KILL, str(path), str(shard.path), str(after), root],
        input="\n".join(shard.iris),
        capture_output=True,
        text=True,
        check=False,
    )
    assert child.returncode == -signal.SIGKILL, child.stderr
    tally("SIGKILL trials during ingest")
    assert set((path / PENDING_FILE).read_text(encoding="utf-8").split()) == set(shard.iris)
    with OxigraphStore(path, read_only=True) as store:
        assert store.graph_names() == set()  # the shard's documents are hidden, none listed
    assert _whole(path, expected) == 0  # the writer's recovery removes what was written
    with OxigraphStore(path) as store:
        store.load_shard(shard.path, shard.iris)
    with OxigraphStore(path, read_only=True) as store:
        assert set(store.quads()) == uninterrupted
        _union_is_the_named_graphs(store)
