"""Run one checked query on one engine: rdflib or Oxigraph, same text, same bindings.

Both engines get the query *text* (never a prepared rdflib query, which would
make oxrdflib silently fall back to rdflib's evaluator) and the parameters
as typed terms, bound before the query's outer group is evaluated, so that
its FILTERs see them: rdflib through ``initBindings``; Oxigraph through a
``VALUES`` block placed first in the outer group (Oxigraph's own
``substitutions`` join the values *after* the group's FILTERs ran, and only
for projected variables). The block is written from the terms by
:func:`sparql_term`, which escapes every character that could end a string
or an IRI. Answers come back as :class:`Answer`, in rdflib terms, whatever
the engine.

Examples:
    >>> from rdflib import Graph, Literal, URIRef
    >>> g = Graph()
    >>> _ = g.add((URIRef("urn:a"), URIRef("urn:p"), Literal("x")))
    >>> answer = execute(g, "SELECT ?s ?o { ?s ?p ?o }", "SELECT", {"o": Literal("x")}, 10)
    >>> answer.rows
    [(rdflib.term.URIRef('urn:a'), rdflib.term.Literal('x'))]
"""

from __future__ import annotations

import functools
import re
import warnings
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import XSD
from rdflib.query import ResultRow
from rdflib.term import Identifier, Node

if TYPE_CHECKING:  # rdflib's SPARQL engine is imported only when it evaluates a query
    from rdflib.plugins.sparql.sparql import Query

__all__ = [
    "Answer",
    "InProcess",
    "RemoteEngine",
    "Snapshot",
    "execute",
    "from_oxigraph",
    "oxigraph_store",
    "rdflib_sparql",
    "sparql_term",
    "to_oxigraph",
    "with_rows",
    "with_values",
]


@dataclass
class Answer:
    """A query's answer as plain data (picklable, engine-independent)."""

    type: str
    vars: list[str] = field(default_factory=list)
    rows: list[tuple[Node | None, ...]] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[tuple[Node, Node, Node]] = field(default_factory=list)
    truncated: bool = False


@dataclass(frozen=True)
class InProcess:
    """An Oxigraph store this process writes: not to be handed to a forked worker.

    A forked worker would inherit RocksDB's threads (and could hang on a lock
    one held), and a second, read-only handle could see files the writer has
    since compacted away. The project's own fixed queries run on ``target`` in
    this process; any other query runs in a clean worker on a :class:`Snapshot`
    that ``snapshot()`` makes (a RocksDB checkpoint: hard links, taken in
    milliseconds) and removes when the context ends.
    """

    target: Any
    snapshot: Callable[[], AbstractContextManager[str]] | None = None


@dataclass(frozen=True)
class Snapshot:
    """A consistent on-disk copy of an Oxigraph store, opened by the worker that queries it."""

    path: str


@runtime_checkable
class RemoteEngine(Protocol):
    """A query engine behind a network protocol: it evaluates, and times out, by itself."""

    def answer(
        self,
        text: str,
        kind: str,
        bindings: dict[str, Identifier],
        max_rows: int | None,
        timeout: float | None,
    ) -> Answer:
        """Evaluate checked query ``text`` with ``bindings`` bound."""
        ...


NOT_CODE = (
    r"<[^<>\"{}|^`\\\s]*>"  # IRIs (may hold '#' and braces)
    r'|"""(?:[^\\]|\\.)*?"""|\'\'\'(?:[^\\]|\\.)*?\'\'\''  # long strings
    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''  # strings
    r"|#[^\n]*"  # comments
)
"""Regular expression for the parts of SPARQL text that are not syntax: IRIs, strings, comments."""
_TOKENS = re.compile(
    rf"(?P<skip>{NOT_CODE})"
    r"|(?P<open>\{)|(?P<close>\})|(?P<paren>[()])|(?P<where>(?i:\bwhere\b))"
    r"|(?P<values>(?i:(?<![\w:?$])values\b))"
)
_IRI = re.compile(r"[^<>\"{}|^`\\\x00-\x20]*")
_BACKSLASH_U = re.compile(r"(?<=\\\\)[uU]")
_LANGUAGE = re.compile(r"[A-Za-z]+(?:-[A-Za-z0-9]+)*")
_ESCAPES = str.maketrans(
    {
        '"': '\\"',
        "\\": "\\\\",
        "\n": "\\n",
        "\r": "\\r",
        "\t": "\\t",
        "\b": "\\b",
        "\f": "\\f",
    }
)


@functools.lru_cache(maxsize=65536)
def _iri(text: str) -> str:
    """``<text>``, checked once per distinct IRI (documents repeat theirs many times)."""
    if not _IRI.fullmatch(text):
        raise ValueError(f"not a valid IRI: {text!r}")
    return f"<{text}>"


def sparql_term(term: Identifier) -> str:
    """A term in SPARQL syntax, safe to place in a query: it cannot end early.

    Examples:
        >>> print(sparql_term(Literal('say "hi" } #')))
        "say \\"hi\\" } #"
        >>> sparql_term(URIRef("urn:a b"))
        Traceback (most recent call last):
        ...
        ValueError: not a valid IRI: 'urn:a b'
    """
    if isinstance(term, URIRef):
        return _iri(str(term))
    if isinstance(term, Literal):
        text = str(term).translate(_ESCAPES)
        if "\\u" in text or "\\U" in text:
            # SPARQL decodes \uXXXX anywhere in a query before parsing it (rdflib does,
            # Oxigraph in strings only): a u after an escaped backslash is written \U00000075,
            # which reads as "u" either way, so the value keeps its backslash-u text.
            text = _BACKSLASH_U.sub(
                lambda m: "\\U00000075" if m.group(0) == "u" else "\\U00000055", text
            )
        if term.language:
            if not _LANGUAGE.fullmatch(term.language):
                raise ValueError(f"not a valid language tag: {term.language!r}")
            return f'"{text}"@{term.language}'
        if term.datatype is not None and str(term.datatype) != str(XSD.string):
            return f'"{text}"^^{sparql_term(URIRef(term.datatype))}'
        return f'"{text}"'
    raise ValueError(f"cannot bind {term!r}: only IRIs and literals can be parameters")


def with_values(text: str, kind: str, bindings: dict[str, Identifier]) -> str:
    """``text`` with ``VALUES (?a ?b) { (…) }`` first in its outer WHERE group.

    The outer group is found on the query's tokens (IRIs, strings and
    comments skipped): the first top-level ``{`` outside parentheses, or for
    CONSTRUCT the one after ``WHERE`` (or the second group). Where no group
    can hold the block (``CONSTRUCT WHERE { … }``, whose group is a template
    of triples only, and ``DESCRIBE`` without ``WHERE``) and so no FILTER can
    run before it, the block ends the query instead.

    Raises:
        ValueError: no group to bind in, a query that already ends in
            ``VALUES`` where one must be added, or a term that cannot be written.

    Examples:
        >>> with_values("ASK { ?s ?p ?o }", "ASK", {"o": Literal("x")})
        'ASK { VALUES (?o) { ("x") } ?s ?p ?o }'
        >>> with_values("CONSTRUCT WHERE { ?s ?p ?o }", "CONSTRUCT", {"o": Literal("x")})
        'CONSTRUCT WHERE { ?s ?p ?o }\\nVALUES (?o) { ("x") }'
    """
    if not bindings:
        return text
    return with_rows(text, kind, list(bindings), [list(bindings.values())])


def with_rows(
    text: str, kind: str, names: Sequence[str], rows: Sequence[Sequence[Identifier]]
) -> str:
    """``text`` with ``VALUES (?a ?b) { (…) (…) }``, one row per entry of ``rows``.

    Placed where :func:`with_values` places its one row; a query bound to
    several values of a parameter answers for each of them.

    Raises:
        ValueError: as :func:`with_values`, or a row that does not have one term per name.

    Examples:
        >>> with_rows("ASK { ?s ?p ?o }", "ASK", ["o"], [[Literal("x")], [URIRef("urn:y")]])
        'ASK { VALUES (?o) { ("x") (<urn:y>) } ?s ?p ?o }'
    """
    if any(len(row) != len(names) for row in rows):
        raise ValueError("every row of a VALUES block needs one term per variable")
    depth = parens = 0
    groups: list[int] = []
    after_where: int | None = None
    ends_in_values = False
    for token in _TOKENS.finditer(text):
        if token.group("skip"):
            continue
        if token.group("values"):
            ends_in_values = ends_in_values or depth == 0
        elif token.group("paren"):
            parens += 1 if token.group("paren") == "(" else -1
        elif token.group("open"):
            if depth == 0 and parens == 0:
                groups.append(token.end())
                if after_where is None and kind == "CONSTRUCT" and _seen_where(text, token):
                    after_where = token.end()
            depth += 1
        elif token.group("close"):
            depth -= 1
    variables = " ".join(f"?{name}" for name in names)
    values = " ".join("(" + " ".join(sparql_term(term) for term in row) + ")" for row in rows)
    block = f"VALUES ({variables}) {{ {values} }}"
    short_construct = kind == "CONSTRUCT" and groups[:1] == [after_where]
    if short_construct or (kind == "DESCRIBE" and not groups):
        if ends_in_values:
            raise ValueError("cannot bind parameters: the query has its own VALUES clause")
        return f"{text}\n{block}"
    if kind == "CONSTRUCT":
        position = (
            after_where if after_where is not None else groups[1] if len(groups) > 1 else None
        )
    else:
        position = groups[0] if groups else None
    if position is None:
        raise ValueError("cannot find the query's WHERE group to bind parameters")
    return f"{text[:position]} {block}{text[position:]}"


def _seen_where(text: str, brace: re.Match[str]) -> bool:
    """Whether a top-level WHERE keyword comes right before this ``{``."""
    return bool(re.search(r"(?i:\bwhere)\s*$", text[: brace.start()]))


def to_oxigraph(term: Node) -> Any:
    """An rdflib term as a pyoxigraph term."""
    import pyoxigraph as ox

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"cannot convert {term!r} to an Oxigraph term")


def from_oxigraph(term: Any) -> Node | None:
    """A pyoxigraph term as an rdflib term (plain ``xsd:string`` literals stay plain)."""
    import pyoxigraph as ox

    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == "http://www.w3.org/2001/XMLSchema#string":
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(datatype))
    raise TypeError(f"cannot convert {term!r} from an Oxigraph term")


def oxigraph_store(dataset: Dataset) -> Any:
    """A new in-memory pyoxigraph Store holding every graph of an rdflib ``dataset``.

    Every triple is also put in the store's default graph, which so holds the
    set union of the named graphs; queries read that graph. Oxigraph's own
    union default graph counts a triple once per named graph it is in (a bag),
    which would multiply answers wherever sources share a node.
    """
    import pyoxigraph as ox

    store = ox.Store()
    quads = []
    default = ox.DefaultGraph()
    for graph in dataset.graphs():
        name = graph.identifier
        context = default if name == DATASET_DEFAULT_GRAPH_ID else to_oxigraph(name)
        for s, p, o in graph:
            triple = (to_oxigraph(s), to_oxigraph(p), to_oxigraph(o))
            quads.append(ox.Quad(*triple, context))
            if context != default:
                quads.append(ox.Quad(*triple, default))
    store.extend(quads)
    return store


@functools.lru_cache(maxsize=128)
def prepared(text: str) -> Query:
    """rdflib's parsed and translated form of checked query ``text`` (cached by text).

    rdflib spends most of a small query's time parsing it: a parent that warms
    this cache for the project's own queries hands the parsed form to every
    worker it forks.
    """
    query: Query = rdflib_sparql().prepareQuery(text)
    return query


def rdflib_sparql() -> Any:
    """rdflib's SPARQL engine (imported on first use: a query on Oxigraph never loads it),
    with its loading of the graphs a query names in ``FROM`` turned off."""
    import rdflib.plugins.sparql as engine

    engine.SPARQL_LOAD_GRAPHS = False
    return engine


def _rdflib(
    graph: Graph, text: str, kind: str, bindings: dict[str, Identifier], max_rows: int | None
) -> Answer:
    with warnings.catch_warnings():
        # rdflib 7.6 calls its own deprecated Dataset.contexts()/default_context for GRAPH ?g
        warnings.filterwarnings("ignore", r"Dataset\.\w+ is deprecated", DeprecationWarning)
        return _rdflib_answer(graph.query(prepared(text), initBindings=bindings), kind, max_rows)


def _rdflib_answer(result: Any, kind: str, max_rows: int | None) -> Answer:
    if kind == "ASK":
        return Answer("ASK", boolean=bool(result.askAnswer))
    if kind == "SELECT":
        names = [str(v) for v in (result.vars or [])]
        rows: list[tuple[Node | None, ...]] = []
        for row in result:
            if max_rows is not None and len(rows) >= max_rows:
                return Answer("SELECT", names, rows, truncated=True)
            assert isinstance(row, ResultRow)
            rows.append(tuple(row))
        return Answer("SELECT", names, rows)
    assert result.graph is not None
    return Answer(kind, triples=list(result.graph))


def _oxigraph(
    store: Any, text: str, kind: str, bindings: dict[str, Identifier], max_rows: int | None
) -> Answer:
    result = store.query(with_values(text, kind, bindings))
    try:
        return _oxigraph_answer(result, kind, max_rows)
    finally:
        # pyoxigraph's solutions may only be freed by the thread that made them: never
        # leave them to a traceback that the cycle collector frees on another thread
        del result


def _oxigraph_answer(result: Any, kind: str, max_rows: int | None) -> Answer:
    if kind == "ASK":
        return Answer("ASK", boolean=bool(result))
    # Answers repeat their terms (a topic on every row): convert each once, and share the
    # object, which also makes the answer's pickle back from the worker much smaller.
    converted: dict[Any, Node | None] = {}

    def term(value: Any) -> Node | None:
        node = converted.get(value, converted)
        if node is converted:
            node = converted[value] = from_oxigraph(value)
        return node  # type: ignore[return-value]

    iterator = iter(result)
    del result  # the iterator alone holds the solutions: one reference to drop below
    try:
        if kind == "SELECT":
            names = [v.value for v in iterator.variables]
            rows: list[tuple[Node | None, ...]] = []
            for solution in iterator:
                if max_rows is not None and len(rows) >= max_rows:
                    return Answer("SELECT", names, rows, truncated=True)
                rows.append(tuple(term(solution[name]) for name in names))
            return Answer("SELECT", names, rows)
        triples = []
        for triple in iterator:
            s, p, o = (term(t) for t in (triple.subject, triple.predicate, triple.object))
            assert s is not None and p is not None and o is not None
            triples.append((s, p, o))
        return Answer(kind, triples=triples)
    finally:
        del iterator


def execute(
    target: Any,
    text: str,
    kind: str,
    bindings: dict[str, Identifier],
    max_rows: int | None = None,
) -> Answer:
    """Evaluate checked query ``text`` of type ``kind`` on ``target``.

    ``target`` is an rdflib Graph or Dataset, a pyoxigraph Store whose
    default graph holds the union of its named graphs (see :func:`oxigraph_store`),
    or a :class:`RemoteEngine`.
    """
    if isinstance(target, Graph):
        return _rdflib(target, text, kind, bindings, max_rows)
    if isinstance(target, RemoteEngine):
        return target.answer(text, kind, bindings, max_rows, None)
    if isinstance(target, InProcess):
        target = target.target
    elif isinstance(target, Snapshot):
        import pyoxigraph as ox

        target = ox.Store.read_only(target.path)  # a checkpoint: no writer, quicker to open
    return _oxigraph(target, text, kind, bindings, max_rows)
