"""summit-kg: coverage of a diplomatic summit as an RDF knowledge graph.

Examples:
    >>> import kg
    >>> g = kg.load()                      # the embedded Alaska briefing
    >>> rows = g.query("outcomes-by-topic", topic="Cybersecurity")
    >>> [str(r["likelihood"]) for r in rows]
    ['anticipated', 'possible', 'projected']
"""

from __future__ import annotations

from kg.errors import (
    KGError,
    LoaderError,
    QueryError,
    QueryRejected,
    ResourceMissing,
    StoreError,
    UsageError,
)
from kg.graph import DocumentInfo, SummitGraph, load
from kg.sparql.catalogue import catalogue
from kg.sparql.runner import QueryResult

__all__ = [
    "DocumentInfo",
    "KGError",
    "LoaderError",
    "QueryError",
    "QueryRejected",
    "QueryResult",
    "ResourceMissing",
    "StoreError",
    "SummitGraph",
    "UsageError",
    "__version__",
    "catalogue",
    "load",
]

__version__ = "0.1.0"
