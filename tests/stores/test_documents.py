"""Document identifiers round-trip: what ``documents`` shows, ``remove`` finds.

Every form a listing shows (the full IRI, the ``id:`` short form of the table,
the hash) names the document again; a hash prefix needs 8 hex digits and a
shorter one says so. A graph read from a Turtle export is described by the
documents it holds. Curated tables, like articles, are skipped on a re-run.
"""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest

import kg
import kg.resources
from kg.errors import UsageError
from kg.stores import DocumentInfo, find_document
from tests.support.checks import run
from tests.support.paths import FIXTURES

CURATED = FIXTURES / "curated" / "outcomes.csv"
IRI = "https://w3id.org/summit-kg/id/doc/0407aa11bb22cc33"
DOCS = [
    DocumentInfo(IRI, "First", "0407aa11bb22cc33" + "0" * 48, 10),
    DocumentInfo("https://w3id.org/summit-kg/id/doc/0407ab00ffee0011", "Second", "0407ab00ff", 5),
]


@pytest.mark.parametrize(
    "name",
    [IRI, f"<{IRI}>", "id:doc/0407aa11bb22cc33", "0407aa11", "0407AA11BB22", "0407aa11bb22cc33"],
)
def test_every_listed_form_finds_the_document(name: str) -> None:
    assert find_document(name, DOCS).title == "First"


@pytest.mark.parametrize("name", ["0", "04", "0407", "0407aa1"])
def test_a_short_hash_prefix_says_too_short(name: str) -> None:
    with pytest.raises(UsageError, match=f"'{name}' is too short: give at least 8 hex digits"):
        find_document(name, DOCS)


def test_an_ambiguous_or_unknown_name_is_an_error() -> None:
    with pytest.raises(UsageError, match="no document in the store matches 'id:doc/ffff'"):
        find_document("id:doc/ffff", DOCS)
    twins = [
        DocumentInfo("urn:a", "A", "0407aa11aaaa", 1),
        DocumentInfo("urn:b", "B", "0407aa11bb", 1),
    ]
    with pytest.raises(UsageError, match="matches 2 documents; give more of the hash"):
        find_document("0407aa11", twins)


def _listed(spec: str) -> list[dict[str, str]]:
    code, out, err = run("documents", "--store", spec, "--format", "csv")
    assert code == 0, err
    return list(csv.DictReader(io.StringIO(out)))


@pytest.mark.parametrize("form", ["iri", "short", "hash", "file"])
def test_documents_then_remove_round_trips(tmp_path: Path, form: str) -> None:
    spec = f"oxigraph:{tmp_path / 'db'}"
    article = kg.resources.default_sources()[0]
    assert run("build", str(article), str(CURATED), "--store", spec, "--quiet")[0] == 0
    listed = _listed(spec)
    assert len(listed) == 2
    table = next(row for row in listed if row["title"] == "outcomes.csv")
    name = {
        "iri": table["iri"],
        "short": "id:" + table["iri"].removeprefix("https://w3id.org/summit-kg/id/"),
        "hash": table["hash"][:8],
        "file": str(CURATED),
    }[form]
    code, out, err = run("remove", name, "--store", spec)
    assert (code, err) == (0, ""), err
    assert out.startswith(f"removed <{table['iri']}> (outcomes.csv)")
    assert [row["iri"] for row in _listed(spec)] == [
        row["iri"] for row in listed if row["iri"] != table["iri"]
    ]


def test_remove_with_a_short_prefix_says_too_short(tmp_path: Path) -> None:
    spec = f"oxigraph:{tmp_path / 'db'}"
    assert run("build", str(CURATED), "--store", spec, "--quiet")[0] == 0
    code, out, err = run("remove", "f98", "--store", spec)
    assert (code, out) == (2, "")
    assert "'f98' is too short: give at least 8 hex digits" in err
    assert len(_listed(spec)) == 1


def test_the_short_form_the_table_shows_is_accepted_by_remove(tmp_path: Path) -> None:
    spec = f"oxigraph:{tmp_path / 'db'}"
    assert run("build", str(CURATED), "--store", spec, "--quiet")[0] == 0
    code, table, _ = run("documents", "--store", spec, "--format", "table")
    assert code == 0
    shown = next(word for word in table.split() if word.startswith("id:doc/"))
    assert run("remove", shown, "--store", spec)[0] == 0
    assert _listed(spec) == []


@pytest.mark.parametrize("store", ["memory", "oxigraph"])
def test_a_turtle_export_lists_its_documents_title(tmp_path: Path, store: str) -> None:
    export = tmp_path / "summit.ttl"
    original = kg.load()
    original.serialize(export)
    spec = None if store == "memory" else f"oxigraph:{tmp_path / 'db'}"
    with kg.SummitGraph(spec) as graph:
        graph.load(export)
        [document] = graph.documents()
    [source] = original.documents()
    assert (document.title, document.hash) == (source.title, source.hash)
    code, out, _ = run("documents", "--data", str(export), "--format", "csv")
    assert code == 0 and source.title is not None and source.title in out


def test_unchanged_curated_tables_are_skipped_on_a_rerun(tmp_path: Path) -> None:
    folder = tmp_path / "sources"
    folder.mkdir()
    shutil.copy(CURATED, folder)
    shutil.copy(kg.resources.default_sources()[0], folder)
    with kg.SummitGraph(f"oxigraph:{tmp_path / 'db'}") as graph:
        first = graph.ingest([folder])
        again = graph.ingest([folder])
    assert (first.written, first.skipped) == (2, 0)
    assert (again.written, again.skipped) == (0, 2)


def _article(folder: Path) -> Path:
    path = folder / "oslo.md"
    path.write_text(
        "# Leaders meet in Oslo\n\nThe leaders of Norway and Sweden meet in Oslo on Friday. "
        "A trade deal is likely.\n",
        encoding="utf-8",
    )
    return path


def test_rdf_cannot_pose_as_an_article(tmp_path: Path) -> None:
    article = _article(tmp_path)
    with kg.SummitGraph(f"oxigraph:{tmp_path / 'db'}") as graph:
        graph.ingest([article])
        (document,) = graph.documents()
        spoof = tmp_path / "spoof.nq"
        spoof.write_text(
            f'<urn:x> <http://www.w3.org/2000/01/rdf-schema#label> "spoofed" <{document.iri}> .\n',
            encoding="utf-8",
        )
        with pytest.raises(kg.LoaderError, match=r"spoof\.nq: names the graph .* article"):
            graph.load(spoof)
        assert graph.documents() == [document]
    code, _, err = run("build", str(spoof), "--store", f"oxigraph:{tmp_path / 'db'}")
    assert code == 2 and err.count("\n") == 1 and "spoof.nq" in err


def test_an_export_still_loads_with_its_articles(tmp_path: Path) -> None:
    article = _article(tmp_path)
    source = kg.load(article)
    export = tmp_path / "export.nq"
    source.serialize(export)
    again = kg.load(export)
    assert [d.hash for d in again.documents()] == [d.hash for d in source.documents()]


def test_an_article_graph_without_its_hash_is_read_again_not_skipped(tmp_path: Path) -> None:
    """Data under an article's graph name (written past the loader) never makes it 'unchanged'."""
    from rdflib import Literal, URIRef
    from rdflib.namespace import RDFS

    from kg.stores import GraphData

    article = _article(tmp_path)
    iri = URIRef(kg.load(article).documents()[0].iri)
    with kg.SummitGraph(f"oxigraph:{tmp_path / 'db'}") as graph:
        graph.store.put(GraphData.of(iri, [(URIRef("urn:x"), RDFS.label, Literal("spoofed"))]))
        summary = graph.ingest([article])
        (document,) = graph.documents()
    assert (summary.written, summary.skipped) == (1, 0)
    assert document.iri == str(iri) and document.title == "Leaders meet in Oslo"
