"""The query catalogue (``queries/*.rq`` with header comments) and a read-only runner.

A query file opens with ``# title:``, ``# description:`` and ``# param:``
lines, then declares its own prefixes, so it runs unchanged in any SPARQL
tool. The runner accepts a catalogue name, a ``.rq`` path or query text;
refuses updates, ``SERVICE`` and ``FROM``/``FROM NAMED`` (judged on the parsed
query, not by text search); and binds parameters as typed RDF terms, never by
pasting text into the query.

Examples:
    >>> q = parse_header("x", "# title: T\\n# param: topic — a topic label (Trade)\\nASK {}")
    >>> q.title, [(p.name, p.example) for p in q.params]
    ('T', [('topic', 'Trade')])
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import rdflib.plugins.sparql
from pyparsing import ParseException, ParseResults
from rdflib import Graph, Literal, URIRef
from rdflib.plugins.sparql.algebra import translateQuery
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.query import Result
from rdflib.term import Identifier, Node, Variable

from kg.engines import NOT_CODE, Answer, InProcess, RemoteEngine, execute
from kg.errors import QueryError, QueryRejected, UsageError
from kg.resources import resource_dir
from kg.sandbox import run_isolated

__all__ = [
    "DEFAULT_MAX_ROWS",
    "DEFAULT_TIMEOUT",
    "MAX_QUERY_CHARS",
    "CheckedQuery",
    "QueryFile",
    "QueryParam",
    "QueryResult",
    "catalogue",
    "compile_readonly",
    "parse_header",
    "parse_param",
    "resolve_query",
    "run_query",
]

rdflib.plugins.sparql.SPARQL_LOAD_GRAPHS = False

MAX_QUERY_CHARS = 20_000
MAX_NESTING = 64
DEFAULT_TIMEOUT = 5.0
"""Seconds a query may run before it is stopped."""
DEFAULT_MAX_ROWS = 100_000
"""Rows a SELECT may return before it is cut short (``QueryResult.truncated``)."""
_HEADER = re.compile(r"^#\s*(?P<key>title|description|param)\s*:\s*(?P<value>.*)$")
_PARAM = re.compile(
    r"^(?P<name>[A-Za-z_]\w*)\s*(?P<node>\[node\])?\s*(?:[—–-]+|:)\s*(?P<meaning>.*?)\s*"
    r"(?:\((?P<example>[^()]*)\))?$"
)


@dataclass(frozen=True)
class QueryParam:
    """A parameter a query file declares: name, meaning, example value.

    ``node`` parameters (``# param: actor [node] — …``) take an IRI, or a
    label that the runner resolves to the one node it names.
    """

    name: str
    meaning: str
    example: str | None = None
    node: bool = False


@dataclass(frozen=True)
class QueryFile:
    """A query with its header: catalogue name, title, description, parameters, text."""

    name: str
    text: str
    title: str = ""
    description: str = ""
    params: tuple[QueryParam, ...] = ()
    path: Path | None = None


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


def parse_header(name: str, text: str, path: Path | None = None) -> QueryFile:
    """Read the ``# title:``/``# description:``/``# param:`` header of a query text."""
    title, description, params = "", [], []
    for line in text.split("\n"):
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("#"):
            break
        match = _HEADER.match(stripped)
        if not match:
            continue
        key, value = match.group("key"), match.group("value").strip()
        if key == "title":
            title = value
        elif key == "description":
            description.append(value)
        else:
            param = _PARAM.match(value)
            if not param:
                raise QueryError(f"malformed '# param:' line: {value!r}", path=path or name)
            params.append(
                QueryParam(
                    param.group("name"),
                    param.group("meaning"),
                    param.group("example"),
                    node=param.group("node") is not None,
                )
            )
    return QueryFile(name, text, title, " ".join(description), tuple(params), path)


def catalogue(folder: Path | None = None) -> dict[str, QueryFile]:
    """Every query of the catalogue by name (the file name without ``.rq``), sorted.

    The bundled catalogue is read once per process.
    """
    if folder is None:
        return dict(_bundled_catalogue())
    return {
        path.stem: parse_header(path.stem, path.read_text(encoding="utf-8"), path)
        for path in sorted(folder.glob("*.rq"))
    }


@functools.cache
def _bundled_catalogue() -> dict[str, QueryFile]:
    return catalogue(resource_dir("queries"))


def _query_path(text: str) -> Path | None:
    """``text`` as a query file path, if it names one (or ends in ``.rq``)."""
    if "\n" in text or "{" in text:
        return None
    path = Path(text)
    try:
        return path if path.suffix == ".rq" or path.exists() else None
    except OSError:  # e.g. a name too long to be a file
        return None


def resolve_query(query: str | Path) -> QueryFile:
    """A catalogue name, a path to a ``.rq`` file, or SPARQL text → :class:`QueryFile`.

    Raises:
        QueryError: an unknown name or a missing file.
    """
    text = str(query)
    if re.fullmatch(r"[\w.-]+", text):
        known = _bundled_catalogue()
        if text in known:
            return known[text]
    path = _query_path(text)
    if path is not None:
        if not path.is_file():
            raise QueryError("no such query file", path=path)
        try:
            body = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise QueryError(f"cannot read query file: {exc}", path=path) from exc
        return parse_header(path.stem, body, path)
    if isinstance(query, str) and (re.search(r"\s|\{", text)):
        return parse_header("<text>", text)
    raise QueryError(
        f"unknown query '{text}'. Run 'summit-kg queries' for the catalogue, "
        "or pass a path to a .rq file"
    )


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


@dataclass(frozen=True)
class CheckedQuery:
    """A query that passed :func:`compile_readonly`: its text, type and projection."""

    text: str
    kind: str  # SELECT, ASK, CONSTRUCT or DESCRIBE
    projection: tuple[str, ...]
    source: str


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
    if len(text) > MAX_QUERY_CHARS:
        raise QueryRejected(f"query is longer than {MAX_QUERY_CHARS} characters", path=source)
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


def parse_param(spec: str) -> tuple[str, str]:
    """``"topic=Cybersecurity"`` → ``("topic", "Cybersecurity")``.

    Raises:
        UsageError: no ``=`` or an invalid name.
    """
    name, sep, value = spec.partition("=")
    name = name.strip()
    if not sep or not re.fullmatch(r"[A-Za-z_]\w*", name):
        raise UsageError(
            f"malformed --param '{spec}': expected NAME=VALUE, e.g. topic=Cybersecurity"
        )
    return name, value


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
            endpoint (:class:`~kg.engines.RemoteEngine`, which applies the
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
