"""The query catalogue: ``queries/*.rq`` files with ``# title:``/``# param:`` headers.

A query file opens with ``# title:``, ``# description:`` and ``# param:``
lines, then declares its own prefixes, so it runs unchanged in any SPARQL
tool. A query is named by its catalogue name, a ``.rq`` path or its text.

Examples:
    >>> q = parse_header("x", "# title: T\\n# param: topic — a topic label (Trade)\\nASK {}")
    >>> q.title, [(p.name, p.example) for p in q.params]
    ('T', [('topic', 'Trade')])
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from kg.errors import QueryError, UsageError
from kg.resources import resource_dir

__all__ = [
    "QueryFile",
    "QueryParam",
    "catalogue",
    "parse_header",
    "parse_param",
    "resolve_query",
]

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
