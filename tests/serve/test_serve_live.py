"""The real server: ``python -m kg serve --port 0`` in a subprocess, on loopback.

Every catalogue query (and again with its examples) answers over the SPARQL
1.1 Protocol, through SPARQLWrapper, as ``SummitGraph.query`` answers in
process; updates and SERVICE are refused with the protocol's codes; and a
browser runs a question from the UI and follows links to entities.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from typing import Any
from urllib.error import HTTPError

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic
from SPARQLWrapper import CSV, JSON, TURTLE, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

import kg
import tests.support.browser as browser
from kg.sparql.catalogue import catalogue
from tests.support.answers import catalogue_runs, result_set

STARTUP = 60.0
"""Seconds the server may take to say where it listens."""


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """The base URL of ``summit-kg serve`` on a free loopback port (killed at the end)."""
    process = subprocess.Popen(
        [sys.executable, "-m", "kg", "serve", "--port", "0", "--timeout", "60"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        deadline = time.monotonic() + STARTUP
        line = process.stdout.readline()  # "serving N triples at http://HOST:PORT/ (…)"
        found = re.search(r"at (http://127\.0\.0\.1:\d+/) \(Ctrl-C stops\)", line)
        assert found, f"no address in {line!r}"
        url = found.group(1)
        while True:
            try:
                with urllib.request.urlopen(url + "sparql", timeout=5) as response:
                    assert response.status == 200
                break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise
                time.sleep(0.1)
        yield url
    finally:
        process.kill()
        process.wait(10)
        for stream in (process.stdout, process.stderr):
            if stream is not None:
                stream.close()


@pytest.mark.parametrize(("name", "params"), list(catalogue_runs()))
def test_every_catalogue_query_answers_as_in_process(
    server: str, alaska: kg.SummitGraph, name: str, params: dict[str, str]
) -> None:
    """Without parameters through SPARQLWrapper at /sparql; with them (which the protocol
    cannot bind) from the question's download link, typed as the runner binds them."""
    expected = alaska.query(name, timeout=60, **params)
    graph_result = expected.type in ("CONSTRUCT", "DESCRIBE")
    if params:
        fields = urllib.parse.urlencode({**params, "format": "turtle" if graph_result else "json"})
        with urllib.request.urlopen(f"{server}queries/{name}/results?{fields}", timeout=60) as r:
            body = r.read().decode("utf-8")
        answer: Any = body if graph_result else json.loads(body)
    else:
        client = SPARQLWrapper(server + "sparql")
        client.setMethod("POST")
        client.setQuery(catalogue()[name].text)
        client.queryType = expected.type  # its own guess takes "add" in a comment for an update
        client.setReturnFormat(TURTLE if graph_result else JSON)
        answer = client.query().convert()
    if graph_result:
        got = Graph().parse(data=answer, format="turtle")
        assert expected.graph is not None and isomorphic(got, expected.graph)
        return
    assert isinstance(answer, dict)
    if expected.type == "ASK":
        assert answer["boolean"] == expected.boolean
        return
    from kg.sparql.results import results_json

    assert answer["head"]["vars"] == expected.vars
    rows = [{k: _term(v) for k, v in binding.items()} for binding in answer["results"]["bindings"]]
    got = kg.QueryResult("SELECT", expected.vars, rows)
    assert result_set(got) == result_set(expected)
    assert len(rows) == len(results_json(expected)["results"]["bindings"])


def _term(value: dict[str, str]) -> Any:
    from rdflib import BNode, Literal, URIRef

    if value["type"] == "uri":
        return URIRef(value["value"])
    if value["type"] == "bnode":
        return BNode(value["value"])
    return Literal(value["value"], lang=value.get("xml:lang"), datatype=value.get("datatype"))


def test_csv_through_sparqlwrapper(server: str) -> None:
    client = SPARQLWrapper(server + "sparql")
    client.setQuery("SELECT ?t { ?t a skg:Topic }")
    client.setReturnFormat(CSV)
    assert client.query().convert().decode().count("\n") == 14


def test_update_and_service_are_refused(server: str) -> None:
    update = urllib.request.Request(
        server + "sparql",
        data=b"update=DROP+ALL",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    with pytest.raises(HTTPError) as refused:
        urllib.request.urlopen(update, timeout=10)
    assert refused.value.code == 403
    refused.value.close()
    client = SPARQLWrapper(server + "sparql")
    client.setQuery("SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")
    client.setReturnFormat(JSON)
    with pytest.raises(QueryBadFormed) as bad:
        client.query()
    assert "SERVICE is not allowed" in str(bad.value)
    cause = bad.value.__context__
    if isinstance(cause, HTTPError):  # SPARQLWrapper leaves the response open
        assert cause.code == 400
        cause.close()


needs_chromium = pytest.mark.skipif(
    browser.CHROMIUM is None and not os.environ.get("CI"), reason="chromium is not installed"
)


@needs_chromium
def test_browser_runs_a_question_and_follows_entities(server: str) -> None:
    steps = [
        (
            "document.querySelector('input[name=actor]').value = 'Vladimir Putin';"
            "document.getElementById('run').click(); true",
            True,
        ),
        ("document.querySelectorAll('table.rows tbody tr').length", False),
        ("document.querySelector('table.rows a[href^=\"/id/\"]').click(); true", True),
        ("document.querySelector('h1').textContent", False),
        ("document.querySelector('a.neighbour').click(); true", True),
        ("document.querySelector('h1').textContent", False),
    ]
    report = browser.browse(server + "queries/actor-links", steps, timeout=60)
    rows, person, neighbour = report.results[1], report.results[3], report.results[5]
    assert rows > 0
    assert person == "Vladimir Putin"
    assert neighbour and neighbour != person
    assert [re.sub(r"\?.*", "", u)[len(server) - 1 :] for u in report.locations][:2] == [
        "/queries/actor-links",
        "/queries/actor-links",
    ]
    assert report.locations[3].startswith(server + "id/")
    assert (
        report.locations[5].startswith(server + "id/")
        and report.locations[5] != (report.locations[3])
    )
    assert not report.console_errors
    assert report.requests and all(u.startswith(server) for u in report.requests)
