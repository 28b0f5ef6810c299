"""A SPARQL 1.1 server as the store (``--store sparql:URL``): Virtuoso, Fuseki, GraphDB, …

Only the SPARQL 1.1 Protocol is used: form-encoded ``POST`` of ``query=``
and ``update=``, results as SPARQL XML or N-Triples parsed by rdflib. Three
kinds of graph live on the server:

* one named graph per document;
* :data:`UNION_GRAPH`, the set union of the documents and the ontology,
  which queries read as their default graph (``default-graph-uri``): a
  server's own default graph is often every graph it holds, system graphs
  included, counting shared triples once per graph;
* :data:`REGISTRY_GRAPH`, which lists the document graphs summit-kg wrote
  (``<registry> dcterms:hasPart <graph>``), so other data on the server is
  never listed, exported or removed.

Each document is written by **one** update request (drop the old graph and
its triples no other graph holds from the union, insert the new one), so a
failed upload leaves the whole old state; never one request per triple.

Credentials and a separate update endpoint come from the arguments or from
``SUMMIT_KG_SPARQL_USER``, ``SUMMIT_KG_SPARQL_PASSWORD`` and
``SUMMIT_KG_SPARQL_UPDATE_URL`` (HTTP Basic or Digest, as the server asks).

Examples:
    >>> endpoint = SparqlEndpoint("http://127.0.0.1:8890/sparql")
    >>> endpoint.update_url
    'http://127.0.0.1:8890/sparql'
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import http.client
import io
import json
import os
import re
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS
from rdflib.plugins.sparql.results.jsonresults import JSONResult
from rdflib.query import Result
from rdflib.term import Identifier, Node

from kg.errors import KGError, QueryError, QueryTimeout, StoreError
from kg.rdf.namespaces import ONTOLOGY_GRAPH, SKG  # also kg.rdf's bounds on literal conversion
from kg.resources import resource_file
from kg.sparql.engines import Answer, sparql_term, with_values
from kg.stores.base import (
    DocumentInfo,
    GraphData,
    GraphStamp,
    Store,
    describe_graph,
    stamps_of,
)
from kg.stores.bulk import BulkLoader, bulk_loader_from_env

__all__ = ["MAX_ANSWER_BYTES", "REGISTRY_GRAPH", "UNION_GRAPH", "SparqlEndpoint", "SparqlStore"]

UNION_GRAPH = URIRef("https://w3id.org/summit-kg/graph/union")
REGISTRY_GRAPH = URIRef("https://w3id.org/summit-kg/graph/registry")
MAX_ANSWER_BYTES = 64 * 1024**2
"""The largest answer body read from a SPARQL server (64 MiB): parsed results take about ten
times their size in memory. ``SUMMIT_KG_SPARQL_MAX_ANSWER_MB`` sets another cap for a store."""
_DETAIL_BYTES = 4096
"""What is read of an error answer's body (its first 300 characters are shown)."""
_READ_BYTES = 64 * 1024
_U = sparql_term(UNION_GRAPH)
_R = sparql_term(REGISTRY_GRAPH)
_PART = sparql_term(DCTERMS.hasPart)
_SELECT_TYPES = "application/sparql-results+json, application/sparql-results+xml;q=0.5"
"""JSON first: some servers write a raw CR in XML results, which XML reads as LF."""
CHUNK = 1000
"""Statements per INSERT operation (Virtuoso's SPARQL compiler stops near 5,000)."""
REGISTER_EVERY = 100
"""Documents added to the union graph and registered per request after a bulk load."""
_GRAPH_TYPES = "application/n-triples, text/turtle;q=0.9"
_PARSERS = {"application/n-triples": "nt", "text/plain": "nt", "text/turtle": "turtle"}
"""Graph answers summit-kg reads. Never RDF/XML: rdflib's RDF/XML parser expands entities
(quadratic time on "billion laughs") and silently empties external ones."""
_DOCTYPE = re.compile(r"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_XML_ENCODING = re.compile(r"""\A\ufeff?\s*<\?xml\s[^>]*?\bencoding\s*=\s*["']([^"']*)["']""")


def _size(count: int) -> str:
    """A byte count for messages.

    Examples:
        >>> _size(64 * 1024**2), _size(1536 * 1024), _size(100)
        ('64 MiB', '1.5 MiB', '100 bytes')
    """
    if count < 1024**2:
        return f"{count} bytes" if count < 1024 else f"{count / 1024:g} KiB"
    return f"{count / 1024**2:g} MiB"


def _shown(url: str) -> str:
    """A URL from a server's header, fit for a one-line message."""
    return "".join(c if c.isprintable() else "?" for c in url[:200])


def _checked_xml(url: str, body: bytes) -> None:
    """Refuse an XML answer that is not UTF-8 or declares a DOCTYPE or an ENTITY.

    SPARQL results are UTF-8 by specification; any other encoding (UTF-16 or UTF-32,
    with or without a byte order mark, or declared) is refused before the declarations
    are looked for, so none can hide in another encoding.

    Examples:
        >>> _checked_xml("u", '<?xml version="1.0"?><sparql/>'.encode())
        >>> _checked_xml("u", '<!DOCTYPE x><sparql/>'.encode("utf-16"))
        Traceback (most recent call last):
        kg.errors.StoreError: u: refused an XML answer that is not UTF-8
    """
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        text = "\x00"
    declared = _XML_ENCODING.match(text)
    if "\x00" in text or (declared and declared[1].lower() != "utf-8"):
        raise StoreError(f"{url}: refused an XML answer that is not UTF-8")
    if _DOCTYPE.search(text):
        raise StoreError(
            f"{url}: refused an XML answer with a DOCTYPE or ENTITY declaration (entity expansion)"
        )


def _origin(url: str) -> tuple[str, str, int | None]:
    """Scheme, host and port of ``url``, default ports filled in.

    Examples:
        >>> _origin("HTTP://Example.org/sparql") == _origin("http://example.org:80/other")
        True
    """
    parts = urllib.parse.urlsplit(url)
    scheme = parts.scheme.lower()
    try:
        port = parts.port or {"http": 80, "https": 443}.get(scheme)
    except ValueError:  # a port out of range: no origin matches it
        port = -1
    return scheme, (parts.hostname or "").lower(), port


class _Deadline:
    """One request's overall time limit, over connecting, headers and the whole body.

    A socket timeout bounds each read, not their sum (a server can send one byte
    per read forever): at the deadline a timer shuts the request's sockets down, so
    whatever read is under way ends, and :attr:`expired` says why it ended.
    """

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds
        self.at = None if seconds is None else time.monotonic() + seconds
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._fired = False
        self._timer: threading.Timer | None = None
        if seconds is not None:
            self._timer = threading.Timer(max(seconds, 0), self._expire)
            self._timer.daemon = True
            self._timer.start()

    @property
    def expired(self) -> bool:
        return self._fired or (self.at is not None and time.monotonic() >= self.at)

    def remaining(self) -> float | None:
        """Seconds left (``None`` for no limit).

        Raises:
            TimeoutError: none are left.
        """
        if self.at is None:
            return None
        left = self.at - time.monotonic()
        if left <= 0 or self._fired:
            raise TimeoutError("deadline passed")
        return left

    def watch(self, sock: socket.socket) -> None:
        """Shut ``sock`` down at the deadline (at once if it has passed)."""
        with self._lock:
            self._sockets.append(sock)
            if not self._fired:
                return
        self._shut(sock)

    def arm(self) -> None:
        """Before a read: the current socket's timeout becomes the time left."""
        left = self.remaining()
        if self._sockets:
            with contextlib.suppress(OSError):
                self._sockets[-1].settimeout(left)

    def cancel(self) -> None:
        if self._timer is not None:
            self._timer.cancel()

    def _expire(self) -> None:
        with self._lock:
            self._fired = True
            sockets = list(self._sockets)
        for sock in sockets:
            self._shut(sock)

    @staticmethod
    def _shut(sock: socket.socket) -> None:
        with contextlib.suppress(OSError):  # already closed, or handed over to TLS
            socket.socket.shutdown(sock, socket.SHUT_RDWR)


class _Watched:
    """An :class:`http.client.HTTPConnection` whose sockets its deadline watches."""

    _deadline: _Deadline
    sock: Any
    timeout: float | None

    def _create(self, address: tuple[str, int], timeout: Any, source: Any = None) -> socket.socket:
        sock = socket.create_connection(address, timeout, source)
        self._deadline.watch(sock)  # from the start: a proxy's tunnel answer too
        return sock

    def connect(self) -> None:
        self.timeout = self._deadline.remaining()
        super().connect()  # type: ignore[misc]
        self._deadline.watch(self.sock)


class _HTTPConnection(_Watched, http.client.HTTPConnection):
    def __init__(self, *args: Any, deadline: _Deadline, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._deadline = deadline
        self._create_connection = self._create


class _HTTPSConnection(_Watched, http.client.HTTPSConnection):
    def __init__(self, *args: Any, deadline: _Deadline, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._deadline = deadline
        self._create_connection = self._create


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, deadline: _Deadline) -> None:
        super().__init__()
        self._deadline = deadline

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        connection = functools.partial(_HTTPConnection, deadline=self._deadline)
        return self.do_open(connection, req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, deadline: _Deadline) -> None:
        super().__init__()
        self._deadline = deadline

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        connection = functools.partial(_HTTPSConnection, deadline=self._deadline)
        return self.do_open(connection, req, context=self._context)  # type: ignore[attr-defined]


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Redirects: only 307 and 308 to the same scheme, host and port, the POST kept whole.

    A redirect elsewhere is refused (the query, and credentials, stay with the server
    that was named); so is a 301, 302 or 303, which would turn the POST into a GET
    without its query.
    """

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: Any,
        newurl: str,
    ) -> urllib.request.Request:
        fp.close()  # its body is never read
        url, target = req.full_url, _shown(newurl)
        if _origin(newurl) != _origin(url):
            raise StoreError(
                f"{url}: refused a redirect (HTTP {code}) to another scheme, host or port: {target}"
            )
        if code not in (307, 308):
            raise StoreError(
                f"{url}: refused a redirect (HTTP {code}) to {target}, which would drop the "
                f"query (only 307 and 308 keep it); use that URL as the endpoint"
            )
        return urllib.request.Request(
            newurl.replace(" ", "%20"),
            data=req.data,
            headers=dict(req.headers),
            origin_req_host=req.origin_req_host,
            unverifiable=True,
            method="POST",
        )


def _read(response: Any, limit: int, deadline: _Deadline, whole: bool = True) -> tuple[bytes, bool]:
    """At most ``limit`` bytes of ``response``'s body, read in chunks within the deadline.

    The second value says whether the body is longer; the rest is left unread (and
    nothing is read of a ``whole`` body whose ``Content-Length`` says so already).

    Raises:
        TimeoutError: the deadline passed.
    """
    if whole:
        declared = response.headers.get("Content-Length", "").strip()
        if declared.isdigit() and int(declared) > limit:
            return b"", True
    body = io.BytesIO()
    while body.tell() <= limit:
        deadline.arm()
        chunk = response.read1(min(_READ_BYTES, limit + 1 - body.tell()))
        if deadline.expired:
            raise TimeoutError("deadline passed")
        if not chunk:
            return body.getvalue(), False
        body.write(chunk)
    return body.getvalue()[:limit], True


def _max_answer_bytes(value: str | None) -> int:
    """``SUMMIT_KG_SPARQL_MAX_ANSWER_MB`` as bytes (:data:`MAX_ANSWER_BYTES` if unset).

    Examples:
        >>> _max_answer_bytes("0.5"), _max_answer_bytes(None) == MAX_ANSWER_BYTES
        (524288, True)
    """
    if value is None or not value.strip():
        return MAX_ANSWER_BYTES
    try:
        megabytes = float(value)
    except ValueError:
        megabytes = 0
    if not 0 < megabytes <= 1024**2:
        raise StoreError(f"SUMMIT_KG_SPARQL_MAX_ANSWER_MB: not a size in MiB: '{value}'")
    return int(megabytes * 1024**2)


@dataclass(frozen=True)
class RequestBody:
    """What a request sends: its bytes, their media type, and the HTTP method."""

    data: bytes
    media: str
    method: str = "POST"


@dataclass(frozen=True)
class SparqlEndpoint:
    """Where and how to reach a SPARQL 1.1 server; also a query engine for the runner.

    Every request has an overall deadline (its ``timeout``, covering connecting, the
    headers and the whole body), reads at most ``max_answer_bytes`` of an answer and
    follows no redirect to another scheme, host or port.
    """

    query_url: str
    update_url: str | None = None
    user: str | None = None
    password: str | None = None
    default_graph: str | None = None
    max_answer_bytes: int = MAX_ANSWER_BYTES

    def __post_init__(self) -> None:
        if urllib.parse.urlsplit(self.query_url).scheme not in ("http", "https"):
            raise StoreError(f"not an http(s) SPARQL endpoint: '{self.query_url}'")
        if self.update_url is None:
            object.__setattr__(self, "update_url", self.query_url)
        if self.max_answer_bytes < 1:
            raise StoreError(f"max_answer_bytes must be positive, not {self.max_answer_bytes}")

    def _open(self, url: str, body: RequestBody, accept: str, deadline: _Deadline) -> Any:
        handlers: list[urllib.request.BaseHandler] = [
            _HTTPHandler(deadline),
            _HTTPSHandler(deadline),
            _Redirects(),
        ]
        if self.user is not None:
            passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            passwords.add_password(None, url, self.user, self.password or "")
            handlers += [
                urllib.request.HTTPBasicAuthHandler(passwords),
                urllib.request.HTTPDigestAuthHandler(passwords),
            ]
        opener = urllib.request.build_opener(*handlers)
        request = urllib.request.Request(
            url,
            data=body.data,
            headers={"Accept": accept, "Content-Type": body.media},
            method=body.method,
        )
        return opener.open(request, timeout=deadline.seconds)

    def post(
        self, url: str, form: dict[str, str], accept: str, timeout: float | None
    ) -> tuple[str, bytes]:
        """POST ``form`` to ``url``; the response's media type and body.

        Raises:
            QueryTimeout: no whole answer within ``timeout`` seconds.
            StoreError: the server cannot be reached, answered with an error, redirected
                elsewhere or sent more than ``max_answer_bytes``.
        """
        data = urllib.parse.urlencode(form).encode("utf-8")
        return self.send(
            url,
            RequestBody(data, "application/x-www-form-urlencoded; charset=UTF-8"),
            accept,
            timeout,
        )

    def send(
        self, url: str, body: RequestBody, accept: str, timeout: float | None
    ) -> tuple[str, bytes]:
        """Send ``body`` to ``url`` (its method and media type); the answer, as :meth:`post`."""
        deadline = _Deadline(timeout)
        try:
            return self._post(url, body, accept, deadline)
        except KGError:
            raise
        except (OSError, http.client.HTTPException, ValueError) as exc:
            reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
            if deadline.expired or isinstance(reason, TimeoutError):
                within = "" if timeout is None else f" within {timeout:g} s"
                raise QueryTimeout(f"{url}: no answer{within}") from None
            if isinstance(exc, urllib.error.URLError):
                raise StoreError(f"{url}: cannot reach the SPARQL server: {reason}") from None
            why = str(exc) or type(exc).__name__
            raise StoreError(f"{url}: the connection failed: {why}"[:400]) from None
        finally:
            deadline.cancel()

    def _post(
        self, url: str, body: RequestBody, accept: str, deadline: _Deadline
    ) -> tuple[str, bytes]:
        try:
            response = self._open(url, body, accept, deadline)
        except urllib.error.HTTPError as exc:
            if 300 <= exc.code < 400:  # one urllib refused: to another scheme, or a loop
                exc.close()
                why = " ".join(str(exc.reason).split())[:300]
                raise StoreError(f"{url}: refused a redirect (HTTP {exc.code}): {why}") from None
            with exc:
                text, _ = _read(exc, _DETAIL_BYTES, deadline, whole=False)
            detail = " ".join(text.decode("utf-8", "replace").split())[:300]
            raise StoreError(f"{url}: HTTP {exc.code}: {detail or exc.reason}") from None
        with response:
            media: str = response.headers.get_content_type()
            answer, more = _read(response, self.max_answer_bytes, deadline)
        if more:
            raise StoreError(
                f"{url}: refused an answer of more than {_size(self.max_answer_bytes)}, the cap "
                f"on a SPARQL server's answers (SUMMIT_KG_SPARQL_MAX_ANSWER_MB sets another)"
            )
        return media, answer

    def select(self, text: str, timeout: float | None = 60, max_rows: int | None = None) -> Result:
        """A SELECT or ASK answered as an rdflib :class:`~rdflib.query.Result`.

        With ``max_rows``, rows past the first ``max_rows + 1`` of a JSON answer are
        dropped before they become rdflib terms.
        """
        form = {"query": text}
        if self.default_graph is not None:
            form["default-graph-uri"] = self.default_graph
        media, body = self.post(self.query_url, form, _SELECT_TYPES, timeout)
        try:
            if "xml" in media:
                _checked_xml(self.query_url, body)
                return Result.parse(io.BytesIO(body), format="xml")
            data = json.loads(body)
            del body
            bindings = data.get("results", {}).get("bindings") if isinstance(data, dict) else None
            if max_rows is not None and isinstance(bindings, list):
                del bindings[max_rows + 1 :]
            return JSONResult(data)
        except StoreError:
            raise
        except Exception as exc:  # the parsers raise many kinds of error
            raise StoreError(
                f"{self.query_url}: unreadable results ({media}): {exc}"[:400]
            ) from None

    def update(self, text: str, timeout: float | None = 300) -> None:
        """Run one SPARQL update request (applied whole or not at all by the server)."""
        assert self.update_url is not None
        self.post(self.update_url, {"update": text}, "*/*", timeout)

    def answer(
        self,
        text: str,
        kind: str,
        bindings: dict[str, Identifier],
        max_rows: int | None,
        timeout: float | None,
    ) -> Answer:
        """Evaluate a checked query on the server, with ``bindings`` as a VALUES block."""
        text = with_values(text, kind, bindings)
        try:
            if kind in ("SELECT", "ASK"):
                result = self.select(text, timeout, max_rows)
                if kind == "ASK":
                    return Answer("ASK", boolean=bool(result.askAnswer))
                names = [str(v) for v in result.vars or []]
                rows: list[tuple[Node | None, ...]] = []
                for row in result:
                    if max_rows is not None and len(rows) >= max_rows:
                        return Answer("SELECT", names, rows, truncated=True)
                    rows.append(tuple(row))  # type: ignore[arg-type]
                return Answer("SELECT", names, rows)
            form = {"query": text}
            if self.default_graph is not None:
                form["default-graph-uri"] = self.default_graph
            media, body = self.post(self.query_url, form, _GRAPH_TYPES, timeout)
            if "xml" in media:
                raise StoreError(f"{self.query_url}: cannot read a graph sent as {media}")
            graph = Graph()
            try:
                graph.parse(data=body.decode("utf-8"), format=_PARSERS.get(media, "turtle"))
            except Exception as exc:  # the parsers raise many kinds of error
                raise StoreError(
                    f"{self.query_url}: unreadable graph ({media}): {exc}"[:400]
                ) from None
            return Answer(kind, triples=list(graph))
        except StoreError as exc:
            raise QueryError(f"the SPARQL server refused the query: {exc}") from None


class SparqlStore(Store):
    """Documents in a SPARQL 1.1 server, one update request per document.

    Raises:
        StoreError: the server cannot be reached or refuses the updates.
    """

    wants_text = True
    persistent = True

    def __init__(
        self,
        url: str,
        *,
        update_url: str | None = None,
        user: str | None = None,
        password: str | None = None,
        read_only: bool = False,
        max_answer_bytes: int | None = None,
        bulk_loader: BulkLoader | None = None,
    ) -> None:
        env = os.environ
        self.endpoint = SparqlEndpoint(
            url,
            update_url or env.get("SUMMIT_KG_SPARQL_UPDATE_URL") or None,
            user if user is not None else env.get("SUMMIT_KG_SPARQL_USER") or None,
            password if password is not None else env.get("SUMMIT_KG_SPARQL_PASSWORD"),
            max_answer_bytes=_max_answer_bytes(env.get("SUMMIT_KG_SPARQL_MAX_ANSWER_MB"))
            if max_answer_bytes is None
            else max_answer_bytes,
        )
        self.spec = f"sparql:{url}"
        self.read_only = read_only
        self.bulk_loader = (
            bulk_loader_from_env(self.endpoint) if bulk_loader is None else bulk_loader
        )
        if not read_only:
            self._install_ontology()

    def _rows(self, text: str) -> list[Any]:
        return list(self.endpoint.select(text))

    def _install_ontology(self) -> None:
        """The ontology, its blank nodes (OWL restrictions) skolemised: Virtuoso fails on
        ``INSERT … WHERE {}`` templates of them ("string_output_string needs a string
        output"), so the ontology goes in as plain ``INSERT DATA`` like any document."""
        graph = (
            Graph()
            .parse(
                data=resource_file("ontology", "summit.ttl").read_text(encoding="utf-8"),
                format="turtle",
            )
            .skolemize(authority="https://w3id.org", basepath="/summit-kg/.well-known/genid/")
        )
        name = sparql_term(ONTOLOGY_GRAPH)
        (row,) = self._rows(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {name} {{ ?s ?p ?o }} }}")
        if int(row[0]) != len(graph):
            self._write(ONTOLOGY_GRAPH, GraphData.of(ONTOLOGY_GRAPH, graph).text_statements())

    def _write(self, iri: URIRef, statements: tuple[str, ...]) -> None:
        """One request: drop the old graph, insert the new one in chunks, register it."""
        name = sparql_term(iri)
        operations = [self._drop(name)]
        # INSERT DATA refuses blank nodes on some servers; INSERT … WHERE {} takes them, in
        # one operation (a blank node cannot span two), so only those triples go that way
        blank = [s for s in statements if "_:" in s]
        plain = [s for s in statements if "_:" not in s]
        if len(blank) > CHUNK:
            raise StoreError(
                f"<{iri}> has {len(blank)} triples with blank nodes; a SPARQL server takes "
                f"at most {CHUNK} per document (blank nodes cannot span two insert operations)"
            )
        for start in range(0, len(plain), CHUNK):
            chunk = self._graphs(name, plain[start : start + CHUNK])
            operations.append(f"INSERT DATA {{\n{chunk}\n}}")
        if blank:
            operations.append(f"INSERT {{\n{self._graphs(name, blank)}\n}} WHERE {{}}")
        if iri != ONTOLOGY_GRAPH:
            operations.append(f"INSERT DATA {{ GRAPH {_R} {{ {_R} {_PART} {name} }} }}")
        self.endpoint.update(" ;\n".join(operations))

    @staticmethod
    def _graphs(name: str, statements: list[str]) -> str:
        """The statements in the document's graph and in the union graph."""
        body = "".join(f"{s} .\n" for s in statements)
        return f"GRAPH {name} {{\n{body}}}\nGRAPH {_U} {{\n{body}}}"

    @staticmethod
    def _drop(name: str) -> str:
        return (
            f"DELETE {{ GRAPH {_U} {{ ?s ?p ?o }} }} WHERE {{ GRAPH {name} {{ ?s ?p ?o }}\n"
            f"  FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }}\n"
            f"    FILTER (?other != {name} && ?other != {_U}) }} }} ;\n"
            f"DROP SILENT GRAPH {name} ;\n"
            f"DELETE DATA {{ GRAPH {_R} {{ {_R} {_PART} {name} }} }}"
        )

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError(f"{self.spec}: the store is open read-only")

    def put(self, data: GraphData) -> None:
        self._writable()
        if data.iri in (ONTOLOGY_GRAPH, UNION_GRAPH, REGISTRY_GRAPH):
            raise StoreError(f"the graph <{data.iri}> is summit-kg's own; load data elsewhere")
        try:
            self._write(data.iri, data.text_statements())
        except StoreError as exc:
            raise StoreError(f"cannot write <{data.iri}>: {exc}") from None

    def load_shard(self, shard: Path, documents: Sequence[str]) -> None:
        """Write a shard's documents with the server's bulk loader (:mod:`kg.stores.bulk`),
        then add them to the union graph and register them, a hundred per request;
        without a bulk loader, one update request per document as :meth:`put` does.

        A document is listed once it is registered: after a failure, the documents
        loaded but not registered are not listed (and ingesting again replaces them).
        """
        self._writable()
        iris = list(dict.fromkeys(documents))
        reserved = {str(ONTOLOGY_GRAPH), str(UNION_GRAPH), str(REGISTRY_GRAPH)}
        if reserved & set(iris):
            raise StoreError("a shard names one of summit-kg's own graphs", path=shard)
        if self.bulk_loader is None:
            super().load_shard(shard, iris)
            return
        present = self.graph_names() & set(iris)
        if present:
            self.endpoint.update(" ;\n".join(self._drop(sparql_term(URIRef(i))) for i in present))
        self.bulk_loader.load(shard, iris)
        for start in range(0, len(iris), REGISTER_EVERY):
            names = " ".join(
                sparql_term(URIRef(iri)) for iri in iris[start : start + REGISTER_EVERY]
            )
            self.endpoint.update(
                f"INSERT {{ GRAPH {_U} {{ ?s ?p ?o }} }}\n"
                f"WHERE {{ VALUES ?g {{ {names} }} GRAPH ?g {{ ?s ?p ?o }} }} ;\n"
                f"INSERT {{ GRAPH {_R} {{ {_R} {_PART} ?g }} }} WHERE {{ VALUES ?g {{ {names} }} }}"
            )

    def remove(self, iri: str) -> bool:
        self._writable()
        if not self.contains(iri):
            return False
        self.endpoint.update(self._drop(sparql_term(URIRef(iri))))
        return True

    def graph_names(self) -> set[str]:
        rows = self._rows(f"SELECT ?g WHERE {{ GRAPH {_R} {{ {_R} {_PART} ?g }} }}")
        return {str(row[0]) for row in rows}

    def contains(self, iri: str) -> bool:
        name = sparql_term(URIRef(iri))
        return bool(self.endpoint.select(f"ASK {{ GRAPH {_R} {{ {_R} {_PART} {name} }} }}"))

    def documents(self) -> list[DocumentInfo]:
        counts = {
            str(row[0]): int(row[1])
            for row in self._rows(
                f"SELECT ?g (COUNT(*) AS ?n) WHERE {{ GRAPH {_R} {{ {_R} {_PART} ?g }}\n"
                f"  GRAPH ?g {{ ?s ?p ?o }} }} GROUP BY ?g"
            )
        }
        sources, _ = self._descriptions()
        files = {
            str(row[0]): str(row[1])
            for row in self._rows(
                f"SELECT ?g (MIN(?file) AS ?name) WHERE {{ GRAPH {_R} {{ {_R} {_PART} ?g }}\n"
                f"  GRAPH ?g {{ ?g {sparql_term(SKG.fileName)} ?file }} }} GROUP BY ?g"
            )
            if row[1] is not None
        }
        return [
            DocumentInfo(iri, *describe_graph(iri, sources.get(iri, ())), count, files.get(iri))
            for iri, count in sorted(counts.items())
        ]

    def _descriptions(
        self,
    ) -> tuple[dict[str, list[tuple[str, str | None, str | None]]], dict[str, list[str]]]:
        """Per registered graph, the ``(document, title, hash)`` of each source document it
        holds, and the reader versions its own document node (named as the graph) carries;
        one request."""
        sources: dict[str, list[tuple[str, str | None, str | None]]] = {}
        readers: dict[str, list[str]] = {}
        for row in self._rows(
            f"SELECT ?g ?d ?hash ?title ?reader WHERE {{ GRAPH {_R} {{ {_R} {_PART} ?g }}\n"
            f"  GRAPH ?g {{ ?d a {sparql_term(SKG.SourceDocument)} ;"
            f" {sparql_term(SKG.contentHash)} ?hash .\n"
            f"  OPTIONAL {{ ?d {sparql_term(DCTERMS.title)} ?title }}\n"
            f"  OPTIONAL {{ ?d {sparql_term(SKG.readerVersion)} ?reader }} }} }}"
        ):
            graph, document = str(row[0]), str(row[1])
            sources.setdefault(graph, []).append(
                (document, None if row[3] is None else str(row[3]), str(row[2]))
            )
            if row[4] is not None and document == graph:
                readers.setdefault(graph, []).append(str(row[4]))
        return sources, readers

    def graph_stamps(self) -> dict[str, GraphStamp]:
        return stamps_of(self.graph_names(), *self._descriptions())

    def _graph(self, iri: URIRef) -> Iterator[tuple[Node, Node, Node]]:
        for row in self._rows(
            f"SELECT ?s ?p ?o WHERE {{ GRAPH {sparql_term(iri)} {{ ?s ?p ?o }} }}"
        ):
            yield row[0], row[1], row[2]

    def quads(self) -> Iterator[tuple[Node, Node, Node, URIRef]]:
        for graph in sorted(self.graph_names()):
            name = URIRef(graph)
            for s, p, o in self._graph(name):
                yield s, p, o, name

    def ontology(self) -> Graph:
        graph = Graph(identifier=ONTOLOGY_GRAPH)
        for triple in self._graph(ONTOLOGY_GRAPH):
            graph.add(triple)
        return graph

    def triple_count(self) -> int:
        (row,) = self._rows(
            f"SELECT (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT ?s ?p ?o WHERE {{\n"
            f"  GRAPH {_R} {{ {_R} {_PART} ?g }} GRAPH ?g {{ ?s ?p ?o }} }} }}"
        )
        return int(row[0])

    @contextlib.contextmanager
    def reading(self) -> Iterator[Any]:
        """The endpoint, reading the union graph as its default graph."""
        yield dataclasses.replace(self.endpoint, default_graph=str(UNION_GRAPH))
