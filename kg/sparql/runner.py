"""Run a read-only query on a store: bind parameters as terms, stop at a deadline.

The runner accepts a catalogue name, a ``.rq`` path, query text or a
:class:`~kg.sparql.catalogue.QueryFile`; every query passes the gate
(:func:`~kg.sparql.gate.compile_readonly`) first, and parameters are bound as
typed RDF terms, never pasted into the query text.

Examples:
    >>> bind_params(QueryFile("q", "SELECT ?x { ?x ?p ?topic }"), {"topic": "Trade"})
    {'topic': rdflib.term.Literal('Trade')}
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from rdflib import Graph, Literal, URIRef
from rdflib.query import Result
from rdflib.term import Identifier, Node, Variable

from kg.errors import QueryError, UsageError
from kg.sparql.catalogue import QueryFile, resolve_query
from kg.sparql.engines import Answer, InProcess, RemoteEngine, execute
from kg.sparql.gate import compile_readonly
from kg.sparql.sandbox import run_isolated

__all__ = ["DEFAULT_MAX_ROWS", "DEFAULT_TIMEOUT", "QueryResult", "bind_params", "run_query"]

DEFAULT_TIMEOUT = 5.0
"""Seconds a query may run before it is stopped."""
DEFAULT_MAX_ROWS = 100_000
"""Rows a SELECT may return before it is cut short (``QueryResult.truncated``)."""


@dataclass
class QueryResult:
    """The answer to a query: rows for SELECT, a boolean for ASK, a graph for CONSTRUCT.

    ``rows`` are dicts from variable name to rdflib term (``None`` when
    unbound); ``truncated`` says the row cap stopped the query early.
    """

    type: str
    vars: list[str] = field(default_factory=list)
    rows: list[dict[str, Node | None]] = field(default_factory=list)
    boolean: bool | None = None
    graph: Graph | None = None
    truncated: bool = False

    def __len__(self) -> int:
        if self.type == "SELECT":
            return len(self.rows)
        if self.graph is not None:
            return len(self.graph)
        return 1

    def __iter__(self) -> Iterator[dict[str, Node | None]]:
        return iter(self.rows)

    def __bool__(self) -> bool:
        return bool(self.boolean) if self.type == "ASK" else len(self) > 0

    def to_rdflib(self) -> Result:
        """The answer as an rdflib :class:`~rdflib.query.Result` (for its serializers)."""
        result = Result(self.type)
        if self.type == "SELECT":
            result.vars = [Variable(v) for v in self.vars]
            result.bindings = [
                {Variable(k): cast(Identifier, v) for k, v in row.items() if v is not None}
                for row in self.rows
            ]
        elif self.type == "ASK":
            result.askAnswer = bool(self.boolean)
        else:
            result.graph = self.graph
        return result

    def to_dataframe(self) -> Any:
        """SELECT rows as a pandas DataFrame of Python values (needs ``pandas``).

        Raises:
            UsageError: not a SELECT result, or pandas is not installed.
        """
        if self.type != "SELECT":
            raise UsageError("only SELECT results become data frames")
        try:
            import pandas  # type: ignore[import-untyped]
        except ImportError as exc:
            raise UsageError("to_dataframe() needs pandas: pip install pandas") from exc
        records = [
            {k: (v.toPython() if isinstance(v, Literal | URIRef) else v) for k, v in row.items()}
            for row in self.rows
        ]
        return pandas.DataFrame.from_records(records, columns=self.vars)


def _term(name: str, value: object) -> Identifier:
    if isinstance(value, Identifier):
        if isinstance(value, URIRef):
            try:
                value.n3()
            except Exception as exc:
                raise QueryError(f"parameter '{name}' is not a valid IRI: {value}") from exc
        elif not isinstance(value, Literal):  # a blank node or a variable binds on one engine only
            raise QueryError(
                f"parameter '{name}' must be an IRI or a literal, not a {type(value).__name__}"
            )
        return value
    if isinstance(value, str):
        if value.startswith("<") and value.endswith(">") and len(value) > 2:
            iri = URIRef(value[1:-1])
            return _term(name, iri)
        return Literal(value)
    if isinstance(value, bool | int | float):
        return Literal(value)
    raise QueryError(
        f"parameter '{name}' must be text, a number or an RDF term, not {type(value).__name__}"
    )


def bind_params(query: QueryFile, params: Mapping[str, object]) -> dict[str, Identifier]:
    """Typed bindings for the declared parameters of ``query``.

    Raises:
        QueryError: a parameter the query does not declare.
    """
    declared = {p.name for p in query.params}
    bindings: dict[str, Identifier] = {}
    for name, value in params.items():
        if declared and name not in declared:
            raise QueryError(
                f"query '{query.name}' has no parameter '{name}'. "
                f"Its parameters: {', '.join(sorted(declared)) or 'none'}"
            )
        if not declared and not re.search(rf"[?$]{re.escape(name)}\b", query.text):
            raise QueryError(f"query '{query.name}' has no parameter '{name}'")
        bindings[name] = _term(name, value)
    return bindings


_LABEL_LOOKUP = """
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?node ?label WHERE {
  ?node skos:prefLabel|skos:altLabel|rdfs:label ?name .
  FILTER (isIRI(?node) && LCASE(STR(?name)) = LCASE(STR(?label)))
}
"""
_EXACT_LABEL_LOOKUP = """
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?node ?label WHERE {
  ?node skos:prefLabel|skos:altLabel|rdfs:label ?label .
  FILTER (isIRI(?node))
}
"""
"""The label as written: an index lookup, tried before the case-insensitive scan."""


def _resolve_nodes(
    target: Any, query: QueryFile, bindings: dict[str, Identifier], timeout: float | None
) -> dict[str, Identifier]:
    """Replace the labels given for ``[node]`` parameters with the one node each names."""
    resolved = dict(bindings)
    for param in query.params:
        value = bindings.get(param.name)
        if not param.node or not isinstance(value, Literal):
            continue
        nodes: list[str] = []
        for lookup in (_EXACT_LABEL_LOOKUP, _LABEL_LOOKUP):
            answer = _evaluate(target, lookup, "SELECT", {"label": value}, 20, timeout)
            nodes = sorted({str(row[0]) for row in answer.rows if row[0] is not None})
            if nodes:
                break
        if not nodes:
            raise QueryError(f"parameter '{param.name}': nothing is labelled '{value}'")
        if len(nodes) > 1:
            raise QueryError(
                f"parameter '{param.name}': '{value}' names {len(nodes)} nodes; pass one as "
                f"<IRI>: {', '.join(nodes[:5])}"
            )
        resolved[param.name] = URIRef(nodes[0])
    return resolved


def _evaluate(
    target: Any,
    text: str,
    kind: str,
    bindings: dict[str, Identifier],
    max_rows: int | None,
    timeout: float | None,
    allow_network: bool = False,
) -> Answer:
    """Evaluate on a remote engine directly, on a local one in the time-limited worker."""
    if isinstance(target, RemoteEngine):
        return target.answer(text, kind, bindings, max_rows, timeout)
    return run_isolated(
        execute,
        target,
        text,
        kind,
        bindings,
        max_rows,
        timeout=None if isinstance(target, InProcess) else timeout,
        allow_network=allow_network,
    )


def run_query(
    target: Any,
    query: str | Path | QueryFile,
    params: Mapping[str, object] | None = None,
    *,
    timeout: float | None = DEFAULT_TIMEOUT,
    max_rows: int | None = DEFAULT_MAX_ROWS,
    allow_remote: bool = False,
) -> QueryResult:
    """Run a read-only query with typed parameter bindings, in a worker with a timeout.

    Args:
        target: an rdflib Graph/Dataset, a pyoxigraph Store or a SPARQL
            endpoint (:class:`~kg.sparql.engines.RemoteEngine`, which applies the
            timeout itself).
        query: a catalogue name, a ``.rq`` path, SPARQL text or a :class:`QueryFile`.
        params: values for the query's parameters: text becomes a literal,
            ``"<…>"`` an IRI; rdflib terms pass as they are.
        timeout: seconds before the query is stopped (``None``: no limit, in-process).
        max_rows: stop a SELECT after this many rows and set ``truncated``.
        allow_remote: let ``SERVICE`` and ``FROM`` through (off by default).

    Raises:
        QueryError, QueryRejected, QueryTimeout: see :func:`resolve_query`,
            :func:`compile_readonly`; a query that runs past ``timeout``.
    """
    query_file = query if isinstance(query, QueryFile) else resolve_query(query)
    checked = compile_readonly(
        query_file.text, source=str(query_file.path or query_file.name), allow_remote=allow_remote
    )
    bindings = bind_params(query_file, params or {})
    bindings = _resolve_nodes(target, query_file, bindings, timeout)
    answer = _evaluate(
        target, checked.text, checked.kind, bindings, max_rows, timeout, allow_remote
    )
    if answer.type == "SELECT":
        rows = [dict(zip(answer.vars, row, strict=True)) for row in answer.rows]
        return QueryResult("SELECT", answer.vars, rows, truncated=answer.truncated)
    if answer.type == "ASK":
        return QueryResult("ASK", boolean=answer.boolean)
    graph = Graph()
    for triple in answer.triples:
        graph.add(triple)
    return QueryResult(answer.type, graph=graph)
