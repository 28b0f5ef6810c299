"""The SPARQL 1.1 Protocol: read a query request, choose a result format, describe the service.

A query arrives as ``GET /sparql?query=…``, a form ``POST`` (``query=…``) or
a ``POST`` of ``application/sparql-query``. Updates (``update=…`` or
``application/sparql-update``) and other datasets (``default-graph-uri``,
``named-graph-uri``) are refused: the endpoint is read-only and reads the
loaded graph. The answer's format follows ``Accept`` (or ``format=``, for
links): the W3C result formats for SELECT and ASK, RDF for CONSTRUCT and
DESCRIBE.

Examples:
    >>> choose_format("text/csv;q=0.5, application/sparql-results+xml", "SELECT")
    ('xml', 'application/sparql-results+xml')
    >>> choose_format("*/*", "CONSTRUCT")
    ('turtle', 'text/turtle')
    >>> choose_format(None, "ASK", override="csv")
    ('csv', 'text/csv')
    >>> choose_format("image/png", "SELECT")
    Traceback (most recent call last):
    ...
    kg.serve.protocol.ProtocolError: no acceptable format for a SELECT result; \
offer one of application/sparql-results+json, application/sparql-results+xml, text/csv, \
text/tab-separated-values
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qsl

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, Namespace

from kg.errors import KGError
from kg.sparql.results import format_result, serialize_graph
from kg.sparql.runner import QueryResult

__all__ = [
    "GRAPH_MEDIA",
    "SELECT_MEDIA",
    "ProtocolError",
    "SparqlRequest",
    "choose_format",
    "parse_accept",
    "parse_request",
    "serialize",
    "service_description",
]

SELECT_MEDIA: dict[str, str] = {
    "application/sparql-results+json": "json",
    "application/sparql-results+xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
"""Media type → format of :func:`kg.sparql.results.format_result`, for SELECT and ASK."""
GRAPH_MEDIA: dict[str, str] = {
    "text/turtle": "turtle",
    "application/n-triples": "nt",
    "application/ld+json": "json-ld",
    "application/rdf+xml": "rdf-xml",
}
"""Media type → format, for CONSTRUCT and DESCRIBE (and RDF documents)."""
_ALIASES = {
    "application/json": "application/sparql-results+json",
    "application/xml": ("application/sparql-results+xml"),
}
_NAMES = {name: media for media, name in {**SELECT_MEDIA, **GRAPH_MEDIA}.items()}
FORMATS = (
    "http://www.w3.org/ns/formats/SPARQL_Results_JSON",
    "http://www.w3.org/ns/formats/SPARQL_Results_XML",
    "http://www.w3.org/ns/formats/SPARQL_Results_CSV",
    "http://www.w3.org/ns/formats/SPARQL_Results_TSV",
    "http://www.w3.org/ns/formats/Turtle",
    "http://www.w3.org/ns/formats/N-Triples",
    "http://www.w3.org/ns/formats/JSON-LD",
    "http://www.w3.org/ns/formats/RDF_XML",
)
"""The W3C format IRIs the service description lists."""
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")


class ProtocolError(KGError):
    """A request the endpoint refuses: ``status`` is its HTTP status code."""

    def __init__(
        self,
        message: str,
        *,
        status: int = 400,
        path: str | None = None,
        line: int | None = None,
    ) -> None:
        self.status = status
        super().__init__(message, path=path, line=line)


@dataclass(frozen=True)
class SparqlRequest:
    """What a protocol request asks: the query text, or ``None`` for the service description."""

    query: str | None
    format: str | None = None
    """``format=`` of a link (a name such as ``csv``), overriding ``Accept``."""


def parse_request(
    method: str, query_string: str, content_type: str | None, body: bytes
) -> SparqlRequest:
    """The query a SPARQL 1.1 Protocol request carries.

    Raises:
        ProtocolError: 403 for an update, 400 for a dataset given, several
            queries, a body that is not UTF-8, or a content type the protocol does not use;
            405 for another method.

    Examples:
        >>> parse_request("GET", "query=ASK%7B%7D", None, b"").query
        'ASK{}'
        >>> parse_request("POST", "", "application/sparql-update", b"DROP ALL")
        Traceback (most recent call last):
        ...
        kg.serve.protocol.ProtocolError: updates are refused: this endpoint is read-only
    """
    fields = parse_qsl(query_string, keep_blank_values=True)
    media = (content_type or "").split(";")[0].strip().lower()
    if method == "POST":
        if media == "application/sparql-update":
            raise ProtocolError(
                status=403, message="updates are refused: this endpoint is read-only"
            )
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            raise ProtocolError(status=400, message="the request body is not UTF-8") from None
        if media == "application/x-www-form-urlencoded":
            fields += parse_qsl(text, keep_blank_values=True)
        elif media == "application/sparql-query":
            fields.append(("query", text))
        else:
            raise ProtocolError(
                status=415,
                message="POST a query as application/sparql-query or "
                "application/x-www-form-urlencoded (query=…)",
            )
    elif method not in ("GET", "HEAD"):
        raise ProtocolError(status=405, message=f"{method} is not allowed: use GET or POST")
    names = [name for name, _ in fields]
    if "update" in names:
        raise ProtocolError(status=403, message="updates are refused: this endpoint is read-only")
    for name in ("default-graph-uri", "named-graph-uri"):
        if name in names:
            raise ProtocolError(
                status=400,
                message=f"{name} is not supported: queries read the loaded graph (the union)",
            )
    queries = [value for name, value in fields if name == "query"]
    if len(queries) > 1:
        raise ProtocolError(status=400, message="give one query, not several")
    formats = [value for name, value in fields if name == "format"]
    return SparqlRequest(queries[0] if queries else None, formats[-1] if formats else None)


def parse_accept(accept: str | None) -> list[str]:
    """The media ranges of an ``Accept`` header, most wanted first (``q=0`` dropped).

    Examples:
        >>> parse_accept("text/csv;q=0.4, text/turtle, */*;q=0.1")
        ['text/turtle', 'text/csv', '*/*']
    """
    if not accept:
        return ["*/*"]
    ranked = []
    for index, part in enumerate(accept.split(",")):
        media, *settings = (piece.strip() for piece in part.split(";"))
        quality = 1.0
        for setting in settings:
            key, _, value = setting.partition("=")
            if key.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if media and quality > 0:
            ranked.append((-quality, index, media.lower()))
    return [media for _, _, media in sorted(ranked)]


def choose_format(accept: str | None, kind: str, override: str | None = None) -> tuple[str, str]:
    """The format name and media type for a ``kind`` answer (SELECT, ASK, CONSTRUCT, DESCRIBE).

    ``override`` (``format=`` in a link) names a format or a media type.
    ``*/*`` or no ``Accept`` gives SPARQL JSON for SELECT/ASK and Turtle for graphs.

    Raises:
        ProtocolError: 406 when nothing acceptable fits ``kind``; 400 for an unknown override.
    """
    table = SELECT_MEDIA if kind in ("SELECT", "ASK") else GRAPH_MEDIA
    if override is not None:
        media = _NAMES.get(override, _ALIASES.get(override, override))
        if media not in table:
            raise ProtocolError(
                status=400,
                message=f"format={override} does not suit a {kind} result; use one of "
                f"{', '.join(table.values())}",
            )
        return table[media], media
    for wanted in parse_accept(accept):
        wanted = _ALIASES.get(wanted, wanted)
        if wanted in table:
            return table[wanted], wanted
        major, _, minor = wanted.partition("/")
        if wanted == "*/*" or minor == "*":
            for media, name in table.items():
                if wanted == "*/*" or media.startswith(major + "/"):
                    return name, media
    raise ProtocolError(
        status=406,
        message=f"no acceptable format for a {kind} result; offer one of {', '.join(table)}",
    )


def serialize(result: QueryResult, fmt: str) -> str:
    """A query answer as ``fmt`` (a name from :data:`SELECT_MEDIA` or :data:`GRAPH_MEDIA`)."""
    if result.graph is not None and result.type not in ("SELECT", "ASK"):
        return serialize_graph(result.graph, fmt)
    return format_result(result, fmt)


def service_description(endpoint: str) -> Graph:
    """The SPARQL 1.1 Service Description of the endpoint at ``endpoint``.

    Examples:
        >>> g = service_description("http://127.0.0.1:8000/sparql")
        >>> (None, SD.supportedLanguage, SD.SPARQL11Query) in g
        True
    """
    graph = Graph()
    graph.bind("sd", SD)
    service = BNode()
    graph.add((service, RDF.type, SD.Service))
    graph.add((service, SD.endpoint, URIRef(endpoint)))
    graph.add((service, SD.supportedLanguage, SD.SPARQL11Query))
    for fmt in FORMATS:
        graph.add((service, SD.resultFormat, URIRef(fmt)))
    dataset = BNode()
    graph.add((service, SD.defaultDataset, dataset))
    graph.add((dataset, RDF.type, SD.Dataset))
    default = BNode()
    graph.add((dataset, SD.defaultGraph, default))
    graph.add((default, RDF.type, SD.Graph))
    graph.add(
        (
            service,
            URIRef("http://www.w3.org/2000/01/rdf-schema#comment"),
            Literal("summit-kg: read-only; the default graph is the union of the loaded sources"),
        )
    )
    return graph
