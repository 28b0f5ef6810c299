"""The SPARQL store against a real server: Virtuoso, from Debian's packages, on loopback.

The server is the one ``SUMMIT_KG_VIRTUOSO_URL`` names (``.ci/run`` starts it
with ``.ci/virtuoso``), or, where ``virtuoso-t`` is installed, a private
instance this module starts on free ports and stops afterwards. Where
neither is possible the tests skip and say why — except when
``SUMMIT_KG_REQUIRE_VIRTUOSO=1`` (set by CI), where that is a failure.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.compare import isomorphic

import kg
import kg.resources
from kg.errors import StoreError
from kg.ingest import ingest
from kg.ingest.shards import read_manifest
from kg.stores import GraphData
from kg.stores.bulk import BulkLoader, GraphStoreLoader, VirtuosoBulkLoader
from kg.stores.sparql import SparqlStore
from tests.support.answers import assert_same_answer, catalogue_runs
from tests.support.articles import write_articles
from tests.support.paths import ROOT

FIXTURES = ROOT / "tests" / "fixtures"
EX = "https://example.org/"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def _unavailable(reason: str) -> None:
    if os.environ.get("SUMMIT_KG_REQUIRE_VIRTUOSO") == "1":
        pytest.fail(f"Virtuoso is required here (SUMMIT_KG_REQUIRE_VIRTUOSO=1): {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def virtuoso(virtuoso_server: tuple[str, Path | None]) -> str:
    """The endpoint URL of a running Virtuoso with SPARQL updates allowed."""
    return virtuoso_server[0]


@pytest.fixture(scope="module")
def virtuoso_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path | None]]:
    """The endpoint URL of a running Virtuoso, and its folder (with ``virtuoso.ini``) when
    known: the one this module started, or ``SUMMIT_KG_VIRTUOSO_DIR``."""
    url = os.environ.get("SUMMIT_KG_VIRTUOSO_URL")
    if url:
        home = os.environ.get("SUMMIT_KG_VIRTUOSO_DIR")
        yield url, Path(home) if home else None
        return
    if shutil.which("virtuoso-t") is None or shutil.which("isql-vt") is None:
        _unavailable(
            "Virtuoso is not installed: run '.ci/virtuoso' as root (installs Debian's "
            "virtuoso-opensource and starts it), or set SUMMIT_KG_VIRTUOSO_URL"
        )
    folder = tmp_path_factory.mktemp("virtuoso")
    env = {
        **os.environ,
        "VIRTUOSO_ISQL_PORT": str(_free_port()),
        "VIRTUOSO_HTTP_PORT": str(_free_port()),
    }
    started = subprocess.run(
        ["bash", str(ROOT / ".ci" / "virtuoso"), "start", str(folder)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if started.returncode != 0:
        _unavailable(f"Virtuoso did not start: {started.stderr.strip()[-300:]}")
    try:
        yield started.stdout.strip().splitlines()[-1], folder
    finally:
        subprocess.run(
            ["bash", str(ROOT / ".ci" / "virtuoso"), "stop", str(folder)],
            env=env,
            capture_output=True,
            check=False,
        )


def _emptied(url: str) -> SparqlStore:
    """A SPARQL store on the server with none of summit-kg's graphs left from before."""
    store = SparqlStore(url)
    for name in store.graph_names():
        store.remove(name)
    return store


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("articles")
    write_articles(folder, 30)
    return [*kg.resources.default_sources(), FIXTURES / "harbour-summit.md", folder]


@pytest.fixture(scope="module")
def loaded(virtuoso: str, corpus: list[Path]) -> Iterator[tuple[kg.SummitGraph, kg.SummitGraph]]:
    """The embedded default and a generated corpus, in memory and in Virtuoso."""
    _emptied(virtuoso)
    with kg.SummitGraph(f"sparql:{virtuoso}") as remote:
        summary = remote.ingest(corpus, strict=True)
        assert summary.written == 32
    yield kg.load(*corpus), kg.SummitGraph(f"sparql:{virtuoso}", read_only=True)


def test_virtuoso_holds_the_same_documents_and_triples(
    loaded: tuple[kg.SummitGraph, kg.SummitGraph],
) -> None:
    memory, remote = loaded
    assert remote.documents() == memory.documents()
    assert len(remote) == len(memory)
    assert isomorphic(remote.data(), memory.data())


@pytest.mark.parametrize(("name", "params"), list(catalogue_runs()))
def test_every_catalogue_query_gives_the_in_memory_answer_on_virtuoso(
    loaded: tuple[kg.SummitGraph, kg.SummitGraph], name: str, params: dict[str, str]
) -> None:
    memory, remote = loaded
    assert_same_answer(memory, remote, name, params)


def test_disagreements_where_some_likelihoods_are_not_ranked_on_virtuoso(virtuoso: str) -> None:
    """Unranked outcomes: Virtuoso fails a string function given an unbound value outright."""
    _emptied(virtuoso)
    fixture = FIXTURES / "edge" / "mixed-likelihoods.ttl"
    with kg.SummitGraph(f"sparql:{virtuoso}") as remote:
        remote.ingest([fixture], strict=True)
    remote = kg.SummitGraph(f"sparql:{virtuoso}", read_only=True)
    assert_same_answer(kg.load(fixture), remote, "disagreements", {})


LABELS = [
    "Путин и Трамп встретятся на Аляске",
    "قمة ألاسكا بين الرئيسين",
    "handshake 🤝 and flags 🇺🇸🇷🇺 😀",
    "e\u0301 and a\u0308 combining",
    'he said "yes"',
    "a back\\slash and \\u0022 (not an escape)",
    "two\nlines\tand a tab\rand a CR",
]


def test_labels_come_back_byte_identical(virtuoso: str) -> None:
    store = _emptied(virtuoso)
    triples = [
        (URIRef(f"{EX}label/{i}"), URIRef(EX + "label"), Literal(text))
        for i, text in enumerate(LABELS)
    ]
    store.put(GraphData.of(URIRef(EX + "labels"), triples))
    with store.reading() as endpoint:
        rows = kg.sparql.runner.run_query(endpoint, f"SELECT ?o {{ ?s <{EX}label> ?o }}")
    got = [str(row["o"]) for row in rows]
    assert sorted(got) == sorted(LABELS)
    assert {text.encode("utf-8") for text in got} == {text.encode("utf-8") for text in LABELS}
    store.remove(EX + "labels")


class _CuttingProxy:
    """Forwards one HTTP request to the server but only the first half of its body."""

    def __init__(self, target: str) -> None:
        host, port = target.split("//", 1)[1].split("/", 1)[0].split(":")
        self.target = (host, int(port))
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        with self.listener:
            client, _ = self.listener.accept()
        with client:
            data = b""
            while b"\r\n\r\n" not in data:
                data += client.recv(65536)
            head, body = data.split(b"\r\n\r\n", 1)
            length = next(
                int(line.split(b":", 1)[1])
                for line in head.split(b"\r\n")
                if line.lower().startswith(b"content-length:")
            )
            while len(body) < length:
                body += client.recv(65536)
            with socket.create_connection(self.target) as server:
                server.sendall(head + b"\r\n\r\n" + body[: length // 2])
            # both connections close: the server never gets the rest, the client no answer


def test_an_upload_cut_half_way_leaves_the_document_absent(virtuoso: str) -> None:
    store = _emptied(virtuoso)
    kept = (URIRef(EX + "kept"), URIRef(EX + "p"), Literal("kept"))
    store.put(GraphData.of(URIRef(EX + "kept"), [kept]))
    proxy = _CuttingProxy(virtuoso)
    cut = SparqlStore(f"http://127.0.0.1:{proxy.port}/sparql", read_only=True)
    cut.read_only = False  # writes only through the proxy: no ontology install request
    many = [(URIRef(f"{EX}s/{i}"), URIRef(EX + "p"), Literal(f"value {i}")) for i in range(800)]
    with pytest.raises(StoreError):
        cut.put(GraphData.of(URIRef(EX + "half"), many))
    proxy.thread.join(10)
    assert store.graph_names() == {EX + "kept"}
    with store.reading() as endpoint:
        rows = kg.sparql.runner.run_query(endpoint, f"SELECT ?s {{ ?s <{EX}p> ?o }}")
    assert [str(row["s"]) for row in rows] == [EX + "kept"]
    store.remove(EX + "kept")


@pytest.fixture(scope="module")
def bulk_loading(virtuoso_server: tuple[str, Path | None]) -> tuple[str, str, Path]:
    """The endpoint, its isql address (from ``virtuoso.ini``) and a folder the server may
    read shards from (inside its own folder, which its ``DirsAllowed`` lists)."""
    url, home = virtuoso_server
    if home is None:
        _unavailable("the Virtuoso folder is unknown: set SUMMIT_KG_VIRTUOSO_DIR beside its URL")
        raise AssertionError  # not reached
    ini = (home / "virtuoso.ini").read_text(encoding="utf-8")
    # the first ServerPort is [Parameters]' SQL port; [HTTPServer] has the other
    address = re.findall(r"^ServerPort\s*=\s*(\S+)$", ini, flags=re.MULTILINE)[0]
    shards = home / "shards"
    shards.mkdir(exist_ok=True)
    return url, address, shards


@pytest.mark.parametrize("way", ["ld_dir", "graph-store-protocol"])
def test_a_dask_build_bulk_loads_the_same_documents_into_virtuoso(
    bulk_loading: tuple[str, str, Path], corpus: list[Path], way: str, tmp_path: Path
) -> None:
    url, address, shards = bulk_loading
    _emptied(url)
    password = os.environ.get("VIRTUOSO_DBA_PASSWORD", "dba")
    endpoint = SparqlStore(url).endpoint
    loader: BulkLoader = (
        VirtuosoBulkLoader(address, "dba", password)
        if way == "ld_dir"
        else GraphStoreLoader(url + "-graph-crud", endpoint)
    )
    folder = shards / way
    shutil.rmtree(folder, ignore_errors=True)
    store = SparqlStore(url, bulk_loader=loader)
    summary = ingest(store, corpus, jobs=2, executor="dask", shards=folder)
    assert (summary.written, summary.failed) == (32, 0)
    memory = kg.load(*corpus)
    remote = kg.SummitGraph(f"sparql:{url}", read_only=True)
    assert remote.documents() == memory.documents()
    assert len(remote) == len(memory)
    assert isomorphic(remote.data(), memory.data())
    listed = sorted(d.iri for _, documents in read_manifest(folder) for d in documents)
    assert listed == sorted(store.graph_names())
    _emptied(url)
