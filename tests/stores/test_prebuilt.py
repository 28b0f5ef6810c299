"""The prebuilt embedded default: not stale, same answers, and the query path stays light."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest
from rdflib.compare import isomorphic

import kg
from kg.cli import main
from kg.errors import QueryRejected
from kg.rdf.mapping import READER_VERSION
from kg.sparql.catalogue import bundled_verdict, catalogue
from kg.sparql.results import format_result
from kg.stores.memory import MemoryStore
from kg.stores.prebuilt import (
    CATALOGUE_FILE,
    QUADS_FILE,
    PrebuiltStore,
    _read_fresh,
    catalogue_text,
    embedded_default,
    prebuilt_dir,
    quads_text,
    source_line,
)
from tests.support.paths import ROOT

REGENERATE = "stale: run 'python -m kg.stores.prebuilt' and commit data/prebuilt/"


def _runs() -> list[tuple[str, dict[str, str]]]:
    runs = []
    for name, query in catalogue().items():
        runs.append((name, {}))
        example = {p.name: p.example for p in query.params if p.example}
        if example:
            runs.append((name, example))
    return runs


@pytest.fixture(scope="module")
def prebuilt() -> PrebuiltStore:
    store = embedded_default()
    assert isinstance(store, PrebuiltStore), REGENERATE
    return store


@pytest.fixture(scope="module")
def fresh() -> kg.SummitGraph:
    return kg.load()


def test_quads_are_a_fresh_read_of_the_embedded_articles(prebuilt: PrebuiltStore) -> None:
    graphs = _read_fresh()
    shipped = (prebuilt_dir() / QUADS_FILE).read_text(encoding="utf-8")
    assert shipped == quads_text(graphs), REGENERATE
    # the same triples in the same order once read back (the order rdflib's answers follow)
    back = list(prebuilt.graphs())
    assert [g.iri for g in back] == [g.iri for g in graphs]
    for old, new in zip(graphs, back, strict=True):
        assert [tuple(t.n3() for t in triple) for triple in old.term_triples()] == [
            tuple(t.n3() for t in triple) for triple in new.term_triples()
        ]


def test_the_dataset_equals_a_fresh_load(prebuilt: PrebuiltStore, fresh: kg.SummitGraph) -> None:
    assert prebuilt.documents() == fresh.store.documents()
    assert list(prebuilt.quads()) == list(fresh.store.quads())  # same triples, same order
    assert isomorphic(prebuilt.ontology(), fresh.store.ontology())
    import pyoxigraph as ox

    from kg.sparql.engines import from_oxigraph

    data = {g.iri for g in prebuilt.documents()}
    named = {
        tuple(from_oxigraph(t) for t in (q.subject, q.predicate, q.object, q.graph_name))
        for g in data
        for q in prebuilt.oxigraph.quads_for_pattern(None, None, None, ox.NamedNode(g))
    }
    assert named == set(fresh.store.quads())
    union = {
        tuple(from_oxigraph(t) for t in (q.subject, q.predicate, q.object))
        for q in prebuilt.oxigraph.quads_for_pattern(None, None, None, ox.DefaultGraph())
    }
    assert {(s, p, o) for s, p, o, _ in named} <= union
    assert len(union) == len({(s, p, o) for s, p, o, _ in named} | set(fresh.store.ontology()))


def test_catalogue_verdicts_are_current(prebuilt: PrebuiltStore) -> None:
    shipped = (prebuilt_dir() / CATALOGUE_FILE).read_text(encoding="utf-8")
    assert shipped == catalogue_text(prebuilt), REGENERATE
    names = {entry["name"] for entry in json.loads(shipped).values()}
    assert names == set(catalogue())


def test_every_catalogue_query_runs_on_oxigraph() -> None:
    """Each catalogue answer is fixed whatever the engine (total orders, sorted lists, a
    graph's triples in one order), so the default answers every one without rdflib's
    SPARQL engine."""
    shipped = json.loads((prebuilt_dir() / CATALOGUE_FILE).read_text(encoding="utf-8"))
    assert [entry["name"] for entry in shipped.values() if not entry["oxigraph"]] == []


@pytest.mark.parametrize(("name", "params"), _runs(), ids=lambda v: str(v))
def test_same_answers_as_a_fresh_load(
    name: str, params: dict[str, str], fresh: kg.SummitGraph
) -> None:
    graph = kg.SummitGraph(store=embedded_default())
    mine, theirs = graph.query(name, **params), fresh.query(name, **params)
    assert (mine.type, mine.vars, mine.rows, mine.boolean) == (
        theirs.type,
        theirs.vars,
        theirs.rows,
        theirs.boolean,
    )
    if theirs.graph is not None:
        assert mine.graph is not None and isomorphic(mine.graph, theirs.graph)
        # the same text, too: the runner adds a graph's triples in one order on every engine
        assert format_result(mine, "turtle") == format_result(theirs, "turtle")


def test_user_text_is_gated_on_either_engine(prebuilt: PrebuiltStore) -> None:
    text = catalogue()["on-agenda"].text
    assert bundled_verdict(text) is not None
    assert bundled_verdict(text + " ") is None  # any other text has no verdict
    service = "SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"
    with pytest.raises(QueryRejected):
        kg.SummitGraph(store=prebuilt).query(service)
    err = io.StringIO()
    assert main(["query", service], out=io.StringIO(), err=err) == 2
    assert "SERVICE is not allowed" in err.getvalue()


def test_stale_file_falls_back_to_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("kg.stores.prebuilt.source_line", lambda: "# sources: other")
    store = embedded_default()
    assert type(store) is MemoryStore and store.triple_count() == len(kg.load())


def test_source_line_names_the_articles() -> None:
    first = (prebuilt_dir() / QUADS_FILE).read_text(encoding="utf-8").split("\n", 1)[0]
    assert first == source_line(), REGENERATE
    assert first.endswith(f"; reader {READER_VERSION}")


def test_the_prebuilt_documents_carry_the_reader_version(prebuilt: PrebuiltStore) -> None:
    stamps = prebuilt.graph_stamps()
    assert stamps and {stamp.reader for stamp in stamps.values()} == {READER_VERSION}


def test_a_newer_reader_reads_the_articles_instead(monkeypatch: pytest.MonkeyPatch) -> None:
    """Raising the reader version without writing the prebuilt files again makes them stale."""
    monkeypatch.setattr("kg.rdf.mapping.READER_VERSION", READER_VERSION + 1)
    store = embedded_default()
    assert type(store) is MemoryStore
    assert {stamp.reader for stamp in store.graph_stamps().values()} == {READER_VERSION + 1}


_PROBE = """
import io, sys
from kg.cli import main
code = main(["query", sys.argv[1]], out=io.StringIO(), err=io.StringIO())
heavy = ("kg.text.extract", "kg.text.gazetteer", "kg.loaders.article", "networkx", "pyvis",
         "pyshacl", "rdflib.plugins.sparql.parser")
print(code, sorted(m for m in heavy if m in sys.modules))
"""


@pytest.mark.parametrize(
    ("name", "loaded"),
    [
        ("outcomes-by-likelihood", []),  # Oxigraph: no rdflib SPARQL parser either
        ("on-agenda", []),
        ("topics", []),  # lists (GROUP_CONCAT) too: the runner sorts their parts
        ("topic-network", []),  # and CONSTRUCT: the runner orders the triples
    ],
)
def test_a_default_query_does_not_import_the_reader(name: str, loaded: list[str]) -> None:
    out = subprocess.run(
        [sys.executable, "-c", _PROBE, name], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert out.stdout.strip() == f"0 {loaded}"
