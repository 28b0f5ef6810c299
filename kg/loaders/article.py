"""The article loader: text → Document → claims → one named graph.

Examples:
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "a.md"
    >>> _ = path.write_text("Trump and Putin Set to Meet in Alaska\\nTalks are planned.\\n")
    >>> [(str(iri)[-20:], len(graph) > 10) for iri, graph in load(path)]
    [('doc/0b5d3b4a3f1cd7ed', True)]
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from rdflib import Graph, URIRef

from kg.loaders import Loaded
from kg.loaders.sources import read_text
from kg.rdf.iris import document_iri
from kg.rdf.mapping import to_graph, to_triples
from kg.text.budget import reading
from kg.text.claims import Claims
from kg.text.extract import extract
from kg.text.normalize import content_hash
from kg.text.parse import normalise_text, parse_article

__all__ = ["identify", "load", "read"]


def identify(path: Path) -> tuple[URIRef, ...]:
    """The document IRI of an article file: the hash of its normalised text, no parsing.

    Raises:
        LoaderError: the file is not UTF-8 text.
    """
    return (document_iri(content_hash(normalise_text(read_text(path)))),)


def read(path: Path, *, budget: float | None = None) -> Loaded:
    """Read one article file into its named graph, with the lines it skipped.

    Parsing and extraction together stop at the per-document time budget
    (:mod:`kg.text.budget`: 30 s unless ``SUMMIT_KG_DOCUMENT_BUDGET`` or ``budget`` says).

    Raises:
        LoaderError: the file is not UTF-8 text or holds no article, or reading it ran past
            the budget.
    """
    claims, warnings = _claims(path, budget)
    return Loaded(path, (to_triples(claims),), warnings)


def load(path: Path, *, budget: float | None = None) -> Iterator[tuple[URIRef, Graph]]:
    """Read one article file into its named graph, as an rdflib Graph (see :func:`read`)."""
    claims, _ = _claims(path, budget)
    yield to_graph(claims)


def _claims(path: Path, budget: float | None) -> tuple[Claims, tuple[tuple[int, str], ...]]:
    """The claims of the article at ``path`` and the document's warnings, within one budget."""
    text = read_text(path)
    with reading(path, budget):
        document = parse_article(text, source=str(path))
        return extract(document), document.warnings
