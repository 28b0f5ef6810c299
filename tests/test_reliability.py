"""One test (or a few) per row of the reliability table: hostile input → defined behaviour.

Rows A (network and file reach), B (query runner), C (parser DoS), D
(persistence and export) and E (the HTML view); row F (malformed articles)
is in ``tests/text/test_parse_malformed.py``. Each test asserts the
behaviour the row asks for, a clear project error or the defined result, and
that nothing was lost: the store or export byte-identical, no temporary file
left. Every hostile input is counted with ``tally("hostile inputs")``.
"""

from __future__ import annotations

import ast
import errno
import io
import json
import os
import random
import re
import resource
import signal
import socket
import subprocess
import sys
import time
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from rdflib import BNode, Dataset, Graph, Literal, URIRef, Variable
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, RDFS, SKOS

import kg
import kg.graph
import kg.sparql.gate
import kg.sparql.runner
import kg.sparql.sandbox
from kg.errors import LoaderError, QueryError, QueryRejected, QueryTimeout, StoreError
from kg.loaders import loader_for
from kg.network import page as viz
from kg.rdf.namespaces import SKG
from kg.sparql.catalogue import catalogue
from kg.sparql.engines import oxigraph_store, with_values
from kg.sparql.gate import CheckedQuery, compile_readonly
from kg.sparql.runner import run_query
from kg.stores import GraphData
from kg.stores.oxigraph import OxigraphStore
from kg.stores.sparql import SparqlStore
from tests.support.answers import result_set
from tests.support.canary import Canary
from tests.support.checks import run, snapshot
from tests.support.html_page import Page
from tests.support.paths import FIXTURES, ROOT
from tests.support.sparql_server import Endpoint, sparql_server
from tests.support.tally import tally

IMG = "<img src=x onerror=alert(1)>"
SCRIPT = "</script><script>alert(2)</script>"
STRICT = {
    "turtle": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "json-ld": ox.RdfFormat.JSON_LD,
}


# --- helpers ---------------------------------------------------------------------------


def clear_error(result: tuple[int, str, str], *phrases: str) -> str:
    """Exit 2, no stdout, one ``summit-kg: error:`` line naming ``phrases``, no traceback."""
    code, out, err = result
    assert code == 2, result
    assert out == "", result
    assert err.count("\n") == 1 and err.startswith("summit-kg: error: "), err
    assert "Traceback" not in err
    for phrase in phrases:
        assert phrase in err, (phrase, err)
    return err


def no_temp_files(folder: Path) -> None:
    assert not [p.name for p in folder.rglob("*") if p.name.endswith(".tmp")]


def hostile(number: int = 1) -> None:
    tally("hostile inputs", number)


def no_gate(text: str, *, source: str = "<query>", allow_remote: bool = False) -> CheckedQuery:
    """``compile_readonly`` with the static checks off (what gets past if the gate fails)."""
    kind = re.search(r"(?i)\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", text)
    return CheckedQuery(text, kind.group(1).upper() if kind else "SELECT", (), source)


def write_export(tmp_path: Path, name: str = "out.ttl") -> tuple[Path, bytes]:
    """A good export of the embedded default, written by the CLI: the file and its bytes."""
    target = tmp_path / name
    assert run("build", "-o", str(target))[0] == 0
    return target, target.read_bytes()


def article(folder: Path, name: str, body: str) -> Path:
    path = folder / name
    path.write_text(body, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def ox_store(alaska: kg.SummitGraph) -> Any:
    """The embedded default in an in-memory Oxigraph store."""
    return oxigraph_store(alaska.dataset)


@pytest.fixture(scope="module")
def server() -> Iterator[Endpoint]:
    with sparql_server() as endpoint:
        yield endpoint


@pytest.fixture()
def remote(server: Endpoint) -> Iterator[SparqlStore]:
    """The embedded default in the fake SPARQL server, and its store."""
    server.store.clear()
    server.answer = None
    store = SparqlStore(server.url)
    kg.SummitGraph(store).load()
    yield store
    server.answer = None
    server.fail_update.clear()


def targets(alaska: kg.SummitGraph, ox_store: Any) -> list[Any]:
    return [alaska.dataset, ox_store]


# --- A. network and file reach ---------------------------------------------------------

SERVICE_QUERIES = [
    "SELECT * {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
    "SELECT * {{ \\u0053ERVICE <{url}> {{ ?s ?p ?o }} }}",
    "SELECT * {{ service <{url}> {{ ?s ?p ?o }} }}",
    "SELECT * {{ sErViCe SILENT <{url}> {{ ?s ?p ?o }} }}",
    "SELECT * {{ {{ SELECT * {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }} }}",
    "SELECT * {{ ?a ?b ?c OPTIONAL {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}",
    "ASK {{ FILTER EXISTS {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}",
    "SELECT * {{ ?a ?b ?c FILTER NOT EXISTS {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}",
    "SELECT (EXISTS {{ SERVICE <{url}> {{ ?s ?p ?o }} }} AS ?e) {{ }}",
    "SELECT * {{ VALUES ?w {{ <{url}> }} SERVICE ?w {{ ?s ?p ?o }} }}",
    "CONSTRUCT {{ ?s ?p ?o }} WHERE {{ ?x ?y ?z MINUS {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}",
]


def test_A1_service_is_refused_and_never_reaches_the_canary(
    alaska: kg.SummitGraph, ox_store: Any, remote: SparqlStore, server: Endpoint, canary: str
) -> None:
    before = len(alaska)
    with remote.reading() as endpoint:
        engines = [*targets(alaska, ox_store), endpoint]
        asked = server.queries
        for template in SERVICE_QUERIES:
            for target in engines:
                hostile()
                with pytest.raises(QueryRejected, match="SERVICE is not allowed"):
                    run_query(target, template.format(url=canary))
        assert server.queries == asked  # refused before any request to the endpoint
    assert Canary.hits == 0
    assert len(alaska) == before


def test_A1_service_in_an_rq_file_is_refused_by_the_cli(tmp_path: Path, canary: str) -> None:
    for number, template in enumerate(SERVICE_QUERIES):
        query = article(tmp_path, f"q{number}.rq", "# title: t\n" + template.format(url=canary))
        hostile()
        clear_error(run("query", str(query)), "SERVICE is not allowed", query.name)
    assert Canary.hits == 0


def _tarpit() -> socket.socket:
    tarpit = socket.socket()
    tarpit.bind(("127.0.0.1", 0))
    tarpit.listen(8)
    return tarpit


def test_A2_a_service_tarpit_is_stopped_at_the_timeout(
    alaska: kg.SummitGraph, ox_store: Any
) -> None:
    tarpit = _tarpit()
    url = f"http://127.0.0.1:{tarpit.getsockname()[1]}/sparql"
    try:
        for target in targets(alaska, ox_store):
            hostile()
            start = time.monotonic()
            with pytest.raises(QueryTimeout):
                run_query(
                    target,
                    f"SELECT * {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
                    timeout=2,
                    allow_remote=True,
                )
            assert time.monotonic() - start < 2 + 1
    finally:
        tarpit.close()
    assert len(alaska.query("topics")) == 13  # the parent lives on


def test_A2_with_the_gate_off_rdflib_cannot_even_connect(
    alaska: kg.SummitGraph, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Second layer: the worker's audit hook refuses the socket; the tarpit sees no one."""
    monkeypatch.setattr(kg.sparql.runner, "compile_readonly", no_gate)
    tarpit = _tarpit()
    url = f"http://127.0.0.1:{tarpit.getsockname()[1]}/sparql"
    try:
        hostile()
        start = time.monotonic()
        with pytest.raises(PermissionError, match="network access is disabled"):
            run_query(alaska.dataset, f"SELECT * {{ SERVICE <{url}> {{ ?s ?p ?o }} }}", timeout=2)
        assert time.monotonic() - start < 2 + 1
        tarpit.setblocking(False)
        with pytest.raises(BlockingIOError):
            tarpit.accept()  # nobody connected
    finally:
        tarpit.close()


def test_A3_from_and_from_named_are_refused(
    alaska: kg.SummitGraph, ox_store: Any, canary: str
) -> None:
    queries = [
        "SELECT * FROM <file:///etc/passwd> { ?s ?p ?o }",
        "SELECT * FROM NAMED <file:///etc/passwd> { GRAPH ?g { ?s ?p ?o } }",
        f"SELECT * FROM <{canary}x.ttl> {{ ?s ?p ?o }}",
        f"ASK FROM NAMED <{canary}> {{ GRAPH ?g {{ ?s ?p ?o }} }}",
        "DESCRIBE ?s FROM <file:///etc/hostname> WHERE { ?s ?p ?o }",
    ]
    for text in queries:
        for target in targets(alaska, ox_store):
            hostile()
            with pytest.raises(QueryRejected, match="FROM and FROM NAMED are not allowed"):
                run_query(target, text)
    assert Canary.hits == 0


def test_A3_importing_the_runner_turns_off_rdflib_graph_loading() -> None:
    code = (
        "import rdflib.plugins.sparql as s; before = s.SPARQL_LOAD_GRAPHS; "
        "import kg.sparql.runner; print(before, s.SPARQL_LOAD_GRAPHS)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.split() == ["True", "False"]


def test_A4_load_is_refused_and_the_runner_never_updates(
    alaska: kg.SummitGraph, ox_store: Any, canary: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    for text in (
        f"LOAD <{canary}>",
        f"LOAD SILENT <{canary}x.ttl> INTO GRAPH <urn:g>",
        f"# a comment\nload <{canary}>",
        f"\\u004cOAD <{canary}>",
    ):
        for target in targets(alaska, ox_store):
            hostile()
            with pytest.raises(QueryRejected, match="updates are refused"):
                run_query(target, text)
        monkeypatch.setattr(sys, "stdin", io.StringIO(text))
        clear_error(run("query", "-"), "updates are refused")
    assert Canary.hits == 0
    for module in (*(f"sparql/{name}" for name in SPARQL_MODULES), "cli"):
        tree = ast.parse((ROOT / "kg" / f"{module}.py").read_text(encoding="utf-8"))
        calls = [
            node.lineno
            for node in ast.walk(tree)
            if isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "update"
        ]
        assert calls == [], f"kg/{module}.py calls .update() at lines {calls}"


SPARQL_MODULES = ("catalogue", "gate", "runner", "engines", "sandbox", "results")


def test_A5_urls_as_inputs_are_refused(tmp_path: Path, canary: str) -> None:
    export, before = write_export(tmp_path)
    for source in (f"{canary}x.ttl", "file:///etc/passwd", f"{canary}a.md", "ftp://x/y.md"):
        hostile()
        clear_error(run("build", source, "-o", str(export)), "inputs must be local files", source)
        hostile()
        clear_error(run("query", "topics", "--data", source), "inputs must be local files")
    assert Canary.hits == 0
    assert export.read_bytes() == before
    no_temp_files(tmp_path)


def test_A5_rdflib_parse_is_only_ever_given_data() -> None:
    """Every ``.parse(`` call in kg/ passes ``data=`` (or a file object), never a source."""
    offenders = []
    for path in sorted((ROOT / "kg").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "parse"
            ):
                continue
            receiver = node.func.value
            if isinstance(receiver, ast.Name) and receiver.id in ("ox", "urllib"):
                continue  # pyoxigraph's parse takes bytes; it never fetches
            if any(k.arg == "data" for k in node.keywords) or not (node.args or node.keywords):
                continue  # data given, or not rdflib's parse (the article parser takes nothing)
            first = node.args[0] if node.args else None
            if isinstance(first, ast.Call) and ast.unparse(first.func).endswith(
                ("BytesIO", "StringIO")
            ):
                continue
            offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []


def test_A6_json_ld_contexts_that_would_be_fetched_are_refused(tmp_path: Path, canary: str) -> None:
    (tmp_path / "ctx.jsonld").write_text('{"@context": {"p": "urn:p"}}', encoding="utf-8")
    documents = {
        "remote": {"@context": f"{canary}ctx", "@id": "urn:a", "p": "x"},
        "file": {"@context": "file:///etc/passwd", "@id": "urn:a"},
        "relative": {"@context": "ctx.jsonld", "@id": "urn:a", "p": "x"},
        "list": {"@context": [{"q": "urn:q"}, f"{canary}ctx"], "@id": "urn:a"},
        "scoped": {"@context": {"p": {"@id": "urn:p", "@context": f"{canary}c"}}, "@id": "urn:a"},
        "nested": {"@graph": [{"@context": f"{canary}n", "@id": "urn:b"}]},
        "import": {"@context": {"@version": 1.1, "@import": f"{canary}i"}, "@id": "urn:a"},
    }
    export, before = write_export(tmp_path)
    for name, document in documents.items():
        source = article(tmp_path, f"{name}.jsonld", json.dumps(document))
        hostile()
        err = clear_error(run("build", str(source), "-o", str(export)), source.name)
        assert "@context" in err or "@import" in err
    assert Canary.hits == 0
    assert export.read_bytes() == before
    inline = article(
        tmp_path, "inline.jsonld", '{"@context": {"p": "urn:p"}, "@id": "urn:a", "p": "x"}'
    )
    assert len(kg.load(inline)) == 1  # an inline context is fine


def test_A7_owl_imports_is_not_followed(tmp_path: Path, canary: str) -> None:
    source = article(
        tmp_path,
        "onto.ttl",
        "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
        f"<urn:onto> a owl:Ontology ; owl:imports <{canary}imported.ttl> ,\n"
        "  <file:///etc/passwd> .\n",
    )
    hostile()
    graph = kg.load(source)
    assert len(graph) == 3
    graph.query("SELECT * { ?s ?p ?o }")
    graph.serialize(tmp_path / "out.ttl")
    assert Canary.hits == 0


def _xxe(url: str) -> str:
    return (
        f'<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM "{url}ent">'
        '<!ENTITY y SYSTEM "file:///etc/passwd">]>\n'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:e="urn:e#">'
        '<rdf:Description rdf:about="urn:s"><e:p>&x;&y;</e:p></rdf:Description></rdf:RDF>\n'
    )


def test_A8_rdf_xml_files_are_not_accepted(tmp_path: Path, canary: str) -> None:
    export, before = write_export(tmp_path)
    for name in ("x.rdf", "x.owl", "x.xml"):
        source = article(tmp_path, name, _xxe(canary))
        hostile()
        clear_error(run("build", str(source), "-o", str(export)), "no loader for", name)
    with pytest.raises(LoaderError, match="unknown format 'xml'"):
        loader_for(tmp_path / "x.ttl", format="xml")
    disguised = article(tmp_path, "x.ttl", _xxe(canary))
    hostile()
    clear_error(run("build", str(disguised), "-o", str(export)), "cannot parse as turtle")
    clear_error(run("build", "-o", str(tmp_path / "out.rdf")), "out.rdf")  # no RDF/XML out
    assert Canary.hits == 0
    assert export.read_bytes() == before
    no_temp_files(tmp_path)


def test_A8_a_sparql_server_answering_rdf_xml_with_entities_is_refused(
    remote: SparqlStore, server: Endpoint, canary: str
) -> None:
    answers = [
        ("application/rdf+xml", _xxe(canary).encode()),
        ("application/sparql-results+xml", _results_with_entity(canary)),
    ]
    for media, body in answers:
        server.answer = (media, body)
        for text in ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "SELECT ?s { ?s ?p ?o }"):
            hostile()
            with remote.reading() as endpoint, pytest.raises(QueryError, match="refused"):
                run_query(endpoint, text)
    assert Canary.hits == 0


def _results_with_entity(url: str) -> bytes:
    return (
        f'<?xml version="1.0"?><!DOCTYPE sparql [<!ENTITY x SYSTEM "{url}e">]>'
        '<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head><variable name="s"/>'
        '</head><results><result><binding name="s"><literal>&x;</literal></binding>'
        "</result></results></sparql>"
    ).encode()


def test_A9_only_the_configured_endpoint_is_reached(
    remote: SparqlStore, server: Endpoint, canary: str
) -> None:
    with remote.reading() as endpoint:
        assert len(run_query(endpoint, "topics")) == 13  # the allowed endpoint works
        asked = server.queries
        for text in (
            f"SELECT * {{ SERVICE <{canary}> {{ ?s ?p ?o }} }}",
            "SELECT * { SERVICE <file:///etc/passwd> { ?s ?p ?o } }",
            f"SELECT * FROM <{canary}> {{ ?s ?p ?o }}",
        ):
            hostile()
            with pytest.raises(QueryRejected):
                run_query(endpoint, text)
        assert server.queries == asked
    port = int(server.url.split(":")[2].split("/")[0])

    def connect() -> None:
        socket.create_connection(("127.0.0.1", port), timeout=2).close()

    hostile()
    with pytest.raises(PermissionError):  # local query workers reach nothing at all
        kg.sparql.sandbox.run_isolated(connect, timeout=5)
    assert Canary.hits == 0


# --- B. query runner -------------------------------------------------------------------

EVIL = ['"', "\\", "\\u0022", "\\U00000022", "x\\", "}", "#", "\n", ">", 'nobody" || true || "']
ESCAPED = [
    "\\u0022) || true || (\\u0022",
    "\\U00000022 || true || \\U00000022",
    "x\\u0022 } ; DROP ALL #",
    "\\u003e <urn:x",
    "\\u007d UNION { ?s ?p ?o }",
]
BY_LABEL = (
    "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
    "SELECT ?s { ?s skos:prefLabel ?l FILTER (?l = ?want) }"
)


@pytest.mark.parametrize("payload", EVIL)
def test_B1_injection_payloads_find_nothing_and_change_nothing(
    alaska: kg.SummitGraph, ox_store: Any, payload: str
) -> None:
    before, quads = alaska.data(), len(ox_store)
    for target in targets(alaska, ox_store):
        hostile()
        assert run_query(target, BY_LABEL, {"want": payload}).rows == []
        assert run_query(target, "outcomes-by-topic", {"topic": payload}).rows == []
    assert isomorphic(alaska.data(), before)
    assert len(ox_store) == quads


@pytest.mark.parametrize("payload", EVIL + ESCAPED)
def test_B1_bound_values_stay_one_literal_in_the_query_text(payload: str) -> None:
    """Oxigraph and SPARQL servers get parameters as a VALUES block holding the value exactly."""
    from rdflib.plugins.sparql.algebra import translateQuery
    from rdflib.plugins.sparql.parser import parseQuery

    hostile()
    text = with_values(BY_LABEL, "SELECT", {"want": Literal(payload)})
    values = [
        node
        for node in _algebra_nodes(translateQuery(parseQuery(text)).algebra)
        if getattr(node, "name", None) == "values"
    ]
    assert [row for node in values for row in node["res"]] == [{Variable("want"): Literal(payload)}]


def _algebra_nodes(node: Any) -> Iterator[Any]:
    yield node
    if isinstance(node, dict):
        for value in node.values():
            yield from _algebra_nodes(value)
    elif isinstance(node, list):
        for value in node:
            yield from _algebra_nodes(value)


def test_B1_the_runner_never_formats_query_text() -> None:
    """In the runner and the gate, f-strings, ``%`` and ``.format`` only build messages, regexes."""
    for name in ("runner.py", "gate.py"):
        _assert_formats_no_query_text(ROOT / "kg" / "sparql" / name)


def _assert_formats_no_query_text(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    allowed: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Raise) and node.exc is not None:
            allowed.update(id(n) for n in ast.walk(node.exc))
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "re"
        ):
            allowed.update(id(n) for n in ast.walk(node))
    formatting = [
        node.lineno
        for node in ast.walk(tree)
        if (
            isinstance(node, ast.JoinedStr)
            or (isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod))
            or (isinstance(node, ast.Attribute) and node.attr == "format")
        )
        and id(node) not in allowed
    ]
    assert formatting == []


@pytest.mark.parametrize("payload", ESCAPED)
def test_B2_numeric_escapes_do_not_open_the_string(
    alaska: kg.SummitGraph, ox_store: Any, payload: str
) -> None:
    for target in targets(alaska, ox_store):
        hostile()
        assert run_query(target, BY_LABEL, {"want": payload}).rows == []
        assert run_query(target, "on-agenda", {"topic": payload}).boolean is False


def test_B3_every_stored_label_finds_its_node(alaska: kg.SummitGraph) -> None:
    tricky = ["Tricky\\u0022Label", 'say "hi"', "back\\slash", "line\nbreak", "tab\t", "} #"]
    data = Dataset(default_union=True)
    graph = data.graph(URIRef("urn:g"))
    for triple in alaska.data():
        graph.add(triple)
    for number, label in enumerate(tricky):
        graph.add((URIRef(f"urn:t{number}"), SKOS.prefLabel, Literal(label)))
    hostile(len(tricky))
    labelled: dict[str, set[str]] = {}
    for s, _, o in graph.triples((None, SKOS.prefLabel, None)):
        labelled.setdefault(str(o), set()).add(str(s))
    assert len(labelled) > 40
    for target in (data, oxigraph_store(data)):
        for label, nodes in labelled.items():
            rows = run_query(target, BY_LABEL, {"want": Literal(label)}, timeout=None).rows
            assert {str(r["s"]) for r in rows} == nodes, label


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ({"a": 1}, "must be text, a number or an RDF term"),
        (["x"], "must be text, a number or an RDF term"),
        ({"x"}, "must be text, a number or an RDF term"),
        (b"bytes", "must be text, a number or an RDF term"),
        (None, "must be text, a number or an RDF term"),
        (BNode("b1"), "must be an IRI or a literal"),
        (Variable("y"), "must be an IRI or a literal"),
        (URIRef("urn:has space"), "not a valid IRI"),
        (URIRef("urn:a{b}"), "not a valid IRI"),
        ("<urn:has space>", "not a valid IRI"),
        ("<urn:x>y>", "not a valid IRI"),
    ],
)
def test_B4_parameters_must_be_terms_and_iris_valid(
    alaska: kg.SummitGraph, ox_store: Any, value: object, message: str
) -> None:
    for target in targets(alaska, ox_store):  # the same refusal on every engine
        hostile()
        with pytest.raises(QueryError, match=message):
            run_query(target, "SELECT ?s { ?s ?p ?want }", {"want": value})


def _answer_or_error(target: Any, name: str, bound: dict[str, str]) -> Any:
    try:
        return result_set(run_query(target, name, bound, timeout=60))
    except QueryError as error:  # a node parameter no label of this graph names
        return str(error)


@pytest.mark.parametrize("graph", ["empty", "no-topics", "default", "corpus"])
def test_B5_every_catalogue_query_answers_the_same_on_both_backends(
    alaska: kg.SummitGraph, ox_store: Any, corpus: kg.SummitGraph, graph: str
) -> None:
    """On nothing, on a news item without topics (grouped subqueries over no rows), on the
    embedded default and on a corpus whose sources share nodes."""
    data = {
        "empty": kg.SummitGraph(),
        "no-topics": kg.load(FIXTURES / "edge" / "short-news.md"),
        "default": alaska,
        "corpus": corpus,
    }[graph]
    store = ox_store if graph == "default" else oxigraph_store(data.dataset)
    for name, query in catalogue().items():
        params = {p.name: p.example for p in query.params if p.example}
        for bound in ({}, params) if params else ({},):
            left = _answer_or_error(data.dataset, name, bound)
            right = _answer_or_error(store, name, bound)
            if isinstance(left, Graph):
                assert isomorphic(left, right), name
            else:
                assert left == right, (name, bound)


def test_B5_a_parameter_outside_the_projection_binds_on_both_backends(
    alaska: kg.SummitGraph, ox_store: Any
) -> None:
    answers = [
        {str(r["s"]) for r in run_query(t, BY_LABEL, {"want": "Cybersecurity"}).rows}
        for t in targets(alaska, ox_store)
    ]
    assert answers[0] == answers[1] and len(answers[0]) == 1


UPDATES = [
    "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
    "DELETE WHERE { ?s ?p ?o }",
    "DROP ALL",
    "CLEAR DEFAULT",
    "LOAD <http://127.0.0.1:9/x>",
    "CREATE GRAPH <urn:g>",
    "DELETE { ?s ?p ?o } INSERT { ?s ?p 1 } WHERE { ?s ?p ?o }",
    "SELECT * { ?s ?p ?o } ; DROP ALL",
]


def test_B6_updates_are_refused_before_any_request(
    alaska: kg.SummitGraph, ox_store: Any, remote: SparqlStore, server: Endpoint
) -> None:
    before, quads, remote_before = alaska.data(), len(ox_store), remote.data()
    asked, updated = server.queries, server.updates
    with remote.reading() as endpoint:
        for text in UPDATES:
            for target in [*targets(alaska, ox_store), endpoint]:
                hostile()
                with pytest.raises(QueryError) as caught:
                    run_query(target, text)
                assert isinstance(caught.value, QueryRejected) or "not valid SPARQL" in str(
                    caught.value
                )
    assert (server.queries, server.updates) == (asked, updated)
    assert isomorphic(alaska.data(), before)
    assert len(ox_store) == quads
    assert isomorphic(remote.data(), remote_before)


def _triples(count: int) -> Dataset:
    data = Dataset(default_union=True)
    graph = data.graph(URIRef("urn:g"))
    for number in range(count):
        graph.add((URIRef(f"urn:s{number}"), URIRef("urn:p"), Literal(number)))
    return data


def test_B7_a_cartesian_product_stops_at_the_timeout() -> None:
    data = _triples(400)
    text = "SELECT (COUNT(*) AS ?n) { ?a ?p ?x . ?b ?p ?y . ?c ?p ?z }"
    for target in (data, oxigraph_store(data)):
        hostile()
        start = time.monotonic()
        with pytest.raises(QueryTimeout):
            run_query(target, text, timeout=2)
        assert time.monotonic() - start < 5
        assert run_query(target, "ASK { ?s ?p 1 }").boolean is True  # the next query works


def test_B8_the_row_cap_truncates_and_says_so(
    alaska: kg.SummitGraph, ox_store: Any, remote: SparqlStore
) -> None:
    with remote.reading() as endpoint:
        for target in [*targets(alaska, ox_store), endpoint]:
            result = run_query(target, "SELECT * { ?s ?p ?o }", max_rows=2)
            assert len(result.rows) == 2 and result.truncated


def test_B8_a_query_past_the_memory_cap_is_a_clear_error(
    alaska: kg.SummitGraph, ox_store: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 64 MiB above the worker's size at its start: rdflib reaches it in about 9 s on a
    # slow 2-core machine (256 MiB took 19 s there, and over 60 s once under load)
    monkeypatch.setattr(kg.sparql.sandbox, "MAX_WORKER_MEMORY", 64 * 1024**2)
    text = "SELECT * { ?a ?p ?x . ?b ?q ?y } ORDER BY ?x ?y"
    for target in targets(alaska, ox_store):
        hostile()
        with pytest.raises(QueryError, match=r"MemoryError|engine crashed") as caught:
            run_query(target, text, timeout=120, max_rows=5)
        assert not isinstance(caught.value, QueryTimeout)
    assert len(alaska.query("topics")) == 13


def test_B9_deep_nesting_is_refused_and_past_the_gate_cannot_kill_the_parent(
    alaska: kg.SummitGraph, ox_store: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    for text in (
        "SELECT * { FILTER(" + "(" * 300 + "1" + ")" * 300 + ") }",
        "SELECT * { " + "{ " * 300 + "}" * 300 + " }",
        "ASK { " + "OPTIONAL { " * 100 + "}" * 100 + " }",
    ):
        for target in targets(alaska, ox_store):
            hostile()
            with pytest.raises(QueryRejected, match="nesting too deep"):
                run_query(target, text)
    monkeypatch.setattr(kg.sparql.runner, "compile_readonly", no_gate)
    deeper = "SELECT * { FILTER(" + "(" * 10_000 + "1" + ")" * 10_000 + ") }"
    for target in targets(alaska, ox_store):
        hostile()
        with pytest.raises(QueryError):
            run_query(target, deeper)
    monkeypatch.undo()
    assert len(alaska.query("topics")) == 13


def test_B10_a_property_path_over_a_long_chain_is_a_clear_error_or_an_answer(
    tmp_path: Path,
) -> None:
    chain = tmp_path / "chain.nt"
    chain.write_text("".join(f"<urn:n{i}> <urn:p> <urn:n{i + 1}> .\n" for i in range(1000)))
    query = article(tmp_path, "reach.rq", "SELECT (COUNT(*) AS ?c) { <urn:n0> <urn:p>* ?b }\n")
    hostile()
    clear_error(run("query", str(query), "--data", str(chain)), "property path", "oxigraph")
    spec = f"oxigraph:{tmp_path / 'db'}"
    assert run("build", str(chain), "--store", spec, "--quiet")[0] == 0
    code, out, _ = run("query", str(query), "--store", spec, "--format", "csv")
    assert code == 0 and out.split() == ["c", "1001"]


def test_B11_every_rq_file_in_the_repository_is_read_only_and_local() -> None:
    listed = subprocess.run(
        ["git", "-C", str(ROOT), "ls-files", "*.rq"], capture_output=True, text=True, check=True
    ).stdout.split()
    assert len(listed) >= len(catalogue())
    for name in listed:
        text = (ROOT / name).read_text(encoding="utf-8")
        assert len(text) < kg.sparql.gate.MAX_QUERY_CHARS, name
        checked = compile_readonly(text, source=name)  # raises on updates, SERVICE, FROM
        assert checked.kind in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE"), name


# --- C. parser DoS ---------------------------------------------------------------------


def _laughs(levels: int = 7) -> str:
    entities = '<!ENTITY l0 "lol">' + "".join(
        f'<!ENTITY l{n} "{f"&l{n - 1};" * 10}">' for n in range(1, levels + 1)
    )
    return (
        f'<?xml version="1.0"?>\n<!DOCTYPE r [{entities}]>\n'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:e="urn:e#">'
        f'<rdf:Description rdf:about="urn:s"><e:p>&l{levels};</e:p></rdf:Description></rdf:RDF>'
    )


def test_C1_billion_laughs_is_refused_fast_and_small(
    tmp_path: Path, remote: SparqlStore, server: Endpoint
) -> None:
    payload = _laughs()
    assert len(payload) < 1000
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.monotonic()
    for name in ("laughs.rdf", "laughs.ttl", "laughs.jsonld"):
        hostile()
        with pytest.raises(LoaderError, match=re.escape(name)):
            kg.load(article(tmp_path, name, payload))
    server.answer = ("application/rdf+xml", payload.encode())
    hostile()
    with remote.reading() as endpoint, pytest.raises(QueryError, match="rdf\\+xml"):
        run_query(endpoint, "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
    server.answer = ("application/sparql-results+xml", payload.replace("rdf:RDF", "x").encode())
    hostile()
    with remote.reading() as endpoint, pytest.raises(QueryError, match="DOCTYPE"):
        run_query(endpoint, "SELECT * { ?s ?p ?o }")
    assert time.monotonic() - start < 1 + 1  # loads above included
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak < 50 * 1024  # KiB
    hostile()
    as_text = kg.load(article(tmp_path, "laughs.md", payload)).data()  # an article is just text
    assert not [o for o in as_text.objects() if "lollol" in str(o)]  # no entity was expanded


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (
            "deep-brackets.ttl",
            "<urn:s> <urn:p> " + "[ <urn:p> " * 10_000 + "1" + " ]" * 10_000 + " .",
        ),
        ("deep-list.ttl", "<urn:s> <urn:p> " + "( " * 10_000 + "1" + " )" * 10_000 + " ."),
        ("deep.jsonld", '{"@id": "urn:s", "urn:p": ' + "[" * 10_000 + "1" + "]" * 10_000 + "}"),
        (
            "deep-objects.jsonld",
            '{"@id": "urn:s", "urn:p": ' + '{"urn:p": ' * 10_000 + "1" + "}" * 10_000 + "}",
        ),
        (
            "deep.trig",
            "<urn:g> { <urn:s> <urn:p> " + "[ <urn:p> " * 10_000 + "1" + " ]" * 10_000 + " . }",
        ),
    ],
)
def test_C2_deeply_nested_documents_are_a_clear_error(tmp_path: Path, name: str, text: str) -> None:
    export, before = write_export(tmp_path)
    source = article(tmp_path, name, text)
    hostile()
    clear_error(run("build", str(source), "-o", str(export)), name)
    assert export.read_bytes() == before
    no_temp_files(tmp_path)


@pytest.fixture(scope="module")
def corpus() -> kg.SummitGraph:
    return kg.load(
        *kg.resources.default_sources(), FIXTURES / "harbour-summit.md", FIXTURES / "genre"
    )


@pytest.mark.parametrize("fmt", list(STRICT))
def test_C3_every_export_passes_the_strict_parser(corpus: kg.SummitGraph, fmt: str) -> None:
    text = corpus.serialize(format=fmt)
    parsed = list(ox.parse(text.encode("utf-8"), format=STRICT[fmt]))
    expected = (  # quad formats: each document's graph, and the ontology in its own
        len(corpus)
        if fmt in ("turtle", "nt", "json-ld")
        else sum(d.triples for d in corpus.documents()) + len(corpus.store.ontology())
    )
    assert len(parsed) == expected


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("space.ttl", '<urn:a b> <urn:p> "x" .\n', "not a valid IRI"),
        ("braces.nt", '<http://ex/a{b}> <urn:p> "x" .\n', "not a valid IRI"),
        ("pipe.ttl", "<urn:s> <urn:p> <urn:a|b> .\n", "not a valid IRI"),
        ("literal-subject.ttl", '"lit" <urn:p> "x" .\n', "cannot be a subject"),
        ("bad-lang.ttl", '<urn:s> <urn:p> "x"@en_US .\n', "cannot parse as turtle"),
        ("bad-datatype.ttl", '<urn:s> <urn:p> "x"^^<urn:a b> .\n', "not a valid IRI"),
    ],
)
def test_C3_lenient_rdflib_input_is_refused_not_exported_broken(
    tmp_path: Path, name: str, text: str, message: str
) -> None:
    export, before = write_export(tmp_path)
    source = article(tmp_path, name, text)
    hostile()
    with pytest.raises(LoaderError) as caught:
        kg.load(source)
    assert message in str(caught.value) and name in str(caught.value)
    clear_error(run("build", str(source), "-o", str(export)), name)
    assert export.read_bytes() == before
    no_temp_files(tmp_path)


# --- D. persistence, export, data loss -------------------------------------------------


def _enospc(*args: object, **kwargs: object) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize("suffix", [".ttl", ".nt", ".nq", ".trig", ".jsonld"])
@pytest.mark.parametrize("fault", ["serializer", "replace", "fsync", "chain"])
def test_D1_a_failed_export_leaves_the_previous_file_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str, fault: str
) -> None:
    export, before = write_export(tmp_path, "out" + suffix)
    sources: list[str] = []
    if fault == "serializer":

        def broken(*args: object, **kwargs: object) -> str:
            raise RuntimeError("serializer exploded half-way")

        monkeypatch.setattr(Graph, "serialize", broken)  # JSON-LD
        monkeypatch.setattr(Dataset, "serialize", broken)
        monkeypatch.setattr(ox, "serialize", broken)  # Turtle, N-Triples, N-Quads, TriG
    elif fault in ("replace", "fsync"):
        monkeypatch.setattr(os, fault, _enospc)
    else:  # a 600-blank-node chain: rdflib's writer recursed and left a fragment (D3)
        chain = tmp_path / "chain.nt"
        chain.write_text("".join(f"_:b{i} <urn:p> _:b{i + 1} .\n" for i in range(600)))
        sources = [str(chain)]
    hostile()
    result = run("build", *sources, "-o", str(export))
    if fault == "chain":
        assert result[0] == 0, result
        parsed = ox.parse(export.read_bytes(), format=STRICT[kg.graph.format_for_path(export)])
        assert len(_without_ontology(parsed)) == 600
    else:
        clear_error(result, export.name)
        assert export.read_bytes() == before
    no_temp_files(tmp_path)
    assert {p.name for p in tmp_path.iterdir()} == {export.name, *(Path(s).name for s in sources)}


def test_D1_failed_query_and_graph_exports_keep_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer = tmp_path / "answer.csv"
    graphml = tmp_path / "g.graphml"
    assert run("query", "topics", "-o", str(answer))[0] == 0
    assert run("export", "-o", str(graphml))[0] == 0
    before = snapshot(tmp_path)
    monkeypatch.setattr(os, "fsync", _enospc)
    hostile(2)
    clear_error(run("query", "summit", "-o", str(answer)), "answer.csv", "No space left")
    clear_error(run("export", "--view", "topics", "-o", str(graphml)), "g.graphml")
    assert snapshot(tmp_path) == before


LABELS: list[tuple[str, str]] = [
    # (text in the article's outcome cell, the label the graph must hold)
    ("Trump Putin meeting", "Trump Putin meeting"),
    ("Say \"yes\" or 'no'", "Say \"yes\" or 'no'"),
    ("x < y > z {d} ^g `h` ~", "x < y > z {d} ^g `h` ~"),
    ("a \\| b piped", "a | b piped"),  # GFM: an escaped pipe is a literal pipe
    ("قمة ألاسكا ועידה", "قمة ألاسكا ועידה"),
    ("\u202eniţuP\u202c", "\u202eniţuP\u202c"),
    ("Tru\u200bmp\u200c\u200d\u2060", "Tru\u200bmp\u200c\u200d\u2060"),
    ("Peace 🇷🇺 🤝🏽 👨\u200d👩\u200d👧", "Peace 🇷🇺 🤝🏽 👨\u200d👩\u200d👧"),
    ("50/50 #1 100% ?q=a&b", "50/50 #1 100% ?q=a&b"),
    ("it’s \\u0022 back\\slash", "it’s \\u0022 back\\slash"),
    ("q\u0307 combining", "q\u0307 combining"),
    ("Путин 🇷🇺", "Путин 🇷🇺"),
    ("http://example.org/a b", "http://example.org/a b"),
    ("<script>alert(1)</script>", "<script>alert(1)</script>"),
    ("nbsp\u00a0and\ttab", "nbsp and tab"),  # documented: whitespace runs become one space
]


def test_D2_labels_with_hostile_characters_mint_valid_iris_and_keep_their_text(
    tmp_path: Path,
) -> None:
    rows = "".join(f"| {text} | {text} |\n" for text, _ in LABELS)
    items = "".join(f"- {text}: talks continue\n" for text, _ in LABELS if "|" not in text)
    source = article(
        tmp_path,
        "hostile.md",
        "Leaders Meet in Oslo\n\nOfficials listed the expected results:\n\n"
        f"| Topic | Possible Outcome |\n| --- | --- |\n{rows}\n"
        f"Key topics on the agenda include:\n\n{items}",
    )
    hostile(len(LABELS))
    graph = kg.load(source)
    data = graph.data()
    outcomes = {
        str(label)
        for outcome in data.subjects(RDF.type, SKG.Outcome)
        for label in data.objects(outcome, RDFS.label)
    }
    for text, label in LABELS:
        assert unicodedata.is_normalized("NFC", text)
        assert label in outcomes, label  # byte-identical to the source (clean view)
    quotes = {str(q) for q in data.objects(None, SKG.quote)}
    for text, _ in LABELS:
        assert f"| {text} | {text} |" in quotes  # the exact source line is kept
    iris = {t for triple in data for t in triple if isinstance(t, URIRef)}
    topics = {i for i in iris if "/topic/" in i}
    assert len(topics) >= len(LABELS) - 2  # Tru\u200bmp is Trump; "a | b" splits
    for iri in iris:
        iri.n3()
        assert not re.search(r"[\s<>\"{}|^`\\\u200b-\u200f\u202a-\u202e\u2060\ufeff]", iri), iri
    for fmt, parser in STRICT.items():
        parsed = _without_ontology(
            ox.parse(graph.serialize(format=fmt).encode("utf-8"), format=parser)
        )
        assert len(parsed) == len(data), fmt
        texts = {t.object.value for t in parsed if isinstance(t.object, ox.Literal)}
        assert {label for _, label in LABELS} <= texts, fmt


def _without_ontology(parsed: Iterable[Any]) -> list[Any]:
    """The parsed triples or quads, less the ontology's named graph that quad exports carry."""
    ontology = ox.NamedNode(str(kg.graph.ONTOLOGY_GRAPH))
    return [q for q in parsed if getattr(q, "graph_name", None) != ontology]


def test_D3_a_long_blank_node_chain_still_exports(tmp_path: Path) -> None:
    chain = tmp_path / "chain.nt"
    chain.write_text(
        "".join(f"_:b{i} <urn:p> _:b{i + 1} .\n" for i in range(2000)) + '_:b2000 <urn:p> "end" .\n'
    )
    hostile()
    graph = kg.load(chain)
    for fmt, parser in STRICT.items():
        text = graph.serialize(tmp_path / f"out-{fmt}", format=fmt)
        parsed = _without_ontology(ox.parse(text.encode("utf-8"), format=parser))
        assert len(parsed) == 2001, fmt
        assert (tmp_path / f"out-{fmt}").read_text(encoding="utf-8") == text
    no_temp_files(tmp_path)


def test_D4_a_corrupt_file_leaves_the_graph_as_it_was(tmp_path: Path) -> None:
    graph = kg.load()
    before = graph.data()
    bad_turtle = article(
        tmp_path,
        "bad.ttl",
        "<urn:a> <urn:b> <urn:c> .\n<urn:a> <urn:b> <urn:d> .\n<urn:a> <urn:b> .\n",
    )
    good = kg.resources.default_sources()[0].read_bytes()
    lines = good.split(b"\n")
    third = [n for n, line in enumerate(lines) if line.startswith(b"---|")][2] + 1  # 0-based
    lines[third] = lines[third][:5] + b"\xff\xfe" + lines[third][5:]
    offset = sum(len(line) + 1 for line in lines[:third]) + 5
    bad_article = tmp_path / "bad-table.md"
    bad_article.write_bytes(b"\n".join(lines))
    hostile(2)
    reports: list[Any] = []
    summary = graph.ingest([bad_turtle, bad_article], on_file=reports.append)
    assert (summary.written, summary.failed) == (0, 2)
    assert reports[0].error.startswith(f"{bad_turtle}:3: cannot parse as turtle")
    assert reports[1].error == (
        f"{bad_article}:{third + 1}: not UTF-8 text (invalid byte at offset {offset})"
    )
    assert isomorphic(graph.data(), before)
    spec = f"oxigraph:{tmp_path / 'db'}"
    assert run("build", "--store", spec, "--quiet")[0] == 0
    clear_error(run("build", str(bad_turtle), "--store", spec, "--strict", "--quiet"), "bad.ttl:3")
    with kg.SummitGraph(spec, read_only=True) as stored:
        assert isomorphic(stored.data(), before)


KILLS = 5
_REPLACE = "import sys, kg; kg.SummitGraph(sys.argv[1]).ingest(sys.argv[2:])"


def _versions(folder: Path, version: str, count: int) -> list[Path]:
    """Quad files naming the same graphs each time, with different triples per version."""
    folder.mkdir(exist_ok=True)
    paths = []
    for number in range(count):
        path = folder / f"g{number:03}.nq"
        path.write_text(
            "".join(
                f'<urn:s{number}-{t}> <urn:p> "{version}{t}" <urn:g{number}> .\n' for t in range(40)
            )
        )
        paths.append(path)
    return paths


def test_D5_killed_replacements_leave_each_document_old_or_new_never_half(tmp_path: Path) -> None:
    path = tmp_path / "db"
    spec = f"oxigraph:{path}"
    old = _versions(tmp_path / "a", "A", 150)
    new = _versions(tmp_path / "b", "B", 150)
    assert run("build", str(tmp_path / "a"), "--store", spec, "--quiet")[0] == 0
    command = [sys.executable, "-c", _REPLACE, spec, *map(str, new)]
    rng = random.Random(20261126)
    seen = set()
    for _ in range(KILLS):
        worker = subprocess.Popen(command, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(1.0, 3.0))
        worker.send_signal(signal.SIGKILL)
        worker.wait()
        tally("SIGKILL trials during ingest")
        with OxigraphStore(path, read_only=True) as store:
            versions: dict[str, set[str]] = {}
            for _, _, o, name in store.quads():
                versions.setdefault(str(name), set()).add(str(o)[0])
            assert len(versions) == len(old)
            assert all(v in ({"A"}, {"B"}) for v in versions.values()), versions
            assert all(d.triples == 40 for d in store.documents())
            seen.update(frozenset(v) for v in versions.values())
            union = {
                q.triple
                for q in store._store.quads_for_pattern(None, None, None, ox.DefaultGraph())
            }
            named = {
                q.triple
                for q in store._store.quads_for_pattern(None, None, None, None)
                if not isinstance(q.graph_name, ox.DefaultGraph)
            }
            assert union == named
    assert run("build", *map(str, new), "--store", spec, "--quiet")[0] == 0
    with OxigraphStore(path, read_only=True) as store:
        assert {str(o)[0] for _, _, o, _ in store.quads()} == {"B"}


def test_D6_a_second_writer_or_a_reader_during_a_write_gets_store_in_use(tmp_path: Path) -> None:
    spec = f"oxigraph:{tmp_path / 'db'}"
    assert run("build", "--store", spec, "--quiet")[0] == 0
    with OxigraphStore(tmp_path / "db", read_only=True) as store:
        before = store.documents()
    with OxigraphStore(tmp_path / "db"):
        hostile(3)
        clear_error(
            run("build", str(FIXTURES / "harbour-summit.md"), "--store", spec), "store in use"
        )
        clear_error(run("query", "topics", "--store", spec), "store in use")
        with pytest.raises(StoreError, match="store in use"):
            OxigraphStore(tmp_path / "db", read_only=True)
    with OxigraphStore(tmp_path / "db", read_only=True) as store:
        assert store.documents() == before


def test_D7_a_remote_upload_failing_half_way_shows_all_of_an_article_or_nothing(
    tmp_path: Path, server: Endpoint
) -> None:
    server.store.clear()
    first, second = tmp_path / "a.md", tmp_path / "b.md"
    first.write_bytes((FIXTURES / "harbour-summit.md").read_bytes())
    second.write_bytes(kg.resources.default_sources()[0].read_bytes())
    spec = f"sparql:{server.url}"
    SparqlStore(server.url)  # installs the ontology: one update
    server.fail_update.add(server.updates + 2)  # the second article's one update fails
    hostile()
    code, _, err = run("build", str(first), str(second), "--store", spec, "--quiet")
    assert code == 2 and "HTTP 500" in err and "Traceback" not in err
    reference = {d.iri: d.triples for d in kg.load(first, second).documents()}
    stored = SparqlStore(server.url, read_only=True).documents()
    assert len(stored) == 1 and stored[0].triples == reference[stored[0].iri]
    assert run("build", str(first), str(second), "--store", spec, "--quiet")[0] == 0
    assert {
        d.iri: d.triples for d in SparqlStore(server.url, read_only=True).documents()
    } == reference
    server.fail_update.clear()


@pytest.mark.parametrize(
    ("data", "line", "offset"),
    [
        (b"\xff\xfeS\x00u\x00m\x00", 1, 0),  # UTF-16 with a BOM
        (b"Summit Notes\n\nCaf\xe9 talks resume.\n", 3, 17),  # Latin-1
        (b"Summit Notes\n\nA \xc0\xaf slash\n", 3, 16),  # an overlong encoding
        (b"Summit Notes\n\nA \xed\xa0\x80 surrogate\n", 3, 16),  # CESU-8 surrogate
        (b"\xef\xbb\xbfSummit Notes\n\nbad \x80\n", 3, 21),  # after a BOM: offsets count it
    ],
)
def test_D8_undecodable_bytes_are_refused_at_ingest(
    tmp_path: Path, data: bytes, line: int, offset: int
) -> None:
    export, before = write_export(tmp_path)
    source = tmp_path / "bad.md"
    source.write_bytes(data)
    hostile()
    clear_error(
        run("build", str(source), "-o", str(export)),
        f"bad.md:{line}: not UTF-8 text (invalid byte at offset {offset})",
    )
    assert export.read_bytes() == before
    no_temp_files(tmp_path)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("escape.ttl", '<urn:a> <urn:p> "bad \\uDCFF x" .\n'),
        ("escape.nt", '<urn:a> <urn:p> "bad \\uD800" .\n'),
        ("iri.ttl", '<urn:a\\uDCFF> <urn:p> "x" .\n'),
        ("escape.jsonld", '{"@id": "urn:a", "urn:p": "bad \\udcff"}'),
    ],
)
def test_D8_lone_surrogates_from_escapes_are_refused(tmp_path: Path, name: str, text: str) -> None:
    """rdflib turns these escapes into lone surrogates; its Turtle writer then wrote '?'."""
    export, before = write_export(tmp_path)
    source = article(tmp_path, name, text)
    hostile()
    err = clear_error(run("build", str(source), "-o", str(export)), name)
    assert "surrogate" in err or "not a valid IRI" in err
    assert export.read_bytes() == before


def test_D9_every_ingest_ends_with_a_flush(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    writes: list[int] = []
    real_flush, real_put = OxigraphStore.flush, OxigraphStore.put

    def flush(self: OxigraphStore) -> None:
        calls.append(len(writes))
        real_flush(self)

    def put(self: OxigraphStore, data: GraphData) -> None:
        writes.append(1)
        real_put(self, data)

    monkeypatch.setattr(OxigraphStore, "flush", flush)
    monkeypatch.setattr(OxigraphStore, "put", put)
    spec = f"oxigraph:{tmp_path / 'db'}"
    assert run("build", str(FIXTURES / "harbour-summit.md"), "--store", spec, "--quiet")[0] == 0
    assert calls and calls[-1] == len(writes) == 1  # flushed after the last write
    bad = article(tmp_path, "bad.ttl", "<urn:a> <urn:b> .\n")
    calls.clear()
    hostile()
    run("build", str(FIXTURES / "genre"), str(bad), "--store", spec, "--quiet")
    assert calls and calls[-1] == len(writes)  # also when a file failed


DISPLAY = [
    "Путин и Трамп",
    "قمة ألاسكا",
    "summit 🤝🇺🇸🇷🇺",
    "e\u0301 combining",
    'say "yes"',
    "back\\slash",
    "two\nlines",
]


def test_D10_labels_come_back_byte_identical_from_a_remote_store(
    tmp_path: Path, server: Endpoint
) -> None:
    server.store.clear()
    label = "<http://www.w3.org/2000/01/rdf-schema#label>"
    lines = [
        f"<urn:l{n}> {label} {json.dumps(text, ensure_ascii=False)} .\n"
        for n, text in enumerate(DISPLAY)
    ]
    source = article(tmp_path, "labels.nt", "".join(lines))
    hostile(len(DISPLAY))
    assert run("build", str(source), "--store", f"sparql:{server.url}", "--quiet")[0] == 0
    with kg.SummitGraph(f"sparql:{server.url}", read_only=True) as graph:
        rows = graph.query(f"SELECT ?s ?l {{ ?s {label} ?l FILTER(STRSTARTS(STR(?s), 'urn:l')) }}")
        assert {str(r["l"]) for r in rows} == set(DISPLAY)
        for text in DISPLAY:  # and each is found by a parameter, exactly
            found = graph.query(f"SELECT ?s {{ ?s {label} ?want }}", want=text)
            assert len(found) == 1, text


# --- E. the HTML view ------------------------------------------------------------------


@pytest.fixture(scope="module")
def hostile_article(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    hostile(6)
    return article(
        folder,
        "hostile.md",
        f"Leaders Meet in Oslo {IMG}\n\nOfficials listed the expected results:\n\n"
        "| Topic | Possible Outcome |\n| --- | --- |\n"
        f"| {IMG} | {SCRIPT} |\n| Trade {SCRIPT} | {IMG} ends |\n"
        "| Trump | Talks with Trump |\n| Tru\u200bmp | Talks with Tru\u200bmp |\n"
        "| \u202eniţuP | Talks go on |\n| Energy | [x](javascript:alert(3)) |\n",
    )


@pytest.fixture(scope="module")
def hostile_view(
    hostile_article: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[str, Path]:
    folder = tmp_path_factory.mktemp("view")
    target = folder / "view.html"
    code, _, err = run(
        "viz", "--data", str(hostile_article), "--title", IMG + SCRIPT, "-o", str(target)
    )
    assert code == 0, err
    return target.read_text(encoding="utf-8"), folder


def test_E1_hostile_labels_and_heading_stay_inert(hostile_view: tuple[str, Path]) -> None:
    html, _ = hostile_view
    page = Page(html)
    assert page.count("img") == 0
    assert [(t, a) for t, attrs in page.tags for a in attrs if a.startswith("on")] == []
    assert not [v for _, attrs in page.tags for v in attrs.values() if v and "javascript:" in v]
    assert IMG not in html  # present only as escaped text or as JSON data
    assert page.text["h1"] == IMG + SCRIPT  # the heading shows the text, inert
    assert any(SCRIPT in n["title"] for n in page.data()["nodes"])


def test_E2_tooltips_are_plain_strings_and_vis_network_renders_them_as_text(
    hostile_view: tuple[str, Path],
) -> None:
    js, _ = viz._vis_assets()
    version = re.search(r"@version\s+(\d+)\.", js[:2000])
    assert version is not None and int(version.group(1)) >= 9
    for item in Page(hostile_view[0]).data()["nodes"]:
        assert isinstance(item["title"], str)
    tree = ast.parse((ROOT / "kg" / "network" / "page.py").read_text(encoding="utf-8"))
    imported = [
        ast.unparse(n) for n in ast.walk(tree) if isinstance(n, ast.Import | ast.ImportFrom)
    ]
    assert not [line for line in imported if "pyvis" in line]  # no Network, no JS(...) titles
    assert not [n for n in ast.walk(tree) if isinstance(n, ast.Name) and n.id == "JS"]


def test_E3_a_script_payload_adds_no_script_element(hostile_view: tuple[str, Path]) -> None:
    html, _ = hostile_view
    template_scripts = Page(viz.render_html(kg.load().to_networkx())).count("script")
    assert Page(html).count("script") == template_scripts == 3
    assert len(re.findall(r"</script", html, re.I)) == template_scripts


def test_E4_the_view_is_utf8_whatever_the_locale_and_a_failed_write_keeps_the_old(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import locale

    source = article(
        tmp_path, "ru.md", "Путин 🇷🇺 Meets Leaders\n\nKey topics:\n\n- Путин 🇷🇺\n- Trade\n"
    )
    monkeypatch.setattr(locale, "getpreferredencoding", lambda *a: "cp1252")
    monkeypatch.setattr(locale, "getencoding", lambda: "cp1252")
    target = tmp_path / "view.html"
    assert run("viz", "--data", str(source), "-o", str(target))[0] == 0
    before = target.read_bytes()
    assert "Путин 🇷🇺".encode() in before
    monkeypatch.setattr(os, "replace", _enospc)
    hostile()
    clear_error(
        run("viz", "--data", str(source), "--view", "topics", "-o", str(target)), "view.html"
    )
    assert target.read_bytes() == before
    no_temp_files(tmp_path)


def test_E5_invisible_and_bidi_characters_cannot_spoof_a_node(
    hostile_view: tuple[str, Path],
) -> None:
    nodes = Page(hostile_view[0]).data()["nodes"]
    labels = [n.get("full", n["label"]) for n in nodes]
    assert labels.count("Trump") == 1  # "Tru\u200bmp" is the same node
    assert "niţuP" in labels
    invisible = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")
    assert not [text for n in nodes for text in (n["label"], n["title"]) if invisible.search(text)]


def test_E6_the_view_loads_nothing_from_any_host(hostile_view: tuple[str, Path]) -> None:
    html, folder = hostile_view
    page = Page(html)
    assert [attrs for tag, attrs in page.tags if tag == "script" and attrs.get("src")] == []
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", html, re.I)
    assert [p.name for p in folder.iterdir()] == ["view.html"]  # no lib/ folder beside it


# --- F. Article parser: malformed inputs: in tests/text/test_parse_malformed.py ---------
