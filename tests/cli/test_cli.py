"""The ``summit-kg`` command line, run in-process through ``kg.cli.main``.

Good input: every subcommand works on the embedded briefing and on exported
files. Bad input: exit code 2, exactly one ``summit-kg: error:`` line on
stderr naming the file, nothing on stdout, and no file created or changed.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import sys
import warnings
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from rdflib import Dataset, Graph
from rdflib.namespace import RDF

import kg
from kg.cli import main
from kg.rdf.namespaces import ONTOLOGY_GRAPH, SKG
from kg.resources import default_sources
from kg.sparql.catalogue import catalogue
from tests.support.checks import snapshot

SUBCOMMANDS = ("build", "query", "queries", "viz", "analyze", "export", "validate")
CYBER = [
    ("Strengthened Cyber Defenses", "anticipated"),
    ("Establishment of cyber norms", "possible"),
    ("Increased trust and fewer cyber incidents", "projected"),
]
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
QUAD_WARNING = "Dataset.contexts is deprecated"
SPARQL_RESULTS = "{http://www.w3.org/2005/sparql-results#}"


@dataclass
class Run:
    code: int
    out: str
    err: str


def run(*argv: str, stdin: str | None = None, monkeypatch: Any = None) -> Run:
    if stdin is not None:
        assert monkeypatch is not None
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return Run(code, out.getvalue(), err.getvalue())


def csv_rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


@pytest.fixture
def cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture(scope="module")
def briefing(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the embedded article (from the package's resources)."""
    target = tmp_path_factory.mktemp("src") / "briefing.md"
    shutil.copyfile(default_sources()[0], target)
    return target


@pytest.fixture(scope="module")
def exports(briefing: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The briefing exported once as Turtle, N-Quads and N-Triples (with an odd suffix)."""
    folder = tmp_path_factory.mktemp("exports")
    files = {"ttl": folder / "x.ttl", "nq": folder / "x.nq", "nt": folder / "x.out"}
    for key, extra in (("ttl", ()), ("nq", ()), ("nt", ("--format", "nt"))):
        with warnings.catch_warnings():
            # rdflib's own quad serializers call its deprecated Dataset.contexts(); under the
            # project's filterwarnings=error that turns `build -o x.nq` into exit 3 (reported)
            warnings.filterwarnings("ignore", QUAD_WARNING, DeprecationWarning)
            result = run("build", str(briefing), "-o", str(files[key]), *extra)
        assert result.code == 0, result.err
        assert result.err == ""
        assert f"→ {files[key]}" in result.out
    return files


@pytest.fixture(scope="module")
def default_triples() -> int:
    return len(kg.load())


# --- queries, build ------------------------------------------------------------------------


def test_queries_lists_every_catalogue_name() -> None:
    result = run("queries", "--format", "table")
    assert result.code == 0 and result.err == ""
    lines = result.out.splitlines()
    assert lines[0].split()[:2] == ["name", "title"]
    names = [line.split()[0] for line in lines[2:]]
    assert names == list(catalogue())
    assert "(e.g. Cybersecurity)" in result.out
    piped = run("queries")  # not a terminal: CSV
    header, *rows = csv_rows(piped.out)
    assert header == ["name", "title", "parameters", "description"]
    assert [row[0] for row in rows] == list(catalogue())


def test_build_without_arguments_prints_the_summary(cwd: Path) -> None:
    result = run("build")
    assert result.code == 0
    assert result.err == ""
    summary = result.out.splitlines()[0]
    assert summary.startswith("1 document,")
    for count in ("13 topics", "14 outcomes", "5 concerns", "4 recommendations"):
        assert count in summary
    assert list(cwd.iterdir()) == []  # nothing written without -o


def test_build_summary_grammar() -> None:
    summary = run("build").out.splitlines()[0]
    assert summary.startswith("1 document, ")
    assert ": 1 summit, 13 topics, 14 outcomes, 5 concerns, 4 recommendations" in summary


def test_build_turtle_reparses_and_validates(
    exports: dict[str, Path], default_triples: int
) -> None:
    graph = Graph().parse(exports["ttl"], format="turtle")
    assert len(graph) == default_triples
    assert len(set(graph.subjects(RDF.type, SKG.Outcome))) == 14
    result = run("validate", "--data", str(exports["ttl"]))
    assert (result.code, result.err) == (0, "")
    assert result.out.startswith("conforms")


@pytest.mark.parametrize("suffix", ["nq", "trig", "jsonld"])
def test_quad_export_under_warnings_as_errors(suffix: str, tmp_path: Path) -> None:
    result = run("build", "-o", str(tmp_path / f"x.{suffix}"))
    assert (result.code, result.err) == (0, "")


@pytest.mark.filterwarnings(f"ignore:{QUAD_WARNING}:DeprecationWarning")
def test_build_nquads_keeps_named_graphs(exports: dict[str, Path], default_triples: int) -> None:
    dataset = Dataset()
    dataset.parse(exports["nq"], format="nquads")
    named = {str(g.identifier): len(g) for g in dataset.graphs() if len(g)}
    named.pop(str(ONTOLOGY_GRAPH), None)  # the ontology's own graph, where exports carry it
    assert len(named) == 1
    ((iri, size),) = named.items()
    assert iri.startswith("https://w3id.org/summit-kg/id/doc/")
    assert size == default_triples
    result = run("validate", "--data", str(exports["nq"]))
    assert (result.code, result.err) == (0, "")


def test_build_ntriples_with_explicit_format(
    exports: dict[str, Path], default_triples: int, tmp_path: Path
) -> None:
    text = exports["nt"].read_text(encoding="utf-8")
    assert not text.lstrip().startswith("@prefix")
    assert len(Graph().parse(data=text, format="nt")) == default_triples
    # loaders pick the format by suffix (there is no input --format), so validate a .nt copy
    copy = tmp_path / "x.nt"
    shutil.copyfile(exports["nt"], copy)
    result = run("validate", "--data", str(copy))
    assert (result.code, result.err) == (0, "")


def test_build_to_stdout_keeps_summary_off_stdout() -> None:
    result = run("build", "-o", "-")
    assert result.code == 0
    assert len(Graph().parse(data=result.out, format="turtle")) > 0
    assert result.err.startswith("1 document,")


# --- query ---------------------------------------------------------------------------------


def _check_cyber_csv(text: str) -> None:
    header, *rows = csv_rows(text)
    assert len(rows) == 3
    assert [(r[header.index("outcome")], r[header.index("likelihood")]) for r in rows] == CYBER


def test_query_outcomes_by_topic_csv() -> None:
    result = run("query", "outcomes-by-topic", "--param", "topic=Cybersecurity", "--format", "csv")
    assert (result.code, result.err) == (0, "")
    _check_cyber_csv(result.out)


def test_query_on_exported_turtle(exports: dict[str, Path]) -> None:
    result = run(
        "query",
        "outcomes-by-topic",
        "--param",
        "topic=Cybersecurity",
        "--format",
        "csv",
        "--data",
        str(exports["ttl"]),
    )
    assert (result.code, result.err) == (0, "")
    _check_cyber_csv(result.out)


def test_query_default_format_is_csv_off_a_terminal() -> None:
    result = run("query", "outcomes-by-topic", "--param", "topic=Cybersecurity")
    assert result.code == 0
    _check_cyber_csv(result.out)


def test_query_table_format() -> None:
    result = run("query", "topics", "--format", "table")
    assert result.code == 0
    assert result.out.rstrip().endswith("(13 rows)")


def _json_rows(text: str) -> int:
    return len(json.loads(text)["results"]["bindings"])


@pytest.mark.parametrize("fmt", ["json", "xml", "csv"])
def test_query_select_formats_parse(fmt: str) -> None:
    result = run("query", "outcomes-by-topic", "--param", "topic=Cybersecurity", "--format", fmt)
    assert (result.code, result.err) == (0, "")
    if fmt == "json":
        assert _json_rows(result.out) == 3
    elif fmt == "xml":
        root = ET.fromstring(result.out.encode("utf-8"))
        assert len(list(root.iter(f"{SPARQL_RESULTS}result"))) == 3
    else:
        assert len(csv_rows(result.out)) == 4


def test_query_select_tsv() -> None:
    result = run("query", "outcomes-by-topic", "--param", "topic=Cybersecurity", "--format", "tsv")
    assert (result.code, result.err) == (0, "")
    header, *rows = [line.split("\t") for line in result.out.splitlines()]
    assert len(rows) == 3
    assert [h.lstrip("?") for h in header][:3] == ["topicLabel", "outcome", "likelihood"]


@pytest.mark.parametrize(("fmt", "expected"), [("json", "true"), ("xml", "true"), ("table", "yes")])
def test_query_ask(fmt: str, expected: str) -> None:
    result = run("query", "on-agenda", "--param", "topic=arms control", "--format", fmt)
    assert (result.code, result.err) == (0, "")
    if fmt == "json":
        assert json.loads(result.out)["boolean"] is True
    elif fmt == "xml":
        root = ET.fromstring(result.out.encode("utf-8"))
        assert root.find(f"{SPARQL_RESULTS}boolean").text == expected  # type: ignore[union-attr]
    else:
        assert result.out.strip() == expected


def test_query_ask_default_format() -> None:
    result = run("query", "on-agenda", "--param", "topic=space exploration")
    assert (result.code, result.err) == (0, "")
    assert result.out.split() == ["_askResult", "false"]


def test_query_reads_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
        "PREFIX skg: <https://w3id.org/summit-kg/ontology#>\n"
        "SELECT ?label { ?o a skg:Outcome ; rdfs:label ?label }"
    )
    result = run("query", "-", "--format", "csv", stdin=text, monkeypatch=monkeypatch)
    assert (result.code, result.err) == (0, "")
    header, *rows = csv_rows(result.out)
    assert header == ["label"]
    assert len(rows) == 14
    assert ["Strengthened Cyber Defenses"] in rows


def test_query_rq_file(cwd: Path) -> None:
    (cwd / "mine.rq").write_text(
        "# title: Mine\n# description: a test\n"
        "PREFIX skg: <https://w3id.org/summit-kg/ontology#>\nSELECT ?s { ?s a skg:Summit }\n",
        encoding="utf-8",
    )
    result = run("query", "mine.rq", "--format", "csv")
    assert (result.code, result.err) == (0, "")
    assert len(csv_rows(result.out)) == 2


def test_query_output_file(cwd: Path) -> None:
    result = run("query", "topics", "--format", "csv", "-o", "answer.csv")
    assert (result.code, result.out, result.err) == (0, "", "")
    assert len(csv_rows((cwd / "answer.csv").read_text(encoding="utf-8"))) == 14
    assert sorted(p.name for p in cwd.iterdir()) == ["answer.csv"]


def test_query_construct_gives_turtle() -> None:
    result = run("query", "topic-network", "--format", "turtle")
    assert (result.code, result.err) == (0, "")
    graph = Graph().parse(data=result.out, format="turtle")
    assert len(set(graph.subjects(RDF.type, SKG.Outcome))) == 14
    assert len(set(graph.subjects(RDF.type, SKG.Topic))) == 13
    assert run("query", "topic-network").out == result.out  # turtle is the default


def test_query_construct_uses_project_prefixes() -> None:
    assert (
        "@prefix skg: <https://w3id.org/summit-kg/ontology#>" in run("query", "topic-network").out
    )


# --- viz, validate, help -------------------------------------------------------------------


class _Scripts(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.srcs: list[str] = []
        self.data_block = ""
        self._in_data = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "script" and values.get("src"):
            self.srcs.append(values["src"] or "")
        if tag in ("link", "img", "iframe") and (values.get("href") or values.get("src")):
            self.srcs.append(values.get("href") or values.get("src") or "")
        self._in_data = tag == "script" and values.get("id") == "kg-data"

    def handle_data(self, data: str) -> None:
        if self._in_data:
            self.data_block += data

    def handle_endtag(self, tag: str) -> None:
        self._in_data = False


def test_viz_writes_a_self_contained_page(cwd: Path) -> None:
    result = run("viz", "-o", "v.html")
    assert (result.code, result.err) == (0, "")
    match = re.fullmatch(r"v\.html: (\d+) nodes, (\d+) edges \(overview view\)\n", result.out)
    assert match, result.out
    nodes = int(match.group(1))
    assert nodes > 0 and int(match.group(2)) > 0
    page = _Scripts()
    page.feed((cwd / "v.html").read_text(encoding="utf-8"))
    assert not [s for s in page.srcs if "http" in s or s.startswith("//")]
    assert len(json.loads(page.data_block)["nodes"]) == nodes
    assert sorted(p.name for p in cwd.iterdir()) == ["v.html"]


def test_validate_the_default() -> None:
    result = run("validate")
    assert (result.code, result.err) == (0, "")
    assert result.out.startswith("conforms")


@pytest.mark.parametrize("argv", [["--help"], *[[c, "--help"] for c in SUBCOMMANDS]])
def test_help_shows_examples(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    result = run(*argv)
    printed = result.out + capsys.readouterr().out
    assert result.code == 0
    assert result.err == ""
    assert "examples:" in printed
    assert "summit-kg" in printed.split("examples:")[1]


def test_help_goes_to_the_out_stream() -> None:
    assert "examples:" in run("query", "--help").out


def _choices(command: str, flag: str) -> list[str]:
    """The ``{a,b,c}`` choices ``COMMAND --help`` shows for ``flag``."""
    usage = run(command, "--help").out.split("\n\n")[0]
    match = re.search(re.escape(flag) + r" \{([^}]*)\}", " ".join(usage.split()))
    assert match, usage
    return match.group(1).split(",")


def test_choices_come_from_where_each_fact_lives() -> None:
    from kg.network.exports import EXPORT_TARGETS
    from kg.network.views import SIZE_MEASURES, VIEWS
    from kg.rdf.formats import RDF_FORMATS
    from kg.sparql.results import GRAPH_FORMATS, SELECT_FORMATS

    assert _choices("viz", "--view") == list(VIEWS)
    assert _choices("export", "--view") == list(VIEWS)
    assert _choices("viz", "--size-by") == list(SIZE_MEASURES)
    assert _choices("export", "--to") == list(EXPORT_TARGETS)
    assert _choices("build", "--format") == list(RDF_FORMATS)
    assert _choices("query", "--format") == [*SELECT_FORMATS, *GRAPH_FORMATS]


def test_help_states_the_defaults_the_library_uses() -> None:
    from kg.network.views import MAX_NODES
    from kg.sparql.runner import DEFAULT_MAX_ROWS, DEFAULT_TIMEOUT

    viz = " ".join(run("viz", "--help").out.split())
    assert f"say so (default: {MAX_NODES})" in viz
    query = " ".join(run("query", "--help").out.split())
    assert f"(default {DEFAULT_TIMEOUT:g}; 0 for no limit)" in query
    assert f"(default {DEFAULT_MAX_ROWS})" in query


def test_every_reading_command_has_the_same_data_options() -> None:
    for command in ("query", "documents", "viz", "analyze", "export", "validate"):
        text = " ".join(run(command, "--help").out.split())
        assert "--data SOURCE an article (.md," in text, command
        assert "repeat for more" in text, command
        assert "--store S where the graph lives: memory (default), oxigraph:PATH or " in text
        assert "(read the graph 'summit-kg build --store S' wrote there)" in text, command


# --- bad input -----------------------------------------------------------------------------

# name -> (file name, contents: bytes, "dir" or None for nothing created)
BAD_SOURCES: dict[str, tuple[str, bytes | str | None]] = {
    "missing-file": ("missing.md", None),
    "dir-without-articles": ("articles", "dir"),
    "png-bytes-as-md": ("picture.md", PNG),
    "png-file": ("picture.png", PNG),
    "invalid-utf8": ("latin1.md", "Summit Notes\n\nCafé talks resume.\n".encode("latin-1")),
    "empty-file": ("empty.md", b""),
    "whitespace-only": ("blank.md", b"  \n\t\n   \n"),
    "url": ("https://example.org/summit.md", None),
    "missing-glob": ("nothing-*.md", None),
}

# command -> (argv template with {src}, pre-existing output file or None)
SOURCE_COMMANDS: dict[str, tuple[list[str], str | None]] = {
    "build": (["build", "{src}", "-o", "out.ttl"], "out.ttl"),
    "query": (["query", "topics", "--data", "{src}", "-o", "answer.csv"], "answer.csv"),
    "viz": (["viz", "--data", "{src}", "-o", "view.html"], "view.html"),
    "validate": (["validate", "--data", "{src}"], None),
}


@dataclass
class Bad:
    argv: list[str]
    names: str | None = None  # the file the message must name
    message: str | None = None  # a phrase the message must contain
    stdin: str | None = None
    setup: Callable[[Path], None] = field(default=lambda folder: None)
    existing: str | None = None  # an output target that exists before and must not change


def _make(name: str, contents: bytes | str | None) -> Callable[[Path], None]:
    def setup(folder: Path) -> None:
        if contents == "dir":
            (folder / name).mkdir()
            (folder / name / "notes.xlsx").write_bytes(b"PK\x03\x04")
            (folder / name / "README").write_text("not an article\n", encoding="utf-8")
        elif isinstance(contents, bytes):
            (folder / name).write_bytes(contents)

    return setup


def _bad_cases() -> list[Any]:
    cases = []
    for source, (name, contents) in BAD_SOURCES.items():
        for command, (template, existing) in SOURCE_COMMANDS.items():
            case = Bad(
                [arg.format(src=name) for arg in template],
                names=name,
                setup=_make(name, contents),
                existing=existing,
            )
            cases.append(pytest.param(case, id=f"{command}-{source}"))
    others = {
        "unknown-query": Bad(
            ["query", "nosuch", "-o", "answer.csv"], message="unknown query", existing="answer.csv"
        ),
        "missing-rq-file": Bad(["query", "missing.rq"], names="missing.rq"),
        "param-without-equals": Bad(
            ["query", "outcomes-by-topic", "--param", "topic"], message="NAME=VALUE"
        ),
        "undeclared-param": Bad(
            ["query", "outcomes-by-topic", "--param", "nosuch=1", "-o", "answer.csv"],
            message="nosuch",
            existing="answer.csv",
        ),
        "unknown-subcommand": Bad(["frobnicate"], message="frobnicate"),
        "unknown-option": Bad(["build", "--frobnicate"], message="--frobnicate"),
        "viz-not-html": Bad(["viz", "-o", "x.png"], names="x.png", existing="x.png"),
        "build-unknown-suffix": Bad(
            ["build", "-o", "x.unknownsuffix"], names="x.unknownsuffix", existing="x.unknownsuffix"
        ),
        "build-into-missing-folder": Bad(["build", "-o", "nodir/out.ttl"], names="nodir/out.ttl"),
        "select-as-turtle": Bad(["query", "topics", "--format", "turtle"], message="turtle"),
        "update-on-stdin": Bad(
            ["query", "-", "-o", "answer.csv"],
            stdin="INSERT DATA { <a:a> <a:b> <a:c> }",
            message="updates are refused",
            existing="answer.csv",
        ),
        "service-on-stdin": Bad(
            ["query", "-"],
            stdin="SELECT * { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
            message="SERVICE",
        ),
        "not-sparql-on-stdin": Bad(["query", "-"], stdin="SELECT nonsense {", message="SPARQL"),
        "store-not-supported": Bad(["build", "--store", "oxigraph"], message="oxigraph"),
    }
    cases += [pytest.param(case, id=name) for name, case in others.items()]
    return cases


@pytest.mark.parametrize("case", _bad_cases())
def test_bad_input(case: Bad, cwd: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    case.setup(cwd)
    if case.existing:
        (cwd / case.existing).write_bytes(b"precious \xe2\x9c\x93 bytes\n")
    before = snapshot(cwd)
    result = run(*case.argv, stdin=case.stdin, monkeypatch=monkeypatch)
    assert result.code == 2, result
    assert result.out == ""
    lines = result.err.splitlines()
    assert len(lines) == 1 and result.err.endswith("\n"), result.err
    assert lines[0].startswith("summit-kg: error:"), lines[0]
    if case.names:
        assert case.names in lines[0]
    if case.message:
        assert case.message in lines[0]
    assert snapshot(cwd) == before  # no file created, none changed, no temporary left


def test_strict_build_stops_at_a_bad_file_and_keeps_the_previous_output(
    cwd: Path, briefing: Path
) -> None:
    good = cwd / "a.md"
    shutil.copyfile(briefing, good)
    (cwd / "bad.md").write_bytes(b"Heading\n\n\xff\xfe broken\n")
    assert run("build", "a.md", "-o", "out.ttl").code == 0
    before = snapshot(cwd)
    result = run("build", "a.md", "bad.md", "-o", "out.ttl", "--strict")
    assert result.code == 2
    assert result.out == ""
    assert result.err.count("\n") == 1 and "bad.md" in result.err
    assert snapshot(cwd) == before


def test_build_reports_a_bad_file_and_loads_the_others(
    cwd: Path, briefing: Path, default_triples: int
) -> None:
    shutil.copyfile(briefing, cwd / "a.md")
    (cwd / "bad.md").write_bytes(b"Heading\n\n\xff\xfe broken\n")
    (cwd / "empty.md").write_text("")
    result = run("build", ".", "-o", "out.ttl")
    assert result.code == 2
    errors = result.err.splitlines()
    assert len(errors) == 2
    assert any("bad.md:3: not UTF-8 text (invalid byte at offset 9)" in e for e in errors)
    assert any("empty.md: empty article" in e for e in errors)
    assert f"1 document, {default_triples} triples" in result.out
    assert "2 files not loaded" in result.out
    assert run("validate", "--data", "out.ttl").code == 0


def test_build_report_lists_parts_claims_and_skipped_lines(cwd: Path, briefing: Path) -> None:
    article = cwd / "a.md"
    article.write_text(
        briefing.read_text(encoding="utf-8") + "\nShare this article\n", encoding="utf-8"
    )
    result = run("build", "a.md", "--report")
    assert result.code == 0
    first = result.out.splitlines()[0]
    assert first.startswith("a.md: ")
    assert "4 tables (13 rows), 3 lists (11 items)" in first
    assert "14 outcomes, 5 concerns, 4 recommendations" in first
    assert "  line 48: skipped as noise (share bar): Share this article" in result.out


# --- analyze --calls, viz --view calls -----------------------------------------------------

CALLS_FIXTURES = Path(__file__).parents[1] / "fixtures" / "calls"
CALLS_DATA = (
    "--data",
    str(CALLS_FIXTURES / "preview.md"),
    "--data",
    str(CALLS_FIXTURES / "report.md"),
)


def test_analyze_calls_in_every_format() -> None:
    table = run("analyze", "--calls", *CALLS_DATA, "--format", "table")
    assert table.code == 0 and table.err == ""
    assert table.out.startswith("Calls: what sources expected before the summit")
    fisheries = next(line for line in table.out.splitlines() if line.startswith("Fisheries"))
    assert fisheries.split()[-2:] == ["came", "true"]
    assert "Sources by their calls" in table.out
    as_json = json.loads(run("analyze", "--calls", *CALLS_DATA, "--format", "json").out)
    assert {c["topic"]: c["verdict"] for c in as_json["calls"]}["Climate"] == "came true"
    [source] = as_json["sources"]
    assert source["calls"] == len(as_json["calls"]) == 6
    rows = csv_rows(run("analyze", "--calls", *CALLS_DATA, "--format", "csv").out)
    header, *body = rows
    assert header[:3] == ["section", "topic", "expected"]
    assert [r[0] for r in body] == ["calls"] * 6 + ["sources"]


def test_analyze_calls_on_a_preview_alone_notes_that_every_call_is_open() -> None:
    result = run("analyze", "--calls", "--format", "csv")  # the embedded briefing
    assert result.code == 0
    assert result.err == (
        "summit-kg: note: no source reports on these topics after the summit: every call is open\n"
    )
    verdicts = {row[10] for row in csv_rows(result.out)[1:] if row[0] == "calls"}
    assert verdicts == {"open"}


def test_analyze_calls_with_nothing_expected_prints_empty_tables() -> None:
    result = run(
        "analyze", "--calls", "--data", str(CALLS_FIXTURES / "report.md"), "--format", "json"
    )
    assert result.code == 0
    assert json.loads(result.out) == {"calls": [], "sources": []}
    assert result.err.startswith("summit-kg: note: no expectations:")
    assert len(result.err.splitlines()) == 1


@pytest.mark.parametrize("extra", [["--top", "3"], ["--path", "NATO", "Arctic"]])
def test_analyze_calls_is_its_own_analysis(extra: list[str]) -> None:
    result = run("analyze", "--calls", *extra)
    assert result.code == 2 and result.out == ""
    assert result.err == f"summit-kg: error: --calls is its own analysis: drop {extra[0]}\n"


def test_viz_calls_view(cwd: Path) -> None:
    from kg.network.calls import calls_view

    view = calls_view(kg.load(*CALLS_DATA[1::2]))
    # at least 6 topics, 6 expectations, 5 reports; an edge to each expectation and report
    assert view.number_of_nodes() >= 17 and view.number_of_edges() >= 11
    drawn = f"{view.number_of_nodes()} nodes, {view.number_of_edges()} edges (calls view)"
    result = run("viz", "--view", "calls", *CALLS_DATA, "-o", "calls.html")
    assert result.code == 0, result.err
    assert result.out == f"calls.html: {drawn}\n"
    page = (cwd / "calls.html").read_text(encoding="utf-8")
    assert "came true" in page and "Glacier-monitoring network" in page
    exported = run("export", "--view", "calls", *CALLS_DATA, "-o", "calls.graphml")
    assert exported.out == f"calls.graphml: {drawn}\n"
