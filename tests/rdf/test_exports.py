"""RDF exports read by other tools: every catalogue query answers the same from the file.

Each export of a corpus is loaded into a fresh pyoxigraph store, as another SPARQL
engine would load it, and every catalogue query runs there. Quad exports (N-Quads,
TriG) carry the ontology in its own named graph, so the file alone is enough; triple
exports (Turtle, N-Triples, JSON-LD) hold the data only, and are loaded beside the
published ontology file. Engines read the union of the named graphs as a set.
"""

from __future__ import annotations

import json
import warnings
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

import kg
import kg.resources
from kg.cli import main
from kg.rdf.formats import RDF_FORMATS, jsonld_context
from kg.rdf.namespaces import ONTOLOGY_GRAPH, PREFIXES
from kg.resources import resource_file
from kg.sparql.runner import run_query
from tests.support.answers import catalogue_runs, result_set
from tests.support.paths import FIXTURES

QUADS = [name for name, fmt in RDF_FORMATS.items() if fmt.exports_graphs]


@pytest.fixture(scope="module")
def corpus() -> kg.SummitGraph:
    return kg.load(
        *kg.resources.default_sources(), FIXTURES / "harbour-summit.md", FIXTURES / "genre"
    )


@pytest.fixture(scope="module")
def exports(corpus: kg.SummitGraph, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("exports")
    written = {}
    for name, fmt in RDF_FORMATS.items():
        path = folder / f"summit{fmt.suffix}"
        corpus.serialize(path)
        written[name] = path
    return written


def fresh_store(path: Path, fmt: str) -> Any:
    """A new Oxigraph store loaded from ``path``; its default graph is the set union."""
    store = ox.Store()
    parsed = list(ox.parse(path=str(path), format=RDF_FORMATS[fmt].oxigraph_format()))
    if not RDF_FORMATS[fmt].exports_graphs:
        ontology = resource_file("ontology", "summit.ttl")
        parsed += list(ox.parse(path=str(ontology), format=ox.RdfFormat.TURTLE))
    quads = []
    for item in parsed:
        triple = (item.subject, item.predicate, item.object)
        quads.append(ox.Quad(*triple, ox.DefaultGraph()))
        if isinstance(item, ox.Quad) and item.graph_name != ox.DefaultGraph():
            quads.append(item)
    store.extend(quads)
    return store


@pytest.fixture(scope="module")
def stores(exports: dict[str, Path]) -> dict[str, Any]:
    return {fmt: fresh_store(path, fmt) for fmt, path in exports.items()}


EXPECTED: dict[tuple[str, tuple[tuple[str, str], ...]], Any] = {}


@pytest.mark.parametrize("fmt", list(RDF_FORMATS))
@pytest.mark.parametrize(("name", "params"), list(catalogue_runs()))
def test_every_query_answers_the_same_from_every_export(
    corpus: kg.SummitGraph, stores: dict[str, Any], fmt: str, name: str, params: dict[str, str]
) -> None:
    key = (name, tuple(sorted(params.items())))
    if key not in EXPECTED:
        EXPECTED[key] = result_set(corpus.query(name, timeout=None, **params))
    expected = EXPECTED[key]
    got = result_set(run_query(stores[fmt], name, params, timeout=None))  # in this process
    if isinstance(expected, Graph):
        assert isomorphic(expected, got)
    else:
        assert got == expected


@pytest.mark.parametrize("fmt", QUADS)
def test_quad_exports_carry_the_ontology_in_its_own_graph(
    corpus: kg.SummitGraph, exports: dict[str, Path], fmt: str
) -> None:
    quads = list(ox.parse(path=str(exports[fmt]), format=RDF_FORMATS[fmt].oxigraph_format()))
    names = {q.graph_name.value for q in quads if isinstance(q.graph_name, ox.NamedNode)}
    assert str(ONTOLOGY_GRAPH) in names
    assert names - {str(ONTOLOGY_GRAPH)} == {d.iri for d in corpus.documents()}
    ontology = [q for q in quads if q.graph_name == ox.NamedNode(str(ONTOLOGY_GRAPH))]
    assert len(ontology) == len(corpus.store.ontology())


@pytest.mark.parametrize("fmt", QUADS)
def test_without_the_ontology_only_the_documents_are_written(
    corpus: kg.SummitGraph, fmt: str
) -> None:
    text = corpus.serialize(format=fmt, ontology=False)
    quads = list(ox.parse(text.encode("utf-8"), format=RDF_FORMATS[fmt].oxigraph_format()))
    assert len(quads) == sum(d.triples for d in corpus.documents())
    assert str(ONTOLOGY_GRAPH) not in text.replace(f"{ONTOLOGY_GRAPH}#", "")


def test_no_ontology_option_on_build(tmp_path: Path) -> None:
    with_ontology, without = tmp_path / "a.nq", tmp_path / "b.nq"
    assert main(["build", "-o", str(with_ontology), "--quiet"]) == 0
    assert main(["build", "--no-ontology", "-o", str(without), "--quiet"]) == 0
    assert f"<{ONTOLOGY_GRAPH}> .\n" in with_ontology.read_text(encoding="utf-8")
    assert f"<{ONTOLOGY_GRAPH}> .\n" not in without.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", QUADS)
def test_a_quad_export_loads_back_into_summit_kg(
    corpus: kg.SummitGraph, exports: dict[str, Path], fmt: str
) -> None:
    again = kg.load(exports[fmt])
    assert [(d.iri, d.title, d.hash, d.triples) for d in again.documents()] == [
        (d.iri, d.title, d.hash, d.triples) for d in corpus.documents()
    ]


def test_a_turtle_export_keeps_the_documents_titles(tmp_path: Path) -> None:
    alaska = kg.load()
    path = tmp_path / "summit.ttl"
    alaska.serialize(path)
    [document] = kg.load(path).documents()
    [original] = alaska.documents()
    assert (document.title, document.hash) == (original.title, original.hash)
    assert document.iri.startswith("https://w3id.org/summit-kg/id/import/")


def test_a_turtle_export_of_several_documents_names_them(
    corpus: kg.SummitGraph, exports: dict[str, Path]
) -> None:
    [document] = kg.load(exports["turtle"]).documents()
    count = len(corpus.documents())
    assert document.title is not None and document.title.startswith(f"{count} documents: ")
    assert all(d.title in document.title for d in corpus.documents() if d.title)


def test_turtle_names_each_subject_once_with_its_type_first(
    corpus: kg.SummitGraph, exports: dict[str, Path]
) -> None:
    text = exports["turtle"].read_text(encoding="utf-8")
    assert "actor:donald-trump a skg:Person ;" in text  # a kind's prefix: no "\\/" escape
    assert "id:actor" not in text and "id:topic" not in text
    subjects = [line.split()[0] for line in text.splitlines() if line and line[0] not in " \t@"]
    assert len(subjects) == len(set(subjects))
    block = text[text.index("actor:donald-trump a ") :].split(" .\n")[0]
    predicates = [line.split()[0] for line in block.splitlines()[1:]]
    assert len(predicates) == len(set(predicates)) > 2  # each predicate once
    corpus.serialize(exports["turtle"].with_name("again.ttl"))
    assert exports["turtle"].with_name("again.ttl").read_text(encoding="utf-8") == text


def test_json_ld_is_compact_with_the_shipped_context(
    corpus: kg.SummitGraph, exports: dict[str, Path]
) -> None:
    text = exports["json-ld"].read_text(encoding="utf-8")
    document = json.loads(text)
    assert document["@context"] == jsonld_context()
    assert '"skg:Outcome"' in text and "https://w3id.org/summit-kg/ontology#Outcome" not in text
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "ConjunctiveGraph is deprecated", DeprecationWarning)
        parsed = Graph().parse(str(exports["json-ld"]))  # rdflib's plain Graph, from the file
    assert isomorphic(parsed, corpus.data())
    assert len(list(ox.parse(text.encode("utf-8"), format=ox.RdfFormat.JSON_LD))) == len(corpus)


def test_the_shipped_context_is_the_projects_prefixes() -> None:
    shipped = json.loads(resource_file("ontology", "context.jsonld").read_text(encoding="utf-8"))
    assert shipped == {"@context": {p: str(iri) for p, iri in sorted(PREFIXES.items())}}


def test_trig_export_reads_back_as_the_same_dataset(
    corpus: kg.SummitGraph, exports: dict[str, Path]
) -> None:
    dataset = Dataset()
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "ConjunctiveGraph is deprecated", DeprecationWarning)
        dataset.parse(str(exports["trig"]), format="trig")
    for document in corpus.documents():
        assert len(dataset.graph(document.iri)) == document.triples


@pytest.fixture(scope="module")
def on_oxigraph(tmp_path_factory: pytest.TempPathFactory) -> kg.SummitGraph:
    folder = tmp_path_factory.mktemp("oxigraph")
    sources = (*kg.resources.default_sources(), FIXTURES / "harbour-summit.md", FIXTURES / "genre")
    return kg.load(*sources, store=f"oxigraph:{folder / 'db'}")


def statements(path: Path, fmt: str) -> set[Any]:
    return set(ox.parse(path=str(path), format=RDF_FORMATS[fmt].oxigraph_format()))


@pytest.mark.parametrize("fmt", ["turtle", "nt", "nquads", "trig"])
def test_an_oxigraph_store_writes_as_it_reads_the_same_statements(
    corpus: kg.SummitGraph,
    exports: dict[str, Path],
    on_oxigraph: kg.SummitGraph,
    fmt: str,
    tmp_path: Path,
) -> None:
    """Written from the store's index without gathering: the same statements as the memory
    store's sorted export (no blank nodes in the data; the ontology's are set aside)."""
    path = on_oxigraph.write(tmp_path / f"out{RDF_FORMATS[fmt].suffix}")
    ontology = ox.NamedNode(str(ONTOLOGY_GRAPH))

    def named(found: set[Any]) -> set[Any]:
        return {s for s in found if getattr(s, "graph_name", None) != ontology}

    assert named(statements(path, fmt)) == named(statements(exports[fmt], fmt))
    if RDF_FORMATS[fmt].exports_graphs:
        in_ontology = {s for s in statements(path, fmt) if s.graph_name == ontology}
        assert len(in_ontology) == len(on_oxigraph.store.ontology())


def test_an_oxigraph_union_export_keeps_an_ontology_triple_a_document_states(
    tmp_path: Path,
) -> None:
    """The store's default graph also holds the ontology: only its triples no document
    states are left out of a triple export."""
    echo = tmp_path / "echo.ttl"
    echo.write_text(
        "@prefix skg: <https://w3id.org/summit-kg/ontology#> .\n"
        "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
        "skg:Actor a owl:Class .\n<urn:x> a skg:Actor .\n",
        encoding="utf-8",
    )
    graph = kg.load(echo, store=f"oxigraph:{tmp_path / 'db'}")
    written = {quad.triple for quad in statements(graph.write(tmp_path / "out.nt"), "nt")}
    actor = ox.NamedNode("https://w3id.org/summit-kg/ontology#Actor")
    owl_class = ox.NamedNode("http://www.w3.org/2002/07/owl#Class")
    rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    assert ox.Triple(actor, rdf_type, owl_class) in written
    assert ox.Triple(ox.NamedNode("urn:x"), rdf_type, actor) in written
    assert len(written) == len(graph)


def test_an_oxigraph_turtle_export_names_each_subject_once_with_its_type_first(
    on_oxigraph: kg.SummitGraph, tmp_path: Path
) -> None:
    text = on_oxigraph.write(tmp_path / "out.ttl").read_text(encoding="utf-8")
    assert "actor:donald-trump a skg:Person ;" in text
    subjects = [line.split()[0] for line in text.splitlines() if line and line[0] not in " \t@"]
    assert len(subjects) == len(set(subjects))
    assert on_oxigraph.write(tmp_path / "again.ttl").read_text(encoding="utf-8") == text
