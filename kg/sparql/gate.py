"""The gate every query passes: read-only, local, bounded in size and depth.

Updates (``INSERT``, ``DELETE``, ``LOAD``, ``DROP``, ``CLEAR``…) are always
refused; ``SERVICE`` and ``FROM``/``FROM NAMED`` unless remote access is
allowed. The check works on the parsed query, not by text search. Importing
this module also turns off rdflib's loading of graphs named in a query (if
rdflib's SPARQL engine is loaded; the gate and :func:`kg.sparql.engines.prepared`
turn it off whenever they load it).
"""

from __future__ import annotations

import functools
import re
import sys
from dataclasses import dataclass
from typing import Any

from kg.errors import QueryError, QueryRejected
from kg.sparql.engines import NOT_CODE, rdflib_sparql

__all__ = [
    "MAX_NESTING",
    "MAX_QUERY_CHARS",
    "CheckedQuery",
    "canonical_text",
    "compile_readonly",
    "load_parser",
]


if "rdflib.plugins.sparql" in sys.modules:  # loaded already: no loading of FROM graphs
    rdflib_sparql()

MAX_QUERY_CHARS = 20_000
MAX_NESTING = 64

_NOT_CODE = re.compile(NOT_CODE)


def _nesting_depth(text: str) -> int:
    """The deepest nesting of ``( { [`` outside IRIs, strings and comments."""
    depth = deepest = 0
    for char in _NOT_CODE.sub(" ", text):
        if char in "({[":
            depth += 1
            deepest = max(deepest, depth)
        elif char in ")}]":
            depth -= 1
    return deepest


def _walk(node: Any, seen: set[int] | None = None) -> Any:
    """Yield every algebra node (CompValue) and nested value."""
    from pyparsing import ParseResults

    seen = set() if seen is None else seen
    if id(node) in seen:
        return
    seen.add(id(node))
    yield node
    if isinstance(node, dict):
        for value in node.values():
            yield from _walk(value, seen)
    elif isinstance(node, list | tuple | ParseResults):
        for value in node:
            yield from _walk(value, seen)


_CODEPOINT_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_ESCAPE_LEFT = re.compile(r"\\[uU][0-9A-Fa-f]{4}")
_LONE_CR = re.compile(r"\r(?!\n)")


def canonical_text(text: str, *, source: str = "<query>") -> str:
    """The query as every engine reads it: code point escapes decoded, line ends unambiguous.

    SPARQL decodes ``\\uXXXX`` and ``\\UXXXXXXXX`` before parsing and ends a
    comment at CR or LF; rdflib ends comments only at LF, and Oxigraph decodes
    escapes only inside strings. The gate checks, and the engine runs, this one
    text, so no reading of it can hide ``SERVICE`` or ``FROM`` from the gate:
    escapes are decoded once (as the grammar says), a lone CR becomes LF, and a
    text whose decoding leaves another escape to decode is refused.

    Raises:
        QueryError: an escape names no Unicode scalar value.
        QueryRejected: an escape decodes to another escape.

    Examples:
        >>> canonical_text("ASK { #\\r SERVICE <x:> {} }")
        'ASK { #\\n SERVICE <x:> {} }'
        >>> canonical_text(r"SELECT ('\\u0041' AS ?a) {}")
        "SELECT ('A' AS ?a) {}"
    """

    def decode(match: re.Match[str]) -> str:
        value = int(match.group(1) or match.group(2), 16)
        if value > 0x10FFFF or 0xD800 <= value <= 0xDFFF:
            raise QueryError(f"escape {match.group(0)} is not a Unicode character", path=source)
        return chr(value)

    decoded = _CODEPOINT_ESCAPE.sub(decode, text)
    if _ESCAPE_LEFT.search(decoded):
        raise QueryRejected(
            "an escape sequence decodes to another escape sequence; write the character itself",
            path=source,
        )
    return _LONE_CR.sub("\n", decoded)


@dataclass(frozen=True)
class CheckedQuery:
    """A query that passed :func:`compile_readonly`: its text, type and projection."""

    text: str
    kind: str  # SELECT, ASK, CONSTRUCT or DESCRIBE
    projection: tuple[str, ...]
    source: str


@functools.cache
def load_parser() -> None:
    """Import rdflib's SPARQL parser and build its grammar (about 0.1 s, once per process).

    A process that forks a worker per query calls this first, so each worker inherits the
    parser instead of building it again: a small query then costs about 15 ms, not 110.
    Nothing here reads a query: untrusted text is still parsed only in the worker.
    """
    rdflib_sparql()
    from rdflib.plugins.sparql.parser import parseQuery

    parseQuery("ASK { ?s ?p ?o }")


@functools.lru_cache(maxsize=256)
def compile_readonly(
    text: str, *, source: str = "<query>", allow_remote: bool = False
) -> CheckedQuery:
    """Parse ``text`` and check it is a read-only query that stays local (cached by text).

    ``allow_remote`` lets ``SERVICE`` and ``FROM``/``FROM NAMED`` through;
    updates (``INSERT``, ``DELETE``, ``LOAD``, ``DROP``, ``CLEAR``…) are always
    refused. The check works on the parsed query, so ``\\u0053ERVICE`` or
    ``service`` are caught as SERVICE.

    Raises:
        QueryRejected: an update, ``SERVICE``, ``FROM``/``FROM NAMED``, too long or too deep.
        QueryError: not valid SPARQL.

    Examples:
        >>> compile_readonly("SELECT * { SERVICE <http://x/> { ?s ?p ?o } }")
        Traceback (most recent call last):
        ...
        kg.errors.QueryRejected: <query>: SERVICE is not allowed: queries never reach the network \
(--allow-remote to permit)
        >>> compile_readonly("ASK { ?s ?p ?o }").kind
        'ASK'
    """
    rdflib_sparql()  # rdflib's SPARQL parser: loaded only when a query is checked
    from pyparsing import ParseException
    from rdflib.plugins.sparql.algebra import translateQuery
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    if len(text) > MAX_QUERY_CHARS:
        raise QueryRejected(f"query is longer than {MAX_QUERY_CHARS} characters", path=source)
    text = canonical_text(text, source=source)
    if _nesting_depth(text) > MAX_NESTING:
        raise QueryRejected(f"nesting too deep (over {MAX_NESTING} levels)", path=source)
    try:
        parsed = parseQuery(text)
    except ParseException as exc:
        try:
            parseUpdate(text)
        except Exception:
            message = " ".join(str(exc).split())[:200]
            raise QueryError(f"not valid SPARQL: {message}", path=source) from exc
        raise QueryRejected(
            "updates are refused: the query runner is read-only", path=source
        ) from exc
    except RecursionError as exc:
        raise QueryRejected("nesting too deep", path=source) from exc
    # before translateQuery, which rewrites parts of the tree in place (FILTER EXISTS)
    if not allow_remote:
        for node in _walk(parsed):
            name = getattr(node, "name", None)
            if name == "ServiceGraphPattern":
                raise QueryRejected(
                    "SERVICE is not allowed: queries never reach the network "
                    "(--allow-remote to permit)",
                    path=source,
                )
            if isinstance(node, dict) and "datasetClause" in node and node["datasetClause"]:
                raise QueryRejected(
                    "FROM and FROM NAMED are not allowed: queries read only the loaded graph "
                    "(--allow-remote to permit)",
                    path=source,
                )
    try:
        query = translateQuery(parsed)
    except RecursionError as exc:
        raise QueryRejected("nesting too deep", path=source) from exc
    except Exception as exc:
        raise QueryError(f"cannot compile query: {exc}", path=source) from exc
    root = query.algebra
    kind = {
        "SelectQuery": "SELECT",
        "AskQuery": "ASK",
        "ConstructQuery": "CONSTRUCT",
        "DescribeQuery": "DESCRIBE",
    }[root.name]
    projection = tuple(str(v) for v in root["PV"]) if kind == "SELECT" else ()
    return CheckedQuery(text, kind, projection, source)
