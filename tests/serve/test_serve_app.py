"""The server in-process: SPARQL 1.1 Protocol, negotiation, errors, pages, escaping, limits."""

from __future__ import annotations

import asyncio
import csv
import io
import json
import time
import warnings
from pathlib import Path
from typing import Any

import httpx
import pytest
from rdflib import Graph

import kg
from tests.serve.conftest import make_client

ASK = "ASK { ?s a <https://w3id.org/summit-kg/ontology#Summit> }"
SLOW = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
HOSTILE = "<img src=x onerror=alert(1)></script><script>alert(2)</script>"


def parse(text: str, fmt: str) -> Graph:
    """RDF text as a graph (rdflib's JSON-LD parser uses its own deprecated ConjunctiveGraph)."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "ConjunctiveGraph is deprecated", DeprecationWarning)
        return Graph().parse(data=text, format=fmt)


# --- the protocol -------------------------------------------------------------------------


def test_get_form_post_and_direct_post_give_the_same_answer(client: Any) -> None:
    got = client.get("/sparql", params={"query": ASK})
    form = client.post("/sparql", data={"query": ASK})
    direct = client.post(
        "/sparql", content=ASK, headers={"content-type": "application/sparql-query"}
    )
    for response in (got, form, direct):
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("application/sparql-results+json")
        assert response.json() == {"head": {}, "boolean": True}


@pytest.mark.parametrize(
    ("accept", "media"),
    [
        ("application/sparql-results+json", "application/sparql-results+json"),
        ("application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/csv", "text/csv"),
        ("text/tab-separated-values", "text/tab-separated-values"),
        ("*/*", "application/sparql-results+json"),
        ("text/csv;q=0.2, application/sparql-results+xml;q=0.9", "application/sparql-results+xml"),
    ],
)
def test_select_formats_follow_accept(client: Any, accept: str, media: str) -> None:
    response = client.get(
        "/sparql", params={"query": "SELECT ?t { ?t a skg:Topic }"}, headers={"accept": accept}
    )
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == media
    assert response.headers["vary"] == "Accept"
    if media == "text/csv":
        rows = list(csv.reader(io.StringIO(response.text)))
        assert rows[0] == ["t"] and len(rows) == 14


@pytest.mark.parametrize(
    ("accept", "fmt"),
    [
        ("text/turtle", "turtle"),
        ("application/n-triples", "nt"),
        ("application/ld+json", "json-ld"),
        ("application/rdf+xml", "xml"),
        (None, "turtle"),
    ],
)
def test_construct_formats_follow_accept(client: Any, accept: str | None, fmt: str) -> None:
    headers = {"accept": accept} if accept else {}
    response = client.get("/sparql", params={"query": "topic-network"}, headers=headers)
    assert response.status_code == 400  # a catalogue name is not a query at the endpoint
    query = "CONSTRUCT { ?o skg:topic ?t } WHERE { ?o skg:topic ?t }"
    response = client.get("/sparql", params={"query": query}, headers=headers)
    assert response.status_code == 200
    graph = parse(response.text, fmt)
    assert len(graph) == 14


def test_no_acceptable_format_is_406(client: Any) -> None:
    response = client.get("/sparql", params={"query": ASK}, headers={"accept": "image/png"})
    assert response.status_code == 406


@pytest.mark.parametrize(
    ("request_args", "status", "words"),
    [
        ({"data": {"update": "DROP ALL"}}, 403, "read-only"),
        (
            {"content": "DROP ALL", "headers": {"content-type": "application/sparql-update"}},
            403,
            "read-only",
        ),
        ({"data": {"query": "DROP ALL"}}, 400, "updates are refused"),
        ({"data": {"query": "SELECT * { SERVICE <http://x/> { ?s ?p ?o } }"}}, 400, "SERVICE"),
        ({"data": {"query": "SELECT * FROM <http://x/> { ?s ?p ?o }"}}, 400, "FROM"),
        ({"data": {"query": "SELEC ?x {"}}, 400, "not valid SPARQL"),
        ({"data": {"query": "/etc/passwd.rq"}}, 400, "not valid SPARQL"),
        ({"data": {"query": ASK, "default-graph-uri": "urn:g"}}, 400, "not supported"),
        ({"content": "x", "headers": {"content-type": "text/plain"}}, 415, "POST a query"),
    ],
)
def test_refusals_have_the_protocols_codes_and_one_line(
    client: Any, request_args: dict[str, Any], status: int, words: str
) -> None:
    response = client.post("/sparql", **request_args)
    assert response.status_code == status
    assert words in response.text
    assert response.text.count("\n") == 1


def test_service_description_without_a_query(client: Any) -> None:
    response = client.get("/sparql")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/turtle")
    graph = Graph().parse(data=response.text, format="turtle")
    sd = "http://www.w3.org/ns/sparql-service-description#"
    assert graph.query(
        f"ASK {{ ?s a <{sd}Service> ; <{sd}endpoint> <http://testserver/sparql> ; "
        f"<{sd}supportedLanguage> <{sd}SPARQL11Query> ; "
        f"<{sd}resultFormat> <http://www.w3.org/ns/formats/SPARQL_Results_CSV> }}"
    ).askAnswer


def test_body_over_a_megabyte_is_413(client: Any) -> None:
    response = client.post(
        "/sparql",
        content=b"#" * (1024 * 1024 + 1),
        headers={"content-type": "application/sparql-query"},
    )
    assert response.status_code == 413
    assert response.headers["x-content-type-options"] == "nosniff"


def test_row_cap_is_the_servers(alaska: kg.SummitGraph) -> None:
    with make_client(alaska, max_rows=3) as capped:
        response = capped.get("/sparql", params={"query": "SELECT * { ?s ?p ?o }"})
    assert len(response.json()["results"]["bindings"]) == 3
    assert response.headers["x-rows-truncated"] == "true"


def test_no_cors_headers_unless_asked(client: Any, alaska: kg.SummitGraph) -> None:
    origin = {"origin": "http://example.org"}
    plain = client.get("/sparql", params={"query": ASK}, headers=origin)
    assert "access-control-allow-origin" not in plain.headers
    with make_client(alaska, cors_origins=["http://example.org"]) as cors:
        allowed = cors.get("/sparql", params={"query": ASK}, headers=origin)
    assert allowed.headers["access-control-allow-origin"] == "http://example.org"


# --- timeouts and concurrency ----------------------------------------------------------------


async def _timed(client: httpx.AsyncClient, query: str) -> tuple[int, float]:
    start = time.monotonic()
    response = await client.get("/sparql", params={"query": query})
    return response.status_code, time.monotonic() - start


def test_a_query_past_its_timeout_is_503_and_holds_up_no_other(alaska: kg.SummitGraph) -> None:
    from kg.serve import create_app

    app = create_app(alaska, timeout=1.5, max_rows=1000)

    async def scenario() -> list[tuple[int, float]]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
            slow = asyncio.create_task(_timed(c, SLOW))
            await asyncio.sleep(0.1)
            fast = [await _timed(c, ASK) for _ in range(3)]
            return [await slow, *fast]

    try:
        (slow_status, slow_time), *fast = asyncio.run(scenario())
    finally:
        app.state.service.close()
    assert slow_status == 503
    assert 1.4 < slow_time < 8
    assert all(status == 200 for status, _ in fast)
    assert sum(seconds for _, seconds in fast) < slow_time  # answered while the slow one ran


# --- pages ---------------------------------------------------------------------------------


def _csp(response: Any) -> str:
    policy: str = response.headers["content-security-policy"]
    assert "http:" not in policy and "https:" not in policy
    return policy


def test_catalogue_lists_every_question(client: Any) -> None:
    from kg.sparql.catalogue import catalogue

    page = client.get("/")
    assert page.status_code == 200
    assert "default-src 'none'" in _csp(page)
    assert page.headers["x-content-type-options"] == "nosniff"
    for name, query in catalogue().items():
        assert f'href="/queries/{name}"' in page.text
        assert query.title in page.text


def test_question_form_runs_with_a_parameter_and_pages_rows(client: Any) -> None:
    form = client.get("/queries/outcomes-by-topic")
    assert 'name="topic"' in form.text and "<textarea" in form.text
    answer = client.post("/queries/outcomes-by-topic", data={"topic": "Cybersecurity"})
    assert answer.status_code == 200
    assert "3 rows" in answer.text and "Strengthened Cyber Defenses" in answer.text
    assert "/queries/outcomes-by-topic/results?topic=Cybersecurity&amp;format=csv" in answer.text
    many = client.post("/queries/outcomes-by-likelihood", data={"page": "1"})
    assert "page 1 of" not in many.text or "next" in many.text


def test_edited_sparql_runs_with_the_typed_parameter(client: Any) -> None:
    text = "SELECT ?label WHERE { ?t skos:prefLabel ?label FILTER (LCASE(?label) = LCASE(?topic)) }"
    answer = client.post(
        "/queries/outcomes-by-topic", data={"topic": "Trade Relations", "sparql": text}
    )
    assert answer.status_code == 200
    assert "1 row" in answer.text and "Trade Relations" in answer.text
    injected = client.post(
        "/queries/outcomes-by-topic", data={"topic": '") } DROP ALL #', "sparql": text}
    )
    assert injected.status_code == 200 and "0 rows" in injected.text


def test_result_links_entities_and_downloads_match_the_library(
    client: Any, alaska: kg.SummitGraph
) -> None:
    page = client.post("/queries/provenance", data={"claim": "Strengthened Cyber Defenses"})
    assert 'href="/id/doc/' in page.text
    download = client.get(
        "/queries/outcomes-by-topic/results", params={"topic": "Cybersecurity", "format": "csv"}
    )
    assert download.headers["content-disposition"].endswith('outcomes-by-topic.csv"')
    from kg.sparql.results import format_result

    expected = format_result(alaska.query("outcomes-by-topic", topic="Cybersecurity"), "csv")
    assert _rows(download.text) == _rows(expected) and len(_rows(expected)) == 4


def _rows(text: str) -> set[tuple[str, ...]]:
    """CSV rows, each cell's "; "-joined parts sorted (GROUP_CONCAT has no order)."""
    return {
        tuple("; ".join(sorted(cell.split("; "))) for cell in row)
        for row in csv.reader(io.StringIO(text))
    }


def test_bad_parameter_and_unknown_question(client: Any) -> None:
    assert client.get("/queries/no-such-question").status_code == 404
    bad = client.post("/queries/actor-links", data={"actor": "Nobody At All"})
    assert bad.status_code == 400 and "nothing is labelled" in bad.text


def test_graph_view_is_served_with_the_pages_own_policy(client: Any) -> None:
    from kg.serve.security import csp_of

    for path in ("/queries/topic-network/graph", "/queries/actor-links/graph"):
        response = client.get(path, params={"actor": "Vladimir Putin"} if "actor" in path else {})
        assert response.status_code == 200
        assert _csp(response) == csp_of(response.text)
        assert "script-src 'sha256-" in response.headers["content-security-policy"]
    view = client.get("/queries/actor-links/graph", params={"actor": "Vladimir Putin"})
    assert "Vladimir Putin" in view.text and "Alaska" in view.text


# --- Linked Data ---------------------------------------------------------------------------


def test_entity_page_has_label_class_provenance_and_neighbours(client: Any) -> None:
    outcome = "doc/d9b7aec9164b1047/table/1/row/3/outcome"
    page = client.get(f"/id/{outcome}")
    assert page.status_code == 200
    text = page.text
    assert "<h1>Strengthened Cyber Defenses</h1>" in text
    assert 'href="/ontology#Outcome"' in text
    assert "likelihood: anticipated" in text and "Anticipated" in text
    assert "Trump and Putin Set to Meet in Alaska" in text  # the document's title
    assert 'href="/id/topic/cybersecurity"' in text  # outgoing
    topic = client.get("/id/topic/cybersecurity").text
    assert f'href="/id/{outcome}"' in topic  # incoming


@pytest.mark.parametrize(
    ("accept", "fmt"),
    [
        ("text/turtle", "turtle"),
        ("application/ld+json", "json-ld"),
        ("application/n-triples", "nt"),
    ],
)
def test_entity_rdf_by_accept(client: Any, accept: str, fmt: str) -> None:
    response = client.get("/id/topic/cybersecurity", headers={"accept": accept})
    assert response.status_code == 200 and response.headers["content-type"].startswith(accept)
    graph = parse(response.text, fmt)
    subjects = {str(s) for s in graph.subjects()}
    assert subjects == {"https://w3id.org/summit-kg/id/topic/cybersecurity"}


def test_unknown_entity_is_404(client: Any) -> None:
    assert client.get("/id/topic/no-such-topic").status_code == 404
    assert client.get("/id/x", headers={"accept": "text/turtle"}).status_code == 404


def test_ontology_page_and_turtle(client: Any) -> None:
    page = client.get("/ontology")
    assert page.status_code == 200
    assert 'id="Outcome"' in page.text and 'id="likelihood"' in page.text
    assert "domain:" in page.text and "range:" in page.text
    assert "LikelihoodScheme" in page.text and "StanceScheme" in page.text
    turtle = client.get("/ontology", headers={"accept": "text/turtle"})
    assert len(Graph().parse(data=turtle.text, format="turtle")) > 500


def test_hostile_labels_are_inert(tmp_path: Path) -> None:
    data = tmp_path / "evil.ttl"
    label = json.dumps(HOSTILE)
    data.write_text(
        "@prefix skg: <https://w3id.org/summit-kg/ontology#> .\n"
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        f"<https://w3id.org/summit-kg/id/topic/evil> a skg:Topic ; skos:prefLabel {label} .\n"
        f'<https://w3id.org/summit-kg/id/topic/good> a skg:Topic ; skos:prefLabel "Good" ;\n'
        "  skos:related <https://w3id.org/summit-kg/id/topic/evil> .\n",
        encoding="utf-8",
    )
    with make_client(kg.load(data)) as evil:
        pages = [
            evil.get("/id/topic/evil"),
            evil.get("/id/topic/good"),
            evil.post("/queries/topics", data={}),
            evil.post("/queries/on-agenda", data={"topic": HOSTILE}),
        ]
    assert [page.status_code for page in pages] == [200, 200, 200, 400]  # "<…>" is an IRI
    for page in pages:
        assert "<img" not in page.text and "<script" not in page.text
        assert "script-src" not in page.headers["content-security-policy"]
    assert "&lt;img src=x onerror=alert(1)&gt;" in pages[0].text
