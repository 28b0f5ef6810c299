"""summit-kg: coverage of a diplomatic summit as an RDF knowledge graph.

Sources in (articles, curated tables, RDF files; none: the embedded briefing),
a :class:`SummitGraph` out, which answers queries, validates, serializes and
draws. The names in ``__all__`` are the library's public surface: the entry
points, the types their results and errors have, and ``__version__`` (the one
version number; packaging reads it from this file). Deeper module paths are
not part of the documented API.

The pipeline's stages are packages: :mod:`kg.text` (articles to claims),
:mod:`kg.rdf` (claims to triples), :mod:`kg.loaders` and :mod:`kg.stores`
(files in, graphs kept), :mod:`kg.sparql` (questions) and :mod:`kg.network`
(views, analytics, exports).

Examples:
    >>> import kg
    >>> g = kg.load()                      # the embedded Alaska briefing
    >>> rows = g.query("outcomes-by-topic", topic="Cybersecurity")
    >>> [str(r["likelihood"]) for r in rows]
    ['anticipated', 'possible', 'projected']
    >>> isinstance(rows, kg.QueryResult)
    True
"""

from __future__ import annotations

import typing

import kg.rdf  # noqa: F401  (bounds number literals for every use of rdflib in the process)
from kg.errors import (
    KGError,
    LoaderError,
    NetworkRefused,
    QueryError,
    QueryRejected,
    QueryTimeout,
    ResourceMissing,
    StoreError,
    UsageError,
)

if typing.TYPE_CHECKING:
    from kg.graph import SummitGraph, load
    from kg.ingest import FileReport, IngestSummary
    from kg.rdf.validation import ValidationReport, Violation
    from kg.sparql.catalogue import QueryFile, catalogue
    from kg.sparql.runner import QueryResult
    from kg.stores import DocumentInfo, Store

_LAZY = {
    "DocumentInfo": "kg.stores",
    "FileReport": "kg.ingest",
    "IngestSummary": "kg.ingest",
    "QueryFile": "kg.sparql.catalogue",
    "QueryResult": "kg.sparql.runner",
    "Store": "kg.stores",
    "SummitGraph": "kg.graph",
    "ValidationReport": "kg.rdf.validation",
    "Violation": "kg.rdf.validation",
    "catalogue": "kg.sparql.catalogue",
    "load": "kg.graph",
}
"""Public names imported on first use, so ``import kg.cli`` or ``kg.errors`` loads no more
than it needs (the command line answers a query without the article reader)."""


def __getattr__(name: str) -> typing.Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'kg' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


__all__ = [
    "DocumentInfo",
    "FileReport",
    "IngestSummary",
    "KGError",
    "LoaderError",
    "NetworkRefused",
    "QueryError",
    "QueryFile",
    "QueryRejected",
    "QueryResult",
    "QueryTimeout",
    "ResourceMissing",
    "Store",
    "StoreError",
    "SummitGraph",
    "UsageError",
    "ValidationReport",
    "Violation",
    "__version__",
    "catalogue",
    "load",
]

__version__ = "0.1.0"
