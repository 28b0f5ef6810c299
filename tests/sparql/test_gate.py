"""The gate and the engine read one text: no comment or escape can hide SERVICE or FROM.

rdflib (the gate's parser) ends a comment only at LF and decodes ``\\uXXXX``
escapes before tokenising; the SPARQL grammar and Oxigraph end a comment at
CR too, and Oxigraph decodes escapes only inside strings. The gate now checks
:func:`~kg.sparql.gate.canonical_text` and the engine runs that same text.
The differential test builds queries from comment, escape, quote, whitespace
and case fragments and runs every text the gate lets through on Oxigraph with
a canary server as the only reachable host: it must never be asked anything.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.errors import QueryError, QueryRejected, QueryTimeout
from kg.sparql.gate import canonical_text, compile_readonly
from kg.sparql.runner import run_query
from tests.support.canary import Canary, canary_server
from tests.support.tally import tally

# Each vector hides a SERVICE (or FROM) from rdflib's reading of the raw text.
SMUGGLED = [
    "ASK { #\r SERVICE <URL> { ?a ?b ?c }\n}",
    "SELECT * { #\r SERVICE <URL> { ?a ?b ?c }\n}",
    "SELECT * #\rFROM <URL>\n{ ?a ?b ?c }",
    'SELECT * { BIND("a\\u005C" AS ?x) SERVICE <URL> { ?a ?b ?c } } #"',
    "SELECT * { BIND('a\\u005C' AS ?x) SERVICE <URL> { ?a ?b ?c } } #'",
    "SELECT * { \\u0023\r SERVICE <URL> { ?a ?b ?c }\n}",
    "SELECT * { #\\u000D SERVICE <URL> { ?a ?b ?c }\n}",
]


@pytest.fixture(scope="module")
def canary_url() -> Iterator[str]:
    with canary_server() as url:
        yield url


@pytest.mark.parametrize("vector", SMUGGLED)
def test_smuggled_service_and_from_are_refused_or_inert(vector: str, canary_url: str) -> None:
    text = vector.replace("URL", canary_url)
    store = ox.Store()
    hits = Canary.hits
    tally("hostile inputs")
    try:
        run_query(store, text, timeout=10)
    except QueryRejected as exc:
        assert "not allowed" in str(exc)
    except QueryError:
        pass  # not SPARQL once read as the grammar reads it
    assert Canary.hits == hits


def test_the_engine_runs_the_text_the_gate_checked() -> None:
    checked = compile_readonly("ASK { #\r ?s ?p ?o\n}")
    assert checked.text == "ASK { #\n ?s ?p ?o\n}"
    assert compile_readonly("SELECT ('\\u00e9' AS ?e) {}").text == "SELECT ('é' AS ?e) {}"


def test_an_escape_that_decodes_to_an_escape_is_refused() -> None:
    with pytest.raises(QueryRejected, match="decodes to another escape"):
        canonical_text("SELECT ('\\u005Cu0041' AS ?a) {}")


@pytest.mark.parametrize("escape", ["\\U0011FFFF", "\\uD800", "\\U0000DFFF"])
def test_an_escape_outside_unicode_is_a_query_error(escape: str) -> None:
    with pytest.raises(QueryError, match="not a Unicode character"):
        compile_readonly(f"SELECT ('{escape}' AS ?a) {{}}")


def test_crlf_and_escapes_outside_comments_keep_their_meaning() -> None:
    assert canonical_text("ASK {\r\n ?s ?p '\\u0041'\r\n}") == "ASK {\r\n ?s ?p 'A'\r\n}"


OPENERS = ["#", "\r", "\\u000D", "\\u0023", "BIND('a\\u005C", 'BIND("a\\u005C', "'", '"', " ", "\\"]
CLOSERS = ["\n", " ", "' AS ?y)", '" AS ?y)', "#", "}", "\\u000A", "\r\n"]
TAILS = ["", " ", "\n", "#", "# '", '# "']
SHAPES = [
    "SELECT * {{ {a} SERVICE <URL> {{ ?a ?b ?c }} {b} }} {c}",
    "ASK {{ {a} \\u0053ERVICE <URL> {{ ?a ?b ?c }} {b} }} {c}",
    "SELECT * {a} FROM <URL> {b} {{ ?a ?b ?c }} {c}",
    "SELECT * {{ {a} sErViCe SILENT <URL> {{ ?a ?b ?c }} {b} }} {c}",
]
_openers = st.lists(st.sampled_from(OPENERS), min_size=1, max_size=3).map("".join)
_closers = st.lists(st.sampled_from(CLOSERS), min_size=1, max_size=2).map("".join)


@settings(
    max_examples=400,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(shape=st.sampled_from(SHAPES), a=_openers, b=_closers, c=st.sampled_from(TAILS))
def test_differential_whatever_the_gate_lets_through_reaches_no_host(
    shape: str, a: str, b: str, c: str, canary_url: str
) -> None:
    text = shape.format(a=a, b=b, c=c).replace("URL", canary_url)
    tally("fuzz executions")
    try:
        checked = compile_readonly(text)
    except QueryError:
        return
    hits = Canary.hits
    store = ox.Store()
    with contextlib.suppress(SyntaxError, OSError, ValueError, RuntimeError):
        answer = store.query(checked.text)  # the very text the engine is given
        try:
            if checked.kind != "ASK":
                list(answer)  # solutions are lazy: SERVICE is called while they are read
        finally:
            # pyoxigraph's solutions may only be freed by the thread that made them: a frame
            # kept by the suppressed error's traceback, freed by the cycle collector on
            # another thread (a build's writer), would make pyoxigraph raise "unsendable"
            del answer
    assert Canary.hits == hits, f"the gate let a request through: {checked.text!r}"


def test_parsing_a_long_query_is_work_the_timeout_covers() -> None:
    """rdflib takes seconds to parse a long flat sum: the gate runs inside the deadline."""
    import time

    import kg

    flat = "ASK { FILTER(" + "+".join(["1"] * 2500) + ") }"  # about 4 s to parse
    graph = kg.load()
    tally("hostile inputs")
    started = time.monotonic()
    with pytest.raises(QueryTimeout, match=r"stopped after 0\.5 s"):
        graph.query(flat, timeout=0.5)
    assert time.monotonic() - started < 2.5
