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

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import rdflib.plugins.sparql
from pyparsing import ParseException, ParseResults
from rdflib import Graph, Literal, URIRef
from rdflib.plugins.sparql.algebra import translateQuery
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.sparql import Query
from rdflib.query import Result, ResultRow
from rdflib.term import Identifier, Node

from kg.errors import QueryError, QueryRejected, UsageError
from kg.resources import resource_dir

__all__ = [
    "MAX_QUERY_CHARS",
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
_HEADER = re.compile(r"^#\s*(?P<key>title|description|param)\s*:\s*(?P<value>.*)$")
_PARAM = re.compile(
    r"^(?P<name>[A-Za-z_]\w*)\s*(?:[—–-]+|:)\s*(?P<meaning>.*?)\s*(?:\((?P<example>[^()]*)\))?$"
)
_QUERY_WORDS = re.compile(r"\b(select|ask|construct|describe)\b", re.IGNORECASE)


@dataclass(frozen=True)
class QueryParam:
    """A parameter a query file declares: name, meaning, example value."""

    name: str
    meaning: str
    example: str | None = None


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
    """The answer to a query: rows for SELECT, a boolean for ASK, a graph for CONSTRUCT."""

    type: str
    vars: list[str] = field(default_factory=list)
    rows: list[dict[str, Node | None]] = field(default_factory=list)
    boolean: bool | None = None
    graph: Graph | None = None
    raw: Result | None = None

    def __len__(self) -> int:
        if self.type == "SELECT":
            return len(self.rows)
        if self.graph is not None:
            return len(self.graph)
        return 1

    def __iter__(self) -> Any:
        return iter(self.rows)

    def values(self, var: str) -> list[str]:
        """The values of one column as strings (``""`` for unbound)."""
        return ["" if row.get(var) is None else str(row[var]) for row in self.rows]


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
                QueryParam(param.group("name"), param.group("meaning"), param.group("example"))
            )
    return QueryFile(name, text, title, " ".join(description), tuple(params), path)


def catalogue(folder: Path | None = None) -> dict[str, QueryFile]:
    """Every query of the catalogue by name (the file name without ``.rq``), sorted."""
    folder = folder or resource_dir("queries")
    return {
        path.stem: parse_header(path.stem, path.read_text(encoding="utf-8"), path)
        for path in sorted(folder.glob("*.rq"))
    }


def resolve_query(query: str | Path) -> QueryFile:
    """A catalogue name, a path to a ``.rq`` file, or SPARQL text → :class:`QueryFile`.

    Raises:
        QueryError: an unknown name or a missing file.
    """
    text = str(query)
    if isinstance(query, str) and _QUERY_WORDS.search(text) and ("{" in text or "\n" in text):
        return parse_header("<text>", text)
    known = catalogue()
    if text in known:
        return known[text]
    path = Path(text)
    if path.suffix == ".rq" or path.exists():
        if not path.is_file():
            raise QueryError("no such query file", path=path)
        try:
            body = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise QueryError(f"cannot read query file: {exc}", path=path) from exc
        return parse_header(path.stem, body, path)
    raise QueryError(
        f"unknown query '{text}'. Run 'summit-kg queries' for the catalogue, "
        "or pass a path to a .rq file"
    )


def _nesting_depth(text: str) -> int:
    depth = deepest = 0
    for char in re.sub(r'"(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)*\'|#[^\n]*', "", text):
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


def compile_readonly(text: str, *, source: str = "<query>") -> Query:
    """Parse ``text`` and check it is a read-only query that stays local.

    Raises:
        QueryRejected: an update, ``SERVICE``, ``FROM``/``FROM NAMED``, too long or too deep.
        QueryError: not valid SPARQL.

    Examples:
        >>> compile_readonly("SELECT * { SERVICE <http://x/> { ?s ?p ?o } }")
        Traceback (most recent call last):
        ...
        kg.errors.QueryRejected: <query>: SERVICE is not allowed: queries never reach the network
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
    try:
        query = translateQuery(parsed)
    except RecursionError as exc:
        raise QueryRejected("nesting too deep", path=source) from exc
    except Exception as exc:
        raise QueryError(f"cannot compile query: {exc}", path=source) from exc
    for node in _walk(parsed):
        name = getattr(node, "name", None)
        if name == "ServiceGraphPattern":
            raise QueryRejected(
                "SERVICE is not allowed: queries never reach the network", path=source
            )
        if name in ("DatasetClause",) or (
            isinstance(node, dict) and "datasetClause" in node and node["datasetClause"]
        ):
            raise QueryRejected(
                "FROM and FROM NAMED are not allowed: queries read only the loaded graph",
                path=source,
            )
    return query


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


def run_query(graph: Graph, query: str | Path | QueryFile, **params: object) -> QueryResult:
    """Run a read-only query on ``graph`` with typed parameter bindings.

    Raises:
        QueryError, QueryRejected: see :func:`resolve_query` and :func:`compile_readonly`.
    """
    query_file = query if isinstance(query, QueryFile) else resolve_query(query)
    compiled = compile_readonly(query_file.text, source=str(query_file.path or query_file.name))
    bindings = bind_params(query_file, params)
    try:
        result = graph.query(compiled, initBindings=bindings)
        if result.type == "SELECT":
            names = [str(v) for v in (result.vars or [])]
            rows: list[dict[str, Node | None]] = [
                {name: cast(ResultRow, row)[index] for index, name in enumerate(names)}
                for row in result
            ]
            return QueryResult("SELECT", names, rows, raw=result)
        if result.type == "ASK":
            return QueryResult("ASK", boolean=bool(result.askAnswer), raw=result)
        return QueryResult(result.type, graph=result.graph, raw=result)
    except RecursionError as exc:
        raise QueryError("query too deep to evaluate (recursion limit)") from exc
