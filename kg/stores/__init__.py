"""Stores as a registry: a ``--store`` value in, an open :class:`Store` out.

Each kind of store is one row of :data:`STORES`: its name, the ``--store``
syntax, a one-line description and the class that implements it. The class's
module is imported only when a store of that kind is opened. :func:`open_store`
and the command line's ``--store`` help read the table; adding a store is one
row here and one :class:`Store` subclass.

Examples:
    >>> open_store("memory").spec
    'memory'
    >>> store_syntax()
    "'memory', 'oxigraph:PATH' or 'sparql:URL'"
    >>> open_store("postgres:db")
    Traceback (most recent call last):
    ...
    kg.errors.UsageError: unknown store 'postgres:db'; use 'memory', 'oxigraph:PATH' or 'sparql:URL'
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from kg.errors import UsageError
from kg.stores.base import DocumentInfo, GraphData, GraphStamp, Store, find_document

__all__ = [
    "DEFAULT_STORE",
    "STORES",
    "DocumentInfo",
    "GraphData",
    "GraphStamp",
    "Store",
    "StoreKind",
    "find_document",
    "open_store",
    "store_syntax",
]


@dataclass(frozen=True)
class StoreKind:
    """A registered kind of store: name, ``--store`` syntax, description, implementing class.

    ``where`` names the part after ``name:`` (``"PATH"``, ``"URL"``), or is
    ``None`` for a kind that takes none (the spec is then the bare name).

    Examples:
        >>> STORES["oxigraph"].syntax
        'oxigraph:PATH'
        >>> STORES["memory"].syntax
        'memory'
    """

    name: str
    where: str | None
    description: str
    module: str
    cls: str

    @property
    def syntax(self) -> str:
        """How a ``--store`` value of this kind is written."""
        return self.name if self.where is None else f"{self.name}:{self.where}"

    def open(self, where: str, *, read_only: bool = False) -> Store:
        """Import the class (first use only) and open the store at ``where``.

        Raises:
            StoreError: the store cannot be opened (missing, in use, unreachable).
        """
        store_class: Callable[..., Store] = getattr(importlib.import_module(self.module), self.cls)
        if self.where is None:
            return store_class()
        return store_class(where, read_only=read_only)


STORES: dict[str, StoreKind] = {
    "memory": StoreKind(
        "memory",
        None,
        "an rdflib Dataset in this process, not kept",
        "kg.stores.memory",
        "MemoryStore",
    ),
    "oxigraph": StoreKind(
        "oxigraph",
        "PATH",
        "an Oxigraph database in the folder PATH, kept between runs",
        "kg.stores.oxigraph",
        "OxigraphStore",
    ),
    "sparql": StoreKind(
        "sparql",
        "URL",
        "a SPARQL 1.1 server at URL (query and update), kept by the server",
        "kg.stores.sparql",
        "SparqlStore",
    ),
}
DEFAULT_STORE = "memory"
"""The kind of store used when none is named."""


def store_syntax(quote: str = "'", *, default: str = "") -> str:
    """Every ``--store`` syntax, as a list in words; ``default`` is put after the default kind.

    Examples:
        >>> store_syntax("", default=" (default)")
        'memory (default), oxigraph:PATH or sparql:URL'
    """
    names = [
        f"{quote}{kind.syntax}{quote}" + (default if name == DEFAULT_STORE else "")
        for name, kind in STORES.items()
    ]
    return ", ".join(names[:-1]) + " or " + names[-1] if len(names) > 1 else names[0]


def open_store(spec: str | Store | None = None, *, read_only: bool = False) -> Store:
    """The store a ``--store`` value names (``None``: a new store of the default kind).

    ``read_only`` opens an existing persistent store for reading only (a
    missing Oxigraph folder is then an error, not a new store).

    Raises:
        UsageError: an unknown kind of store or an empty path/URL.
        StoreError: the store cannot be opened (missing, in use, unreachable).
    """
    if isinstance(spec, Store):
        return spec
    if spec is None:
        spec = DEFAULT_STORE
    name, colon, where = spec.partition(":")
    kind = STORES.get(name)
    if kind is not None and (bool(where) if kind.where is not None else not colon):
        return kind.open(where, read_only=read_only)
    raise UsageError(f"unknown store '{spec}'; use {store_syntax()}")
