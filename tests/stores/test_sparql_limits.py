"""What a SPARQL server's answers may cost: size, time, redirects and encodings.

Each test scripts a hostile server on loopback (``tests.support.http_script``):
an answer over the size cap is refused after at most the cap has been read; a
server dripping bytes is cut off at the request's overall deadline; a redirect to
another scheme, host or port is refused before any request reaches it (307 and 308
to the same origin are followed with the POST whole, 301 to 303 are refused); an
XML answer in any encoding but UTF-8 is refused, so a DOCTYPE cannot hide in UTF-16;
a number literal of a billion digits (``"1E999999999"^^xsd:decimal``) stays as written.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import socket
import ssl
import subprocess
import threading
import time
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import parse_qs

import pytest

from kg.errors import QueryError, QueryTimeout, StoreError
from kg.sparql.engines import Answer
from kg.stores.sparql import MAX_ANSWER_BYTES, SparqlEndpoint, SparqlStore
from tests.support.checks import run
from tests.support.http_script import Request, Script, http_script

JSON = "application/sparql-results+json"
XML = "application/sparql-results+xml"
MiB = 1024**2
SELECT = "SELECT ?s WHERE { ?s ?p ?o }"


def ask(script: Script, **options: object) -> Answer:
    """``SELECT ?s`` on the scripted server, at most 2 rows, within 10 s unless told."""
    endpoint = SparqlEndpoint(script.url, **options)  # type: ignore[arg-type]
    return endpoint.answer(SELECT, "SELECT", {}, 2, 10)


def rows_json(count: int) -> bytes:
    row = {"s": {"type": "uri", "value": "https://example.org/s"}}
    return json.dumps({"head": {"vars": ["s"]}, "results": {"bindings": [row] * count}}).encode()


def huge(size: int, framing: str) -> Callable[[Request], None]:
    """A JSON answer of ``size`` bytes, its length declared, chunked or ended by closing."""
    block = b" " * 65536

    def reply(request: Request) -> None:
        headers = {"Content-Type": JSON}
        if framing == "length":
            headers["Content-Length"] = str(size)
        if framing == "chunked":
            request.handler.protocol_version = "HTTP/1.1"
            headers["Transfer-Encoding"] = "chunked"
        request.head(200, headers)
        for _ in range(size // len(block)):
            data = b"%x\r\n%s\r\n" % (len(block), block) if framing == "chunked" else block
            if request.script.stop.is_set() or not request.write(data):
                return

    return reply


# --- size ------------------------------------------------------------------------------


@pytest.mark.parametrize("framing", ["length", "chunked", "close"])
def test_an_answer_over_the_cap_is_refused_after_reading_at_most_the_cap(framing: str) -> None:
    with http_script(huge(50 * MiB, framing)) as server:
        tracemalloc.start()
        try:
            with pytest.raises(QueryError) as caught:
                ask(server, max_answer_bytes=MiB)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    message = str(caught.value)
    assert "refused an answer of more than 1 MiB" in message and server.url in message
    assert "\n" not in message
    assert peak < 16 * MiB  # the cap and a chunk, never the 50 MB
    assert server.sent < 25 * MiB  # the client stopped reading (socket buffers aside)


def test_the_default_cap_is_sound_and_a_store_takes_another(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert 16 * MiB <= MAX_ANSWER_BYTES <= 256 * MiB
    assert SparqlEndpoint("http://127.0.0.1:1/sparql").max_answer_bytes == MAX_ANSWER_BYTES
    monkeypatch.setenv("SUMMIT_KG_SPARQL_MAX_ANSWER_MB", "0.5")
    store = SparqlStore("http://127.0.0.1:1/sparql", read_only=True)
    assert store.endpoint.max_answer_bytes == MiB // 2
    with store.reading() as endpoint:
        assert endpoint.max_answer_bytes == MiB // 2
    given = SparqlStore("http://127.0.0.1:1/sparql", read_only=True, max_answer_bytes=7)
    assert given.endpoint.max_answer_bytes == 7
    for bad in ("0", "-1", "lots", "nan", "inf"):
        monkeypatch.setenv("SUMMIT_KG_SPARQL_MAX_ANSWER_MB", bad)
        with pytest.raises(StoreError, match="SUMMIT_KG_SPARQL_MAX_ANSWER_MB"):
            SparqlStore("http://127.0.0.1:1/sparql", read_only=True)
    with pytest.raises(StoreError, match="max_answer_bytes"):
        SparqlEndpoint("http://127.0.0.1:1/sparql", max_answer_bytes=0)


def test_the_command_line_reports_an_over_cap_answer_in_one_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SUMMIT_KG_SPARQL_MAX_ANSWER_MB", "1")
    with http_script(huge(20 * MiB, "close")) as server:
        code, _, err = run("query", "topics", "--store", f"sparql:{server.url}")
    assert code == 2 and "more than 1 MiB" in err and err.count("\n") == 1


def test_an_error_answer_is_read_only_as_far_as_its_message() -> None:
    def failing(request: Request) -> None:
        request.head(500, {"Content-Type": "text/plain"})
        request.write(b"database on fire " * 8)
        while not request.script.stop.is_set() and request.write(b"x" * 65536):
            pass

    with (
        http_script(failing) as server,
        pytest.raises(QueryError, match="HTTP 500: database on fire database"),
    ):
        ask(server)
    assert server.sent < 25 * MiB


def test_rows_past_max_rows_are_dropped_and_answers_within_the_cap_still_work() -> None:
    with http_script(lambda request: request.reply(200, rows_json(5), JSON)) as server:
        answer = ask(server)
        assert len(answer.rows) == 2 and answer.truncated
        whole = SparqlEndpoint(server.url).answer(SELECT, "SELECT", {}, 5, 10)
        assert len(whole.rows) == 5 and not whole.truncated
        assert len(SparqlEndpoint(server.url).select(SELECT)) == 5
        small = SparqlEndpoint(server.url, max_answer_bytes=len(rows_json(5)))
        assert len(small.select(SELECT)) == 5  # exactly the cap is allowed


# --- time ------------------------------------------------------------------------------


def drip(headers_too: bool) -> Callable[[Request], None]:
    """A byte every 0.3 s for 10 s: of the body, or of the headers themselves."""

    def reply(request: Request) -> None:
        wire = request.handler.wfile
        if headers_too:
            data, write = b"HTTP/1.0 200 OK\r\nContent-Type: " + JSON.encode() * 10, wire.write
        else:
            request.head(200, {"Content-Type": JSON, "Content-Length": "100"})
            data, write = b" " * 34, request.write
        for byte in data[:34]:
            if request.script.stop.wait(0.3):
                return
            try:
                write(bytes([byte]))
                wire.flush()
            except OSError:
                return

    return reply


@pytest.mark.parametrize("headers_too", [False, True], ids=["body", "headers"])
def test_a_dripping_server_is_cut_off_at_the_overall_deadline(headers_too: bool) -> None:
    with http_script(drip(headers_too)) as server:
        start = time.monotonic()
        with pytest.raises(QueryTimeout, match="no answer within 1 s"):
            SparqlEndpoint(server.url).answer(SELECT, "SELECT", {}, 2, 1)
        elapsed = time.monotonic() - start
    assert elapsed < 5  # the drip lasts 10 s; each byte alone is within a socket timeout


def test_a_deadline_leaves_no_thread_behind() -> None:
    before = threading.active_count()
    with http_script(lambda request: request.reply(200, rows_json(1), JSON)) as server:
        for _ in range(20):
            ask(server)
    end = time.monotonic() + 30  # the timers are cancelled: their threads end
    while threading.active_count() > before and time.monotonic() < end:
        time.sleep(0.05)
    assert threading.active_count() <= before


@pytest.fixture
def tls_drip() -> Iterator[str]:
    """An https URL whose server drips a TLS handshake, a byte every 0.3 s for 10 s."""
    listener = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def serve() -> None:
        with contextlib.suppress(OSError):
            connection, _ = listener.accept()
            with connection:
                for byte in b"\x16\x03\x03\x00\x40" + b"\x00" * 29:
                    if stop.wait(0.3):
                        return
                    connection.sendall(bytes([byte]))

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"https://127.0.0.1:{listener.getsockname()[1]}/sparql"
    stop.set()
    listener.close()
    thread.join(timeout=5)


def test_a_dripping_tls_handshake_is_cut_off_at_the_overall_deadline(tls_drip: str) -> None:
    start = time.monotonic()
    with pytest.raises(QueryTimeout, match="no answer within 1 s"):
        SparqlEndpoint(tls_drip).answer(SELECT, "SELECT", {}, 2, 1)
    assert time.monotonic() - start < 5


CERTIFICATE = (
    "openssl req -x509 -newkey rsa:2048 -nodes -days 1"
    " -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1"
)


@pytest.mark.skipif(shutil.which("openssl") is None, reason="needs openssl to make a certificate")
def test_an_https_server_is_read_as_before(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(
        [*CERTIFICATE.split(), "-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
    )
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))  # the client trusts this certificate only
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    with http_script(lambda request: request.reply(200, rows_json(3), JSON), tls=context) as server:
        answer = SparqlEndpoint(server.url).answer(SELECT, "SELECT", {}, 2, 10)
    assert server.url.startswith("https:") and len(answer.rows) == 2 and answer.truncated


# --- redirects -------------------------------------------------------------------------


@pytest.fixture
def elsewhere() -> Iterator[Script]:
    """Another server: a redirect's target that must never be asked."""
    with http_script(lambda request: request.reply(200, rows_json(1), JSON)) as server:
        yield server


def to(location: str, code: int) -> Callable[[Request], None]:
    return lambda request: request.head(code, {"Location": location, "Content-Length": "0"})


@pytest.mark.parametrize("code", [301, 302, 303, 307, 308])
def test_a_redirect_to_another_port_is_refused_and_never_followed(
    elsewhere: Script, code: int
) -> None:
    with http_script(to(elsewhere.url, code)) as server:
        for options in ({}, {"user": "alice", "password": "secret"}):
            with pytest.raises(QueryError) as caught:
                ask(server, **options)
            message = str(caught.value)
            assert f"refused a redirect (HTTP {code}) to another scheme, host or port" in message
            assert elsewhere.url in message and "\n" not in message
    assert elsewhere.requests == 0


def test_a_redirect_to_another_scheme_or_host_is_refused(elsewhere: Script) -> None:
    for location in (
        elsewhere.url.replace("http:", "https:"),
        elsewhere.url.replace("127.0.0.1", "localhost"),
        "ftp://127.0.0.1/sparql",
        "file:///etc/passwd",
    ):
        with http_script(to(location, 307)) as server, pytest.raises(QueryError, match="redirect"):
            ask(server)
    assert elsewhere.requests == 0


@pytest.mark.parametrize("code", [307, 308])
def test_a_same_origin_307_or_308_is_followed_with_the_post_whole(code: int) -> None:
    def moved(request: Request) -> None:
        if request.handler.path == "/sparql":
            to("/moved", code)(request)
        else:
            request.reply(200, rows_json(1), JSON)

    with http_script(moved) as server:
        assert len(ask(server, user="alice", password="secret").rows) == 1
    assert server.paths == ["/sparql", "/moved"]
    first, second = (parse_qs(body.decode()) for body in server.bodies)
    assert first == second and first["query"] == [SELECT]


@pytest.mark.parametrize("code", [301, 302, 303])
def test_a_same_origin_redirect_that_would_drop_the_query_is_refused(code: int) -> None:
    with (
        http_script(to("/moved", code)) as server,
        pytest.raises(QueryError, match=f"HTTP {code}.*/moved.*use that URL"),
    ):
        ask(server)
    assert server.requests == 1


def test_a_redirect_loop_ends_in_one_line() -> None:
    with (
        http_script(to("/sparql", 307)) as server,
        pytest.raises(QueryError, match="HTTP 307") as caught,
    ):
        ask(server)
    assert "\n" not in str(caught.value) and server.requests <= 11


# --- encodings -------------------------------------------------------------------------

ENTITY_RESULTS = (
    '<?xml version="1.0" encoding="{encoding}"?><!DOCTYPE sparql [<!ENTITY x "expanded">]>'
    '<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head><variable name="s"/>'
    '</head><results><result><binding name="s"><literal>&x;</literal></binding>'
    "</result></results></sparql>"
)
UTF16 = [
    ("utf-16-le", b""),
    ("utf-16-le", b"\xff\xfe"),
    ("utf-16-be", b""),
    ("utf-16-be", b"\xfe\xff"),
    ("utf-32-le", b"\xff\xfe\x00\x00"),
    ("utf-32-be", b""),
]


@pytest.mark.parametrize(("codec", "bom"), UTF16, ids=[f"{c}{'+bom' * bool(b)}" for c, b in UTF16])
def test_xml_in_utf16_or_utf32_is_refused_so_no_doctype_hides_in_it(codec: str, bom: bytes) -> None:
    body = bom + ENTITY_RESULTS.format(encoding=codec[:6]).encode(codec)
    with (
        http_script(lambda request: request.reply(200, body, XML)) as server,
        pytest.raises(QueryError, match="refused an XML answer that is not UTF-8"),
    ):
        ask(server)


def test_xml_declaring_another_encoding_is_refused_and_utf8_doctype_still_is() -> None:
    declared = ENTITY_RESULTS.replace('<!DOCTYPE sparql [<!ENTITY x "expanded">]>', "")
    for body, reason in [
        (declared.format(encoding="UTF-16").replace("&x;", "x").encode(), "not UTF-8"),
        (declared.format(encoding="ISO-8859-1").replace("&x;", "x").encode(), "not UTF-8"),
        (ENTITY_RESULTS.format(encoding="UTF-8").encode(), "DOCTYPE or ENTITY"),
        (b"\xef\xbb\xbf" + ENTITY_RESULTS.format(encoding="utf-8").encode(), "DOCTYPE or ENTITY"),
    ]:
        with (
            http_script(lambda request, body=body: request.reply(200, body, XML)) as server,
            pytest.raises(QueryError, match=reason),
        ):
            ask(server)


def test_utf8_xml_results_with_or_without_a_bom_are_read() -> None:
    plain = ENTITY_RESULTS.replace('<!DOCTYPE sparql [<!ENTITY x "expanded">]>', "")
    for body in (
        plain.format(encoding="UTF-8").replace("&x;", "Kyiv – Київ").encode(),
        b"\xef\xbb\xbf" + plain.format(encoding="utf-8").replace("&x;", "Kyiv – Київ").encode(),
        plain.replace(' encoding="{encoding}"', "").replace("&x;", "Kyiv – Київ").encode(),
    ):
        with http_script(lambda request, body=body: request.reply(200, body, XML)) as server:
            (row,) = ask(server).rows
        assert str(row[0]) == "Kyiv – Київ"


# --- numbers ---------------------------------------------------------------------------

HUGE_DECIMAL = {
    "type": "literal",
    "value": "1E999999999",
    "datatype": "http://www.w3.org/2001/XMLSchema#decimal",
}


def test_a_huge_number_in_an_answer_is_kept_as_written_not_expanded(tmp_path: Path) -> None:
    """``"1E999999999"^^xsd:decimal`` would be a billion digits as a Python number."""
    body = json.dumps({"head": {"vars": ["n"]}, "results": {"bindings": [{"n": HUGE_DECIMAL}]}})
    query = tmp_path / "n.rq"
    query.write_text("# title: n\nSELECT ?n WHERE { ?s ?p ?n }\n", encoding="utf-8")
    start = time.monotonic()
    with http_script(lambda request: request.reply(200, body.encode(), JSON)) as server:
        for form in ("table", "csv", "tsv", "json", "xml"):
            code, out, err = run(
                "query", str(query), "--store", f"sparql:{server.url}", "--format", form
            )
            assert code == 0 and "1E999999999" in out and len(out) < 1000, (form, err)
    assert time.monotonic() - start < 60  # seconds, not the hours a billion digits take
