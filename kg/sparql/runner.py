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
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, NoReturn, cast

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.query import Result
from rdflib.term import Identifier, Node, Variable

from kg.errors import QueryError, QueryTimeout, UsageError
from kg.rdf import bound_numbers
from kg.sparql.catalogue import (
    LIST_SEPARATOR,
    QueryFile,
    bundled_verdict,
    is_bundled,
    list_columns,
    resolve_query,
)
from kg.sparql.engines import Answer, InProcess, RemoteEngine, Snapshot, execute, prepared
from kg.sparql.gate import CheckedQuery, compile_readonly, load_parser
from kg.sparql.sandbox import run_isolated

__all__ = [
    "DEFAULT_MAX_ROWS",
    "DEFAULT_TIMEOUT",
    "MAX_TIMEOUT",
    "QueryResult",
    "bind_params",
    "canonical_triples",
    "run_query",
    "sort_lists",
    "warm_catalogue",
]

DEFAULT_TIMEOUT = 5.0
"""Seconds a query may run before it is stopped."""
MAX_TIMEOUT = 86_400
"""The longest timeout a query may be given, in seconds (a day); ``None`` means no limit."""
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

    def _repr_html_(self) -> str:
        """The answer as a notebook shows it (:func:`kg.display.result_html`)."""
        from kg.display import result_html

        return result_html(self)

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


class _Deadline:
    """What is left of a query's time, for each step that uses it (``None``: no limit)."""

    def __init__(self, timeout: float | None) -> None:
        if timeout is not None and not 0 <= timeout <= MAX_TIMEOUT:  # NaN fails both
            raise UsageError(
                f"timeout must be a number of seconds from 0 to {MAX_TIMEOUT:,} "
                f"(None for no limit), not {timeout!r}"
            )
        self.timeout = timeout
        self.end = None if timeout is None else time.monotonic() + timeout

    def left(self) -> float | None:
        """Seconds left, or ``None`` for no limit.

        Raises:
            QueryTimeout: none left.
        """
        if self.end is None:
            return None
        left = self.end - time.monotonic()
        if left <= 0:
            self.expire()
        return left

    def expire(self) -> NoReturn:
        """Raise the error for a query that used up its time (named by the whole timeout).

        Raises:
            QueryTimeout: always.
        """
        raise QueryTimeout(
            f"query stopped after {self.timeout:g} s without an answer "
            "(allow longer with --timeout SECONDS)"
        ) from None


def _node_labels(query: QueryFile, bindings: Mapping[str, Identifier]) -> tuple[str, ...]:
    """The ``[node]`` parameters given as a label, which need resolving to their node."""
    return tuple(
        p.name for p in query.params if p.node and isinstance(bindings.get(p.name), Literal)
    )


def _resolve_nodes(
    bindings: Mapping[str, Identifier],
    names: tuple[str, ...],
    lookup: Callable[[str, Identifier], Answer],
) -> dict[str, Identifier]:
    """Replace the labels given for the ``[node]`` parameters ``names`` with the one node each
    names; ``lookup(query, label)`` runs one of the two label lookups.

    Raises:
        QueryError: a label names no node, or more than one.
    """
    resolved = dict(bindings)
    for name in names:
        value = bindings[name]
        nodes: list[str] = []
        for text in (_EXACT_LABEL_LOOKUP, _LABEL_LOOKUP):
            answer = lookup(text, value)
            nodes = sorted({str(row[0]) for row in answer.rows if row[0] is not None})
            if nodes:
                break
        if not nodes:
            raise QueryError(f"parameter '{name}': nothing is labelled '{value}'")
        if len(nodes) > 1:
            raise QueryError(
                f"parameter '{name}': '{value}' names {len(nodes)} nodes; pass one as "
                f"<IRI>: {', '.join(nodes[:5])}"
            )
        resolved[name] = URIRef(nodes[0])
    return resolved


def resolve_and_execute(
    target: Any,
    text: str,
    kind: str,
    bindings: dict[str, Identifier],
    names: tuple[str, ...],
    max_rows: int | None,
) -> Answer:
    """Resolve the labels of the ``[node]`` parameters ``names``, then evaluate ``text``: the
    lookups and the query in one worker, under one timeout."""

    def lookup(query: str, label: Identifier) -> Answer:
        return execute(target, query, "SELECT", {"label": label}, 20)

    return execute(target, text, kind, _resolve_nodes(bindings, names, lookup), max_rows)


def gate_and_execute(
    target: Any,
    text: str,
    source: str,
    allow_remote: bool,
    bindings: dict[str, Identifier],
    max_rows: int | None,
) -> Answer:
    """Check ``text`` at the gate, then evaluate it: in a worker, both under its timeout.

    Parsing is work too: rdflib takes seconds on a long flat expression, so the
    gate runs where the deadline holds.
    """
    checked = compile_readonly(text, source=source, allow_remote=allow_remote)
    return execute(target, checked.text, checked.kind, bindings, max_rows)


def _compile(text: str, source: str, allow_remote: bool) -> CheckedQuery:
    return compile_readonly(text, source=source, allow_remote=allow_remote)


def _evaluate(
    target: Any,
    work: Callable[..., Answer],
    args: tuple[Any, ...],
    timeout: float | None,
    allow_network: bool = False,
    trusted: bool = False,
) -> Answer:
    """``work(target, *args)`` on a remote engine directly, on a local one in a worker process.

    Only the project's own fixed queries (``trusted``) run in this process, on a
    store this process writes or an rdflib graph in its memory; any other query runs
    in a worker, so an engine that crashes ends the worker, never the caller.
    """
    if isinstance(target, RemoteEngine):
        text, kind, bindings, max_rows = args
        return target.answer(text, kind, bindings, max_rows, timeout)
    if trusted and isinstance(target, Graph):
        return work(target, *args)
    if isinstance(target, InProcess):
        if trusted or target.snapshot is None:
            return work(target, *args)
        with target.snapshot() as path:
            return run_isolated(
                work,
                Snapshot(path),
                *args,
                timeout=timeout,
                allow_network=allow_network,
                clean=True,
            )
    return run_isolated(work, target, *args, timeout=timeout, allow_network=allow_network)


def _answer(
    target: Any,
    query_file: QueryFile,
    params: Mapping[str, object],
    deadline: _Deadline,
    max_rows: int | None,
    allow_remote: bool,
    trusted: bool,
) -> Answer:
    """Gate, bind and evaluate ``query_file`` within ``deadline``."""
    source = str(query_file.path or query_file.name)
    checked: CheckedQuery | None = None  # None: the gate runs in the worker, with the query
    if is_bundled(query_file):
        # the project's own text: checked (and parsed for rdflib) once per process; a
        # worker inherits both and only evaluates
        checked = _catalogue_checked(query_file.text, allow_remote)
        if isinstance(target, Graph):
            prepared(checked.text)
    elif trusted or deadline.timeout is None:
        checked = compile_readonly(query_file.text, source=source, allow_remote=allow_remote)
    elif isinstance(target, RemoteEngine):  # the gate under the deadline, before any request
        load_parser()  # built here once, inherited by each forked worker that parses
        checked = run_isolated(
            _compile, query_file.text, source, allow_remote, timeout=deadline.left()
        )
    bindings = bind_params(query_file, params)
    names = _node_labels(query_file, bindings)
    if names and checked is not None and not isinstance(target, RemoteEngine):
        # the label lookups and the query in one worker: one fork, one timeout
        both = (checked.text, checked.kind, bindings, names, max_rows)
        return _evaluate(target, resolve_and_execute, both, deadline.left(), allow_remote, trusted)
    if names:

        def lookup(text: str, label: Identifier) -> Answer:
            args = (text, "SELECT", {"label": label}, 20)
            return _evaluate(target, execute, args, deadline.left(), trusted=True)

        bindings = _resolve_nodes(bindings, names, lookup)
    if checked is None:  # the gate and the query in one worker, both within the timeout
        load_parser()
        args: tuple[Any, ...] = (query_file.text, source, allow_remote, bindings, max_rows)
        return _evaluate(target, gate_and_execute, args, deadline.left(), allow_remote)
    args = (checked.text, checked.kind, bindings, max_rows)
    return _evaluate(target, execute, args, deadline.left(), allow_remote, trusted)


_CATALOGUE = "<catalogue>"
"""The source the catalogue's own texts are checked under (one cache entry per text)."""


def _catalogue_checked(text: str, allow_remote: bool) -> CheckedQuery:
    """A catalogue text as the gate passes it: its recorded verdict, else the gate's own."""
    verdict = bundled_verdict(text)
    if verdict is None:
        return compile_readonly(text, source=_CATALOGUE, allow_remote=allow_remote)
    return CheckedQuery(text, verdict.kind, verdict.projection, _CATALOGUE)


def warm_catalogue() -> int:
    """Check and parse every query of the bundled catalogue now, in this process.

    A long-lived process that forks a worker per query (a server's broker)
    calls this once: the workers inherit the checked text and rdflib's parsed
    form instead of each doing that work again. Returns how many were prepared.

    >>> warm_catalogue() > 10
    True
    """
    from kg.sparql.catalogue import catalogue

    queries = catalogue().values()
    for query in queries:
        checked = compile_readonly(query.text, source=_CATALOGUE, allow_remote=False)
        prepared(checked.text)
    return len(queries)


def sort_lists(answer: Answer, names: Sequence[str]) -> Answer:
    """``answer`` with the parts of each list column in ``names`` sorted.

    A list column holds a ``GROUP_CONCAT``, whose parts SPARQL joins in an order
    it leaves to the engine (rdflib: the order the triples were added; Oxigraph
    and Virtuoso: that of their indexes). This is the one place that order is
    fixed: the columns a query names on its ``# list:`` lines get their parts,
    split on :data:`~kg.sparql.catalogue.LIST_SEPARATOR`, in code point order
    (the order ``ORDER BY`` gives plain strings), so every engine answers with
    the same text. The literal keeps its language tag or datatype. A part that
    holds the separator itself is sorted as its pieces: the same pieces, whichever
    order the engine joined the parts in.

    Examples:
        >>> answer = Answer("SELECT", ["a", "n"], [(Literal("b; c; a"), Literal("b; a"))])
        >>> [str(term) for term in sort_lists(answer, ["a"]).rows[0]]
        ['a; b; c', 'b; a']
    """
    columns = [i for i, name in enumerate(answer.vars) if name in names]
    if not columns or answer.type != "SELECT":
        return answer
    rows = []
    for row in answer.rows:
        cells = list(row)
        for i in columns:
            term = cells[i]
            if isinstance(term, Literal) and LIST_SEPARATOR in term:
                parts = sorted(str(term).split(LIST_SEPARATOR))
                cells[i] = Literal(
                    LIST_SEPARATOR.join(parts), lang=term.language, datatype=term.datatype
                )
        rows.append(tuple(cells))
    return replace(answer, rows=rows)


def _term_key(term: Node) -> tuple[int, str, str, str]:
    """A total order on terms: IRIs, blank nodes, then literals, each by their text."""
    if isinstance(term, Literal):
        return (2, str(term), str(term.datatype or ""), term.language or "")
    return (1 if isinstance(term, BNode) else 0, str(term), "", "")


def canonical_triples(triples: Iterable[tuple[Node, Node, Node]]) -> list[tuple[Node, Node, Node]]:
    """The triples of a CONSTRUCT or DESCRIBE answer in one order, whatever the engine.

    Each engine gives a graph's triples in an order of its own; the answer's graph is
    filled in this order (subject, predicate, object; IRIs before blank nodes before
    literals, each by its text), so every serialisation of it is the same text on
    every engine, blank node labels aside.

    Examples:
        >>> a, b, p = URIRef("urn:a"), URIRef("urn:b"), URIRef("urn:p")
        >>> [str(s) for s, _, _ in canonical_triples([(b, p, a), (a, p, Literal("x"))])]
        ['urn:a', 'urn:b']
    """
    return sorted(triples, key=lambda triple: tuple(_term_key(term) for term in triple))


def run_query(
    target: Any,
    query: str | Path | QueryFile,
    params: Mapping[str, object] | None = None,
    *,
    timeout: float | None = DEFAULT_TIMEOUT,
    max_rows: int | None = DEFAULT_MAX_ROWS,
    allow_remote: bool = False,
    trusted: bool = False,
) -> QueryResult:
    """Run a read-only query with typed parameter bindings, in a worker with a timeout.

    The answer is the same on every engine where the query fixes it: the parts of
    its list columns are sorted (:func:`sort_lists`) and a graph's triples are added
    in one order (:func:`canonical_triples`).

    Args:
        target: an rdflib Graph/Dataset, a pyoxigraph Store or a SPARQL
            endpoint (:class:`~kg.sparql.engines.RemoteEngine`, which applies the
            timeout itself).
        query: a catalogue name, a ``.rq`` path, SPARQL text or a :class:`QueryFile`.
        params: values for the query's parameters: text becomes a literal,
            ``"<…>"`` an IRI; rdflib terms pass as they are.
        timeout: seconds before the query is stopped (``None``: no limit, still in a worker).
        max_rows: stop a SELECT after this many rows and set ``truncated``.
        allow_remote: let ``SERVICE`` and ``FROM`` through (off by default).
        trusted: the project's own fixed query: on a store this process writes it
            runs in this process, without a snapshot (never for user queries).

    Raises:
        QueryError, QueryRejected, QueryTimeout, EngineCrashed: see :func:`resolve_query`,
            :func:`compile_readonly`; a query that runs past ``timeout``.
    """
    bound_numbers()  # huge number literals in the query or its answer stay as written
    query_file = query if isinstance(query, QueryFile) else resolve_query(query)
    deadline = _Deadline(timeout)
    try:
        answer = _answer(
            target, query_file, params or {}, deadline, max_rows, allow_remote, trusted
        )
    except QueryTimeout:
        if deadline.timeout is None:
            raise
        deadline.expire()
    answer = sort_lists(answer, list_columns(query_file))
    if answer.type == "SELECT":
        rows = [dict(zip(answer.vars, row, strict=True)) for row in answer.rows]
        return QueryResult("SELECT", answer.vars, rows, truncated=answer.truncated)
    if answer.type == "ASK":
        return QueryResult("ASK", boolean=answer.boolean)
    graph = Graph()
    for triple in canonical_triples(answer.triples):
        graph.add(triple)
    return QueryResult(answer.type, graph=graph)
