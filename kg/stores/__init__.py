"""Stores behind one option: ``memory``, ``oxigraph:PATH`` or ``sparql:URL``.

Examples:
    >>> open_store("memory").spec
    'memory'
    >>> open_store("postgres:db")
    Traceback (most recent call last):
    ...
    kg.errors.UsageError: unknown store 'postgres:db'; use 'memory', 'oxigraph:PATH' or 'sparql:URL'
"""

from __future__ import annotations

from kg.errors import UsageError
from kg.stores.base import DocumentInfo, GraphData, Store

__all__ = ["DocumentInfo", "GraphData", "Store", "open_store"]


def open_store(spec: str | Store | None = None, *, read_only: bool = False) -> Store:
    """The store a ``--store`` value names (``None``: a new in-memory store).

    ``read_only`` opens an existing persistent store for reading only (a
    missing Oxigraph folder is then an error, not a new store).

    Raises:
        UsageError: an unknown kind of store or an empty path/URL.
        StoreError: the store cannot be opened (missing, in use, unreachable).
    """
    if isinstance(spec, Store):
        return spec
    if spec is None or spec == "memory":
        from kg.stores.memory import MemoryStore

        return MemoryStore()
    kind, _, where = spec.partition(":")
    if kind == "oxigraph" and where:
        from kg.stores.oxigraph import OxigraphStore

        return OxigraphStore(where, read_only=read_only)
    if kind == "sparql" and where:
        from kg.stores.sparql import SparqlStore

        return SparqlStore(where, read_only=read_only)
    raise UsageError(f"unknown store '{spec}'; use 'memory', 'oxigraph:PATH' or 'sparql:URL'")
