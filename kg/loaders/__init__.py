"""Input formats as plugins: a registry keyed by name and file suffix.

Each loader module is imported only when a file of its kind is loaded. A
loader turns a file into one or more named graphs ``(graph IRI, Graph)``; it
never touches a store.

Examples:
    >>> loader_for("briefing.md").name
    'article'
    >>> loader_for("notes.xlsx")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kg.errors.LoaderError: notes.xlsx: no loader for '.xlsx'. Known: article (.md, ...
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.term import Node

from kg.errors import LoaderError
from kg.rdf.formats import RDF_FORMATS

__all__ = ["LOADERS", "LoadFunction", "Loaded", "LoaderSpec", "known_suffixes", "loader_for"]

LoadFunction = Callable[[Path], Iterator[tuple[URIRef, Graph]]]
Triples = Graph | tuple[tuple[Node, Node, Node], ...]
"""A graph's triples: an rdflib Graph, or a plain tuple where building one would be waste."""


@dataclass(frozen=True)
class Loaded:
    """What a loader read from one file: its named graphs and what it had to skip.

    ``graphs`` are ``(graph IRI, triples)`` pairs; ``warnings`` are
    ``(line, message)`` pairs (line 0 when there is none).
    """

    path: Path
    graphs: tuple[tuple[URIRef, Triples], ...]
    warnings: tuple[tuple[int, str], ...] = ()


@dataclass(frozen=True)
class LoaderSpec:
    """A registered input format: name, file suffixes and the module that reads it."""

    name: str
    suffixes: tuple[str, ...]
    module: str

    def load(self, path: Path) -> Iterator[tuple[URIRef, Graph]]:
        """Import the loader module (first use only) and read ``path``."""
        function: LoadFunction = importlib.import_module(self.module).load
        return function(path)

    def read(self, path: Path) -> Loaded:
        """Read ``path`` with its warnings (from the module's ``read`` where it has one)."""
        module = importlib.import_module(self.module)
        reader: Callable[[Path], Loaded] | None = getattr(module, "read", None)
        if reader is not None:
            return reader(path)
        return Loaded(path, tuple(self.load(path)))

    def identify(self, path: Path) -> tuple[URIRef, ...] | None:
        """The graph IRIs ``path`` would give, found without parsing it, or ``None``.

        Loaders whose graph names follow from the file's content hash define
        ``identify``; an ingest skips files whose graphs are all in the store.
        """
        module = importlib.import_module(self.module)
        identify: Callable[[Path], tuple[URIRef, ...] | None] | None = getattr(
            module, "identify", None
        )
        return None if identify is None else identify(path)


LOADERS: dict[str, LoaderSpec] = {
    "article": LoaderSpec("article", (".md", ".markdown", ".txt"), "kg.loaders.article"),
    "html": LoaderSpec("html", (".html", ".htm", ".xhtml"), "kg.loaders.html"),
    "rdf": LoaderSpec(
        "rdf", tuple(sorted(fmt.suffix for fmt in RDF_FORMATS.values())), "kg.loaders.rdf"
    ),
    "table": LoaderSpec("table", (".csv", ".tsv"), "kg.loaders.table"),
}


def known_suffixes() -> set[str]:
    """Every suffix some loader reads."""
    return {suffix for spec in LOADERS.values() for suffix in spec.suffixes}


def loader_for(path: str | Path, format: str | None = None) -> LoaderSpec:
    """The loader for ``path``, by explicit ``format`` name or by suffix.

    Raises:
        LoaderError: no loader has that name or reads that suffix.
    """
    if format is not None:
        if format not in LOADERS:
            raise LoaderError(f"unknown format '{format}'. Known: {', '.join(LOADERS)}", path=path)
        return LOADERS[format]
    suffix = Path(path).suffix.lower()
    for spec in LOADERS.values():
        if suffix in spec.suffixes:
            return spec
    known = ", ".join(f"{s.name} ({', '.join(s.suffixes)})" for s in LOADERS.values())
    raise LoaderError(f"no loader for '{suffix or path}'. Known: {known}", path=path)
