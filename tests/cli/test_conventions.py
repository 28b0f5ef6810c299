"""The command line's conventions: one source per ``--data``, ``-`` for stdout, formats from
suffixes, no flag silently ignored, "did you mean", typed and repeated parameters, the
project's prefixes, ``queries NAME``, ``--version``, tables that fit and measure wide
characters, CSV when piped, the embedded-default notice, ``validate --shapes/--format``.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from rdflib import Graph
from rdflib.namespace import SH

import kg
from kg.cli import EMBEDDED_NOTICE, main
from kg.sparql.results import display_width, text_table
from tests.support.checks import snapshot

JSONLD_WARNING = "ConjunctiveGraph is deprecated"
"""rdflib's JSON-LD parser builds its own deprecated ConjunctiveGraph (reading back, in tests)."""


class Terminal(io.StringIO):
    """A stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def run(*argv: str, out: io.StringIO | None = None, err: io.StringIO | None = None) -> Any:
    out = out if out is not None else io.StringIO()
    err = err if err is not None else io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


@pytest.fixture(scope="module")
def turtle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("data") / "summit.ttl"
    assert run("build", "-o", str(path))[0] == 0
    return path


@pytest.fixture
def cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def bad(argv: list[str], folder: Path, *phrases: str) -> str:
    """Exit 2, one error line holding every phrase, nothing on stdout, no file touched."""
    before = snapshot(folder)
    code, out, err = run(*argv)
    assert (code, out) == (2, ""), err
    assert err.count("\n") == 1 and err.startswith("summit-kg: error: "), err
    for phrase in phrases:
        assert phrase in err, err
    assert snapshot(folder) == before
    return err


# --- --data, '-' -----------------------------------------------------------------------------


def test_data_takes_one_source_so_the_query_name_is_not_swallowed(turtle: Path) -> None:
    code, out, err = run("query", "--data", str(turtle), "topics")
    assert (code, err) == (0, "")
    assert len(rows(out)) == 14
    code, out, _ = run("query", "topics", "--data", str(turtle), "--data", str(turtle))
    assert code == 0 and len(rows(out)) == 14


def test_a_second_source_without_data_gets_a_hint(cwd: Path, turtle: Path) -> None:
    bad(["query", "--data", str(turtle), str(turtle), "topics"], cwd, "one source per flag")


@pytest.mark.parametrize("command", [["query", "topics"], ["export", "--to", "graphml"]])
def test_dash_is_stdout(command: list[str], cwd: Path) -> None:
    code, out, err = run(*command, "-o", "-")
    assert code == 0
    assert list(cwd.iterdir()) == []
    assert out.startswith("topic,") if command[0] == "query" else "<graphml" in out[:300]
    if command[0] == "export":
        assert err.startswith("stdout: ")  # the summary stays off stdout


def test_viz_to_stdout(cwd: Path) -> None:
    code, out, err = run("viz", "-o", "-")
    assert code == 0 and out.lstrip().lower().startswith("<!doctype html")
    assert err.startswith("stdout: ") and list(cwd.iterdir()) == []


# --- formats from suffixes ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "check"),
    [
        ("t.json", lambda text: len(json.loads(text)["results"]["bindings"]) == 13),
        ("t.srj", lambda text: "results" in json.loads(text)),
        ("t.tsv", lambda text: text.startswith("?topic\t")),
        ("t.xml", lambda text: "sparql-results" in text),
        ("t.csv", lambda text: text.startswith("topic,")),
        ("t.txt", lambda text: text.rstrip().endswith("(13 rows)")),
    ],
)
def test_the_output_format_follows_the_suffix(name: str, check: Any, cwd: Path) -> None:
    assert run("query", "topics", "-o", name)[0] == 0
    assert check((cwd / name).read_text(encoding="utf-8"))


@pytest.mark.filterwarnings(f"ignore:{JSONLD_WARNING}:DeprecationWarning")
def test_construct_to_json_is_json_ld(cwd: Path) -> None:
    assert run("query", "topic-network", "-o", "g.json")[0] == 0
    assert len(Graph().parse(cwd / "g.json", format="json-ld")) > 0


@pytest.mark.parametrize(
    ("argv", "phrases"),
    [
        (["query", "topics", "--format", "csv", "-o", "t.json"], ("--format csv", "t.json")),
        (["build", "--format", "nt", "-o", "x.ttl"], ("--format nt", "x.ttl", "*.nt")),
        (["build", "--format", "nt"], ("--format nt", "-o")),
        (["export", "--to", "gexf", "-o", "x.graphml"], ("--to gexf", "x.graphml")),
        (["export", "-o", "-"], ("--to",)),
        (["viz", "--depth", "2", "-o", "v.html"], ("--depth", "--focus")),
        (["analyze", "--path", "NATO", "Arctic", "--top", "3"], ("--top",)),
        (["query", "topic-network", "-o", "t.csv"], ("t.csv", "CONSTRUCT")),
    ],
)
def test_no_flag_is_silently_ignored(argv: list[str], phrases: tuple[str, ...], cwd: Path) -> None:
    bad(argv, cwd, *phrases)


def test_a_flag_with_no_effect_on_this_query_is_a_warning() -> None:
    code, out, err = run("query", "topics", "--ask-exit-code", "--max-rows", "50000")
    assert code == 0 and len(rows(out)) == 14
    assert "--ask-exit-code" in err and "ignored for SELECT" in err
    code, _, err = run("query", "on-agenda", "--max-rows", "5", "--param", "topic=arms control")
    assert code == 0 and "--max-rows" in err


def test_json_ld_may_be_named_json(cwd: Path) -> None:
    assert run("query", "topic-network", "--format", "json-ld", "-o", "g.json")[0] == 0


# --- did you mean ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "suggestion"),
    [
        (["biuld"], "'build'"),
        (["query", "topcis"], "'topics'"),
        (["query", "outcomes-by-topic", "--param", "tpoic=Trade"], "'topic'"),
        (["build", "--stirct"], "'--strict'"),
        (["query", "topics", "--format", "jsno"], "'json'"),
        (["viz", "--view", "topic"], "'topics'"),
    ],
)
def test_did_you_mean(argv: list[str], suggestion: str, cwd: Path) -> None:
    bad(argv, cwd, f"(did you mean {suggestion}")


def test_an_empty_answer_names_close_labels() -> None:
    code, out, err = run("query", "outcomes-by-topic", "--param", "topic=Cybersecurty")
    assert code == 0 and len(rows(out)) == 1
    assert err == "summit-kg: note: no rows: nothing is labelled 'Cybersecurty' " + (
        "(did you mean 'Cybersecurity'?)\n"
    )
    code, _, err = run("query", "outcomes-by-topic", "--param", "topic=Conflict Resolution")
    assert (code, err) == (0, "")  # a label that exists: no hint, whatever the answer


# --- parameters --------------------------------------------------------------------------------


def test_a_repeated_param_binds_every_value() -> None:
    both = run(
        "query", "outcomes-by-topic", "--param", "topic=Cybersecurity", "--param", "topic=Sanctions"
    )
    assert both[0] == 0
    topics = [row[0] for row in rows(both[1])[1:]]
    assert sorted(set(topics)) == ["Cybersecurity", "Sanctions"]
    assert len(topics) == 3 + 2


def test_a_repeated_node_param_resolves_each_label() -> None:
    one = run("query", "actor-links", "--param", "actor=NATO")[1]
    two = run("query", "actor-links", "--param", "actor=NATO", "--param", "actor=Vladimir Putin")
    assert two[0] == 0 and len(rows(two[1])) > len(rows(one))


def test_a_typed_param_is_bound_as_its_type(cwd: Path) -> None:
    (cwd / "rank.rq").write_text(
        "# title: By rank\n# param: r [integer] — a rank (1)\n"
        "SELECT ?level { ?level skg:rank ?r }\n",
        encoding="utf-8",
    )
    code, out, err = run("query", "rank.rq", "--param", "r=01")
    assert (code, err) == (0, "")
    assert rows(out)[1:] == [["https://w3id.org/summit-kg/ontology#Possible"]]
    bad(["query", "rank.rq", "--param", "r=one"], cwd, "r=one", "not an integer", "(e.g. 1)")


def test_inline_and_file_queries_get_the_project_prefixes(cwd: Path) -> None:
    code, out, _ = run("query", "SELECT ?t { ?t a skg:Topic }")
    assert code == 0 and len(rows(out)) == 14
    (cwd / "q.rq").write_text("ASK { ?s a skg:Summit ; rdfs:label ?l }\n", encoding="utf-8")
    assert run("query", "q.rq")[1].split() == ["_askResult", "true"]


# --- queries, --version ------------------------------------------------------------------------


def test_queries_name_shows_the_query() -> None:
    code, out, _ = run("queries", "outcomes-by-topic")
    assert code == 0
    query = kg.catalogue()["outcomes-by-topic"]
    assert out.startswith(f"outcomes-by-topic: {query.title}\n")
    assert "parameters:\n  topic: " in out and "(e.g. Cybersecurity)" in out
    assert "SELECT ?topicLabel" in out and "# title:" not in out
    code, out, _ = run("queries", "outcomes-by-topic", "--format", "json")
    record = json.loads(out)
    assert record["sparql"] == query.text and record["parameters"][0]["name"] == "topic"


def test_queries_json_lists_the_catalogue() -> None:
    records = json.loads(run("queries", "--format", "json")[1])
    assert [r["name"] for r in records] == list(kg.catalogue())
    assert {p["type"] for r in records for p in r["parameters"]} <= {"string", "node"}


def test_version() -> None:
    assert run("--version")[:2] == (0, f"summit-kg {kg.__version__}\n")


# --- tables, pipes, notices ----------------------------------------------------------------------


def test_tables_measure_wide_characters() -> None:
    table = text_table(["who", "n"], [["東京都", 1], ["🇺🇦 Kyiv", 2], ["Oslo", 3]])
    widths = {display_width(line.rstrip()) for line in table.splitlines()[2:]}
    ends = [display_width(line[: line.rindex(" ") + 1]) for line in table.splitlines()[2:]]
    assert len(set(ends)) == 1, table  # the second column starts at the same column
    assert widths


def test_tables_fit_the_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "50")
    code, out, _ = run("query", "outcomes-by-topic", out=Terminal())
    assert code == 0
    assert max(display_width(line) for line in out.splitlines()) <= 50
    assert "…" in out


@pytest.mark.parametrize("command", [["documents"], ["analyze", "--top", "2"], ["queries"]])
def test_listings_are_tables_on_a_terminal_and_csv_in_a_pipe(command: list[str]) -> None:
    piped = run(*command)[1]
    assert len(rows(piped)[0]) > 1 and "," in piped.splitlines()[0]
    shown = run(*command, out=Terminal())[1]
    assert "--" in shown and "," not in shown.splitlines()[0]


def test_the_embedded_default_is_noted_on_a_terminal_only(turtle: Path) -> None:
    assert run("query", "topics", err=Terminal())[2] == EMBEDDED_NOTICE
    assert run("query", "topics")[2] == ""
    assert run("query", "topics", "--data", str(turtle), err=Terminal())[2] == ""


# --- validate ---------------------------------------------------------------------------------


@pytest.mark.filterwarnings(f"ignore:{JSONLD_WARNING}:DeprecationWarning")
def test_validate_writes_the_shacl_report(turtle: Path) -> None:
    code, out, _ = run("validate", "--data", str(turtle), "--format", "turtle")
    assert code == 0
    report = Graph().parse(data=out, format="turtle")
    assert (None, SH.conforms, None) in report
    code, out, _ = run("validate", "--format", "json-ld")
    assert code == 0 and len(Graph().parse(data=out, format="json-ld")) > 0


def test_validate_with_a_users_shapes(cwd: Path, turtle: Path) -> None:
    (cwd / "mine.ttl").write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
        "@prefix skg: <https://w3id.org/summit-kg/ontology#> .\n"
        "<urn:shape> a sh:NodeShape ; sh:targetClass skg:Topic ;\n"
        "  sh:property [ sh:path skg:rank ; sh:minCount 1 ] .\n",
        encoding="utf-8",
    )
    code, out, _ = run("validate", "--data", str(turtle), "--shapes", "mine.ttl")
    assert code == 1 and out.startswith("13 violation(s):")
    code, out, _ = run("validate", "--shapes", "mine.ttl", "--format", "turtle")
    assert code == 1 and (None, SH.conforms, None) in Graph().parse(data=out, format="turtle")
    (cwd / "empty.ttl").write_text("<urn:a> <urn:b> <urn:c> .\n", encoding="utf-8")
    bad(["validate", "--shapes", "empty.ttl"], cwd, "empty.ttl", "no SHACL shape")
    bad(["validate", "--shapes", "missing.ttl"], cwd, "missing.ttl")


FORMULAS = 'topic,outcome,likelihood\n=cmd|calc,"@SUM(A1)",likely\n+1 trade,-dash,possible\n'


def test_csv_safe_neutralises_formula_cells_and_keeps_numbers(tmp_path: Path) -> None:
    table = tmp_path / "formulas.csv"
    table.write_text(FORMULAS, encoding="utf-8")
    code, plain, _ = run("query", "topics", "--data", str(table), "--format", "csv")
    assert code == 0 and "\n=cmd|calc," in plain  # the W3C form is the data as it is
    code, safe, _ = run("query", "topics", "--data", str(table), "--format", "csv", "--csv-safe")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(safe)))
    assert {r["topic"] for r in rows} == {"'=cmd|calc", "'+1 Trade"}
    assert all(not r[k].startswith(("=", "+", "-", "@")) for r in rows for k in r)
    assert {r["outcomes"] for r in rows} == {"1"}  # numbers are left alone
    code, tsv, _ = run("query", "topics", "--data", str(table), "--format", "tsv", "--csv-safe")
    assert code == 0 and '"\'=cmd|calc"' in tsv
    code, listing, _ = run("analyze", "--data", str(table), "--format", "csv", "--csv-safe")
    assert code == 0 and "'=cmd|calc" in listing and ",=cmd" not in listing


@pytest.mark.parametrize("value", ["inf", "1e30", "nan", "-1"])
def test_timeouts_out_of_range_are_bad_usage(value: str) -> None:
    code, _, err = run("query", "summit", "--timeout", value)
    assert code == 2 and "not a number of seconds from 0 to 86,400" in err


@pytest.mark.parametrize("value", [float("nan"), float("inf"), -1.0, 1e30])
def test_library_timeouts_out_of_range_are_usage_errors(value: float) -> None:
    with pytest.raises(kg.UsageError, match="timeout must be a number of seconds"):
        kg.load().query("summit", timeout=value)


def test_a_file_that_is_not_a_query_file_is_never_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("rootpassword:x:0:0\n", encoding="utf-8")
    code, _, err = run("query", str(secret))
    assert code == 2 and "not a query file" in err and "rootpassword" not in err
    with pytest.raises(kg.QueryError, match="not a query file") as caught:
        kg.load().query(str(secret))
    assert "rootpassword" not in str(caught.value)
    huge = tmp_path / "huge.rq"
    huge.write_bytes(b"#" * 100_000)
    code, _, err = run("query", str(huge))
    assert code == 2 and "longer than 20000 characters" in err


def test_runner_options_are_not_parameters() -> None:
    code, _, err = run("query", "summit", "--param", "timeout=3")
    assert code == 2 and "'timeout' is an option of the query runner" in err and "--timeout" in err


def test_control_characters_never_reach_the_terminal(tmp_path: Path) -> None:
    hostile = tmp_path / "clear\x1b[2Jscreen\nfake.md"
    hostile.write_text("# A\x1b[31m title\n\nLeaders of Chile and Peru meet in Lima.\n", "utf-8")
    code, out, err = run("build", str(hostile), "--report")
    assert code == 0 and "\x1b" not in out + err and "clear\\x1b[2Jscreen\\nfake.md" in out
    code, _, err = run("query", "summit", "--data", str(tmp_path / "no\x1bsuch.md"))
    assert code == 2 and "\x1b" not in err and err.count("\n") == 1 and "no\\x1bsuch.md" in err


# --- stdin as a source ------------------------------------------------------------------------

HARBOUR = Path(__file__).parents[1] / "fixtures" / "harbour-summit.md"


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_build_reads_an_article_from_stdin_as_from_its_file(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from_file = run("build", str(HARBOUR), "-o", "-", "--format", "nt")[1]
    _stdin(monkeypatch, HARBOUR.read_bytes())
    code, from_stdin, err = run("build", "-", "-o", "-", "--format", "nt")
    assert code == 0 and "1 document" in err
    named = from_file.replace('#fileName> "harbour-summit.md"', '#fileName> "stdin.md"')
    assert named != from_file
    assert sorted(from_stdin.splitlines()) == sorted(named.splitlines())


def test_data_dash_reads_a_saved_page_or_turtle_from_stdin(
    monkeypatch: pytest.MonkeyPatch, turtle: Path
) -> None:
    page = sorted((Path(__file__).parents[1] / "fixtures" / "html").glob("*.html"))[0]
    expected = json.loads(run("documents", "--data", str(page), "--format", "json")[1])
    expected[0]["file"] = "stdin.html"
    _stdin(monkeypatch, page.read_bytes())
    assert json.loads(run("documents", "--data", "-", "--format", "json")[1]) == expected
    expected = run("query", "topics", "--data", str(turtle))[1]
    _stdin(monkeypatch, turtle.read_bytes())
    assert run("query", "topics", "--data", "-")[1] == expected


def test_stdin_is_read_once_and_capped(monkeypatch: pytest.MonkeyPatch) -> None:
    from kg.loaders import sources

    _stdin(monkeypatch, b"ASK {}")
    code, out, err = run("query", "-", "--data", "-")
    assert (code, out) == (2, "") and "stdin can be read once" in err
    monkeypatch.setattr(sources, "MAX_SOURCE_BYTES", 10)
    _stdin(monkeypatch, b"# A title\n\nmore than ten bytes\n")
    code, out, err = run("build", "-")
    assert code == 2 and err == "summit-kg: error: <stdin>: over the 10-byte limit\n"


@pytest.mark.filterwarnings(f"ignore:{JSONLD_WARNING}:DeprecationWarning")
def test_a_graph_answer_as_json_ld_is_compacted_with_the_projects_context() -> None:
    code, text, _ = run("query", "topic-network", "--format", "json-ld")
    assert code == 0 and '"@context"' in text and '"skg": "https://w3id.org/summit-kg/' in text
    turtle = run("query", "topic-network", "--format", "nt")[1]
    assert len(Graph().parse(data=text, format="json-ld")) == len(turtle.splitlines()) > 0
