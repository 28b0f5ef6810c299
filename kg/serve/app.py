"""The Starlette application: the SPARQL endpoint, the question pages, entities, the ontology.

Routes:

* ``/sparql``: the SPARQL 1.1 Protocol (GET, form POST, ``application/sparql-query``
  POST); without a query, the service description.
* ``/``: the catalogue; ``/queries/{name}``: a question's form, its SPARQL
  (editable) and its answer a page at a time; ``/queries/{name}/results?format=``:
  the answer as a file; ``/queries/{name}/graph``: the answer drawn by
  :func:`kg.network.page.render_html`.
* ``/id/{path}``: the entity ``https://w3id.org/summit-kg/id/{path}``, as a page or
  (by ``Accept`` or ``format=``) Turtle, JSON-LD or N-Triples.
* ``/ontology``: the ontology's documentation, or its Turtle.

Status codes: 400 a malformed or refused query (SERVICE, FROM, an update in
``query=``) or a bad parameter, 403 an update request, 404 an unknown question
or entity, 406 no acceptable format, 413 a body over 1 MB, 415 a body type the
protocol does not use, 500 a crashed engine, 503 a query past its timeout.

Examples:
    >>> status_of(ProtocolError("updates are refused", status=403))
    403
"""

from __future__ import annotations

import asyncio
import contextlib
import re
from collections.abc import AsyncIterator, Mapping
from dataclasses import replace
from typing import Any
from urllib.parse import urlencode

from rdflib import Graph, URIRef
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response
from starlette.routing import Route

from kg.errors import EngineCrashed, KGError, QueryTimeout
from kg.graph import SummitGraph
from kg.serve import linked, pages, protocol
from kg.serve.protocol import GRAPH_MEDIA, ProtocolError
from kg.serve.security import MAX_BODY, BodyLimit, SecurityHeaders, csp_of
from kg.serve.workers import QueryService, start_service
from kg.sparql.catalogue import QueryFile, catalogue, declare_prefixes, param_value
from kg.sparql.results import serialize_graph
from kg.sparql.runner import QueryResult

__all__ = ["create_app", "status_of"]

_DOWNLOADS = {"SELECT": ("csv", "json", "xml", "tsv"), "ASK": ("json", "xml", "csv")}
_GRAPH_DOWNLOADS = ("turtle", "nt", "json-ld")
_SUFFIX = {"json": "srj", "xml": "srx", "turtle": "ttl", "json-ld": "jsonld", "rdf-xml": "rdf"}


def status_of(error: Exception) -> int:
    """The HTTP status for an error: 503 timeout, 500 crash, 400 other bad input.

    Examples:
        >>> status_of(QueryTimeout("slow")), status_of(KGError("bad"))
        (503, 400)
    """
    if isinstance(error, ProtocolError):
        return error.status
    if isinstance(error, QueryTimeout):
        return 503
    if isinstance(error, EngineCrashed):
        return 500
    return 400


def _one_line(error: Exception) -> str:
    return " ".join(str(error).split())


class _Server:
    """The routes' shared state: graph, query service, ontology, the drawing of the data."""

    def __init__(self, graph: SummitGraph, service: QueryService) -> None:
        self.graph = graph
        self.service = service
        self.triples = len(graph)
        ontology = Graph()
        for triple in graph.store.ontology():
            ontology.add(triple)
        self.ontology_graph = ontology
        self.ontology_doc = linked.ontology_doc(ontology)
        self.queries = catalogue()
        self._network: Any = None
        self._network_lock = asyncio.Lock()

    def page(self, template: str, status: int = 200, **context: Any) -> HTMLResponse:
        return HTMLResponse(
            pages.render(template, triples=self.triples, **context), status_code=status
        )

    def error_page(self, error: Exception, status: int | None = None) -> HTMLResponse:
        code = status or status_of(error)
        return self.page("error.html.j2", code, title=f"Error {code}", message=_one_line(error))

    async def network(self) -> Any:
        """The whole data graph as networkx (built once, on first use, off the event loop)."""
        async with self._network_lock:
            if self._network is None:
                import anyio.to_thread

                from kg.network.convert import to_networkx

                self._network = await anyio.to_thread.run_sync(
                    lambda: to_networkx(self.graph.data())
                )
        return self._network

    # --- /sparql -----------------------------------------------------------------------

    async def sparql(self, request: Request) -> Response:
        body = await request.body() if request.method == "POST" else b""
        try:
            asked = protocol.parse_request(
                request.method,
                request.url.query,
                request.headers.get("content-type"),
                body,
            )
            if asked.query is None:
                return self._service_description(request, asked.format)
            # the text as a query, never a catalogue name or a file path
            result = await self.service.run(QueryFile("<query>", declare_prefixes(asked.query)))
            fmt, media = protocol.choose_format(
                request.headers.get("accept"), result.type, asked.format
            )
            text = protocol.serialize(result, fmt)
        except KGError as error:
            return PlainTextResponse(_one_line(error) + "\n", status_code=status_of(error))
        headers = {"Vary": "Accept"}
        if result.truncated:
            headers["X-Rows-Truncated"] = "true"
        return Response(text, media_type=_with_charset(media), headers=headers)

    def _service_description(self, request: Request, override: str | None) -> Response:
        endpoint = str(request.url.replace(query=""))
        fmt, media = protocol.choose_format(request.headers.get("accept"), "DESCRIBE", override)
        text = serialize_graph(protocol.service_description(endpoint), fmt)
        return Response(text, media_type=_with_charset(media), headers={"Vary": "Accept"})

    # --- the question pages ----------------------------------------------------------------

    async def home(self, request: Request) -> Response:
        return self.page("catalogue.html.j2", title="Questions", queries=self.queries.values())

    async def css(self, request: Request) -> Response:
        return Response(pages.css(), media_type="text/css; charset=utf-8")

    async def _fields(self, request: Request) -> dict[str, str]:
        fields = dict(request.query_params)
        if request.method == "POST":
            form = await request.form()
            fields.update({k: v for k, v in form.items() if isinstance(v, str)})
        return fields

    def _question(self, request: Request) -> QueryFile:
        name = request.path_params["name"]
        if name not in self.queries:
            raise ProtocolError(f"no question named '{name}'", status=404)
        return self.queries[name]

    def _bound(
        self, query: QueryFile, fields: Mapping[str, str]
    ) -> tuple[QueryFile, dict[str, object], bool]:
        """The query to run (edited text or the catalogue's) and its typed parameters."""
        params: dict[str, object] = {}
        for param in query.params:
            value = fields.get(param.name, "").strip()
            if value:
                params[param.name] = param_value(param, value)
        text = fields.get("sparql")
        edited = text is not None and _normal(text) != _normal(query.text)
        if edited and text is not None:
            query = replace(query, name=f"{query.name} (edited)", text=declare_prefixes(text))
        return query, params, edited

    async def question(self, request: Request) -> Response:
        try:
            query = self._question(request)
        except ProtocolError as error:
            return self.error_page(error)
        fields = await self._fields(request)
        sparql = fields.get("sparql", query.text)
        context: dict[str, Any] = {
            "title": query.title or query.name,
            "query": query,
            "values": {p.name: fields.get(p.name, "") for p in query.params},
            "sparql": sparql,
            "rows": min(40, sparql.count("\n") + 3),
            "error": None,
            "result": None,
        }
        if request.method != "POST" and "run" not in fields:
            return self.page("query.html.j2", **context)
        status = 200
        try:
            bound, params, edited = self._bound(query, fields)
            result = await self.service.run(bound, params)
        except KGError as error:
            context["error"] = _one_line(error)
            return self.page("query.html.j2", status_of(error), **context)
        kept = {k: v for k, v in fields.items() if k not in ("page", "run", "format")}
        if not edited:
            kept.pop("sparql", None)
        kept = {k: v for k, v in kept.items() if v != ""}
        base = f"/queries/{query.name}"
        link = urlencode(kept)
        formats = _DOWNLOADS.get(result.type, _GRAPH_DOWNLOADS)
        context.update(
            result=result,
            summary=_summary(result),
            truncated=result.truncated,
            downloads=[(f, f"{base}/results?{urlencode({**kept, 'format': f})}") for f in formats],
            graph_href=None if result.type == "ASK" else f"{base}/graph?{link}",
            hidden=sorted(kept.items()),
            table=None,
            triples_text=None,
        )
        if result.type == "SELECT":
            context["table"] = pages.result_table(result, _page_number(fields.get("page")))
        elif result.graph is not None:
            context["triples_text"] = protocol.serialize(result, "turtle")
        return self.page("query.html.j2", status, **context)

    async def _answer(self, request: Request) -> tuple[QueryFile, QueryResult]:
        query = self._question(request)
        bound, params, _ = self._bound(query, dict(request.query_params))
        return query, await self.service.run(bound, params)

    async def results(self, request: Request) -> Response:
        try:
            query, result = await self._answer(request)
            fmt, media = protocol.choose_format(
                request.headers.get("accept"), result.type, request.query_params.get("format")
            )
            text = protocol.serialize(result, fmt)
        except KGError as error:
            return PlainTextResponse(_one_line(error) + "\n", status_code=status_of(error))
        filename = f"{query.name}.{_SUFFIX.get(fmt, fmt)}"
        return Response(
            text,
            media_type=_with_charset(media),
            headers={"Content-Disposition": f'attachment; filename="{filename}"'},
        )

    async def graph_view(self, request: Request) -> Response:
        from kg.network.convert import to_networkx
        from kg.network.page import render_html

        try:
            query, result = await self._answer(request)
        except KGError as error:
            return self.error_page(error)
        if result.graph is not None:
            network = to_networkx(result.graph, untyped=True, provenance=True)
        else:
            wanted = {
                str(term)
                for row in result.rows
                for term in row.values()
                if isinstance(term, URIRef)
            }
            whole = await self.network()
            network = whole.subgraph([n for n in wanted if n in whole]).copy()
        page = render_html(network, title=f"{query.title or query.name}: graph view")
        headers = {}
        policy = csp_of(page)
        if policy is not None:
            headers["Content-Security-Policy"] = policy
        return HTMLResponse(page, headers=headers)

    # --- Linked Data ---------------------------------------------------------------------

    def _wants_rdf(self, request: Request) -> tuple[str, str] | None:
        """The RDF format asked for (``format=`` or ``Accept``), or ``None`` for the page."""
        override = request.query_params.get("format")
        if override is not None:
            return protocol.choose_format(None, "DESCRIBE", override)
        for media in protocol.parse_accept(request.headers.get("accept")):
            if media in ("text/html", "application/xhtml+xml", "*/*", "text/*"):
                return None
            if media in GRAPH_MEDIA:
                return GRAPH_MEDIA[media], media
        return None

    async def entity(self, request: Request) -> Response:
        path = request.path_params["path"]
        iri = linked.entity_iri(path)
        try:
            rdf = self._wants_rdf(request)
            if rdf is not None:
                result = await self.service.run(linked.DESCRIPTION, {"s": iri})
                if result.graph is None or not len(result.graph):
                    found = await linked.describe(self.service, iri)
                    if found is None:
                        raise ProtocolError(f"nothing in the graph is {iri}", status=404)
                graph = result.graph if result.graph is not None else Graph()
                text = serialize_graph(graph, rdf[0])
                return Response(text, media_type=_with_charset(rdf[1]), headers={"Vary": "Accept"})
            entity = await linked.describe(self.service, iri)
        except KGError as error:
            return self.error_page(error)
        if entity is None:
            return self.error_page(ProtocolError(f"nothing in the graph is {iri}", status=404))
        return self.page(
            "entity.html.j2",
            title=entity.label,
            entity=entity,
            path=linked.local_path(str(iri)),
        )

    async def ontology(self, request: Request) -> Response:
        try:
            rdf = self._wants_rdf(request)
        except KGError as error:
            return self.error_page(error)
        if rdf is not None:
            text = serialize_graph(self.ontology_graph, rdf[0])
            return Response(text, media_type=_with_charset(rdf[1]), headers={"Vary": "Accept"})
        return self.page("ontology.html.j2", title=self.ontology_doc.title, doc=self.ontology_doc)


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _page_number(text: str | None) -> int:
    return int(text) if text is not None and text.isdigit() and len(text) < 9 else 1


def _summary(result: QueryResult) -> str:
    if result.type == "SELECT":
        return f"{len(result.rows)} row{'s' if len(result.rows) != 1 else ''}"
    if result.type == "ASK":
        return "yes or no"
    return f"{len(result)} triple{'s' if len(result) != 1 else ''}"


def _with_charset(media: str) -> str:
    return f"{media}; charset=utf-8"


def create_app(
    graph: SummitGraph,
    *,
    timeout: float | None,
    max_rows: int | None,
    cors_origins: list[str] | None = None,
) -> Starlette:
    """The application serving ``graph`` read-only; queries stop at ``timeout`` and ``max_rows``.

    For the in-memory store the graph is copied into a query broker process
    now (see :mod:`kg.serve.workers`), before the server starts any thread;
    it stops with the application. ``cors_origins`` adds CORS headers for
    those origins only (none by default).
    """
    service = start_service(graph, timeout=timeout, max_rows=max_rows)
    server = _Server(graph, service)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        try:
            yield
        finally:
            service.close()

    routes = [
        Route("/", server.home),
        Route("/serve.css", server.css),
        Route("/favicon.ico", lambda request: Response(status_code=204)),
        Route("/sparql", server.sparql, methods=["GET", "POST"]),
        Route("/queries/{name}", server.question, methods=["GET", "POST"]),
        Route("/queries/{name}/results", server.results),
        Route("/queries/{name}/graph", server.graph_view),
        Route("/id/{path:path}", server.entity),
        Route("/ontology", server.ontology),
    ]
    middleware = [Middleware(SecurityHeaders), Middleware(BodyLimit, limit=MAX_BODY)]
    if cors_origins:
        middleware.append(
            Middleware(
                CORSMiddleware,
                allow_origins=list(cors_origins),
                allow_methods=["GET", "POST"],
                allow_headers=["Content-Type", "Accept"],
            )
        )
    app = Starlette(routes=routes, middleware=middleware, lifespan=lifespan)
    app.state.service = service
    app.state.graph = graph
    return app
