"""Reading on a Dask cluster into N-Quads shards, bulk-loaded by the store.

One ``LocalCluster`` of two worker processes builds a generated corpus (with a
bad file among it) into Oxigraph; the result must be the local build's
documents and quads, the shard folder must hold a manifest that names every
document with its hash and triple count, and a second run must skip every file.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

import kg
from kg.errors import LoaderError, StoreError, UsageError
from kg.ingest import IngestSummary, KnownGraphs, ingest
from kg.ingest.cluster import partitions
from kg.ingest.shards import MANIFEST, read_manifest, write_shard
from kg.stores import open_store
from kg.stores.base import DocumentInfo, read_shard
from tests.support.articles import write_articles
from tests.support.paths import ROOT


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    write_articles(folder, 40)
    (folder / "harbour-summit.md").write_bytes(
        (ROOT / "tests" / "fixtures" / "harbour-summit.md").read_bytes()
    )
    (folder / "zz-bad.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    return folder


def _documents_and_graphs(store_spec: str) -> tuple[list[DocumentInfo], dict[str, Graph]]:
    """A store's documents and each of its data graphs."""
    with open_store(store_spec, read_only=True) as store:
        graphs: dict[str, Graph] = {}
        for s, p, o, g in store.quads():
            graphs.setdefault(str(g), Graph()).add((s, p, o))
        return store.documents(), graphs


@pytest.fixture(scope="module")
def built(
    corpus: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Path, Path, Path, IngestSummary]]:
    """The corpus built locally and on a two-worker LocalCluster, with its shard folder."""
    base = tmp_path_factory.mktemp("built")
    local, dask, shards = base / "local.oxigraph", base / "dask.oxigraph", base / "shards"
    with open_store(f"oxigraph:{local}") as store:
        ingest(store, [corpus], jobs=2)
    with open_store(f"oxigraph:{dask}") as store:
        summary = ingest(store, [corpus], jobs=2, executor="dask", shards=shards)
    yield local, dask, shards, summary


def test_a_dask_build_gives_the_local_builds_documents_and_quads(
    built: tuple[Path, Path, Path, IngestSummary],
) -> None:
    local, dask, _, summary = built
    assert (summary.written, summary.skipped, summary.failed) == (41, 0, 1)
    assert "zz-bad.csv" in summary.errors[0]
    local_docs, local_graphs = _documents_and_graphs(f"oxigraph:{local}")
    dask_docs, dask_graphs = _documents_and_graphs(f"oxigraph:{dask}")
    assert dask_docs == local_docs
    assert dask_graphs.keys() == local_graphs.keys()
    for name, graph in local_graphs.items():
        assert isomorphic(graph, dask_graphs[name]), name
    with (
        open_store(f"oxigraph:{local}", read_only=True) as a,
        open_store(f"oxigraph:{dask}", read_only=True) as b,
    ):
        assert a.triple_count() == b.triple_count()


def test_the_shard_folder_has_a_manifest_of_every_document(
    built: tuple[Path, Path, Path, IngestSummary],
) -> None:
    _, dask, shards, _ = built
    listed = [document for _, documents in read_manifest(shards) for document in documents]
    with open_store(f"oxigraph:{dask}", read_only=True) as store:
        stored = {info.iri: info for info in store.documents()}
    assert sorted(d.iri for d in listed) == sorted(stored)
    for document in listed:
        assert document.hash == stored[document.iri].hash
        assert document.triples == stored[document.iri].triples
        assert document.source == stored[document.iri].file
    for shard, documents in read_manifest(shards):
        lines = shard.read_text(encoding="utf-8").splitlines()
        assert len(lines) == sum(d.triples for d in documents)
    pieces = sorted(shards.glob("part-*.json"))
    failed = [f for piece in pieces for f in json.loads(piece.read_text())["failed"]]
    assert [Path(f["source"]).name for f in failed] == ["zz-bad.csv"]


def test_a_second_dask_build_skips_every_file(
    corpus: Path, built: tuple[Path, Path, Path, IngestSummary], tmp_path: Path
) -> None:
    _, dask, _, _ = built
    with open_store(f"oxigraph:{dask}") as store:
        summary = ingest(store, [corpus], jobs=1, executor="dask")
    assert (summary.written, summary.skipped, summary.failed) == (0, 41, 1)


def test_strict_on_dask_writes_nothing_when_a_file_is_bad(corpus: Path, tmp_path: Path) -> None:
    with open_store(f"oxigraph:{tmp_path / 'store'}") as store:
        with pytest.raises(LoaderError, match=r"zz-bad\.csv"):
            ingest(store, [corpus], strict=True, jobs=1, executor="dask")
        assert store.graph_names() == set()


def test_the_same_through_summit_graph_ingest(tmp_path: Path) -> None:
    write_articles(tmp_path / "in", 3)
    with kg.SummitGraph(f"oxigraph:{tmp_path / 'store'}") as graph:
        summary = graph.ingest([tmp_path / "in"], jobs=1, executor="dask")
        assert summary.written == 3
        assert len(graph.documents()) == 3


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"executor": "threads"}, "unknown executor 'threads'"),
        ({"scheduler": "tcp://127.0.0.1:1"}, "needs the dask executor"),
        ({"executor": "dask", "scheduler": "tcp://127.0.0.1:1"}, "give a shard folder"),
    ],
)
def test_wrong_executor_settings_are_usage_errors(arguments: dict[str, str], message: str) -> None:
    with pytest.raises(UsageError, match=message):
        ingest(open_store("memory"), [], **arguments)  # type: ignore[arg-type]


def test_without_dask_the_executor_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    write_articles(tmp_path, 1)
    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(UsageError, match=r"pip install 'summit-kg\[dask\]'"):
        ingest(open_store("memory"), [tmp_path], executor="dask")


def test_partitions_keep_every_file_once_in_order() -> None:
    files = [Path(f"/a/{i}.md") for i in range(1001)]
    parts = partitions(files, 2)
    assert [name for part in parts for name in part] == [str(f) for f in files]
    assert max(len(part) for part in parts) <= 256
    assert partitions([], 4) == []


def test_a_shard_is_written_whole_and_read_back_per_document(tmp_path: Path) -> None:
    paths = write_articles(tmp_path / "in", 3)
    shard = write_shard([str(p) for p in paths], str(tmp_path / "out"), 7)
    assert shard.path.name == "part-00007.nq"
    assert not list((tmp_path / "out").glob(".*"))  # no temporary file left
    graphs = read_shard(shard.path, shard.iris)
    assert [str(g.iri) for g in graphs] == list(shard.iris)
    assert [g.count for g in graphs] == [d.triples for d in shard.documents]


def test_a_shard_reads_again_what_an_older_reader_made(tmp_path: Path) -> None:
    paths = write_articles(tmp_path / "in", 3)
    first = write_shard([str(p) for p in paths], str(tmp_path / "one"), 0)
    iris = [document.iri for document in first.documents]
    known = KnownGraphs(current=frozenset(iris[:1]), stale=frozenset(iris[1:2]))
    shard = write_shard([str(p) for p in paths], str(tmp_path / "two"), 0, known)
    assert [(r.unchanged, r.reread) for r in shard.reports] == [
        (True, False),
        (False, True),
        (False, False),
    ]
    assert [document.iri for document in shard.documents] == iris[1:]


def test_a_shard_with_a_graph_outside_its_documents_is_refused_whole(tmp_path: Path) -> None:
    paths = write_articles(tmp_path / "in", 3)
    shard = write_shard([str(p) for p in paths], str(tmp_path / "out"), 0)
    with shard.path.open("a", encoding="utf-8") as out:
        out.write('<urn:x> <urn:p> "spoof" <https://w3id.org/summit-kg/id/doc/0000> .\n')
    with open_store(f"oxigraph:{tmp_path / 'store'}") as store:
        with pytest.raises(StoreError, match="outside the shard's documents"):
            store.load_shard(shard.path, shard.iris)
        assert store.graph_names() == set()
        assert not (tmp_path / "store" / "summit-kg.pending").exists()


def test_a_broken_shard_leaves_none_of_its_documents(tmp_path: Path) -> None:
    paths = write_articles(tmp_path / "in", 4)
    shard = write_shard([str(p) for p in paths], str(tmp_path / "out"), 0)
    with shard.path.open("a", encoding="utf-8") as out:
        out.write("<urn:x> <urn:p> unquoted .\n")
    with open_store(f"oxigraph:{tmp_path / 'store'}") as store:
        with pytest.raises(StoreError, match="cannot read the shard"):
            store.load_shard(shard.path, shard.iris)
        assert store.graph_names() == set()
        assert store.triple_count() == 0


def test_a_shard_replacing_a_document_goes_through_put(tmp_path: Path) -> None:
    paths = write_articles(tmp_path / "in", 2)
    shard = write_shard([str(p) for p in paths], str(tmp_path / "out"), 0)
    with open_store(f"oxigraph:{tmp_path / 'store'}") as store:
        store.load_shard(shard.path, shard.iris)
        before = store.triple_count()
        store.load_shard(shard.path, shard.iris)  # the same documents again
        assert store.triple_count() == before
        assert store.graph_names() == set(shard.iris)


def test_the_memory_store_takes_shards_by_parsing_them(tmp_path: Path) -> None:
    paths = write_articles(tmp_path / "in", 2)
    shard = write_shard([str(p) for p in paths], str(tmp_path / "out"), 0)
    store = open_store("memory")
    store.load_shard(shard.path, shard.iris)
    assert store.graph_names() == set(shard.iris)
    assert MANIFEST == "manifest.json"
