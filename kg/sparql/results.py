"""Query results as text: an aligned table for people, and the W3C result formats.

SELECT and ASK results in the SPARQL 1.1 Query Results formats (JSON, XML,
CSV, TSV) are written by Oxigraph's conforming writers: the answer is handed
to them as SPARQL JSON (built here with :mod:`json`, so every string is
escaped), and they write each format, escaping newlines, tabs, quotes and
backslashes as the format requires. ASK as CSV/TSV, which the
recommendation leaves open, is written the way Apache Jena does: a
``_askResult`` column holding ``true``/``false``. CONSTRUCT and DESCRIBE
graphs are written with the project's prefixes.

Examples:
    >>> from rdflib import Literal
    >>> result = QueryResult("SELECT", ["topic", "n"], [{"topic": Literal("Trade"), "n": None}])
    >>> format_result(result, "tsv")
    '?topic\\t?n\\n"Trade"\\t\\n'
    >>> format_result(QueryResult("SELECT", ["q"], [{"q": Literal('a "b"\\nc')}]), "csv")
    'q\\r\\n"a ""b""\\nc"\\r\\n'
    >>> print(format_result(result, "table"), end="")
    topic  n
    -----  -
    Trade
    (1 row)
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from kg.errors import UsageError
from kg.rdf.namespaces import PREFIXES, bind_prefixes
from kg.sparql.runner import QueryResult

__all__ = [
    "FORMULA_STARTS",
    "GRAPH_FORMATS",
    "SELECT_FORMATS",
    "display_width",
    "format_result",
    "formula_safe",
    "json_term",
    "results_json",
    "serialize_graph",
    "short_term",
    "text_table",
]

SELECT_FORMATS = ("table", "csv", "tsv", "json", "xml")
GRAPH_FORMATS = ("turtle", "nt", "json-ld")
MAX_COLUMN = 60


def short_term(term: Node | None) -> str:
    """A term as people read it: ``skg:Outcome`` for known namespaces, text for literals.

    Examples:
        >>> short_term(URIRef("https://w3id.org/summit-kg/id/topic/trade"))
        'id:topic/trade'
    """
    if term is None:
        return ""
    if isinstance(term, URIRef):
        text = str(term)
        best = max(
            ((p, str(ns)) for p, ns in PREFIXES.items() if text.startswith(str(ns))),
            key=lambda pair: len(pair[1]),
            default=None,
        )
        return f"{best[0]}:{text[len(best[1]) :]}" if best else f"<{text}>"
    if isinstance(term, Literal):
        return str(term)
    return str(term)


def display_width(text: str) -> int:
    """The columns ``text`` takes in a terminal: 2 for CJK and most emoji, 0 for combining marks.

    Examples:
        >>> display_width("Trade"), display_width("貿易"), display_width("e\u0301")
        (5, 4, 1)
    """
    from wcwidth import wcswidth

    measured = wcswidth(text)
    return measured if measured >= 0 else sum(max(wcswidth(c), 0) for c in text)


def _clip(text: str, width: int) -> str:
    """``text`` cut to ``width`` columns (with "…" where cut), padded with spaces to ``width``."""
    from wcwidth import wcwidth

    shown = display_width(text)
    if shown > width:
        kept, used = [], 0
        for char in text:
            size = max(wcwidth(char), 0)
            if used + size > width - 1:
                break
            kept.append(char)
            used += size
        text, shown = "".join(kept) + "…", used + 1
    return text + " " * (width - shown)


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def text_table(
    headers: Sequence[str],
    rows: Sequence[Sequence[object]],
    limit: int = MAX_COLUMN,
    width: int | None = None,
) -> str:
    """Rows as aligned columns for people, each cell cut to ``limit`` columns.

    Widths are measured as a terminal shows them (wide CJK characters and
    emoji take two columns). With ``width`` (a terminal's), the widest columns
    are narrowed until a line fits, as far as a few columns each.

    Examples:
        >>> print(text_table(["a", "bb"], [["x", 1]]), end="")
        a  bb
        -  --
        x  1
        >>> print(text_table(["who", "n"], [["東京", 1], ["Oslo", 22]]), end="")
        who   n
        ----  --
        東京  1
        Oslo  22
        >>> print(text_table(["text", "n"], [["a long sentence", 1]], width=10), end="")
        text     n
        -------  -
        a long…  1
    """
    cells = [[_CONTROL.sub(" ", str(c)) for c in row] for row in rows]
    widths = [
        min(limit, max([display_width(h), *(display_width(r[i]) for r in cells)]))
        for i, h in enumerate(headers)
    ]
    if width is not None:
        narrowest = 3
        while sum(widths) + 2 * (len(widths) - 1) > width and max(widths, default=0) > narrowest:
            widest = max(range(len(widths)), key=lambda i: widths[i])
            widths[widest] -= 1

    def line(values: Sequence[str]) -> str:
        fitted = [_clip(v, w) for v, w in zip(values, widths, strict=True)]
        return "  ".join(fitted).rstrip() + "\n"

    return line(headers) + "  ".join("-" * w for w in widths) + "\n" + "".join(map(line, cells))


def _table(result: QueryResult) -> str:
    if result.type == "ASK":
        return "yes\n" if result.boolean else "no\n"
    cells = [[short_term(row.get(v)) for v in result.vars] for row in result]
    rows = len(result.rows)
    return text_table(result.vars, cells) + f"({rows} row{'s' if rows != 1 else ''})\n"


def json_term(term: Node) -> dict[str, str]:
    """A term as SPARQL 1.1 Query Results JSON writes it.

    Examples:
        >>> json_term(Literal("Trade", lang="en"))
        {'type': 'literal', 'value': 'Trade', 'xml:lang': 'en'}
        >>> json_term(Literal(5))
        {'type': 'literal', 'value': '5', 'datatype': 'http://www.w3.org/2001/XMLSchema#integer'}
    """
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    if isinstance(term, Literal):
        written = {"type": "literal", "value": str(term)}
        if term.language:
            written["xml:lang"] = term.language
        elif term.datatype is not None and str(term.datatype) != str(XSD.string):
            written["datatype"] = str(term.datatype)
        return written
    raise UsageError(f"cannot write {term!r} as a query result term")


def results_json(result: QueryResult) -> dict[str, Any]:
    """A SELECT or ASK answer as the SPARQL 1.1 Query Results JSON document (a dict).

    Examples:
        >>> results_json(QueryResult("ASK", boolean=True))
        {'head': {}, 'boolean': True}
    """
    if result.type == "ASK":
        return {"head": {}, "boolean": bool(result.boolean)}
    bindings = [
        {name: json_term(term) for name in result.vars if (term := row.get(name)) is not None}
        for row in result.rows
    ]
    return {"head": {"vars": list(result.vars)}, "results": {"bindings": bindings}}


_W3C = {"json": "JSON", "xml": "XML", "csv": "CSV", "tsv": "TSV"}
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""Characters XML 1.0 cannot hold, not even as a character reference."""


def _check_xml(result: QueryResult) -> None:
    for number, row in enumerate(result.rows, 1):
        for name, term in row.items():
            found = None if term is None else _NOT_XML.search(str(term))
            if found:
                raise UsageError(
                    f"row {number}, ?{name} holds U+{ord(found.group()):04X}, which XML cannot "
                    "hold; use --format json or tsv"
                )


def _w3c(result: QueryResult, fmt: str) -> str:
    """``result`` in a W3C results format, written by Oxigraph's conforming writers."""
    if result.type == "ASK" and fmt in ("csv", "tsv"):
        # The recommendation defines CSV/TSV for SELECT only; this is Jena's form.
        answer = "true" if result.boolean else "false"
        return f"_askResult\r\n{answer}\r\n" if fmt == "csv" else f"?_askResult\n{answer}\n"
    import pyoxigraph as ox

    if fmt == "xml":
        _check_xml(result)
    document = json.dumps(results_json(result), ensure_ascii=False)
    parsed = ox.parse_query_results(document, ox.QueryResultsFormat.JSON)
    written = parsed.serialize(format=getattr(ox.QueryResultsFormat, _W3C[fmt]))
    assert written is not None
    text = written.decode("utf-8")
    if fmt == "xml":
        # A raw CR inside a value would reach the reader as LF (XML's end-of-line rule).
        text = text.replace("\r", "&#13;")
    return text


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet reads as the start of a formula in a CSV cell."""


def formula_safe(text: str) -> str:
    """``text`` with a leading ``'`` if a spreadsheet would run it as a formula.

    Examples:
        >>> print(formula_safe("=1+2"), formula_safe("Arms control"))
        '=1+2 Arms control
    """
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _formula_safe_result(result: QueryResult) -> QueryResult:
    """A copy of SELECT ``result`` whose text values cannot start a spreadsheet formula.

    Only text is changed (plain and language-tagged literals): a number such
    as ``-5`` keeps its value.
    """

    def safe(term: Node | None) -> Node | None:
        if not isinstance(term, Literal) or term.datatype not in (None, XSD.string):
            return term
        text = formula_safe(str(term))
        return term if text == str(term) else Literal(text, lang=term.language)

    rows = [{name: safe(term) for name, term in row.items()} for row in result.rows]
    return QueryResult(result.type, result.vars, rows, result.boolean, truncated=result.truncated)


def format_result(result: QueryResult, fmt: str, *, spreadsheet_safe: bool = False) -> str:
    """``result`` written in ``fmt`` (a SELECT/ASK format or a graph format).

    With ``spreadsheet_safe``, CSV and TSV text values that a spreadsheet
    would run as a formula get a leading ``'`` (:func:`formula_safe`).

    Raises:
        UsageError: a graph format for a SELECT/ASK result, or the other way round.
    """
    if result.type in ("SELECT", "ASK"):
        if fmt not in SELECT_FORMATS:
            raise UsageError(
                f"--format {fmt} is for CONSTRUCT/DESCRIBE; use one of {', '.join(SELECT_FORMATS)}"
            )
        if fmt == "table":
            return _table(result)
        if spreadsheet_safe and fmt in ("csv", "tsv") and result.type == "SELECT":
            result = _formula_safe_result(result)
        return _w3c(result, fmt)
    if fmt not in GRAPH_FORMATS:
        raise UsageError(f"--format {fmt} is for SELECT/ASK; use one of {', '.join(GRAPH_FORMATS)}")
    assert result.graph is not None
    return serialize_graph(result.graph, fmt)


def serialize_graph(graph: Graph, fmt: str) -> str:
    """A CONSTRUCT/DESCRIBE answer as ``fmt`` (rdflib's format name), with the project's
    prefixes; JSON-LD compacted with the project's ``@context`` (inlined: nothing to fetch).

    Examples:
        >>> from rdflib import Graph, Literal, URIRef
        >>> title = URIRef("http://purl.org/dc/terms/title")
        >>> g = Graph().add((URIRef("urn:a"), title, Literal("t")))
        >>> '"@context"' in serialize_graph(g, "json-ld")
        True
    """
    if fmt == "rdf-xml":
        return bind_prefixes(graph).serialize(format="xml")
    if fmt == "json-ld":
        from kg.rdf.formats import jsonld_context

        return bind_prefixes(graph).serialize(
            format="json-ld", context=jsonld_context(), auto_compact=True
        )
    return bind_prefixes(graph).serialize(format=fmt)
