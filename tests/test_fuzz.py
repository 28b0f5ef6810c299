"""Fuzz targets for the article parser and the query gate, bounded in time.

Driven by hypothesis: random bytes and text, generated articles of the genre,
and mutations of the project's own articles and catalogue queries. The run
takes about ``SUMMIT_KG_FUZZ_SECONDS`` (default 20) in all, shared between the
targets; each target runs batches of examples until its share is spent, and
any single input that runs longer than :data:`HANG_SECONDS` fails as a hang.

* article bytes (a file) → :func:`kg.loaders.article.read` / ``identify``:
  only :class:`~kg.errors.KGError`;
* article text → parse, extract, map: only KGError, and offsets index the
  normalised text;
* any text → :func:`kg.sparql.gate.compile_readonly`: only QueryError (QueryRejected
  included), and ``allow_remote`` only ever lets more through;
* any text and bindings → :func:`kg.sparql.engines.with_values`: only ValueError;
  on checked queries its output parses in Oxigraph, and a bound value of any
  characters comes back from a store exactly as it went in.

Inputs that once failed are kept below as plain regression tests.
"""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from types import FrameType
from typing import TypeVar

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Literal, URIRef
from rdflib.term import Identifier

from kg.errors import KGError, QueryError, QueryRejected
from kg.loaders import article
from kg.rdf.mapping import to_graph
from kg.sparql.catalogue import catalogue
from kg.sparql.engines import execute, from_oxigraph, to_oxigraph, with_values
from kg.sparql.gate import compile_readonly
from kg.text.extract import extract
from kg.text.parse import normalise_text, parse_article
from tests.support.genre_strategies import SAMPLE_ARTICLES, genre_articles
from tests.support.tally import tally

T = TypeVar("T")

BUDGET = float(os.environ.get("SUMMIT_KG_FUZZ_SECONDS", "20"))
"""Seconds the fuzz targets take in all (set ``SUMMIT_KG_FUZZ_SECONDS`` for longer runs)."""
SHARES = {"bytes": 1, "text": 3, "gate": 3, "values": 1, "round trip": 2}
HANG_SECONDS = 10.0
"""One input taking longer than this is a hang: the target fails."""
BATCH = 25

QUERIES = [q.text for q in catalogue().values()]
SHAPES = [
    ("SELECT ?s WHERE { ?s ?p ?v }", "SELECT"),
    ('SELECT * { ?s ?p ?v FILTER(?v != "}") } # {', "SELECT"),
    ("# WHERE {\nSELECT (COUNT(*) AS ?n) WHERE { { SELECT ?s { ?s ?p ?v } } }", "SELECT"),
    ("SELECT ?s { ?s ?p ?v } VALUES ?v { 1 }", "SELECT"),
    ("ASK { ?s ?p '''}{''' }", "ASK"),
    ("ASK WHERE { ?s ?p ?v OPTIONAL { ?v ?q ?r } }", "ASK"),
    ("CONSTRUCT { ?s ?p ?v } WHERE { ?s ?p ?v }", "CONSTRUCT"),
    ("CONSTRUCT { ?s ?p ?v } { ?s ?p ?v }", "CONSTRUCT"),
    ("CONSTRUCT WHERE { ?s ?p ?v }", "CONSTRUCT"),
    ("CONSTRUCT WHERE { ?s ?p ?v } LIMIT 3 # the end", "CONSTRUCT"),
    ("DESCRIBE ?s WHERE { ?s ?p ?v }", "DESCRIBE"),
    ("DESCRIBE ?s", "DESCRIBE"),
    ("DESCRIBE <urn:a>", "DESCRIBE"),
]

ARTICLE_TOKENS = [
    "\n",
    "\r\n",
    "\r",
    "\n\n",
    "| ",
    " |",
    "---|",
    "| --- | --- |",
    "|:---:|",
    "- ",
    "* ",
    "• ",
    "1. ",
    "  - ",
    "# ",
    "## ",
    "== ",
    "**",
    "__",
    ": ",
    " – ",
    "Key topics on the agenda include:\n",
    "Key strategic concerns include:\n",
    "| Topic | Possible Outcome |\n",
    "Anticipated Result",
    "<br>",
    "<b>",
    "&amp;",
    "&#x1F600;",
    "&#0;",
    "&#xD800;",
    "&#99999999;",
    "&nbsp;",
    "[1]",
    "](http://x)",
    "[",
    "(Photo: ",
    "\\",
    "\\|",
    "\u2028",
    "\u2029",
    "\u200d",
    "\u0301",
    "\ufeff",
    "\u00a0",
    "\x00",
    "\x85",
    "Advertisement\n",
    "By Jane Roe\n",
    "Read more…\n",
    "Trump",
    "Putin",
    "Alaska",
    "NATO",
    "Москва",
    "ترامب",
    "🇺🇸",
    " " * 40,
    "\t",
    "-" * 300,
    "|" * 300,
    "*" * 300,
    "(" * 60,
    "A " * 200,
]
QUERY_TOKENS = [
    "SERVICE <http://example.org/sparql> { ?s ?p ?o }",
    "SERVICE SILENT ?x { }",
    "\\u0053ERVICE",
    "FROM <urn:g>",
    "FROM NAMED <urn:g>",
    "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
    "; DROP ALL",
    "LOAD <http://x/>",
    "DELETE WHERE { ?s ?p ?o }",
    "{",
    "}",
    "(",
    ")",
    "[",
    "]",
    '"',
    "'",
    '"""',
    "'''",
    "<",
    ">",
    "#",
    "\n",
    "?x",
    "$y",
    "VALUES ?x { 1 }",
    "FILTER(",
    "BIND(1 AS ?z)",
    "GRAPH ?g {",
    "OPTIONAL {",
    "UNION",
    "MINUS {",
    "EXISTS {",
    "*",
    "/",
    "|",
    "^",
    "+",
    "^^<urn:t>",
    "@en",
    "_:b",
    "PREFIX x: <urn:x>",
    "BASE <urn:>",
    "SELECT",
    "WHERE",
    "CONSTRUCT",
    "DESCRIBE",
    "ASK",
    "\u2028",
    "\x00",
    "é",
    "🙂",
    "(" * 70,
    "{" * 70,
    "?s ?p ?o . " * 50,
]


# --- the harness ------------------------------------------------------------------------


class Hang(Exception):
    """An input ran longer than :data:`HANG_SECONDS`."""


@contextmanager
def _no_hang(seconds: float = HANG_SECONDS) -> Iterator[None]:
    def alarm(signum: int, frame: FrameType | None) -> None:
        raise Hang(f"one input ran longer than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def fuzz(name: str, strategy: st.SearchStrategy[T], check: Callable[[T], None]) -> int:
    """Run ``check`` on examples of ``strategy`` until the target's share of the budget is spent.

    Returns the number of inputs tried (also added to the "fuzz executions" tally).
    """
    stop = time.monotonic() + BUDGET * SHARES[name] / sum(SHARES.values())
    runs = 0

    @settings(
        max_examples=BATCH,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def batch(value: T) -> None:
        nonlocal runs
        if time.monotonic() > stop:
            return
        runs += 1
        tally("fuzz executions")
        with _no_hang():
            check(value)

    batch()
    while time.monotonic() < stop:
        batch()
    return runs


@st.composite
def mutated(draw: st.DrawFn, seeds: list[str], tokens: list[str]) -> str:
    """One of ``seeds`` after a few random edits: inserts, deletions, copies, cuts, swaps."""
    text = draw(st.sampled_from(seeds))
    for _ in range(draw(st.integers(1, 8))):
        i = draw(st.integers(0, len(text)))
        j = draw(st.integers(i, min(len(text), i + 200)))
        edit = draw(st.sampled_from(["insert", "insert", "delete", "copy", "char", "cut", "swap"]))
        if edit == "insert":
            piece = draw(st.one_of(st.sampled_from(tokens), st.text(max_size=6)))
            text = text[:i] + piece + text[i:]
        elif edit == "delete":
            text = text[:i] + text[j:]
        elif edit == "copy":
            text = text[:j] + text[i:j] * draw(st.integers(1, 3)) + text[j:]
        elif edit == "char":
            text = text[:i] + draw(st.characters()) + text[i + 1 :]
        elif edit == "cut":
            text = text[:i]
        else:
            lines = text.split("\n")
            a, b = (draw(st.integers(0, len(lines) - 1)) for _ in range(2))
            lines[a], lines[b] = lines[b], lines[a]
            text = "\n".join(lines)
    return text


SEED_ARTICLES = [path.read_text(encoding="utf-8") for path in SAMPLE_ARTICLES]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


# --- the article parser -------------------------------------------------------------------


BAD_BYTES = [b"\xff", b"\xc3", b"\xe2\x80", b"\x00", b"\xef\xbb\xbf", b"\xed\xa0\x80"]


def _article_bytes() -> st.SearchStrategy[bytes]:
    encoded = mutated(SEED_ARTICLES, ARTICLE_TOKENS).map(lambda t: t.encode("utf-8", "replace"))

    def damage(data: bytes, at: int, junk: bytes) -> bytes:
        at = at % (len(data) + 1)
        return data[:at] + junk + data[at:]

    return st.one_of(
        st.binary(max_size=3000),
        encoded,
        st.builds(
            damage,
            encoded,
            st.integers(0, 10**6),
            st.sampled_from(
                [b"\xff", b"\xc3", b"\xe2\x80", b"\x00", b"\xef\xbb\xbf", b"\xed\xa0\x80"]
            ),
        ),
    )


def check_article_file(folder: Path, data: bytes) -> None:
    """Reading a file of any bytes gives a graph or a KGError, never anything else."""
    path = folder / "fuzz.md"
    path.write_bytes(data)
    for step in (article.read, article.identify, lambda p: list(article.load(p))):
        with suppress(KGError):
            step(path)


def check_article_text(text: str) -> None:
    """Any text parses, extracts and maps, or raises a KGError; offsets hold."""
    try:
        doc = parse_article(text)
        to_graph(extract(doc))
    except KGError:
        return
    assert doc.text == normalise_text(text)
    for block in doc.blocks():
        assert doc.text[block.start : block.end] == block.text


def test_fuzz_article_files(folder: Path):
    assert fuzz("bytes", _article_bytes(), lambda data: check_article_file(folder, data)) > 0


def test_fuzz_article_text():
    strategy = st.one_of(
        st.text(max_size=2000),
        mutated(SEED_ARTICLES, ARTICLE_TOKENS),
        genre_articles().map(lambda generated: generated.text()),
    )
    assert fuzz("text", strategy, check_article_text) > 0


# --- the query gate ---------------------------------------------------------------------------


def check_gate(text: str) -> None:
    """The gate raises only QueryError; allow_remote never refuses what it lets through."""
    try:
        checked = compile_readonly(text)
    except QueryRejected:
        checked = None
    except QueryError:
        return
    try:
        remote = compile_readonly(text, allow_remote=True)
    except QueryRejected:
        assert checked is None  # refused even with remote access: an update, too long…
        return
    if checked is not None:
        assert checked.kind == remote.kind in {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"}
        assert checked.projection == remote.projection


def test_fuzz_query_gate():
    strategy = st.one_of(
        st.text(max_size=500),
        mutated(QUERIES + [shape for shape, _ in SHAPES], QUERY_TOKENS),
        st.lists(st.sampled_from(QUERY_TOKENS), max_size=30).map(" ".join),
    )
    assert fuzz("gate", strategy, check_gate) > 0


# --- binding parameters -----------------------------------------------------------------------

NAMES = st.from_regex(r"[A-Za-z_][A-Za-z0-9_]{0,8}", fullmatch=True)
TEXTS = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
# well-formed BCP 47 tags: Oxigraph refuses others ("a", "en-a") where sparql_term lets
# them through, so such a literal fails in Oxigraph as a QueryError, not here
LANGUAGES = st.one_of(
    st.from_regex(r"[a-z]{2,3}(-[a-z]{2})?", fullmatch=True),
    st.sampled_from(["zh-hant-tw", "sr-latn", "de-ch-1996", "x-fuzz", "i-klingon"]),
)


def _valid_iri(text: str) -> bool:
    try:
        ox.NamedNode(text)
    except ValueError:
        return False
    return True


IRIS = st.builds("urn:fuzz:{}".format, TEXTS).filter(_valid_iri)
TERMS: st.SearchStrategy[Identifier] = st.one_of(
    st.builds(Literal, TEXTS),
    st.builds(lambda text, lang: Literal(text, lang=lang), TEXTS, LANGUAGES),
    st.builds(lambda text, dt: Literal(text, datatype=URIRef(dt)), TEXTS, IRIS),
    st.builds(URIRef, IRIS),
)
ANY_TERMS: st.SearchStrategy[Identifier] = st.one_of(TERMS, st.builds(URIRef, TEXTS))


def check_with_values(case: tuple[str, str, dict[str, Identifier]]) -> None:
    """Any text, kind and bindings: a string, or a ValueError (no group, an unwritable term)."""
    text, kind, bindings = case
    try:
        result = with_values(text, kind, bindings)
    except ValueError:
        return
    assert isinstance(result, str) and (not bindings or len(result) > len(text))


def test_fuzz_with_values_on_any_text():
    strategy = st.tuples(
        st.one_of(st.text(max_size=300), mutated(QUERIES, QUERY_TOKENS)),
        st.sampled_from(["SELECT", "ASK", "CONSTRUCT", "DESCRIBE"]),
        st.dictionaries(NAMES, ANY_TERMS, max_size=3),
    )
    assert fuzz("values", strategy, check_with_values) > 0


STORE_SUBJECT = URIRef("urn:fuzz:s")
STORE_PREDICATE = URIRef("urn:fuzz:p")


def check_round_trip(case: tuple[str, str, Identifier, dict[str, Identifier]]) -> None:
    """Bound values land inside the query: it still parses, and a value comes back exactly."""
    text, kind, value, extra = case
    store = ox.Store()
    store.add(ox.Quad(*(to_oxigraph(t) for t in (STORE_SUBJECT, STORE_PREDICATE, value))))
    bindings = {"v": value, **{f"fz{name}": term for name, term in extra.items()}}
    try:
        query = with_values(text, kind, bindings)
    except ValueError as exc:  # documented: the query ends in its own VALUES clause
        assert "own VALUES" in str(exc), exc
        return
    compile_readonly(query)  # still one read-only query, for rdflib too
    answer = execute(store, text, kind, {"v": value})
    if text.startswith("SELECT ?s WHERE"):
        assert answer.rows == [(STORE_SUBJECT,)]
    elif kind in ("CONSTRUCT", "DESCRIBE") and "{ ?s ?p ?v }" in text:
        assert [o for _, _, o in answer.triples] == [value]
    assert from_oxigraph(to_oxigraph(value)) == value


def test_fuzz_with_values_round_trip():
    shapes = SHAPES + [(q.text, _kind(q.text)) for q in catalogue().values()]
    strategy = st.tuples(
        st.sampled_from(shapes),
        TERMS,
        st.dictionaries(NAMES, TERMS, max_size=2),
    ).map(lambda t: (t[0][0], t[0][1], t[1], t[2]))
    assert fuzz("round trip", strategy, check_round_trip) > 0


def _kind(text: str) -> str:
    return compile_readonly(text).kind


# --- regressions: inputs the fuzz targets once failed on ----------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # the VALUES block went into the template of the short form, a syntax error in
        # Oxigraph ("CONSTRUCT WHERE { VALUES … ?s ?p ?o }"): it now ends the query
        ("CONSTRUCT WHERE { ?s ?p ?v }", "CONSTRUCT"),
        # no WHERE group at all: "cannot find the query's WHERE group"
        ("DESCRIBE ?s", "DESCRIBE"),
    ],
)
def test_with_values_binds_queries_without_a_group_for_the_block(text: str, kind: str):
    check_round_trip((text, kind, Literal('a "}" \u2028 b'), {}))
    assert with_values(text, kind, {"v": Literal("x")}).endswith('\nVALUES (?v) { ("x") }')


def test_with_values_refuses_a_second_trailing_values_clause():
    with pytest.raises(ValueError, match="own VALUES"):
        with_values("CONSTRUCT WHERE { ?s ?p ?v } VALUES ?v { 1 }", "CONSTRUCT", {"v": Literal(1)})
