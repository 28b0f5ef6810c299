"""Query results as text: an aligned table for people, and the W3C result formats.

SELECT and ASK results are written as CSV, JSON and XML by rdflib's own
serializers (SPARQL 1.1 Query Results formats); TSV, which rdflib only
reads, and ASK as CSV/TSV (which rdflib does not write) are written here the
way Apache Jena does: ``?var`` header and terms in SPARQL syntax for TSV,
``_askResult`` with ``true``/``false`` for ASK. CONSTRUCT and DESCRIBE
graphs are written with the project's prefixes.

Examples:
    >>> from rdflib import Literal
    >>> result = QueryResult("SELECT", ["topic", "n"], [{"topic": Literal("Trade"), "n": None}])
    >>> format_result(result, "tsv")
    '?topic\\t?n\\n"Trade"\\t\\n'
    >>> print(format_result(result, "table"), end="")
    topic  n
    -----  -
    Trade
    (1 row)
"""

from __future__ import annotations

from collections.abc import Sequence

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from kg.errors import UsageError
from kg.rdf.namespaces import PREFIXES, bind_prefixes
from kg.sparql.runner import QueryResult

__all__ = ["GRAPH_FORMATS", "SELECT_FORMATS", "format_result", "short_term", "text_table"]

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


def text_table(
    headers: Sequence[str], rows: Sequence[Sequence[object]], limit: int = MAX_COLUMN
) -> str:
    """Rows as aligned columns for people, each cell cut to ``limit`` characters.

    Examples:
        >>> print(text_table(["a", "bb"], [["x", 1]]), end="")
        a  bb
        -  --
        x  1
    """
    cells = [[str(c).replace("\n", " ") for c in row] for row in rows]
    widths = [min(limit, max([len(h), *(len(r[i]) for r in cells)])) for i, h in enumerate(headers)]

    def line(values: Sequence[str]) -> str:
        fitted = [
            (v if len(v) <= w else v[: w - 1] + "…").ljust(w)
            for v, w in zip(values, widths, strict=True)
        ]
        return "  ".join(fitted).rstrip() + "\n"

    return line(headers) + "  ".join("-" * w for w in widths) + "\n" + "".join(map(line, cells))


def _table(result: QueryResult) -> str:
    if result.type == "ASK":
        return "yes\n" if result.boolean else "no\n"
    cells = [[short_term(row.get(v)) for v in result.vars] for row in result]
    rows = len(result.rows)
    return text_table(result.vars, cells) + f"({rows} row{'s' if rows != 1 else ''})\n"


_SHORT_NUMBERS = {str(XSD.integer), str(XSD.decimal), str(XSD.double), str(XSD.boolean)}


def _tsv_term(term: Node | None) -> str:
    """A term as SPARQL TSV writes it: short forms for numbers and booleans, like Jena."""
    if term is None:
        return ""
    if isinstance(term, Literal) and str(term.datatype) in _SHORT_NUMBERS:
        lexical = str(term)
        if str(term.datatype) != str(XSD.double) or "e" in lexical.lower():
            return lexical
    if isinstance(term, URIRef | Literal | BNode):
        return term.n3()
    return str(term)


def _tsv(result: QueryResult) -> str:
    if result.type == "ASK":
        return f"?_askResult\n{'true' if result.boolean else 'false'}\n"
    lines = ["\t".join(f"?{v}" for v in result.vars)]
    for row in result:
        lines.append("\t".join(_tsv_term(row.get(v)) for v in result.vars))
    return "\n".join(lines) + "\n"


def format_result(result: QueryResult, fmt: str) -> str:
    """``result`` written in ``fmt`` (a SELECT/ASK format or a graph format).

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
        if fmt == "tsv":
            return _tsv(result)
        if fmt == "csv" and result.type == "ASK":
            return f"_askResult\r\n{'true' if result.boolean else 'false'}\r\n"
        data = result.to_rdflib().serialize(format=fmt)
        return data.decode("utf-8") if isinstance(data, bytes) else str(data)
    if fmt not in GRAPH_FORMATS:
        raise UsageError(f"--format {fmt} is for SELECT/ASK; use one of {', '.join(GRAPH_FORMATS)}")
    assert result.graph is not None
    return bind_prefixes(result.graph).serialize(format=fmt)
