"""The query catalogue answers the embedded Alaska briefing correctly.

Every ``queries/*.rq`` is discovered with a glob, so a new query without a
checked answer fails here. SELECT answers live in ``tests/expected/``:

* ``<name>.csv``: the run with the example value of every declared
  ``# param:`` (for a query without parameters, its only run);
* ``<name>.all.csv``: the run without parameters, where it differs.

The expected files were drafted by running the queries, then checked by hand
against ``data/alaska-summit-briefing.md``. Every answer is compared as it is,
rows in order and ``""`` for unbound: each ``ORDER BY`` is total (no two
different rows tie) and the runner sorts the parts of the columns a query
names on its ``# list:`` lines (a ``GROUP_CONCAT``'s parts come in an order
SPARQL leaves to the engine), so the answer is one text on every engine.
"""

from __future__ import annotations

import csv
import functools
import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS
from rdflib.plugins.sparql.parser import parseQuery

import kg
from kg.errors import QueryError
from kg.rdf.namespaces import PREFIXES, SKG
from kg.sparql.catalogue import LIST_SEPARATOR, QueryFile, catalogue, parse_header
from kg.sparql.gate import compile_readonly
from tests.support.paths import EXPECTED, ROOT

QUERY_DIR = ROOT / "queries"
QUERY_PATHS = sorted(QUERY_DIR.glob("*.rq"))
QUERY_NAMES = [p.stem for p in QUERY_PATHS]

#: ASK queries: {parameter value (None = no parameter): expected answer}.
ASK_EXPECTED: dict[str, dict[str | None, bool]] = {
    "on-agenda": {
        "arms control": True,
        "Reevaluating arms control": True,  # the agenda item's own wording (an altLabel)
        "ARMS CONTROL": True,
        "Cybersecurity": True,
        "sanctions policy": True,  # a table's name for Sanctions
        "space exploration": False,
        "": False,
    },
}

#: CONSTRUCT queries checked by a dedicated test below.
CONSTRUCT_CHECKED = {"topic-network"}

ARTICLE = "Trump and Putin Set to Meet in Alaska for High-Stakes Talks as World Tensions Mount"

# The 13 outcomes of the four tables, in document order, with their likelihood.
OUTCOMES = {
    "Reduction in Hostilities": SKG.Anticipated,
    "Increased Bilateral Commerce": SKG.Anticipated,
    "Strengthened Cyber Defenses": SKG.Anticipated,
    "Renewal or new agreements": SKG.Possible,
    "Adjustment of sanction policies": SKG.Possible,
    "Cooperative management or competitive standoff": SKG.Possible,
    "Establishment of cyber norms": SKG.Possible,
    "Collaborative exploration initiatives": SKG.Likely,
    "New protocols for surveillance cooperation": SKG.Likely,
    "Possible relaxation or reinforcement": SKG.Possible,
    "Increased trust and fewer cyber incidents": SKG.Projected,
    "Enhanced strategic stability": SKG.Projected,
    "Lowered tensions and conflict mitigation": SKG.Projected,
    "affect the balance of security in the Arctic": SKG.Possible,  # a sentence: "might …"
}
TOPICS = {
    "Arms Control",
    "Economic Collaboration",
    "Conflict Resolution",
    "Environmental Initiatives",
    "Diplomatic Engagement",
    "Trade Relations",
    "Cybersecurity",
    "Sanctions",
    "Arctic Strategy",
    "Arctic Resource Management",
    "Military Intelligence Sharing",
    "Regional Security",
    "Balance of Security",  # the issue of an outcome read from a sentence ("might affect …")
}


# --- helpers ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def graph() -> kg.SummitGraph:
    return kg.load()


@pytest.fixture(scope="module")
def queries() -> dict[str, QueryFile]:
    return catalogue()


@pytest.fixture(scope="module")
def answers(graph: kg.SummitGraph, queries: dict[str, QueryFile]) -> Any:
    """Run a catalogue query once per module and parameter set."""
    cache: dict[tuple[str, tuple[tuple[str, str], ...]], kg.QueryResult] = {}

    def answer(name: str, **params: str) -> kg.QueryResult:
        key = (name, tuple(sorted(params.items())))
        if key not in cache:
            cache[key] = graph.query(queries[name], **params)
        return cache[key]

    return answer


def query_type(text: str) -> str:
    """'SELECT', 'ASK', 'CONSTRUCT' or 'DESCRIBE', from the parsed query."""
    return compile_readonly(text).kind


def concat_columns(text: str) -> set[str]:
    """Projected variables holding a GROUP_CONCAT (directly or via SAMPLE/MIN/MAX)."""
    columns = {
        m.group(2)
        for m in re.finditer(
            r"GROUP_CONCAT\s*\(\s*(?:DISTINCT\s+)?\?(\w+)[^)]*\)\s+AS\s+\?(\w+)", text, re.I
        )
    }
    wrapped = re.findall(r"(?:SAMPLE|MIN|MAX)\s*\(\s*\?(\w+)\s*\)\s+AS\s+\?(\w+)", text, re.I)
    changed = True
    while changed:
        changed = False
        for inner, outer in wrapped:
            if inner in columns and outer not in columns:
                columns.add(outer)
                changed = True
    return columns


def read_expected(path: Path) -> tuple[list[str], list[list[str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        header, *rows = list(csv.reader(handle))
    return header, rows


def actual_rows(result: kg.QueryResult) -> tuple[list[str], list[list[str]]]:
    return list(result.vars), [
        ["" if row.get(v) is None else str(row[v]) for v in result.vars] for row in result.rows
    ]


def runs() -> Iterator[Any]:
    """(query name, run): "example" with every declared example value; "all" without
    parameters, for queries that declare some (for the others "example" is that run)."""
    for path in QUERY_PATHS:
        name = path.stem
        yield pytest.param(name, "example", id=f"{name}-example")
        if parse_header(name, path.read_text(encoding="utf-8")).params:
            yield pytest.param(name, "all", id=f"{name}-all")


def params_for(query: QueryFile, run: str) -> dict[str, str]:
    if run == "all":
        return {}
    missing = [p.name for p in query.params if not p.example]
    assert not missing, f"{query.name}: '# param:' lines without an example value: {missing}"
    return {p.name: p.example for p in query.params if p.example}


def expected_file(name: str, run: str) -> Path:
    if run == "all" and (EXPECTED / f"{name}.all.csv").exists():
        return EXPECTED / f"{name}.all.csv"
    return EXPECTED / f"{name}.csv"


# --- the catalogue ---------------------------------------------------------------------------


def test_catalogue_is_the_queries_folder(queries: dict[str, QueryFile]) -> None:
    assert QUERY_NAMES, "no queries/*.rq found"
    assert list(queries) == QUERY_NAMES


def test_every_expected_file_belongs_to_a_query() -> None:
    stray = [
        p.name
        for p in EXPECTED.glob("*.csv")
        if p.name.removesuffix(".csv").removesuffix(".all") not in QUERY_NAMES
    ]
    assert not stray, f"expected answers for queries that do not exist: {stray}"


@pytest.mark.parametrize(("name", "run"), list(runs()))
def test_query_answer(answers: Any, queries: dict[str, QueryFile], name: str, run: str) -> None:
    query = queries[name]
    kind = query_type(query.text)
    if kind == "ASK":
        assert name in ASK_EXPECTED, f"ASK query '{name}' has no expected answers in this file"
        return  # checked by test_ask_answers
    if kind in ("CONSTRUCT", "DESCRIBE"):
        assert name in CONSTRUCT_CHECKED, f"{kind} query '{name}' has no test in this file"
        return  # checked by its own test

    path = expected_file(name, run)
    assert path.exists(), f"no checked answer for '{name}': write {path.relative_to(ROOT)}"
    result = answers(name, **params_for(query, run))
    assert result.type == "SELECT"
    header, rows = actual_rows(result)
    want_header, want_rows = read_expected(path)
    assert header == want_header

    assert rows == want_rows, "rows differ from the expected answer, or are in another order"
    lists = [header.index(c) for c in query.lists]
    for row in rows:
        for i in lists:
            parts = row[i].split(LIST_SEPARATOR)
            assert parts == sorted(parts), f"{header[i]}: list parts not sorted: {row[i]!r}"


@pytest.mark.parametrize("path", QUERY_PATHS, ids=QUERY_NAMES)
def test_list_columns_are_the_group_concat_columns(path: Path) -> None:
    """Every projected GROUP_CONCAT is declared on a ``# list:`` line (so its parts are
    sorted), with the separator the runner splits on, and nothing else is."""
    query = catalogue()[path.stem]
    projected = set(compile_readonly(query.text).projection)
    assert set(query.lists) == concat_columns(query.text) & projected
    separators = re.findall(
        r"GROUP_CONCAT\s*\([^)]*?separator\s*=\s*(\"[^\"]*\")", query.text, re.I
    )
    assert separators.count(f'"{LIST_SEPARATOR}"') == query.text.upper().count("GROUP_CONCAT")
    assert not re.search(r"\bSAMPLE\s*\(", query.text, re.I), "SAMPLE picks per engine: MIN/MAX"


def test_list_lines_name_columns_and_their_parts_are_sorted(graph: kg.SummitGraph) -> None:
    query = parse_header("q", "# list: ?names, other\n# list: names\nSELECT * {}")
    assert query.lists == ("names", "other")
    with pytest.raises(QueryError, match="malformed '# list:' line"):
        parse_header("q", "# list: ?names (their labels)\nSELECT * {}")
    with pytest.raises(QueryError, match="malformed '# list:' line"):
        parse_header("q", "# list:\nSELECT * {}")
    text = (
        "# list: names\nPREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
        'SELECT (GROUP_CONCAT(?n; separator="; ") AS ?names) (GROUP_CONCAT(?n; separator="; ") '
        "AS ?raw) WHERE { { SELECT ?n WHERE { ?t skos:prefLabel ?n } ORDER BY DESC(?n) } }"
    )
    [row] = graph.query(parse_header("q", text)).rows
    names, raw = str(row["names"]).split("; "), str(row["raw"]).split("; ")
    assert names == sorted(raw) and sorted(names) == names and len(names) > 2


@pytest.fixture(scope="module")
def corpus() -> tuple[kg.SummitGraph, kg.SummitGraph]:
    """A corpus with ties to break, in memory twice: as read, and with its graphs and their
    triples added in the reverse order (rdflib answers ties in the order triples were added)."""
    import kg.resources
    from kg.stores import GraphData
    from kg.stores.memory import MemoryStore
    from tests.support.paths import FIXTURES

    read = kg.load(
        *kg.resources.default_sources(), FIXTURES / "harbour-summit.md", FIXTURES / "genre"
    )
    graphs: dict[URIRef, list[Any]] = {}
    for s, p, o, g in read.store.quads():
        graphs.setdefault(g, []).append((s, p, o))
    backwards = MemoryStore()
    for iri, triples in reversed(graphs.items()):
        backwards.put(GraphData.of(iri, triples[::-1], as_text=False))
    return read, kg.SummitGraph(store=backwards)


@pytest.mark.parametrize(("name", "run"), list(runs()))
def test_answer_does_not_depend_on_the_order_triples_were_added(
    corpus: tuple[kg.SummitGraph, kg.SummitGraph], name: str, run: str
) -> None:
    """Every ORDER BY is total and every list sorted: the same text, whatever order the
    engine meets the triples in (any engine orders ties, and joins parts, its own way)."""
    from kg.sparql.results import format_result

    query = catalogue()[name]
    # the order is under test, not the speed: a slow machine under load must not time out
    forwards, backwards = (g.query(query, timeout=60, **params_for(query, run)) for g in corpus)
    fmt = "csv" if forwards.type in ("SELECT", "ASK") else "nt"
    assert format_result(backwards, fmt) == format_result(forwards, fmt)


# --- the answers the brief names, spelled out ----------------------------------------------


def test_outcomes_for_cybersecurity_in_document_order(graph: kg.SummitGraph) -> None:
    rows = graph.query("outcomes-by-topic", topic="Cybersecurity")
    assert [(str(r["outcome"]), str(r["likelihood"])) for r in rows] == [
        ("Strengthened Cyber Defenses", "anticipated"),
        ("Establishment of cyber norms", "possible"),
        ("Increased trust and fewer cyber incidents", "projected"),
    ]


@pytest.mark.parametrize("spelling", ["Cybersecurity", "cybersecurity", "CYBERSECURITY"])
def test_topic_parameter_ignores_case(graph: kg.SummitGraph, spelling: str) -> None:
    assert len(graph.query("outcomes-by-topic", topic=spelling)) == 3


def test_sanctions_policy_is_merged_into_sanctions(graph: kg.SummitGraph) -> None:
    by_alias = graph.query("outcomes-by-topic", topic="Sanctions Policy")
    assert {str(r["topicLabel"]) for r in by_alias} == {"Sanctions"}
    assert sorted(str(r["outcome"]) for r in by_alias) == [
        "Adjustment of sanction policies",
        "Possible relaxation or reinforcement",
    ]


def test_topic_counts(graph: kg.SummitGraph) -> None:
    counts = {str(r["topic"]): int(str(r["outcomes"])) for r in graph.query("topics")}
    assert set(counts) == TOPICS
    assert counts["Cybersecurity"] == 3
    assert counts["Arms Control"] == 2
    assert counts["Sanctions"] == 2
    assert sum(counts.values()) == 14


def test_summit_at_a_glance(answers: Any) -> None:
    rows = answers("summit").rows
    assert len(rows) == 1
    row = {k: "" if v is None else str(v) for k, v in rows[0].items()}
    assert row["status"] == "scheduled"
    assert row["place"] == "Alaska"
    assert sorted(row["participants"].split("; ")) == ["Donald Trump", "Vladimir Putin"]
    assert (row["topics"], row["outcomes"], row["concerns"], row["recommendations"]) == (
        "12",
        "14",
        "5",
        "4",
    )
    assert row["sources"] == "1"


def test_unknown_topic_gives_no_rows(graph: kg.SummitGraph) -> None:
    assert len(graph.query("outcomes-by-topic", topic="space exploration")) == 0


# --- ASK and CONSTRUCT -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "value", "answer"),
    [(n, v, a) for n, answers in ASK_EXPECTED.items() for v, a in answers.items()],
)
def test_ask_answers(graph: kg.SummitGraph, name: str, value: str, answer: bool) -> None:
    query = catalogue()[name]
    params = {p.name: value for p in query.params}
    result = graph.query(query, **params)
    assert result.type == "ASK"
    assert result.boolean is answer


def test_ask_example_value_is_true(graph: kg.SummitGraph, queries: dict[str, QueryFile]) -> None:
    for name in ASK_EXPECTED:
        query = queries[name]
        assert graph.query(query, **params_for(query, "example")).boolean is True


def test_on_agenda_without_topic_is_not_false(graph: kg.SummitGraph) -> None:
    assert graph.query("on-agenda").boolean is True


def test_topic_network(graph: kg.SummitGraph) -> None:
    result = graph.query("topic-network")
    assert result.type == "CONSTRUCT"
    network = result.graph
    assert network is not None
    topics = {str(network.value(t, SKOS.prefLabel)) for t in network.subjects(RDF.type, SKG.Topic)}
    assert topics == TOPICS
    outcomes = list(network.subjects(RDF.type, SKG.Outcome))
    assert len(outcomes) == 14
    likelihoods = {}
    for outcome in outcomes:
        label = network.value(outcome, RDFS.label)
        assert isinstance(label, Literal)
        levels = list(network.objects(outcome, SKG.likelihood))
        assert len(levels) == 1, f"{label}: {levels}"
        assert network.value(outcome, SKG.topic) is not None
        likelihoods[str(label)] = levels[0]
    assert likelihoods == OUTCOMES
    summits = list(network.subjects(RDF.type, SKG.Summit))
    assert len(summits) == 1
    assert len(set(network.objects(summits[0], SKG.addressesTopic))) == 12
    # no blank nodes: every node of the network is an IRI from the data
    assert all(isinstance(s, URIRef) for s in network.subjects())


# --- the files themselves --------------------------------------------------------------------


def _walk(node: Any) -> Iterator[Any]:
    yield node
    if isinstance(node, dict):
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list | tuple) or type(node).__name__ == "ParseResults":
        for value in node:
            yield from _walk(value)


@functools.cache
def declared_and_used_prefixes(text: str) -> tuple[dict[str, str], frozenset[str]]:
    parsed = parseQuery(text)
    declared = {
        str(d["prefix"]): str(d["iri"])
        for d in parsed[0]
        if getattr(d, "name", None) == "PrefixDecl"
    }
    used = frozenset(str(n["prefix"]) for n in _walk(parsed) if getattr(n, "name", None) == "pname")
    return declared, used


def test_prefix_walker_sees_every_kind_of_use() -> None:
    text = (
        "PREFIX a: <http://a/> PREFIX b: <http://b/> PREFIX c: <http://c/> PREFIX d: <http://d/>\n"
        "SELECT ?x { VALUES ?x { a:v } ?x b:p/c:q ?y FILTER (?y = d:z) }"
    )
    assert declared_and_used_prefixes(text)[1] == {"a", "b", "c", "d"}


@pytest.mark.parametrize("path", QUERY_PATHS, ids=QUERY_NAMES)
def test_query_file_header_and_size(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    assert lines[0].startswith("# title:") and lines[0].removeprefix("# title:").strip()
    assert lines[1].startswith("# description:")
    assert len(text.encode("utf-8")) < 20_000
    compile_readonly(text, source=str(path))
    query = catalogue()[path.stem]
    assert query.title and query.description


def _prefix_params() -> Iterator[Any]:
    for path in QUERY_PATHS:
        yield pytest.param(path, id=path.stem)


@pytest.mark.parametrize("path", list(_prefix_params()))
def test_query_declares_exactly_the_prefixes_it_uses(path: Path) -> None:
    declared, used = declared_and_used_prefixes(path.read_text(encoding="utf-8"))
    wrong = {p: iri for p, iri in declared.items() if str(PREFIXES.get(p)) != iri}
    assert not wrong, f"prefixes that differ from kg.rdf.namespaces.PREFIXES: {wrong}"
    assert not used - set(declared), f"used but not declared: {sorted(used - set(declared))}"
    assert not set(declared) - used, f"declared but unused: {sorted(set(declared) - used)}"


@pytest.mark.parametrize("path", QUERY_PATHS, ids=QUERY_NAMES)
def test_query_prefixes_match_the_namespaces(path: Path) -> None:
    """The part of the prefix rule every file must already meet: the same IRI per prefix."""
    declared, used = declared_and_used_prefixes(path.read_text(encoding="utf-8"))
    assert {p: iri for p, iri in declared.items() if str(PREFIXES.get(p)) != iri} == {}
    assert used <= set(declared)


def test_expected_files_are_well_formed_csv() -> None:
    for path in sorted(EXPECTED.glob("*.csv")):
        text = path.read_text(encoding="utf-8")
        rows = list(csv.reader(io.StringIO(text)))
        assert rows and all(len(r) == len(rows[0]) for r in rows), path.name
        assert "\r" not in text and text.endswith("\n"), path.name
