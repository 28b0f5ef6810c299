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
import io
import os
import re
import socket
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS
from rdflib.query import Result
from rdflib.term import Identifier, Node

from kg.errors import QueryError, QueryTimeout, StoreError
from kg.rdf.namespaces import ONTOLOGY_GRAPH, SKG
from kg.resources import resource_file
from kg.sparql.engines import Answer, sparql_term, with_values
from kg.stores.base import DocumentInfo, GraphData, Store, describe_graph

__all__ = ["REGISTRY_GRAPH", "UNION_GRAPH", "SparqlEndpoint", "SparqlStore"]

UNION_GRAPH = URIRef("https://w3id.org/summit-kg/graph/union")
REGISTRY_GRAPH = URIRef("https://w3id.org/summit-kg/graph/registry")
_U = sparql_term(UNION_GRAPH)
_R = sparql_term(REGISTRY_GRAPH)
_PART = sparql_term(DCTERMS.hasPart)
_SELECT_TYPES = "application/sparql-results+json, application/sparql-results+xml;q=0.5"
CHUNK = 1000
"""Statements per INSERT operation (Virtuoso's SPARQL compiler stops near 5,000)."""
_GRAPH_TYPES = "application/n-triples, text/turtle;q=0.9"
_PARSERS = {"application/n-triples": "nt", "text/plain": "nt", "text/turtle": "turtle"}
"""Graph answers summit-kg reads. Never RDF/XML: rdflib's RDF/XML parser expands entities
(quadratic time on "billion laughs") and silently empties external ones."""
_DOCTYPE = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)


def _refuse_doctype(url: str, body: bytes) -> None:
    """XML answers with a DOCTYPE or ENTITY declaration are refused before parsing."""
    if _DOCTYPE.search(body):
        raise StoreError(
            f"{url}: refused an XML answer with a DOCTYPE or ENTITY declaration (entity expansion)"
        )


@dataclass(frozen=True)
class SparqlEndpoint:
    """Where and how to reach a SPARQL 1.1 server; also a query engine for the runner."""

    query_url: str
    update_url: str | None = None
    user: str | None = None
    password: str | None = None
    default_graph: str | None = None

    def __post_init__(self) -> None:
        if urllib.parse.urlsplit(self.query_url).scheme not in ("http", "https"):
            raise StoreError(f"not an http(s) SPARQL endpoint: '{self.query_url}'")
        if self.update_url is None:
            object.__setattr__(self, "update_url", self.query_url)

    def _open(self, url: str, form: dict[str, str], accept: str, timeout: float | None) -> Any:
        handlers: list[urllib.request.BaseHandler] = []
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
            data=urllib.parse.urlencode(form).encode("utf-8"),
            headers={
                "Accept": accept,
                "Content-Type": "application/x-www-form-urlencoded; charset=UTF-8",
            },
            method="POST",
        )
        return opener.open(request, timeout=timeout)

    def post(
        self, url: str, form: dict[str, str], accept: str, timeout: float | None
    ) -> tuple[str, bytes]:
        """POST ``form`` to ``url``; the response's media type and body.

        Raises:
            QueryTimeout: no answer within ``timeout`` seconds.
            StoreError: the server cannot be reached or answered with an error.
        """
        try:
            with self._open(url, form, accept, timeout) as response:
                media = response.headers.get_content_type()
                return media, response.read()
        except urllib.error.HTTPError as exc:
            detail = " ".join(exc.read().decode("utf-8", "replace").split())[:300]
            raise StoreError(f"{url}: HTTP {exc.code}: {detail or exc.reason}") from None
        except TimeoutError:
            raise QueryTimeout(f"{url}: no answer within {timeout:g} s") from None
        except urllib.error.URLError as exc:
            if isinstance(exc.reason, TimeoutError | socket.timeout):
                raise QueryTimeout(f"{url}: no answer within {timeout:g} s") from None
            raise StoreError(f"{url}: cannot reach the SPARQL server: {exc.reason}") from None
        except OSError as exc:
            raise StoreError(f"{url}: the connection failed: {exc}") from None

    def select(self, text: str, timeout: float | None = 60) -> Result:
        """A SELECT or ASK answered as an rdflib :class:`~rdflib.query.Result`."""
        form = {"query": text}
        if self.default_graph is not None:
            form["default-graph-uri"] = self.default_graph
        media, body = self.post(self.query_url, form, _SELECT_TYPES, timeout)
        if "xml" in media:
            _refuse_doctype(self.query_url, body)
        try:  # JSON first: some servers write a raw CR in XML results, which XML reads as LF
            return Result.parse(io.BytesIO(body), format="xml" if "xml" in media else "json")
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
                result = self.select(text, timeout)
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
    ) -> None:
        env = os.environ
        self.endpoint = SparqlEndpoint(
            url,
            update_url or env.get("SUMMIT_KG_SPARQL_UPDATE_URL") or None,
            user if user is not None else env.get("SUMMIT_KG_SPARQL_USER") or None,
            password if password is not None else env.get("SUMMIT_KG_SPARQL_PASSWORD"),
        )
        self.spec = f"sparql:{url}"
        self.read_only = read_only
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
        sources: dict[str, list[tuple[str, str | None, str | None]]] = {}
        for row in self._rows(
            f"SELECT ?g ?d ?hash ?title WHERE {{ GRAPH {_R} {{ {_R} {_PART} ?g }}\n"
            f"  GRAPH ?g {{ ?d a {sparql_term(SKG.SourceDocument)} ;"
            f" {sparql_term(SKG.contentHash)} ?hash .\n"
            f"  OPTIONAL {{ ?d {sparql_term(DCTERMS.title)} ?title }} }} }}"
        ):
            sources.setdefault(str(row[0]), []).append(
                (str(row[1]), None if row[3] is None else str(row[3]), str(row[2]))
            )
        return [
            DocumentInfo(iri, *describe_graph(iri, sources.get(iri, ())), count)
            for iri, count in sorted(counts.items())
        ]

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
        e = self.endpoint
        yield SparqlEndpoint(e.query_url, e.update_url, e.user, e.password, str(UNION_GRAPH))
