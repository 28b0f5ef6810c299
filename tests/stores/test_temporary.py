"""A large first load without a store goes into a temporary Oxigraph store.

The memory store keeps every triple as rdflib objects, hundreds of bytes per byte of
a table; ``kg.load`` and ``SummitGraph().load`` read an input of
``MEMORY_INPUT_BYTES`` or more into an Oxigraph store in a temporary folder instead,
and closing the graph removes it. The threshold is lowered here so small files test it.
"""

from __future__ import annotations

import gc
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

import kg
import kg.ingest
from kg.errors import LoaderError, StoreError
from kg.stores.memory import MemoryStore
from kg.stores.oxigraph import OxigraphStore
from tests.support.documents import document_graphs
from tests.support.tables import MAKERS


@pytest.fixture
def scratch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Temporary folders go here (to see them come and go), and 1 byte is a large input."""
    folder = tmp_path / "scratch"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    monkeypatch.setattr(kg.ingest, "MEMORY_INPUT_BYTES", 1)
    yield folder


@pytest.fixture
def table(tmp_path: Path) -> Path:
    path = tmp_path / "table.csv"
    path.write_text(MAKERS[".csv"](30), encoding="utf-8")
    return path


def graphs_of(graph: kg.SummitGraph) -> dict[str, object]:
    """Every document graph, comparable across stores."""
    return document_graphs(graph.serialize(format="nquads", ontology=False))


def test_a_large_load_goes_into_a_temporary_store_that_close_removes(
    scratch: Path, table: Path
) -> None:
    with kg.load(table, store="memory") as kept:
        assert isinstance(kept.store, MemoryStore) and kept.spilled == 0
        expected = graphs_of(kept)
    graph = kg.load(table)
    assert isinstance(graph.store, OxigraphStore)
    assert graph.store.spec == "oxigraph:temporary"
    assert graph.spilled == table.stat().st_size
    assert [folder.name[:10] for folder in scratch.iterdir()] == ["summit-kg-"]
    assert graphs_of(graph) == expected
    assert len(graph.query("topics")) == 30  # questions, views and analytics read it as any store
    assert graph.to_networkx().number_of_nodes() > 30
    with pytest.raises(StoreError, match="temporary Oxigraph store, not an rdflib Dataset"):
        graph.dataset  # noqa: B018
    graph.close()
    assert list(scratch.iterdir()) == []


def test_a_temporary_store_never_closed_is_removed_when_collected(
    scratch: Path, table: Path
) -> None:
    graph = kg.load(table)
    assert graph.spilled and list(scratch.iterdir())
    del graph
    gc.collect()
    assert list(scratch.iterdir()) == []


def test_only_a_first_load_into_an_empty_graph_moves_it(scratch: Path, table: Path) -> None:
    with kg.SummitGraph() as graph:
        graph.load()  # the embedded default: no file, no size
        assert isinstance(graph.store, MemoryStore)
        graph.load(table)  # a second load stays where the first put the graph
        assert isinstance(graph.store, MemoryStore) and graph.spilled == 0
    with kg.SummitGraph(store=MemoryStore()) as graph:  # a store given is kept
        graph.load(table)
        assert isinstance(graph.store, MemoryStore)
    assert list(scratch.iterdir()) == []


def test_a_bad_large_load_leaves_an_empty_graph_and_no_folder_after_close(
    scratch: Path, table: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("<urn:a> <urn:b> .\n", encoding="utf-8")
    graph = kg.SummitGraph()
    with pytest.raises(LoaderError, match=r"bad\.ttl"):
        graph.load(table, bad)
    assert len(graph) == 0 and graph.documents() == []
    graph.close()
    assert list(scratch.iterdir()) == []
