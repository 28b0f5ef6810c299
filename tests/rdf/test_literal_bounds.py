"""Number literals too large to compute with stay ill-typed, kept as written, at no cost.

rdflib turns a number literal's text into a Python number as the literal is made
and writes decimals back out in full, so ``"1E999999999"^^xsd:decimal`` used to
cost a billion digits wherever it appeared. :mod:`kg.rdf` bounds the conversion;
ordinary numbers compare and sort as before.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Literal
from rdflib.namespace import XSD

import kg
import kg.loaders.rdf
from kg.rdf import MAX_DECIMAL_EXPONENT, MAX_NUMBER_LENGTH

HUGE = "1E999999999"
HUGE_QUERY = (
    f'SELECT ?x WHERE {{ BIND("{HUGE}"^^<http://www.w3.org/2001/XMLSchema#decimal> AS ?x) }}'
)
XSD_PREFIX = "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\n"
SECONDS = 20.0
"""Far above what these take (well under a second); the unbounded conversion took minutes."""


@pytest.mark.parametrize("store", ["memory", "oxigraph"])
def test_a_huge_decimal_in_a_query_is_answered_at_once_and_kept_as_written(
    store: str, tmp_path: Path
) -> None:
    spec = "memory" if store == "memory" else f"oxigraph:{tmp_path / 'db'}"
    with kg.SummitGraph(spec) as graph:
        start = time.perf_counter()
        rows = graph.query(HUGE_QUERY, timeout=60).rows
        elapsed = time.perf_counter() - start
    value = rows[0]["x"]
    assert isinstance(value, Literal)
    assert (str(value), value.datatype, value.ill_typed) == (HUGE, XSD.decimal, True)
    assert elapsed < SECONDS


def test_a_huge_decimal_in_a_file_builds_at_once_is_reported_and_exported_as_written(
    tmp_path: Path,
) -> None:
    source = tmp_path / "huge.ttl"
    source.write_text(
        "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
        f'<urn:x:a> <urn:x:value> "{HUGE}"^^xsd:decimal .\n',
        encoding="utf-8",
    )
    assert len(source.read_bytes()) < 110
    graph = kg.SummitGraph()
    reports: list[kg.FileReport] = []
    start = time.perf_counter()
    graph.ingest([source], on_file=reports.append)
    elapsed = time.perf_counter() - start
    assert [message for _, message in reports[0].warnings] == [
        f"literal '{HUGE}' is not a valid {XSD.decimal}; kept as written"
    ]
    line = f'<urn:x:a> <urn:x:value> "{HUGE}"^^<{XSD.decimal}> .'
    assert line in graph.serialize(format="nt").splitlines()
    assert f'"{HUGE}"^^xsd:decimal' in graph.serialize(format="turtle")
    assert elapsed < SECONDS


def test_building_a_huge_decimal_needs_little_memory(tmp_path: Path) -> None:
    """In a fresh interpreter: the build's peak RSS stays far below the old gigabytes."""
    source = tmp_path / "huge.nt"
    source.write_text(f'<urn:x:a> <urn:x:value> "{HUGE}"^^<{XSD.decimal}> .\n', encoding="utf-8")
    script = (
        "import json, resource, sys, time\n"
        "import kg\n"
        "start = time.perf_counter()\n"
        "text = kg.load(sys.argv[1]).serialize(format='nt')\n"
        "print(json.dumps({'seconds': time.perf_counter() - start, 'chars': len(text),\n"
        "    'rss_kib': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(source)],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    figures = json.loads(done.stdout)
    assert figures["chars"] < 10_000
    assert figures["seconds"] < SECONDS
    # the unbounded conversion peaked near 4 GB; alone this build takes about 50 MB, but
    # under the whole suite with coverage in subprocesses it was once seen at 700 MB
    assert figures["rss_kib"] < 1536 * 1024


def ask(graph: kg.SummitGraph, where: str) -> bool:
    result = graph.query(f"{XSD_PREFIX}ASK {{ {where} }}")
    return bool(result.boolean)


def test_ordinary_numbers_compare_as_before(alaska: kg.SummitGraph) -> None:
    assert ask(alaska, 'FILTER("1.50"^^xsd:decimal = 1.5)')
    assert ask(alaska, 'FILTER("007"^^xsd:integer = 7)')
    assert ask(alaska, 'FILTER("1E300"^^xsd:double > "1E299"^^xsd:double)')
    forty = "1234567890123456789012345678901234567890"
    assert ask(alaska, f'FILTER("{forty}"^^xsd:integer > "1E38"^^xsd:double)')
    assert ask(alaska, f'FILTER("{forty}"^^xsd:integer < {forty}1)')
    assert not ask(alaska, f'FILTER("{HUGE}"^^xsd:decimal > 5)')  # ill-typed: no comparison
    assert Literal("007", datatype=XSD.integer).value == 7
    assert Literal("1.50", datatype=XSD.decimal).value == Decimal("1.5")


def test_order_by_stays_numeric(alaska: kg.SummitGraph) -> None:
    forty = "1" + "0" * 39
    rows = alaska.query(
        f"{XSD_PREFIX}SELECT ?n WHERE {{ VALUES ?n {{ 10 9 2.5 "
        f'"1E300"^^xsd:double {forty} "-1E3"^^xsd:decimal "0.5"^^xsd:float }} }} ORDER BY ?n'
    ).rows
    assert [str(row["n"]) for row in rows] == [
        "-1000",
        "0.5",
        "2.5",
        "9",
        "10",
        forty,
        "1e+300",
    ]


@pytest.mark.parametrize(
    ("text", "datatype"),
    [
        ("1E300", XSD.double),
        ("-2.5E-300", XSD.double),
        ("3.4E38", XSD.float),
        ("1234567890123456789012345678901234567890", XSD.integer),
        ("-" + "9" * 100, XSD.integer),
        ("1" * 30, XSD.nonNegativeInteger),
        ("123.456", XSD.decimal),
        (f"1E{MAX_DECIMAL_EXPONENT}", XSD.decimal),
        (f"1E-{MAX_DECIMAL_EXPONENT}", XSD.decimal),
        ("0." + "0" * (MAX_NUMBER_LENGTH - 3) + "1", XSD.decimal),
        ("1" * MAX_NUMBER_LENGTH, XSD.integer),
    ],
)
def test_big_but_sane_numbers_keep_their_value(text: str, datatype: str) -> None:
    literal = Literal(text, datatype=datatype)
    assert literal.value is not None
    assert not literal.ill_typed


@pytest.mark.parametrize(
    ("text", "datatype"),
    [
        (HUGE, XSD.decimal),
        (f"-{HUGE}", XSD.decimal),
        (f"1E{MAX_DECIMAL_EXPONENT + 1}", XSD.decimal),
        (f"1E-{MAX_DECIMAL_EXPONENT + 1}", XSD.decimal),
        ("1" * (MAX_NUMBER_LENGTH + 1), XSD.decimal),
        ("1" * (MAX_NUMBER_LENGTH + 1), XSD.integer),
        ("1" * (MAX_NUMBER_LENGTH + 1), XSD.long),
        ("1" * (MAX_NUMBER_LENGTH + 1), XSD.unsignedByte),
        ("1" * 100_000, XSD.integer),
        ("1" * (MAX_NUMBER_LENGTH + 1), XSD.double),
        ("1" * (MAX_NUMBER_LENGTH + 1), XSD.float),
    ],
)
def test_numbers_beyond_the_bounds_are_ill_typed_and_kept_as_written(
    text: str, datatype: str
) -> None:
    start = time.perf_counter()
    literal = Literal(text, datatype=datatype)
    assert time.perf_counter() - start < SECONDS
    assert (str(literal), literal.value, literal.ill_typed) == (text, None, True)


def test_a_double_too_large_for_a_float_is_infinite_at_no_cost() -> None:
    start = time.perf_counter()
    literal = Literal(HUGE, datatype=XSD.double)
    assert time.perf_counter() - start < SECONDS
    assert literal.value == float("inf")


@pytest.mark.parametrize(
    "module", ["kg.sparql.sandbox", "kg.sparql.engines", "kg.stores.sparql", "kg.loaders.rdf"]
)
def test_every_entry_point_bounds_number_literals(module: str) -> None:
    """Whichever part of summit-kg a process imports first (a query worker, the SPARQL
    store reading a server's answer, the RDF loader), the bounds are in place."""
    script = (
        f"import {module}\n"
        "from rdflib import Literal\n"
        "from rdflib.namespace import XSD\n"
        f"print(Literal({HUGE!r}, datatype=XSD.decimal).ill_typed)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True
    )
    assert done.stdout.strip() == "True"


def test_the_bounds_come_back_after_a_library_resets_rdflibs_conversions(
    tmp_path: Path, alaska: kg.SummitGraph
) -> None:
    """owlrl (pySHACL's RDFS and OWL inference) restores rdflib's own conversion table."""
    import owlrl.DatatypeHandling

    owlrl.DatatypeHandling.use_RDFLib_lexical_conversions()
    source = tmp_path / "huge.nt"
    source.write_text(f'<urn:x:a> <urn:x:value> "{HUGE}"^^<{XSD.decimal}> .\n', encoding="utf-8")
    start = time.perf_counter()
    (loaded,) = (graph for _, graph in kg.loaders.rdf.load(source))
    answer = alaska.query(f'SELECT ?x {{ BIND("{HUGE}"^^<{XSD.decimal}> AS ?x) }}')
    assert time.perf_counter() - start < SECONDS
    assert next(iter(loaded.objects())).ill_typed
    assert [str(row["x"]) for row in answer] == [HUGE]
