"""Regression tests for faults found in review: each failed before its fix."""

from __future__ import annotations

import io
import os
import stat
import sys
from pathlib import Path

import pytest

import kg
from kg._io import atomic_write_text
from kg.cli import main
from kg.errors import LoaderError
from kg.graph import FileReport, SummitGraph


def run(*argv: str, stdin: str | None = None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    if stdin is not None:
        sys.stdin = io.StringIO(stdin)
    try:
        code = main(list(argv), out=out, err=err)
    finally:
        sys.stdin = sys.__stdin__
    return code, out.getvalue(), err.getvalue()


def test_jsonld_import_is_refused_before_parsing(tmp_path: Path) -> None:
    source = tmp_path / "i.jsonld"
    source.write_text(
        '{"@context": {"@version": 1.1, "@import": "http://127.0.0.1:9/x"}, "@id": "urn:a"}'
    )
    with pytest.raises(LoaderError, match="@import is refused"):
        kg.load(source)


def test_deeply_nested_jsonld_is_a_clear_error(tmp_path: Path) -> None:
    source = tmp_path / "deep.jsonld"
    source.write_text("[" * 100_000 + "]" * 100_000)
    with pytest.raises(LoaderError, match=r"deep\.jsonld: JSON-LD nested too deeply"):
        kg.load(source)


@pytest.mark.parametrize(
    ("query", "error"),
    [
        ('ASK { FILTER(REGEX("a", "(")) }', "query failed: error: missing )"),
        ('SELECT (SUM(?x) AS ?s) { VALUES ?x { "a" } }', "query failed: SPARQLTypeError"),
    ],
)
@pytest.mark.parametrize("timeout", ["5", "0"])  # in the worker, and in-process
def test_an_engine_error_is_one_line_and_exit_2(query: str, error: str, timeout: str) -> None:
    code, out, err = run("query", "-", "--timeout", timeout, stdin=query)
    assert (code, out) == (2, "")
    assert err.startswith(f"summit-kg: error: {error}") and err.count("\n") == 1


def test_a_participants_list_without_a_headline_does_not_crash(tmp_path: Path) -> None:
    source = tmp_path / "x.md"
    source.write_text("- Trade\n\nParticipants include:\n- Anna Berg\n- Jonas Lund\n")
    assert run("build", str(source))[0] == 0


def test_a_file_naming_the_ontology_graph_is_refused_and_nothing_loads(tmp_path: Path) -> None:
    good = tmp_path / "a.ttl"
    good.write_text("<urn:a> <urn:b> <urn:c> .")
    bad = tmp_path / "o.trig"
    bad.write_text("<https://w3id.org/summit-kg/ontology> { <urn:a> <urn:b> <urn:d> }")
    graph = SummitGraph()
    with pytest.raises(LoaderError, match=r"o\.trig: names the graph"):
        graph.load(good, bad)
    assert len(graph) == 0


def test_lenient_ingest_reports_any_reader_failure_and_keeps_the_rest(tmp_path: Path) -> None:
    (tmp_path / "a.ttl").write_text("<urn:a> <urn:b> <urn:c> .")
    (tmp_path / "deep.jsonld").write_text("[" * 100_000 + "]" * 100_000)
    graph = SummitGraph()
    reports: list[FileReport] = []
    summary = graph.ingest([tmp_path], on_file=reports.append)
    assert [r.error is None for r in reports] == [True, False]
    assert (summary.written, summary.failed) == (1, 1)
    assert len(graph) == 1


def test_curated_table_warnings_reach_the_report(tmp_path: Path) -> None:
    table = tmp_path / "desk.csv"
    table.write_text(
        "summit,topic,outcome,likelihood\nNobody meets nowhere,Trade,Lower tariffs,likely\n"
    )
    reports: list[FileReport] = []
    SummitGraph().ingest([table], on_file=reports.append)
    assert reports[0].error is None
    assert reports[0].warnings, "the table loader's warnings were dropped"


def test_written_files_follow_the_umask(tmp_path: Path) -> None:
    mask = os.umask(0o022)
    try:
        path = atomic_write_text(tmp_path / "out.txt", "x")
    finally:
        os.umask(mask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~mask


@pytest.mark.parametrize(
    "argv",
    [
        ("build", "-o", "{out}.ttl"),
        ("query", "topics", "-o", "{out}.csv"),
        ("viz", "-o", "{out}.html"),
        ("export", "--to", "graphml", "-o", "{out}.graphml"),
    ],
)
def test_output_into_a_folder_that_refuses_files_is_one_line_and_exit_2(
    argv: tuple[str, ...], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("tempfile.mkstemp", refuse)  # as a read-only folder does, even for root
    out = str(tmp_path / "x")
    code, _, err = run(*(part.format(out=out) for part in argv))
    assert code == 2 and err.count("\n") == 1, err
    assert "cannot write: Permission denied" in err and out in err
    assert list(tmp_path.iterdir()) == []


def test_a_reader_creates_the_missing_lock_file_so_no_writer_starts_beside_it(
    tmp_path: Path,
) -> None:
    from kg.errors import StoreError
    from kg.stores.oxigraph import LOCK_FILE, OxigraphStore

    assert run("build", "--store", f"oxigraph:{tmp_path / 'db'}", "--quiet")[0] == 0
    (tmp_path / "db" / LOCK_FILE).unlink()
    with OxigraphStore(tmp_path / "db", read_only=True):
        assert (tmp_path / "db" / LOCK_FILE).exists()
        with pytest.raises(StoreError, match="store in use"):
            OxigraphStore(tmp_path / "db")
