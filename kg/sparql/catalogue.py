"""The query catalogue: ``queries/*.rq`` files with ``# title:``/``# param:`` headers.

A query file opens with ``# title:``, ``# description:`` and ``# param:``
lines (and ``# list:``, naming the columns that hold a ``GROUP_CONCAT``), then
declares its own prefixes, so it runs unchanged in any SPARQL tool. A query is
named by its catalogue name, a ``.rq`` path or its text; files and texts that
use the project's prefixes (``skg:``, ``rdfs:``…) without declaring them get
them declared (:func:`declare_prefixes`). A ``# param:`` line may give the
parameter's type in brackets: ``[node]`` (a label the runner resolves to the
node it names), ``[iri]``, or an XSD datatype such as ``[integer]``,
``[decimal]``, ``[boolean]`` or ``[date]``; text given for it becomes a literal
of that type (:func:`param_value`).

Examples:
    >>> q = parse_header("x", "# title: T\\n# param: topic — a topic label (Trade)\\nASK {}")
    >>> q.title, [(p.name, p.example) for p in q.params]
    ('T', [('topic', 'Trade')])
    >>> n = parse_header("x", "# param: n [integer] — how many (5)\\nASK {}").params[0]
    >>> n.type, param_value(n, "5")
    ('integer', rdflib.term.Literal('5', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#integer')))
    >>> parse_header("x", "# list: ?mentions ?addressedTo\\nSELECT * {}").lists
    ('mentions', 'addressedTo')
"""

from __future__ import annotations

import datetime
import decimal
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from kg.errors import QueryError, UsageError
from kg.rdf.namespaces import PREFIXES
from kg.resources import resource_dir
from kg.sparql.gate import MAX_QUERY_CHARS

__all__ = [
    "LIST_SEPARATOR",
    "PARAM_TYPES",
    "QUERY_SUFFIXES",
    "RUNNER_OPTIONS",
    "QueryFile",
    "QueryParam",
    "Verdict",
    "bundled_verdict",
    "catalogue",
    "check_params",
    "declare_prefixes",
    "did_you_mean",
    "is_bundled",
    "list_columns",
    "param_value",
    "parse_header",
    "parse_param",
    "resolve_query",
]

_HEADER = re.compile(r"^#\s*(?P<key>title|description|param|list)\s*:\s*(?P<value>.*)$")
_PARAM = re.compile(
    r"^(?P<name>[A-Za-z_]\w*)\s*(?:\[(?P<type>[A-Za-z]+)\])?\s*(?:[—–-]+|:)\s*"
    r"(?P<meaning>.*?)\s*(?:\((?P<example>[^()]*)\))?$"
)


def _integer(text: str) -> str:
    return str(int(text.strip()))


def _decimal(text: str) -> str:
    value = decimal.Decimal(text.strip())
    if not value.is_finite():
        raise ValueError(text)
    return str(value)


def _double(text: str) -> str:
    return repr(float(text.strip()))


def _boolean(text: str) -> str:
    value = text.strip().lower()
    if value not in ("true", "false", "1", "0"):
        raise ValueError(text)
    return "true" if value in ("true", "1") else "false"


def _date(text: str) -> str:
    return datetime.date.fromisoformat(text.strip()).isoformat()


def _date_time(text: str) -> str:
    return datetime.datetime.fromisoformat(text.strip()).isoformat()


_LEXICAL = {
    "integer": _integer,
    "decimal": _decimal,
    "double": _double,
    "boolean": _boolean,
    "date": _date,
    "dateTime": _date_time,
}
PARAM_TYPES = ("string", "node", "iri", *_LEXICAL)
"""The types a ``# param:`` line may give in brackets (``string`` when it gives none)."""


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
    type: str = "string"
    """One of :data:`PARAM_TYPES`: how text given for the parameter is bound."""


LIST_SEPARATOR = "; "
"""The separator of every ``GROUP_CONCAT`` in the catalogue, between the parts of a list column."""


@dataclass(frozen=True)
class QueryFile:
    """A query with its header: catalogue name, title, description, parameters, text.

    ``lists`` are the columns its ``# list:`` lines name: each holds a
    ``GROUP_CONCAT`` of parts separated by :data:`LIST_SEPARATOR`, in an order
    SPARQL leaves to the engine, so the runner sorts them
    (:func:`kg.sparql.runner.sort_lists`).
    """

    name: str
    text: str
    title: str = ""
    description: str = ""
    params: tuple[QueryParam, ...] = ()
    path: Path | None = None
    lists: tuple[str, ...] = ()


def parse_header(name: str, text: str, path: Path | None = None) -> QueryFile:
    """Read the ``# title:``/``# description:``/``# param:``/``# list:`` header of a query text.

    A ``# list:`` line names columns (``?`` optional), separated by spaces or commas.
    """
    title, description, params = "", [], []
    lists: list[str] = []
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
        elif key == "list":
            names = value.replace(",", " ").split()
            if not names or not all(re.fullmatch(r"\??[A-Za-z_]\w*", n) for n in names):
                raise QueryError(
                    f"malformed '# list:' line: {value!r}; name the columns, e.g. "
                    "'# list: ?mentions'",
                    path=path or name,
                )
            lists.extend(n.removeprefix("?") for n in names if n.removeprefix("?") not in lists)
        else:
            param = _PARAM.match(value)
            if not param:
                raise QueryError(f"malformed '# param:' line: {value!r}", path=path or name)
            kind = param.group("type") or "string"
            if kind not in PARAM_TYPES:
                raise QueryError(
                    f"unknown parameter type [{kind}] in '# param: {value}'; "
                    f"use one of {', '.join(PARAM_TYPES)}{did_you_mean(kind, PARAM_TYPES)}",
                    path=path or name,
                )
            params.append(
                QueryParam(
                    param.group("name"),
                    param.group("meaning"),
                    param.group("example"),
                    node=kind == "node",
                    type=kind,
                )
            )
    return QueryFile(name, text, title, " ".join(description), tuple(params), path, tuple(lists))


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


def is_bundled(query: QueryFile) -> bool:
    """Whether ``query``'s text is that of one of the project's own catalogue files.

    That text is the project's, not a user's, whoever sends it (a server's
    clients post the catalogue's text as often as not): the runner checks it
    once per process instead of once per run.

    Examples:
        >>> is_bundled(resolve_query("topics")), is_bundled(resolve_query("ASK { ?s ?p ?o }"))
        (True, False)
        >>> is_bundled(QueryFile("<text>", resolve_query("topics").text))
        True
    """
    return query.text in _bundled_texts()


@functools.cache
def _bundled_texts() -> dict[str, QueryFile]:
    return {query.text: query for query in _bundled_catalogue().values()}


def list_columns(query: QueryFile) -> tuple[str, ...]:
    """The list columns of ``query``: its own ``# list:`` columns, or, for the text of a
    catalogue file however it came (a server's client posts it as bare text), that file's.

    Examples:
        >>> list_columns(QueryFile("<text>", resolve_query("summit").text))
        ('participants',)
        >>> list_columns(resolve_query("SELECT * { ?s ?p ?o }"))
        ()
    """
    if query.lists:
        return query.lists
    bundled = _bundled_texts().get(query.text)
    return bundled.lists if bundled is not None else ()


@dataclass(frozen=True)
class Verdict:
    """What the gate said of a catalogue text when the package was built (see
    :mod:`kg.stores.prebuilt`): its type and projection, and whether Oxigraph answers it
    on the embedded default exactly as rdflib does."""

    kind: str
    projection: tuple[str, ...]
    oxigraph: bool


def bundled_verdict(text: str) -> Verdict | None:
    """The recorded verdict on ``text`` if it is a bundled catalogue text that has one.

    The catalogue's texts are the package's own files, like its code: the gate's
    verdict on each is recorded, by SHA-256, in ``data/prebuilt/catalogue.json``,
    so answering one does not load rdflib's SPARQL parser. Any other text,
    including a catalogue file edited since, has no verdict and goes through the gate.

    Examples:
        >>> bundled_verdict(resolve_query("on-agenda").text)
        Verdict(kind='ASK', projection=(), oxigraph=True)
        >>> bundled_verdict("ASK { ?s ?p ?o }") is None
        True
    """
    if text not in _bundled_texts():
        return None
    import hashlib

    return _verdicts().get(hashlib.sha256(text.encode("utf-8")).hexdigest())


@functools.cache
def _verdicts() -> dict[str, Verdict]:
    import json

    path = resource_dir("data") / "prebuilt" / "catalogue.json"
    try:
        recorded = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):  # not shipped, or damaged: every text goes through the gate
        return {}
    return {
        digest: Verdict(entry["kind"], tuple(entry["projection"]), bool(entry["oxigraph"]))
        for digest, entry in recorded.items()
    }


QUERY_SUFFIXES = (".rq", ".sparql")
"""The suffixes of query files: no other file is ever read as a query."""


def _query_path(text: str) -> Path | None:
    """``text`` as a query file path, if it looks like one.

    Raises:
        QueryError: ``text`` names an existing file without a query suffix (it is
            not read, so no other file's content can reach a message).
    """
    if "\n" in text or "{" in text:
        return None
    path = Path(text)
    if path.suffix.lower() in QUERY_SUFFIXES:
        return path
    try:
        exists = path.exists()
    except OSError:  # e.g. a name too long to be a file
        return None
    if exists:
        raise QueryError(
            f"not a query file: queries are read from {' or '.join(QUERY_SUFFIXES)} files only",
            path=path,
        )
    return None


def resolve_query(query: str | Path) -> QueryFile:
    """A catalogue name, a path to a ``.rq`` file, or SPARQL text → :class:`QueryFile`.

    Files and texts get the project's prefixes they use without declaring
    (:func:`declare_prefixes`); catalogue queries declare their own.

    Raises:
        QueryError: an unknown name (with the closest catalogue names) or a missing file.

    Examples:
        >>> resolve_query("SELECT ?t { ?t a skg:Topic }").text.startswith("PREFIX skg:")
        True
        >>> resolve_query("/etc/hostname")
        Traceback (most recent call last):
        ...
        kg.errors.QueryError: /etc/hostname: not a query file: queries are read from .rq or \
.sparql files only
    """
    text = str(query)
    known = _bundled_catalogue()
    if re.fullmatch(r"[\w.-]+", text) and text in known:
        return known[text]
    path = _query_path(text)
    if path is not None:
        if not path.is_file():
            raise QueryError("no such query file", path=path)
        try:
            if path.stat().st_size > 4 * MAX_QUERY_CHARS:  # 4 bytes at most per character
                raise QueryError(
                    f"query file is longer than {MAX_QUERY_CHARS} characters", path=path
                )
            body = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise QueryError(f"cannot read query file: {exc}", path=path) from exc
        return _declared(parse_header(path.stem, body, path))
    if isinstance(query, str) and (re.search(r"\s|\{", text)):
        return _declared(parse_header("<text>", text))
    raise QueryError(
        f"unknown query '{text}'{did_you_mean(text, known)}. Run 'summit-kg queries' for the "
        "catalogue, or pass a path to a .rq file"
    )


def _declared(query: QueryFile) -> QueryFile:
    return QueryFile(
        query.name,
        declare_prefixes(query.text),
        query.title,
        query.description,
        query.params,
        query.path,
        query.lists,
    )


_DECLARED = re.compile(r"(?i:\bprefix)\s+(?P<prefix>[A-Za-z][\w.-]*)?\s*:")
_NOT_CODE = re.compile(
    r"<[^<>\"{}|^`\\\s]*>"  # IRIs
    r'|"""(?:[^\\]|\\.)*?"""|\'\'\'(?:[^\\]|\\.)*?\'\'\''  # long strings
    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''  # strings
    r"|#[^\n]*"  # comments
)
_USED = re.compile(r"(?<![\w.:?$-])(?P<prefix>[A-Za-z][\w-]*):(?=[\w%\\]|\s|$)")


def declare_prefixes(text: str) -> str:
    """``text`` with a ``PREFIX`` line for each project prefix it uses but does not declare.

    The prefixes are those of :data:`kg.rdf.namespaces.PREFIXES`, bound on every
    graph; the declarations go on the query's first line, so the line numbers of
    error messages stay those of the text as written. A prefix the text declares
    itself keeps its own namespace.

    Examples:
        >>> declare_prefixes("SELECT * { ?s a skg:Topic ; rdfs:label ?l }")[:56]
        'PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PRE'
        >>> declare_prefixes("PREFIX skg: <urn:x#> ASK { ?s a skg:T }")
        'PREFIX skg: <urn:x#> ASK { ?s a skg:T }'
    """
    code = _NOT_CODE.sub(" ", text)
    declared = {m.group("prefix") or "" for m in _DECLARED.finditer(code)}
    used = {m.group("prefix") for m in _USED.finditer(code)} - declared
    missing = [prefix for prefix in sorted(used) if prefix in PREFIXES]
    if not missing:
        return text
    prologue = " ".join(f"PREFIX {prefix}: <{PREFIXES[prefix]}>" for prefix in missing)
    return f"{prologue} {text}"


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """``" (did you mean 'x'?)"`` for the choices closest to ``word``, or ``""``.

    Examples:
        >>> did_you_mean("topcis", ["topics", "places", "summit"])
        " (did you mean 'topics'?)"
        >>> did_you_mean("zzz", ["topics"])
        ''
    """
    import difflib

    options = list(dict.fromkeys(choices))
    folded = {option.casefold(): option for option in options}
    close = difflib.get_close_matches(word.casefold(), list(folded), n=3, cutoff=0.6)
    if not close:
        return ""
    return " (did you mean " + " or ".join(f"'{folded[c]}'" for c in close) + "?)"


RUNNER_OPTIONS = frozenset({"timeout", "max_rows", "allow_remote"})
"""Names :meth:`kg.SummitGraph.query` takes as options, so never as query parameters."""


def check_params(query: QueryFile, names: Iterable[str]) -> None:
    """Check that ``query`` declares every parameter in ``names`` (when it declares any).

    Raises:
        QueryError: an undeclared name, with the closest declared names.

    Examples:
        >>> q = parse_header("q", "# param: topic — a topic (Trade)\\nASK {}")
        >>> check_params(q, ["tpoic"])
        Traceback (most recent call last):
        ...
        kg.errors.QueryError: query 'q' has no parameter 'tpoic' (did you mean 'topic'?). \
Its parameters: topic
    """
    declared = [p.name for p in query.params]
    for name in names:
        if name in RUNNER_OPTIONS:
            flag = "--" + name.replace("_", "-")
            raise QueryError(
                f"'{name}' is an option of the query runner, not a parameter: use {flag}"
            )
        if declared and name not in declared:
            raise QueryError(
                f"query '{query.name}' has no parameter '{name}'{did_you_mean(name, declared)}. "
                f"Its parameters: {', '.join(sorted(declared))}"
            )


def param_value(param: QueryParam | None, text: str) -> object:
    """Text given for a parameter as the runner binds it: typed as the query declares.

    A string or ``[node]`` parameter (or one the query does not declare) keeps
    the text (the runner makes ``<…>`` an IRI and anything else a literal);
    ``[iri]`` makes an IRI, with or without angle brackets; a datatype makes a
    literal of that type in its canonical form.

    Raises:
        UsageError: text that is not a value of the declared type.

    Examples:
        >>> q = parse_header("q", "# param: on [date] — a day (2025-08-15)\\nASK {}")
        >>> param_value(q.params[0], "2025-8-15")
        Traceback (most recent call last):
        ...
        kg.errors.UsageError: --param on=2025-8-15: not a date (e.g. 2025-08-15)
    """
    if param is None or param.type in ("string", "node"):
        return text
    if param.type == "iri":
        iri = text[1:-1] if text.startswith("<") and text.endswith(">") else text
        if not re.fullmatch(r"[A-Za-z][\w+.-]*:[^<>\"{}|^`\\\s]*", iri):
            raise UsageError(f"--param {param.name}={text}: not an IRI")
        return URIRef(iri)
    try:
        lexical = _LEXICAL[param.type](text)
    except (ValueError, ArithmeticError):
        example = f" (e.g. {param.example})" if param.example else ""
        article = "an" if param.type[0] in "aeiou" else "a"
        raise UsageError(
            f"--param {param.name}={text}: not {article} {param.type}{example}"
        ) from None
    return Literal(lexical, datatype=XSD[param.type])


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
